import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  elapsedShare,
  IATI_INDICATOR_MEASURE_CODE,
  IATI_RESULT_TYPE_CODE,
  type Indicator,
  type IndicatorPeriod,
  type IndicatorStatus,
  indicatorMeasureFromIatiCode,
  indicatorProgress,
  indicatorStatus,
  type Progress,
  progressBetween,
  type ResultNode,
  resultStatus,
  resultTypeFromIatiCode,
  rollUpStatus,
  validateIndicator,
  validateResultsFramework,
} from './results-framework.js';

function value(v: number | null, extra: Partial<IndicatorPeriod['target'] & object> = {}) {
  return { value: v, comment: null, breakdown: [], ...extra };
}

function period(
  start: string,
  end: string,
  target: number | null,
  actual: number | null = null,
): IndicatorPeriod {
  return { start, end, target: value(target), actual: actual === null ? null : value(actual) };
}

function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: 'I1',
    title: { en: 'Share of trainees applying new methods' },
    definition: null,
    measure: 'percentage',
    ascending: true,
    aggregation: 'level',
    unitLabel: null,
    meansOfVerification: null,
    disaggregations: [],
    references: [],
    baseline: { year: 2024, isoDate: null, value: 20, comment: null },
    periods: [period('2025-01-01', '2025-12-31', 50), period('2026-01-01', '2026-12-31', 80)],
    source: null,
    comment: null,
    ...overrides,
  };
}

function ratio(p: Progress): number | null {
  return p.kind === 'ratio' ? p.ratio : null;
}

describe('IATI code lists (§3.2 rows 19, 19a)', () => {
  it.each([
    ['output', 1],
    ['outcome', 2],
    ['impact', 3],
    ['other', 9],
  ] as const)('result type %s ↔ %i', (type, code) => {
    expect(IATI_RESULT_TYPE_CODE[type]).toBe(code);
    expect(resultTypeFromIatiCode(String(code))).toBe(type);
  });

  it.each([
    ['unit', 1],
    ['percentage', 2],
    ['nominal', 3],
    ['ordinal', 4],
    ['qualitative', 5],
  ] as const)('measure %s ↔ %i', (measure, code) => {
    expect(IATI_INDICATOR_MEASURE_CODE[measure]).toBe(code);
    expect(indicatorMeasureFromIatiCode(code)).toBe(measure);
  });

  it('unknown codes are null', () => {
    expect(resultTypeFromIatiCode('4')).toBeNull();
    expect(resultTypeFromIatiCode('x')).toBeNull();
    expect(indicatorMeasureFromIatiCode(6)).toBeNull();
  });
});

describe('progressBetween (§2.2: (actual − baseline)/(target − baseline))', () => {
  it.each([
    // baseline, target, actual, ascending, ratio, clampedPercent, achieved
    [20, 80, 50, true, 0.5, 50, false],
    [20, 80, 80, true, 1, 100, true],
    [20, 80, 110, true, 1.5, 100, true],
    [20, 80, 10, true, -1 / 6, 0, false],
    [0, 40, 0, true, 0, 0, false],
    // descending: dropout rate 40 % → 20 %; 30 % is halfway
    [40, 20, 30, false, 0.5, 50, false],
    [40, 20, 20, false, 1, 100, true],
    [40, 20, 10, false, 1.5, 100, true],
    [40, 20, 45, false, -0.25, 0, false],
  ])('b=%d t=%d a=%d ascending=%s → %d', (b, t, a, asc, r, clamped, achieved) => {
    const p = progressBetween(b, t, a, asc);
    expect(p.kind).toBe('ratio');
    if (p.kind === 'ratio') {
      expect(p.ratio).toBeCloseTo(r, 12);
      expect(p.percent).toBeCloseTo(r * 100, 10);
      expect(p.clampedPercent).toBeCloseTo(clamped, 10);
      expect(p.achieved).toBe(achieved);
      expect(p.maintain).toBe(false);
    }
  });

  it('a target on the wrong side of the baseline has no progress', () => {
    expect(progressBetween(50, 40, 45, true)).toEqual({ kind: 'none', reason: 'target_against_direction' });
    expect(progressBetween(10, 20, 15, false)).toEqual({ kind: 'none', reason: 'target_against_direction' });
  });

  it('target = baseline means "keep the level": 1 when held, 0 when not', () => {
    expect(progressBetween(5, 5, 4, false)).toMatchObject({ ratio: 1, achieved: true, maintain: true });
    expect(progressBetween(5, 5, 6, false)).toMatchObject({ ratio: 0, achieved: false, maintain: true });
    expect(progressBetween(90, 90, 90, true)).toMatchObject({ ratio: 1, achieved: true });
  });

  it('property: the descending formula equals the standard sign-reversed one, (b − a)/(b − t)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (b, drop, a) => {
          const t = b - drop;
          const p = progressBetween(b, t, a, false);
          return p.kind === 'ratio' && Math.abs(p.ratio - (b - a) / (b - t)) < 1e-12;
        },
      ),
    );
  });

  it('property: progress grows with a better actual and reaches 1 exactly at the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        (b, span, a, step, ascending) => {
          const t = ascending ? b + span : b - span;
          const better = ascending ? a + step : a - step;
          const p1 = ratio(progressBetween(b, t, a, ascending)) ?? Number.NaN;
          const p2 = ratio(progressBetween(b, t, better, ascending)) ?? Number.NaN;
          const atTarget = progressBetween(b, t, t, ascending);
          return p2 > p1 && atTarget.kind === 'ratio' && atTarget.ratio === 1 && atTarget.achieved;
        },
      ),
    );
  });
});

