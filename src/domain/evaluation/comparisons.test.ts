import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGroups, type RespondentMetric, summarizeGroups } from './comparisons.js';

function rec(
  country: string | null,
  value: number | null,
  extra: Partial<RespondentMetric> = {},
): RespondentMetric {
  return { cohort: 'C1', country, year: 2025, gender: null, value, ...extra };
}

const repeat = (n: number, country: string | null, value: number) =>
  Array.from({ length: n }, () => rec(country, value));

describe('compareGroups', () => {
  it('n, mean and SD per group, sorted by key, unrecorded last', () => {
    const r = compareGroups(
      [
        ...repeat(5, 'KE', 4),
        ...repeat(3, 'KE', 2),
        ...repeat(6, 'ET', 3),
        ...repeat(5, null, 5),
        rec('ET', null),
      ],
      'country',
      { minGroupSize: 5 },
    );
    expect(r.groups.map((g) => [g.key, g.n, g.mean])).toEqual([
      ['ET', 6, 3],
      ['KE', 8, 3.25],
      [null, 5, 5],
    ]);
    expect(r.groups[0]?.sd).toBe(0);
    expect(r.groups[1]?.sd).toBeCloseTo(Math.sqrt((5 * 0.75 ** 2 + 3 * 1.25 ** 2) / 7), 12);
    expect(r.overall).toMatchObject({ n: 19, suppressed: false });
    expect(r.missing).toBe(1);
  });

  it('a small group is suppressed, and so is the smallest other one (else it could be derived)', () => {
    const r = compareGroups([...repeat(6, 'ET', 3), ...repeat(9, 'KE', 4), ...repeat(2, 'UG', 5)], 'country');
    expect(r.groups.map((g) => [g.key, g.suppression, g.n, g.mean])).toEqual([
      ['ET', 'complementary', null, null],
      ['KE', null, 9, 4],
      ['UG', 'small_group', null, null],
    ]);
    expect(r.overall.n).toBe(17);
  });

  it('two small groups need no complementary suppression', () => {
    const r = compareGroups([...repeat(6, 'ET', 3), ...repeat(2, 'KE', 4), ...repeat(1, 'UG', 5)], 'country');
    expect(r.groups.map((g) => g.suppression)).toEqual([null, 'small_group', 'small_group']);
  });

  it('a small overall is suppressed too, with no complementary suppression', () => {
    const r = compareGroups([...repeat(3, 'ET', 3), rec('KE', 2)], 'country', { minGroupSize: 5 });
    expect(r.overall).toMatchObject({ suppressed: true, n: null, mean: null });
    expect(r.groups.every((g) => g.suppression === 'small_group')).toBe(true);
  });

  it.each(['cohort', 'year', 'gender'] as const)('groups by %s', (dimension) => {
    const records = [
      rec('KE', 1, { cohort: 'A', year: 2024, gender: 'female' }),
      rec('KE', 3, { cohort: 'B', year: 2025, gender: 'male' }),
      rec('KE', 5, { cohort: 'B', year: 2025, gender: 'male' }),
    ];
    const r = compareGroups(records, dimension, { minGroupSize: 1 });
    expect(r.groups.map((g) => [g.n, g.mean])).toEqual([
      [1, 1],
      [2, 4],
    ]);
    expect(r.groups[0]?.key).toBe({ cohort: 'A', year: '2024', gender: 'female' }[dimension]);
  });

  it('refuses a threshold below 1', () => {
    expect(() => compareGroups([], 'year', { minGroupSize: 0 })).toThrow(RangeError);
  });

  it('property: no shown group or overall has fewer than the threshold, counts add up, and never exactly one group is hidden', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.constantFrom('a', 'b', 'c', 'd'), v: fc.integer({ min: 1, max: 5 }) }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 8 }),
        (rows, min) => {
          const r = summarizeGroups(
            rows.map((x) => ({ key: x.k, value: x.v })),
            (x) => x.key,
            { minGroupSize: min },
          );
          const shown = r.groups.filter((g) => !g.suppressed);
          const hidden = r.groups.length - shown.length;
          return (
            shown.every((g) => (g.n ?? 0) >= min) &&
            (r.overall.suppressed || (r.overall.n ?? 0) >= min) &&
            (r.overall.suppressed || r.overall.n === rows.length) &&
            (r.overall.suppressed || hidden !== 1 || r.groups.length === 1)
          );
        },
      ),
    );
  });
});
