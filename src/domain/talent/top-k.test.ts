import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.js';

describe('TopK', () => {
  it('keeps the same items as a full sort, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: 0, max: 20 }),
        (values, k) => {
          // Strict total order: value descending, then position ascending.
          const items = values.map((v, i) => ({ v, i }));
          const better = (a: { v: number; i: number }, b: { v: number; i: number }) =>
            a.v !== b.v ? a.v > b.v : a.i < b.i;
          const top = new TopK(k, better);
          for (const item of items) {
            top.push(item);
          }
          const sorted = [...items].sort((a, b) => (better(a, b) ? -1 : 1)).slice(0, k);
          expect(top.sorted()).toEqual(sorted);
          expect(top.size).toBe(Math.min(k, items.length));
        },
      ),
    );
  });

  it('k = 0 keeps nothing; a negative or fractional k is refused', () => {
    const top = new TopK<number>(0, (a, b) => a > b);
    top.push(1);
    expect(top.sorted()).toEqual([]);
    expect(top.wouldKeep(5)).toBe(false);
    expect(() => new TopK<number>(-1, (a, b) => a > b)).toThrow(RangeError);
    expect(() => new TopK<number>(1.5, (a, b) => a > b)).toThrow(RangeError);
  });

  it('peekWorst is the weakest item kept', () => {
    const top = new TopK<number>(3, (a, b) => a > b);
    for (const v of [5, 1, 9, 7, 3]) {
      top.push(v);
    }
    expect(top.peekWorst()).toBe(5);
    expect(top.sorted()).toEqual([9, 7, 5]);
  });
});
