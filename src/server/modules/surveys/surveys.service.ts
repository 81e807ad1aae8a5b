import type { Locale } from '../../../contracts/common.js';
import { Permission } from '../../../contracts/roles.js';
import type {
  SurveyLevel,
  SurveyStatus,
  TFindSurveysQuery,
  TSurvey,
  TSurveyData,
} from '../../../contracts/surveys.js';
import { ZSurveyDraft, ZSurveyInput } from '../../../contracts/surveys.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { projectExists } from '../projects/projects.repository.js';
import { surveyTemplate } from './survey-templates.js';
import {
  inviteParticipants,
  issueLinkToken,
  remindInvitations,
  surveyLinkUrl,
} from './surveys.invitations.js';
import { presentInvitation, presentSurvey, presentSurveySummary } from './surveys.presenter.js';
import * as repo from './surveys.repository.js';

type Issue = { path: (string | number)[]; message: string };

function invalid(issues: Issue[]): AppError {
  return new AppError('INVALID_INPUT', issues.map((i) => i.message).join(', '), { issues });
}

function abilitiesFor(ctx: ServiceContext, responses: number): TSurvey['abilities'] {
  const write = can(ctx, Permission.SurveyWrite);
  return {
    update: write,
    editStructure: write && responses === 0,
    invite: write,
    readResults: can(ctx, Permission.SurveyResultsRead),
  };
}

export async function loadSurvey(ctx: ServiceContext, db: Executor, id: string): Promise<TSurvey> {
  const orgId = ctx.actor.organizationId;
  const row = await repo.getSurveyWithContext(db, orgId, id);
  if (!row) {
    throw notFound('Survey');
  }
  const [questions, counts] = await Promise.all([
    repo.questionsOf(db, orgId, [id]),
    repo.countsOf(db, orgId, [id]),
  ]);
  const c = counts.get(id);
  return presentSurvey(row, c, questions, abilitiesFor(ctx, c?.responses ?? 0));
}

export async function findSurveys(ctx: ServiceContext, q: TFindSurveysQuery) {
  requirePermission(ctx, Permission.SurveyRead);
  const orgId = ctx.actor.organizationId;
  const { rows, total } = await repo.findSurveys(ctx.deps.db, orgId, q);
  const ids = rows.map((r) => r.id);
  const [counts, questions] = await Promise.all([
    repo.countsOf(ctx.deps.db, orgId, ids),
    repo.questionsOf(ctx.deps.db, orgId, ids),
  ]);
  return {
    data: rows.map((r) =>
      presentSurveySummary(r, counts.get(r.id), questions.filter((x) => x.surveyId === r.id).length),
    ),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

export async function getSurvey(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.SurveyRead);
  return loadSurvey(ctx, ctx.deps.db, id);
}

/** A template for a level, filled for a project or cohort (the project's currency for L4). */
export async function getTemplate(
  ctx: ServiceContext,
  level: SurveyLevel,
  opts: { projectId?: string; cohortId?: string },
): Promise<TSurveyData> {
  requirePermission(ctx, Permission.SurveyRead);
  const orgId = ctx.actor.organizationId;
  let projectId = opts.projectId ?? null;
  if (opts.cohortId) {
    const cohort = await repo.getCohortWithProject(ctx.deps.db, orgId, opts.cohortId);
    if (!cohort) {
      throw notFound('Cohort');
    }
    projectId = cohort.projectId;
  }
  const project = projectId
    ? await ctx.deps.db
        .selectFrom('projects')
        .select(['id', 'defaultCurrency'])
        .where('organizationId', '=', orgId)
        .where('id', '=', projectId)
        .executeTakeFirst()
    : undefined;
  if (projectId && !project) {
    throw notFound('Project');
  }
  // A draft: the builder asks for the project or cohort before saving when none was given here.
  return ZSurveyDraft.parse(
    surveyTemplate(level, {
      projectId,
      cohortId: opts.cohortId ?? null,
      currency: project?.defaultCurrency,
      defaultLocale: ctx.actor.locale,
    }),
  );
}

/**
 * Checks the references of a survey input inside the organization and returns the project it
 * belongs to (the cohort's programme's project when a cohort is given).
 */
async function resolveReferences(
  ctx: ServiceContext,
  trx: Executor,
  input: TSurveyData,
  selfId: string | null,
): Promise<string | null> {
  const orgId = ctx.actor.organizationId;
  const issues: Issue[] = [];
  let projectId = input.projectId;
  if (input.cohortId) {
    const cohort = await repo.getCohortWithProject(trx, orgId, input.cohortId);
    if (!cohort) {
      issues.push({ path: ['cohortId'], message: 'unknown_cohort' });
    } else if (projectId && projectId !== cohort.projectId) {
      issues.push({ path: ['projectId'], message: 'cohort_not_in_project' });
    } else {
      projectId = cohort.projectId;
    }
  } else if (projectId && !(await projectExists(trx, orgId, projectId))) {
    issues.push({ path: ['projectId'], message: 'unknown_project' });
  }
  if (input.preTestId) {
    const pre = await repo.getSurvey(trx, orgId, input.preTestId);
    if (!pre || pre.id === selfId || pre.level !== 'L2' || pre.testPhase !== 'pre') {
      issues.push({ path: ['preTestId'], message: 'unknown_pre_test' });
    }
  }
  if (issues.length > 0) {
    throw invalid(issues);
  }
  return projectId;
}

async function insertQuestions(
  ctx: ServiceContext,
  trx: Executor,
  surveyId: string,
  questions: TSurveyData['questions'],
) {
  for (const [i, q] of questions.entries()) {
    await trx
      .insertInto('surveyQuestions')
      .values({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        surveyId,
        ...repo.questionColumns(q, i),
      })
      .execute();
  }
}

const snapshot = ({ abilities: _a, counts: _c, responseCount: _r, ...rest }: TSurvey) => rest;

export async function createSurvey(ctx: ServiceContext, input: TSurveyData) {
  requirePermission(ctx, Permission.SurveyWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const projectId = await resolveReferences(ctx, trx, input, null);
    const unknownIds = input.questions.flatMap((q, i) => (q.id ? [i] : []));
    if (unknownIds.length > 0) {
      throw invalid(unknownIds.map((i) => ({ path: ['questions', i, 'id'], message: 'unknown_question' })));
    }
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('surveys')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.surveyColumns(input, projectId),
        status: 'draft',
        followUpOf: null,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    await insertQuestions(ctx, trx, id, input.questions);
    const created = await loadSurvey(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'survey',
      entityId: id,
      after: snapshot(created),
    });
    return created;
  });
}

