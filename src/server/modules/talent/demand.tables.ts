import type { Selectable } from 'kysely';

export type PostingStatus = 'open' | 'filled' | 'closed';
export type Requirement = 'required' | 'optional';
export type ShortlistStage =
  | 'proposed'
  | 'candidate_agreed'
  | 'contacted'
  | 'interview'
  | 'offer'
  | 'placed'
  | 'not_placed'
  | 'declined';

export interface DemandPostingsTable {
  id: string;
  organizationId: string;
  postedBy: string | null;
  enterpriseName: string;
  partnerId: string | null;
  country: string;
  site: string;
  iscoCode: string;
  escoUri: string | null;
  headcount: number;
  startDate: string;
  contractJson: string;
  status: PostingStatus;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface DemandPostingSkillsTable {
  postingId: string;
  organizationId: string;
  requirement: Requirement;
  skillKey: string;
  minLevel: number;
  weight: number;
}

export interface DemandPostingLanguagesTable {
  postingId: string;
  organizationId: string;
  requirement: Requirement;
  code: string;
  minCefr: string;
}

export interface ShortlistEntriesTable {
  id: string;
  organizationId: string;
  postingId: string;
  profileId: string;
  stage: ShortlistStage;
  score: number;
  componentsJson: string;
  reasonsJson: string;
  historyJson: string;
  placedOn: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export type DemandPostingRow = Selectable<DemandPostingsTable>;
export type DemandSkillRow = Selectable<DemandPostingSkillsTable>;
export type DemandLanguageRow = Selectable<DemandPostingLanguagesTable>;
export type ShortlistEntryRow = Selectable<ShortlistEntriesTable>;

export interface DemandTables {
  demandPostings: DemandPostingsTable;
  demandPostingSkills: DemandPostingSkillsTable;
  demandPostingLanguages: DemandPostingLanguagesTable;
  shortlistEntries: ShortlistEntriesTable;
}
