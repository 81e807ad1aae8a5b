import { describe, expect, it } from 'vitest';
import { type TProjectInput, ZProjectInput } from '../../contracts/projects.js';
import { DAC_SECTOR_CODES, EDUCATION_SECTORS, isDacSectorCode } from './dac-sectors.js';
import {
  effectiveBudgetTotals,
  percentageIssues,
  projectInputIssues,
  projectInYear,
  spendingAgainstBudget,
} from './project-rules.js';

function project(overrides: Partial<TProjectInput> = {}): TProjectInput {
  return ZProjectInput.parse({
    code: 'P-1',
    type: 'teacher_training',
    title: { en: 'Teacher training' },
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    ...overrides,
  });
}

const messages = (input: TProjectInput) =>
  projectInputIssues(input).map((i) => `${i.path.join('.')}:${i.message}`);

describe('percentageIssues (IATI: shares total 100)', () => {
  it.each([
    [[], []],
    [[null, null], []],
    [[100], []],
    [[40, 30, 30], []],
    [[33.33, 33.33, 33.33], []],
    [[33.33, 33.33, 33.34], []],
    [[33.33, 33.33, 33.32], ['countries:percentages_must_total_100']],
    [[50, 49.98], ['countries:percentages_must_total_100']],
    [[60, 60], ['countries:percentages_must_total_100']],
    [[99], ['countries:percentages_must_total_100']],
    [[100, null], ['countries.1.percentage:percentage_required']],
  ])('%j → %j', (percentages, expected) => {
    const issues = percentageIssues(
      percentages.map((percentage) => ({ percentage })),
      'countries',
    );
    expect(issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(expected);
  });
});

describe('projectInputIssues', () => {
  it('accepts a complete, consistent project', () => {
    expect(
      messages(
        project({
          participants: [
            { partnerId: null, role: '1' },
            { partnerId: 'p1', role: '4' },
          ],
          countries: [
            { country: 'KE', percentage: 40 },
            { country: 'TZ', percentage: 30 },
            { country: 'UG', percentage: 30 },
          ],
          sectors: [
            { vocabulary: '1', code: '11130', percentage: 70 },
            { vocabulary: '1', code: '11330', percentage: 30 },
          ],
          budgets: [
            {
              type: '1',
              status: '2',
              periodStart: '2026-01-01',
              periodEnd: '2026-12-31',
              valueMinor: 100,
              currency: 'CNY',
              valueDate: null,
            },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it.each<[string, Partial<TProjectInput>, string[]]>([
    ['planned end before start', { plannedEnd: '2025-12-31' }, ['plannedEnd:end_before_start']],
    [
      'actual end before start',
      { actualStart: '2026-03-01', actualEnd: '2026-02-28' },
      ['actualEnd:end_before_start'],
    ],
    ['same-day period is fine', { plannedEnd: '2026-01-01' }, []],
    ['no start at all', { plannedStart: null }, ['plannedStart:start_date_required']],
    ['actual start alone is enough', { plannedStart: null, actualStart: '2026-02-01' }, []],
    ['actual end without actual start', { actualEnd: '2026-05-01' }, ['actualStart:start_date_required']],
    [
      'duplicate country',
      {
        countries: [
          { country: 'KE', percentage: null },
          { country: 'KE', percentage: null },
        ],
      },
      ['countries.1.country:duplicate'],
    ],
    [
      'country shares not totalling 100',
      {
        countries: [
          { country: 'KE', percentage: 40 },
          { country: 'TZ', percentage: 40 },
        ],
      },
      ['countries:percentages_must_total_100'],
    ],
    [
      'unknown sector code',
      { sectors: [{ vocabulary: '1', code: '11111', percentage: null }] },
      ['sectors.0.code:unknown_sector'],
    ],
    [
      'withdrawn sector code',
      { sectors: [{ vocabulary: '1', code: '23010', percentage: null }] },
      ['sectors.0.code:unknown_sector'],
    ],
    [
      'sector shares not totalling 100',
      {
        sectors: [
          { vocabulary: '1', code: '11330', percentage: 50 },
          { vocabulary: '1', code: '11430', percentage: 10 },
        ],
      },
      ['sectors:percentages_must_total_100'],
    ],
    [
      'same participant twice in one role',
      {
        participants: [
          { partnerId: null, role: '1' },
          { partnerId: null, role: '1' },
        ],
      },
      ['participants.1.partnerId:duplicate'],
    ],
    [
      'budget period reversed',
      {
        budgets: [
          {
            type: '1',
            status: '1',
            periodStart: '2026-06-01',
            periodEnd: '2026-05-31',
            valueMinor: 1,
            currency: 'CNY',
            valueDate: null,
          },
        ],
      },
      ['budgets.0.periodEnd:end_before_start'],
    ],
    [
      'budget period over a year',
      {
        budgets: [
          {
            type: '1',
            status: '1',
            periodStart: '2026-01-01',
            periodEnd: '2027-01-02',
            valueMinor: 1,
            currency: 'CNY',
            valueDate: null,
          },
        ],
      },
      ['budgets.0.periodEnd:budget_period_over_one_year'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(messages(project(overrides))).toEqual(expected);
  });
});

describe('budgets and spending', () => {
  const b = (type: '1' | '2', periodStart: string, valueMinor: number, currency = 'CNY') => ({
    type,
    periodStart,
    periodEnd: periodStart.replace(/-01-01$/, '-12-31'),
    valueMinor,
    currency,
  });

  it('lets a revised budget replace the original of the same period', () => {
    expect(
      effectiveBudgetTotals([
        b('1', '2026-01-01', 1000),
        b('2', '2026-01-01', 1200),
        b('1', '2027-01-01', 500),
      ]),
    ).toEqual([{ currency: 'CNY', valueMinor: 1700 }]);
  });

  it('counts disbursements and expenditures against the budget per currency', () => {
    const lines = spendingAgainstBudget(
      [b('1', '2026-01-01', 10000), b('1', '2026-01-01', 5000, 'USD')],
      [
        { type: '4', valueMinor: 2500, currency: 'CNY' },
        { type: '3', valueMinor: 500, currency: 'CNY' },
        { type: '1', valueMinor: 99999, currency: 'CNY' },
        { type: '4', valueMinor: 100, currency: 'EUR' },
      ],
    );
    expect(lines).toEqual([
      { currency: 'CNY', budgetMinor: 10000, spentMinor: 3000, remainingMinor: 7000, spentPercent: 30 },
      { currency: 'EUR', budgetMinor: 0, spentMinor: 100, remainingMinor: -100, spentPercent: null },
      { currency: 'USD', budgetMinor: 5000, spentMinor: 0, remainingMinor: 5000, spentPercent: 0 },
    ]);
  });
});

describe('projectInYear (planned or actual period overlaps the year)', () => {
  const p = (
    plannedStart: string | null,
    plannedEnd: string | null,
    actualStart = null as string | null,
    actualEnd = null as string | null,
  ) => ({
    plannedStart,
    plannedEnd,
    actualStart,
    actualEnd,
  });
  it.each([
    [p('2026-03-01', '2026-06-30'), 2026, true],
    [p('2026-03-01', '2026-06-30'), 2025, false],
    [p('2025-09-01', '2027-06-30'), 2026, true],
    [p('2025-12-31', '2025-12-31'), 2025, true],
    [p('2025-12-31', '2025-12-31'), 2026, false],
    [p('2024-01-01', null), 2030, true],
    [p('2024-01-01', null), 2023, false],
    [p(null, null), 2026, false],
    [p('2024-01-01', '2024-12-31', '2025-02-01', '2026-01-15'), 2026, true],
    [p('2024-01-01', '2024-12-31', '2025-02-01', '2025-12-31'), 2026, false],
  ])('%j in %i → %s', (periods, year, expected) => {
    expect(projectInYear(periods, year)).toBe(expected);
  });
});

describe('DAC sector codelist', () => {
  it('ships the education codes with names and the rest of the codelist as codes', () => {
    expect(EDUCATION_SECTORS.map((s) => s.code)).toEqual(
      expect.arrayContaining(['11110', '11130', '11330', '11430']),
    );
    expect(EDUCATION_SECTORS.every((s) => s.code.startsWith(s.category))).toBe(true);
    expect(DAC_SECTOR_CODES.size).toBeGreaterThan(280);
    expect([...DAC_SECTOR_CODES].every((c) => /^\d{5}$/.test(c))).toBe(true);
    expect(isDacSectorCode('12220')).toBe(true);
    expect(isDacSectorCode('99810')).toBe(true);
    expect(isDacSectorCode('11000')).toBe(false);
  });
});
