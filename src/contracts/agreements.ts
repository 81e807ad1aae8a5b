import { z } from 'zod';
import { ZId, ZIsoDate, ZLocalizedText, ZPageQuery, ZSort, ZVersion } from './common.js';

export const AGREEMENT_TYPES = [
  'mou',
  'framework',
  'joint_training_base',
  'teacher_exchange',
  'competition_cooperation',
  'other',
] as const;
export const ZAgreementType = z.enum(AGREEMENT_TYPES);

/** The stage people record; the status shown is derived from it and the dates. */
export const AGREEMENT_STAGES = ['draft', 'negotiating', 'signed'] as const;
export const ZAgreementStage = z.enum(AGREEMENT_STAGES);

export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'active',
  'expiring',
  'expired',
  'terminated',
] as const;
export const ZAgreementStatus = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof ZAgreementStatus>;

export const ZSignatory = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).default(''),
  partyId: ZId.nullable().default(null).describe('Partner id, or null for the own organization'),
  signedOn: ZIsoDate.nullable().default(null),
});

const agreementFields = z.object({
  type: ZAgreementType,
  title: ZLocalizedText,
  scope: z.string().max(10000).default(''),
  partnerIds: z.array(ZId).min(1, 'at_least_one_partner').max(20),
  signatories: z.array(ZSignatory).max(20).default([]),
  stage: ZAgreementStage.default('draft'),
  signedOn: ZIsoDate.nullable().default(null),
  startsOn: ZIsoDate.nullable().default(null),
  endsOn: ZIsoDate.nullable().default(null),
  autoRenewal: z.boolean().default(false),
  renewalMonths: z.number().int().min(1).max(120).nullable().default(null),
  expiringWindowDays: z.number().int().min(1).max(730).default(90),
  notes: z.string().max(10000).default(''),
});

function checkDates(a: z.infer<typeof agreementFields>, ctx: z.RefinementCtx) {
  if (a.startsOn && a.endsOn && a.endsOn < a.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start' });
  }
  if (a.stage === 'signed' && !a.signedOn) {
    ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'signed_date_required' });
  }
  if (a.stage === 'signed' && !a.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'start_date_required' });
  }
  if (a.autoRenewal && !a.renewalMonths) {
    ctx.addIssue({ code: 'custom', path: ['renewalMonths'], message: 'renewal_months_required' });
  }
  if (a.autoRenewal && !a.endsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_date_required' });
  }
}

export const ZAgreementInput = agreementFields.superRefine(checkDates);
export type TAgreementInput = z.infer<typeof ZAgreementInput>;

export const ZCreateAgreementRequestSchema = ZAgreementInput;
export const ZUpdateAgreementRequestSchema = z.object({ version: ZVersion, data: ZAgreementInput });
export const ZTerminateAgreementRequestSchema = z.object({
  version: ZVersion,
  terminatedOn: ZIsoDate,
  reason: z.string().trim().min(1, 'reason_required').max(2000),
});

export const ZAgreementDocumentSchema = z.object({
  id: ZId,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const ZAgreementSchema = z.object({
  id: ZId,
  type: ZAgreementType,
  title: z.record(z.string(), z.string()),
  scope: z.string(),
  partners: z.array(z.object({ id: ZId, names: z.record(z.string(), z.string()), country: z.string() })),
  signatories: z.array(ZSignatory),
  stage: ZAgreementStage,
  status: ZAgreementStatus,
  effectiveEndsOn: ZIsoDate.nullable().describe('End date after automatic renewals'),
  daysToEnd: z.number().int().nullable(),
  signedOn: ZIsoDate.nullable(),
  startsOn: ZIsoDate.nullable(),
  endsOn: ZIsoDate.nullable(),
  autoRenewal: z.boolean(),
  renewalMonths: z.number().int().nullable(),
  expiringWindowDays: z.number().int(),
  terminatedOn: ZIsoDate.nullable(),
  terminationReason: z.string().nullable(),
  notes: z.string(),
  documents: z.array(ZAgreementDocumentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), readDocuments: z.boolean() }),
});
export type TAgreement = z.infer<typeof ZAgreementSchema>;

export const ZFindAgreementsQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  partnerId: ZId.optional(),
  type: ZAgreementType.optional(),
  status: ZAgreementStatus.optional(),
  expiringWithinDays: z.coerce.number().int().min(1).max(730).optional(),
  sort: ZSort(['endsOn', 'startsOn', 'title', 'updatedAt'] as const).default('endsOn'),
});
export type TFindAgreementsQuery = z.infer<typeof ZFindAgreementsQuerySchema>;

/** Upload limits for agreement documents. */
export const AGREEMENT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const AGREEMENT_DOCUMENT_TYPES = ['application/pdf'] as const;
