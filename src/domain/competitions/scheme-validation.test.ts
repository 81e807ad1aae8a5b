import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarkingScheme } from './marking-scheme.js';
import {
  type SchemeProblemCode,
  summarizeMarkingScheme,
  validateMarkingScheme,
} from './scheme-validation.js';
import { DEFAULT_RULE_SETTINGS } from './settings.js';
import { es2025ShapedScheme, judgement, measurement, schemeFromCells } from './test-schemes.js';

const settings = DEFAULT_RULE_SETTINGS;

/** A valid 100-mark scheme: two sections 60/40, criterion A with A1 (M) and A2 (J). */
function small(): MarkingScheme {
  return schemeFromCells(
    ['60', '40'],
    [
      { criterion: 'A', type: 'M', section: 1, count: 40, total: '60' },
      { criterion: 'A', type: 'J', section: 2, count: 20, total: '40' },
    ],
  );
}

function codes(scheme: MarkingScheme, s = settings): SchemeProblemCode[] {
  return validateMarkingScheme(scheme, s).problems.map((p) => p.code);
}

describe('summary of the EuroSkills 2025 Web Development shape (fixtures/cis-marking-scheme/README.md)', () => {
  const result = validateMarkingScheme(es2025ShapedScheme(), settings);

  it('is valid', () => {
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives exactly the criterion table', () => {
    expect(result.summary.criteria.map(({ name: _name, ...row }) => row)).toEqual([
      {
        key: 'A',
        measurement: '9.75',
        judgement: '6.75',
        total: '16.50',
        measurementAspects: 26,
        judgementAspects: 7,
      },
      {
        key: 'B',
        measurement: '17.00',
        judgement: '6.00',
        total: '23.00',
        measurementAspects: 38,
        judgementAspects: 6,
      },
      {
        key: 'C',
        measurement: '16.75',
        judgement: '0.00',
        total: '16.75',
        measurementAspects: 29,
        judgementAspects: 0,
      },
      {
        key: 'D',
        measurement: '17.00',
        judgement: '5.00',
        total: '22.00',
        measurementAspects: 55,
        judgementAspects: 3,
      },
      {
        key: 'E',
        measurement: '15.25',
        judgement: '1.50',
        total: '16.75',
        measurementAspects: 22,
        judgementAspects: 3,
      },
      {
        key: 'F',
        measurement: '5.00',
        judgement: '0.00',
        total: '5.00',
        measurementAspects: 3,
        judgementAspects: 0,
      },
    ]);
    expect(result.summary.totals).toEqual({
      measurement: '80.75',
      judgement: '19.25',
      total: '100.00',
      measurementAspects: 173,
      judgementAspects: 19,
    });
  });

  it('gives exactly the WSOS section table and total variation 1.0', () => {
    expect(
      result.summary.sections.map(({ number, weight, sum, variation }) => [number, weight, sum, variation]),
    ).toEqual([
      [1, '5.00', '5.00', '0.00'],
      [2, '5.00', '5.25', '0.25'],
      [3, '25.00', '24.75', '0.25'],
      [4, '25.00', '24.75', '0.25'],
      [5, '40.00', '40.25', '0.25'],
    ]);
    expect(result.summary.totalVariation).toBe('1.00');
  });

  it('summarizeMarkingScheme gives the same summary without validating', () => {
    expect(summarizeMarkingScheme(es2025ShapedScheme())).toEqual(result.summary);
  });

  it('a total computed in any aspect order is the same (property)', () => {
    const scheme = es2025ShapedScheme();
    fc.assert(
      fc.property(fc.shuffledSubarray(scheme.aspects, { minLength: scheme.aspects.length }), (aspects) => {
        const summary = summarizeMarkingScheme({ ...scheme, aspects });
        expect(summary.totals.total).toBe('100.00');
        expect(summary.criteria).toEqual(result.summary.criteria);
        expect(summary.sections).toEqual(result.summary.sections);
      }),
      { numRuns: 50 },
    );
  });
});

