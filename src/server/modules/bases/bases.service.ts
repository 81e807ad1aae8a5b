import type {
  TActivityInput,
  TBase,
  TBaseInput,
  TEquipmentInput,
  TFindBasesQuery,
  TTeamMemberInput,
  TTraineeInput,
} from '../../../contracts/bases.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { auditSnapshot, presentBase, presentBaseSummary } from './bases.presenter.js';
import * as repo from './bases.repository.js';

export async function findBases(ctx: ServiceContext, q: TFindBasesQuery) {
  requirePermission(ctx, Permission.BaseRead);
  const { rows, total } = await repo.findBases(ctx.deps.db, ctx.actor.organizationId, q);
  return { data: rows.map(presentBaseSummary), page: q.page, pageSize: q.pageSize, total };
}

export async function loadBase(ctx: ServiceContext, db: Executor, id: string): Promise<TBase> {
  const row = await repo.getBase(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Training base');
  }
  const children = await repo.getBaseChildren(db, ctx.actor.organizationId, id);
  return presentBase(row, children, { canUpdate: can(ctx, Permission.BaseWrite) });
}

/** @throws NOT_FOUND when absent or in another organization */
export async function getBase(ctx: ServiceContext, id: string): Promise<TBase> {
  requirePermission(ctx, Permission.BaseRead);
  return loadBase(ctx, ctx.deps.db, id);
}

async function checkPartner(ctx: ServiceContext, trx: Executor, input: TBaseInput) {
  if (
    input.partnerId &&
    !(await repo.partnerInOrganization(trx, ctx.actor.organizationId, input.partnerId))
  ) {
    throw new AppError('INVALID_INPUT', 'Unknown partner', {
      issues: [{ path: ['partnerId'], message: 'unknown_partner' }],
    });
  }
}

export async function createBase(ctx: ServiceContext, input: TBaseInput): Promise<TBase> {
  requirePermission(ctx, Permission.BaseWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await checkPartner(ctx, trx, input);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('trainingBases')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.baseColumns(input),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const created = await loadBase(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'training_base',
      entityId: id,
      after: auditSnapshot(created),
    });
    return created;
  });
}

/** The base without its collections, which are audited on their own when saved. */
function coreSnapshot(base: TBase) {
  const { equipment: _e, team: _t, trainees: _tr, activities: _a, ...core } = auditSnapshot(base);
  return core;
}

const baseEntity: VersionedEntity<TBase> = {
  table: 'trainingBases',
  entityType: 'training_base',
  load: loadBase,
  snapshot: coreSnapshot,
};

export async function updateBase(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TBaseInput },
) {
  requirePermission(ctx, Permission.BaseWrite);
  return versionedChange(ctx, baseEntity, id, input.version, {
    set: async (trx) => {
      await checkPartner(ctx, trx, input.data);
      return repo.baseColumns(input.data);
    },
  });
}

export type BaseCollection = 'equipment' | 'team' | 'trainees' | 'activities';
interface CollectionItems {
  equipment: TEquipmentInput[];
  team: TTeamMemberInput[];
  trainees: TTraineeInput[];
  activities: TActivityInput[];
}

/**
 * Saves one collection of a base (inventory, coaching team, trainees or activity log) as a whole.
 * It is an edit of the base: compare-and-set on the base's version (stale → 409), and the base's
 * version goes up.
 */
export async function replaceCollection<K extends BaseCollection>(
  ctx: ServiceContext,
  id: string,
  collection: K,
  input: { version: number; items: CollectionItems[K] },
): Promise<TBase> {
  requirePermission(ctx, Permission.BaseWrite);
  const org = ctx.actor.organizationId;
  return versionedChange(
    ctx,
    baseEntity,
    id,
    input.version,
    {
      set: () => ({}),
      afterSet: async (trx) => {
        if (collection === 'equipment') {
          await repo.replaceEquipment(trx, org, id, input.items as TEquipmentInput[]);
        } else if (collection === 'team') {
          const team = input.items as TTeamMemberInput[];
          const linked = team.map((m) => m.userId).filter((u): u is string => u !== null);
          const members = await repo.memberUserIds(trx, org, linked);
          const bad = team.findIndex((m) => m.userId !== null && !members.has(m.userId));
          if (bad >= 0) {
            throw new AppError('INVALID_INPUT', 'Unknown user', {
              issues: [{ path: ['items', String(bad), 'userId'], message: 'team_member_unknown_user' }],
            });
          }
          await repo.replaceTeam(trx, org, id, team);
        } else if (collection === 'trainees') {
          await repo.replaceTrainees(trx, org, id, input.items as TTraineeInput[]);
        } else {
          await repo.replaceActivities(trx, org, id, input.items as TActivityInput[]);
        }
      },
    },
    { snapshot: (base) => ({ [collection]: auditSnapshot(base)[collection] }) },
  );
}
