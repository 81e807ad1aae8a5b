import { z } from 'zod';
import { ZId, ZVersion } from './common.js';
import { ENTRY_STATUSES, MEDALS, RESULTS_STATES } from './competitions.js';

// Results of skills competitions (worldskills.md §6.5–§6.8, §8.1, §8.3): the live preview of a skill,
// sign-off (snapshot), publication, the competition's medal table and awards, the public pages, the
// venue scoreboard, judge analysis and a training participant's published achievements.

export const ZResultMedal = z.enum(MEDALS);
export type TResultMedal = z.infer<typeof ZResultMedal>;

/** Why a skill's results cannot be signed off yet. */
export const SIGN_OFF_BLOCKERS = [
  'scheme_not_locked',
  'no_entries',
  'forms_not_locked',
  'marks_incomplete',
  'open_disputes',
  'not_open',
] as const;
export const ZSignOffBlocker = z.enum(SIGN_OFF_BLOCKERS);
export type TSignOffBlocker = z.infer<typeof ZSignOffBlocker>;

export const ZResultMember = z.object({
  id: ZId,
  code: z.string(),
  names: z.record(z.string(), z.string()),
  country: z.string(),
});
export type TResultMember = z.infer<typeof ZResultMember>;

export const ZSkillResultRow = z.object({
  entryId: ZId,
  displayName: z.string(),
  competitors: z.array(z.string()),
  member: ZResultMember,
  entryStatus: z.enum(ENTRY_STATUSES),
  /** Exact raw total: a decimal ("88.9") or a fraction ("217/3"). */
  rawTotalExact: z.string(),
  /** Raw total rounded half-up to 2 decimals. */
  rawTotal: z.string(),
  /** Unrounded WorldSkills Scale value; null for an excluded entrant. */
  scaleUnrounded: z.string().nullable(),
  points: z.number().int().nullable(),
  position: z.number().int().nullable(),
  medal: ZResultMedal,
  /** Left out of the scale population, ranking and medals (status excluded). */
  excluded: z.boolean(),
});
export type TSkillResultRow = z.infer<typeof ZSkillResultRow>;

