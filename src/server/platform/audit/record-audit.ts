import type { AuditAction } from '../../../contracts/audit.js';
import type { ServiceContext } from '../context.js';
import type { Executor } from '../db/executor.js';
import { newId } from '../ids.js';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Appends one entry to the audit log inside the caller's transaction, so a change and its
 * record commit or roll back together.
 */
export async function recordAudit(trx: Executor, ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await recordAuditAs(trx, {
    organizationId: ctx.actor.organizationId,
    actorId: ctx.actor.userId,
    actorEmail: ctx.actor.email,
    requestId: ctx.requestId,
    ip: ctx.ip,
    at: ctx.deps.clock.now().toISOString(),
    ...event,
  });
}

/** For events without a signed-in actor (failed sign-in, jobs, CLI). */
export async function recordAuditAs(
  trx: Executor,
  e: AuditEvent & {
    organizationId: string | null;
    actorId: string | null;
    actorEmail: string | null;
    requestId?: string | null;
    ip?: string | null;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('auditLog')
    .values({
      id: newId(),
      organizationId: e.organizationId,
      at: e.at,
      actorId: e.actorId,
      actorEmail: e.actorEmail,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      beforeJson: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      afterJson: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
      requestId: e.requestId ?? null,
      ip: e.ip ?? null,
    })
    .execute();
}
