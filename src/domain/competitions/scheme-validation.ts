/**
 * Validation and summary of a marking scheme (worldskills.md §6.3, §1.7, §9.7 item 9, §8.2
 * `MAX_ASPECT_MARK`, `JUDGEMENT_BENCHMARKS_MANDATORY`).
 *
 * Problems carry a code, the key of what they concern and params for the translated message; the
 * summary is the marks table the UI shows (per criterion and per WSOS section), with exact decimal
 * strings of at least two decimals ("16.50").
 */
import type { Aspect, MarkingScheme, MeasurementCalculation } from './marking-scheme.js';
import {
  abs,
  add,
  compare,
  fromInteger,
  parseDecimal,
  type Rational,
  sign,
  sub,
  sum,
  toDecimalString,
  toStorageString,
  ZERO,
} from './rational.js';
import type { CompetitionRuleSettings } from './settings.js';

export type SchemeProblemCode =
  | 'scheme_total_not_100'
  | 'section_weights_not_100'
  | 'section_variation_exceeded'
  | 'section_weight_invalid'
  | 'section_duplicate'
  | 'criterion_duplicate'
  | 'criterion_without_sub_criteria'
  | 'sub_criterion_duplicate'
  | 'sub_criterion_criterion_unknown'
  | 'sub_criterion_day_missing'
  | 'sub_criterion_without_aspects'
  | 'aspect_duplicate'
  | 'aspect_sub_criterion_unknown'
  | 'aspect_section_unknown'
  | 'aspect_max_mark_invalid'
  | 'aspect_max_mark_not_positive'
  | 'aspect_max_mark_too_high'
  | 'judgement_descriptor_missing'
  | 'measurement_calculation_missing'
  | 'number_completed_possible_invalid'
  | 'choice_too_few'
  | 'choice_label_missing'
  | 'choice_deduction_invalid'
  | 'ranged_target_invalid'
  | 'ranged_bound_invalid'
  | 'ranged_bounds_inverted'
  | 'ranged_deduction_invalid'
  | 'deduct_per_error_invalid';

export interface SchemeProblem {
  code: SchemeProblemCode;
  /** 'error' blocks validation (scheme cannot be locked); 'warning' is shown but allowed. */
  severity: 'error' | 'warning';
  sectionNumber?: number;
  criterionKey?: string;
  subCriterionKey?: string;
  aspectKey?: string;
  params: Record<string, string | number>;
}

export interface CriterionSummary {
  key: string;
  name: string;
  measurement: string;
  judgement: string;
  total: string;
  measurementAspects: number;
  judgementAspects: number;
}

export interface SectionSummary {
  number: number;
  name: string;
  weight: string;
  sum: string;
  /** |sum − weight| */
  variation: string;
}

export interface SubCriterionSummary {
  key: string;
  criterionKey: string;
  dayOfMarking: string;
  total: string;
  measurementAspects: number;
  judgementAspects: number;
}

export interface SchemeSummary {
  criteria: CriterionSummary[];
  totals: Omit<CriterionSummary, 'key' | 'name'>;
  sections: SectionSummary[];
  /** Σ |sum − weight| over the sections ("Total Variation" in the CIS workbook). */
  totalVariation: string;
  subCriteria: SubCriterionSummary[];
}

export interface SchemeValidation {
  /** No problem of severity 'error'. */
  valid: boolean;
  problems: SchemeProblem[];
  summary: SchemeSummary;
}

export type SchemeValidationSettings = Pick<CompetitionRuleSettings, 'sectionTolerance' | 'maxAspectMark'>;

const HUNDRED = fromInteger(100);

/** Exact decimal text with at least two decimals; marks are sums of decimals, so they always terminate. */
export function formatMarks(value: Rational): string {
  return toDecimalString(value, 2) ?? toStorageString(value);
}

/** A finite number (a setting) as an exact rational via its shortest decimal text. */
function numberToRational(value: number): Rational {
  return parseDecimal(String(value)) ?? ZERO;
}