export const ZResultSkillSummary = z.object({
  id: ZId,
  competitionId: ZId,
  number: z.string(),
  names: z.record(z.string(), z.string()),
  skillType: z.string(),
  teamBased: z.boolean(),
  resultsState: z.enum(RESULTS_STATES),
  version: ZVersion,
  signedOffAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type TResultSkillSummary = z.infer<typeof ZResultSkillSummary>;

export const ZSkillResults = z.object({
  skill: ZResultSkillSummary,
  competition: z.object({ id: ZId, names: z.record(z.string(), z.string()), slug: z.string() }),
  /** 'live' = computed now from the marks (embargoed preview); 'snapshot' = frozen at sign-off. */
  source: z.enum(['live', 'snapshot']),
  completeness: z.object({ formsLocked: z.number().int(), formsTotal: z.number().int() }),
  openDisputes: z.number().int(),
  signOff: z.object({ possible: z.boolean(), blockers: z.array(ZSignOffBlocker) }),
  scale: z
    .object({
      method: z.string(),
      rawCentre: z.string(),
      rawSpread: z.string(),
      degenerate: z.boolean(),
    })
    .nullable(),
  medalsAwarded: z.boolean(),
  rows: z.array(ZSkillResultRow),
  signedOffBy: z.string().nullable(),
  publishedBy: z.string().nullable(),
  abilities: z.object({
    signOff: z.boolean(),
    withdrawSignOff: z.boolean(),
    publish: z.boolean(),
    unpublish: z.boolean(),
    judgeAnalysis: z.boolean(),
  }),
});
export type TSkillResults = z.infer<typeof ZSkillResults>;

export const ZSkillIdParams = z.object({ skillId: ZId });
export const ZSignOffRequest = z.object({ version: ZVersion });
export const ZReasonRequest = z.object({
  version: ZVersion,
  reason: z.string().trim().min(3, 'reason_required').max(1000),
});
export type TSignOffRequest = z.infer<typeof ZSignOffRequest>;
export type TReasonRequest = z.infer<typeof ZReasonRequest>;

export const EXPORT_KINDS = ['results', 'marks'] as const;
export const EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export const ZExportParams = ZSkillIdParams.extend({
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
});

export const ZJudgePatternRow = z.object({
  judgeExpertId: ZId,
  name: z.string(),
  memberCode: z.string().nullable(),
  scores: z.number().int(),
  meanScore: z.number(),
  comparedScores: z.number().int(),
  meanDeviation: z.number().nullable(),
  meanAbsoluteDeviation: z.number().nullable(),
  spreadViolations: z.number().int(),
  spreadViolationShare: z.number(),
});
export const ZJudgeAnalysis = z.object({
  skillId: ZId,
  maxJudgeSpread: z.number().int(),
  rows: z.array(ZJudgePatternRow),
});
export type TJudgeAnalysis = z.infer<typeof ZJudgeAnalysis>;

// ── Competition level (published skills only) ──

export const ZPublishedSkill = z.object({
  id: ZId,
  number: z.string(),
  names: z.record(z.string(), z.string()),
  teamBased: z.boolean(),
  publishedAt: z.string().nullable(),
  rows: z.array(ZSkillResultRow),
});
export type TPublishedSkill = z.infer<typeof ZPublishedSkill>;

export const ZMedalTableRow = z.object({
  member: ZResultMember,
  gold: z.number().int(),
  silver: z.number().int(),
  bronze: z.number().int(),
  medallions: z.number().int(),
});
export type TMedalTableRow = z.infer<typeof ZMedalTableRow>;

export const ZMemberComparisonRow = z.object({
  member: ZResultMember,
  skillsEntered: z.number().int(),
  entrants: z.number().int(),
  gold: z.number().int(),
  silver: z.number().int(),
  bronze: z.number().int(),
  medallions: z.number().int(),
  medalPoints: z.number().int(),
  averageMedalPoints: z.string(),
  totalPoints: z.number().int(),
  averagePoints: z.string(),
});
export type TMemberComparisonRow = z.infer<typeof ZMemberComparisonRow>;

export const ZAwardWinner = z.object({
  skillId: ZId,
  skillNumber: z.string(),
  skillNames: z.record(z.string(), z.string()),
  entryId: ZId,
  displayName: z.string(),
  competitors: z.array(z.string()),
  member: ZResultMember,
  points: z.number().int(),
});
export type TAwardWinner = z.infer<typeof ZAwardWinner>;

export const ZSkillProgress = z.object({
  id: ZId,
  number: z.string(),
  names: z.record(z.string(), z.string()),
  /** Only 'published' is shown to the public; before that a skill is 'pending'. */
  state: z.enum(['pending', 'published']),
  formsLocked: z.number().int(),
  formsTotal: z.number().int(),
});
export type TSkillProgress = z.infer<typeof ZSkillProgress>;

export const ZCompetitionHeader = z.object({
  id: ZId,
  organizationId: ZId,
  slug: z.string(),
  names: z.record(z.string(), z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  city: z.string(),
  country: z.string(),
  hostName: z.string(),
});
export type TCompetitionHeader = z.infer<typeof ZCompetitionHeader>;

export const ZCompetitionResults = z.object({
  competition: ZCompetitionHeader,
  progress: z.array(ZSkillProgress),
  skills: z.array(ZPublishedSkill),
  medalTable: z.array(ZMedalTableRow),
  memberComparison: z.array(ZMemberComparisonRow),
  bestOfNation: z.array(z.object({ member: ZResultMember, winners: z.array(ZAwardWinner) })),
  albertVidal: z.array(ZAwardWinner),
});
export type TCompetitionResults = z.infer<typeof ZCompetitionResults>;

export const ZCompetitionIdParams = z.object({ competitionId: ZId });
export const ZPublicCompetitionParams = z.object({
  /** The host organization's id (stable; short names are not unique). */
  orgKey: ZId,
  competitionSlug: z.string().min(1).max(120),
});

/** Venue scoreboard: marking progress per skill (not embargoed) and the podium of published skills. */
export const ZScoreboard = z.object({
  competition: ZCompetitionHeader,
  generatedAt: z.string(),
  skills: z.array(
    ZSkillProgress.extend({
      podium: z.array(
        z.object({
          position: z.number().int(),
          medal: ZResultMedal,
          displayName: z.string(),
          memberCode: z.string(),
          memberNames: z.record(z.string(), z.string()),
          points: z.number().int(),
        }),
      ),
    }),
  ),
  medalTable: z.array(ZMedalTableRow),
});
export type TScoreboard = z.infer<typeof ZScoreboard>;

// ── A training participant's published achievements ──

export const ZParticipantAchievement = z.object({
  competitionId: ZId,
  competitionNames: z.record(z.string(), z.string()),
  competitionSlug: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  skillId: ZId,
  skillNumber: z.string(),
  skillNames: z.record(z.string(), z.string()),
  entryId: ZId,
  teamBased: z.boolean(),
  memberCode: z.string(),
  points: z.number().int(),
  position: z.number().int(),
  medal: ZResultMedal,
  publishedAt: z.string().nullable(),
});
export type TParticipantAchievement = z.infer<typeof ZParticipantAchievement>;
export const ZParticipantAchievements = z.object({ data: z.array(ZParticipantAchievement) });
