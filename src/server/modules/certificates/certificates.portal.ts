import type { TPortal } from '../../../contracts/training.js';
import { certificateStatus } from '../../../domain/certificates/ob3.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';

/**
 * The certificate part of the participant portal, for the training module's portal to compose.
 * Depends on nothing of the training module (the certificates service does, the other way round),
 * so importing it from there makes no cycle.
 */

/** The enrolment's current certificate: the one in force, else the latest revoked one. */
export async function currentCertificateOfEnrolment(
  db: Executor,
  organizationId: string,
  enrolmentId: string,
) {
  const rows = await db
    .selectFrom('certificates')
    .select(['publicId', 'number', 'status', 'issuedAt', 'revokedAt', 'validUntil'])
    .where('organizationId', '=', organizationId)
    .where('enrolmentId', '=', enrolmentId)
    .orderBy('issuedAt', 'desc')
    .execute();
  return rows.find((r) => r.status === 'valid') ?? rows[0];
}

/**
 * What the portal shows of the certificate, with its verification page and download links through
 * the same personal link (`GET /api/v1/public/portal/:token/certificate/:format`, which serves
 * only a certificate in force: a revoked one has no downloads).
 */
export async function portalCertificate(
  deps: Deps,
  organizationId: string,
  enrolmentId: string,
  token: string,
): Promise<TPortal['certificate']> {
  const row = await currentCertificateOfEnrolment(deps.db, organizationId, enrolmentId);
  if (!row) {
    return null;
  }
  const base = `${deps.config.publicUrl}/api/v1/public/portal/${encodeURIComponent(token)}/certificate`;
  const downloads =
    row.status === 'valid' ? { pdf: `${base}/pdf`, json: `${base}/json`, jwt: `${base}/jwt` } : null;
  return {
    status: certificateStatus(row, deps.clock.now().toISOString()),
    number: row.number,
    issuedAt: row.issuedAt,
    verifyUrl: `${deps.config.publicUrl}/verify/${row.publicId}`,
    url: downloads?.pdf ?? null,
    downloads,
  };
}
