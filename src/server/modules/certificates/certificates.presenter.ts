import type { TCertificate, TCertificateBatch, TVerification } from '../../../contracts/certificates.js';
import { Permission } from '../../../contracts/roles.js';
import { certificateStatus } from '../../../domain/certificates/ob3.js';
import { can } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import type { CertificateBatchRow, CertificateRow } from './certificates.tables.js';

export function presentCertificate(ctx: ServiceContext, row: CertificateRow): TCertificate {
  const status = certificateStatus(row, ctx.deps.clock.now().toISOString());
  return {
    id: row.id,
    publicId: row.publicId,
    number: row.number,
    status,
    enrolmentId: row.enrolmentId,
    cohortId: row.cohortId,
    recipientNameNative: row.recipientNameNative,
    recipientNameLatin: row.recipientNameLatin,
    language: row.language,
    programmeTitle: parseJson<Record<string, string>>(row.programmeTitleJson, {}),
    cohortName: row.cohortName,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    hours: row.hours,
    issuerName: row.issuerName,
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
    verifyUrl: `${ctx.deps.config.publicUrl}/verify/${row.publicId}`,
    version: row.version,
    abilities: {
      revoke: status !== 'revoked' && can(ctx, Permission.CertificateRevoke),
      download: can(ctx, Permission.CertificateRead),
    },
  };
}

/** The public summary: the name and the achievement, nothing else personal. */
export function verificationSummary(row: CertificateRow): NonNullable<TVerification['certificate']> {
  return {
    number: row.number,
    recipientNameNative: row.recipientNameNative,
    recipientNameLatin: row.recipientNameLatin,
    programmeTitle: parseJson<Record<string, string>>(row.programmeTitleJson, {}),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    hours: row.hours,
    issuerName: row.issuerName,
    issuedAt: row.issuedAt,
    validUntil: row.validUntil,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
  };
}

export function presentBatch(row: CertificateBatchRow): TCertificateBatch {
  const state = parseJson<{ errors?: TCertificateBatch['errors'] }>(row.errorsJson, {});
  return {
    id: row.id,
    cohortId: row.cohortId,
    status: row.status,
    total: row.total,
    done: row.done,
    failed: row.failed,
    errors: state.errors ?? [],
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
