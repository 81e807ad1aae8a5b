import type { Generated, Selectable } from 'kysely';

export interface ResourcesTable {
  id: string;
  organizationId: string;
  kind: string;
  titleJson: string;
  titleSort: string;
  description: string;
  subject: string;
  tagsJson: string;
  searchText: string;
  /** 1: shown on the college's public showcase (migration 2026-11-29T0250_showcase). */
  showPublicly: Generated<number>;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface ResourceVersionsTable {
  id: string;
  organizationId: string;
  resourceId: string;
  versionLabel: string;
  changelog: string;
  publishedOn: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ResourceFilesTable {
  id: string;
  organizationId: string;
  resourceId: string;
  versionId: string;
  language: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface ResourceSharesTable {
  organizationId: string;
  resourceId: string;
  partnerId: string;
  sharedBy: string | null;
  sharedAt: string;
}

export interface PartnerUserLinksTable {
  organizationId: string;
  userId: string;
  partnerId: string;
  createdBy: string | null;
  createdAt: string;
}

export interface GlossariesTable {
  id: string;
  organizationId: string;
  nameJson: string;
  nameSort: string;
  subject: string;
  description: string;
  languagesJson: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface GlossaryTermsTable {
  id: string;
  organizationId: string;
  glossaryId: string;
  conceptId: string;
  language: string;
  term: string;
  termNorm: string;
  definition: string;
  context: string;
  partOfSpeech: string | null;
  status: 'draft' | 'approved';
  approvedBy: string | null;
  approvedAt: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export type ResourceRow = Selectable<ResourcesTable>;
export type ResourceVersionRow = Selectable<ResourceVersionsTable>;
export type ResourceFileRow = Selectable<ResourceFilesTable>;
export type GlossaryRow = Selectable<GlossariesTable>;
export type GlossaryTermRow = Selectable<GlossaryTermsTable>;

export interface LibraryTables {
  resources: ResourcesTable;
  resourceVersions: ResourceVersionsTable;
  resourceFiles: ResourceFilesTable;
  resourceShares: ResourceSharesTable;
  partnerUserLinks: PartnerUserLinksTable;
  glossaries: GlossariesTable;
  glossaryTerms: GlossaryTermsTable;
}
