import { describe, expect, it } from 'vitest';
import { cohortGain } from './learning-gain.js';
import { alphaRange, pooledApplication, pooledGain, pooledNps, pooledRoi } from './programme-rollup.js';
import { netPromoterScore } from './survey-stats.js';

describe('pooled NPS', () => {
  it('scores the added-up answer counts once, as if all answers were one survey', () => {
    // Survey A: 10, 9, 3; survey B: 8, 7, 6, 10.
    const a = [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1];
    const b = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1];
    const pooled = pooledNps([a, b]);
    expect(pooled).toEqual(netPromoterScore([10, 9, 3, 8, 7, 6, 10]));
    // 3 promoters, 2 passives, 2 detractors over 7: (3 − 2) / 7 × 100.
    expect(pooled?.score).toBeCloseTo(100 / 7, 10);
  });

  it('is null without any answer', () => {
    expect(pooledNps([])).toBeNull();
    expect(pooledNps([Array.from({ length: 11 }, () => 0)])).toBeNull();
  });
});

describe('pooled Hake gain', () => {
  it('equals the class gain of all pairs taken together', () => {
    const one = [
      { participantId: 'a', pre: 0, post: 100 },
      { participantId: 'b', pre: 50, post: 50 },
    ];
    const two = [
      { participantId: 'c', pre: 40, post: 70 },
      { participantId: 'd', pre: 100, post: 100 },
      { participantId: 'e', pre: 20, post: 60 },
    ];
    const all = cohortGain([...one, ...two]);
    const pooled = pooledGain([cohortGain(one), cohortGain(two)]);
    expect(pooled?.n).toBe(5);
    expect(pooled?.preMean).toBeCloseTo(all.preMean as number, 10);
    expect(pooled?.postMean).toBeCloseTo(all.postMean as number, 10);
    expect(pooled?.classGain).toBeCloseTo(all.classGain as number, 10);
    expect(pooled?.classGainBand).toBe(all.classGainBand);
    expect(pooled?.meanIndividualGain).toBeCloseTo(all.meanIndividualGain as number, 10);
    expect(pooled?.nIndividual).toBe(4);
    expect(pooled?.cohorts).toBe(2);
  });

  it('has no class gain when every pooled pre-test is at the maximum', () => {
    const pooled = pooledGain([
      { n: 2, preMean: 100, postMean: 100, meanIndividualGain: null, nIndividual: 0 },
    ]);
    expect(pooled).toMatchObject({ classGain: null, classGainBand: null, meanIndividualGain: null });
    expect(pooledGain([])).toBeNull();
  });
});

describe('pooled application rate and ROI', () => {
  it('adds up the L3 counts', () => {
    expect(
      pooledApplication([
        { invited: 4, responded: 2, applied: 1 },
        { invited: 6, responded: 6, applied: 5 },
      ]),
    ).toEqual({ invited: 10, responded: 8, applied: 6, applicationRate: 75, responseRate: 80 });
    expect(pooledApplication([])).toBeNull();
  });

  it('counts each project cost once, and refuses mixed currencies', () => {
    const costs = new Map([['p1', { amountMinor: 100_000, currency: 'CNY' }]]);
    const r = pooledRoi(
      [
        { amountMinor: 90_000, currency: 'CNY' },
        { amountMinor: 60_000, currency: 'CNY' },
      ],
      costs,
    );
    expect(r).toMatchObject({ ok: true, benefitCostRatio: 1.5, roiPercent: 50 });
    const mixed = pooledRoi(
      [{ amountMinor: 1, currency: 'CNY' }],
      new Map([['p2', { amountMinor: 5, currency: 'EUR' }]]),
    );
    expect(mixed).toMatchObject({ ok: false, code: 'mixed_currencies' });
    expect(pooledRoi([], costs)).toBeNull();
  });
});

describe('alpha range', () => {
  it('gives the spread and the count of acceptable scales, never a pooled alpha', () => {
    expect(alphaRange([0.91, null, 0.62, 0.7])).toEqual({
      scales: 4,
      computed: 3,
      min: 0.62,
      max: 0.91,
      acceptable: 2,
      threshold: 0.7,
    });
    expect(alphaRange([])).toBeNull();
  });
});
