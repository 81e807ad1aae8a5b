import { z } from 'zod';
import {
  DEFAULT_JUDGES_PER_ASPECT,
  DEFAULT_MAX_JUDGE_SPREAD,
  DEFAULT_RULE_SETTINGS,
} from '../domain/competitions/settings.js';
import { ZEmail } from './auth.js';
import { ZCountryCode, ZId, ZIsoDate, ZLocalizedText, ZPageQuery, ZSort, ZVersion } from './common.js';

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

const text = (max: number) => z.string().trim().max(max);
const englishName = ZLocalizedText.refine((n) => (n.en ?? '').trim().length > 0, {
  message: 'english_name_required',
});
const optionalDate = ZIsoDate.nullable().default(null);

/** Short public handle: lower-case letters, digits and single hyphens (`gba-invitational-2026`). */
export const ZCompetitionSlug = z
  .string()
  .trim()
  .min(3, 'competition_slug_format')
  .max(60, 'competition_slug_format')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'competition_slug_format');

/**
 * CompetitionRuleSettings (src/domain/competitions/settings.ts) as sent and stored; every field has
 * the documented default, so `{}` is the default settings.
 */
export const ZCompetitionRuleSettings = z.object({
  scale: z
    .object({
      method: z.enum(['median_mad', 'mean_sd']).default(DEFAULT_RULE_SETTINGS.scale.method),
      centre: z.number().int().min(0).max(10000).default(DEFAULT_RULE_SETTINGS.scale.centre),
      pointsPerSpread: z
        .number()
        .positive('settings_positive')
        .max(1000)
        .default(DEFAULT_RULE_SETTINGS.scale.pointsPerSpread),
      sd: z.enum(['population', 'sample']).default(DEFAULT_RULE_SETTINGS.scale.sd),
    })
    .prefault({}),
  tieTolerance: z.number().min(0).max(100).default(DEFAULT_RULE_SETTINGS.tieTolerance),
  medallionThreshold: z.number().int().min(0).max(10000).default(DEFAULT_RULE_SETTINGS.medallionThreshold),
  aspectMarkRounding: z.enum(['exact', 'two_decimals']).default(DEFAULT_RULE_SETTINGS.aspectMarkRounding),
  sectionTolerance: z.number().min(0).max(100).default(DEFAULT_RULE_SETTINGS.sectionTolerance),
  maxAspectMark: z
    .number()
    .positive('settings_positive')
    .max(100)
    .default(DEFAULT_RULE_SETTINGS.maxAspectMark),
  minEntrantsForAllMedals: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(DEFAULT_RULE_SETTINGS.minEntrantsForAllMedals),
  noBronzeFromSilverCount: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(DEFAULT_RULE_SETTINGS.noBronzeFromSilverCount ?? 3),
  awardScoreBasis: z
    .enum(['points', 'calculated_score'])
    .default(DEFAULT_RULE_SETTINGS.awardScoreBasis ?? 'points'),
});
export type TCompetitionRuleSettings = z.infer<typeof ZCompetitionRuleSettings>;

export const ZCompetitionInput = z
  .object({
    names: englishName,
    slug: ZCompetitionSlug,
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
    venue: text(300).default(''),
    city: text(200).default(''),
    country: ZCountryCode,
    hostName: text(300).default(''),
    hostPartnerId: ZId.nullable().default(null).describe('Partner organization hosting the competition'),
    status: z.enum(COMPETITION_STATUSES).default('planning'),
    registrationOpensOn: optionalDate,
    registrationClosesOn: optionalDate,
    description: text(10000).default(''),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'end_before_start', path: ['endsOn'] })
  .refine((c) => (c.registrationOpensOn === null) === (c.registrationClosesOn === null), {
    message: 'registration_window_incomplete',
    path: ['registrationClosesOn'],
  })
  .refine(
    (c) =>
      c.registrationOpensOn === null ||
      c.registrationClosesOn === null ||
      c.registrationClosesOn >= c.registrationOpensOn,
    { message: 'registration_closes_before_opens', path: ['registrationClosesOn'] },
  )
  .refine((c) => c.registrationClosesOn === null || c.registrationClosesOn <= c.endsOn, {
    message: 'registration_closes_after_end',
    path: ['registrationClosesOn'],
  })
  .refine((c) => c.status !== 'registration' || c.registrationOpensOn !== null, {
    message: 'registration_window_required',
    path: ['registrationOpensOn'],
  })
  .refine((c) => c.status !== 'cancelled', { message: 'cancel_with_reason', path: ['status'] });
