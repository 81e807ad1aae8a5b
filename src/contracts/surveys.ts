import { z } from 'zod';
import { ZId, ZIsoDate, ZLocale, ZLocalizedText, ZPageQuery, ZSort, ZVersion } from './common.js';
import { ZCurrency } from './projects.js';

/**
 * Surveys and the Kirkpatrick levels (issue 5; cooperation-and-evaluation.md §4): L1 reaction,
 * L2 learning (scored pre/post knowledge tests), L3 behaviour follow-up, L4 results (benefits).
 */
export const SURVEY_LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export const ZSurveyLevel = z.enum(SURVEY_LEVELS);
export type SurveyLevel = z.infer<typeof ZSurveyLevel>;

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const ZSurveyStatus = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof ZSurveyStatus>;

export const TEST_PHASES = ['pre', 'post'] as const;
export const ZTestPhase = z.enum(TEST_PHASES);

export const QUESTION_TYPES = ['likert5', 'likert7', 'nps', 'single', 'multiple', 'text', 'number'] as const;
export const ZQuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof ZQuestionType>;

/** How the analytics read a question: L3 "did you apply it?", L4 monetary benefit. */
export const QUESTION_PURPOSES = ['none', 'application', 'benefit'] as const;
export const ZQuestionPurpose = z.enum(QUESTION_PURPOSES);

export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple'];
export const LIKERT_TYPES: readonly QuestionType[] = ['likert5', 'likert7'];

/** Hard limits: a text answer, the number of options, questions per survey. */
export const SURVEY_LIMITS = { textAnswer: 4000, options: 20, questions: 100 } as const;

const ZOptionKey = z.string().regex(/^[a-z0-9_]{1,32}$/, 'option_key_format');
const ZScaleKey = z.string().regex(/^[a-z0-9_-]{0,32}$/, 'scale_key_format');
/** Optional text per language (may be empty). */
const ZOptionalLocalized = z.record(z.string().min(2).max(10), z.string().trim().max(2000)).default({});

export const ZQuestionOption = z.object({ key: ZOptionKey, label: ZLocalizedText });
export type TQuestionOption = z.infer<typeof ZQuestionOption>;

