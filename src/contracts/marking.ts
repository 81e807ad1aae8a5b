import { z } from 'zod';
import type { Aspect } from '../domain/competitions/marking-scheme.js';
import { ZId, ZVersion } from './common.js';
import { DISPUTE_STATUSES, FORM_STATES, RESULTS_STATES } from './competitions.js';

/**
 * Marking (issue 4, worldskills.md §1.4–§1.6, §6.2, §6.4, §6.8, §8.2): marking forms (sub-criterion ×
 * entrant), mark entry at the workshop bench, the per-form workflow and disputes. Marks are computed
 * by the domain (src/domain/competitions) only; the API sends what was entered and the computed marks
 * as decimal strings.
 */

/**
 * Why a marking request was refused: `details.reason` of a 403 FORBIDDEN, 409 INVALID_STATE or 400
 * INVALID_INPUT answer. The web translates each under `marking.problem.<code>`.
 */
export const MARKING_PROBLEMS = [
  'compatriot_marking',
  'not_on_team',
  'judge_not_on_team',
  'not_skill_expert',
  'form_state',
  'marking_suspended',
  'scheme_not_locked',
  'entry_withdrawn',
  'checker_must_differ',
  'judge_spread_exceeded',
  'form_incomplete',
  'invalid_marks',
  'results_published',
  'aspect_not_in_form',
  'aspect_not_measurement',
  'aspect_not_judgement',
  'duplicate_item',
  'batch_id_reused',
  'observation_invalid',
  'too_many_scores',
  'dispute_closed',
  'not_raiser',
  'not_member_registrar',
  'entry_not_in_skill',
  'form_not_in_skill',
] as const;
export type MarkingProblem = (typeof MARKING_PROBLEMS)[number];

/** Codes the domain gives for a measurement observation that does not fit its calculation (aspect-mark.ts). */
export const OBSERVATION_ERROR_CODES = [
  'observation_kind_mismatch',
  'passed_not_boolean',
  'completed_out_of_range',
  'choice_out_of_range',
  'errors_out_of_range',
  'value_not_decimal',
  'invalid_calculation',
  'invalid_max_mark',
] as const;

// ── Forms ──

export const ZFormState = z.enum(FORM_STATES);

export const ZPersonRef = z.object({ id: z.string(), name: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZFormSummarySchema = z.object({
  id: ZId,
  subCriterionKey: z.string(),
  entryId: ZId,
  state: ZFormState,
  version: z.number().int(),
  enteredBy: ZPersonRef.nullable(),
  enteredAt: z.string().nullable(),
  checkedBy: ZPersonRef.nullable(),
  checkedAt: z.string().nullable(),
  signedBy: ZPersonRef.nullable(),
  signedAt: z.string().nullable(),
  lockedBy: ZPersonRef.nullable(),
  lockedAt: z.string().nullable(),
  complete: z.boolean(),
  markedCount: z.number().int(),
  aspectCount: z.number().int(),
  /** Form total rounded to 2 decimals for display, and exactly ("7/9" when it does not terminate). */
  total: z.string(),
  totalExact: z.string(),
  maxTotal: z.string(),
  /** Judgement aspects whose score spread exceeds the skill's limit (re-score before checking). */
  blockingAspects: z.array(z.string()),
  invalidAspects: z.array(z.string()),
});
export type TFormSummary = z.infer<typeof ZFormSummarySchema>;

export const ZMarkingSkillSchema = z.object({
  id: ZId,
  competitionId: ZId,
  number: z.string(),
  names: z.record(z.string(), z.string()),
  numJudges: z.number().int(),
  maxJudgeSpread: z.number().int(),
  allowCompatriotMarking: z.boolean(),
  markingSuspended: z.boolean(),
  resultsState: z.enum(RESULTS_STATES),
});

export const ZMarkingEntrySchema = z.object({
  id: ZId,
  displayName: z.string(),
  bench: z.string(),
  memberId: ZId,
  memberCode: z.string(),
  status: z.string(),
});
export type TMarkingEntry = z.infer<typeof ZMarkingEntrySchema>;

export const ZMarkingSubCriterionSchema = z.object({
  key: z.string(),
  criterionKey: z.string(),
  name: z.string(),
  dayOfMarking: z.string(),
  aspectCount: z.number().int(),
  maxTotal: z.string(),
  hasJudgement: z.boolean(),
});
export type TMarkingSubCriterion = z.infer<typeof ZMarkingSubCriterionSchema>;

export const ZFormMatrixSchema = z.object({
  skill: ZMarkingSkillSchema,
  scheme: z.object({ id: ZId, versionNo: z.number().int() }).nullable(),
  subCriteria: z.array(ZMarkingSubCriterionSchema),
  entries: z.array(ZMarkingEntrySchema),
  forms: z.array(ZFormSummarySchema),
  abilities: z.object({ supervise: z.boolean(), raiseDispute: z.boolean() }),
});
export type TFormMatrix = z.infer<typeof ZFormMatrixSchema>;

export const ZMeasurementObservationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PASS_FAIL'), passed: z.boolean() }),
  z.object({ kind: z.literal('NUMBER_COMPLETED'), completed: z.number().int().min(0).max(100_000) }),
  z.object({ kind: z.literal('CHOICE'), choiceIndex: z.number().int().min(0).max(100) }),
  z.object({
    kind: z.literal('RANGED_SCORE'),
    value: z
      .string()
      .trim()
      .max(40)
      .regex(/^-?\d+(\.\d+)?$/, 'decimal_format'),
  }),
  z.object({ kind: z.literal('DEDUCT'), errors: z.number().int().min(0).max(100_000) }),
  z.object({ kind: z.literal('NOT_ATTEMPTED') }),
]);
export type TMeasurementObservation = z.infer<typeof ZMeasurementObservationSchema>;

