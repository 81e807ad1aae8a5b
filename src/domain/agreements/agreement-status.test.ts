import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDateInTimeZone,
  daysBetween,
  fromDayNumber,
} from '../dates/calendar-date.js';
import {
  type AgreementStatusInput,
  type AgreementStatusResult,
  type DerivedAgreementStatus,
  deriveAgreementStatus,
  rolledEndDate,
} from './agreement-status.js';

function signed(overrides: Partial<AgreementStatusInput> = {}): AgreementStatusInput {
  return {
    stage: 'signed',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    autoRenewal: false,
    renewalMonths: null,
    terminatedOn: null,
    expiringWindowDays: 90,
    ...overrides,
  };
}

type Row = [string, Partial<AgreementStatusInput>, string, AgreementStatusResult];

describe('deriveAgreementStatus: fixed end date, 90-day window (ends 2026-12-31)', () => {
  // 2026-12-31 minus 90 days is 2026-10-02.
  const rows: Row[] = [
    [
      'long before the window',
      {},
      '2025-06-01',
      { status: 'active', effectiveEndsOn: '2026-12-31', daysToEnd: 578 },
    ],
    [
      'day before the window (91 days left)',
      {},
      '2026-10-01',
      { status: 'active', effectiveEndsOn: '2026-12-31', daysToEnd: 91 },
    ],
    [
      'first day of the window (90 days left)',
      {},
      '2026-10-02',
      { status: 'expiring', effectiveEndsOn: '2026-12-31', daysToEnd: 90 },
    ],
    [
      'inside the window',
      {},
      '2026-10-03',
      { status: 'expiring', effectiveEndsOn: '2026-12-31', daysToEnd: 89 },
    ],
    [
      'day before the end',
      {},
      '2026-12-30',
      { status: 'expiring', effectiveEndsOn: '2026-12-31', daysToEnd: 1 },
    ],
    [
      'the end day is in force',
      {},
      '2026-12-31',
      { status: 'expiring', effectiveEndsOn: '2026-12-31', daysToEnd: 0 },
    ],
    [
      'day after the end',
      {},
      '2027-01-01',
      { status: 'expired', effectiveEndsOn: '2026-12-31', daysToEnd: -1 },
    ],
    [
      'long after the end',
      {},
      '2030-01-01',
      { status: 'expired', effectiveEndsOn: '2026-12-31', daysToEnd: -1097 },
    ],
    [
      'window of 1 day: two days left',
      { expiringWindowDays: 1 },
      '2026-12-29',
      { status: 'active', effectiveEndsOn: '2026-12-31', daysToEnd: 2 },
    ],
    [
      'window of 1 day: one day left',
      { expiringWindowDays: 1 },
      '2026-12-30',
      { status: 'expiring', effectiveEndsOn: '2026-12-31', daysToEnd: 1 },
    ],
    [
      'leap year: end on 29 February, window 30 (first window day)',
      { endsOn: '2028-02-29', expiringWindowDays: 30 },
      '2028-01-30',
      { status: 'expiring', effectiveEndsOn: '2028-02-29', daysToEnd: 30 },
    ],
    [
      'leap year: end on 29 February, window 30 (day before window)',
      { endsOn: '2028-02-29', expiringWindowDays: 30 },
      '2028-01-29',
      { status: 'active', effectiveEndsOn: '2028-02-29', daysToEnd: 31 },
    ],
    [
      'leap year: the day after 29 February',
      { endsOn: '2028-02-29' },
      '2028-03-01',
      { status: 'expired', effectiveEndsOn: '2028-02-29', daysToEnd: -1 },
    ],
    [
      'the window counts the leap day: 2028-01-31 to 2028-03-01 is 30 days',
      { endsOn: '2028-03-01', expiringWindowDays: 30 },
      '2028-01-31',
      { status: 'expiring', effectiveEndsOn: '2028-03-01', daysToEnd: 30 },
    ],
    [
      'the window counts the leap day: 2028-01-30 is still active',
      { endsOn: '2028-03-01', expiringWindowDays: 30 },
      '2028-01-30',
      { status: 'active', effectiveEndsOn: '2028-03-01', daysToEnd: 31 },
    ],
    [
      'start in the future: a signed commitment is active',
      { startsOn: '2027-01-01', endsOn: '2029-12-31' },
      '2026-06-01',
      { status: 'active', effectiveEndsOn: '2029-12-31', daysToEnd: 1309 },
    ],
    [
      'no end date: open-ended and active',
      { endsOn: null },
      '2040-01-01',
      { status: 'active', effectiveEndsOn: null, daysToEnd: null },
    ],
    [
      'no start and no end date',
      { startsOn: null, endsOn: null },
      '2026-01-01',
      { status: 'active', effectiveEndsOn: null, daysToEnd: null },
    ],
  ];
  it.each(rows)('%s', (_label, overrides, today, expected) => {
    expect(deriveAgreementStatus(signed(overrides), today)).toEqual(expected);
  });
});