describe('validateMarkingScheme (§6.3, §9.7 item 9)', () => {
  it('accepts a small valid scheme', () => {
    expect(codes(small())).toEqual([]);
  });

  it('exact total: 99.99 is not 100', () => {
    const scheme = small();
    const first = scheme.aspects[0];
    if (first) {
      first.maxMark = '1.49';
    }
    const result = validateMarkingScheme(scheme, settings);
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'scheme_total_not_100', params: { total: '99.99' } }),
    );
  });

  it('sums exactly: 0.1 × 1000 is 100, 0.1 × 999 + 0.09 is not', () => {
    const ok = schemeFromCells(
      ['100'],
      [{ criterion: 'A', type: 'M', section: 1, count: 1000, total: '100' }],
    );
    expect(codes(ok)).toEqual([]);
    const last = ok.aspects.at(-1);
    if (last) {
      last.maxMark = '0.09';
    }
    expect(codes(ok)).toEqual(['scheme_total_not_100']);
  });

  it('section variation beyond the tolerance setting', () => {
    const scheme = schemeFromCells(
      ['50', '50'],
      [
        { criterion: 'A', type: 'M', section: 1, count: 30, total: '56' },
        { criterion: 'A', type: 'M', section: 2, count: 30, total: '44' },
      ],
    );
    const problems = validateMarkingScheme(scheme, settings).problems;
    expect(problems.map((p) => [p.code, p.sectionNumber, p.params.variation])).toEqual([
      ['section_variation_exceeded', 1, '6.00'],
      ['section_variation_exceeded', 2, '6.00'],
    ]);
    expect(codes(scheme, { ...settings, sectionTolerance: 6 })).toEqual([]);
  });

  it('section weights must total 100', () => {
    const scheme = small();
    scheme.sections.push({ number: 3, name: 'Extra', weight: '5' });
    // section 3: weight 5, no aspects → variation 5, still within the default tolerance of 5
    expect(codes(scheme)).toEqual(['section_weights_not_100']);
  });

  it.each<[string, (s: MarkingScheme) => void, SchemeProblemCode[]]>([
    [
      'J aspect with an empty descriptor',
      (s) => {
        const j = s.aspects.find((a) => a.type === 'J');
        if (j?.type === 'J') {
          j.descriptors = ['a', '', 'c', 'd'];
        }
      },
      ['judgement_descriptor_missing'],
    ],
    [
      'J aspect with three descriptors',
      (s) => {
        const j = s.aspects.find((a) => a.type === 'J');
        if (j?.type === 'J') {
          j.descriptors = ['a', 'b', 'c'] as unknown as [string, string, string, string];
        }
      },
      ['judgement_descriptor_missing'],
    ],
    [
      'aspect max above MAX_ASPECT_MARK',
      (s) => {
        const [a, b] = s.aspects;
        if (a && b) {
          a.maxMark = '2.5';
          b.maxMark = '0.5';
        }
      },
      ['aspect_max_mark_too_high'],
    ],
    [
      'aspect max 0 and malformed',
      (s) => {
        const [a, b] = s.aspects;
        if (a && b) {
          a.maxMark = '0';
          b.maxMark = '1,5';
        }
      },
      ['aspect_max_mark_not_positive', 'aspect_max_mark_invalid', 'scheme_total_not_100'],
    ],
    [
      'unknown section',
      (s) => {
        const a = s.aspects[0];
        if (a) {
          a.wsosSection = 9;
        }
      },
      ['aspect_section_unknown'],
    ],
    [
      'unknown sub-criterion',
      (s) => {
        const a = s.aspects[0];
        if (a) {
          a.subCriterionKey = 'Z9';
        }
      },
      ['aspect_sub_criterion_unknown'],
    ],
    [
      'duplicate aspect key',
      (s) => {
        const [a, b] = s.aspects;
        if (a && b) {
          b.key = a.key;
        }
      },
      ['aspect_duplicate'],
    ],
    [
      'sub-criterion without a day and with an unknown criterion',
      (s) => {
        const sc = s.subCriteria[0];
        if (sc) {
          sc.dayOfMarking = ' ';
          sc.criterionKey = 'Q';
        }
      },
      ['sub_criterion_criterion_unknown', 'sub_criterion_day_missing'],
    ],
    [
      'duplicate section, criterion and sub-criterion',
      (s) => {
        s.sections.push({ number: 1, name: 'again', weight: '0' });
        s.criteria.push({ key: 'A', name: 'again' });
        s.subCriteria.push({ key: 'A1', criterionKey: 'A', name: 'again', dayOfMarking: 'C2' });
      },
      ['section_duplicate', 'criterion_duplicate', 'sub_criterion_duplicate'],
    ],
    [
      'empty criterion and sub-criterion are warnings',
      (s) => {
        s.criteria.push({ key: 'B', name: 'Empty' });
        s.subCriteria.push({ key: 'A3', criterionKey: 'A', name: 'Empty form', dayOfMarking: 'C2' });
      },
      ['sub_criterion_without_aspects', 'criterion_without_sub_criteria'],
    ],
  ])('%s', (_name, mutate, expected) => {
    const scheme = small();
    mutate(scheme);
    expect(codes(scheme)).toEqual(expected);
  });

  it('warnings alone keep the scheme valid', () => {
    const scheme = small();
    scheme.criteria.push({ key: 'B', name: 'Empty' });
    const result = validateMarkingScheme(scheme, settings);
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([
      { code: 'criterion_without_sub_criteria', severity: 'warning', criterionKey: 'B', params: {} },
    ]);
  });

  it.each<[string, MarkingScheme['aspects'][number], SchemeProblemCode[]]>([
    [
      'NUMBER_COMPLETED possible 0',
      measurement('X.1', 'A1', '0.5', { kind: 'NUMBER_COMPLETED', possible: 0 }),
      ['number_completed_possible_invalid'],
    ],
    [
      'NUMBER_COMPLETED possible 2.5',
      measurement('X.1', 'A1', '0.5', { kind: 'NUMBER_COMPLETED', possible: 2.5 }),
      ['number_completed_possible_invalid'],
    ],
    [
      'CHOICE with one choice',
      measurement('X.1', 'A1', '0.5', { kind: 'CHOICE', choices: [{ label: 'only', deductionPct: '0' }] }),
      ['choice_too_few'],
    ],
    [
      'CHOICE deductions out of 0..100 and a blank label',
      measurement('X.1', 'A1', '0.5', {
        kind: 'CHOICE',
        choices: [
          { label: 'a', deductionPct: '-1' },
          { label: ' ', deductionPct: '100.5' },
        ],
      }),
      ['choice_deduction_invalid', 'choice_label_missing', 'choice_deduction_invalid'],
    ],
    [
      'RANGED_SCORE inverted bounds and bad deduction',
      measurement('X.1', 'A1', '0.5', {
        kind: 'RANGED_SCORE',
        target: '100',
        ranges: [{ lower: '50', upper: '20', deductionPct: 'x' }],
      }),
      ['ranged_bounds_inverted', 'ranged_deduction_invalid'],
    ],
    [
      'RANGED_SCORE bad target and bound',
      measurement('X.1', 'A1', '0.5', {
        kind: 'RANGED_SCORE',
        target: '',
        ranges: [{ lower: 'a', upper: '1', deductionPct: '0' }],
      }),
      ['ranged_target_invalid', 'ranged_bound_invalid'],
    ],
    [
      'DEDUCT per error 0',
      measurement('X.1', 'A1', '0.5', { kind: 'DEDUCT', perError: '0' }),
      ['deduct_per_error_invalid'],
    ],
    [
      'missing calculation',
      { ...measurement('X.1', 'A1', '0.5'), calculation: undefined as never },
      ['measurement_calculation_missing'],
    ],
    [
      'a valid RANGED_SCORE',
      measurement('X.1', 'A1', '0.5', {
        kind: 'RANGED_SCORE',
        target: '0',
        ranges: [{ lower: '0', upper: '3', deductionPct: '0' }],
      }),
      [],
    ],
  ])('%s', (_name, aspect, expected) => {
    const scheme = small();
    // replace a 0.5 judgement aspect by the one under test so the total stays 100
    const index = scheme.aspects.findIndex((a) => a.type === 'J' && a.maxMark === '2.00');
    scheme.aspects.splice(index, 1, aspect, judgement('X.2', 'A2', '1.50', 2));
    const problems = validateMarkingScheme(scheme, settings).problems;
    expect(problems.map((p) => p.code)).toEqual(expected);
    expect(problems.every((p) => p.aspectKey === 'X.1' && p.subCriterionKey === 'A1')).toBe(true);
  });
});
