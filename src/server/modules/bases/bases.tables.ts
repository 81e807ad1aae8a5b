import type { Selectable } from 'kysely';
import type {
  ACTIVITY_TYPES,
  BASE_KINDS,
  BASE_LOCATIONS,
  BASE_STATUSES,
  EquipmentCondition,
  InfrastructureBasis,
  TEAM_ROLES,
  TRAINEE_STATUSES,
} from '../../../contracts/bases.js';

export interface TrainingBasesTable {
  id: string;
  organizationId: string;
  kind: (typeof BASE_KINDS)[number];
  namesJson: string;
  nameSort: string;
  skillNumber: string;
  skillName: string;
  location: (typeof BASE_LOCATIONS)[number];
  siteAddress: string;
  country: string;
  partnerId: string | null;
  workstations: number;
  establishedOn: string | null;
  status: (typeof BASE_STATUSES)[number];
  facilities: string;
  notes: string;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface BaseEquipmentTable {
  id: string;
  organizationId: string;
  baseId: string;
  itemName: string;
  specification: string;
  quantity: number;
  unit: string;
  condition: EquipmentCondition;
  notes: string;
  sortOrder: number;
}

export interface BaseTeamTable {
  id: string;
  organizationId: string;
  baseId: string;
  nameNative: string;
  nameLatin: string;
  role: (typeof TEAM_ROLES)[number];
  userId: string | null;
  sortOrder: number;
}

export interface BaseTraineesTable {
  id: string;
  organizationId: string;
  baseId: string;
  nameNative: string;
  nameLatin: string;
  country: string;
  since: string | null;
  status: (typeof TRAINEE_STATUSES)[number];
  sortOrder: number;
}

export interface BaseActivitiesTable {
  id: string;
  organizationId: string;
  baseId: string;
  type: (typeof ACTIVITY_TYPES)[number];
  title: string;
  startsOn: string;
  endsOn: string | null;
  location: string;
  participants: number;
  summary: string;
}

export interface InfrastructureListsTable {
  id: string;
  organizationId: string;
  name: string;
  skillNumber: string;
  skillName: string;
  revision: number;
  sourceFileName: string;
  importedAt: string;
  importedBy: string | null;
}

export interface InfrastructureListItemsTable {
  id: string;
  organizationId: string;
  listId: string;
  sortOrder: number;
  item: string;
  specification: string;
  quantity: number;
  basis: InfrastructureBasis;
  category: string;
}

export type TrainingBaseRow = Selectable<TrainingBasesTable>;
export type InfrastructureListRow = Selectable<InfrastructureListsTable>;

export interface BaseTables {
  trainingBases: TrainingBasesTable;
  baseEquipment: BaseEquipmentTable;
  baseTeam: BaseTeamTable;
  baseTrainees: BaseTraineesTable;
  baseActivities: BaseActivitiesTable;
  infrastructureLists: InfrastructureListsTable;
  infrastructureListItems: InfrastructureListItemsTable;
}
