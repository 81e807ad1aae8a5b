/**
 * Hand-built marking schemes for the competition engine's tests (not used by the product).
 */
import type { MarkingRules } from './form-total.js';
import type {
  Aspect,
  JudgementAspect,
  JudgeScore,
  MarkingScheme,
  MeasurementAspect,
  MeasurementCalculation,
} from './marking-scheme.js';

const DESCRIPTORS: [string, string, string, string] = [
  'Below industry standard',
  'Meets industry standard',
  'Exceeds in specific respects',
  'Wholly exceeds, excellent',
];

export function measurement(
  key: string,
  subCriterionKey: string,
  maxMark: string,
  calculation: MeasurementCalculation = { kind: 'PASS_FAIL' },
  wsosSection = 1,
): MeasurementAspect {
  return {
    key,
    subCriterionKey,
    type: 'M',
    description: `Aspect ${key}`,
    extraDescription: '',
    requirement: 'Present and correct',
    maxMark,
    wsosSection,
    calculation,
  };
}

export function judgement(
  key: string,
  subCriterionKey: string,
  maxMark: string,
  wsosSection = 1,
): JudgementAspect {
  return {
    key,
    subCriterionKey,
    type: 'J',
    description: `Aspect ${key}`,
    extraDescription: '',
    maxMark,
    wsosSection,
    descriptors: [...DESCRIPTORS],
  };
}

/** One block of aspects: `count` aspects of one type in one section of one criterion, together worth `total`. */
export interface SchemeCell {
  criterion: string;
  type: 'M' | 'J';
  section: number;
  count: number;
  total: string;
}

/** Splits a two-decimal total into `count` two-decimal parts that sum to it exactly. */
function split(total: string, count: number): string[] {
  const hundredths = Math.round(Number(total) * 100);
  const base = Math.floor(hundredths / count);
  const extra = hundredths - base * count;
  return Array.from({ length: count }, (_, i) => ((base + (i < extra ? 1 : 0)) / 100).toFixed(2));
}

/**
 * A scheme built from cells: criteria in order of first appearance, one sub-criterion ("A1", "A2" …) per
 * cell, sections 1..n with the given weights.
 */
export function schemeFromCells(weights: string[], cells: SchemeCell[]): MarkingScheme {
  const criteria: string[] = [];
  const subCriteria: MarkingScheme['subCriteria'] = [];
  const aspects: Aspect[] = [];
  for (const cell of cells) {
    if (!criteria.includes(cell.criterion)) {
      criteria.push(cell.criterion);
    }
    const subKey = `${cell.criterion}${subCriteria.filter((s) => s.criterionKey === cell.criterion).length + 1}`;
    subCriteria.push({
      key: subKey,
      criterionKey: cell.criterion,
      name: `Form ${subKey}`,
      dayOfMarking: 'C1',
    });
    split(cell.total, cell.count).forEach((mark, i) => {
      const key = `${subKey}.${i + 1}`;
      aspects.push(
        cell.type === 'J'
          ? judgement(key, subKey, mark, cell.section)
          : measurement(key, subKey, mark, undefined, cell.section),
      );
    });
  }
  return {
    sections: weights.map((weight, i) => ({ number: i + 1, name: `Section ${i + 1}`, weight })),
    criteria: criteria.map((key) => ({ key, name: `Criterion ${key}` })),
    subCriteria,
    aspects,
  };
}

/**
 * A scheme with the shape of the EuroSkills 2025 Web Development workbook (worldskills.md §5.1,
 * fixtures/cis-marking-scheme/README.md): same per-criterion M/J totals and counts, same section sums.
 */
export function es2025ShapedScheme(): MarkingScheme {
  return schemeFromCells(
    ['5', '5', '25', '25', '40'],
    [
      { criterion: 'A', type: 'M', section: 3, count: 26, total: '9.75' },
      { criterion: 'A', type: 'J', section: 3, count: 7, total: '6.75' },
      { criterion: 'B', type: 'M', section: 5, count: 38, total: '17.00' },
      { criterion: 'B', type: 'J', section: 5, count: 6, total: '6.00' },
      { criterion: 'C', type: 'M', section: 5, count: 29, total: '16.75' },
      { criterion: 'D', type: 'M', section: 4, count: 55, total: '17.00' },
      { criterion: 'D', type: 'J', section: 4, count: 3, total: '5.00' },
      { criterion: 'E', type: 'M', section: 2, count: 3, total: '3.75' },
      { criterion: 'E', type: 'M', section: 3, count: 12, total: '8.25' },
      { criterion: 'E', type: 'M', section: 4, count: 6, total: '2.75' },
      { criterion: 'E', type: 'M', section: 5, count: 1, total: '0.50' },
      { criterion: 'E', type: 'J', section: 2, count: 3, total: '1.50' },
      { criterion: 'F', type: 'M', section: 1, count: 3, total: '5.00' },
    ],
  );
}

/** Two forms: A1 (PASS_FAIL 0.5, NUMBER_COMPLETED of 3 worth 1, J 1.25) and B1 (DEDUCT 0.5 per error of 2, J 1.5). */
export const FORM_SCHEME: MarkingScheme = {
  sections: [{ number: 1, name: 'Everything', weight: '100' }],
  criteria: [
    { key: 'A', name: 'Design' },
    { key: 'B', name: 'Build' },
  ],
  subCriteria: [
    { key: 'A1', criterionKey: 'A', name: 'Layout', dayOfMarking: 'C1' },
    { key: 'B1', criterionKey: 'B', name: 'Server', dayOfMarking: 'C2' },
  ],
  aspects: [
    measurement('A1.1', 'A1', '0.5'),
    measurement('A1.2', 'A1', '1', { kind: 'NUMBER_COMPLETED', possible: 3 }),
    judgement('A1.3', 'A1', '1.25'),
    measurement('B1.1', 'B1', '2', { kind: 'DEDUCT', perError: '0.5' }),
    judgement('B1.2', 'B1', '1.5'),
  ],
};

export const RULES: MarkingRules = { numJudges: 3, maxJudgeSpread: 1, aspectMarkRounding: 'exact' };

export const judges = (...values: number[]): JudgeScore[] =>
  values.map((score, i) => ({ judgeId: `judge-${i + 1}`, score: score as JudgeScore['score'] }));
