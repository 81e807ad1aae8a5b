import { sql } from 'kysely';
import type { TFindSurveysQuery, TSurveyData } from '../../../contracts/surveys.js';
import type { Executor } from '../../platform/db/executor.js';
import { findInOrg } from '../../platform/db/find-in-org.js';
import { containsInsensitive, fromBool, toJson } from '../../platform/db/sql-helpers.js';

export function getSurvey(db: Executor, organizationId: string, id: string) {
  return findInOrg(db, 'surveys', organizationId, id);
}

/** Survey rows with the cohort's name and end date and the project's title. */
function surveysWithContext(db: Executor, organizationId: string) {
  return db
    .selectFrom('surveys as s')
    .leftJoin('trainingCohorts as c', (j) =>
      j.onRef('c.id', '=', 's.cohortId').on('c.organizationId', '=', organizationId),
    )
    .leftJoin('projects as p', (j) =>
      j.onRef('p.id', '=', 's.projectId').on('p.organizationId', '=', organizationId),
    )
    .selectAll('s')
    .select(['c.name as cohortName', 'c.endsOn as cohortEndsOn', 'p.titleJson as projectTitleJson'])
    .where('s.organizationId', '=', organizationId);
}
export type SurveyContextRow = NonNullable<Awaited<ReturnType<typeof getSurveyWithContext>>>;

export function getSurveyWithContext(db: Executor, organizationId: string, id: string) {
  return surveysWithContext(db, organizationId).where('s.id', '=', id).executeTakeFirst();
}

