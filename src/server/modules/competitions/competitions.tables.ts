import type { Selectable } from 'kysely';
import type {
  CompetitionStatus,
  CompetitorGender,
  DisputeStatus,
  EntryStatus,
  ExpertRole,
  ExpertStatus,
  FormState,
  Medal,
  MemberKind,
  ResultsState,
  SchemeSource,
  SchemeStatus,
  SkillType,
  TeamRole,
} from '../../../contracts/competitions.js';

// Every table of migration 2026-11-29T0100_competitions, shared by the competitions (set-up),
// marking-schemes, marking and competition-results modules. 0/1 integers are flags.

interface Stamps {
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface CompetitionsTable extends Stamps {
  id: string;
  organizationId: string;
  namesJson: string;
  nameSort: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  city: string;
  country: string;
  hostName: string;
  hostPartnerId: string | null;
  status: CompetitionStatus;
  registrationOpensOn: string | null;
  registrationClosesOn: string | null;
  settingsJson: string;
  description: string;
}

export interface CompetitionSkillsTable extends Stamps {
  id: string;
  organizationId: string;
  competitionId: string;
  number: string;
  namesJson: string;
  nameSort: string;
  skillType: SkillType;
  teamBased: number;
  teamSize: number;
  maxEntriesPerMember: number;
  allowCompatriotMarking: number;
  generateResultsAndMedals: number;
  excludeFromMemberComparison: number;
  excludeFromAlbertVidal: number;
  numJudges: number;
  maxJudgeSpread: number;
  markingSuspended: number;
  resultsState: ResultsState;
  resultsSignedOffAt: string | null;
  resultsSignedOffBy: string | null;
  resultsPublishedAt: string | null;
  resultsPublishedBy: string | null;
}

export interface CompetitionMembersTable extends Stamps {
  id: string;
  organizationId: string;
  competitionId: string;
  code: string;
  namesJson: string;
  nameSort: string;
  kind: MemberKind;
  country: string;
  partnerId: string | null;
}

export interface CompetitionMemberRegistrarsTable {
  id: string;
  organizationId: string;
  memberId: string;
  userId: string;
  createdAt: string;
}

export interface CompetitionEntriesTable extends Stamps {
  id: string;
  organizationId: string;
  competitionId: string;
  skillId: string;
  memberId: string;
  displayName: string;
  bench: string;
  status: EntryStatus;
  statusReason: string;
  registeredBy: string | null;
}

export interface CompetitionCompetitorsTable extends Stamps {
  id: string;
  organizationId: string;
  competitionId: string;
  entryId: string;
  firstName: string;
  lastName: string;
  nameNative: string;
  gender: CompetitorGender | null;
  birthDate: string | null;
  email: string;
  participantId: string | null;
}

export interface CompetitionExpertsTable extends Stamps {
  id: string;
  organizationId: string;
  competitionId: string;
  skillId: string;
  memberId: string | null;
  userId: string | null;
  firstName: string;
  lastName: string;
  email: string;
  role: ExpertRole;
  status: ExpertStatus;
  registeredBy: string | null;
}

export interface CompetitionDaysTable {
  id: string;
  organizationId: string;
  competitionId: string;
  code: string;
  date: string;
  label: string;
}

export interface CompetitionWorkshopsTable extends Stamps {
  id: string;
  organizationId: string;
  competitionId: string;
  skillId: string | null;
  name: string;
  location: string;
  workstations: number;
  notes: string;
}

export interface MarkingSchemesTable extends Stamps {
  id: string;
  organizationId: string;
  skillId: string;
  versionNo: number;
  status: SchemeStatus;
  source: SchemeSource;
  sourceFileName: string;
  schemeJson: string;
  lockedAt: string | null;
  lockedBy: string | null;
  lockReason: string;
}

export interface MarkingTeamMembersTable {
  id: string;
  organizationId: string;
  skillId: string;
  schemeId: string;
  subCriterionKey: string;
  expertId: string;
  teamRole: TeamRole;
  createdAt: string;
  createdBy: string | null;
}

export interface MarkingFormsTable extends Stamps {
  id: string;
  organizationId: string;
  skillId: string;
  schemeId: string;
  subCriterionKey: string;
  entryId: string;
  state: FormState;
  enteredBy: string | null;
  enteredAt: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
  signedBy: string | null;
  signedAt: string | null;
  lockedBy: string | null;
  lockedAt: string | null;
}

export interface MeasurementMarksTable {
  id: string;
  organizationId: string;
  formId: string;
  aspectKey: string;
  observationJson: string;
  comment: string;
  markerExpertId: string | null;
  enteredBy: string;
  enteredAt: string;
  version: number;
}

export interface JudgementScoresTable {
  id: string;
  organizationId: string;
  formId: string;
  aspectKey: string;
  judgeExpertId: string;
  score: number;
  enteredBy: string;
  enteredAt: string;
  version: number;
}

export interface CompetitionDisputesTable extends Stamps {
  id: string;
  organizationId: string;
  skillId: string;
  entryId: string | null;
  formId: string | null;
  subject: string;
  description: string;
  status: DisputeStatus;
  raisedBy: string;
  raisedAt: string;
  decision: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface CompetitionDisputeEvidenceTable {
  id: string;
  organizationId: string;
  disputeId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface CompetitionResultsTable {
  id: string;
  organizationId: string;
  competitionId: string;
  skillId: string;
  entryId: string;
  memberId: string;
  rawTotalExact: string;
  rawTotal: string;
  scaleUnrounded: string;
  points: number;
  position: number;
  medal: Medal;
  calculatedAt: string;
}

export type CompetitionRow = Selectable<CompetitionsTable>;
export type CompetitionSkillRow = Selectable<CompetitionSkillsTable>;
export type CompetitionMemberRow = Selectable<CompetitionMembersTable>;
export type CompetitionEntryRow = Selectable<CompetitionEntriesTable>;
export type CompetitionCompetitorRow = Selectable<CompetitionCompetitorsTable>;
export type CompetitionExpertRow = Selectable<CompetitionExpertsTable>;
export type MarkingSchemeRow = Selectable<MarkingSchemesTable>;
export type MarkingFormRow = Selectable<MarkingFormsTable>;
export type CompetitionDisputeRow = Selectable<CompetitionDisputesTable>;
export type CompetitionResultRow = Selectable<CompetitionResultsTable>;

export interface CompetitionTables {
  competitions: CompetitionsTable;
  competitionSkills: CompetitionSkillsTable;
  competitionMembers: CompetitionMembersTable;
  competitionMemberRegistrars: CompetitionMemberRegistrarsTable;
  competitionEntries: CompetitionEntriesTable;
  competitionCompetitors: CompetitionCompetitorsTable;
  competitionExperts: CompetitionExpertsTable;
  competitionDays: CompetitionDaysTable;
  competitionWorkshops: CompetitionWorkshopsTable;
  markingSchemes: MarkingSchemesTable;
  markingTeamMembers: MarkingTeamMembersTable;
  markingForms: MarkingFormsTable;
  measurementMarks: MeasurementMarksTable;
  judgementScores: JudgementScoresTable;
  competitionDisputes: CompetitionDisputesTable;
  competitionDisputeEvidence: CompetitionDisputeEvidenceTable;
  competitionResults: CompetitionResultsTable;
}
