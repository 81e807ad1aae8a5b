import { z } from 'zod';
import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.js';

export const CERTIFICATE_LANGUAGES = ['en', 'zh-CN', 'fr', 'ar'] as const;
export const ZCertificateLanguage = z.enum(CERTIFICATE_LANGUAGES);

export const ZCertificateStatus = z.enum(['valid', 'revoked', 'expired']);
export type TCertificateStatus = z.infer<typeof ZCertificateStatus>;

export const ZCertificateSchema = z.object({
  id: ZId,
  publicId: z.string(),
  number: z.string(),
  status: ZCertificateStatus,
  enrolmentId: z.string().nullable(),
  cohortId: z.string().nullable(),
  recipientNameNative: z.string(),
  recipientNameLatin: z.string(),
  language: ZCertificateLanguage,
  programmeTitle: z.record(z.string(), z.string()),
  cohortName: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  hours: z.number().int(),
  issuerName: z.string(),
  issuedAt: z.string(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  verifyUrl: z.string(),
  version: ZVersion,
  abilities: z.object({ revoke: z.boolean(), download: z.boolean() }),
});
export type TCertificate = z.infer<typeof ZCertificateSchema>;

export const ZFindCertificatesQuerySchema = ZPageQuery.extend({
  cohortId: ZId.optional(),
  status: ZCertificateStatus.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TFindCertificatesQuery = z.infer<typeof ZFindCertificatesQuerySchema>;

export const ZIssueCertificateRequestSchema = z.object({
  enrolmentId: ZId,
  /** The certificate's language next to English; default: Chinese, or the participant's Arabic/French. */
  language: ZCertificateLanguage.optional(),
  /** Last day of validity; omit for a certificate that does not expire. */
  validUntil: ZIsoDate.nullable().optional(),
});
export type TIssueCertificateRequest = z.infer<typeof ZIssueCertificateRequestSchema>;

export const ZIssueBatchRequestSchema = z.object({
  cohortId: ZId,
  language: ZCertificateLanguage.optional(),
  validUntil: ZIsoDate.nullable().optional(),
});
export type TIssueBatchRequest = z.infer<typeof ZIssueBatchRequestSchema>;

export const ZCertificateBatchSchema = z.object({
  id: ZId,
  cohortId: ZId,
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ enrolmentId: z.string(), code: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TCertificateBatch = z.infer<typeof ZCertificateBatchSchema>;

export const ZRevokeCertificateRequestSchema = z.object({
  version: ZVersion,
  reason: z.string().trim().min(3, 'reason_too_short').max(500),
});
export type TRevokeCertificateRequest = z.infer<typeof ZRevokeCertificateRequestSchema>;

/** A cohort's enrolments with eligibility and their certificate, for the issue screen. */
export const ZCohortCertificateRowSchema = z.object({
  enrolmentId: ZId,
  participantId: ZId,
  nameNative: z.string(),
  nameLatin: z.string(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
  certificate: z.object({ id: ZId, number: z.string(), status: ZCertificateStatus }).nullable(),
});
export const ZCohortCertificatesSchema = z.object({ data: z.array(ZCohortCertificateRowSchema) });
export type TCohortCertificateRow = z.infer<typeof ZCohortCertificateRowSchema>;

export const ZVerificationStatus = z.enum(['valid', 'revoked', 'expired', 'unknown', 'invalid']);
export type TVerificationStatus = z.infer<typeof ZVerificationStatus>;

/** What the public verification page shows: no personal data beyond the name. */
export const ZVerificationSchema = z.object({
  status: ZVerificationStatus,
  errors: z.array(z.string()).default([]),
  certificate: z
    .object({
      number: z.string(),
      recipientNameNative: z.string(),
      recipientNameLatin: z.string(),
      programmeTitle: z.record(z.string(), z.string()),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      hours: z.number().int(),
      issuerName: z.string(),
      issuedAt: z.string(),
      validUntil: z.string().nullable(),
      revokedAt: z.string().nullable(),
      revokedReason: z.string().nullable(),
    })
    .nullable(),
});
export type TVerification = z.infer<typeof ZVerificationSchema>;

export const ZVerifyJwtRequestSchema = z.object({ jwt: z.string().trim().min(10).max(100_000) });

export const ZIssuerKeySchema = z.object({
  id: z.string(),
  kid: z.string(),
  algorithm: z.string(),
  status: z.enum(['active', 'retired']),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export const ZIssuerKeysSchema = z.object({ data: z.array(ZIssuerKeySchema), jwksUrl: z.string() });
