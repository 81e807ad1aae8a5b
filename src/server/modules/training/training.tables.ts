import type { Selectable } from 'kysely';

interface Stamped {
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface TrainingProgrammesTable extends Stamped {
  id: string;
  organizationId: string;
  projectId: string;
  titleJson: string;
  titleSort: string;
  description: string;
  learningOutcomesJson: string;
  languagesJson: string;
  interpretationNeeds: string;
  completionRuleJson: string;
  searchText: string;
}

export interface TrainingModulesTable {
  id: string;
  organizationId: string;
  programmeId: string;
  kind: string;
  titleJson: string;
  hours: number;
  sortOrder: number;
}

export interface TrainingCohortsTable extends Stamped {
  id: string;
  organizationId: string;
  programmeId: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number;
  notes: string;
}

export interface TrainingSessionsTable extends Stamped {
  id: string;
  organizationId: string;
  cohortId: string;
  moduleId: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  onlineUrl: string;
  trainerUserId: string | null;
  language: string;
  interpreter: string;
}

export interface TrainingParticipantsTable extends Stamped {
  id: string;
  organizationId: string;
  nameNative: string;
  nameLatin: string;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  country: string;
  organizationName: string;
  position: string;
  email: string;
  languagesJson: string;
  passportNumber: string;
  dateOfBirth: string | null;
}

export interface TrainingEnrolmentsTable extends Stamped {
  id: string;
  organizationId: string;
  cohortId: string;
  participantId: string;
  status: 'invited' | 'confirmed' | 'attending' | 'completed' | 'withdrawn';
  waitlistPosition: number | null;
  preScore: number | null;
  postScore: number | null;
  portalTokenHash: string | null;
}

export interface TrainingAttendanceTable {
  organizationId: string;
  sessionId: string;
  enrolmentId: string;
  mark: 'present' | 'absent' | 'excused';
  markedBy: string | null;
  markedAt: string;
}

export type ProgrammeRow = Selectable<TrainingProgrammesTable>;
export type ModuleRow = Selectable<TrainingModulesTable>;
export type CohortRow = Selectable<TrainingCohortsTable>;
export type SessionRow = Selectable<TrainingSessionsTable>;
export type ParticipantRow = Selectable<TrainingParticipantsTable>;
export type EnrolmentRow = Selectable<TrainingEnrolmentsTable>;
export type AttendanceRow = Selectable<TrainingAttendanceTable>;

export interface TrainingTables {
  trainingProgrammes: TrainingProgrammesTable;
  trainingModules: TrainingModulesTable;
  trainingCohorts: TrainingCohortsTable;
  trainingSessions: TrainingSessionsTable;
  trainingParticipants: TrainingParticipantsTable;
  trainingEnrolments: TrainingEnrolmentsTable;
  trainingAttendance: TrainingAttendanceTable;
}
