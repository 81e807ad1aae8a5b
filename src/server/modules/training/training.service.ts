import { Permission } from '../../../contracts/roles.js';
import type {
  AttendanceMark,
  EnrolmentStatus,
  TCohort,
  TCohortInput,
  TEnrolment,
  TFindProgrammesQuery,
  TParticipantInput,
  TProgramme,
  TProgrammeInput,
  TSessionAttendance,
  TSessionInput,
} from '../../../contracts/training.js';
import { evaluateCompletion, fromHundredths, toHundredths } from '../../../domain/training/completion.js';
import { placeNewEnrolment, rebalanceWaitingList } from '../../../domain/training/waiting-list.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { versionedChange } from '../../platform/db/versioned-change.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId, newToken } from '../../platform/ids.js';
import { projectExists } from '../projects/projects.repository.js';
import {
  type AttendanceStats,
  presentCohortSummary,
  presentEnrolment,
  presentParticipant,
  presentProgramme,
  presentProgrammeSummary,
  presentSession,
  ruleOf,
} from './training.presenter.js';
import * as repo from './training.repository.js';

const stamp = (ctx: ServiceContext) => {
  const now = ctx.deps.clock.now().toISOString();
  return {
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
    version: 1,
  };
};

function invalid(path: string[], message: string): AppError {
  return new AppError('INVALID_INPUT', message, { issues: [{ path, message }] });
}

/* ---------- programmes ---------- */

export async function findProgrammes(ctx: ServiceContext, q: TFindProgrammesQuery) {
  requirePermission(ctx, Permission.TrainingRead);
  const { rows, total } = await repo.findProgrammes(ctx.deps.db, ctx.actor.organizationId, q);
  const modules = await repo.modulesOf(
    ctx.deps.db,
    ctx.actor.organizationId,
    rows.map((r) => r.id),
  );
  return {
    data: rows.map((r) =>
      presentProgrammeSummary(
        r,
        modules.filter((m) => m.programmeId === r.id),
        Number(r.cohortCount ?? 0),
      ),
    ),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

async function loadProgramme(ctx: ServiceContext, db: Executor, id: string): Promise<TProgramme> {
  const row = await repo.getProgramme(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Programme');
  }
  const [modules, cohorts] = await Promise.all([
    repo.modulesOf(db, ctx.actor.organizationId, [id]),
    repo.cohortsOf(db, ctx.actor.organizationId, id),
  ]);
  const summaries = [];
  for (const c of cohorts) {
    const enrolments = await repo.enrolmentsOfCohort(db, ctx.actor.organizationId, c.id);
    summaries.push(presentCohortSummary(c, enrolments));
  }
  return presentProgramme(row, modules, summaries, can(ctx, Permission.TrainingWrite));
}

export async function getProgramme(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TrainingRead);
  return loadProgramme(ctx, ctx.deps.db, id);
}

async function checkProject(ctx: ServiceContext, trx: Executor, projectId: string) {
  if (!(await projectExists(trx, ctx.actor.organizationId, projectId))) {
    throw new AppError('INVALID_INPUT', 'Unknown project', {
      issues: [{ path: ['projectId'], message: 'unknown_project' }],
    });
  }
}

const programmeSnapshot = ({ abilities: _a, cohorts: _c, ...rest }: TProgramme) => rest;

export async function createProgramme(ctx: ServiceContext, input: TProgrammeInput) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await checkProject(ctx, trx, input.projectId);
    const id = newId();
    await trx
      .insertInto('trainingProgrammes')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.programmeColumns(input),
        ...stamp(ctx),
      })
      .execute();
    await repo.replaceModules(trx, ctx.actor.organizationId, id, input.modules);
    const created = await loadProgramme(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'training_programme',
      entityId: id,
      after: programmeSnapshot(created),
    });
    return created;
  });
}

export async function updateProgramme(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TProgrammeInput },
) {
  requirePermission(ctx, Permission.TrainingWrite);
  return versionedChange(
    ctx,
    {
      table: 'trainingProgrammes',
      entityType: 'training_programme',
      load: loadProgramme,
      snapshot: programmeSnapshot,
    },
    id,
    input.version,
    {
      set: async (trx) => {
        await checkProject(ctx, trx, input.data.projectId);
        return repo.programmeColumns(input.data);
      },
      afterSet: (trx) => repo.replaceModules(trx, ctx.actor.organizationId, id, input.data.modules),
    },
  );
}