export const ZQuestionInput = z
  .object({
    /** An existing question of the survey to keep (its answers stay with it); omit for a new one. */
    id: ZId.optional(),
    type: ZQuestionType,
    text: ZLocalizedText,
    help: ZOptionalLocalized,
    options: z.array(ZQuestionOption).max(SURVEY_LIMITS.options).default([]),
    required: z.boolean().default(true),
    reverseCoded: z.boolean().default(false),
    /** Likert items with the same key form one scale (Cronbach's alpha). */
    scaleKey: ZScaleKey.default(''),
    /** A scored knowledge-test item (single or multiple choice) with its correct options. */
    scored: z.boolean().default(false),
    correct: z.array(ZOptionKey).max(SURVEY_LIMITS.options).default([]),
    points: z.number().int().min(1).max(100).default(1),
    purpose: ZQuestionPurpose.default('none'),
    /** Application questions: the options that mean "applied". */
    applied: z.array(ZOptionKey).max(SURVEY_LIMITS.options).default([]),
    /** Benefit questions: the currency the amount is entered in. */
    currency: ZCurrency.nullable().default(null),
    minValue: z.number().finite().nullable().default(null),
    maxValue: z.number().finite().nullable().default(null),
  })
  .superRefine((q, ctx) => {
    const choice = CHOICE_TYPES.includes(q.type);
    const likert = LIKERT_TYPES.includes(q.type);
    const keys = q.options.map((o) => o.key);
    if (choice && q.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options_required' });
    }
    if (!choice && q.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options_not_allowed' });
    }
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) {
        ctx.addIssue({ code: 'custom', path: ['options', i, 'key'], message: 'option_key_duplicate' });
      }
    });
    if (q.reverseCoded && !likert) {
      ctx.addIssue({ code: 'custom', path: ['reverseCoded'], message: 'reverse_needs_likert' });
    }
    if (q.scaleKey && !likert) {
      ctx.addIssue({ code: 'custom', path: ['scaleKey'], message: 'scale_needs_likert' });
    }
    if (q.scored) {
      if (!choice) {
        ctx.addIssue({ code: 'custom', path: ['scored'], message: 'scored_needs_choice' });
      } else if (q.correct.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['correct'], message: 'correct_required' });
      } else if (q.type === 'single' && q.correct.length !== 1) {
        ctx.addIssue({ code: 'custom', path: ['correct'], message: 'single_one_correct' });
      }
    } else if (q.correct.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'correct_needs_scored' });
    }
    q.correct.forEach((k, i) => {
      if (!keys.includes(k)) {
        ctx.addIssue({ code: 'custom', path: ['correct', i], message: 'unknown_option' });
      }
    });
    if (q.purpose === 'application') {
      if (q.type !== 'single') {
        ctx.addIssue({ code: 'custom', path: ['purpose'], message: 'application_needs_single' });
      } else if (q.applied.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['applied'], message: 'applied_required' });
      }
    } else if (q.applied.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['applied'], message: 'applied_needs_application' });
    }
    q.applied.forEach((k, i) => {
      if (!keys.includes(k)) {
        ctx.addIssue({ code: 'custom', path: ['applied', i], message: 'unknown_option' });
      }
    });
    if (q.purpose === 'benefit') {
      if (q.type !== 'number') {
        ctx.addIssue({ code: 'custom', path: ['purpose'], message: 'benefit_needs_number' });
      } else if (!q.currency) {
        ctx.addIssue({ code: 'custom', path: ['currency'], message: 'currency_required' });
      }
    }
    if ((q.minValue !== null || q.maxValue !== null) && q.type !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['minValue'], message: 'range_needs_number' });
    }
    if (q.minValue !== null && q.maxValue !== null && q.minValue > q.maxValue) {
      ctx.addIssue({ code: 'custom', path: ['maxValue'], message: 'min_above_max' });
    }
  });
export type TQuestionInput = z.input<typeof ZQuestionInput>;

/**
 * A survey's fields without the checks across fields: what a level's template is (a draft the
 * builder edits before choosing a project or cohort). Saving checks {@link ZSurveyInput}.
 */
export const ZSurveyDraft = z.object({
  /** Taken from the cohort's programme when a cohort is given. */
  projectId: ZId.nullable().default(null),
  cohortId: ZId.nullable().default(null),
  level: ZSurveyLevel,
  testPhase: ZTestPhase.nullable().default(null),
  /** A post-test names the pre-test its answers are matched with (by participant). */
  preTestId: ZId.nullable().default(null),
  title: ZLocalizedText,
  intro: ZOptionalLocalized,
  /** The language of an invitation when the participant speaks none of the platform's. */
  defaultLocale: ZLocale.default('en'),
  anonymous: z.boolean().default(false),
  opensOn: ZIsoDate.nullable().default(null),
  closesOn: ZIsoDate.nullable().default(null),
  /** Create an L3 follow-up survey this many days after the cohort's end date. */
  followUpDays: z.number().int().min(1).max(730).nullable().default(null),
  questions: z
    .array(ZQuestionInput)
    .min(1, 'questions_required')
    .max(SURVEY_LIMITS.questions, 'too_many_questions'),
});