const surveyEntity: VersionedEntity<TSurvey> = {
  table: 'surveys',
  entityType: 'survey',
  load: loadSurvey,
  snapshot,
};

/**
 * Once answers exist, what they mean must not change under them: questions can be reworded,
 * reordered, re-keyed for scoring, but not added, removed, retyped or given other options; and the
 * level, test phase and anonymity stay as they were. Once invitations exist, the cohort stays.
 */
function frozenIssues(before: TSurvey, data: TSurveyData, invited: boolean): Issue[] {
  const issues: Issue[] = [];
  if (invited && data.cohortId !== before.cohortId) {
    issues.push({ path: ['cohortId'], message: 'frozen_after_invitations' });
  }
  if (before.responseCount === 0) {
    return issues;
  }
  if (data.level !== before.level) {
    issues.push({ path: ['level'], message: 'frozen_after_responses' });
  }
  if (data.testPhase !== before.testPhase) {
    issues.push({ path: ['testPhase'], message: 'frozen_after_responses' });
  }
  if (data.anonymous !== before.anonymous) {
    issues.push({ path: ['anonymous'], message: 'frozen_after_responses' });
  }
  const kept = new Set(data.questions.map((q) => q.id));
  if (before.questions.some((q) => !kept.has(q.id))) {
    issues.push({ path: ['questions'], message: 'structure_frozen' });
  }
  data.questions.forEach((q, i) => {
    const old = before.questions.find((b) => b.id === q.id);
    if (!old) {
      issues.push({ path: ['questions', i], message: 'structure_frozen' });
      return;
    }
    if (old.type !== q.type) {
      issues.push({ path: ['questions', i, 'type'], message: 'structure_frozen' });
    }
    const a = old.options.map((o) => o.key).join('|');
    const b = q.options.map((o) => o.key).join('|');
    if (a !== b) {
      issues.push({ path: ['questions', i, 'options'], message: 'structure_frozen' });
    }
  });
  return issues;
}