/* ---------- cohorts and sessions ---------- */

/** Sessions, enrolments and attendance of a cohort, with the counts completion needs. */
async function cohortFacts(ctx: ServiceContext, db: Executor, cohortId: string) {
  const orgId = ctx.actor.organizationId;
  const cohort = await repo.getCohort(db, orgId, cohortId);
  if (!cohort) {
    throw notFound('Cohort');
  }
  const programme = await repo.getProgramme(db, orgId, cohort.programmeId);
  if (!programme) {
    throw notFound('Cohort');
  }
  const [sessions, enrolments, attendance] = await Promise.all([
    repo.sessionsOfCohort(db, orgId, cohortId),
    repo.enrolmentsOfCohort(db, orgId, cohortId),
    repo.attendanceOfCohort(db, orgId, cohortId),
  ]);
  // A session counts as held once it has started.
  const nowIso = ctx.deps.clock.now().toISOString();
  const held = new Set(sessions.filter((s) => s.startsAt <= nowIso).map((s) => s.id));
  const stats = new Map<string, AttendanceStats>();
  for (const e of enrolments) {
    stats.set(e.id, { sessionsHeld: held.size, present: 0, excused: 0 });
  }
  for (const a of attendance) {
    const s = stats.get(a.enrolmentId);
    if (s && held.has(a.sessionId)) {
      if (a.mark === 'present') {
        s.present++;
      } else if (a.mark === 'excused') {
        s.excused++;
      }
    }
  }
  return { cohort, programme, rule: ruleOf(programme), sessions, enrolments, attendance, stats };
}

/**
 * Who marks attendance and enters scores: whoever may change the training (coordinators, project
 * managers, admins) for every session; a trainer only for the sessions they give, and scores
 * only in a cohort where they give at least one session.
 */
function marksEverySession(ctx: ServiceContext): boolean {
  return can(ctx, Permission.TrainingAttendanceMark) && can(ctx, Permission.TrainingWrite);
}

function canMarkSession(ctx: ServiceContext, session: { trainerUserId: string | null }): boolean {
  return (
    marksEverySession(ctx) ||
    (can(ctx, Permission.TrainingAttendanceMark) && session.trainerUserId === ctx.actor.userId)
  );
}

function canEnterScores(ctx: ServiceContext, sessions: readonly { trainerUserId: string | null }[]): boolean {
  return marksEverySession(ctx) || sessions.some((s) => canMarkSession(ctx, s));
}

function notTheirSession(): AppError {
  return new AppError('FORBIDDEN', 'Only the trainer of the session, or a coordinator, may do this');
}

function cohortAbilities(
  ctx: ServiceContext,
  sessions: readonly { trainerUserId: string | null }[],
): TCohort['abilities'] {
  return {
    update: can(ctx, Permission.TrainingWrite),
    markAttendance: sessions.some((s) => canMarkSession(ctx, s)),
    enterScores: canEnterScores(ctx, sessions),
    import: can(ctx, Permission.TrainingImport),
    export: can(ctx, Permission.TrainingExport),
    readSensitive: can(ctx, Permission.ParticipantSensitiveRead),
  };
}

async function loadCohort(ctx: ServiceContext, db: Executor, id: string): Promise<TCohort> {
  const f = await cohortFacts(ctx, db, id);
  return {
    ...presentCohortSummary(f.cohort, f.enrolments),
    programme: {
      id: f.programme.id,
      title: JSON.parse(f.programme.titleJson) as Record<string, string>,
      completionRule: f.rule,
    },
    notes: f.cohort.notes,
    sessions: f.sessions.map((s) => ({
      ...presentSession(s),
      abilities: { markAttendance: canMarkSession(ctx, s) },
    })),
    createdAt: f.cohort.createdAt,
    updatedAt: f.cohort.updatedAt,
    abilities: cohortAbilities(ctx, f.sessions),
  };
}

export async function getCohort(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TrainingRead);
  return loadCohort(ctx, ctx.deps.db, id);
}

const cohortColumns = (c: TCohortInput) => ({
  name: c.name,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  capacity: c.capacity,
  notes: c.notes,
});

export async function createCohort(ctx: ServiceContext, programmeId: string, input: TCohortInput) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    if (!(await repo.getProgramme(trx, ctx.actor.organizationId, programmeId))) {
      throw notFound('Programme');
    }
    const id = newId();
    await trx
      .insertInto('trainingCohorts')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        programmeId,
        ...cohortColumns(input),
        ...stamp(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'training_cohort',
      entityId: id,
      after: input,
    });
    return loadCohort(ctx, trx, id);
  });
}

