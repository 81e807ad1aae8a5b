import { ZSurveyInput } from '../../../contracts/surveys.js';
import { addDays, calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import { recordAuditAs } from '../../platform/audit/record-audit.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { runOncePerPeriod } from '../../platform/jobs/run-once.js';
import { surveyTemplate } from './survey-templates.js';
import { inviteParticipants, remindInvitations } from './surveys.invitations.js';
import * as repo from './surveys.repository.js';

/** Automatic reminders: at most this many, at least this many days after the last contact. */
export const AUTO_REMINDERS = { max: 2, afterDays: 4 } as const;
/** A follow-up created by the job stays open this many days. */
export const FOLLOW_UP_OPEN_DAYS = 30;

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Creates the due L3 follow-ups of one organization: for each survey with `followUpDays` whose
 * cohort ended that many days ago or more, an L3 survey from the template, opened and sent to the
 * cohort's seated participants. `follow_up_of` is unique, so a follow-up is created once however
 * many servers or days run this.
 */
async function createDueFollowUps(deps: Deps, org: { id: string; name: string }, today: string) {
  const sources = await deps.db
    .selectFrom('surveys as s')
    .innerJoin('trainingCohorts as c', 'c.id', 's.cohortId')
    .leftJoin('surveys as f', (j) => j.onRef('f.followUpOf', '=', 's.id'))
    .selectAll('s')
    .select(['c.endsOn as cohortEndsOn'])
    .where('s.organizationId', '=', org.id)
    .where('s.followUpDays', 'is not', null)
    .where('c.endsOn', 'is not', null)
    .where('f.id', 'is', null)
    .execute();
  let created = 0;
  for (const s of sources) {
    if (
      !s.cohortEndsOn ||
      !s.followUpDays ||
      addDays(s.cohortEndsOn, s.followUpDays) > today ||
      !s.cohortId
    ) {
      continue;
    }
    const project = s.projectId
      ? await deps.db
          .selectFrom('projects')
          .select('defaultCurrency')
          .where('organizationId', '=', org.id)
          .where('id', '=', s.projectId)
          .executeTakeFirst()
      : undefined;
    const data = ZSurveyInput.parse({
      ...surveyTemplate('L3', {
        projectId: s.projectId,
        cohortId: s.cohortId,
        currency: project?.defaultCurrency,
        defaultLocale: s.defaultLocale,
      }),
      opensOn: today,
      closesOn: addDays(today, FOLLOW_UP_OPEN_DAYS),
    });
    const id = newId();
    const now = deps.clock.now().toISOString();
    try {
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('surveys')
          .values({
            id,
            organizationId: org.id,
            ...repo.surveyColumns(data, s.projectId),
            status: 'open',
            followUpOf: s.id,
            createdAt: now,
            updatedAt: now,
            createdBy: null,
            updatedBy: null,
            version: 1,
          })
          .execute();
        for (const [i, q] of data.questions.entries()) {
          await trx
            .insertInto('surveyQuestions')
            .values({ id: newId(), organizationId: org.id, surveyId: id, ...repo.questionColumns(q, i) })
            .execute();
        }
        const survey = await repo.getSurvey(trx, org.id, id);
        const invitees = await repo.seatedParticipantsOf(trx, org.id, s.cohortId as string);
        const r = survey
          ? await inviteParticipants(deps, trx, survey, org.name, invitees, { actorId: null })
          : { invited: 0 };
        await recordAuditAs(trx, {
          organizationId: org.id,
          actorId: null,
          actorEmail: null,
          at: now,
          action: 'create',
          entityType: 'survey',
          entityId: id,
          after: { level: 'L3', followUpOf: s.id, invited: r.invited },
          reason: 'follow_up_due',
        });
      });
      created++;
    } catch (err) {
      if (!isUniqueViolation(err)) {
        throw err;
      }
    }
  }
  return created;
}

/** Automatic reminders of one organization's open surveys (at most twice, four days apart). */
async function sendDueReminders(
  deps: Deps,
  org: { id: string; name: string; timeZone: string },
  today: string,
) {
  const open = await deps.db
    .selectFrom('surveys')
    .selectAll()
    .where('organizationId', '=', org.id)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('closesOn', 'is', null), eb('closesOn', '>=', today)]))
    .where((eb) => eb.or([eb('opensOn', 'is', null), eb('opensOn', '<=', today)]))
    .execute();
  const lastDue = addDays(today, -AUTO_REMINDERS.afterDays);
  let reminded = 0;
  for (const survey of open) {
    reminded += await deps.db
      .transaction()
      .execute((trx) =>
        remindInvitations(
          deps,
          trx,
          survey,
          org,
          (lastOn, count) => lastOn !== null && lastOn <= lastDue && count < AUTO_REMINDERS.max,
        ),
      );
  }
  return reminded;
}

/**
 * The daily survey job, claimed once per organization per calendar day (its own time zone) through
 * job_runs, so it is safe with several servers: creates due L3 follow-ups and reminds invitations
 * not answered yet.
 */
export async function runSurveyJobs(
  deps: Deps,
): Promise<{ organizations: number; followUps: number; reminders: number }> {
  const orgs = await deps.db.selectFrom('organizations').select(['id', 'name', 'timeZone']).execute();
  let organizations = 0;
  let followUps = 0;
  let reminders = 0;
  for (const org of orgs) {
    const today = calendarDateInTimeZone(deps.clock.now().toISOString(), org.timeZone);
    const outcome = await runOncePerPeriod(deps.db, deps.clock, `survey-jobs:${org.id}`, today, async () => {
      const created = await createDueFollowUps(deps, org, today);
      const sent = await sendDueReminders(deps, org, today);
      return { created, sent };
    });
    if (outcome.ran) {
      organizations++;
      followUps += outcome.result?.created ?? 0;
      reminders += outcome.result?.sent ?? 0;
    }
  }
  await deps.mailer.flush(deps.db);
  return { organizations, followUps, reminders };
}