export async function updateSurvey(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TSurveyData },
) {
  requirePermission(ctx, Permission.SurveyWrite);
  const data = input.data;
  return versionedChange(ctx, surveyEntity, id, input.version, {
    set: async (trx, before) => {
      const projectId = await resolveReferences(ctx, trx, data, id);
      const counts = (await repo.countsOf(trx, ctx.actor.organizationId, [id])).get(id);
      const issues = frozenIssues(before, data, (counts?.invited ?? 0) > 0);
      const known = new Set(before.questions.map((q) => q.id));
      data.questions.forEach((q, i) => {
        if (q.id && !known.has(q.id)) {
          issues.push({ path: ['questions', i, 'id'], message: 'unknown_question' });
        }
      });
      if (issues.length > 0) {
        throw invalid(issues);
      }
      return repo.surveyColumns(data, projectId);
    },
    afterSet: async (trx, before) => {
      const orgId = ctx.actor.organizationId;
      const kept = new Set(data.questions.flatMap((q) => (q.id ? [q.id] : [])));
      const removed = before.questions.filter((q) => !kept.has(q.id)).map((q) => q.id);
      if (removed.length > 0) {
        await trx
          .deleteFrom('surveyQuestions')
          .where('organizationId', '=', orgId)
          .where('surveyId', '=', id)
          .where('id', 'in', removed)
          .execute();
      }
      for (const [i, q] of data.questions.entries()) {
        if (q.id) {
          await trx
            .updateTable('surveyQuestions')
            .set(repo.questionColumns(q, i))
            .where('organizationId', '=', orgId)
            .where('surveyId', '=', id)
            .where('id', '=', q.id)
            .execute();
        } else {
          await trx
            .insertInto('surveyQuestions')
            .values({ id: newId(), organizationId: orgId, surveyId: id, ...repo.questionColumns(q, i) })
            .execute();
        }
      }
    },
  });
}

const TRANSITIONS: Record<SurveyStatus, SurveyStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

/** Opens, closes or reopens a survey. @throws INVALID_STATE for any other move */
export async function setSurveyStatus(
  ctx: ServiceContext,
  id: string,
  input: { version: number; status: SurveyStatus },
) {
  requirePermission(ctx, Permission.SurveyWrite);
  return versionedChange(
    ctx,
    surveyEntity,
    id,
    input.version,
    {
      set: (_trx, before) => {
        if (!TRANSITIONS[before.status].includes(input.status)) {
          throw new AppError('INVALID_STATE', `A ${before.status} survey cannot become ${input.status}`, {
            status: before.status,
          });
        }
        return { status: input.status };
      },
    },
    { snapshot: (s) => ({ status: s.status }) },
  );
}

/** Deletes a draft nobody was invited to. @throws INVALID_STATE otherwise */
export async function deleteSurvey(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.SurveyWrite);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSurvey(ctx, trx, id);
    if (before.status !== 'draft' || before.counts.invited > 0 || before.responseCount > 0) {
      throw new AppError('INVALID_STATE', 'Only a draft without invitations can be deleted', {
        status: before.status,
      });
    }
    await trx
      .deleteFrom('surveys')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'survey',
      entityId: id,
      before: snapshot(before),
    });
  });
}

/** The post-test of a pre-test: the same questions, matched by participant for the gain. */
export async function createPostTest(ctx: ServiceContext, preTestId: string) {
  requirePermission(ctx, Permission.SurveyWrite);
  const pre = await loadSurvey(ctx, ctx.deps.db, preTestId);
  if (pre.level !== 'L2' || pre.testPhase !== 'pre') {
    throw new AppError('INVALID_STATE', 'Only a pre-test has a post-test', { testPhase: pre.testPhase });
  }
  const existing = await ctx.deps.db
    .selectFrom('surveys')
    .select('id')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('preTestId', '=', preTestId)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('ALREADY_EXISTS', 'This pre-test already has a post-test', { surveyId: existing.id });
  }
  const data = ZSurveyInput.parse({
    projectId: pre.projectId,
    cohortId: pre.cohortId,
    level: 'L2',
    testPhase: 'post',
    preTestId,
    title: pre.title,
    intro: pre.intro,
    defaultLocale: pre.defaultLocale,
    anonymous: false,
    opensOn: null,
    closesOn: null,
    followUpDays: pre.followUpDays,
    questions: pre.questions.map(({ id: _id, ...q }) => q),
  });
  return createSurvey(ctx, data);
}

// ---------------------------------------------------------------------------------------------
// Distribution
// ---------------------------------------------------------------------------------------------

export async function listInvitations(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.SurveyResultsRead);
  const survey = await repo.getSurvey(ctx.deps.db, ctx.actor.organizationId, id);
  if (!survey) {
    throw notFound('Survey');
  }
  const rows = await repo.invitationsOf(ctx.deps.db, ctx.actor.organizationId, id);
  return { data: rows.map(presentInvitation) };
}