export const ZAspectOutcomeSchema = z.object({
  status: z.enum(['marked', 'not_entered', 'incomplete', 'rescore_required', 'invalid']),
  /** 2-decimal display and exact storage form of the mark, when marked. */
  mark: z.string().nullable(),
  markExact: z.string().nullable(),
  maxMark: z.string(),
  spread: z.number().int().nullable(),
  code: z.string().nullable(),
});

export const ZJudgeScoreSchema = z.object({
  judgeExpertId: ZId,
  score: z.number().int(),
  version: z.number().int(),
  enteredBy: ZPersonRef,
  enteredAt: z.string(),
});
export type TJudgeScore = z.infer<typeof ZJudgeScoreSchema>;

export const ZObservationRecordSchema = z.object({
  observation: ZMeasurementObservationSchema,
  comment: z.string(),
  version: z.number().int(),
  enteredBy: ZPersonRef,
  enteredAt: z.string(),
});
export type TObservationRecord = z.infer<typeof ZObservationRecordSchema>;

export const ZFormAspectSchema = z.object({
  /** The aspect as the locked scheme holds it (MeasurementAspect or JudgementAspect). */
  aspect: z.custom<Aspect>((v) => typeof v === 'object' && v !== null),
  observation: ZObservationRecordSchema.nullable(),
  judgeScores: z.array(ZJudgeScoreSchema),
  outcome: ZAspectOutcomeSchema,
});
export type TFormAspect = z.infer<typeof ZFormAspectSchema>;

export const ZFormJudgeSchema = z.object({
  expertId: ZId,
  name: z.string(),
  memberCode: z.string().nullable(),
  /** A compatriot of this entrant: may not score it unless the skill allows compatriot marking. */
  compatriot: z.boolean(),
});

export const ZFormDetailSchema = z.object({
  form: ZFormSummarySchema,
  skill: ZMarkingSkillSchema,
  scheme: z.object({ id: ZId, versionNo: z.number().int(), status: z.string() }),
  subCriterion: ZMarkingSubCriterionSchema,
  entry: ZMarkingEntrySchema,
  aspects: z.array(ZFormAspectSchema),
  judges: z.array(ZFormJudgeSchema),
  rules: z.object({
    numJudges: z.number().int(),
    maxJudgeSpread: z.number().int(),
    aspectMarkRounding: z.enum(['exact', 'two_decimals']),
  }),
  /** The other entrants' forms of the same sub-criterion, for one competitor after another. */
  navigation: z.object({
    previousFormId: ZId.nullable(),
    nextFormId: ZId.nullable(),
    position: z.number().int(),
    count: z.number().int(),
  }),
  abilities: z.object({
    enterMeasurements: z.boolean(),
    /** Judges whose scores the user may type (their own, or any as the team supervisor / chief expert). */
    enterJudgeScoresFor: z.array(ZId),
    check: z.boolean(),
    sign: z.boolean(),
    lock: z.boolean(),
    unlock: z.boolean(),
    returnToEntered: z.boolean(),
    raiseDispute: z.boolean(),
  }),
  /** Why the user may not enter marks here (a MARKING_PROBLEMS code), or null. */
  entryBlockedBy: z.string().nullable(),
});
export type TFormDetail = z.infer<typeof ZFormDetailSchema>;

// ── Mark entry ──

const ZAspectKey = z.string().trim().min(1).max(64);
/** The version the client last saw: 0 for a mark that did not exist yet. */
const ZExpectedVersion = z.number().int().min(0);

export const ZMeasurementChangeSchema = z.object({
  aspectKey: ZAspectKey,
  /** null removes the observation. */
  observation: ZMeasurementObservationSchema.nullable(),
  comment: z.string().trim().max(1000).optional(),
  expectedVersion: ZExpectedVersion,
});
export type TMeasurementChange = z.infer<typeof ZMeasurementChangeSchema>;

