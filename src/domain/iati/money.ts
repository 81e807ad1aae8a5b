import { currencyExponent, minorToDecimal } from '../projects/money.js';

/**
 * IATI values are xsd:decimal text ("412500.00", "-636281.27"); the platform keeps integer minor
 * units of the currency. Both directions work on the digits, never through floating point.
 */

/** Minor units → the IATI decimal with the currency's exponent: (41250000, 'CNY') → "412500.00". */
export function minorToIatiDecimal(valueMinor: number, currency: string): string {
  return minorToDecimal(valueMinor, currency);
}

export type IatiDecimalParse =
  | { ok: true; valueMinor: number; rounded: boolean }
  | { ok: false; reason: 'not_a_decimal' | 'out_of_range' };

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * An xsd:decimal ("1234.5", "+.5", "-636281.27", "10.000") → integer minor units of the currency.
 * Extra decimal zeros are fine ("10.500" EUR is exact). Digits beyond the currency's exponent that
 * are not zero are rounded half away from zero and reported with `rounded: true`, so an importer can
 * warn. Values beyond Number.MAX_SAFE_INTEGER minor units are `out_of_range`.
 */
export function iatiDecimalToMinor(text: string, currency: string): IatiDecimalParse {
  const m = DECIMAL_RE.exec(text.trim());
  const whole = m?.[2] ?? '';
  const fraction = m?.[3] ?? '';
  if (!m || (whole === '' && fraction === '')) {
    return { ok: false, reason: 'not_a_decimal' };
  }
  const exp = currencyExponent(currency);
  const kept = fraction.slice(0, exp).padEnd(exp, '0');
  const dropped = fraction.slice(exp);
  const rounded = /[1-9]/.test(dropped);
  const roundUp = dropped !== '' && (dropped[0] ?? '0') >= '5';
  const digits = `${whole.replace(/^0+(?=\d)/, '') || '0'}${kept}`;
  let value = BigInt(digits);
  if (roundUp) {
    value += 1n;
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: 'out_of_range' };
  }
  const n = Number(value);
  return { ok: true, valueMinor: m[1] === '-' && n !== 0 ? -n : n, rounded };
}

/**
 * A percentage or other plain decimal attribute for the XML: no exponent notation, no trailing
 * zeros (33.33 → "33.33", 100 → "100", 0.5 → "0.5").
 */
export function formatIatiDecimal(value: number): string {
  if (Number.isInteger(value)) {
    return value.toFixed(0);
  }
  return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

export type IatiPercentageParse =
  | { ok: true; value: number; rounded: boolean }
  | { ok: false; reason: 'not_a_decimal' | 'out_of_range' };

/**
 * A percentage attribute → a number with at most two decimals (how the platform stores them, as
 * hundredths). More decimals are rounded and reported; values outside 0-100 are `out_of_range`.
 */
export function parseIatiPercentage(text: string): IatiPercentageParse {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) {
    return { ok: false, reason: 'not_a_decimal' };
  }
  const parsed = iatiDecimalToMinor(text, 'EUR');
  if (!parsed.ok) {
    return { ok: false, reason: 'out_of_range' };
  }
  const value = parsed.valueMinor / 100;
  if (value < 0 || value > 100) {
    return { ok: false, reason: 'out_of_range' };
  }
  return { ok: true, value, rounded: parsed.rounded };
}
