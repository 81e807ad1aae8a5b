import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignMedals, type MedalSettings, medalLevelsAvailable, rankEntrants } from './ranking.js';
import { parseDecimal, ZERO } from './rational.js';
import { DEFAULT_RULE_SETTINGS } from './settings.js';
import type { Medal, SkillFlags } from './skill.js';

const official: Pick<SkillFlags, 'type' | 'generateResultsAndMedals'> = {
  type: 'official',
  generateResultsAndMedals: true,
};
const medalSettings: MedalSettings = DEFAULT_RULE_SETTINGS;

function entrants(points: number[]) {
  return points.map((p, i) => ({
    entrantId: `e${i + 1}`,
    points: p,
    rawTotal: ZERO,
    name: `Entrant ${i + 1}`,
  }));
}

function medals(
  points: number[],
  tieTolerance = 0,
  settings = medalSettings,
  skill = official,
): (Medal | null)[] {
  return assignMedals(rankEntrants(entrants(points), tieTolerance), settings, skill);
}

const G = 'GOLD';
const S = 'SILVER';
const B = 'BRONZE';
const M = 'MEDALLION_FOR_EXCELLENCE';

describe('rankEntrants (§6.6)', () => {
  it.each<[string, number[], number, number[]]>([
    ['distinct', [743, 736, 735, 710], 0, [1, 2, 3, 4]],
    ['1-1-3', [743, 743, 735], 0, [1, 1, 3]],
    ['ties further down', [750, 740, 730, 730, 720], 0, [1, 2, 3, 3, 5]],
    ['tolerance 2 groups against the first (no chaining)', [739, 737, 736, 735], 2, [1, 1, 3, 3]],
    ['tolerance 1: 736 and 735 tie', [743, 736, 735], 1, [1, 2, 2]],
    ['tolerance 1 chain 710-709-708 splits at the first', [710, 709, 708, 707], 1, [1, 1, 3, 3]],
    ['input order does not matter', [700, 760, 730], 0, [1, 2, 3]],
  ])('%s', (_name, points, tolerance, positions) => {
    expect(rankEntrants(entrants(points), tolerance).map((r) => r.position)).toEqual(positions);
  });

  it('display order inside a tie: raw total, then name, then id; positions stay tied', () => {
    const q = (t: string) => parseDecimal(t) ?? ZERO;
    const ranked = rankEntrants(
      [
        { entrantId: 'x', points: 720, rawTotal: q('80.10'), name: 'Zoë' },
        { entrantId: 'y', points: 720, rawTotal: q('80.30'), name: 'Yann' },
        { entrantId: 'z', points: 720, rawTotal: q('80.10'), name: 'anna' },
        { entrantId: 'w', points: 720, rawTotal: q('80.10'), name: 'Anna' },
      ],
      0,
    );
    expect(ranked.map((r) => r.entrantId)).toEqual(['y', 'w', 'z', 'x']);
    expect(ranked.map((r) => r.position)).toEqual([1, 1, 1, 1]);
  });
});

describe('rankEntrants properties', () => {
  it('raising one entrant’s points never lowers its position, whatever the tolerance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 600, max: 800 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 5 }),
        (points, pick, raise, tolerance) => {
          const index = pick % points.length;
          const positionOf = (p: number[]) =>
            rankEntrants(entrants(p), tolerance).find((r) => r.entrantId === `e${index + 1}`)?.position ??
            Number.NaN;
          const raised = points.map((p, i) => (i === index ? p + raise : p));
          expect(positionOf(raised)).toBeLessThanOrEqual(positionOf(points));
        },
      ),
    );
  });

  it('positions do not depend on input order', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 690, max: 710 }), { minLength: 1, maxLength: 12 })
          .chain((p) =>
            fc.tuple(fc.constant(entrants(p)), fc.shuffledSubarray(entrants(p), { minLength: p.length })),
          ),
        fc.integer({ min: 0, max: 3 }),
        ([list, shuffled], tolerance) => {
          expect(rankEntrants(shuffled, tolerance)).toEqual(rankEntrants(list, tolerance));
        },
      ),
    );
  });
});

