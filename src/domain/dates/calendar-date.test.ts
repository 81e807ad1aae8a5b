import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDateInTimeZone,
  compareCalendarDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isCalendarDate,
  isLeapYear,
  isValidTimeZone,
  maxCalendarDate,
  minCalendarDate,
  parseCalendarDate,
  toDayNumber,
} from './calendar-date.js';

describe('isCalendarDate / parseCalendarDate', () => {
  it.each([
    ['2025-01-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-01', false],
    ['20250101', false],
    ['2025-01-01T00:00:00Z', false],
    [' 2025-01-01', false],
    ['', false],
  ])('%s → %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
    if (!valid) {
      expect(() => parseCalendarDate(text)).toThrow(RangeError);
    }
  });

  it('leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2026-03-31', 20543],
    ['0000-03-01', -719468],
  ])('%s is day %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('round-trips every day over four centuries', () => {
    const failures: string[] = [];
    let previous = '1899-12-31';
    for (let n = toDayNumber(previous) + 1; n < toDayNumber('2300-01-01'); n++) {
      const date = fromDayNumber(n);
      if (toDayNumber(date) !== n || !isCalendarDate(date) || date <= previous) {
        failures.push(`${n} → ${date}`);
      }
      previous = date;
    }
    expect(failures).toEqual([]);
  });

  it('agrees with the UTC calendar of the JavaScript Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
      }),
    );
  });
});

describe('daysBetween / addDays / compare', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-01-02', 1],
    ['2025-01-02', '2025-01-01', -1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-03-29', '2025-03-31', 2], // across a DST change in Europe: still whole days
  ])('daysBetween(%s, %s) = %i', (a, b, d) => {
    expect(daysBetween(a, b)).toBe(d);
    expect(addDays(a, d)).toBe(b);
  });

  it('addDays across year ends and leap days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('compare, min and max', () => {
    expect(compareCalendarDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareCalendarDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareCalendarDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(minCalendarDate('2025-05-01', '2025-04-30')).toBe('2025-04-30');
    expect(maxCalendarDate('2025-05-01', '2025-04-30')).toBe('2025-05-01');
    expect(() => compareCalendarDates('2025-02-30', '2025-01-01')).toThrow(RangeError);
  });

  it('properties: addDays and daysBetween are inverse; compare matches string order', () => {
    const date = fc.integer({ min: -100000, max: 100000 }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(date, date, (a, b) => {
        const byString = a < b ? -1 : a > b ? 1 : 0;
        expect(compareCalendarDates(a, b)).toBe(byString);
      }),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 1, '2025-02-15'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-10', -1, '2024-12-10'],
    ['2025-05-31', -15, '2024-02-29'],
    ['2025-05-20', 0, '2025-05-20'],
    ['2025-05-20', 120, '2035-05-20'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects fractional months', () => {
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
  });

  it('properties: the day is kept or clamped to the month end, and months add up when not clamped', () => {
    const date = fc.integer({ min: 0, max: 50000 }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (d, m) => {
        const result = parseCalendarDate(addMonths(d, m));
        const start = parseCalendarDate(d);
        expect((result.year - start.year) * 12 + (result.month - start.month)).toBe(m);
        expect(result.day).toBe(Math.min(start.day, daysInMonth(result.year, result.month)));
      }),
    );
  });
});

describe('calendarDateInTimeZone', () => {
  it.each([
    ['2026-03-31T17:00:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['2026-03-31T15:59:59Z', 'Asia/Shanghai', '2026-03-31'],
    ['2026-03-31T16:00:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['2026-03-31T17:00:00Z', 'UTC', '2026-03-31'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T05:00:00Z', 'America/New_York', '2026-01-01'],
    ['2026-07-01T03:59:00Z', 'America/New_York', '2026-06-30'], // EDT, UTC-4
    ['2026-07-01T04:00:00Z', 'America/New_York', '2026-07-01'],
    ['2026-03-29T00:30:00+01:00', 'Europe/Paris', '2026-03-29'],
    ['2024-02-28T23:00:00Z', 'Asia/Riyadh', '2024-02-29'],
    ['2026-04-01T00:00:00.000+08:00', 'Asia/Shanghai', '2026-04-01'],
    ['2026-03-31T23:30:00-10:00', 'Pacific/Kiritimati', '2026-04-01'], // UTC+14
    ['2026-04-01T10:00:00Z', 'Pacific/Kiritimati', '2026-04-02'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(calendarDateInTimeZone(instant, zone)).toBe(expected);
  });

  it.each([['2026-03-31'], ['2026-03-31T17:00:00'], ['yesterday'], ['2026-02-30T00:00:00Z'], ['']])(
    'rejects %j (not an instant with an offset)',
    (instant) => {
      expect(() => calendarDateInTimeZone(instant, 'UTC')).toThrow(RangeError);
    },
  );

  it('rejects unknown time zones', () => {
    expect(() => calendarDateInTimeZone('2026-03-31T17:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
  });
});