describe('indicatorProgress per period and overall', () => {
  it('level: each period from the baseline; overall = latest actual vs final target', () => {
    const ind = indicator({
      periods: [period('2026-01-01', '2026-12-31', 80), period('2025-01-01', '2025-12-31', 50, 35)],
    });
    const result = indicatorProgress(ind);
    expect(result.periods.map((p) => p.start)).toEqual(['2025-01-01', '2026-01-01']);
    expect(ratio(result.periods[0]?.progress as Progress)).toBeCloseTo(0.5, 12); // (35−20)/(50−20)
    expect(result.periods[1]?.progress).toEqual({ kind: 'none', reason: 'no_actual' });
    expect(ratio(result.overall.progress)).toBeCloseTo(0.25, 12); // (35−20)/(80−20)
    expect(result.overall.measuredPeriodEnd).toBe('2025-12-31');
  });

  it('sum: counts per period from zero; overall Σ actuals / Σ targets', () => {
    const ind = indicator({
      measure: 'unit',
      unitLabel: { en: 'participants' },
      aggregation: 'sum',
      baseline: { year: 2024, isoDate: null, value: 30, comment: null },
      periods: [
        period('2025-01-01', '2025-12-31', 100, 80),
        period('2026-01-01', '2026-12-31', 100, 70),
        period('2027-01-01', '2027-12-31', 100),
      ],
    });
    const result = indicatorProgress(ind);
    expect(result.periods.map((p) => ratio(p.progress))).toEqual([0.8, 0.7, null]);
    expect(ratio(result.overall.progress)).toBeCloseTo(150 / 300, 12);
    expect(result.overall.measuredPeriodEnd).toBe('2026-12-31');
  });

  it.each([
    ['qualitative', 'measure_without_progress'],
    ['nominal', 'measure_without_progress'],
  ] as const)('%s indicators have no progress', (measure, reason) => {
    const result = indicatorProgress(
      indicator({ measure, periods: [period('2025-01-01', '2025-12-31', 1, 1)] }),
    );
    expect(result.overall.progress).toEqual({ kind: 'none', reason });
    expect(result.periods[0]?.progress).toEqual({ kind: 'none', reason });
  });

  it('ordinal indicators do have progress', () => {
    const result = indicatorProgress(
      indicator({
        measure: 'ordinal',
        baseline: { year: 2024, isoDate: null, value: 1, comment: null },
        periods: [period('2025-01-01', '2025-12-31', 4, 3)],
      }),
    );
    expect(ratio(result.overall.progress)).toBeCloseTo(2 / 3, 12);
  });

  it('missing baseline, target or actual say which', () => {
    expect(indicatorProgress(indicator({ baseline: null })).overall.progress).toEqual({
      kind: 'none',
      reason: 'no_baseline',
    });
    expect(
      indicatorProgress(indicator({ periods: [period('2025-01-01', '2025-12-31', null, 30)] })).overall
        .progress,
    ).toEqual({ kind: 'none', reason: 'no_target' });
    expect(indicatorProgress(indicator()).overall.progress).toEqual({ kind: 'none', reason: 'no_actual' });
    expect(indicatorProgress(indicator({ periods: [] })).overall.progress).toEqual({
      kind: 'none',
      reason: 'no_target',
    });
  });
});

