import type { z } from 'zod';
import type { TAuditEntry, ZFindAuditQuerySchema } from '../../../contracts/audit.js';
import { Permission } from '../../../contracts/roles.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import * as repo from './audit.repository.js';
import type { AuditRow } from './audit.tables.js';

function presentAuditEntry(row: AuditRow): TAuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action as TAuditEntry['action'],
    entityType: row.entityType,
    entityId: row.entityId,
    before: parseJson(row.beforeJson, null),
    after: parseJson(row.afterJson, null),
    reason: row.reason,
    requestId: row.requestId,
  };
}

export async function findAuditEntries(ctx: ServiceContext, q: z.infer<typeof ZFindAuditQuerySchema>) {
  requirePermission(ctx, Permission.AuditRead);
  const { rows, total } = await repo.findAuditEntries(ctx.deps.db, ctx.actor.organizationId, q);
  return { data: rows.map(presentAuditEntry), page: q.page, pageSize: q.pageSize, total };
}

export async function findOutboxMessages(ctx: ServiceContext, page: number, pageSize: number) {
  requirePermission(ctx, Permission.OutboxRead);
  const { rows, total } = await repo.findOutbox(ctx.deps.db, ctx.actor.organizationId, page, pageSize);
  return {
    data: rows.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.bodyText,
      kind: m.kind,
      status: m.status,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })),
    page,
    pageSize,
    total,
  };
}