describe('assignMedals: levels model (§8.3)', () => {
  it.each<[string, number[], number, (Medal | null)[]]>([
    [
      'WSC2019 Stonemasonry (data set B)',
      [743, 736, 735, 710, 705, 700, 698, 691, 680, 676, 658],
      0,
      [G, S, B, M, M, M, null, null, null, null, null],
    ],
    ['WSC2017 Refrigeration: 739/737 tie at tolerance 2 → G G B', [739, 737, 730, 720], 2, [G, G, B, M]],
    ['two golds skip silver, bronze kept', [750, 750, 740, 735], 0, [G, G, B, M]],
    ['three golds: no silver, bronze still awarded', [750, 750, 750, 740, 739], 0, [G, G, G, B, M]],
    [
      'one gold + two silvers → bronze kept (WSC2019 Graphic Design)',
      [750, 740, 740, 730, 720],
      0,
      [G, S, S, B, M],
    ],
    [
      'gold + three silvers → no bronze (WSC2013, default setting 3)',
      [750, 740, 740, 740, 730],
      0,
      [G, S, S, S, M],
    ],
    ['tied bronzes', [750, 740, 730, 730, 720], 0, [G, S, B, B, M]],
    [
      'Medallion is inclusive at 700, medallists do not get it',
      [720, 710, 705, 700, 699],
      0,
      [G, S, B, M, null],
    ],
    ['small field below 700', [690, 680, 670, 660], 0, [G, S, B, null]],
    ['one entrant', [700], 0, [G]],
    ['no entrants', [], 0, []],
  ])('%s', (_name, points, tolerance, expected) => {
    expect(medals(points, tolerance)).toEqual(expected);
  });

  it('noBronzeFromSilverCount 0 always awards bronze after silver', () => {
    expect(medals([750, 740, 740, 740, 730], 0, { ...medalSettings, noBronzeFromSilverCount: 0 })).toEqual([
      G,
      S,
      S,
      S,
      B,
    ]);
  });

  it('the Medallion threshold is a setting', () => {
    expect(medals([760, 750, 740, 730, 690], 0, { ...medalSettings, medallionThreshold: 690 })).toEqual([
      G,
      S,
      B,
      M,
      M,
    ]);
  });

  it.each<[number, (Medal | null)[]]>([
    [6, [G, S, B, M, M, M]],
    [5, [G, S, M, M, M]],
    [4, [G, M, M, M]],
  ])('minEntrantsForAllMedals 6 with %i entrants', (n, expected) => {
    const points = [760, 750, 740, 730, 720, 710].slice(0, n);
    expect(medals(points, 0, { ...medalSettings, minEntrantsForAllMedals: 6 })).toEqual(expected);
  });

  it.each<[string, Pick<SkillFlags, 'type' | 'generateResultsAndMedals'>]>([
    ['exhibition skill', { type: 'exhibition', generateResultsAndMedals: true }],
    ['presentation skill', { type: 'presentation', generateResultsAndMedals: true }],
    ['host member skill', { type: 'host_member', generateResultsAndMedals: true }],
    ['medals switched off', { type: 'official', generateResultsAndMedals: false }],
  ])('no medals at all for a %s', (_name, skill) => {
    expect(medals([750, 740, 730, 720], 0, medalSettings, skill)).toEqual([null, null, null, null]);
  });

  it('demonstration skills get medals', () => {
    expect(
      medals([750, 740], 0, medalSettings, { type: 'demonstration', generateResultsAndMedals: true }),
    ).toEqual([G, S]);
  });
});

describe('medalLevelsAvailable (§2.2 national example)', () => {
  it.each<[number, number, number]>([
    [3, 0, 3],
    [1, 0, 3],
    [6, 6, 3],
    [10, 6, 3],
    [5, 6, 2],
    [4, 6, 1],
    [1, 6, 1],
  ])('%i entrants, minimum %i → %i levels', (n, min, levels) => {
    expect(medalLevelsAvailable(n, min)).toBe(levels);
  });
});