export async function findSurveys(db: Executor, organizationId: string, q: TFindSurveysQuery) {
  let query = surveysWithContext(db, organizationId);
  if (q.q) {
    query = query.where(containsInsensitive(sql.ref('s.searchText'), q.q));
  }
  if (q.projectId) {
    query = query.where('s.projectId', '=', q.projectId);
  }
  if (q.cohortId) {
    query = query.where('s.cohortId', '=', q.cohortId);
  }
  if (q.level) {
    query = query.where('s.level', '=', q.level);
  }
  if (q.status) {
    query = query.where('s.status', '=', q.status);
  }
  const desc = q.sort.startsWith('-');
  const key = q.sort.replace(/^-/, '');
  const column = key === 'title' ? 's.searchText' : key === 'level' ? 's.level' : 's.updatedAt';
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('s.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export function listSurveysWithContext(
  db: Executor,
  organizationId: string,
  filter: { projectId?: string; cohortId?: string; levels?: string[] },
) {
  let query = surveysWithContext(db, organizationId);
  if (filter.projectId) {
    query = query.where('s.projectId', '=', filter.projectId);
  }
  if (filter.cohortId) {
    query = query.where('s.cohortId', '=', filter.cohortId);
  }
  if (filter.levels) {
    query = query.where('s.level', 'in', filter.levels as ('L1' | 'L2' | 'L3' | 'L4')[]);
  }
  return query.orderBy('s.createdAt').orderBy('s.id').execute();
}

export function questionsOf(db: Executor, organizationId: string, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('surveyQuestions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('surveyId', 'in', surveyIds)
    .orderBy('surveyId')
    .orderBy('sortOrder')
    .execute();
}

export interface SurveyCounts {
  invited: number;
  responded: number;
  responses: number;
}

/** Invitations, answered invitations and stored responses per survey. */
export async function countsOf(
  db: Executor,
  organizationId: string,
  surveyIds: readonly string[],
): Promise<Map<string, SurveyCounts>> {
  const out = new Map<string, SurveyCounts>(
    surveyIds.map((id) => [id, { invited: 0, responded: 0, responses: 0 }]),
  );
  if (surveyIds.length === 0) {
    return out;
  }
  const [invitations, responses] = await Promise.all([
    db
      .selectFrom('surveyInvitations')
      .select((eb) => [
        'surveyId',
        eb.fn.countAll<number>().as('invited'),
        eb.fn.count<number>('respondedOn').as('responded'),
      ])
      .where('organizationId', '=', organizationId)
      .where('surveyId', 'in', surveyIds)
      .groupBy('surveyId')
      .execute(),
    db
      .selectFrom('surveyResponses')
      .select((eb) => ['surveyId', eb.fn.countAll<number>().as('n')])
      .where('organizationId', '=', organizationId)
      .where('surveyId', 'in', surveyIds)
      .groupBy('surveyId')
      .execute(),
  ]);
  for (const i of invitations) {
    const c = out.get(i.surveyId);
    if (c) {
      c.invited = Number(i.invited);
      c.responded = Number(i.responded);
    }
  }
  for (const r of responses) {
    const c = out.get(r.surveyId);
    if (c) {
      c.responses = Number(r.n);
    }
  }
  return out;
}

export function surveyColumns(input: TSurveyData, projectId: string | null) {
  const titles = Object.values(input.title).join(' ');
  return {
    projectId,
    cohortId: input.cohortId,
    level: input.level,
    testPhase: input.testPhase,
    preTestId: input.preTestId,
    titleJson: toJson(input.title),
    introJson: toJson(input.intro),
    defaultLocale: input.defaultLocale,
    anonymous: fromBool(input.anonymous),
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    followUpDays: input.followUpDays,
    searchText: titles.toLowerCase(),
  };
}

export function questionColumns(q: TSurveyData['questions'][number], sortOrder: number) {
  return {
    sortOrder,
    type: q.type,
    textJson: toJson(q.text),
    helpJson: toJson(q.help),
    optionsJson: toJson(q.options),
    required: fromBool(q.required),
    reverseCoded: fromBool(q.reverseCoded),
    scaleKey: q.scaleKey,
    scored: fromBool(q.scored),
    correctJson: toJson(q.correct),
    points: q.points,
    purpose: q.purpose,
    appliedJson: toJson(q.applied),
    currency: q.currency,
    minValue: q.minValue,
    maxValue: q.maxValue,
  };
}

export function getCohortWithProject(db: Executor, organizationId: string, cohortId: string) {
  return db
    .selectFrom('trainingCohorts as c')
    .innerJoin('trainingProgrammes as p', 'p.id', 'c.programmeId')
    .select(['c.id', 'c.name', 'c.endsOn', 'p.projectId'])
    .where('c.organizationId', '=', organizationId)
    .where('c.id', '=', cohortId)
    .executeTakeFirst();
}

/** Participants holding a seat in the cohort (not withdrawn, not waiting). */
export function seatedParticipantsOf(db: Executor, organizationId: string, cohortId: string) {
  return db
    .selectFrom('trainingEnrolments as e')
    .innerJoin('trainingParticipants as p', 'p.id', 'e.participantId')
    .select(['p.id', 'p.nameLatin', 'p.email', 'p.languagesJson'])
    .where('e.organizationId', '=', organizationId)
    .where('e.cohortId', '=', cohortId)
    .where('e.status', '!=', 'withdrawn')
    .where('e.waitlistPosition', 'is', null)
    .orderBy('p.nameLatin')
    .execute();
}

export function participantsByIds(db: Executor, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('trainingParticipants')
    .select(['id', 'nameLatin', 'nameNative', 'email', 'languagesJson', 'country', 'gender'])
    .where('organizationId', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

export function invitationsOf(db: Executor, organizationId: string, surveyId: string) {
  return db
    .selectFrom('surveyInvitations as i')
    .innerJoin('trainingParticipants as p', 'p.id', 'i.participantId')
    .selectAll('i')
    .select(['p.nameLatin', 'p.nameNative', 'p.email'])
    .where('i.organizationId', '=', organizationId)
    .where('i.surveyId', '=', surveyId)
    .orderBy('p.nameLatin')
    .orderBy('i.id')
    .execute();
}

export function getInvitation(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('surveyInvitations as i')
    .innerJoin('trainingParticipants as p', 'p.id', 'i.participantId')
    .selectAll('i')
    .select(['p.email'])
    .where('i.organizationId', '=', organizationId)
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** The invitation, survey and organization a link's token hash belongs to. */
export function linkByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('surveyLinks as l')
    .innerJoin('surveyInvitations as i', 'i.id', 'l.invitationId')
    .innerJoin('surveys as s', 's.id', 'i.surveyId')
    .innerJoin('organizations as o', 'o.id', 's.organizationId')
    .select([
      'i.id as invitationId',
      'i.participantId',
      'i.locale',
      'i.respondedOn',
      's.id as surveyId',
      's.organizationId',
      's.titleJson',
      's.introJson',
      's.anonymous',
      's.status',
      's.opensOn',
      's.closesOn',
      'o.name as organizationName',
      'o.timeZone',
    ])
    .where('l.tokenHash', '=', tokenHash)
    .whereRef('l.organizationId', '=', 's.organizationId')
    .executeTakeFirst();
}

/** Every response of the surveys with its answers (for the analytics, computed on read). */
export async function responsesWithAnswers(
  db: Executor,
  organizationId: string,
  surveyIds: readonly string[],
) {
  if (surveyIds.length === 0) {
    return [];
  }
  const responses = await db
    .selectFrom('surveyResponses as r')
    .leftJoin('trainingParticipants as p', (j) =>
      j.onRef('p.id', '=', 'r.participantId').on('p.organizationId', '=', organizationId),
    )
    .select([
      'r.id',
      'r.surveyId',
      'r.participantId',
      'r.submittedAt',
      'p.nameLatin',
      'p.country',
      'p.gender',
    ])
    .where('r.organizationId', '=', organizationId)
    .where('r.surveyId', 'in', surveyIds)
    .orderBy('r.id')
    .execute();
  const answers = await db
    .selectFrom('surveyAnswers as a')
    .innerJoin('surveyResponses as r', 'r.id', 'a.responseId')
    .select(['a.responseId', 'a.questionId', 'a.valueNumber', 'a.valueText', 'a.valueChoicesJson'])
    .where('a.organizationId', '=', organizationId)
    .where('r.surveyId', 'in', surveyIds)
    .execute();
  const byResponse = new Map<string, typeof answers>();
  for (const a of answers) {
    byResponse.set(a.responseId, [...(byResponse.get(a.responseId) ?? []), a]);
  }
  return responses.map((r) => ({ ...r, answers: byResponse.get(r.id) ?? [] }));
}
export type ResponseWithAnswers = Awaited<ReturnType<typeof responsesWithAnswers>>[number];