describe('deriveAgreementStatus: stages before signature', () => {
  const rows: Row[] = [
    [
      'draft',
      { stage: 'draft' },
      '2026-01-01',
      { status: 'draft', effectiveEndsOn: '2026-12-31', daysToEnd: null },
    ],
    [
      'draft whose planned end has passed stays draft',
      { stage: 'draft' },
      '2030-01-01',
      { status: 'draft', effectiveEndsOn: '2026-12-31', daysToEnd: null },
    ],
    [
      'negotiating',
      { stage: 'negotiating', endsOn: null },
      '2026-01-01',
      { status: 'negotiating', effectiveEndsOn: null, daysToEnd: null },
    ],
    [
      'negotiating with a future termination stays negotiating',
      { stage: 'negotiating', terminatedOn: '2026-02-01' },
      '2026-01-01',
      { status: 'negotiating', effectiveEndsOn: '2026-12-31', daysToEnd: null },
    ],
    [
      'draft abandoned (terminated in the past)',
      { stage: 'draft', terminatedOn: '2025-12-01' },
      '2026-01-01',
      { status: 'terminated', effectiveEndsOn: '2025-12-01', daysToEnd: null },
    ],
  ];
  it.each(rows)('%s', (_label, overrides, today, expected) => {
    expect(deriveAgreementStatus(signed(overrides), today)).toEqual(expected);
  });
});

describe('deriveAgreementStatus: termination', () => {
  const rows: Row[] = [
    [
      'terminated in the past',
      { terminatedOn: '2025-03-01' },
      '2025-06-01',
      { status: 'terminated', effectiveEndsOn: '2025-03-01', daysToEnd: null },
    ],
    [
      'on the termination day it is terminated',
      { terminatedOn: '2025-06-01' },
      '2025-06-01',
      { status: 'terminated', effectiveEndsOn: '2025-06-01', daysToEnd: null },
    ],
    [
      'the day before a termination: expiring, termination acts as the end',
      { terminatedOn: '2025-06-02' },
      '2025-06-01',
      { status: 'expiring', effectiveEndsOn: '2025-06-02', daysToEnd: 1 },
    ],
    [
      'termination far in the future, beyond the window: active with that end',
      { terminatedOn: '2026-01-01' },
      '2025-06-01',
      { status: 'active', effectiveEndsOn: '2026-01-01', daysToEnd: 214 },
    ],
    [
      'termination scheduled after the end date: the end date still applies',
      { terminatedOn: '2027-06-30' },
      '2026-12-31',
      { status: 'expiring', effectiveEndsOn: '2026-12-31', daysToEnd: 0 },
    ],
    [
      'expired, then a late termination date passes: terminated',
      { terminatedOn: '2027-06-30' },
      '2027-07-01',
      { status: 'terminated', effectiveEndsOn: '2027-06-30', daysToEnd: null },
    ],
    [
      'open-ended with a future termination counts down to it',
      { endsOn: null, terminatedOn: '2026-03-01' },
      '2026-01-01',
      { status: 'expiring', effectiveEndsOn: '2026-03-01', daysToEnd: 59 },
    ],
    [
      'auto-renewing with a future termination inside the current term',
      { endsOn: '2025-12-31', autoRenewal: true, renewalMonths: 12, terminatedOn: '2026-05-01' },
      '2026-02-01',
      { status: 'expiring', effectiveEndsOn: '2026-05-01', daysToEnd: 89 },
    ],
    [
      'auto-renewing, termination in the past',
      { endsOn: '2025-12-31', autoRenewal: true, renewalMonths: 12, terminatedOn: '2026-05-01' },
      '2026-05-01',
      { status: 'terminated', effectiveEndsOn: '2026-05-01', daysToEnd: null },
    ],
  ];
  it.each(rows)('%s', (_label, overrides, today, expected) => {
    expect(deriveAgreementStatus(signed(overrides), today)).toEqual(expected);
  });
});

