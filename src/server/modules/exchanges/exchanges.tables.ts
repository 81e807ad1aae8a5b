import type { Selectable } from 'kysely';
import type { MobilityStage } from '../../../contracts/exchanges.js';

export interface MobilitiesTable {
  id: string;
  organizationId: string;
  direction: 'inbound' | 'outbound';
  category: string;
  title: string;
  purpose: string;
  homeIsOwn: number;
  homePartnerId: string | null;
  hostIsOwn: number;
  hostPartnerId: string | null;
  destinationCity: string;
  plannedStartOn: string;
  plannedEndOn: string;
  actualStartOn: string | null;
  actualEndOn: string | null;
  fundingSource: string;
  fundingAmountMinor: number | null;
  fundingCurrency: string | null;
  costsBorneBy: 'host' | 'home' | 'shared';
  projectId: string | null;
  agreementId: string | null;
  stage: MobilityStage;
  cancellationReason: string | null;
  notes: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface MobilityMembersTable {
  id: string;
  organizationId: string;
  mobilityId: string;
  nameNative: string;
  nameLatin: string;
  gender: 'female' | 'male' | 'unspecified';
  position: string;
  nationality: string | null;
  passportNumber: string;
  sortOrder: number;
}

export interface MobilityEventsTable {
  id: string;
  organizationId: string;
  mobilityId: string;
  fromStage: MobilityStage | null;
  toStage: MobilityStage;
  actorId: string | null;
  at: string;
  note: string;
}

export interface MobilityChecklistItemsTable {
  id: string;
  organizationId: string;
  mobilityId: string;
  code: string | null;
  label: string;
  done: number;
  doneBy: string | null;
  doneAt: string | null;
  sortOrder: number;
}

export interface MobilityReportsTable {
  id: string;
  organizationId: string;
  mobilityId: string;
  summary: string;
  outcomes: string;
  followUpActions: string;
  submittedBy: string | null;
  submittedAt: string;
}

export type MobilityRow = Selectable<MobilitiesTable>;
export type MobilityMemberRow = Selectable<MobilityMembersTable>;

export interface MobilityTables {
  mobilities: MobilitiesTable;
  mobilityMembers: MobilityMembersTable;
  mobilityEvents: MobilityEventsTable;
  mobilityChecklistItems: MobilityChecklistItemsTable;
  mobilityReports: MobilityReportsTable;
}