describe('elapsedShare', () => {
  it.each([
    ['2024-12-31', 0],
    ['2025-01-01', 1 / 365],
    ['2025-07-02', 183 / 365],
    ['2025-12-31', 1],
    ['2030-01-01', 1],
  ])('2025 window at %s → %d', (asOf, share) => {
    expect(elapsedShare('2025-01-01', '2025-12-31', asOf)).toBeCloseTo(share, 12);
  });
});

describe('indicatorStatus (defaults: on track ≤ 0.10 behind, at risk ≤ 0.25 behind)', () => {
  // Window 2025-01-01 … 2026-12-31 (730 days); baseline 20, final target 80.
  const twoYears = (actual2025: number | null, actual2026: number | null = null) =>
    indicator({
      periods: [
        period('2025-01-01', '2025-12-31', 50, actual2025),
        period('2026-01-01', '2026-12-31', 80, actual2026),
      ],
    });

  it.each<[string, number | null, number | null, string, IndicatorStatus]>([
    ['before the first period', 50, null, '2024-12-31', 'not_started'],
    ['started, nothing reported', null, null, '2025-06-30', 'no_data'],
    // measured at 2025-12-31: expected 365/730 = 0.5
    ['on the straight line', 50, null, '2026-03-01', 'on_track'], // progress 0.5
    ['slightly behind', 47, null, '2026-03-01', 'on_track'], // 0.45, shortfall 0.05
    ['behind', 38, null, '2026-03-01', 'at_risk'], // 0.30, shortfall 0.20
    ['far behind', 26, null, '2026-03-01', 'off_track'], // 0.10, shortfall 0.40
    ['final target already met', 85, null, '2025-12-31', 'achieved'],
    ['met at the end', 50, 80, '2027-06-01', 'achieved'],
    ['missed at the end', 50, 60, '2027-06-01', 'off_track'], // 0.667, shortfall 0.333
  ])('%s → %s', (_label, a1, a2, today, status) => {
    expect(indicatorStatus(twoYears(a1, a2), today).status).toBe(status);
  });

  it('judges an actual against the time it was measured, not today', () => {
    const r = indicatorStatus(twoYears(50), '2026-11-30');
    expect(r.asOf).toBe('2025-12-31');
    expect(r.expectedShare).toBeCloseTo(0.5, 12);
    expect(r.shortfall).toBeCloseTo(0, 12);
    expect(r.status).toBe('on_track');
  });

  it('an actual reported during an open period is judged at today', () => {
    const r = indicatorStatus(twoYears(30), '2025-04-01');
    expect(r.asOf).toBe('2025-04-01');
    expect(r.expectedShare).toBeCloseTo(91 / 730, 12);
    expect(r.status).toBe('on_track'); // progress 10/60 ≈ 0.167 is ahead of 0.125
  });

  it('thresholds are parameters', () => {
    const strict = { onTrackMaxShortfall: 0, atRiskMaxShortfall: 0.01 };
    expect(indicatorStatus(twoYears(47), '2026-03-01', strict).status).toBe('off_track');
    expect(() =>
      indicatorStatus(twoYears(47), '2026-03-01', { onTrackMaxShortfall: 0.3, atRiskMaxShortfall: 0.1 }),
    ).toThrow(RangeError);
  });

  it('qualitative or baseline-less indicators are not assessable; invalid today throws', () => {
    expect(indicatorStatus(indicator({ measure: 'qualitative' }), '2025-06-01').status).toBe(
      'not_assessable',
    );
    expect(indicatorStatus(indicator({ baseline: null }), '2025-06-01').status).toBe('not_assessable');
    expect(() => indicatorStatus(indicator(), '2025-13-01')).toThrow(RangeError);
  });

  it('descending indicator: dropout 40 % → 20 % over 2025', () => {
    const ind = indicator({
      ascending: false,
      baseline: { year: 2024, isoDate: null, value: 40, comment: null },
      periods: [period('2025-01-01', '2025-12-31', 20, 35)],
    });
    const r = indicatorStatus(ind, '2025-12-31');
    expect(r.progress).toMatchObject({ ratio: 0.25 });
    expect(r.status).toBe('off_track');
  });
});

