import type {
  EntryStatus,
  TCompetitorInput,
  TEntry,
  TEntryInput,
  TFindEntriesQuery,
} from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { loadSkill } from './competition-access.js';
import { entrySnapshot, presentEntries, presentEntry } from './competitions.presenter.js';
import * as repo from './competitions.repository.js';
import {
  isRegistrarScoped,
  loadVisibleCompetition,
  lockSkillRow,
  memberInScope,
  refused,
  requireManageOrRegister,
  requireRegistrationWritable,
  type Scope,
} from './competitions.scope.js';
import type { CompetitionCompetitorRow, CompetitionSkillRow } from './competitions.tables.js';

// Entries (one competitor, or a team) registered by organizers, or by a member's registrar in the
// registration portal while registration is open. Registered entries wait for an organizer to
// confirm them; registrars may still edit or withdraw them until then.

type Issue = { path: (string | number)[]; message: string };

const showsSensitive = (ctx: ServiceContext) => can(ctx, Permission.CompetitorSensitiveRead);

export async function findEntries(ctx: ServiceContext, competitionId: string, q: TFindEntriesQuery) {
  requirePermission(ctx, Permission.CompetitionRead);
  const { scope } = await loadVisibleCompetition(ctx, competitionId);
  const org = ctx.actor.organizationId;
  const { rows, total } = await repo.findEntries(ctx.deps.db, org, competitionId, q, scope.memberIds);
  const competitors = await repo.competitorsOf(
    ctx.deps.db,
    org,
    rows.map((r) => r.id),
  );
  return {
    data: presentEntries(rows, competitors, showsSensitive(ctx)),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

interface EntryState {
  row: repo.EntryRow;
  competitors: CompetitionCompetitorRow[];
  version: number;
}

async function loadEntryState(ctx: ServiceContext, db: Executor, id: string): Promise<EntryState> {
  const row = await repo.getEntry(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('entry');
  }
  const competitors = await repo.competitorsOf(db, ctx.actor.organizationId, [id]);
  return { row, competitors, version: row.version };
}

/** The entry if the actor may see it: 404 for another member's entry (registrars). */
async function loadEntryInScope(ctx: ServiceContext, db: Executor, id: string) {
  const state = await loadEntryState(ctx, db, id);
  const { competition, scope } = await loadVisibleCompetition(ctx, state.row.competitionId, db).catch(() => {
    throw notFound('entry');
  });
  if (!memberInScope(scope, state.row.memberId)) {
    throw notFound('entry');
  }
  return { state, competition, scope };
}

export async function getEntry(ctx: ServiceContext, id: string): Promise<TEntry> {
  requirePermission(ctx, Permission.CompetitionRead);
  const { state } = await loadEntryInScope(ctx, ctx.deps.db, id);
  return presentEntry(state.row, state.competitors, showsSensitive(ctx));
}

const norm = (s: string) => s.trim().toLocaleLowerCase();

/**
 * What the registration rules say about a set of competitors for a skill: the team size, no person
 * twice (same name and birth date, or same name when a birth date is missing), known participants.
 */
async function checkCompetitors(
  ctx: ServiceContext,
  trx: Executor,
  skill: CompetitionSkillRow,
  competitors: Pick<TCompetitorInput, 'firstName' | 'lastName' | 'birthDate' | 'participantId'>[],
  selfEntryId: string | null,
) {
  const expected = skill.teamBased ? Number(skill.teamSize) : 1;
  if (competitors.length !== expected) {
    throw refused(
      'INVALID_INPUT',
      'team_size_mismatch',
      `The skill takes ${expected} competitor(s) per entry`,
      {
        expected,
        issues: [{ path: ['competitors'], message: 'team_size_mismatch' }],
      },
    );
  }
  const existing = await repo.competitorsInSkill(trx, skill.id, selfEntryId);
  const same = (
    a: { firstName: string; lastName: string; birthDate: string | null },
    b: { firstName: string; lastName: string; birthDate: string | null },
  ) =>
    norm(a.firstName) === norm(b.firstName) &&
    norm(a.lastName) === norm(b.lastName) &&
    (a.birthDate === null || b.birthDate === null || a.birthDate === b.birthDate);
  const issues: Issue[] = [];
  competitors.forEach((c, i) => {
    const twiceHere = competitors.slice(0, i).some((o) => same(o, c));
    if (twiceHere || existing.some((o) => same(o, c))) {
      issues.push({ path: ['competitors', i, 'lastName'], message: 'duplicate_competitor' });
    }
  });
  if (issues.length > 0) {
    throw refused(
      'ALREADY_EXISTS',
      'duplicate_competitor',
      'The competitor is already entered in this skill',
      {
        issues,
      },
    );
  }
  const participantIds = competitors.map((c) => c.participantId).filter((p): p is string => p !== null);
  const known = await repo.participantIdsInOrganization(trx, ctx.actor.organizationId, participantIds);
  competitors.forEach((c, i) => {
    if (c.participantId !== null && !known.has(c.participantId)) {
      issues.push({ path: ['competitors', i, 'participantId'], message: 'unknown_participant' });
    }
  });
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', 'Unknown training participant', { issues });
  }
}

async function checkEntryLimit(
  trx: Executor,
  skill: CompetitionSkillRow,
  memberId: string,
  selfId: string | null,
) {
  const active = await repo.activeEntryCount(trx, skill.id, memberId, selfId);
  const max = Number(skill.maxEntriesPerMember);
  if (active >= max) {
    throw refused(
      'INVALID_STATE',
      'skill_entry_limit_reached',
      'The member has all its entries in this skill',
      {
        max,
      },
    );
  }
}

async function skillOf(ctx: ServiceContext, trx: Executor, competitionId: string, skillId: string) {
  const skill = await loadSkill(ctx, skillId, trx);
  if (skill.competitionId !== competitionId) {
    throw notFound('skill');
  }
  return skill;
}

async function memberOf(
  ctx: ServiceContext,
  trx: Executor,
  competitionId: string,
  memberId: string,
  scope: Scope,
) {
  const member = await repo.getMemberRow(trx, ctx.actor.organizationId, memberId);
  if (!member || member.competitionId !== competitionId || !memberInScope(scope, memberId)) {
    throw notFound('member');
  }
  return member;
}

function defaultDisplayName(
  skill: CompetitionSkillRow,
  memberCode: string,
  competitors: { firstName: string; lastName: string }[],
  ordinal: number,
) {
  if (skill.teamBased) {
    return ordinal > 1 ? `Team ${memberCode} ${ordinal}` : `Team ${memberCode}`;
  }
  const c = competitors[0];
  return c ? `${c.firstName} ${c.lastName}` : memberCode;
}

async function insertCompetitors(
  ctx: ServiceContext,
  trx: Executor,
  competitionId: string,
  entryId: string,
  competitors: TCompetitorInput[],
) {
  const now = ctx.deps.clock.now().toISOString();
  await trx
    .insertInto('competitionCompetitors')
    .values(
      competitors.map((c) => ({
        id: newId(),
        organizationId: ctx.actor.organizationId,
        competitionId,
        entryId,
        firstName: c.firstName,
        lastName: c.lastName,
        nameNative: c.nameNative,
        gender: c.gender,
        birthDate: c.birthDate,
        email: c.email,
        participantId: c.participantId,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })),
    )
    .execute();
}

/**
 * Registers an entry. Organizers register for any member at any time before cancellation; a
 * registrar only for their own members (another member: 404) and only while registration is open.
 * @throws FORBIDDEN, NOT_FOUND, INVALID_STATE (registration_closed, skill_entry_limit_reached),
 *   INVALID_INPUT (team_size_mismatch), ALREADY_EXISTS (duplicate_competitor)
 */
export async function createEntry(
  ctx: ServiceContext,
  competitionId: string,
  input: TEntryInput,
): Promise<TEntry> {
  requireManageOrRegister(ctx);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const { competition, scope } = await loadVisibleCompetition(ctx, competitionId, trx);
    const member = await memberOf(ctx, trx, competitionId, input.memberId, scope);
    const skill = await skillOf(ctx, trx, competitionId, input.skillId);
    requireRegistrationWritable(ctx, competition);
    await lockSkillRow(ctx, trx, skill.id);
    await checkCompetitors(ctx, trx, skill, input.competitors, null);
    await checkEntryLimit(trx, skill, member.id, null);
    const ordinal = (await repo.activeEntryCount(trx, skill.id, member.id, null)) + 1;
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('competitionEntries')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        competitionId,
        skillId: skill.id,
        memberId: member.id,
        displayName: input.displayName || defaultDisplayName(skill, member.code, input.competitors, ordinal),
        bench: input.bench,
        status: 'registered',
        statusReason: '',
        registeredBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    await insertCompetitors(ctx, trx, competitionId, id, input.competitors);
    const created = await loadEntryState(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_entry',
      entityId: id,
      after: entrySnapshot(created.row, created.competitors),
    });
    return presentEntry(created.row, created.competitors, showsSensitive(ctx));
  });
}

