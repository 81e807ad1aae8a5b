import type { Selectable } from 'kysely';

export interface AgreementsTable {
  id: string;
  organizationId: string;
  type: string;
  titleJson: string;
  titleSort: string;
  scope: string;
  stage: 'draft' | 'negotiating' | 'signed';
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  autoRenewal: number;
  renewalMonths: number | null;
  expiringWindowDays: number;
  terminatedOn: string | null;
  terminationReason: string | null;
  signatoriesJson: string;
  notes: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface AgreementPartiesTable {
  organizationId: string;
  agreementId: string;
  partnerId: string;
}

export interface AgreementDocumentsTable {
  id: string;
  organizationId: string;
  agreementId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  uploadedAt: string;
  deletedAt: string | null;
}

export type AgreementRow = Selectable<AgreementsTable>;
export type AgreementDocumentRow = Selectable<AgreementDocumentsTable>;

export interface AgreementTables {
  agreements: AgreementsTable;
  agreementParties: AgreementPartiesTable;
  agreementDocuments: AgreementDocumentsTable;
}
