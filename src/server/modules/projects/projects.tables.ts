import type { Generated, Selectable } from 'kysely';

export interface ProjectsTable {
  id: string;
  organizationId: string;
  parentId: string | null;
  code: string;
  type: string;
  baseLocation: 'home' | 'overseas' | null;
  titleJson: string;
  titleSort: string;
  descriptionJson: string;
  status: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  defaultCurrency: string;
  responsibleUserId: string | null;
  searchText: string;
  archivedAt: string | null;
  /** 1: shown on the college's public showcase (migration 2026-11-29T0250_showcase). */
  showPublicly: Generated<number>;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface ProjectParticipantsTable {
  id: string;
  organizationId: string;
  projectId: string;
  /** null: the own college */
  partnerId: string | null;
  role: string;
  sortOrder: number;
}

export interface ProjectCountriesTable {
  organizationId: string;
  projectId: string;
  country: string;
  percentageHundredths: number | null;
}

export interface ProjectSectorsTable {
  organizationId: string;
  projectId: string;
  vocabulary: string;
  code: string;
  percentageHundredths: number | null;
}

export interface ProjectAgreementsTable {
  organizationId: string;
  projectId: string;
  agreementId: string;
}

export interface ProjectBudgetsTable {
  id: string;
  organizationId: string;
  projectId: string;
  type: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  valueMinor: number;
  currency: string;
  valueDate: string | null;
  sortOrder: number;
}

export interface ProjectTransactionsTable {
  id: string;
  organizationId: string;
  projectId: string;
  type: string;
  transactionDate: string;
  valueMinor: number;
  currency: string;
  description: string;
  providerOrg: string;
  receiverOrg: string;
  sortOrder: number;
}

export type ProjectRow = Selectable<ProjectsTable>;
export type ProjectParticipantRow = Selectable<ProjectParticipantsTable>;
export type ProjectCountryRow = Selectable<ProjectCountriesTable>;
export type ProjectSectorRow = Selectable<ProjectSectorsTable>;
export type ProjectBudgetRow = Selectable<ProjectBudgetsTable>;
export type ProjectTransactionRow = Selectable<ProjectTransactionsTable>;

export interface ProjectTables {
  projects: ProjectsTable;
  projectParticipants: ProjectParticipantsTable;
  projectCountries: ProjectCountriesTable;
  projectSectors: ProjectSectorsTable;
  projectAgreements: ProjectAgreementsTable;
  projectBudgets: ProjectBudgetsTable;
  projectTransactions: ProjectTransactionsTable;
}