/** Applies waiting-list changes (promotions, renumbering) computed by the domain rule. */
async function rebalance(ctx: ServiceContext, trx: Executor, cohortId: string) {
  const f = await cohortFacts(ctx, trx, cohortId);
  const changes = rebalanceWaitingList(f.cohort.capacity, f.enrolments);
  const now = ctx.deps.clock.now().toISOString();
  for (const c of changes) {
    await trx
      .updateTable('trainingEnrolments')
      .set((eb) => ({
        waitlistPosition: c.waitlistPosition,
        updatedAt: now,
        updatedBy: ctx.actor.userId,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', c.id)
      .where('organizationId', '=', ctx.actor.organizationId)
      .execute();
  }
  const promoted = changes.filter(
    (c) => c.waitlistPosition === null && f.enrolments.some((e) => e.id === c.id && e.status !== 'withdrawn'),
  );
  if (promoted.length > 0) {
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_cohort',
      entityId: cohortId,
      after: { promotedFromWaitingList: promoted.map((p) => p.id) },
    });
  }
}

export async function updateCohort(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TCohortInput },
) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await repo.getCohort(trx, ctx.actor.organizationId, id);
    if (!before) {
      throw notFound('Cohort');
    }
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    await updateVersioned(ctx, trx, 'trainingCohorts', id, input.version, cohortColumns(input.data));
    if (input.data.capacity > before.capacity) {
      await rebalance(ctx, trx, id);
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_cohort',
      entityId: id,
      before: cohortColumns({ ...before, notes: before.notes }),
      after: input.data,
    });
    return loadCohort(ctx, trx, id);
  });
}

async function checkSessionRefs(
  ctx: ServiceContext,
  trx: Executor,
  programmeId: string,
  input: TSessionInput,
) {
  if (
    input.trainerUserId &&
    !(await repo.isActiveMember(trx, ctx.actor.organizationId, input.trainerUserId))
  ) {
    throw new AppError('INVALID_INPUT', 'Unknown trainer', {
      issues: [{ path: ['trainerUserId'], message: 'unknown_trainer' }],
    });
  }
  if (input.moduleId) {
    const modules = await repo.modulesOf(trx, ctx.actor.organizationId, [programmeId]);
    if (!modules.some((m) => m.id === input.moduleId)) {
      throw new AppError('INVALID_INPUT', 'Unknown module', {
        issues: [{ path: ['moduleId'], message: 'unknown_module' }],
      });
    }
  }
}

const sessionColumns = (s: TSessionInput) => ({
  moduleId: s.moduleId,
  title: s.title,
  startsAt: new Date(s.startsAt).toISOString(),
  endsAt: new Date(s.endsAt).toISOString(),
  timeZone: s.timeZone,
  venue: s.venue,
  onlineUrl: s.onlineUrl,
  trainerUserId: s.trainerUserId,
  language: s.language,
  interpreter: s.interpreter,
});

export async function createSession(ctx: ServiceContext, cohortId: string, input: TSessionInput) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const cohort = await repo.getCohort(trx, ctx.actor.organizationId, cohortId);
    if (!cohort) {
      throw notFound('Cohort');
    }
    await checkSessionRefs(ctx, trx, cohort.programmeId, input);
    const id = newId();
    await trx
      .insertInto('trainingSessions')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        cohortId,
        ...sessionColumns(input),
        ...stamp(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'training_session',
      entityId: id,
      after: input,
    });
    return loadCohort(ctx, trx, cohortId);
  });
}

export async function updateSession(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TSessionInput },
) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await repo.getSession(trx, ctx.actor.organizationId, id);
    if (!before) {
      throw notFound('Session');
    }
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    const cohort = await repo.getCohort(trx, ctx.actor.organizationId, before.cohortId);
    await checkSessionRefs(ctx, trx, cohort?.programmeId ?? '', input.data);
    await updateVersioned(ctx, trx, 'trainingSessions', id, input.version, sessionColumns(input.data));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_session',
      entityId: id,
      before: presentSession(before),
      after: input.data,
    });
    return loadCohort(ctx, trx, before.cohortId);
  });
}

export async function listTrainers(ctx: ServiceContext) {
  requirePermission(ctx, Permission.TrainingRead);
  return { data: await repo.trainersOf(ctx.deps.db, ctx.actor.organizationId) };
}