export type TCompetitionInput = z.infer<typeof ZCompetitionInput>;

export const ZCreateCompetitionRequestSchema = ZCompetitionInput.and(
  z.object({ settings: ZCompetitionRuleSettings.prefault({}) }),
);
export const ZUpdateCompetitionRequestSchema = z.object({ version: ZVersion, data: ZCompetitionInput });
export const ZUpdateCompetitionSettingsRequestSchema = z.object({
  version: ZVersion,
  settings: ZCompetitionRuleSettings,
});
export const ZCancelCompetitionRequestSchema = z.object({
  version: ZVersion,
  reason: text(2000).min(3, 'reason_required'),
});

const ZNames = z.record(z.string(), z.string());
const ZPartnerRef = z.object({ id: ZId, names: ZNames, country: z.string() });

export const ZCompetitionDaySchema = z.object({
  id: ZId,
  code: z.string(),
  date: z.string(),
  label: z.string(),
});
export type TCompetitionDay = z.infer<typeof ZCompetitionDaySchema>;

export const ZCompetitionSummarySchema = z.object({
  id: ZId,
  names: ZNames,
  slug: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  city: z.string(),
  country: z.string(),
  hostName: z.string(),
  status: z.enum(COMPETITION_STATUSES),
  registrationOpensOn: z.string().nullable(),
  registrationClosesOn: z.string().nullable(),
  skillCount: z.number().int(),
  memberCount: z.number().int(),
  updatedAt: z.string(),
});
export type TCompetitionSummary = z.infer<typeof ZCompetitionSummarySchema>;

export const ZCompetitionSchema = ZCompetitionSummarySchema.extend({
  venue: z.string(),
  hostPartner: ZPartnerRef.nullable(),
  description: z.string(),
  settings: ZCompetitionRuleSettings,
  /** Registration is open today (college time zone): status 'registration' and today inside the window. */
  registrationOpen: z.boolean(),
  days: z.array(ZCompetitionDaySchema),
  /** Members the signed-in user registers for (registrars only). */
  myMemberIds: z.array(ZId),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean(),
    register: z.boolean(),
    viewSensitive: z.boolean(),
  }),
});
export type TCompetition = z.infer<typeof ZCompetitionSchema>;

export const COMPETITION_SORT_FIELDS = ['name', 'startsOn', 'status', 'updatedAt'] as const;
export const ZFindCompetitionsQuerySchema = ZPageQuery.extend({
  q: text(200).optional().describe('Search in names, slug, city and host'),
  status: z.enum(COMPETITION_STATUSES).optional(),
  country: z.string().trim().max(2).optional(),
  sort: ZSort(COMPETITION_SORT_FIELDS).default('-startsOn'),
});
export type TFindCompetitionsQuery = z.infer<typeof ZFindCompetitionsQuerySchema>;

// ── Days and workshops ──
/** WorldSkills day codes: C-4 … C-1 before the competition, C1 … C4 competition days. */
export const ZCompetitionDayInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^C-?[1-9]\d?$/, 'day_code_format'),
  date: ZIsoDate,
  label: text(200).default(''),
});
export type TCompetitionDayInput = z.infer<typeof ZCompetitionDayInput>;
export const ZReplaceCompetitionDaysRequestSchema = z.object({
  version: ZVersion.describe('The competition version'),
  days: z.array(ZCompetitionDayInput).max(30),
});

export const ZWorkshopInput = z.object({
  skillId: ZId.nullable().default(null),
  name: text(200).min(1, 'required'),
  location: text(300).default(''),
  workstations: z.number().int().min(0).max(1000).default(0),
  notes: text(2000).default(''),
});
export type TWorkshopInput = z.infer<typeof ZWorkshopInput>;
export const ZUpdateWorkshopRequestSchema = z.object({ version: ZVersion, data: ZWorkshopInput });
export const ZWorkshopSchema = z.object({
  id: ZId,
  competitionId: ZId,
  skillId: ZId.nullable(),
  name: z.string(),
  location: z.string(),
  workstations: z.number().int(),
  notes: z.string(),
  version: z.number().int(),
});
export type TWorkshop = z.infer<typeof ZWorkshopSchema>;

// ── Skills ──
/** Skill number: CIS allows up to 4 characters, letters included (`17`, `D1`). */
export const ZCompetitionSkillNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{1,4}$/, 'skill_number_format');

