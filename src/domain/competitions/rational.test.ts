import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  compare,
  div,
  equals,
  fromInteger,
  max,
  min,
  mul,
  neg,
  parseDecimal,
  parseRational,
  rational,
  roundTo,
  roundToInteger,
  sub,
  sum,
  toDecimalString,
  toFixed,
  toNumber,
  toStorageString,
} from './rational.js';

const q = (text: string) => {
  const r = parseRational(text);
  if (!r) {
    throw new Error(`bad test value ${text}`);
  }
  return r;
};

describe('parseDecimal', () => {
  it.each([
    ['1.25', 5n, 4n],
    ['-0.5', -1n, 2n],
    ['3', 3n, 1n],
    ['0', 0n, 1n],
    ['-0', 0n, 1n],
    ['+2.', 2n, 1n],
    ['.5', 1n, 2n],
    [' 16.50 ', 33n, 2n],
    ['0.1', 1n, 10n],
    ['100.00', 100n, 1n],
    ['123456789012345678901234567890.000001', 123456789012345678901234567890000001n, 1000000n],
  ])('%s → %s/%s', (text, num, den) => {
    expect(parseDecimal(text)).toEqual({ num, den });
  });

  it.each(['', '1,5', '1.2.3', 'abc', '1e3', '--1', '.', '7/9', 'NaN', 'Infinity', '1 000'])(
    'rejects %j',
    (text) => {
      expect(parseDecimal(text)).toBeNull();
    },
  );
});

describe('parseRational', () => {
  it.each([
    ['7/9', 7n, 9n],
    ['-35/36', -35n, 36n],
    ['14/6', 7n, 3n],
    ['0.75', 3n, 4n],
  ])('%s → %s/%s', (text, num, den) => {
    expect(parseRational(text)).toEqual({ num, den });
  });

  it.each(['1/0', '1/-2', '1.5/2', '/3'])('rejects %j', (text) => {
    expect(parseRational(text)).toBeNull();
  });
});

describe('arithmetic', () => {
  it.each([
    ['add', '0.1', '0.2', '0.3'],
    ['add', '1/3', '1/6', '0.5'],
    ['add', '-1.25', '1.25', '0'],
    ['sub', '5', '5.25', '-0.25'],
    ['sub', '1', '1/3', '2/3'],
    ['mul', '1.25', '7/9', '35/36'],
    ['mul', '-0.5', '-0.5', '0.25'],
    ['div', '1', '3', '1/3'],
    ['div', '0.75', '-0.25', '-3'],
  ])('%s(%s, %s) = %s', (op, a, b, expected) => {
    const fn = { add, sub, mul, div }[op as 'add'];
    expect(toStorageString(fn(q(a), q(b)))).toBe(expected);
  });

  it('division by zero is a programming error', () => {
    expect(() => div(q('1'), q('0'))).toThrow(RangeError);
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it('normalises sign and lowest terms', () => {
    expect(rational(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(equals(q('0.50'), q('1/2'))).toBe(true);
  });

  it.each([
    ['1/3', '0.3333', 1],
    ['0.3333', '1/3', -1],
    ['-1', '-1.0', 0],
    ['-2', '1', -1],
  ])('compare(%s, %s) = %i', (a, b, expected) => {
    expect(compare(q(a), q(b))).toBe(expected);
  });

  it('min, max, abs, neg, sum', () => {
    expect(toStorageString(min(q('1/3'), q('0.3')))).toBe('0.3');
    expect(toStorageString(max(q('1/3'), q('0.3')))).toBe('1/3');
    expect(toStorageString(abs(q('-2.5')))).toBe('2.5');
    expect(toStorageString(neg(q('2.5')))).toBe('-2.5');
    expect(toStorageString(sum([]))).toBe('0');
    expect(toStorageString(sum(['0.1', '0.1', '0.1', '1/3'].map(q)))).toBe('19/30');
  });

  it('fromInteger rejects non-integers', () => {
    expect(fromInteger(-7)).toEqual({ num: -7n, den: 1n });
    expect(() => fromInteger(1.5)).toThrow(RangeError);
  });
});

describe('rounding and formatting', () => {
  it.each([
    ['7/9', 2, '0.78'],
    ['35/36', 2, '0.97'],
    ['0.125', 2, '0.13'],
    ['-0.125', 2, '-0.13'],
    ['0.124999', 2, '0.12'],
    ['1', 2, '1.00'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['-0.004', 2, '0.00'],
    ['679.77', 0, '680'],
    ['1/3', 5, '0.33333'],
  ])('toFixed(%s, %i) = %s', (value, digits, expected) => {
    expect(toFixed(q(value), digits)).toBe(expected);
  });

  it.each([
    ['2.5', 3n],
    ['2.4999', 2n],
    ['-2.5', -3n],
    ['-2.4', -2n],
    ['743.19', 743n],
    ['0', 0n],
  ])('roundToInteger(%s) = %s', (value, expected) => {
    expect(roundToInteger(q(value))).toBe(expected);
  });

  it('roundTo keeps a rational with 2 decimals', () => {
    expect(toStorageString(roundTo(q('35/36'), 2))).toBe('0.97');
  });

  it.each([
    ['16.5', 2, '16.50'],
    ['4.125', 2, '4.125'],
    ['-0.5', 0, '-0.5'],
    ['3', 0, '3'],
    ['1/8', 0, '0.125'],
  ])('toDecimalString(%s, %i) = %s', (value, minDecimals, expected) => {
    expect(toDecimalString(q(value), minDecimals)).toBe(expected);
  });

  it('non-terminating values have no decimal string but a stable storage form', () => {
    expect(toDecimalString(q('7/9'))).toBeNull();
    expect(toStorageString(q('7/9'))).toBe('7/9');
    expect(toStorageString(q('14/18'))).toBe('7/9');
    expect(toStorageString(q('1.50'))).toBe('1.5');
    expect(parseRational(toStorageString(q('-35/36')))).toEqual(q('-35/36'));
  });

  it('toNumber', () => {
    expect(toNumber(q('1.25'))).toBe(1.25);
    expect(toNumber(q('-7/9'))).toBeCloseTo(-0.7777777, 6);
    expect(toNumber(q('123456789.5'))).toBe(123456789.5);
    // a denominator far beyond the double range still converts
    expect(toNumber(rational(10n ** 400n + 1n, 3n * 10n ** 400n))).toBeCloseTo(1 / 3, 12);
    expect(toNumber(rational(-(2n * 10n ** 400n), 10n ** 400n + 7n))).toBeCloseTo(-2, 12);
  });
});
