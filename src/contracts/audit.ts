import { z } from 'zod';
import { ZId, ZPageQuery } from './common.js';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'archive',
  'restore',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'import',
  'upload',
  'export',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof ZAuditAction>;

export const ZAuditEntrySchema = z.object({
  id: ZId,
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: ZAuditAction,
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntrySchema>;

export const ZFindAuditQuerySchema = ZPageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  action: ZAuditAction.optional(),
  from: z.string().max(40).optional().describe('ISO date-time, inclusive'),
  to: z.string().max(40).optional().describe('ISO date-time, exclusive'),
});

export const ZOutboxMessageSchema = z.object({
  id: ZId,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'outbox']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
