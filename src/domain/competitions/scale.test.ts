import { describe, expect, it } from 'vitest';
import { parseDecimal } from './rational.js';
import { median, worldSkillsScaleOfDecimals } from './scale.js';
import { DEFAULT_RULE_SETTINGS } from './settings.js';

const MEDIAN_MAD = DEFAULT_RULE_SETTINGS.scale;
const points = (totals: string[]) =>
  worldSkillsScaleOfDecimals(totals, MEDIAN_MAD).values.map((v) => v.points);

/** worldskills.md §8.1 data set A (Indonesian LKS, CIS export as reproduced in fzrilsh/lks-judge): raw → points. */
const DATA_SET_A: [string, number][] = [
  ['61.42', 854],
  ['54.33', 834],
  ['39.58', 791],
  ['37.75', 786],
  ['35.50', 779],
  ['28.75', 760],
  ['28.42', 759],
  ['28.40', 759],
  ['19.00', 732],
  ['16.92', 726],
  ['13.50', 716],
  ['13.05', 715],
  ['12.80', 714],
  ['12.25', 712],
  ['9.50', 704],
  ['8.75', 702],
  ['7.25', 698],
  ['6.00', 694],
  ['6.00', 694],
  ['4.25', 689],
  ['3.25', 686],
  ['2.75', 685],
  ['2.00', 683],
  ['1.50', 681],
  ['1.40', 681],
  ['1.25', 680],
  ['0.75', 679],
  ['0.50', 678],
  ['0.50', 678],
  ['0.50', 678],
  ['0.25', 678],
  ['0.00', 677],
];

describe('worldSkillsScale median/MAD (§8.1)', () => {
  it('reproduces the worked example (743/721/702/698/681/664)', () => {
    const result = worldSkillsScaleOfDecimals(
      ['88.90', '80.35', '73.10', '71.40', '64.75', '58.20'],
      MEDIAN_MAD,
    );
    expect(result.values.map((v) => v.points)).toEqual([743, 721, 702, 698, 681, 664]);
    expect(result.values.map((v) => v.calculated)).toEqual([
      '743.19',
      '721.01',
      '702.21',
      '697.79',
      '680.54',
      '663.55',
    ]);
    expect(result.rawCentre).toBe('72.25');
    expect(result.rawSpread).toBe('7.8');
    expect(result.spreadMeasure).toBe('mad');
    expect(result.degenerate).toBe(false);
    expect(result.values[0]?.unrounded).toBeCloseTo(743.19, 2);
  });

  it('reproduces the odd vector (653, 665, 700, 705, 720)', () => {
    expect(points(['32', '41', '69', '73', '85'])).toEqual([653, 665, 700, 705, 720]);
  });

  it('reproduces all 32 rows of data set A (median 8.0, MAD 7.0)', () => {
    const result = worldSkillsScaleOfDecimals(
      DATA_SET_A.map(([raw]) => raw),
      MEDIAN_MAD,
    );
    expect(result.rawCentre).toBe('8');
    expect(result.rawSpread).toBe('7');
    expect(result.values.map((v) => v.points)).toEqual(DATA_SET_A.map(([, p]) => p));
  });

  it('does not depend on input order', () => {
    const shuffled = [...DATA_SET_A].reverse();
    expect(points(shuffled.map(([raw]) => raw))).toEqual(shuffled.map(([, p]) => p));
  });

  it('rounds an exact half away from zero (700 + 0.5 → 701)', () => {
    // med 10, MAD 10 → 30/(1.4826·10) points per mark; x chosen so WSS is exactly 700.5:
    // 30·(x − 10)/14.826 = 0.5 → x = 10.2471
    const result = worldSkillsScaleOfDecimals(['0', '10', '20', '10.2471'], MEDIAN_MAD);
    const x = result.values[3];
    expect(x?.calculated).toBe('700.50');
    expect(x?.points).toBe(701);
  });

  it.each<[string, string[]]>([
    ['no entrants', []],
    ['one entrant', ['55']],
    ['all equal', ['70', '70']],
  ])('degenerate field (%s) puts everyone at the centre', (_name, totals) => {
    const result = worldSkillsScaleOfDecimals(totals, MEDIAN_MAD);
    expect(result.degenerate).toBe(true);
    expect(result.spreadMeasure).toBeNull();
    expect(result.values.every((v) => v.points === 700 && v.calculated === '700.00')).toBe(true);
    expect(result.values).toHaveLength(totals.length);
  });

  it('MAD 0 with differing totals falls back to the mean absolute deviation (order kept)', () => {
    // med 50, MAD 0, mean AD = (0+0+0+40+40)/5 = 16 → s = 1.253314 × 16 = 20.053; 90 → 700 + 30·40/20.053
    const result = worldSkillsScaleOfDecimals(['50', '50', '50', '90', '10'], MEDIAN_MAD);
    expect(result.degenerate).toBe(false);
    expect(result.spreadMeasure).toBe('mean_ad');
    expect(result.rawSpread).toBe('16');
    expect(result.values.map((v) => v.points)).toEqual([700, 700, 700, 760, 640]);
    expect(result.values[3]?.calculated).toBe('759.84');
  });

  it('two entrants are enough (MAD = half the gap)', () => {
    // med 50, MAD 10 → ±30/1.4826 = ±20.235
    expect(points(['60', '40'])).toEqual([720, 680]);
  });

  it('uses the centre and constant from settings', () => {
    const result = worldSkillsScaleOfDecimals(['32', '41', '69', '73', '85'], {
      ...MEDIAN_MAD,
      centre: 500,
      pointsPerSpread: 20,
    });
    // 500 + 20·(−37)/23.7216 = 468.80
    expect(result.values.map((v) => v.points)).toEqual([469, 476, 500, 503, 513]);
  });
});

describe('worldSkillsScale mean/SD (§6.5 older reading)', () => {
  const settings = {
    method: 'mean_sd' as const,
    centre: 700,
    pointsPerSpread: 20,
    sd: 'population' as const,
  };

  it('centres on the mean with population SD', () => {
    // mean 50, population SD 10
    const result = worldSkillsScaleOfDecimals(['40', '60', '40', '60'], settings);
    expect(result.values.map((v) => v.points)).toEqual([680, 720, 680, 720]);
    expect(result.rawCentre).toBe('50');
    expect(result.rawSpread).toBe('10.000000');
  });

  it('sample SD divides by n − 1', () => {
    // mean 50, sample SD = sqrt(400/3) = 11.547
    const result = worldSkillsScaleOfDecimals(['40', '60', '40', '60'], { ...settings, sd: 'sample' });
    expect(result.values.map((v) => v.calculated)).toEqual(['682.68', '717.32', '682.68', '717.32']);
    expect(result.values.map((v) => v.points)).toEqual([683, 717, 683, 717]);
  });

  it('equal totals are degenerate', () => {
    expect(worldSkillsScaleOfDecimals(['5', '5', '5'], settings).degenerate).toBe(true);
  });
});

describe('median', () => {
  it.each<[string[], string]>([
    [['3', '1', '2'], '2'],
    [['4', '1', '3', '2'], '2.5'],
    [['7'], '7'],
  ])('median(%j) = %s', (values, expected) => {
    const m = median(values.map((v) => parseDecimal(v) ?? { num: 0n, den: 1n }));
    expect(m).toEqual(parseDecimal(expected));
  });

  it('throws on an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
