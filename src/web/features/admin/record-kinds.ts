/** Record types the server writes to the audit log (`entityType`). */
export const AUDIT_ENTITY_TYPES = [
  'partner',
  'agreement',
  'agreement_document',
  'membership',
  'user',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Kinds of e-mail the server puts in the outbox. */
export const OUTBOX_KINDS = ['invitation', 'password_reset', 'agreements_expiring'] as const;

/** Delivery states of an outbox message (ZOutboxMessageSchema.status). */
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;