export const ZSurveyInput = ZSurveyDraft.superRefine((s, ctx) => {
  if (!s.projectId && !s.cohortId) {
    ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'project_or_cohort_required' });
  }
  if (s.opensOn && s.closesOn && s.closesOn < s.opensOn) {
    ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'end_before_start' });
  }
  if (s.testPhase && s.level !== 'L2') {
    ctx.addIssue({ code: 'custom', path: ['testPhase'], message: 'test_phase_needs_l2' });
  }
  if (s.preTestId && s.testPhase !== 'post') {
    ctx.addIssue({ code: 'custom', path: ['preTestId'], message: 'pre_test_needs_post' });
  }
  if (s.testPhase && !s.questions.some((q) => q.scored)) {
    ctx.addIssue({ code: 'custom', path: ['questions'], message: 'scored_question_required' });
  }
  if (s.testPhase && s.anonymous) {
    ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'test_cannot_be_anonymous' });
  }
  if (s.followUpDays !== null && !s.cohortId) {
    ctx.addIssue({ code: 'custom', path: ['followUpDays'], message: 'follow_up_needs_cohort' });
  }
  const scaleTypes = new Map<string, string>();
  s.questions.forEach((q, i) => {
    if (!q.scaleKey) {
      return;
    }
    const seen = scaleTypes.get(q.scaleKey);
    if (seen && seen !== q.type) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'scaleKey'], message: 'scale_mixed_points' });
    }
    scaleTypes.set(q.scaleKey, seen ?? q.type);
  });
  const ids = s.questions.flatMap((q) => (q.id ? [q.id] : []));
  s.questions.forEach((q, i) => {
    if (q.id && ids.indexOf(q.id) !== ids.lastIndexOf(q.id)) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'question_duplicate' });
    }
  });
});
export type TSurveyInput = z.input<typeof ZSurveyInput>;
export type TSurveyData = z.output<typeof ZSurveyInput>;

export const ZCreateSurveyRequestSchema = ZSurveyInput;
export const ZUpdateSurveyRequestSchema = z.object({ version: ZVersion, data: ZSurveyInput });
export const ZSurveyStatusRequestSchema = z.object({ version: ZVersion, status: ZSurveyStatus });

export const ZFindSurveysQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  projectId: ZId.optional(),
  cohortId: ZId.optional(),
  level: ZSurveyLevel.optional(),
  status: ZSurveyStatus.optional(),
  sort: ZSort(['updatedAt', 'title', 'level']).default('-updatedAt'),
});
export type TFindSurveysQuery = z.infer<typeof ZFindSurveysQuerySchema>;

export const ZQuestionSchema = z.object({
  id: ZId,
  type: ZQuestionType,
  text: z.record(z.string(), z.string()),
  help: z.record(z.string(), z.string()),
  options: z.array(z.object({ key: z.string(), label: z.record(z.string(), z.string()) })),
  required: z.boolean(),
  reverseCoded: z.boolean(),
  scaleKey: z.string(),
  scored: z.boolean(),
  correct: z.array(z.string()),
  points: z.number().int(),
  purpose: ZQuestionPurpose,
  applied: z.array(z.string()),
  currency: z.string().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
});
export type TQuestion = z.infer<typeof ZQuestionSchema>;

export const ZResponseCountsSchema = z.object({
  invited: z.number().int(),
  /** Invitations answered. */
  responded: z.number().int(),
  /** responded / invited × 100; null when nobody was invited. */
  responseRate: z.number().nullable(),
});