describe('deriveAgreementStatus: auto-renewal', () => {
  const renewing = (
    endsOn: string,
    renewalMonths: number,
    expiringWindowDays = 90,
  ): Partial<AgreementStatusInput> => ({
    endsOn,
    autoRenewal: true,
    renewalMonths,
    expiringWindowDays,
  });
  const rows: Row[] = [
    [
      'before the first end: as a fixed-term agreement',
      renewing('2025-12-31', 12),
      '2025-01-01',
      { status: 'active', effectiveEndsOn: '2025-12-31', daysToEnd: 364 },
    ],
    [
      'on the end day: not yet renewed, expiring with 0 days',
      renewing('2025-12-31', 12),
      '2025-12-31',
      { status: 'expiring', effectiveEndsOn: '2025-12-31', daysToEnd: 0 },
    ],
    [
      'the day after the end: renewed for 12 months',
      renewing('2025-12-31', 12),
      '2026-01-01',
      { status: 'active', effectiveEndsOn: '2026-12-31', daysToEnd: 364 },
    ],
    [
      'years later: rolled forward several times',
      renewing('2020-06-30', 24),
      '2025-07-01',
      { status: 'active', effectiveEndsOn: '2026-06-30', daysToEnd: 364 },
    ],
    [
      'month-end renewal: 31 January + 1 month clamps to 28 February',
      renewing('2025-01-31', 1, 7),
      '2025-02-01',
      { status: 'active', effectiveEndsOn: '2025-02-28', daysToEnd: 27 },
    ],
    [
      'month-end renewal does not drift: next term ends 31 March',
      renewing('2025-01-31', 1, 7),
      '2025-03-01',
      { status: 'active', effectiveEndsOn: '2025-03-31', daysToEnd: 30 },
    ],
    [
      'month-end renewal in a leap year: 29 February',
      renewing('2024-01-31', 1, 7),
      '2024-02-25',
      { status: 'expiring', effectiveEndsOn: '2024-02-29', daysToEnd: 4 },
    ],
    [
      'leap-day end renewing yearly: 28 February in common years',
      renewing('2024-02-29', 12, 30),
      '2025-02-01',
      { status: 'expiring', effectiveEndsOn: '2025-02-28', daysToEnd: 27 },
    ],
    [
      'leap-day end renewing yearly: back to 29 February four years on',
      renewing('2024-02-29', 12, 30),
      '2028-02-29',
      { status: 'expiring', effectiveEndsOn: '2028-02-29', daysToEnd: 0 },
    ],
    [
      'renewal period that crosses the window boundary',
      renewing('2025-12-31', 3, 90),
      '2026-01-01',
      { status: 'expiring', effectiveEndsOn: '2026-03-31', daysToEnd: 89 },
    ],
    [
      'autoRenewal without renewalMonths is treated as fixed-term',
      { endsOn: '2025-12-31', autoRenewal: true, renewalMonths: null },
      '2026-01-01',
      { status: 'expired', effectiveEndsOn: '2025-12-31', daysToEnd: -1 },
    ],
    [
      'renewalMonths without autoRenewal does nothing',
      { endsOn: '2025-12-31', autoRenewal: false, renewalMonths: 12 },
      '2026-01-01',
      { status: 'expired', effectiveEndsOn: '2025-12-31', daysToEnd: -1 },
    ],
  ];
  it.each(rows)('%s', (_label, overrides, today, expected) => {
    expect(deriveAgreementStatus(signed(overrides), today)).toEqual(expected);
  });

  it('rolledEndDate rejects a non-positive period', () => {
    expect(() => rolledEndDate('2025-01-01', 0, '2026-01-01')).toThrow(RangeError);
  });
});

