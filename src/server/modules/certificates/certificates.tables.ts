import type { Selectable } from 'kysely';

export interface IssuerKeysTable {
  id: string;
  organizationId: string;
  algorithm: 'RS256' | 'ES256';
  publicJwkJson: string;
  privateKeyEnc: string;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

export interface CertificateSequencesTable {
  organizationId: string;
  year: number;
  lastValue: number;
}

export interface CertificateBatchesTable {
  id: string;
  organizationId: string;
  cohortId: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  errorsJson: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The server process working on a running batch, and until when (ISO instant) it holds it. */
  lockedBy: string | null;
  lockedUntil: string | null;
}

export interface CertificatesTable {
  id: string;
  organizationId: string;
  publicId: string;
  number: string;
  enrolmentId: string | null;
  cohortId: string | null;
  batchId: string | null;
  recipientNameNative: string;
  recipientNameLatin: string;
  recipientEmailHash: string | null;
  language: 'en' | 'zh-CN' | 'fr' | 'ar';
  programmeTitleJson: string;
  cohortName: string;
  startsOn: string | null;
  endsOn: string | null;
  hours: number;
  issuerName: string;
  issuedAt: string;
  validUntil: string | null;
  status: 'valid' | 'revoked';
  revokedReason: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  credentialId: string;
  credentialJson: string;
  credentialJwt: string;
  keyId: string;
  pdfStorageKey: string;
  pdfSha256: string;
  issuedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type IssuerKeyRow = Selectable<IssuerKeysTable>;
export type CertificateRow = Selectable<CertificatesTable>;
export type CertificateBatchRow = Selectable<CertificateBatchesTable>;

export interface CertificateTables {
  issuerKeys: IssuerKeysTable;
  certificateSequences: CertificateSequencesTable;
  certificateBatches: CertificateBatchesTable;
  certificates: CertificatesTable;
}