function checkDecimalPct(value: string): boolean {
  const d = parseDecimal(value);
  return d !== null && sign(d) >= 0 && compare(d, HUNDRED) <= 0;
}

function calculationProblems(aspect: Aspect & { type: 'M' }): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const at = (code: SchemeProblemCode, params: Record<string, string | number> = {}): void => {
    problems.push({
      code,
      severity: 'error',
      aspectKey: aspect.key,
      subCriterionKey: aspect.subCriterionKey,
      params,
    });
  };
  const calc = aspect.calculation as MeasurementCalculation | undefined;
  if (!calc || typeof calc !== 'object') {
    at('measurement_calculation_missing');
    return problems;
  }
  switch (calc.kind) {
    case 'PASS_FAIL':
      break;
    case 'NUMBER_COMPLETED':
      if (!Number.isSafeInteger(calc.possible) || calc.possible < 1) {
        at('number_completed_possible_invalid', { value: String(calc.possible) });
      }
      break;
    case 'CHOICE':
      if (calc.choices.length < 2) {
        at('choice_too_few', { count: calc.choices.length });
      }
      calc.choices.forEach((choice, index) => {
        if (!choice.label.trim()) {
          at('choice_label_missing', { choice: index + 1 });
        }
        if (!checkDecimalPct(choice.deductionPct)) {
          at('choice_deduction_invalid', { choice: index + 1, value: choice.deductionPct });
        }
      });
      break;
    case 'RANGED_SCORE':
      if (!parseDecimal(calc.target)) {
        at('ranged_target_invalid', { value: calc.target });
      }
      calc.ranges.forEach((range, index) => {
        const lower = parseDecimal(range.lower);
        const upper = parseDecimal(range.upper);
        if (!lower || !upper) {
          at('ranged_bound_invalid', { range: index + 1, lower: range.lower, upper: range.upper });
        } else if (compare(lower, upper) > 0) {
          at('ranged_bounds_inverted', { range: index + 1, lower: range.lower, upper: range.upper });
        }
        if (!checkDecimalPct(range.deductionPct)) {
          at('ranged_deduction_invalid', { range: index + 1, value: range.deductionPct });
        }
      });
      break;
    case 'DEDUCT': {
      const perError = parseDecimal(calc.perError);
      if (!perError || sign(perError) <= 0) {
        at('deduct_per_error_invalid', { value: calc.perError });
      }
      break;
    }
    default:
      at('measurement_calculation_missing');
  }
  return problems;
}

/**
 * §6.3 + §9.7 item 9: Σ aspect max = 100 exactly; each WSOS section within settings.sectionTolerance
 * marks of its weight; J aspects have four descriptors; M aspects a valid calculation; keys unique
 * and resolvable; 0 < max ≤ settings.maxAspectMark. Settings: sectionTolerance, maxAspectMark.
 */