export const ZJudgeScoreChangeSchema = z.object({
  aspectKey: ZAspectKey,
  judgeExpertId: ZId,
  /** 0..3; null removes the score. */
  score: z.number().int().min(0, 'judge_score_range').max(3, 'judge_score_range').nullable(),
  expectedVersion: ZExpectedVersion,
});
export type TJudgeScoreChange = z.infer<typeof ZJudgeScoreChangeSchema>;

export const ZMarkBatchRequestSchema = z
  .object({
    /** Client-generated id of this batch (a UUID): a replay is answered with the first result. */
    clientBatchId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'batch_id_format'),
    measurements: z.array(ZMeasurementChangeSchema).max(200).default([]),
    judgeScores: z.array(ZJudgeScoreChangeSchema).max(600).default([]),
  })
  .refine((b) => b.measurements.length + b.judgeScores.length > 0, {
    message: 'empty_batch',
    path: ['measurements'],
  });
export type TMarkBatchRequest = z.input<typeof ZMarkBatchRequestSchema>;

export const ZMarkBatchResultSchema = z.object({
  clientBatchId: z.string(),
  /** True when this answer is the stored result of an earlier delivery of the same batch. */
  replayed: z.boolean(),
  formId: ZId,
  formState: ZFormState,
  formVersion: z.number().int(),
  /** The new version of every item written (0 = removed). */
  measurements: z.array(
    z.object({
      aspectKey: z.string(),
      version: z.number().int(),
      observation: ZMeasurementObservationSchema.nullable(),
    }),
  ),
  judgeScores: z.array(
    z.object({
      aspectKey: z.string(),
      judgeExpertId: ZId,
      version: z.number().int(),
      score: z.number().int().nullable(),
    }),
  ),
});
export type TMarkBatchResult = z.infer<typeof ZMarkBatchResultSchema>;

/** One stale item of a 409 VERSION_CONFLICT answer to a batch (`details.stale`). */
export interface TStaleMarkItem {
  kind: 'measurement' | 'judge_score';
  aspectKey: string;
  judgeExpertId?: string;
  expectedVersion: number;
  currentVersion: number;
  /** The server's value now: the observation, the score, or null when there is none. */
  current: TMeasurementObservation | number | null;
  enteredBy: TPersonRef | null;
}

// ── Workflow ──

export const ZFormVersionRequestSchema = z.object({ version: ZVersion });
export const ZFormReasonRequestSchema = z.object({
  version: ZVersion,
  reason: z.string().trim().min(1, 'reason_required').max(2000),
});

export const ZBulkLockResultSchema = z.object({ lockedFormIds: z.array(ZId) });

// ── Disputes ──

export const ZDisputeStatus = z.enum(DISPUTE_STATUSES);

/** Evidence: photos (PNG, JPEG, WebP) and PDF, decided by content; at most 20 MiB each. */
export const EVIDENCE_FILE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'pdf'] as const;
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const ZDisputeEvidenceSchema = z.object({
  id: ZId,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: ZPersonRef,
  uploadedAt: z.string(),
});
export type TDisputeEvidence = z.infer<typeof ZDisputeEvidenceSchema>;

export const ZDisputeSchema = z.object({
  id: ZId,
  skillId: ZId,
  entry: z.object({ id: ZId, displayName: z.string(), memberCode: z.string() }).nullable(),
  form: z.object({ id: ZId, subCriterionKey: z.string() }).nullable(),
  subject: z.string(),
  description: z.string(),
  status: ZDisputeStatus,
  raisedBy: ZPersonRef,
  raisedAt: z.string(),
  decision: z.string(),
  decidedBy: ZPersonRef.nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  evidence: z.array(ZDisputeEvidenceSchema),
  abilities: z.object({ addEvidence: z.boolean(), decide: z.boolean(), withdraw: z.boolean() }),
});
export type TDispute = z.infer<typeof ZDisputeSchema>;

export const ZDisputeListSchema = z.object({
  data: z.array(ZDisputeSchema),
  /** The entrants the user may raise a dispute about (all of the skill's, or a registrar's own member's). */
  entries: z.array(z.object({ id: ZId, displayName: z.string(), memberCode: z.string() })),
  abilities: z.object({ raise: z.boolean(), decide: z.boolean() }),
});
export type TDisputeList = z.infer<typeof ZDisputeListSchema>;

export const ZRaiseDisputeRequestSchema = z.object({
  entryId: ZId.nullable().default(null),
  formId: ZId.nullable().default(null),
  subject: z.string().trim().min(1, 'subject_required').max(300),
  description: z.string().trim().max(10_000).default(''),
});
export type TRaiseDisputeRequest = z.input<typeof ZRaiseDisputeRequestSchema>;

export const ZDecideDisputeRequestSchema = z.object({
  version: ZVersion,
  outcome: z.enum(['upheld', 'rejected']),
  decision: z.string().trim().min(1, 'decision_required').max(10_000),
});
export type TDecideDisputeRequest = z.infer<typeof ZDecideDisputeRequestSchema>;
