import { describe, expect, it } from 'vitest';
import { summarizeGroups, suppressSmallCounts } from './comparisons.js';

describe('suppressSmallCounts', () => {
  it('shows every count when all groups reach the threshold', () => {
    const r = suppressSmallCounts([
      { key: 'KE', n: 12 },
      { key: 'ZM', n: 5 },
    ]);
    expect(r.total).toBe(17);
    expect(r.groups.map((g) => [g.key, g.n, g.suppression])).toEqual([
      ['KE', 12, null],
      ['ZM', 5, null],
    ]);
  });

  it('hides a small group and, when it is the only one, the smallest other group too', () => {
    const r = suppressSmallCounts([
      { key: 'KE', n: 40 },
      { key: 'ZM', n: 2 },
      { key: 'TZ', n: 9 },
      { key: 'UG', n: 9 },
    ]);
    expect(r.total).toBe(60);
    expect(r.groups.map((g) => [g.key, g.n, g.suppression])).toEqual([
      ['KE', 40, null],
      ['ZM', null, 'small_group'],
      // Ties on size are broken by key: TZ before UG.
      ['TZ', null, 'complementary'],
      ['UG', 9, null],
    ]);
  });

  it('needs no complementary suppression when two groups are already hidden', () => {
    const r = suppressSmallCounts(
      [
        { key: 'a', n: 1 },
        { key: 'b', n: 3 },
        { key: 'c', n: 20 },
      ],
      { minGroupSize: 5 },
    );
    expect(r.groups.map((g) => g.suppression)).toEqual(['small_group', 'small_group', null]);
  });

  it('hides the total when it is itself too small, and then needs no complementary group', () => {
    const r = suppressSmallCounts([
      { key: 'female', n: 1 },
      { key: 'male', n: 2 },
    ]);
    expect(r.total).toBeNull();
    expect(r.groups.every((g) => g.n === null)).toBe(true);
  });

  it('leaves out empty groups and honours the threshold parameter', () => {
    const r = suppressSmallCounts(
      [
        { key: '2025', n: 0 },
        { key: '2026', n: 3 },
        { key: '2027', n: 10 },
      ],
      { minGroupSize: 3 },
    );
    expect(r.groups.map((g) => g.key)).toEqual(['2026', '2027']);
    expect(r.groups.map((g) => g.n)).toEqual([3, 10]);
  });

  it('rejects a threshold below 1 and fractional counts', () => {
    expect(() => suppressSmallCounts([{ key: 'x', n: 3 }], { minGroupSize: 0 })).toThrow(RangeError);
    expect(() => suppressSmallCounts([{ key: 'x', n: 2.5 }])).toThrow(RangeError);
  });

  it('suppresses exactly the groups summarizeGroups suppresses for the same sizes', () => {
    const sizes = { a: 7, b: 3, c: 6, d: 12 } as const;
    const records = Object.entries(sizes).flatMap(([k, n]) =>
      Array.from({ length: n }, () => ({ k, value: 1 })),
    );
    const byValues = summarizeGroups(records, (r) => r.k);
    const byCounts = suppressSmallCounts(Object.entries(sizes).map(([key, n]) => ({ key, n })));
    expect(byCounts.groups.map((g) => [g.key, g.suppression])).toEqual(
      byValues.groups.map((g) => [g.key, g.suppression]),
    );
  });
});
