/**
 * Calendar dates ('YYYY-MM-DD', proleptic Gregorian) as whole day numbers.
 *
 * A calendar date is not an instant: "the agreement ends on 2026-03-31" means the whole of that day
 * wherever the college is. Turning such a date into a JavaScript `Date` invites time-zone bugs (midnight
 * UTC is the previous evening in Americas), so every helper here works on integer day numbers
 * (days since 1970-01-01) with the civil-calendar algorithms of Howard Hinnant
 * (https://howardhinnant.github.io/date_algorithms.html). Only `calendarDateInTimeZone` touches an
 * instant, to answer "which date is it now in this organization's time zone?".
 *
 * Pure: no clock, no I/O. Years 0000-9999 are accepted.
 */

/** A string in the form 'YYYY-MM-DD'. Kept as a plain string alias so it travels through JSON and SQL. */
export type CalendarDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) {
    return 29;
  }
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) {
    throw new RangeError(`month out of range: ${month}`);
  }
  return days;
}

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

/** Splits a valid date into its parts, or returns null when the text is not a real calendar date. */
export function tryParseCalendarDate(text: string): CalendarParts | null {
  const m = DATE_RE.exec(text);
  if (!m) {
    return null;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

/** True for a real calendar date in the form 'YYYY-MM-DD' (so '2025-02-29' is false). */
export function isCalendarDate(text: string): boolean {
  return tryParseCalendarDate(text) !== null;
}

/** Parts of a valid date; throws RangeError on anything else. */
export function parseCalendarDate(text: string): CalendarParts {
  const parts = tryParseCalendarDate(text);
  if (!parts) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  }
  return parts;
}

/** Days since 1970-01-01 for the given civil date (Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date for a day number (Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: number): CalendarParts {
  if (!Number.isInteger(dayNumber)) {
    throw new RangeError(`day number must be an integer: ${dayNumber}`);
  }
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatCalendarDate(parts: CalendarParts): CalendarDate {
  if (parts.year < 0 || parts.year > 9999) {
    throw new RangeError(`year out of range 0000-9999: ${parts.year}`);
  }
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** Days since 1970-01-01 (negative before). Throws on an invalid date. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = parseCalendarDate(date);
  return dayNumberFromParts(year, month, day);
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  return formatCalendarDate(partsFromDayNumber(dayNumber));
}

/** Whole days from `from` to `to`: positive when `to` is later; daysBetween(d, d) = 0. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) {
    throw new RangeError(`days must be an integer: ${days}`);
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds whole months, clamping to the end of a shorter month:
 * 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29, 2024-02-29 + 12 months = 2025-02-28.
 * Negative `months` go back in time with the same clamping.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months)) {
    throw new RangeError(`months must be an integer: ${months}`);
  }
  const { year, month, day } = parseCalendarDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return formatCalendarDate({ year: newYear, month: newMonth, day: newDay });
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** -1, 0 or 1, for sorting. Validates both dates. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function minCalendarDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareCalendarDates(a, b) <= 0 ? a : b;
}

export function maxCalendarDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareCalendarDates(a, b) >= 0 ? a : b;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown time zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA time zone name (e.g. 'Asia/Shanghai'). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of an instant in a time zone: "today" for an organization.
 * calendarDateInTimeZone('2026-03-31T17:00:00Z', 'Asia/Shanghai') === '2026-04-01'.
 * The instant must be an ISO-8601 date-time with an offset or 'Z' (a bare local time would depend on
 * the machine's zone); throws RangeError otherwise or for an unknown time zone.
 */
export function calendarDateInTimeZone(instantIso: string, timeZone: string): CalendarDate {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(instantIso)) {
    throw new RangeError(`not an ISO-8601 instant with offset: ${JSON.stringify(instantIso)}`);
  }
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms) || !isCalendarDate(instantIso.slice(0, 10))) {
    throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(instantIso)}`);
  }
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  if (get('era') === 'BC' || get('era') === 'B') {
    throw new RangeError(`instant before year 1: ${instantIso}`);
  }
  return formatCalendarDate({
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
  });
}