/* ---------- enrolments ---------- */

async function presentEnrolments(ctx: ServiceContext, db: Executor, cohortId: string): Promise<TEnrolment[]> {
  const f = await cohortFacts(ctx, db, cohortId);
  const showSensitive = can(ctx, Permission.ParticipantSensitiveRead);
  return f.enrolments.map((e) =>
    presentEnrolment(
      e,
      f.stats.get(e.id) ?? { sessionsHeld: 0, present: 0, excused: 0 },
      f.rule,
      showSensitive,
    ),
  );
}

export async function listEnrolments(ctx: ServiceContext, cohortId: string) {
  requirePermission(ctx, Permission.TrainingRead);
  return { data: await presentEnrolments(ctx, ctx.deps.db, cohortId) };
}

async function loadEnrolment(ctx: ServiceContext, db: Executor, id: string): Promise<TEnrolment> {
  const row = await repo.getEnrolment(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Enrolment');
  }
  const all = await presentEnrolments(ctx, db, row.cohortId);
  const found = all.find((e) => e.id === id);
  if (!found) {
    throw notFound('Enrolment');
  }
  return found;
}

/** Inserts a participant of the organization; the caller owns the transaction and the audit. */
export async function insertParticipant(ctx: ServiceContext, trx: Executor, input: TParticipantInput) {
  const id = newId();
  await trx
    .insertInto('trainingParticipants')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      ...repo.participantColumns(input),
      ...stamp(ctx),
    })
    .execute();
  return id;
}

/**
 * Enrols a participant in a cohort: a seat when one is free, else the end of the waiting list.
 * The caller owns the transaction. @throws ALREADY_EXISTS when already enrolled
 */
export async function insertEnrolment(
  ctx: ServiceContext,
  trx: Executor,
  cohortId: string,
  participantId: string,
  status: EnrolmentStatus,
) {
  const f = await cohortFacts(ctx, trx, cohortId);
  if (f.enrolments.some((e) => e.participantId === participantId)) {
    throw new AppError('ALREADY_EXISTS', 'Already enrolled in this cohort', {
      issues: [{ path: ['participantId'], message: 'already_enrolled' }],
    });
  }
  const id = newId();
  const waitlistPosition = placeNewEnrolment(f.cohort.capacity, f.enrolments);
  await trx
    .insertInto('trainingEnrolments')
    .values({
      id,
      organizationId: ctx.actor.organizationId,
      cohortId,
      participantId,
      status,
      waitlistPosition,
      preScore: null,
      postScore: null,
      portalTokenHash: null,
      ...stamp(ctx),
    })
    .execute();
  return { id, waitlistPosition };
}

export async function enrol(
  ctx: ServiceContext,
  cohortId: string,
  input: { participantId?: string; participant?: TParticipantInput; status: EnrolmentStatus },
) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    if (!(await repo.getCohort(trx, ctx.actor.organizationId, cohortId))) {
      throw notFound('Cohort');
    }
    let participantId = input.participantId;
    if (participantId) {
      if (!(await repo.getParticipant(trx, ctx.actor.organizationId, participantId))) {
        throw invalid(['participantId'], 'unknown_participant');
      }
    } else if (input.participant) {
      participantId = await insertParticipant(ctx, trx, input.participant);
      await recordAudit(trx, ctx, {
        action: 'create',
        entityType: 'training_participant',
        entityId: participantId,
        after: { nameLatin: input.participant.nameLatin, country: input.participant.country },
      });
    } else {
      throw invalid(['participant'], 'participant_required');
    }
    const { id, waitlistPosition } = await insertEnrolment(ctx, trx, cohortId, participantId, input.status);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'training_enrolment',
      entityId: id,
      after: { cohortId, participantId, status: input.status, waitlistPosition },
    });
    return loadEnrolment(ctx, trx, id);
  });
}

/**
 * Moves an enrolment to another status. Withdrawing frees the seat for the head of the waiting
 * list; `completed` needs the completion rule met; waiting enrolments cannot attend or complete.
 */
