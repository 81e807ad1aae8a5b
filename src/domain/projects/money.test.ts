import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalToMinor, formatMinor, minorToDecimal, totalsByCurrency } from './money.js';

describe('currencyExponent (ISO 4217)', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['TND', 3],
    ['jpy', 0],
    ['XYZ', 2],
  ])('%s has %i decimals', (currency, exp) => {
    expect(currencyExponent(currency)).toBe(exp);
  });
});

describe('minorToDecimal', () => {
  it.each([
    [123456, 'CNY', '1234.56'],
    [5, 'CNY', '0.05'],
    [0, 'CNY', '0.00'],
    [-150, 'USD', '-1.50'],
    [1500, 'JPY', '1500'],
    [1, 'KWD', '0.001'],
    [-5, 'BHD', '-0.005'],
    [1234567, 'BHD', '1234.567'],
    [Number.MAX_SAFE_INTEGER, 'CNY', '90071992547409.91'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(minorToDecimal(minor, currency)).toBe(text);
  });
});

describe('decimalToMinor', () => {
  it.each([
    ['1234.56', 'CNY', 123456],
    ['1,234.5', 'CNY', 123450],
    ['1 000', 'CNY', 100000],
    ['0.05', 'USD', 5],
    ['-1.5', 'USD', -150],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['7.', 'CNY', 700],
    ['-0', 'CNY', 0],
  ])('"%s" %s → %i', (text, currency, minor) => {
    expect(decimalToMinor(text, currency)).toBe(minor);
  });

  it.each([
    ['1.234', 'CNY'],
    ['1.5', 'JPY'],
    ['abc', 'CNY'],
    ['', 'CNY'],
    ['1e5', 'CNY'],
    ['99999999999999999', 'CNY'],
  ])('refuses "%s" in %s', (text, currency) => {
    expect(decimalToMinor(text, currency)).toBeNull();
  });

  it('round-trips with minorToDecimal', () => {
    for (const [minor, currency] of [
      [987654321, 'CNY'],
      [-1, 'KWD'],
      [42, 'JPY'],
    ] as const) {
      expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
    }
  });
});

describe('formatMinor', () => {
  it.each([
    [123456, 'CNY', 'en', 'CN¥1,234.56'],
    [1500, 'JPY', 'en', '¥1,500'],
    [1234, 'KWD', 'en', 'KWD 1.234'],
    [100, 'USD', 'en', '$1.00'],
    [1500, 'BHD', 'en', 'BHD 1.500'],
    [250000, 'JPY', 'en', '¥250,000'],
  ])('%i %s in %s → %s', (minor, currency, locale, text) => {
    expect(formatMinor(minor, currency, locale).replace(/\u00a0/g, ' ')).toBe(text);
  });
});

describe('totalsByCurrency', () => {
  it('sums per currency, never across', () => {
    expect(
      totalsByCurrency([
        { currency: 'USD', valueMinor: 100 },
        { currency: 'CNY', valueMinor: 5 },
        { currency: 'USD', valueMinor: -30 },
      ]),
    ).toEqual([
      { currency: 'CNY', valueMinor: 5 },
      { currency: 'USD', valueMinor: 70 },
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });
});