const entryEntity: VersionedEntity<EntryState> = {
  table: 'competitionEntries',
  entityType: 'competition_entry',
  load: loadEntryState,
  snapshot: (s) => entrySnapshot(s.row, s.competitors),
};

/** A registrar edits an entry of their member only while it is still 'registered' and registration is open. */
function requireRegistrarMayEdit(ctx: ServiceContext, status: EntryStatus) {
  if (isRegistrarScoped(ctx) && status !== 'registered') {
    throw refused('INVALID_STATE', 'entry_confirmed', 'Only the organizers change a confirmed entry');
  }
}

/**
 * Edits an entry's name, bench and competitors. Competitors sent with their id are kept (and edited),
 * others added, missing ones removed. Someone who cannot read the sensitive fields keeps them as stored.
 */
export async function updateEntry(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: Omit<TEntryInput, 'skillId' | 'memberId'> },
): Promise<TEntry> {
  requireManageOrRegister(ctx);
  const sensitive = showsSensitive(ctx);
  const after = await versionedChange(ctx, entryEntity, id, input.version, {
    set: async (trx, before) => {
      const { competition } = await loadEntryInScope(ctx, trx, id);
      requireRegistrationWritable(ctx, competition);
      requireRegistrarMayEdit(ctx, before.row.status);
      const skill = await loadSkill(ctx, before.row.skillId, trx);
      await lockSkillRow(ctx, trx, skill.id);
      const byId = new Map(before.competitors.map((c) => [c.id, c]));
      const issues: Issue[] = [];
      const effective = input.data.competitors.map((c, i) => {
        const old = c.id ? byId.get(c.id) : undefined;
        if (c.id && !old) {
          issues.push({ path: ['competitors', i, 'id'], message: 'competition_unknown_competitor' });
        }
        return old && !sensitive
          ? { ...c, gender: old.gender, birthDate: old.birthDate, email: old.email }
          : { ...c };
      });
      if (issues.length > 0) {
        throw new AppError('INVALID_INPUT', 'Unknown competitor', { issues });
      }
      await checkCompetitors(ctx, trx, skill, effective, id);
      return {
        displayName: input.data.displayName || before.row.displayName,
        bench: input.data.bench,
      };
    },
    afterSet: async (trx, before) => {
      const keep = new Set(input.data.competitors.map((c) => c.id).filter((x): x is string => Boolean(x)));
      const removed = before.competitors.filter((c) => !keep.has(c.id)).map((c) => c.id);
      if (removed.length > 0) {
        await trx
          .deleteFrom('competitionCompetitors')
          .where('organizationId', '=', ctx.actor.organizationId)
          .where('id', 'in', removed)
          .execute();
      }
      const now = ctx.deps.clock.now().toISOString();
      const fresh: TCompetitorInput[] = [];
      for (const c of input.data.competitors) {
        const old = c.id ? before.competitors.find((o) => o.id === c.id) : undefined;
        if (!old) {
          fresh.push(c);
          continue;
        }
        await trx
          .updateTable('competitionCompetitors')
          .set({
            firstName: c.firstName,
            lastName: c.lastName,
            nameNative: c.nameNative,
            participantId: c.participantId,
            ...(sensitive ? { gender: c.gender, birthDate: c.birthDate, email: c.email } : {}),
            updatedAt: now,
            updatedBy: ctx.actor.userId,
            version: old.version + 1,
          })
          .where('organizationId', '=', ctx.actor.organizationId)
          .where('id', '=', old.id)
          .execute();
      }
      if (fresh.length > 0) {
        await insertCompetitors(ctx, trx, before.row.competitionId, id, fresh);
      }
    },
  });
  return presentEntry(after.row, after.competitors, sensitive);
}