export async function changeEnrolmentStatus(
  ctx: ServiceContext,
  id: string,
  input: { version: number; status: EnrolmentStatus },
) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadEnrolment(ctx, trx, id);
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    if (before.status === input.status) {
      return before;
    }
    const waiting = before.waitlistPosition !== null;
    if (waiting && (input.status === 'attending' || input.status === 'completed')) {
      throw new AppError('INVALID_STATE', 'A waiting participant has no seat yet', { reason: 'waitlisted' });
    }
    if (input.status === 'completed' && !before.completion.eligible) {
      throw new AppError('INVALID_STATE', 'The completion rule is not met', {
        reason: 'completion_rule_not_met',
        reasons: before.completion.reasons,
      });
    }
    const set: { status: EnrolmentStatus; waitlistPosition?: number | null } = { status: input.status };
    if (input.status === 'withdrawn') {
      set.waitlistPosition = null;
    } else if (before.status === 'withdrawn') {
      const f = await cohortFacts(ctx, trx, before.cohortId);
      set.waitlistPosition = placeNewEnrolment(
        f.cohort.capacity,
        f.enrolments.filter((e) => e.id !== id),
      );
    }
    await updateVersioned(ctx, trx, 'trainingEnrolments', id, input.version, set);
    if (input.status === 'withdrawn') {
      await rebalance(ctx, trx, before.cohortId);
    }
    const after = await loadEnrolment(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_enrolment',
      entityId: id,
      before: { status: before.status, waitlistPosition: before.waitlistPosition },
      after: { status: after.status, waitlistPosition: after.waitlistPosition },
    });
    return after;
  });
}

export async function enterScores(
  ctx: ServiceContext,
  id: string,
  input: { version: number; preScore: number | null; postScore: number | null },
) {
  requirePermission(ctx, Permission.TrainingAttendanceMark);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadEnrolment(ctx, trx, id);
    if (
      !marksEverySession(ctx) &&
      !canEnterScores(ctx, await repo.sessionsOfCohort(trx, ctx.actor.organizationId, before.cohortId))
    ) {
      throw notTheirSession();
    }
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    await updateVersioned(ctx, trx, 'trainingEnrolments', id, input.version, {
      preScore: input.preScore === null ? null : toHundredths(input.preScore),
      postScore: input.postScore === null ? null : toHundredths(input.postScore),
    });
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_enrolment',
      entityId: id,
      before: { preScore: before.preScore, postScore: before.postScore },
      after: { preScore: input.preScore, postScore: input.postScore },
    });
    return loadEnrolment(ctx, trx, id);
  });
}

/**
 * A new personal portal link for the participant. Only the token's SHA-256 is stored, so the
 * link is shown once; issuing a new one retires the old.
 */
export async function issuePortalLink(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const row = await repo.getEnrolment(trx, ctx.actor.organizationId, id);
    if (!row) {
      throw notFound('Enrolment');
    }
    const token = newToken();
    await updateVersioned(ctx, trx, 'trainingEnrolments', id, row.version, {
      portalTokenHash: hashToken(token),
    });
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_enrolment',
      entityId: id,
      after: { portalLinkIssued: true },
    });
    return { token, url: `${ctx.deps.config.publicUrl}/portal/${token}` };
  });
}

export async function updateParticipant(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TParticipantInput },
) {
  requirePermission(ctx, Permission.TrainingWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await repo.getParticipant(trx, ctx.actor.organizationId, id);
    if (!before) {
      throw notFound('Participant');
    }
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    // Without participant.sensitive_read the editor never saw the passport number or birth date,
    // so the stored values are kept rather than overwritten with the form's blanks.
    const data = can(ctx, Permission.ParticipantSensitiveRead)
      ? input.data
      : { ...input.data, passportNumber: before.passportNumber, dateOfBirth: before.dateOfBirth };
    await updateVersioned(ctx, trx, 'trainingParticipants', id, input.version, repo.participantColumns(data));
    const after = await repo.getParticipant(trx, ctx.actor.organizationId, id);
    if (!after) {
      throw notFound('Participant');
    }
    // Sensitive values stay out of the audit log.
    const snap = (p: typeof before) => presentParticipant(p.id, p, p.version, false);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'training_participant',
      entityId: id,
      before: snap(before),
      after: snap(after),
    });
    return presentParticipant(after.id, after, after.version, can(ctx, Permission.ParticipantSensitiveRead));
  });
}

/* ---------- attendance ---------- */

async function sessionAttendance(
  ctx: ServiceContext,
  db: Executor,
  sessionId: string,
): Promise<TSessionAttendance> {
  const rows = await repo.attendanceOfSession(db, ctx.actor.organizationId, sessionId);
  return {
    sessionId,
    marks: rows.map((r) => ({
      enrolmentId: r.enrolmentId,
      mark: r.mark,
      markedAt: r.markedAt,
      markedBy: r.markedBy,
    })),
  };
}

