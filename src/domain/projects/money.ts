/**
 * Money as integer minor units of an ISO 4217 currency. The exponent (digits after the decimal
 * point) comes from ISO 4217: 0 for JPY, KRW and a few others, 3 for BHD, IQD, JOD, KWD, LYD, OMR
 * and TND, 4 for the accounting units CLF and UYW, 2 for everything else.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * Minor units as a plain decimal string with the currency's exponent: (123456, 'CNY') → "1234.56",
 * (-5, 'KWD') → "-0.005", (1500, 'JPY') → "1500". Exact (no floating point).
 */
export function minorToDecimal(valueMinor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = valueMinor < 0;
  const digits = Math.abs(Math.trunc(valueMinor)).toString();
  if (exp === 0) {
    return `${negative ? '-' : ''}${digits}`;
  }
  const padded = digits.padStart(exp + 1, '0');
  const whole = padded.slice(0, -exp);
  const fraction = padded.slice(-exp);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * Parses a decimal amount typed by a person into minor units: "1,234.5" CNY → 123450. Returns
 * null when the text is not a number or has more decimals than the currency allows.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) {
    return null;
  }
  const [, sign, whole = '0', fraction = ''] = m;
  if (fraction.length > exp) {
    return null;
  }
  const value = Number(whole + fraction.padEnd(exp, '0'));
  if (!Number.isSafeInteger(value)) {
    return null;
  }
  return sign && value !== 0 ? -value : value;
}

/** Localized display ("¥1,234.56", "1 234,56 €") with the currency's own number of decimals. */
export function formatMinor(valueMinor: number, currency: string, locale = 'en'): string {
  const exp = currencyExponent(currency);
  const major = Number(minorToDecimal(valueMinor, currency));
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    }).format(major);
  } catch {
    return `${minorToDecimal(valueMinor, currency)} ${currency}`;
  }
}

/** Sums amounts per currency (never across currencies), currencies in alphabetical order. */
export function totalsByCurrency(
  items: readonly { valueMinor: number; currency: string }[],
): { currency: string; valueMinor: number }[] {
  const sums = new Map<string, number>();
  for (const item of items) {
    sums.set(item.currency, (sums.get(item.currency) ?? 0) + item.valueMinor);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, valueMinor]) => ({ currency, valueMinor }));
}