export const ZSurveySummarySchema = z.object({
  id: ZId,
  projectId: ZId.nullable(),
  projectTitle: z.record(z.string(), z.string()).nullable(),
  cohortId: ZId.nullable(),
  cohortName: z.string().nullable(),
  cohortEndsOn: z.string().nullable(),
  level: ZSurveyLevel,
  testPhase: ZTestPhase.nullable(),
  title: z.record(z.string(), z.string()),
  anonymous: z.boolean(),
  status: ZSurveyStatus,
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  followUpDays: z.number().int().nullable(),
  followUpOf: ZId.nullable(),
  questionCount: z.number().int(),
  counts: ZResponseCountsSchema,
  updatedAt: z.string(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummarySchema>;

export const ZSurveySchema = ZSurveySummarySchema.extend({
  preTestId: ZId.nullable(),
  intro: z.record(z.string(), z.string()),
  defaultLocale: ZLocale,
  questions: z.array(ZQuestionSchema),
  /** Responses stored (also anonymous ones); with any, the questions' structure is frozen. */
  responseCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean(),
    /** Change the question structure (add, remove, retype, change options): only before answers. */
    editStructure: z.boolean(),
    invite: z.boolean(),
    readResults: z.boolean(),
  }),
});
export type TSurvey = z.infer<typeof ZSurveySchema>;

export const ZInvitationSchema = z.object({
  id: ZId,
  participantId: ZId,
  nameLatin: z.string(),
  nameNative: z.string(),
  email: z.string(),
  locale: ZLocale,
  sentAt: z.string().nullable(),
  reminderCount: z.number().int(),
  lastRemindedAt: z.string().nullable(),
  /** The calendar date the invitation was answered; null while open. */
  respondedOn: z.string().nullable(),
});
export type TInvitation = z.infer<typeof ZInvitationSchema>;

export const ZInviteRequestSchema = z.object({
  /** Participants to invite; omitted = every seated, not withdrawn participant of the cohort. */
  participantIds: z.array(ZId).max(2000).optional(),
  /** Language of every invitation; omitted = each participant's language. */
  locale: ZLocale.optional(),
});
export const ZInviteResultSchema = z.object({
  invited: z.number().int(),
  /** Already invited before: not invited twice. */
  skipped: z.number().int(),
  /** Invited without an e-mail address: hand them their link (copy link). */
  withoutEmail: z.number().int(),
});
export const ZReminderResultSchema = z.object({ reminded: z.number().int() });
export const ZSurveyLinkSchema = z.object({ url: z.string() });

// ---------------------------------------------------------------------------------------------
// The public answer page (/s/:token)
// ---------------------------------------------------------------------------------------------

export const PUBLIC_SURVEY_STATES = ['open', 'answered', 'closed', 'not_yet_open'] as const;

export const ZPublicQuestionSchema = ZQuestionSchema.pick({
  id: true,
  type: true,
  text: true,
  help: true,
  options: true,
  required: true,
  currency: true,
  minValue: true,
  maxValue: true,
});
export type TPublicQuestion = z.infer<typeof ZPublicQuestionSchema>;

export const ZPublicSurveySchema = z.object({
  state: z.enum(PUBLIC_SURVEY_STATES),
  /** The invitation's language: the page opens in it. */
  locale: ZLocale,
  organizationName: z.string(),
  title: z.record(z.string(), z.string()),
  intro: z.record(z.string(), z.string()),
  anonymous: z.boolean(),
  closesOn: z.string().nullable(),
  /** Empty unless the survey can be answered now. */
  questions: z.array(ZPublicQuestionSchema),
});
export type TPublicSurvey = z.infer<typeof ZPublicSurveySchema>;

export const ZAnswerInput = z.object({
  questionId: ZId,
  number: z.number().finite().nullable().optional(),
  text: z.string().max(SURVEY_LIMITS.textAnswer).nullable().optional(),
  choices: z.array(z.string().max(32)).max(SURVEY_LIMITS.options).nullable().optional(),
});
export type TAnswerInput = z.infer<typeof ZAnswerInput>;

export const ZSubmitResponseRequestSchema = z.object({
  locale: ZLocale,
  answers: z.array(ZAnswerInput).max(SURVEY_LIMITS.questions),
});
export type TSubmitResponseRequest = z.infer<typeof ZSubmitResponseRequestSchema>;

/** Per-question problems of a submitted answer sheet (details.issues[].message). */
export const ANSWER_PROBLEMS = [
  'answer_required',
  'answer_out_of_range',
  'answer_not_whole',
  'unknown_option',
  'one_choice_only',
  'unknown_question',
] as const;

// ---------------------------------------------------------------------------------------------
// Analytics
// ---------------------------------------------------------------------------------------------

const ZNum = z.number().nullable();

export const ZLikertStatsSchema = z.object({
  points: z.number().int(),
  n: z.number().int(),
  missing: z.number().int(),
  /** Mean and SD as answered. */
  mean: ZNum,
  sd: ZNum,
  /** Mean after reverse coding (equals `mean` for a positively worded item). */
  alignedMean: ZNum,
  counts: z.array(z.number().int()),
  percents: z.array(z.number()),
});

export const ZNpsSchema = z.object({
  n: z.number().int(),
  missing: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  promoterPercent: ZNum,
  detractorPercent: ZNum,
  score: ZNum,
  /** Counts of the answers 0…10. */
  counts: z.array(z.number().int()),
});

export const ZQuestionAnalyticsSchema = z.object({
  id: ZId,
  type: ZQuestionType,
  text: z.record(z.string(), z.string()),
  purpose: ZQuestionPurpose,
  reverseCoded: z.boolean(),
  scaleKey: z.string(),
  scored: z.boolean(),
  answered: z.number().int(),
  likert: ZLikertStatsSchema.nullable(),
  nps: ZNpsSchema.nullable(),
  choices: z
    .array(
      z.object({
        key: z.string(),
        label: z.record(z.string(), z.string()),
        count: z.number().int(),
        percent: ZNum,
        correct: z.boolean(),
      }),
    )
    .nullable(),
  number: z
    .object({ n: z.number().int(), mean: ZNum, sd: ZNum, min: ZNum, max: ZNum, sum: z.number() })
    .nullable(),
  /** Free-text answers: only with survey.results_read (else null with the count in `answered`). */
  texts: z.array(z.string()).nullable(),
  /** Share of respondents with the scored item right (difficulty index). */
  percentCorrect: ZNum,
});

export const ZScaleAnalyticsSchema = z.object({
  key: z.string(),
  points: z.number().int(),
  questionIds: z.array(ZId),
  alpha: ZNum,
  /** Why alpha is undefined: too_few_items, too_few_respondents, zero_total_variance. */
  reason: z.string().nullable(),
  standardizedAlpha: ZNum,
  k: z.number().int(),
  n: z.number().int(),
  excluded: z.number().int(),
  alphaIfItemDeleted: z.array(ZNum),
  acceptable: z.boolean().nullable(),
});

export const ZGainParticipantSchema = z.object({
  participantId: ZId,
  name: z.string(),
  pre: z.number(),
  post: z.number(),
  g: ZNum,
  band: z.enum(['low', 'medium', 'high']).nullable(),
  reason: z.string().nullable(),
});

export const ZGainAnalyticsSchema = z.object({
  preTest: z.object({ id: ZId, title: z.record(z.string(), z.string()) }),
  postTest: z.object({ id: ZId, title: z.record(z.string(), z.string()) }),
  n: z.number().int(),
  preMean: ZNum,
  postMean: ZNum,
  classGain: ZNum,
  classGainBand: z.enum(['low', 'medium', 'high']).nullable(),
  meanIndividualGain: ZNum,
  meanIndividualGainBand: z.enum(['low', 'medium', 'high']).nullable(),
  nIndividual: z.number().int(),
  preAtMaximum: z.number().int(),
  preOnly: z.number().int(),
  postOnly: z.number().int(),
  /** Per participant: only with survey.results_read. */
  participants: z.array(ZGainParticipantSchema).nullable(),
  /** Counts of individual gains per band. */
  bands: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
});
export type TGainAnalytics = z.infer<typeof ZGainAnalyticsSchema>;

export const ZRoiAnalyticsSchema = z.object({
  ok: z.boolean(),
  /** Why it could not be computed: no_project, no_benefit_question, or a Phillips problem code. */
  problem: z.string().nullable(),
  currency: z.string().nullable(),
  benefitsMinor: z.number().int().nullable(),
  costsMinor: z.number().int().nullable(),
  netBenefitsMinor: z.number().int().nullable(),
  benefitCostRatio: ZNum,
  roiPercent: ZNum,
  /** Where the costs came from: spending transactions (3, 4) of the project, else its budget. */
  costsSource: z.enum(['spending', 'budget']).nullable(),
});

export const ROI_PROBLEMS = [
  'no_project',
  'no_benefit_question',
  'mixed_currencies',
  'invalid_currency',
  'invalid_amount',
  'negative_amount',
  'amount_too_large',
  'no_costs',
] as const;

export const ZSurveyAnalyticsSchema = z.object({
  survey: z.object({
    id: ZId,
    level: ZSurveyLevel,
    testPhase: ZTestPhase.nullable(),
    title: z.record(z.string(), z.string()),
    anonymous: z.boolean(),
    cohortName: z.string().nullable(),
    status: ZSurveyStatus,
  }),
  counts: ZResponseCountsSchema.extend({ responses: z.number().int() }),
  questions: z.array(ZQuestionAnalyticsSchema),
  scales: z.array(ZScaleAnalyticsSchema),
  test: z
    .object({ n: z.number().int(), meanPercent: ZNum, sdPercent: ZNum, maxPoints: z.number().int() })
    .nullable(),
  gain: ZGainAnalyticsSchema.nullable(),
  application: z
    .object({
      invited: z.number().int(),
      responded: z.number().int(),
      applied: z.number().int(),
      applicationRate: ZNum,
      responseRate: ZNum,
    })
    .nullable(),
  roi: ZRoiAnalyticsSchema.nullable(),
});
export type TSurveyAnalytics = z.infer<typeof ZSurveyAnalyticsSchema>;

export const COMPARISON_METRICS = ['reaction', 'post_score', 'gain'] as const;
export const ZComparisonMetric = z.enum(COMPARISON_METRICS);

export const ZComparisonQuerySchema = z.object({
  metric: ZComparisonMetric,
  dimension: z.enum(['cohort', 'country', 'year', 'gender']),
  projectId: ZId.optional(),
});

const ZGroupSummary = z.object({
  key: z.string().nullable(),
  suppressed: z.boolean(),
  suppression: z.enum(['small_group', 'complementary']).nullable(),
  n: z.number().int().nullable(),
  mean: ZNum,
  sd: ZNum,
});

export const ZComparisonSchema = z.object({
  metric: ZComparisonMetric,
  dimension: z.enum(['cohort', 'country', 'year', 'gender']),
  groups: z.array(ZGroupSummary),
  overall: ZGroupSummary,
  missing: z.number().int(),
  minGroupSize: z.number().int(),
});
export type TComparison = z.infer<typeof ZComparisonSchema>;

export const ZOverviewQuerySchema = z.object({ projectId: ZId.optional(), cohortId: ZId.optional() });
export const ZSurveyOverviewSchema = z.object({
  data: z.array(
    z.object({
      id: ZId,
      title: z.record(z.string(), z.string()),
      level: ZSurveyLevel,
      testPhase: ZTestPhase.nullable(),
      status: ZSurveyStatus,
      cohortName: z.string().nullable(),
      counts: ZResponseCountsSchema.extend({ responses: z.number().int() }),
      nps: ZNum,
      alpha: ZNum,
      classGain: ZNum,
      meanIndividualGain: ZNum,
      applicationRate: ZNum,
      roiPercent: ZNum,
      benefitCostRatio: ZNum,
    }),
  ),
});
export type TSurveyOverview = z.infer<typeof ZSurveyOverviewSchema>;

export const ZCohortOptionsSchema = z.object({
  data: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      projectId: ZId,
      programmeTitle: z.record(z.string(), z.string()),
    }),
  ),
});
export type TCohortOption = z.infer<typeof ZCohortOptionsSchema>['data'][number];