export async function getSessionAttendance(ctx: ServiceContext, sessionId: string) {
  requirePermission(ctx, Permission.TrainingRead);
  if (!(await repo.getSession(ctx.deps.db, ctx.actor.organizationId, sessionId))) {
    throw notFound('Session');
  }
  return sessionAttendance(ctx, ctx.deps.db, sessionId);
}

/**
 * Marks many enrolments of one session in one request. Idempotent: sending the same marks again
 * changes nothing (not even who marked them or when); a changed mark is overwritten.
 */
export async function markAttendance(
  ctx: ServiceContext,
  sessionId: string,
  marks: readonly { enrolmentId: string; mark: AttendanceMark }[],
) {
  requirePermission(ctx, Permission.TrainingAttendanceMark);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const orgId = ctx.actor.organizationId;
    const session = await repo.getSession(trx, orgId, sessionId);
    if (!session) {
      throw notFound('Session');
    }
    if (!canMarkSession(ctx, session)) {
      throw notTheirSession();
    }
    const enrolments = await repo.enrolmentsOfCohort(trx, orgId, session.cohortId);
    const byId = new Map(enrolments.map((e) => [e.id, e]));
    const wanted = new Map<string, AttendanceMark>();
    marks.forEach((m, i) => {
      const e = byId.get(m.enrolmentId);
      if (!e) {
        throw invalid(['marks', String(i), 'enrolmentId'], 'unknown_enrolment');
      }
      if (e.status === 'withdrawn' || e.waitlistPosition !== null) {
        throw invalid(['marks', String(i), 'enrolmentId'], 'not_seated');
      }
      wanted.set(m.enrolmentId, m.mark);
    });
    const existing = new Map(
      (await repo.attendanceOfSession(trx, orgId, sessionId)).map((r) => [r.enrolmentId, r.mark]),
    );
    const now = ctx.deps.clock.now().toISOString();
    let changed = 0;
    for (const [enrolmentId, mark] of wanted) {
      const current = existing.get(enrolmentId);
      if (current === mark) {
        continue;
      }
      changed++;
      if (current === undefined) {
        await trx
          .insertInto('trainingAttendance')
          .values({
            organizationId: orgId,
            sessionId,
            enrolmentId,
            mark,
            markedBy: ctx.actor.userId,
            markedAt: now,
          })
          .execute();
      } else {
        await trx
          .updateTable('trainingAttendance')
          .set({ mark, markedBy: ctx.actor.userId, markedAt: now })
          .where('organizationId', '=', orgId)
          .where('sessionId', '=', sessionId)
          .where('enrolmentId', '=', enrolmentId)
          .execute();
      }
    }
    if (changed > 0) {
      await recordAudit(trx, ctx, {
        action: 'update',
        entityType: 'training_session',
        entityId: sessionId,
        after: { attendanceMarked: changed },
      });
    }
    return { ...(await sessionAttendance(ctx, trx, sessionId)), changed };
  });
}

/* ---------- completion (certificates build on this) ---------- */

export interface CompletionEntry {
  enrolmentId: string;
  participantId: string;
  eligible: boolean;
  reasons: string[];
}

/** Every enrolment of a cohort with the programme's completion rule evaluated on it. */
export async function listCohortCompletion(
  ctx: ServiceContext,
  cohortId: string,
): Promise<CompletionEntry[]> {
  requirePermission(ctx, Permission.TrainingRead);
  const f = await cohortFacts(ctx, ctx.deps.db, cohortId);
  return f.enrolments.map((e) => {
    const s = f.stats.get(e.id) ?? { sessionsHeld: 0, present: 0, excused: 0 };
    const r = evaluateCompletion(f.rule, {
      sessionsHeld: s.sessionsHeld,
      attended: s.present,
      excused: s.excused,
      postScore: e.postScore === null ? null : fromHundredths(e.postScore),
      status: e.status,
    });
    return { enrolmentId: e.id, participantId: e.participantId, eligible: r.eligible, reasons: r.reasons };
  });
}

/** The enrolments of a cohort that meet the completion rule (for certificates). */
export async function listEligibleEnrolments(
  ctx: ServiceContext,
  cohortId: string,
): Promise<CompletionEntry[]> {
  return (await listCohortCompletion(ctx, cohortId)).filter((e) => e.eligible);
}