export const ZSkillInput = z
  .object({
    number: ZCompetitionSkillNumber,
    names: englishName,
    skillType: ZSkillType.default('official'),
    teamBased: z.boolean().default(false),
    teamSize: z.number().int().min(1).max(20).default(1),
    maxEntriesPerMember: z.number().int().min(1).max(50).default(1),
    allowCompatriotMarking: z.boolean().default(false),
    generateResultsAndMedals: z.boolean().default(true),
    excludeFromMemberComparison: z.boolean().default(false),
    excludeFromAlbertVidal: z.boolean().default(false),
    numJudges: z.number().int().min(1).max(5).default(DEFAULT_JUDGES_PER_ASPECT),
    maxJudgeSpread: z.number().int().min(0).max(3).default(DEFAULT_MAX_JUDGE_SPREAD),
    markingSuspended: z.boolean().default(false),
  })
  .refine((s) => !s.teamBased || s.teamSize >= 2, { message: 'team_size_too_small', path: ['teamSize'] })
  .refine((s) => s.teamBased || s.teamSize === 1, { message: 'team_size_individual', path: ['teamSize'] });
export type TSkillInput = z.infer<typeof ZSkillInput>;
export const ZUpdateSkillRequestSchema = z.object({ version: ZVersion, data: ZSkillInput });

export const ZSkillSchema = z.object({
  id: ZId,
  competitionId: ZId,
  number: z.string(),
  names: ZNames,
  skillType: ZSkillType,
  teamBased: z.boolean(),
  teamSize: z.number().int(),
  maxEntriesPerMember: z.number().int(),
  allowCompatriotMarking: z.boolean(),
  generateResultsAndMedals: z.boolean(),
  excludeFromMemberComparison: z.boolean(),
  excludeFromAlbertVidal: z.boolean(),
  numJudges: z.number().int(),
  maxJudgeSpread: z.number().int(),
  markingSuspended: z.boolean(),
  resultsState: z.enum(RESULTS_STATES),
  /** Entries and experts not withdrawn (a registrar counts only their own members'). */
  entryCount: z.number().int(),
  expertCount: z.number().int(),
  version: z.number().int(),
});
export type TSkill = z.infer<typeof ZSkillSchema>;

// ── Members and registrars ──
export const ZMemberCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, 'member_code_format');

export const ZMemberInput = z.object({
  code: ZMemberCode,
  names: englishName,
  kind: z.enum(MEMBER_KINDS).default('country'),
  country: ZCountryCode,
  partnerId: ZId.nullable().default(null),
});
export type TMemberInput = z.infer<typeof ZMemberInput>;
export const ZUpdateMemberRequestSchema = z.object({ version: ZVersion, data: ZMemberInput });
export const ZAddRegistrarRequestSchema = z.object({ userId: ZId });

export const ZRegistrarSchema = z.object({ userId: ZId, displayName: z.string(), email: z.string() });
export const ZMemberSchema = z.object({
  id: ZId,
  competitionId: ZId,
  code: z.string(),
  names: ZNames,
  kind: z.enum(MEMBER_KINDS),
  country: z.string(),
  partner: ZPartnerRef.nullable(),
  registrars: z.array(ZRegistrarSchema),
  entryCount: z.number().int(),
  expertCount: z.number().int(),
  version: z.number().int(),
});
export type TMember = z.infer<typeof ZMemberSchema>;

// ── Entries (an individual competitor or a team) ──
export const ZCompetitorInput = z.object({
  id: ZId.optional().describe('Keep this competitor (on edit); absent = new competitor'),
  firstName: text(100).min(1, 'required'),
  lastName: text(100).min(1, 'required'),
  nameNative: text(200).default(''),
  gender: z.enum(COMPETITOR_GENDERS).nullable().default(null),
  birthDate: ZIsoDate.nullable().default(null),
  email: ZEmail.or(z.literal('')).default(''),
  participantId: ZId.nullable().default(null).describe("The college's training participant"),
});
export type TCompetitorInput = z.infer<typeof ZCompetitorInput>;

export const ZEntryInput = z.object({
  skillId: ZId,
  memberId: ZId,
  /** Team name; empty = derived (the competitor's name, or "<member code> team"). */
  displayName: text(200).default(''),
  bench: text(20).default(''),
  competitors: z.array(ZCompetitorInput).min(1, 'competitor_required').max(20),
});
export type TEntryInput = z.infer<typeof ZEntryInput>;

