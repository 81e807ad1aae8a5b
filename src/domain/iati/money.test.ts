import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIatiDecimal, iatiDecimalToMinor, minorToIatiDecimal, parseIatiPercentage } from './money.js';

describe('iatiDecimalToMinor', () => {
  it.each([
    ['412500.00', 'CNY', 41_250_000],
    ['-636281.27', 'EUR', -63_628_127],
    ['21564', 'EUR', 2_156_400],
    ['0', 'EUR', 0],
    ['-0.00', 'EUR', 0],
    ['+.5', 'EUR', 50],
    ['10.500', 'EUR', 1050],
    ['1500', 'JPY', 1500],
    ['1500.000', 'JPY', 1500],
    ['0.001', 'KWD', 1],
    ['007.10', 'USD', 710],
  ])('%s %s is %i minor units exactly', (text, currency, minor) => {
    expect(iatiDecimalToMinor(text, currency)).toEqual({ ok: true, valueMinor: minor, rounded: false });
  });

  it.each([
    ['10.005', 'EUR', 1001],
    ['10.004', 'EUR', 1000],
    ['-10.005', 'EUR', -1001],
    ['1500.5', 'JPY', 1501],
    ['0.0004', 'KWD', 0],
  ])('rounds %s %s half away from zero to %i and says so', (text, currency, minor) => {
    expect(iatiDecimalToMinor(text, currency)).toEqual({ ok: true, valueMinor: minor, rounded: true });
  });

  it.each(['', '.', 'abc', '1e3', '1,000', '12.3.4', '- 5'])('refuses %j', (text) => {
    expect(iatiDecimalToMinor(text, 'EUR')).toEqual({ ok: false, reason: 'not_a_decimal' });
  });

  it('refuses amounts beyond safe integers instead of losing digits', () => {
    expect(iatiDecimalToMinor('90071992547409.92', 'EUR')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(iatiDecimalToMinor('90071992547409.91', 'EUR')).toEqual({
      ok: true,
      valueMinor: Number.MAX_SAFE_INTEGER,
      rounded: false,
    });
  });

  it('round-trips every safe amount through the IATI decimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'CNY', 'CLF'),
        (minor, currency) => {
          const text = minorToIatiDecimal(minor, currency);
          expect(text).toMatch(/^-?\d+(\.\d+)?$/);
          expect(iatiDecimalToMinor(text, currency)).toEqual({ ok: true, valueMinor: minor, rounded: false });
        },
      ),
    );
  });
});

describe('formatIatiDecimal', () => {
  it.each([
    [33.33, '33.33'],
    [100, '100'],
    [0.5, '0.5'],
    [0, '0'],
    [1e-7, '0'],
    [12.345678, '12.345678'],
  ])('%d → %s (never exponent notation)', (value, text) => {
    expect(formatIatiDecimal(value)).toBe(text);
  });
});

describe('parseIatiPercentage', () => {
  it('keeps two decimals exactly and rounds beyond', () => {
    expect(parseIatiPercentage('33.33')).toEqual({ ok: true, value: 33.33, rounded: false });
    expect(parseIatiPercentage(' 100 ')).toEqual({ ok: true, value: 100, rounded: false });
    expect(parseIatiPercentage('33.335')).toEqual({ ok: true, value: 33.34, rounded: true });
  });

  it('refuses what is not a percentage', () => {
    expect(parseIatiPercentage('half')).toEqual({ ok: false, reason: 'not_a_decimal' });
    expect(parseIatiPercentage('100.01')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseIatiPercentage('-1')).toEqual({ ok: false, reason: 'out_of_range' });
  });
});