/**
 * Confirms, withdraws, excludes or re-registers an entry (reason required to withdraw or exclude).
 * A registrar may only withdraw their own member's entry, while registration is open.
 */
export async function setEntryStatus(
  ctx: ServiceContext,
  id: string,
  input: { version: number; status: EntryStatus; reason: string },
): Promise<TEntry> {
  requireManageOrRegister(ctx);
  const after = await versionedChange(
    ctx,
    entryEntity,
    id,
    input.version,
    {
      set: async (trx, before) => {
        const { competition } = await loadEntryInScope(ctx, trx, id);
        if (isRegistrarScoped(ctx) && input.status !== 'withdrawn') {
          throw new AppError('FORBIDDEN', 'Only the organizers confirm or exclude entries');
        }
        requireRegistrationWritable(ctx, competition);
        const reviving =
          (before.row.status === 'withdrawn' || before.row.status === 'excluded') &&
          (input.status === 'registered' || input.status === 'confirmed');
        if (reviving) {
          const skill = await loadSkill(ctx, before.row.skillId, trx);
          await lockSkillRow(ctx, trx, skill.id);
          await checkEntryLimit(trx, skill, before.row.memberId, id);
        }
        const withReason = input.status === 'withdrawn' || input.status === 'excluded';
        return { status: input.status, statusReason: withReason ? input.reason : '' };
      },
    },
    {
      reason: input.reason || null,
      snapshot: (s) => ({ status: s.row.status, statusReason: s.row.statusReason }),
    },
  );
  return presentEntry(after.row, after.competitors, showsSensitive(ctx));
}
