import { z } from 'zod';
import { ZCountryCode, ZId, ZIsoDate, ZPage, ZPageQuery, ZVersion } from './common.js';
import {
  ZAnonymisedProfileSchema,
  ZCefr,
  ZConsentState,
  ZEscoOccupationUri,
  ZIscoCode,
  ZSkillKey,
  ZSkillLevel,
} from './talent.js';

// Enterprise demand, matching and the shortlist workflow (issue 6).

export const POSTING_STATUSES = ['open', 'filled', 'closed'] as const;
export const CONTRACT_TYPES = [
  'permanent',
  'fixed_term',
  'seasonal',
  'apprenticeship',
  'internship',
] as const;
export const PAY_PERIODS = ['hour', 'month', 'year'] as const;
export const SHORTLIST_STAGES = [
  'proposed',
  'candidate_agreed',
  'contacted',
  'interview',
  'offer',
  'placed',
  'not_placed',
  'declined',
] as const;
/** Stages at or after the candidate's agreement: the enterprise may see the name and e-mail. */
export const INTRODUCED_STAGES = ['candidate_agreed', 'contacted', 'interview', 'offer', 'placed'] as const;

export const ZPostingStatus = z.enum(POSTING_STATUSES);
export const ZShortlistStage = z.enum(SHORTLIST_STAGES);

const ZLanguageCode = z.string().regex(/^[a-z]{2}$/, 'language_code');

export const ZSkillRequirementInput = z.object({
  skillKey: ZSkillKey,
  minLevel: ZSkillLevel,
  weight: z.number().int().min(1, 'weight').max(10, 'weight').default(1),
});
export const ZLanguageRequirementInput = z.object({ code: ZLanguageCode, minCefr: ZCefr });

export const ZContractTerms = z.object({
  type: z.enum(CONTRACT_TYPES),
  durationMonths: z.number().int().min(1).max(120).nullable().default(null),
  hoursPerWeek: z.number().int().min(1).max(80).nullable().default(null),
  pay: z
    .object({
      min: z.number().min(0),
      max: z.number().min(0),
      currency: z.string().regex(/^[A-Z]{3}$/, 'currency_code'),
      period: z.enum(PAY_PERIODS),
    })
    .refine((p) => p.max >= p.min, { message: 'pay_range', path: ['max'] })
    .nullable()
    .default(null),
  accommodationProvided: z.boolean().default(false),
  notes: z.string().trim().max(2000).default(''),
});

export const ZDemandPostingInput = z.object({
  /** Required unless the posting is for a partner: then the partner's name is used. */
  enterpriseName: z.string().trim().max(200).default(''),
  /** Chosen by the college; a poster linked to a partner always posts for that partner. */
  partnerId: ZId.nullable().default(null),
  country: ZCountryCode,
  site: z.string().trim().max(200).default(''),
  iscoCode: ZIscoCode,
  escoUri: ZEscoOccupationUri.nullable().default(null),
  headcount: z.number().int().min(1, 'headcount').max(10000, 'headcount'),
  startDate: ZIsoDate,
  contract: ZContractTerms,
  requiredSkills: z.array(ZSkillRequirementInput).max(50).default([]),
  optionalSkills: z.array(ZSkillRequirementInput).max(50).default([]),
  requiredLanguages: z.array(ZLanguageRequirementInput).max(10).default([]),
  optionalLanguages: z.array(ZLanguageRequirementInput).max(10).default([]),
});
export type TDemandPostingInput = z.infer<typeof ZDemandPostingInput>;
export type TDemandPostingInputRaw = z.input<typeof ZDemandPostingInput>;

export const ZCreateDemandPostingRequestSchema = ZDemandPostingInput;
export const ZUpdateDemandPostingRequestSchema = z.object({ version: ZVersion, data: ZDemandPostingInput });
export const ZSetPostingStatusRequestSchema = z.object({ version: ZVersion, status: ZPostingStatus });

const ZSkillRequirement = z.object({ skillKey: z.string(), minLevel: z.number().int(), weight: z.number() });
const ZLanguageRequirement = z.object({ code: z.string(), minCefr: z.string() });

export const ZDemandPostingSchema = z.object({
  id: ZId,
  enterpriseName: z.string(),
  partnerId: z.string().nullable(),
  country: z.string(),
  site: z.string(),
  iscoCode: z.string(),
  escoUri: z.string().nullable(),
  headcount: z.number().int(),
  startDate: z.string(),
  contract: ZContractTerms,
  requiredSkills: z.array(ZSkillRequirement),
  optionalSkills: z.array(ZSkillRequirement),
  requiredLanguages: z.array(ZLanguageRequirement),
  optionalLanguages: z.array(ZLanguageRequirement),
  status: ZPostingStatus,
  postedByMe: z.boolean(),
  /** Shortlist entries per stage. */
  stageCounts: z.partialRecord(ZShortlistStage, z.number().int()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), match: z.boolean(), moveStages: z.boolean() }),
});
export type TDemandPosting = z.infer<typeof ZDemandPostingSchema>;

