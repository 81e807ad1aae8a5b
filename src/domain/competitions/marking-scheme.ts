/**
 * A skill's marking scheme as WorldSkills' CIS holds it (../shared/standards/worldskills.md §1.3, §6.1):
 * WSOS sections with their weights, criteria A..Z, sub-criteria (each one marking form, marked on
 * one competition day) and aspects (measurement or judgement).
 *
 * Marks are decimal strings ("1.25"), never binary floats: totals must be exact (the scheme must
 * sum to exactly 100) and judgement marks produce thirds, so arithmetic happens on rationals
 * (`rational.ts`) and rounding only for display and for the published scale points.
 *
 * Ids (`key`) are stable strings inside one scheme version: marks, judge scores and marking-team
 * assignments refer to sub-criteria and aspects by key. The CIS import gives sub-criteria their
 * workbook ids ("A1") and aspects "<sub-criterion>.<n>" ("A1.3").
 */

export type DecimalString = string;

export interface WsosSection {
  /** 1-based section number as in the WorldSkills Occupational Standard. */
  number: number;
  name: string;
  /** The section's weight out of 100. */
  weight: DecimalString;
}

export interface Criterion {
  /** "A".."Z" */
  key: string;
  name: string;
}

export interface SubCriterion {
  /** "A1", "B3" … one marking form per competitor. */
  key: string;
  criterionKey: string;
  name: string;
  /** Competition day code as the workbook gives it ("C1", "C2", "1", …). */
  dayOfMarking: string;
}

/** Measurement calculation types (§1.4, §6.2). Deductions are percentages 0..100. */
export type MeasurementCalculation =
  | { kind: 'PASS_FAIL' }
  | { kind: 'NUMBER_COMPLETED'; possible: number }
  | { kind: 'CHOICE'; choices: { label: string; deductionPct: DecimalString }[] }
  | {
      kind: 'RANGED_SCORE';
      target: DecimalString;
      ranges: { lower: DecimalString; upper: DecimalString; deductionPct: DecimalString }[];
    }
  | { kind: 'DEDUCT'; perError: DecimalString };

export type MeasurementKind = MeasurementCalculation['kind'];

interface AspectBase {
  key: string;
  subCriterionKey: string;
  description: string;
  /** "Extra Aspect Description": the benchmark a marker applies. */
  extraDescription: string;
  maxMark: DecimalString;
  wsosSection: number;
}

export interface MeasurementAspect extends AspectBase {
  type: 'M';
  /** "Requirement" column: what must be present to award the mark. */
  requirement: string;
  calculation: MeasurementCalculation;
}

export interface JudgementAspect extends AspectBase {
  type: 'J';
  /** What earns 0, 1, 2 and 3, in that order. All four are required. */
  descriptors: [string, string, string, string];
}

export type Aspect = MeasurementAspect | JudgementAspect;

export interface MarkingScheme {
  sections: WsosSection[];
  criteria: Criterion[];
  subCriteria: SubCriterion[];
  aspects: Aspect[];
}

/**
 * What a marker enters for a measurement aspect. The calculation turns it into the mark.
 * `notAttempted` (CIS `non_attempt`) scores 0 whatever the calculation.
 */
export type MeasurementObservation =
  | { kind: 'PASS_FAIL'; passed: boolean }
  | { kind: 'NUMBER_COMPLETED'; completed: number }
  | { kind: 'CHOICE'; choiceIndex: number }
  | { kind: 'RANGED_SCORE'; value: DecimalString }
  | { kind: 'DEDUCT'; errors: number }
  | { kind: 'NOT_ATTEMPTED' };

/** One judge's 0..3 score on one judgement aspect, kept with the judge's identity. */
export interface JudgeScore {
  judgeId: string;
  score: 0 | 1 | 2 | 3;
}