export function validateMarkingScheme(
  scheme: MarkingScheme,
  settings: SchemeValidationSettings,
): SchemeValidation {
  const problems: SchemeProblem[] = [];
  const err = (
    code: SchemeProblemCode,
    where: Omit<SchemeProblem, 'code' | 'severity' | 'params'>,
    params = {},
  ) => problems.push({ code, severity: 'error', ...where, params });
  const warn = (
    code: SchemeProblemCode,
    where: Omit<SchemeProblem, 'code' | 'severity' | 'params'>,
    params = {},
  ) => problems.push({ code, severity: 'warning', ...where, params });

  const sectionNumbers = new Set<number>();
  for (const section of scheme.sections) {
    if (sectionNumbers.has(section.number)) {
      err('section_duplicate', { sectionNumber: section.number });
    }
    sectionNumbers.add(section.number);
    const weight = parseDecimal(section.weight);
    if (!weight || sign(weight) < 0) {
      err('section_weight_invalid', { sectionNumber: section.number }, { value: section.weight });
    }
  }
  const criterionKeys = new Set<string>();
  for (const criterion of scheme.criteria) {
    if (criterionKeys.has(criterion.key)) {
      err('criterion_duplicate', { criterionKey: criterion.key });
    }
    criterionKeys.add(criterion.key);
  }
  const subCriterionKeys = new Set<string>();
  for (const sc of scheme.subCriteria) {
    if (subCriterionKeys.has(sc.key)) {
      err('sub_criterion_duplicate', { subCriterionKey: sc.key });
    }
    subCriterionKeys.add(sc.key);
    if (!criterionKeys.has(sc.criterionKey)) {
      err('sub_criterion_criterion_unknown', { subCriterionKey: sc.key }, { criterion: sc.criterionKey });
    }
    if (!sc.dayOfMarking.trim()) {
      err('sub_criterion_day_missing', { subCriterionKey: sc.key });
    }
  }

  const maxAllowed = numberToRational(settings.maxAspectMark);
  const aspectKeys = new Set<string>();
  const aspectsPerSubCriterion = new Map<string, number>();
  const aspectMax = new Map<Aspect, Rational>();
  for (const aspect of scheme.aspects) {
    const where = { aspectKey: aspect.key, subCriterionKey: aspect.subCriterionKey };
    if (aspectKeys.has(aspect.key)) {
      err('aspect_duplicate', where);
    }
    aspectKeys.add(aspect.key);
    if (!subCriterionKeys.has(aspect.subCriterionKey)) {
      err('aspect_sub_criterion_unknown', where, { subCriterion: aspect.subCriterionKey });
    }
    aspectsPerSubCriterion.set(
      aspect.subCriterionKey,
      (aspectsPerSubCriterion.get(aspect.subCriterionKey) ?? 0) + 1,
    );
    if (!sectionNumbers.has(aspect.wsosSection)) {
      err('aspect_section_unknown', where, { section: aspect.wsosSection });
    }
    const m = parseDecimal(aspect.maxMark);
    if (!m) {
      err('aspect_max_mark_invalid', where, { value: aspect.maxMark });
    } else {
      aspectMax.set(aspect, m);
      if (sign(m) <= 0) {
        err('aspect_max_mark_not_positive', where, { value: aspect.maxMark });
      } else if (compare(m, maxAllowed) > 0) {
        err('aspect_max_mark_too_high', where, { value: aspect.maxMark, limit: settings.maxAspectMark });
      }
    }
    if (aspect.type === 'J') {
      for (let level = 0; level < 4; level++) {
        if (!aspect.descriptors?.[level]?.trim()) {
          err('judgement_descriptor_missing', where, { level });
        }
      }
    } else {
      problems.push(...calculationProblems(aspect));
    }
  }
  for (const sc of scheme.subCriteria) {
    if (!aspectsPerSubCriterion.has(sc.key)) {
      warn('sub_criterion_without_aspects', { subCriterionKey: sc.key });
    }
  }
  for (const criterion of scheme.criteria) {
    if (!scheme.subCriteria.some((sc) => sc.criterionKey === criterion.key)) {
      warn('criterion_without_sub_criteria', { criterionKey: criterion.key });
    }
  }

  const summary = summarize(scheme, aspectMax);
  const total = sum(aspectMax.values());
  if (compare(total, HUNDRED) !== 0) {
    err('scheme_total_not_100', {}, { total: formatMarks(total) });
  }
  const weights = scheme.sections.map((s) => parseDecimal(s.weight) ?? ZERO);
  const weightTotal = sum(weights);
  if (scheme.sections.length > 0 && compare(weightTotal, HUNDRED) !== 0) {
    err('section_weights_not_100', {}, { total: formatMarks(weightTotal) });
  }
  const tolerance = numberToRational(settings.sectionTolerance);
  const checkedSections = new Set<number>();
  for (const section of summary.sections) {
    if (checkedSections.has(section.number)) {
      continue; // a duplicate number is already reported
    }
    checkedSections.add(section.number);
    const variation = parseDecimal(section.variation) ?? ZERO;
    if (compare(variation, tolerance) > 0) {
      err(
        'section_variation_exceeded',
        { sectionNumber: section.number },
        {
          weight: section.weight,
          sum: section.sum,
          variation: section.variation,
          tolerance: settings.sectionTolerance,
        },
      );
    }
  }
  return { valid: !problems.some((p) => p.severity === 'error'), problems, summary };
}