describe('deriveAgreementStatus: "today" in the organization time zone', () => {
  const agreement = signed({ endsOn: '2026-03-31', expiringWindowDays: 30 });
  it.each([
    ['2026-03-31T15:59:59Z', 'Asia/Shanghai', 'expiring', 0],
    ['2026-03-31T17:00:00Z', 'Asia/Shanghai', 'expired', -1],
    ['2026-03-31T17:00:00Z', 'UTC', 'expiring', 0],
    ['2026-04-01T03:00:00Z', 'America/Los_Angeles', 'expiring', 0],
    ['2026-04-01T08:00:00Z', 'America/Los_Angeles', 'expired', -1],
  ])('at %s in %s the agreement is %s', (instant, zone, status, daysToEnd) => {
    const today = calendarDateInTimeZone(instant, zone);
    expect(deriveAgreementStatus(agreement, today)).toMatchObject({ status, daysToEnd });
  });
});

describe('deriveAgreementStatus: properties', () => {
  const dayNumber = fc.integer({ min: 10000, max: 30000 }); // 1997 .. 2052
  const date = dayNumber.map(fromDayNumber);
  const window = fc.integer({ min: 1, max: 730 });
  const ORDER: DerivedAgreementStatus[] = ['active', 'expiring', 'expired'];

  it('a signed fixed-term agreement only moves forward: active → expiring → expired', () => {
    fc.assert(
      fc.property(date, window, fc.integer({ min: -800, max: 800 }), (endsOn, w, offset) => {
        const agreement = signed({ endsOn, expiringWindowDays: w });
        const start = addDays(endsOn, offset - 400);
        let rank = 0;
        for (let d = 0; d < 800; d += 7) {
          const { status } = deriveAgreementStatus(agreement, addDays(start, d));
          const r = ORDER.indexOf(status);
          expect(r).toBeGreaterThanOrEqual(rank);
          rank = r;
        }
      }),
    );
  });

  it('status is expired exactly after the end, expiring exactly within the window', () => {
    fc.assert(
      fc.property(date, date, window, (endsOn, today, w) => {
        const result = deriveAgreementStatus(signed({ endsOn, expiringWindowDays: w }), today);
        const left = daysBetween(today, endsOn);
        expect(result.daysToEnd).toBe(left);
        expect(result.status).toBe(left < 0 ? 'expired' : left <= w ? 'expiring' : 'active');
      }),
    );
  });

  it('an auto-renewing agreement never expires and its end is never behind today', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 1, max: 120 }), window, (endsOn, today, months, w) => {
        const result = deriveAgreementStatus(
          signed({ endsOn, autoRenewal: true, renewalMonths: months, expiringWindowDays: w }),
          today,
        );
        expect(result.status).not.toBe('expired');
        expect(['active', 'expiring']).toContain(result.status);
        expect(result.daysToEnd).not.toBeNull();
        expect(result.daysToEnd as number).toBeGreaterThanOrEqual(0);
        if (endsOn >= today) {
          expect(result.effectiveEndsOn).toBe(endsOn);
        } else {
          // rolled to the first renewal on or after today, so less than one renewal period away
          expect(result.daysToEnd as number).toBeLessThanOrEqual(months * 31);
        }
      }),
    );
  });

  it('rolledEndDate is the smallest renewal on or after today', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 1, max: 36 }), (endsOn, today, months) => {
        const rolled = rolledEndDate(endsOn, months, today);
        expect(rolled >= today || rolled === endsOn).toBe(true);
        if (rolled !== endsOn) {
          // brute force: walk renewals from the original end date
          let k = 0;
          let candidate = endsOn;
          while (candidate < today) {
            k += 1;
            candidate = addMonths(endsOn, k * months);
          }
          expect(rolled).toBe(candidate);
        }
      }),
    );
  });

  it('a termination that has taken effect always wins', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AgreementStatusInput['stage']>('draft', 'negotiating', 'signed'),
        date,
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (stage, terminatedOn, after, autoRenewal) => {
          const result = deriveAgreementStatus(
            signed({ stage, terminatedOn, autoRenewal, renewalMonths: 12 }),
            addDays(terminatedOn, after),
          );
          expect(result).toEqual({ status: 'terminated', effectiveEndsOn: terminatedOn, daysToEnd: null });
        },
      ),
    );
  });

  it('a pending termination never makes the effective end later', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 1, max: 1000 }), (endsOn, today, ahead) => {
        const terminatedOn = addDays(today, ahead);
        const withTermination = deriveAgreementStatus(signed({ endsOn, terminatedOn }), today);
        const without = deriveAgreementStatus(signed({ endsOn }), today);
        expect((withTermination.effectiveEndsOn as string) <= (without.effectiveEndsOn as string)).toBe(true);
      }),
    );
  });
});
