/**
 * Exact rational numbers on BigInt for competition marks (worldskills.md §1.7, §6.1: totals must be
 * exact; judgement marks produce thirds). A `Rational` is always normalised: the denominator is
 * positive and coprime with the numerator, so structurally equal values are equal numbers.
 *
 * Rounding happens only at the edges: `toFixed` for display and 2-decimal storage (CIS keeps
 * `decimal(19,2)`), `roundToInteger` for published scale points.
 */

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds num/den in lowest terms (den ≠ 0). Throws RangeError on a zero denominator: that is a programming error. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = typeof num === 'bigint' ? num : BigInt(num);
  let d = typeof den === 'bigint' ? den : BigInt(den);
  if (d === 0n) {
    throw new RangeError('rational: zero denominator');
  }
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

const DECIMAL_RE = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))$/;

/** Parses a plain decimal string ("1.25", "-0.5", "3", ".5", "+2.") exactly; null when it is not one. */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) {
    return null;
  }
  const [, sign, whole = '', fractionA, fractionB] = m;
  const fraction = fractionA ?? fractionB ?? '';
  const digits = BigInt((whole || '0') + fraction);
  const value = rational(sign === '-' ? -digits : digits, 10n ** BigInt(fraction.length));
  return value;
}

const FRACTION_RE = /^([+-]?\d+)\/(\d+)$/;

/** Parses either a decimal string or the storage fraction form "7/9" (see toStorageString); null when invalid. */
export function parseRational(text: string): Rational | null {
  const m = FRACTION_RE.exec(text.trim());
  if (m) {
    const den = BigInt(m[2] ?? '0');
    return den === 0n ? null : rational(BigInt(m[1] ?? '0'), den);
  }
  return parseDecimal(text);
}

/** An integer (a JS safe integer) as a rational. Throws RangeError on a non-integer: use parseDecimal for fractions. */
export function fromInteger(value: number): Rational {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`fromInteger: ${value} is not a safe integer`);
  }
  return { num: BigInt(value), den: 1n };
}

/** Exact a + b (§6.1: marks are summed exactly; no settings). */
export function add(a: Rational, b: Rational): Rational {
  return a.den === b.den
    ? rational(a.num + b.num, a.den)
    : rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** Exact a − b (§6.1; no settings). */
export function sub(a: Rational, b: Rational): Rational {
  return add(a, neg(b));
}

/** Exact a × b (§6.1; no settings). */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** a ÷ b. Throws RangeError when b is zero (callers check the divisor first). */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) {
    throw new RangeError('rational: division by zero');
  }
  return rational(a.num * b.den, a.den * b.num);
}

/** −a (§6.1; no settings). */
export function neg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** |a| (§6.1, e.g. the MAD of §8.1; no settings). */
export function abs(a: Rational): Rational {
  return a.num < 0n ? neg(a) : a;
}

/** −1, 0 or 1 like a comparator: compare(a, b) < 0 when a < b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Exact equality (normalised form, §6.1; no settings). */
export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** a = 0 (§6.1; no settings). */
export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** Sign of a: −1, 0 or 1 (§6.1; no settings). */
export function sign(a: Rational): -1 | 0 | 1 {
  return a.num < 0n ? -1 : a.num > 0n ? 1 : 0;
}

/** The smaller of a and b (§6.1; no settings). */
export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

/** The larger of a and b (§6.2 DEDUCT floors at 0; no settings). */
export function max(a: Rational, b: Rational): Rational {
  return compare(a, b) >= 0 ? a : b;
}

/** Exact sum of a list (0 for an empty list). */
export function sum(values: Iterable<Rational>): Rational {
  let total = ZERO;
  for (const v of values) {
    total = add(total, v);
  }
  return total;
}

/**
 * Rounds to an integer, halves away from zero (2.5 → 3, −2.5 → −3): the rule for published scale
 * points (worldskills.md §8.1 "round-to-nearest"; points are positive, so this is also half-up).
 */
export function roundToInteger(a: Rational): bigint {
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const q = (2n * n + a.den) / (2n * a.den);
  return negative ? -q : q;
}

/**
 * Fixed-point string with `digits` decimals, halves rounded away from zero ("half-up" in the
 * commercial sense): 7/9 → "0.78" (2), 0.125 → "0.13", −0.125 → "-0.13", 1 → "1.00".
 */
export function toFixed(a: Rational, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0) {
    throw new RangeError(`toFixed: invalid digits ${digits}`);
  }
  const scale = 10n ** BigInt(digits);
  const scaled = roundToInteger({ num: a.num * scale, den: a.den });
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The value rounded to `digits` decimals, still as a rational (CIS `decimal(19,2)` storage for digits = 2). */
export function roundTo(a: Rational, digits: number): Rational {
  const scale = 10n ** BigInt(digits);
  return rational(roundToInteger({ num: a.num * scale, den: a.den }), scale);
}

/** Nearest double (§8.1 unrounded display values). Exact for the small decimals of marks; use only for display or statistics. */
export function toNumber(a: Rational): number {
  const whole = a.num / a.den;
  let rest = a.num - whole * a.den;
  let den = a.den;
  // keep both parts inside the double range: drop low bits of huge denominators (63 bits of precision remain)
  const excess = den.toString(2).length - 64;
  if (excess > 0) {
    const shift = BigInt(excess);
    rest >>= shift;
    den >>= shift;
  }
  return Number(whole) + Number(rest) / Number(den);
}

/** Number of decimals of the exact decimal expansion, or null when it does not terminate (den has a prime other than 2, 5). */
function terminatingDigits(a: Rational): number | null {
  let d = a.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

/**
 * Exact decimal string when the value terminates ("1.25", "-0.5", "3"), padded to at least
 * `minDecimals` ("16.50" with 2); null for non-terminating values such as 7/9.
 */
export function toDecimalString(a: Rational, minDecimals = 0): string | null {
  const digits = terminatingDigits(a);
  if (digits === null) {
    return null;
  }
  return toFixed(a, Math.max(digits, minDecimals));
}

/**
 * Stable, exact storage form: the decimal string when it terminates ("0.75"), else "num/den"
 * ("7/9", "-35/36"). parseRational reads both back.
 */
export function toStorageString(a: Rational): string {
  return toDecimalString(a) ?? `${a.num}/${a.den}`;
}
