import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortGain, gainBand, matchPrePost, normalizedGain } from './learning-gain.js';

describe('normalizedGain (§4: g = (post − pre)/(100 − pre))', () => {
  it.each([
    [40, 70, 100, 0.5],
    [20, 60, 100, 0.5],
    [50, 60, 100, 0.2],
    [0, 100, 100, 1],
    [80, 70, 100, -0.5],
    [60, 60, 100, 0],
    [99, 100, 100, 1],
    // raw scores out of 20 ("use max in place of 100")
    [8, 14, 20, 0.5],
  ])('pre %d, post %d (max %d) → %d', (pre, post, max, g) => {
    const r = normalizedGain(pre, post, max);
    expect(r.reason).toBeNull();
    expect(r.g).toBeCloseTo(g, 12);
  });

  it.each([
    [100, 100],
    [100, 90],
  ])('pre = 100 %% (post %d): undefined, reason pre_at_maximum', (pre, post) => {
    expect(normalizedGain(pre, post)).toEqual({ g: null, reason: 'pre_at_maximum' });
  });

  it.each([
    [-1, 50, 100],
    [50, 101, 100],
    [21, 10, 20],
    [Number.NaN, 10, 100],
    [10, 20, 0],
  ])('out of range: pre %d post %d max %d', (pre, post, max) => {
    expect(normalizedGain(pre, post, max)).toEqual({ g: null, reason: 'score_out_of_range' });
  });

  it('property: g ≤ 1, and its sign follows post − pre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 100 }), (pre, post) => {
        const { g } = normalizedGain(pre, post);
        return g !== null && g <= 1 && Math.sign(g) === Math.sign(post - pre);
      }),
    );
  });
});

describe('gainBand (Hake: low < 0.3 ≤ medium < 0.7 ≤ high)', () => {
  it.each([
    [-0.4, 'low'],
    [0, 'low'],
    [0.2999, 'low'],
    [0.3, 'medium'],
    [0.5, 'medium'],
    [0.6999, 'medium'],
    [0.7, 'high'],
    [1, 'high'],
  ] as const)('%d → %s', (g, band) => {
    expect(gainBand(g)).toBe(band);
  });
});

describe('matchPrePost', () => {
  it('pairs by participant, lists pre-only (drop-outs), post-only and duplicates', () => {
    const m = matchPrePost(
      [
        { participantId: 'p3', score: 50 },
        { participantId: 'p1', score: 20 },
        { participantId: 'p2', score: 40 },
        { participantId: 'p5', score: 10 },
        { participantId: 'p5', score: 15 },
      ],
      [
        { participantId: 'p1', score: 60 },
        { participantId: 'p3', score: 60 },
        { participantId: 'p4', score: 90 },
        { participantId: 'p5', score: 30 },
      ],
    );
    expect(m.pairs).toEqual([
      { participantId: 'p1', pre: 20, post: 60 },
      { participantId: 'p3', pre: 50, post: 60 },
    ]);
    expect(m.preOnly).toEqual(['p2']);
    expect(m.postOnly).toEqual(['p4']);
    expect(m.duplicates).toEqual(['p5']);
  });
});

describe('cohortGain: class gain ⟨g⟩ and mean individual gain g_avg, named apart', () => {
  it('worked example where they differ: ⟨g⟩ = 25/65, g_avg = 0.35', () => {
    // pre mean (20 + 50)/2 = 35, post mean 60 → ⟨g⟩ = (60 − 35)/(100 − 35) = 25/65 ≈ 0.385 (medium)
    // g₁ = 40/80 = 0.5, g₂ = 10/50 = 0.2 → g_avg = 0.35 (medium)
    const r = cohortGain([
      { participantId: 'a', pre: 20, post: 60 },
      { participantId: 'b', pre: 50, post: 60 },
    ]);
    expect(r.classGain).toBeCloseTo(25 / 65, 12);
    expect(r.meanIndividualGain).toBeCloseTo(0.35, 12);
    expect(r).toMatchObject({ n: 2, nIndividual: 2, preMean: 35, postMean: 60, classGainBand: 'medium' });
    expect(r.participants.map((p) => p.band)).toEqual(['medium', 'low']);
  });

  it('pre = 100 %: kept in the class averages, left out of g_avg and counted', () => {
    // averages: pre (40 + 100)/2 = 70, post (70 + 100)/2 = 85 → ⟨g⟩ = 15/30 = 0.5; g_avg from the first only = 0.5
    const r = cohortGain([
      { participantId: 'a', pre: 40, post: 70 },
      { participantId: 'b', pre: 100, post: 100 },
    ]);
    expect(r.classGain).toBeCloseTo(0.5, 12);
    expect(r.meanIndividualGain).toBeCloseTo(0.5, 12);
    expect(r).toMatchObject({ n: 2, nIndividual: 1, preAtMaximum: 1 });
    expect(r.participants[1]).toMatchObject({ g: null, reason: 'pre_at_maximum', band: null });
  });

  it('everyone at 100 % on the pre-test: neither gain is defined', () => {
    const r = cohortGain([
      { participantId: 'a', pre: 100, post: 100 },
      { participantId: 'b', pre: 100, post: 95 },
    ]);
    expect(r).toMatchObject({
      classGain: null,
      classGainBand: null,
      meanIndividualGain: null,
      nIndividual: 0,
      preAtMaximum: 2,
    });
  });

  it('no pairs; scores out of range are left out of everything', () => {
    expect(cohortGain([])).toMatchObject({ n: 0, classGain: null, meanIndividualGain: null, preMean: null });
    const r = cohortGain([
      { participantId: 'a', pre: 40, post: 70 },
      { participantId: 'b', pre: 40, post: 170 },
    ]);
    expect(r).toMatchObject({ n: 1, outOfRange: 1, nIndividual: 1, preMean: 40 });
  });

  it('raw scores with a max', () => {
    expect(cohortGain([{ participantId: 'a', pre: 8, post: 14 }], 20).classGain).toBeCloseTo(0.5, 12);
  });

  it('property: ⟨g⟩ equals g_avg when every participant has the same pre-score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 20 }),
        (pre, posts) => {
          const r = cohortGain(posts.map((post, i) => ({ participantId: String(i), pre, post })));
          return (
            r.classGain !== null &&
            r.meanIndividualGain !== null &&
            Math.abs(r.classGain - r.meanIndividualGain) < 1e-9
          );
        },
      ),
    );
  });
});