export const ZFindDemandPostingsQuerySchema = ZPageQuery.extend({
  status: ZPostingStatus.optional(),
});
export type TFindDemandPostingsQuery = z.infer<typeof ZFindDemandPostingsQuerySchema>;
export const ZDemandPostingPage = ZPage(ZDemandPostingSchema);

/** One line of a score's explanation (the domain matcher's ScoreReason). */
export const ZScoreReason = z.object({
  component: z.string(),
  code: z.string(),
  outcome: z.enum(['matched', 'partial', 'missing']),
  points: z.number(),
  maxPoints: z.number(),
  skillKey: z.string().optional(),
  level: z.number().int().optional(),
  minLevel: z.number().int().optional(),
  weight: z.number().optional(),
  evidence: z.string().optional(),
  credentialId: z.string().optional(),
  languageCode: z.string().optional(),
  cefr: z.string().optional(),
  minCefr: z.string().optional(),
  medal: z.string().nullable().optional(),
  competitionPoints: z.number().nullable().optional(),
  competitionYear: z.number().int().optional(),
  competitionSkill: z.string().optional(),
  isco: z.string().optional(),
});
export type TScoreReason = z.infer<typeof ZScoreReason>;

export const ZMatchRequestSchema = z.object({ limit: z.number().int().min(1).max(200).default(50) });

/** A ranked candidate as the college (talent.manage) sees it. */
export const ZMatchCandidateSchema = z.object({
  profileId: ZId,
  nameLatin: z.string(),
  nameNative: z.string(),
  score: z.number(),
  components: z.record(z.string(), z.number()),
  reasons: z.array(ZScoreReason),
  /** The stage when already on this posting's shortlist. */
  shortlistStage: ZShortlistStage.nullable(),
});
export const ZMatchResultSchema = z.object({
  postingId: ZId,
  candidates: z.array(ZMatchCandidateSchema),
  eligibleCount: z.number().int(),
  excludedCount: z.number().int(),
  excludedByReason: z.record(z.string(), z.number().int()),
  notRelevantCount: z.number().int(),
  /** Consented, active profiles of the college that were matched. */
  poolSize: z.number().int(),
});
export type TMatchResult = z.infer<typeof ZMatchResultSchema>;

export const ZShortlistRequestSchema = z.object({ profileId: ZId });
export const ZMoveStageRequestSchema = z.object({
  version: ZVersion,
  stage: ZShortlistStage,
  /** For 'placed': the day of placement (default: today in the college's time zone). */
  placedOn: ZIsoDate.nullable().default(null),
  note: z.string().trim().max(1000).default(''),
});

export const ZStageEventSchema = z.object({
  stage: ZShortlistStage,
  at: z.string(),
  by: z.enum(['college', 'candidate']),
  note: z.string(),
});

/** Name and e-mail: only once the candidate agreed to be introduced for this posting. */
export const ZIntroducedPersonSchema = z.object({
  nameLatin: z.string(),
  nameNative: z.string(),
  email: z.string(),
});

export const ZShortlistEntrySchema = z.object({
  id: ZId,
  postingId: ZId,
  stage: ZShortlistStage,
  score: z.number(),
  reasons: z.array(ZScoreReason),
  history: z.array(ZStageEventSchema),
  placedOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Null when the candidate's consent no longer stands (the college still sees the entry). */
  profile: ZAnonymisedProfileSchema.nullable(),
  person: ZIntroducedPersonSchema.nullable(),
  consentState: ZConsentState,
});
export type TShortlistEntry = z.infer<typeof ZShortlistEntrySchema>;
export const ZShortlistSchema = z.object({ data: z.array(ZShortlistEntrySchema) });

/** What the candidate sees on their personal link: who wants an introduction. */
export const ZIntroductionSchema = z.object({
  id: ZId,
  enterpriseName: z.string(),
  country: z.string(),
  site: z.string(),
  iscoCode: z.string(),
  startDate: z.string(),
  stage: ZShortlistStage,
  version: z.number().int(),
});
export type TIntroduction = z.infer<typeof ZIntroductionSchema>;
export const ZIntroductionsSchema = z.object({ data: z.array(ZIntroductionSchema) });
export const ZIntroductionDecisionRequestSchema = z.object({
  version: ZVersion,
  decision: z.enum(['agree', 'decline']),
});

type Stage = (typeof SHORTLIST_STAGES)[number];
/**
 * The shortlist workflow. The candidate alone moves a proposal to `candidate_agreed` or `declined`
 * (through their personal link); the college moves every other step. `placed`, `not_placed` and
 * `declined` are final.
 */
export const STAGE_MOVES: Readonly<
  Record<'college' | 'candidate', Readonly<Record<Stage, readonly Stage[]>>>
> = {
  college: {
    proposed: ['not_placed'],
    candidate_agreed: ['contacted', 'not_placed'],
    contacted: ['interview', 'offer', 'not_placed'],
    interview: ['offer', 'not_placed'],
    offer: ['placed', 'not_placed'],
    placed: [],
    not_placed: [],
    declined: [],
  },
  candidate: {
    proposed: ['candidate_agreed', 'declined'],
    candidate_agreed: [],
    contacted: [],
    interview: [],
    offer: [],
    placed: [],
    not_placed: [],
    declined: [],
  },
};
