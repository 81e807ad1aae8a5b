import { z } from 'zod';

// ── Enumerations shared by the competition modules (set-up, marking, results) ──
export const COMPETITION_STATUSES = [
  'planning',
  'registration',
  'running',
  'completed',
  'cancelled',
] as const;
export const SKILL_TYPES = ['official', 'demonstration', 'exhibition'] as const;
export const MEMBER_KINDS = ['country', 'region', 'institution'] as const;
export const ENTRY_STATUSES = ['registered', 'confirmed', 'withdrawn', 'excluded'] as const;
export const EXPERT_ROLES = ['chief_expert', 'deputy_chief_expert', 'expert', 'judge'] as const;
export const EXPERT_STATUSES = ['registered', 'confirmed', 'withdrawn'] as const;
export const COMPETITOR_GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const RESULTS_STATES = ['open', 'signed_off', 'published'] as const;
export const SCHEME_STATUSES = ['draft', 'locked', 'superseded'] as const;
export const SCHEME_SOURCES = ['manual', 'cis_import', 'copy'] as const;
export const TEAM_ROLES = ['marker', 'judge', 'supervisor'] as const;
export const FORM_STATES = ['not_started', 'entered', 'checked', 'signed', 'locked'] as const;
export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected', 'withdrawn'] as const;
export const MEDALS = ['gold', 'silver', 'bronze', 'medallion', 'none'] as const;

export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];
export type SkillType = (typeof SKILL_TYPES)[number];
export type MemberKind = (typeof MEMBER_KINDS)[number];
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export type ExpertRole = (typeof EXPERT_ROLES)[number];
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];
export type CompetitorGender = (typeof COMPETITOR_GENDERS)[number];
export type ResultsState = (typeof RESULTS_STATES)[number];
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];
export type SchemeSource = (typeof SCHEME_SOURCES)[number];
export type TeamRole = (typeof TEAM_ROLES)[number];
export type FormState = (typeof FORM_STATES)[number];
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type Medal = (typeof MEDALS)[number];

export const ZSkillType = z.enum(SKILL_TYPES);
export const ZMedal = z.enum(MEDALS);

// ── Set-up contracts (competitions module) follow below ──
