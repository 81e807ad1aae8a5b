import type {
  TFindProgrammesQuery,
  TParticipantInput,
  TProgrammeInput,
} from '../../../contracts/training.js';
import type { Executor } from '../../platform/db/executor.js';
import { findInOrg } from '../../platform/db/find-in-org.js';
import { containsInsensitive, toJson } from '../../platform/db/sql-helpers.js';
import { newId } from '../../platform/ids.js';

export async function findProgrammes(db: Executor, organizationId: string, q: TFindProgrammesQuery) {
  let base = db.selectFrom('trainingProgrammes as p').where('p.organizationId', '=', organizationId);
  if (q.projectId) {
    base = base.where('p.projectId', '=', q.projectId);
  }
  if (q.q) {
    const needle = q.q;
    base = base.where((eb) => containsInsensitive(eb.ref('p.searchText'), needle));
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll('p')
      .select((eb) =>
        eb
          .selectFrom('trainingCohorts as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.programmeId', '=', 'p.id')
          .as('cohortCount'),
      )
      .orderBy('p.titleSort')
      .orderBy('p.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function getProgramme(db: Executor, organizationId: string, id: string) {
  return findInOrg(db, 'trainingProgrammes', organizationId, id);
}

export function modulesOf(db: Executor, organizationId: string, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('trainingModules')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('programmeId', 'in', [...programmeIds])
    .orderBy('sortOrder')
    .execute();
}

export function cohortsOf(db: Executor, organizationId: string, programmeId: string) {
  return db
    .selectFrom('trainingCohorts')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('programmeId', '=', programmeId)
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
}

export function getCohort(db: Executor, organizationId: string, id: string) {
  return findInOrg(db, 'trainingCohorts', organizationId, id);
}

export function sessionsOfCohort(db: Executor, organizationId: string, cohortId: string) {
  return db
    .selectFrom('trainingSessions as s')
    .leftJoin('users as u', 'u.id', 's.trainerUserId')
    .selectAll('s')
    .select('u.displayName as trainerName')
    .where('s.organizationId', '=', organizationId)
    .where('s.cohortId', '=', cohortId)
    .orderBy('s.startsAt')
    .orderBy('s.id')
    .execute();
}

export function sessionsOfTrainer(db: Executor, organizationId: string, trainerUserId: string) {
  return db
    .selectFrom('trainingSessions as s')
    .innerJoin('trainingCohorts as c', 'c.id', 's.cohortId')
    .selectAll('s')
    .select('c.name as cohortName')
    .where('s.organizationId', '=', organizationId)
    .where('s.trainerUserId', '=', trainerUserId)
    .orderBy('s.startsAt')
    .execute();
}

export function getSession(db: Executor, organizationId: string, id: string) {
  return findInOrg(db, 'trainingSessions', organizationId, id);
}

/** Enrolments of a cohort with their participant columns, in waiting-list then name order. */
export function enrolmentsOfCohort(db: Executor, organizationId: string, cohortId: string) {
  return db
    .selectFrom('trainingEnrolments as e')
    .innerJoin('trainingParticipants as p', 'p.id', 'e.participantId')
    .selectAll('e')
    .select([
      'p.nameNative',
      'p.nameLatin',
      'p.gender',
      'p.country',
      'p.organizationName',
      'p.position',
      'p.email',
      'p.languagesJson',
      'p.passportNumber',
      'p.dateOfBirth',
      'p.version as participantVersion',
    ])
    .where('e.organizationId', '=', organizationId)
    .where('e.cohortId', '=', cohortId)
    .orderBy('e.waitlistPosition')
    .orderBy('p.nameLatin')
    .orderBy('e.id')
    .execute();
}
export type EnrolmentWithParticipant = Awaited<ReturnType<typeof enrolmentsOfCohort>>[number];

export function getEnrolment(db: Executor, organizationId: string, id: string) {
  return findInOrg(db, 'trainingEnrolments', organizationId, id);
}

export function attendanceOfCohort(db: Executor, organizationId: string, cohortId: string) {
  return db
    .selectFrom('trainingAttendance as a')
    .innerJoin('trainingSessions as s', 's.id', 'a.sessionId')
    .selectAll('a')
    .where('a.organizationId', '=', organizationId)
    .where('s.cohortId', '=', cohortId)
    .execute();
}

export function attendanceOfSession(db: Executor, organizationId: string, sessionId: string) {
  return db
    .selectFrom('trainingAttendance')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('sessionId', '=', sessionId)
    .execute();
}

export function getParticipant(db: Executor, organizationId: string, id: string) {
  return findInOrg(db, 'trainingParticipants', organizationId, id);
}

/** The participant of the organization with this e-mail (the e-mail identifies a person on import). */
export function participantByEmail(db: Executor, organizationId: string, email: string) {
  return db
    .selectFrom('trainingParticipants')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('email', '=', email)
    .orderBy('createdAt')
    .executeTakeFirst();
}

export function participantColumns(input: TParticipantInput) {
  return {
    nameNative: input.nameNative,
    nameLatin: input.nameLatin,
    gender: input.gender,
    country: input.country,
    organizationName: input.organizationName,
    position: input.position,
    email: input.email,
    languagesJson: toJson(input.languages),
    passportNumber: input.passportNumber,
    dateOfBirth: input.dateOfBirth,
  };
}

export function programmeColumns(input: TProgrammeInput) {
  return {
    projectId: input.projectId,
    titleJson: toJson(input.title),
    titleSort: (input.title.en ?? Object.values(input.title)[0] ?? '').trim().toLowerCase(),
    description: input.description,
    learningOutcomesJson: toJson(input.learningOutcomes),
    languagesJson: toJson(input.languages),
    interpretationNeeds: input.interpretationNeeds,
    completionRuleJson: toJson(input.completionRule),
    searchText: [...Object.values(input.title), input.description].join(' \u0001 ').toLowerCase(),
  };
}

/** Replaces the modules of a programme; ids are kept for modules that already belonged to it. */
export async function replaceModules(
  trx: Executor,
  organizationId: string,
  programmeId: string,
  modules: TProgrammeInput['modules'],
) {
  const existing = await trx
    .selectFrom('trainingModules')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('programmeId', '=', programmeId)
    .execute();
  const own = new Set(existing.map((r) => r.id));
  const keep = new Set(modules.filter((m) => m.id && own.has(m.id)).map((m) => m.id as string));
  const gone = [...own].filter((id) => !keep.has(id));
  if (gone.length > 0) {
    await trx.deleteFrom('trainingModules').where('id', 'in', gone).execute();
  }
  for (const [i, m] of modules.entries()) {
    const values = { kind: m.kind, titleJson: toJson(m.title), hours: m.hours, sortOrder: i };
    if (m.id && keep.has(m.id)) {
      await trx.updateTable('trainingModules').set(values).where('id', '=', m.id).execute();
    } else {
      await trx
        .insertInto('trainingModules')
        .values({ id: newId(), organizationId, programmeId, ...values })
        .execute();
    }
  }
}

/** Whether the user is an active member of the organization (trainers of sessions). */
export async function isActiveMember(db: Executor, organizationId: string, userId: string) {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** Active members who can lead sessions. */
export function trainersOf(db: Executor, organizationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.displayName', 'm.role'])
    .where('m.organizationId', '=', organizationId)
    .where('m.status', '=', 'active')
    .where('m.role', 'in', ['trainer', 'coordinator', 'project_manager', 'chief_expert', 'expert', 'admin'])
    .orderBy('u.displayName')
    .execute();
}
