import type { AuditAction } from '../../../contracts/audit.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { versionConflict } from '../errors.js';
import type { Executor } from './executor.js';
import { updateVersioned, type VersionedTable } from './versioned-update.js';

/** How a service loads and records one kind of versioned entity. */
export interface VersionedEntity<T extends { version: number }> {
  table: VersionedTable;
  /** `entityType` of the audit entries. */
  entityType: string;
  /** Loads the entity inside the organization; throws NOT_FOUND when absent. */
  load: (ctx: ServiceContext, db: Executor, id: string) => Promise<T>;
  /** What the audit log keeps of the entity before and after. */
  snapshot: (entity: T) => unknown;
}

export interface VersionedChange<T> {
  /** Checks and writes that come before the compare-and-set; returns the columns to set on the row. */
  set: (trx: Executor, before: T) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Writes that come after the compare-and-set holds the row (child rows). */
  afterSet?: (trx: Executor, before: T) => Promise<void>;
}

export interface VersionedAudit<T> {
  action?: AuditAction;
  reason?: string | null;
  /** Replaces the entity's snapshot for this change (e.g. only the field it touched). */
  snapshot?: (entity: T) => unknown;
}

/**
 * The edit of a versioned entity in one transaction: load (404 when absent), compare the version
 * the client read (409 when stale), `set` then compare-and-set the row, `afterSet`, reload, and audit
 * before and after. Returns the reloaded entity.
 * @throws AppError NOT_FOUND, VERSION_CONFLICT
 */
export async function versionedChange<T extends { version: number }>(
  ctx: ServiceContext,
  entity: VersionedEntity<T>,
  id: string,
  version: number,
  change: VersionedChange<T>,
  audit: VersionedAudit<T> = {},
): Promise<T> {
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await entity.load(ctx, trx, id);
    if (before.version !== version) {
      throw versionConflict(before.version);
    }
    await updateVersioned(ctx, trx, entity.table, id, version, await change.set(trx, before));
    await change.afterSet?.(trx, before);
    const after = await entity.load(ctx, trx, id);
    const snapshot = audit.snapshot ?? entity.snapshot;
    await recordAudit(trx, ctx, {
      action: audit.action ?? 'update',
      entityType: entity.entityType,
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
      reason: audit.reason ?? null,
    });
    return after;
  });
}

/** The columns a versioned row is created with: version 1, created and last changed now by the actor. */
export function creationStamps(ctx: ServiceContext) {
  const now = ctx.deps.clock.now().toISOString();
  return {
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
    version: 1,
  };
}

/**
 * The creation of a versioned entity in one transaction: `insert` (checks, the row and its child
 * rows; returns the new id), then load it and audit it as created with its snapshot. Returns the
 * loaded entity. The counterpart of `versionedChange`, shared so that every module loads and
 * audits what it creates the same way.
 */
export async function versionedCreate<T extends { version: number }>(
  ctx: ServiceContext,
  entity: Pick<VersionedEntity<T>, 'entityType' | 'load' | 'snapshot'>,
  insert: (trx: Executor) => Promise<string>,
): Promise<T> {
  return ctx.deps.db.transaction().execute(async (trx) => {
    const id = await insert(trx);
    const created = await entity.load(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: entity.entityType,
      entityId: id,
      after: entity.snapshot(created),
    });
    return created;
  });
}
