/** Locale-aware formatting with Intl; every date and number shown goes through here. */

const dateCache = new Map<string, Intl.DateTimeFormat>();
const numberCache = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateCache.set(key, f);
  }
  return f;
}

/** A calendar date `YYYY-MM-DD` shown as a date in the locale (no time-zone shift). */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) {
    return '';
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    return value;
  }
  return dateFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** An instant (ISO date-time) shown as date and time in the locale. */
export function formatDateTime(value: string | null | undefined, locale: string, timeZone?: string): string {
  if (!value) {
    return '';
  }
  const d = new Date(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime())) {
    return value;
  }
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  if (timeZone) {
    options.timeZone = timeZone;
  }
  return dateFormat(locale, options).format(d);
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberCache.set(key, f);
  }
  return f.format(value);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
/** File sizes with Intl unit formatting: 1.5 MB, 1,5 Mo (fr), etc. */
export function formatBytes(bytes: number, locale: string): string {
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const unit = UNITS[i] as string;
  return formatNumber(v, locale, {
    style: 'unit',
    unit,
    // Plain bytes read best spelled out and pluralized ("619 bytes", "619 octets"); larger units stay short.
    unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  });
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
