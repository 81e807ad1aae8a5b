import type { z } from 'zod';
import type { ZFindAuditQuerySchema } from '../../../contracts/audit.js';
import type { Executor } from '../../platform/db/executor.js';

type FindAuditQuery = z.infer<typeof ZFindAuditQuerySchema>;

export async function findAuditEntries(db: Executor, organizationId: string, q: FindAuditQuery) {
  let base = db.selectFrom('auditLog').where('organizationId', '=', organizationId);
  if (q.entityType) {
    base = base.where('entityType', '=', q.entityType);
  }
  if (q.entityId) {
    base = base.where('entityId', '=', q.entityId);
  }
  if (q.actorId) {
    base = base.where('actorId', '=', q.actorId);
  }
  if (q.action) {
    base = base.where('action', '=', q.action);
  }
  if (q.from) {
    base = base.where('at', '>=', q.from);
  }
  if (q.to) {
    base = base.where('at', '<', q.to);
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findOutbox(db: Executor, organizationId: string, page: number, pageSize: number) {
  const base = db.selectFrom('outbox').where('organizationId', '=', organizationId);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('createdAt', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
