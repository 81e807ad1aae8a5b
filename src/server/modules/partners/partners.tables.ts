import type { Selectable } from 'kysely';

export interface PartnersTable {
  id: string;
  organizationId: string;
  namesJson: string;
  nameSort: string;
  nativeName: string;
  country: string;
  city: string;
  type: string;
  website: string;
  tagsJson: string;
  notes: string;
  searchText: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface PartnerIdentifiersTable {
  id: string;
  organizationId: string;
  partnerId: string;
  scheme: 'iati' | 'schac' | 'other';
  value: string;
  valueNorm: string;
}

export interface PartnerTagsTable {
  organizationId: string;
  partnerId: string;
  tag: string;
}

export interface PartnerNetworksTable {
  organizationId: string;
  partnerId: string;
  networkId: string;
}

export interface PartnerContactsTable {
  id: string;
  organizationId: string;
  partnerId: string;
  nameNative: string;
  nameLatin: string;
  position: string;
  email: string;
  phone: string;
  languagesJson: string;
  sortOrder: number;
}

export type PartnerRow = Selectable<PartnersTable>;
export type PartnerContactRow = Selectable<PartnerContactsTable>;

export interface PartnerTables {
  partners: PartnersTable;
  partnerIdentifiers: PartnerIdentifiersTable;
  partnerTags: PartnerTagsTable;
  partnerNetworks: PartnerNetworksTable;
  partnerContacts: PartnerContactsTable;
}