export const ZUpdateEntryRequestSchema = z.object({
  version: ZVersion,
  data: ZEntryInput.omit({ skillId: true, memberId: true }),
});
export const ZEntryStatusRequestSchema = z
  .object({
    version: ZVersion,
    status: z.enum(ENTRY_STATUSES),
    reason: text(2000).default(''),
  })
  .refine((s) => (s.status !== 'withdrawn' && s.status !== 'excluded') || s.reason.length >= 3, {
    message: 'reason_required',
    path: ['reason'],
  });

export const ZCompetitorSchema = z.object({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  nameNative: z.string(),
  /** Null when hidden (no CompetitorSensitiveRead) or not given. */
  gender: z.enum(COMPETITOR_GENDERS).nullable(),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  participantId: ZId.nullable(),
});
export type TCompetitor = z.infer<typeof ZCompetitorSchema>;

const ZSkillRef = z.object({ id: ZId, number: z.string(), names: ZNames, teamBased: z.boolean() });
const ZMemberRef = z.object({ id: ZId, code: z.string(), names: ZNames, country: z.string() });

export const ZEntrySchema = z.object({
  id: ZId,
  competitionId: ZId,
  skill: ZSkillRef,
  member: ZMemberRef,
  displayName: z.string(),
  bench: z.string(),
  status: z.enum(ENTRY_STATUSES),
  statusReason: z.string(),
  competitors: z.array(ZCompetitorSchema),
  sensitiveHidden: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TEntry = z.infer<typeof ZEntrySchema>;

export const ENTRY_SORT_FIELDS = ['skill', 'member', 'name', 'bench', 'status'] as const;
export const ZFindEntriesQuerySchema = ZPageQuery.extend({
  q: text(200).optional().describe('Search in entry and competitor names'),
  skillId: ZId.optional(),
  memberId: ZId.optional(),
  status: z.enum(ENTRY_STATUSES).optional(),
  sort: ZSort(ENTRY_SORT_FIELDS).default('skill'),
});
export type TFindEntriesQuery = z.infer<typeof ZFindEntriesQuerySchema>;

// ── Experts ──
export const ZExpertInput = z.object({
  skillId: ZId,
  memberId: ZId.nullable().default(null).describe('Null for an independent expert'),
  userId: ZId.nullable().default(null).describe('Account for mark entry (a member of this college)'),
  firstName: text(100).min(1, 'required'),
  lastName: text(100).min(1, 'required'),
  email: ZEmail.or(z.literal('')).default(''),
  role: z.enum(EXPERT_ROLES).default('expert'),
  status: z.enum(EXPERT_STATUSES).default('registered'),
});
export type TExpertInput = z.infer<typeof ZExpertInput>;
export const ZUpdateExpertRequestSchema = z.object({
  version: ZVersion,
  data: ZExpertInput.omit({ skillId: true }),
});

export const ZExpertSchema = z.object({
  id: ZId,
  competitionId: ZId,
  skill: ZSkillRef,
  member: ZMemberRef.nullable(),
  user: z.object({ id: ZId, displayName: z.string() }).nullable(),
  firstName: z.string(),
  lastName: z.string(),
  /** Null when hidden from the reader. */
  email: z.string().nullable(),
  role: z.enum(EXPERT_ROLES),
  status: z.enum(EXPERT_STATUSES),
  version: z.number().int(),
});
export type TExpert = z.infer<typeof ZExpertSchema>;

export const ZFindExpertsQuerySchema = z.object({
  skillId: ZId.optional(),
  memberId: ZId.optional(),
});

/** A skill with its entrants and experts, for the skill page and the other competition modules. */
export const ZSkillDetailSchema = z.object({
  skill: ZSkillSchema,
  competition: z.object({
    id: ZId,
    names: ZNames,
    slug: z.string(),
    status: z.enum(COMPETITION_STATUSES),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  entries: z.array(ZEntrySchema),
  experts: z.array(ZExpertSchema),
  workshops: z.array(ZWorkshopSchema),
  abilities: z.object({ manage: z.boolean(), register: z.boolean() }),
});
export type TSkillDetail = z.infer<typeof ZSkillDetailSchema>;

/** Why the registration portal refused a registration (`details.reason`). */
export const REGISTRATION_REFUSALS = [
  'registration_closed',
  'skill_entry_limit_reached',
  'team_size_mismatch',
  'duplicate_competitor',
  'expert_already_registered',
  'chief_expert_exists',
  'entry_confirmed',
  'competition_cancelled',
  'in_use',
] as const;
export type RegistrationRefusal = (typeof REGISTRATION_REFUSALS)[number];
