import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationRate, applicationRateFromFollowUps, phillipsRoi, responseRate } from './roi.js';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });

describe('phillipsRoi (§4 L5: BCR = benefits/costs, ROI % = net/costs × 100)', () => {
  it('worked example: benefits 240,000 vs costs 80,000 → BCR 3, ROI 200 %', () => {
    const r = phillipsRoi([cny(15_000_000), cny(9_000_000)], [cny(5_000_000), cny(3_000_000)]);
    expect(r).toEqual({
      ok: true,
      currency: 'CNY',
      benefitsMinor: 24_000_000,
      costsMinor: 8_000_000,
      netBenefitsMinor: 16_000_000,
      benefitCostRatio: 3,
      roiPercent: 200,
    });
  });

  it.each([
    [150, 100, 1.5, 50],
    [100, 100, 1, 0],
    [50, 100, 0.5, -50],
    [0, 100, 0, -100],
  ])('benefits %d, costs %d → BCR %d, ROI %d %%', (b, c, bcr, roi) => {
    const r = phillipsRoi(b === 0 ? [] : [cny(b)], [cny(c)]);
    expect(r).toMatchObject({ ok: true, benefitCostRatio: bcr, roiPercent: roi });
  });

  it.each([
    [
      'mixed currencies',
      [cny(100)],
      [{ amountMinor: 50, currency: 'USD' }],
      'mixed_currencies',
      { list: 'costs', index: 0 },
    ],
    [
      'lowercase currency',
      [{ amountMinor: 1, currency: 'cny' }],
      [cny(1)],
      'invalid_currency',
      { list: 'benefits', index: 0 },
    ],
    ['fractional minor units', [cny(1.5)], [cny(1)], 'invalid_amount', { list: 'benefits', index: 0 }],
    ['negative cost', [cny(1)], [cny(10), cny(-1)], 'negative_amount', { list: 'costs', index: 1 }],
    ['zero costs', [cny(100)], [cny(0)], 'no_costs', null],
    ['no costs at all', [cny(100)], [], 'no_costs', null],
    ['overflow', [cny(Number.MAX_SAFE_INTEGER), cny(1)], [cny(1)], 'amount_too_large', null],
  ])('%s → refused', (_label, benefits, costs, code, at) => {
    expect(phillipsRoi(benefits, costs)).toEqual({ ok: false, code, at });
  });

  it('property: ROI % = (BCR − 1) × 100', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (b, c) => {
        const r = phillipsRoi([cny(b)], [cny(c)]);
        return r.ok && Math.abs(r.roiPercent - (r.benefitCostRatio - 1) * 100) < 1e-6;
      }),
    );
  });
});

describe('L3 application rate and response rate (§4: applied/responded × 100, with response rate)', () => {
  it('worked example: 40 invited, 25 responded, 15 applied → 60 % applied, 62.5 % response', () => {
    expect(applicationRate({ invited: 40, responded: 25, applied: 15 })).toEqual({
      invited: 40,
      responded: 25,
      applied: 15,
      applicationRate: 60,
      responseRate: 62.5,
    });
  });

  it('nobody responded or invited → null rates', () => {
    expect(applicationRate({ invited: 10, responded: 0, applied: 0 })).toMatchObject({
      applicationRate: null,
      responseRate: 0,
    });
    expect(responseRate(0, 0)).toBeNull();
  });

  it('inconsistent counts throw', () => {
    expect(() => applicationRate({ invited: 10, responded: 5, applied: 6 })).toThrow(RangeError);
    expect(() => responseRate(11, 10)).toThrow(RangeError);
    expect(() => responseRate(-1, 10)).toThrow(RangeError);
    expect(() => responseRate(1.5, 10)).toThrow(RangeError);
  });

  it('from follow-up records: null = did not respond', () => {
    const r = applicationRateFromFollowUps([
      { applied: true },
      { applied: false },
      { applied: null },
      { applied: true },
    ]);
    expect(r).toMatchObject({ invited: 4, responded: 3, applied: 2, responseRate: 75 });
    expect(r.applicationRate).toBeCloseTo(200 / 3, 12);
  });
});