/** The §1.7 / §5.1 marks table: per criterion M/J/total and aspect counts, per WSOS section weight/sum/variation. */
export function summarizeMarkingScheme(scheme: MarkingScheme): SchemeSummary {
  const aspectMax = new Map<Aspect, Rational>();
  for (const aspect of scheme.aspects) {
    aspectMax.set(aspect, parseDecimal(aspect.maxMark) ?? ZERO);
  }
  return summarize(scheme, aspectMax);
}

interface Tally {
  measurement: Rational;
  judgement: Rational;
  measurementAspects: number;
  judgementAspects: number;
}

function emptyTally(): Tally {
  return { measurement: ZERO, judgement: ZERO, measurementAspects: 0, judgementAspects: 0 };
}

function addToTally(tally: Tally, aspect: Aspect, value: Rational): void {
  if (aspect.type === 'J') {
    tally.judgement = add(tally.judgement, value);
    tally.judgementAspects++;
  } else {
    tally.measurement = add(tally.measurement, value);
    tally.measurementAspects++;
  }
}

function tallyText(tally: Tally): Omit<CriterionSummary, 'key' | 'name'> {
  return {
    measurement: formatMarks(tally.measurement),
    judgement: formatMarks(tally.judgement),
    total: formatMarks(add(tally.measurement, tally.judgement)),
    measurementAspects: tally.measurementAspects,
    judgementAspects: tally.judgementAspects,
  };
}

function summarize(scheme: MarkingScheme, aspectMax: ReadonlyMap<Aspect, Rational>): SchemeSummary {
  const criterionOf = new Map(scheme.subCriteria.map((sc) => [sc.key, sc.criterionKey]));
  const byCriterion = new Map<string, Tally>(scheme.criteria.map((c) => [c.key, emptyTally()]));
  const bySubCriterion = new Map<string, Tally>(scheme.subCriteria.map((sc) => [sc.key, emptyTally()]));
  const bySection = new Map<number, Rational>();
  const overall = emptyTally();
  for (const aspect of scheme.aspects) {
    const value = aspectMax.get(aspect) ?? ZERO;
    addToTally(overall, aspect, value);
    const subTally = bySubCriterion.get(aspect.subCriterionKey);
    if (subTally) {
      addToTally(subTally, aspect, value);
    }
    const criterion = byCriterion.get(criterionOf.get(aspect.subCriterionKey) ?? '');
    if (criterion) {
      addToTally(criterion, aspect, value);
    }
    bySection.set(aspect.wsosSection, add(bySection.get(aspect.wsosSection) ?? ZERO, value));
  }
  let totalVariation = ZERO;
  const sections = scheme.sections.map((section) => {
    const weight = parseDecimal(section.weight) ?? ZERO;
    const total = bySection.get(section.number) ?? ZERO;
    const variation = abs(sub(total, weight));
    totalVariation = add(totalVariation, variation);
    return {
      number: section.number,
      name: section.name,
      weight: formatMarks(weight),
      sum: formatMarks(total),
      variation: formatMarks(variation),
    };
  });
  return {
    criteria: scheme.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      ...tallyText(byCriterion.get(c.key) ?? emptyTally()),
    })),
    totals: tallyText(overall),
    sections,
    totalVariation: formatMarks(totalVariation),
    subCriteria: scheme.subCriteria.map((sc) => {
      const t = bySubCriterion.get(sc.key) ?? emptyTally();
      return {
        key: sc.key,
        criterionKey: sc.criterionKey,
        dayOfMarking: sc.dayOfMarking,
        total: formatMarks(add(t.measurement, t.judgement)),
        measurementAspects: t.measurementAspects,
        judgementAspects: t.judgementAspects,
      };
    }),
  };
}
