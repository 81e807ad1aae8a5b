import type { TMember, TMemberInput } from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { loadCompetition } from './competition-access.js';
import { memberSnapshot, presentMember } from './competitions.presenter.js';
import * as repo from './competitions.repository.js';
import { deleteVersioned, loadVisibleCompetition, refused } from './competitions.scope.js';

// Members (countries, regions or institutions) of a competition, and the partner users who
// register competitors and experts for them.

async function presentRows(db: Executor, organizationId: string, rows: repo.MemberListRow[]) {
  const registrars = await repo.registrarsOf(
    db,
    organizationId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentMember(
      r,
      registrars
        .filter((x) => x.memberId === r.id)
        .map((x) => ({ userId: x.userId, displayName: x.displayName, email: x.email })),
    ),
  );
}

/** A registrar sees only the members they register for. */
export async function listMembers(ctx: ServiceContext, competitionId: string) {
  requirePermission(ctx, Permission.CompetitionRead);
  const { scope } = await loadVisibleCompetition(ctx, competitionId);
  const org = ctx.actor.organizationId;
  const rows = await repo.listMembers(ctx.deps.db, org, competitionId, scope.memberIds);
  return { data: await presentRows(ctx.deps.db, org, rows) };
}

async function loadMember(ctx: ServiceContext, db: Executor, id: string): Promise<TMember> {
  const row = await repo.getMemberRow(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('member');
  }
  const [full] = await repo.listMembers(db, ctx.actor.organizationId, row.competitionId, null, id);
  if (!full) {
    throw notFound('member');
  }
  const [member] = await presentRows(db, ctx.actor.organizationId, [full]);
  return member as TMember;
}

async function checkMember(
  ctx: ServiceContext,
  trx: Executor,
  competitionId: string,
  input: TMemberInput,
  selfId: string | null,
) {
  if (await repo.memberCodeTaken(trx, competitionId, input.code, selfId)) {
    throw new AppError('ALREADY_EXISTS', 'Another member of the competition has this code', {
      issues: [{ path: ['code'], message: 'member_code_taken' }],
    });
  }
  if (input.partnerId && !(await repo.partnerExists(trx, ctx.actor.organizationId, input.partnerId))) {
    throw new AppError('INVALID_INPUT', 'Unknown partner', {
      issues: [{ path: ['partnerId'], message: 'unknown_partner' }],
    });
  }
}

export async function createMember(ctx: ServiceContext, competitionId: string, input: TMemberInput) {
  requirePermission(ctx, Permission.CompetitionManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await loadCompetition(ctx, competitionId, trx);
    await checkMember(ctx, trx, competitionId, input, null);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('competitionMembers')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        competitionId,
        ...repo.memberColumns(input),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const created = await loadMember(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_member',
      entityId: id,
      after: memberSnapshot(created),
    });
    return created;
  });
}

const memberEntity: VersionedEntity<TMember> = {
  table: 'competitionMembers',
  entityType: 'competition_member',
  load: loadMember,
  snapshot: memberSnapshot,
};

export async function updateMember(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TMemberInput },
) {
  requirePermission(ctx, Permission.CompetitionManage);
  return versionedChange(ctx, memberEntity, id, input.version, {
    set: async (trx, before) => {
      await checkMember(ctx, trx, before.competitionId, input.data, id);
      return repo.memberColumns(input.data);
    },
  });
}

/** Deletes a member with no entries or experts (withdraw those first). */
export async function deleteMember(ctx: ServiceContext, id: string, version: number) {
  requirePermission(ctx, Permission.CompetitionManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadMember(ctx, trx, id);
    const usage = await repo.usageCount(trx, ctx.actor.organizationId, 'memberId', id);
    if (usage.entries + usage.experts > 0) {
      throw refused('INVALID_STATE', 'in_use', 'The member has entries or experts', usage);
    }
    await deleteVersioned(ctx, trx, 'competitionMembers', id, version, before.version);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'competition_member',
      entityId: id,
      before: memberSnapshot(before),
    });
  });
  return { ok: true as const };
}

/**
 * Makes a user of this college with the partner role a registrar of the member: they then see the
 * competition in the registration portal and register for this member only.
 */
export async function addRegistrar(ctx: ServiceContext, memberId: string, userId: string) {
  requirePermission(ctx, Permission.CompetitionManage);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    await loadMember(ctx, trx, memberId);
    const role = await repo.memberRole(trx, org, userId);
    if (role === null) {
      throw new AppError('INVALID_INPUT', 'Unknown user', {
        issues: [{ path: ['userId'], message: 'unknown_user' }],
      });
    }
    if (role !== 'partner') {
      throw new AppError('INVALID_INPUT', 'Registrars are users with the partner role', {
        issues: [{ path: ['userId'], message: 'registrar_not_partner' }],
      });
    }
    const existing = await trx
      .selectFrom('competitionMemberRegistrars')
      .select('id')
      .where('organizationId', '=', org)
      .where('memberId', '=', memberId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (existing) {
      throw new AppError('ALREADY_EXISTS', 'Already a registrar of this member', {
        issues: [{ path: ['userId'], message: 'registrar_already_added' }],
      });
    }
    const id = newId();
    await trx
      .insertInto('competitionMemberRegistrars')
      .values({ id, organizationId: org, memberId, userId, createdAt: ctx.deps.clock.now().toISOString() })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_member_registrar',
      entityId: id,
      after: { memberId, userId },
    });
    return loadMember(ctx, trx, memberId);
  });
}

export async function removeRegistrar(ctx: ServiceContext, memberId: string, userId: string) {
  requirePermission(ctx, Permission.CompetitionManage);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    await loadMember(ctx, trx, memberId);
    const existing = await trx
      .selectFrom('competitionMemberRegistrars')
      .select('id')
      .where('organizationId', '=', org)
      .where('memberId', '=', memberId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (!existing) {
      throw notFound('registrar');
    }
    await trx.deleteFrom('competitionMemberRegistrars').where('id', '=', existing.id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'competition_member_registrar',
      entityId: existing.id,
      before: { memberId, userId },
    });
    return loadMember(ctx, trx, memberId);
  });
}