async function organizationOf(trx: Executor, organizationId: string) {
  return trx
    .selectFrom('organizations')
    .select(['name', 'timeZone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

/**
 * Invites the chosen participants, or every seated participant of the survey's cohort, each with a
 * personal link mailed in their language. Nobody is invited twice.
 * @throws INVALID_STATE when the survey is not open
 */
export async function inviteToSurvey(
  ctx: ServiceContext,
  id: string,
  input: { participantIds?: string[]; locale?: Locale },
) {
  requirePermission(ctx, Permission.SurveyWrite);
  const orgId = ctx.actor.organizationId;
  const result = await ctx.deps.db.transaction().execute(async (trx) => {
    const survey = await repo.getSurvey(trx, orgId, id);
    if (!survey) {
      throw notFound('Survey');
    }
    if (survey.status !== 'open') {
      throw new AppError('INVALID_STATE', 'Open the survey before inviting', { status: survey.status });
    }
    let invitees: { id: string; email: string; languagesJson: string }[];
    if (input.participantIds) {
      const ids = [...new Set(input.participantIds)];
      invitees = await repo.participantsByIds(trx, orgId, ids);
      const known = new Set(invitees.map((p) => p.id));
      const issues = input.participantIds.flatMap((p, i) =>
        known.has(p) ? [] : [{ path: ['participantIds', i], message: 'unknown_participant' }],
      );
      if (issues.length > 0) {
        throw invalid(issues);
      }
    } else if (survey.cohortId) {
      invitees = await repo.seatedParticipantsOf(trx, orgId, survey.cohortId);
    } else {
      throw invalid([{ path: ['participantIds'], message: 'participants_required' }]);
    }
    const org = await organizationOf(trx, orgId);
    const r = await inviteParticipants(ctx.deps, trx, survey, org.name, invitees, {
      actorId: ctx.actor.userId,
      locale: input.locale,
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'survey_invitation',
      entityId: id,
      after: { invited: r.invited, participantIds: invitees.map((p) => p.id) },
    });
    return { invited: r.invited, skipped: r.skipped, withoutEmail: r.withoutEmail };
  });
  await ctx.deps.mailer.flush(ctx.deps.db);
  return result;
}

/**
 * Reminds every invitation not answered yet and not contacted today (organization's calendar).
 * @throws INVALID_STATE when the survey is not open
 */
export async function sendReminders(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.SurveyWrite);
  const orgId = ctx.actor.organizationId;
  const today = todayFor(ctx);
  const reminded = await ctx.deps.db.transaction().execute(async (trx) => {
    const survey = await repo.getSurvey(trx, orgId, id);
    if (!survey) {
      throw notFound('Survey');
    }
    if (survey.status !== 'open' || (survey.closesOn !== null && survey.closesOn < today)) {
      throw new AppError('INVALID_STATE', 'The survey is not open', { status: survey.status });
    }
    const org = await organizationOf(trx, orgId);
    const n = await remindInvitations(
      ctx.deps,
      trx,
      survey,
      org,
      (lastOn) => lastOn === null || lastOn < today,
    );
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'survey_invitation',
      entityId: id,
      after: { reminded: n },
    });
    return n;
  });
  await ctx.deps.mailer.flush(ctx.deps.db);
  return { reminded };
}

/** A fresh personal link to hand over in person (earlier links keep working). */
export async function issueInvitationLink(ctx: ServiceContext, invitationId: string) {
  requirePermission(ctx, Permission.SurveyWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const inv = await repo.getInvitation(trx, ctx.actor.organizationId, invitationId);
    if (!inv) {
      throw notFound('Invitation');
    }
    const token = await issueLinkToken(ctx.deps, trx, ctx.actor.organizationId, inv.id);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'survey_invitation',
      entityId: inv.id,
      after: { linkIssued: true },
    });
    return { url: surveyLinkUrl(ctx.deps, token) };
  });
}

/** Cohorts to attach a survey to, newest first, with their programme and project. */
export async function cohortOptions(ctx: ServiceContext) {
  requirePermission(ctx, Permission.SurveyRead);
  const rows = await ctx.deps.db
    .selectFrom('trainingCohorts as c')
    .innerJoin('trainingProgrammes as p', 'p.id', 'c.programmeId')
    .select(['c.id', 'c.name', 'c.startsOn', 'c.endsOn', 'p.projectId', 'p.titleJson'])
    .where('c.organizationId', '=', ctx.actor.organizationId)
    .orderBy('c.startsOn', 'desc')
    .orderBy('c.id')
    .limit(500)
    .execute();
  return {
    data: rows.map((r) => ({
      id: r.id,
      name: r.name,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      projectId: r.projectId,
      programmeTitle: parseJson<Record<string, string>>(r.titleJson, {}),
    })),
  };
}
