import type { Selectable } from 'kysely';

export interface SurveysTable {
  id: string;
  organizationId: string;
  projectId: string | null;
  cohortId: string | null;
  level: 'L1' | 'L2' | 'L3' | 'L4';
  testPhase: 'pre' | 'post' | null;
  preTestId: string | null;
  titleJson: string;
  introJson: string;
  defaultLocale: string;
  anonymous: number;
  status: 'draft' | 'open' | 'closed';
  opensOn: string | null;
  closesOn: string | null;
  followUpDays: number | null;
  followUpOf: string | null;
  searchText: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
}

export interface SurveyQuestionsTable {
  id: string;
  organizationId: string;
  surveyId: string;
  sortOrder: number;
  type: 'likert5' | 'likert7' | 'nps' | 'single' | 'multiple' | 'text' | 'number';
  textJson: string;
  helpJson: string;
  optionsJson: string;
  required: number;
  reverseCoded: number;
  scaleKey: string;
  scored: number;
  correctJson: string;
  points: number;
  purpose: 'none' | 'application' | 'benefit';
  appliedJson: string;
  currency: string | null;
  minValue: number | null;
  maxValue: number | null;
}

export interface SurveyInvitationsTable {
  id: string;
  organizationId: string;
  surveyId: string;
  participantId: string;
  locale: string;
  sentAt: string | null;
  reminderCount: number;
  lastRemindedAt: string | null;
  respondedOn: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface SurveyLinksTable {
  tokenHash: string;
  organizationId: string;
  invitationId: string;
  createdAt: string;
}

export interface SurveyResponsesTable {
  id: string;
  organizationId: string;
  surveyId: string;
  invitationId: string | null;
  participantId: string | null;
  locale: string;
  submittedAt: string;
}

export interface SurveyAnswersTable {
  responseId: string;
  questionId: string;
  organizationId: string;
  valueNumber: number | null;
  valueText: string | null;
  valueChoicesJson: string | null;
}

export type SurveyRow = Selectable<SurveysTable>;
export type QuestionRow = Selectable<SurveyQuestionsTable>;
export type InvitationRow = Selectable<SurveyInvitationsTable>;
export type ResponseRow = Selectable<SurveyResponsesTable>;
export type AnswerRow = Selectable<SurveyAnswersTable>;

export interface SurveyTables {
  surveys: SurveysTable;
  surveyQuestions: SurveyQuestionsTable;
  surveyInvitations: SurveyInvitationsTable;
  surveyLinks: SurveyLinksTable;
  surveyResponses: SurveyResponsesTable;
  surveyAnswers: SurveyAnswersTable;
}