describe('rollUpStatus (worst counts)', () => {
  it.each<[IndicatorStatus[], IndicatorStatus]>([
    [[], 'not_assessable'],
    [['not_assessable'], 'not_assessable'],
    [['achieved', 'on_track', 'off_track'], 'off_track'],
    [['achieved', 'at_risk', 'on_track'], 'at_risk'],
    [['achieved', 'achieved', 'not_assessable'], 'achieved'],
    [['not_started', 'not_started'], 'not_started'],
    [['no_data', 'not_started'], 'no_data'],
    [['achieved', 'not_started'], 'on_track'],
    [['on_track', 'no_data'], 'on_track'],
  ])('%j → %s', (statuses, expected) => {
    const r = rollUpStatus(statuses);
    expect(r.status).toBe(expected);
    expect(Object.values(r.counts).reduce((s, n) => s + n, 0)).toBe(statuses.length);
  });

  it('resultStatus rolls up the indicators of a result at today', () => {
    const result: ResultNode = {
      type: 'outcome',
      title: { en: 'Teachers apply new methods' },
      description: null,
      assumptions: null,
      risks: null,
      indicators: [
        indicator({ periods: [period('2025-01-01', '2025-12-31', 80, 80)] }),
        indicator({ periods: [period('2025-01-01', '2025-12-31', 80, 25)] }),
      ],
    };
    const r = resultStatus(result, '2026-01-10');
    expect(r.counts.achieved).toBe(1);
    expect(r.counts.off_track).toBe(1);
    expect(r.status).toBe('off_track');
  });
});

