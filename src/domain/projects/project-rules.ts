import {
  SPENDING_TRANSACTION_TYPES,
  type TBudgetInput,
  type TProjectInput,
  type TTransactionInput,
} from '../../contracts/projects.js';
import { addDays } from '../dates/calendar-date.js';
import { isDacSectorCode } from './dac-sectors.js';
import { totalsByCurrency } from './money.js';

export interface Issue {
  path: (string | number)[];
  message: string;
}

/** Percent (two decimals at most) to integer hundredths of a percent: 33.33 → 3333. */
export const toHundredths = (percentage: number): number => Math.round(percentage * 100);
export const fromHundredths = (hundredths: number): number => hundredths / 100;

/**
 * IATI: when percentages are given for recipient countries (or for the sectors of one
 * vocabulary), every entry has one and they total 100 (a rounding tolerance of 0.01 is allowed).
 * An empty list or a list without any percentage is fine.
 */
export function percentageIssues(shares: readonly { percentage: number | null }[], field: string): Issue[] {
  const given = shares.filter((s) => s.percentage !== null);
  if (given.length === 0) {
    return [];
  }
  const issues: Issue[] = [];
  shares.forEach((s, i) => {
    if (s.percentage === null) {
      issues.push({ path: [field, i, 'percentage'], message: 'percentage_required' });
    }
  });
  if (issues.length > 0) {
    return issues;
  }
  const total = given.reduce((sum, s) => sum + toHundredths(s.percentage ?? 0), 0);
  if (Math.abs(total - 10000) > 1) {
    return [{ path: [field], message: 'percentages_must_total_100' }];
  }
  return [];
}

function duplicateIssues<T>(items: readonly T[], key: (t: T) => string, path: (i: number) => Issue['path']) {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) {
      issues.push({ path: path(i), message: 'duplicate' });
    }
    seen.add(k);
  });
  return issues;
}

/** An end date before its start date. */
function dateOrderIssue(start: string | null, end: string | null, path: Issue['path']): Issue[] {
  return start && end && end < start ? [{ path, message: 'end_before_start' }] : [];
}

/** IATI: a budget period must not be longer than one year. */
export function budgetPeriodTooLong(periodStart: string, periodEnd: string): boolean {
  return periodEnd > addDays(periodStart, 365);
}

/**
 * The rules a project must satisfy beyond field formats (IATI 2.03 and its rulesets): date order,
 * a start date (planned or actual, ruleset 6.11.1), country and sector percentages totalling
 * 100, known DAC codes, no duplicates, budget periods in order and at most one year long.
 */
export function projectInputIssues(input: TProjectInput): Issue[] {
  const issues: Issue[] = [
    ...dateOrderIssue(input.plannedStart, input.plannedEnd, ['plannedEnd']),
    ...dateOrderIssue(input.actualStart, input.actualEnd, ['actualEnd']),
  ];
  if (!input.plannedStart && !input.actualStart) {
    issues.push({ path: ['plannedStart'], message: 'start_date_required' });
  }
  if (input.actualEnd && !input.actualStart) {
    issues.push({ path: ['actualStart'], message: 'start_date_required' });
  }
  issues.push(
    ...duplicateIssues(
      input.participants,
      (p) => `${p.partnerId ?? 'self'}|${p.role}`,
      (i) => ['participants', i, 'partnerId'],
    ),
    ...duplicateIssues(
      input.countries,
      (c) => c.country,
      (i) => ['countries', i, 'country'],
    ),
    ...percentageIssues(input.countries, 'countries'),
    ...duplicateIssues(
      input.sectors,
      (s) => `${s.vocabulary}|${s.code}`,
      (i) => ['sectors', i, 'code'],
    ),
    ...duplicateIssues(
      input.agreementIds,
      (id) => id,
      (i) => ['agreementIds', i],
    ),
  );
  input.sectors.forEach((s, i) => {
    if (s.vocabulary === '1' && !isDacSectorCode(s.code)) {
      issues.push({ path: ['sectors', i, 'code'], message: 'unknown_sector' });
    }
  });
  issues.push(...percentageIssues(input.sectors, 'sectors'));
  input.budgets.forEach((b, i) => {
    if (b.periodEnd < b.periodStart) {
      issues.push({ path: ['budgets', i, 'periodEnd'], message: 'end_before_start' });
    } else if (budgetPeriodTooLong(b.periodStart, b.periodEnd)) {
      issues.push({ path: ['budgets', i, 'periodEnd'], message: 'budget_period_over_one_year' });
    }
  });
  return issues;
}

/**
 * The budget that counts, per currency: for each period, the revised budgets (IATI BudgetType 2)
 * replace the original ones (type 1) of the same period.
 */
export function effectiveBudgetTotals(
  budgets: readonly Pick<TBudgetInput, 'type' | 'periodStart' | 'periodEnd' | 'valueMinor' | 'currency'>[],
) {
  const periodsWithRevision = new Set(
    budgets.filter((b) => b.type === '2').map((b) => `${b.periodStart}|${b.periodEnd}`),
  );
  return totalsByCurrency(
    budgets.filter((b) => b.type === '2' || !periodsWithRevision.has(`${b.periodStart}|${b.periodEnd}`)),
  );
}

/** Money spent per currency: Disbursement (3) and Expenditure (4) transactions. */
export function spentTotals(
  transactions: readonly Pick<TTransactionInput, 'type' | 'valueMinor' | 'currency'>[],
) {
  const spending = new Set<string>(SPENDING_TRANSACTION_TYPES);
  return totalsByCurrency(transactions.filter((t) => spending.has(t.type)));
}

export interface SpendingLine {
  currency: string;
  budgetMinor: number;
  spentMinor: number;
  remainingMinor: number;
  /** Spent as a percentage of the budget, one decimal; null when there is no budget. */
  spentPercent: number | null;
}

/** Spent against budget per currency, for every currency that has either. */
export function spendingAgainstBudget(
  budgets: Parameters<typeof effectiveBudgetTotals>[0],
  transactions: Parameters<typeof spentTotals>[0],
): SpendingLine[] {
  const budget = new Map(effectiveBudgetTotals(budgets).map((t) => [t.currency, t.valueMinor]));
  const spent = new Map(spentTotals(transactions).map((t) => [t.currency, t.valueMinor]));
  const currencies = [...new Set([...budget.keys(), ...spent.keys()])].sort();
  return currencies.map((currency) => {
    const budgetMinor = budget.get(currency) ?? 0;
    const spentMinor = spent.get(currency) ?? 0;
    return {
      currency,
      budgetMinor,
      spentMinor,
      remainingMinor: budgetMinor - spentMinor,
      spentPercent: budgetMinor > 0 ? Math.round((spentMinor * 1000) / budgetMinor) / 10 : null,
    };
  });
}

export interface ProjectPeriods {
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

/** A period [start, end] (either side open when null) overlaps the calendar year. */
function periodOverlapsYear(start: string | null, end: string | null, year: number): boolean {
  if (!start && !end) {
    return false;
  }
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  return (!start || start <= last) && (!end || end >= first);
}

/**
 * The year filter of the project list: a project belongs to a year when its planned period or
 * its actual period overlaps it. A period with a start and no end runs on indefinitely.
 * (The repository holds the same rule in SQL; an integration test checks that they agree.)
 */
export function projectInYear(p: ProjectPeriods, year: number): boolean {
  return (
    periodOverlapsYear(p.plannedStart, p.plannedEnd, year) ||
    periodOverlapsYear(p.actualStart, p.actualEnd, year)
  );
}
