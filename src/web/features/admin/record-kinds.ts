/** Record types the server writes to the audit log (`entityType`). */
export const AUDIT_ENTITY_TYPES = [
  'partner',
  'agreement',
  'agreement_document',
  'project',
  'project_document',
  'project_result',
  'result_indicator',
  'indicator_period',
  'indicator_evidence',
  'training_base',
  'infrastructure_list',
  'mobility',
  'resource',
  'resource_version',
  'resource_file',
  'resource_share',
  'partner_user_link',
  'glossary',
  'glossary_term',
  'membership',
  'user',
  'training_programme',
  'programme_material',
  'training_cohort',
  'training_session',
  'training_participant',
  'training_enrolment',
  'certificate',
  'certificate_batch',
  'issuer_key',
  'competition',
  'competition_skill',
  'competition_member',
  'competition_member_registrar',
  'competition_entry',
  'competition_expert',
  'competition_workshop',
  'competition_results',
  'marking_scheme',
  'marking_team',
  'marking_form',
  'competition_dispute',
  'dispute_evidence',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Kinds of e-mail the server puts in the outbox. */
export const OUTBOX_KINDS = ['invitation', 'password_reset', 'agreements_expiring'] as const;

/** Delivery states of an outbox message (ZOutboxMessageSchema.status). */
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;