describe('validation', () => {
  const codes = (ind: Indicator) => validateIndicator(ind).map((p) => `${p.path.join('.')}:${p.code}`);

  it('a complete indicator has no problems', () => {
    expect(validateIndicator(indicator())).toEqual([]);
  });

  it('flags dates, order, overlap, targets and baseline year', () => {
    const ind = indicator({
      baseline: { year: 2026, isoDate: '2025-06-30', value: 20, comment: null },
      periods: [
        period('2025-01-01', '2025-12-31', 50),
        period('2025-12-01', '2026-06-30', 60), // overlaps the first
        period('2027-01-01', '2026-12-31', 70), // end before start
        period('2027-02-30', '2027-12-31', null), // invalid date, no target
      ],
    });
    expect(codes(ind)).toEqual([
      'baseline.isoDate:baseline_date_year_mismatch',
      'periods.2.end:end_before_start',
      'periods.3.start:invalid_date',
      'periods.3.target:target_required',
      'periods.1.start:periods_overlap',
      'baseline.year:baseline_after_first_period',
    ]);
  });

  it('adjacent periods do not overlap; a shared day does', () => {
    expect(
      codes(
        indicator({
          periods: [period('2025-01-01', '2025-06-30', 30), period('2025-07-01', '2025-12-31', 40)],
        }),
      ),
    ).toEqual([]);
    expect(
      codes(
        indicator({
          periods: [period('2025-01-01', '2025-06-30', 30), period('2025-06-30', '2025-12-31', 40)],
        }),
      ),
    ).toEqual(['periods.1.start:periods_overlap']);
  });

  it.each<[string, Partial<Indicator>, string[]]>([
    ['unit without unit label', { measure: 'unit' }, ['unitLabel:unit_label_required']],
    ['percentage with unit label', { unitLabel: { en: 'people' } }, ['unitLabel:unit_label_not_applicable']],
    [
      'percentage above 100',
      { periods: [period('2025-01-01', '2025-12-31', 120, -1)] },
      ['periods.0.target.value:percentage_out_of_range', 'periods.0.actual.value:percentage_out_of_range'],
    ],
    [
      'ordinal fractions',
      {
        measure: 'ordinal',
        baseline: { year: 2024, isoDate: null, value: 1.5, comment: null },
        periods: [period('2025-01-01', '2025-12-31', 3)],
      },
      ['baseline.value:value_not_integer'],
    ],
    [
      'qualitative with a number',
      { measure: 'qualitative', baseline: null, periods: [period('2025-01-01', '2025-12-31', 3)] },
      ['periods.0.target:target_required', 'periods.0.target.value:qualitative_value_not_allowed'],
    ],
    [
      'target against the direction',
      { periods: [period('2025-01-01', '2025-12-31', 10)] },
      ['periods.0.target.value:target_against_direction'],
    ],
    ['sum on a percentage', { aggregation: 'sum' }, ['aggregation:sum_requires_ascending_unit']],
    ['no periods (warning)', { periods: [] }, ['periods:period_required']],
    ['no baseline (warning)', { baseline: null }, ['baseline:baseline_required']],
    [
      'baseline year invalid',
      { baseline: { year: 24, isoDate: null, value: 20, comment: null } },
      ['baseline.year:baseline_year_invalid'],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(codes(indicator(overrides))).toEqual(expected);
  });

  it('qualitative targets are narratives: a comment satisfies "target present"', () => {
    const ind = indicator({
      measure: 'qualitative',
      baseline: null,
      periods: [
        {
          start: '2025-01-01',
          end: '2025-12-31',
          target: value(null, { comment: { en: 'Curriculum approved by the ministry' } }),
          actual: null,
        },
      ],
    });
    expect(validateIndicator(ind)).toEqual([]);
  });

  it('warnings and errors are told apart', () => {
    const problems = validateIndicator(indicator({ baseline: null, periods: [] }));
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('checks breakdowns against declared disaggregations (open dimensions accept any value)', () => {
    const ind = indicator({
      disaggregations: [
        { name: 'sex', values: ['female', 'male'] },
        { name: 'country', values: [] },
      ],
      periods: [
        {
          start: '2025-01-01',
          end: '2025-12-31',
          target: value(50),
          actual: value(40, {
            breakdown: [
              { dimensions: [{ name: 'sex', value: 'female' }], value: 45 },
              { dimensions: [{ name: 'sex', value: 'other' }], value: 30 },
              { dimensions: [{ name: 'age', value: '18-24' }], value: 30 },
              { dimensions: [{ name: 'country', value: 'KE' }], value: 30 },
              { dimensions: [{ name: 'sex', value: 'female' }], value: 44 },
            ],
          }),
        },
      ],
    });
    expect(codes(ind)).toEqual([
      'periods.0.actual.breakdown.1.dimensions.0.value:unknown_dimension_value',
      'periods.0.actual.breakdown.2.dimensions.0.name:unknown_dimension',
      'periods.0.actual.breakdown.4:duplicate_breakdown',
    ]);
  });

  it('validates a framework with paths from the root', () => {
    const problems = validateResultsFramework({
      results: [
        {
          type: 'output',
          title: { en: ' ' },
          description: null,
          assumptions: null,
          risks: null,
          indicators: [],
        },
        {
          type: 'outcome',
          title: { fr: 'Résultat' },
          description: null,
          assumptions: null,
          risks: null,
          indicators: [indicator({ title: {} })],
        },
      ],
    });
    expect(problems.map((p) => `${p.path.join('.')}:${p.code}`)).toEqual([
      'results.0.title:title_required',
      'results.0.indicators:indicator_required',
      'results.1.indicators.0.title:title_required',
    ]);
  });
});

describe('robustness', () => {
  it('status ignores periods with invalid dates instead of throwing', () => {
    const ind = indicator({
      periods: [period('2025-01-01', '2025-12-31', 50, 35), period('2026-01-01', '2026-02-30', 80, 60)],
    });
    const r = indicatorStatus(ind, '2026-03-01');
    expect(r.asOf).toBe('2026-03-01');
    expect(r.expectedShare).toBe(1);
    expect(r.status).toBe('off_track'); // (60 − 20)/(80 − 20) = 0.667 at the end of the only valid window
  });
});
