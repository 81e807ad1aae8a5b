import type { Generated, Selectable } from 'kysely';
import type { TaxonomyOverridesTable } from './skills.tables.js';

export interface CollegeSkillsTable {
  id: string;
  organizationId: string;
  code: string;
  labelsJson: string;
  iscoGroup: string | null;
  escoUri: string | null;
  createdAt: string;
  updatedAt: string;
  // Curation columns (migration 0330, skills.service.ts).
  category: Generated<string>;
  archivedAt: string | null;
  version: Generated<number>;
  createdBy: string | null;
  updatedBy: string | null;
  escoConfirmedAt: string | null;
  escoConfirmedBy: string | null;
  escoNote: Generated<string>;
}

export interface TalentProfilesTable {
  id: string;
  organizationId: string;
  participantId: string | null;
  competitorId: string | null;
  /** The participant's account that manages this profile signed in (talent/me). */
  userId: string | null;
  nameLatin: string;
  nameNative: string;
  email: string;
  locale: 'en' | 'zh-CN' | 'fr' | 'ar';
  iscoCode: string;
  escoUri: string | null;
  educationJson: string;
  experienceYears: number;
  countriesJson: string;
  availableFrom: string;
  headlineJson: string;
  summaryJson: string;
  status: 'active' | 'archived';
  currentConsentId: string | null;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface TalentProfileSkillsTable {
  profileId: string;
  organizationId: string;
  skillKey: string;
  level: number;
  evidence: 'certificate' | 'competition' | 'self' | 'employer';
  verified: number;
}

export interface TalentProfileLanguagesTable {
  profileId: string;
  organizationId: string;
  code: string;
  cefr: string;
}

export type ConsentChannel = 'link' | 'account' | 'coordinator_on_paper';

export interface TalentConsentsTable {
  id: string;
  organizationId: string;
  profileId: string;
  purpose: 'employment_matching';
  scope: 'match' | 'match_and_introduce';
  noticeVersion: string;
  locale: string;
  givenAt: string;
  givenVia: ConsentChannel;
  givenNote: string;
  recordedBy: string | null;
  withdrawnAt: string | null;
  withdrawnVia: ConsentChannel | null;
  withdrawnNote: string;
  withdrawnBy: string | null;
}

export interface TalentSelfLinksTable {
  tokenHash: string;
  organizationId: string;
  profileId: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
}

export type CollegeSkillRow = Selectable<CollegeSkillsTable>;
export type TalentProfileRow = Selectable<TalentProfilesTable>;
export type TalentSkillRow = Selectable<TalentProfileSkillsTable>;
export type TalentLanguageRow = Selectable<TalentProfileLanguagesTable>;
export type TalentConsentRow = Selectable<TalentConsentsTable>;

export interface TalentTables {
  collegeSkills: CollegeSkillsTable;
  talentProfiles: TalentProfilesTable;
  talentProfileSkills: TalentProfileSkillsTable;
  talentProfileLanguages: TalentProfileLanguagesTable;
  talentConsents: TalentConsentsTable;
  talentSelfLinks: TalentSelfLinksTable;
  talentTaxonomyOverrides: TaxonomyOverridesTable;
}
