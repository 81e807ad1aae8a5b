/**
 * IATI ruleset checks that neither the XSD nor the codelists express, for one activity.
 *
 * Source: IATI Rulesets, `rulesets/standard.json` (https://github.com/IATI/IATI-Rulesets) and the
 * 2.03 activity-standard guidance (https://iatistandard.org/en/iati-standard/203/). Rules applied:
 * - iati-identifier: no whitespace (`no_spaces`), starts with the reporting-org ref;
 * - a planned or an actual start date (rule 6.11.1); end dates not before start dates
 *   (`date_order`);
 * - recipient-country + recipient-region percentages total 100; sector percentages total 100
 *   per vocabulary (`strict_sum`, tolerance 0.01);
 * - budget periods in order and at most one year (`date_order`, `time_limit`); budget values not
 *   negative;
 * - organisation refs look like org-ids (`<agency prefix>-<number>`, e.g. 'GB-COH-01234567').
 *
 * Pure.
 */
import { budgetPeriodTooLong, toHundredths } from '../projects/project-rules.js';
import type { IatiActivity } from './activity.js';
import type { CheckOptions, IatiProblem } from './codelists.js';

/** An org-id: a registration-agency prefix (2-letter country or XM/XI) and an identifier. */
const ORG_ID_RE = /^[A-Z]{2}(-[A-Za-z0-9]+)+(-.+)?$/;

export function looksLikeOrgId(ref: string): boolean {
  return ORG_ID_RE.test(ref);
}

function sumIssue(
  shares: readonly { percentage: number | null }[],
  path: string,
  what: string,
): IatiProblem | null {
  const given = shares.filter((s) => s.percentage !== null);
  if (given.length === 0) {
    return null;
  }
  if (given.length < shares.length) {
    return {
      path,
      code: 'percentage_missing',
      severity: 'warning',
      message: `Some ${what} have a percentage and others do not`,
    };
  }
  const total = given.reduce((sum, s) => sum + toHundredths(s.percentage ?? 0), 0);
  if (Math.abs(total - 10000) > 1) {
    return {
      path,
      code: 'percentages_must_total_100',
      severity: 'warning',
      value: (total / 100).toString(),
      message: `The percentages of the ${what} total ${total / 100}, not 100`,
    };
  }
  return null;
}

/** The ruleset findings for one activity (all warnings: IATI publishes them as such). */
export function checkActivityRules(activity: IatiActivity, options: CheckOptions = {}): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const where = (obj: object, computed: string) => options.sourcePaths?.get(obj) ?? computed;
  const base = where(activity, options.base ?? 'iati-activity');
  const at = (tail: string) => `${base}/${tail}`;
  const warn = (path: string, code: string, message: string, value?: string) =>
    problems.push({ path, code, severity: 'warning', message, ...(value === undefined ? {} : { value }) });

  if (/\s/.test(activity.identifier)) {
    warn(
      at('iati-identifier'),
      'identifier_has_spaces',
      'The iati-identifier contains whitespace',
      activity.identifier,
    );
  }
  const reportingRef = activity.reportingOrg?.ref;
  if (reportingRef && !activity.identifier.startsWith(`${reportingRef}-`)) {
    warn(
      at('iati-identifier'),
      'identifier_not_prefixed',
      `The iati-identifier does not start with the reporting organisation's ref '${reportingRef}-'`,
      activity.identifier,
    );
  }
  if (reportingRef && !looksLikeOrgId(reportingRef)) {
    warn(at('reporting-org/@ref'), 'not_an_org_id', `'${reportingRef}' is not an org-id`, reportingRef);
  }
  activity.participatingOrgs.forEach((p, i) => {
    if (p.ref !== null && p.ref !== '' && !looksLikeOrgId(p.ref)) {
      warn(
        `${where(p, at(`participating-org[${i + 1}]`))}/@ref`,
        'not_an_org_id',
        `'${p.ref}' is not an org-id`,
        p.ref,
      );
    }
  });

  const dateOf = (type: string) => activity.dates.find((d) => d.type === type)?.isoDate ?? null;
  const [plannedStart, actualStart, plannedEnd, actualEnd] = ['1', '2', '3', '4'].map(dateOf);
  if (!plannedStart && !actualStart) {
    warn(
      at('activity-date'),
      'start_date_required',
      'The activity has neither a planned nor an actual start date',
    );
  }
  if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
    warn(at('activity-date'), 'end_before_start', 'The planned end is before the planned start', plannedEnd);
  }
  if (actualStart && actualEnd && actualEnd < actualStart) {
    warn(at('activity-date'), 'end_before_start', 'The actual end is before the actual start', actualEnd);
  }

  const geography = sumIssue(
    [...activity.recipientCountries, ...activity.recipientRegions],
    at('recipient-country'),
    'recipient countries and regions',
  );
  if (geography) {
    problems.push(geography);
  }
  const vocabularies = new Set(activity.sectors.map((s) => s.vocabulary ?? '1'));
  for (const vocabulary of vocabularies) {
    const issue = sumIssue(
      activity.sectors.filter((s) => (s.vocabulary ?? '1') === vocabulary),
      at('sector'),
      `sectors of vocabulary ${vocabulary}`,
    );
    if (issue) {
      problems.push(issue);
    }
  }

  activity.budgets.forEach((b, i) => {
    const path = where(b, at(`budget[${i + 1}]`));
    if (b.periodEnd < b.periodStart) {
      warn(`${path}/period-end`, 'end_before_start', 'The budget period ends before it starts', b.periodEnd);
    } else if (budgetPeriodTooLong(b.periodStart, b.periodEnd)) {
      warn(`${path}/period-end`, 'budget_period_over_one_year', 'The budget period is longer than one year');
    }
    if (b.value.valueMinor < 0) {
      warn(`${path}/value`, 'negative_budget', 'The budget value is negative');
    }
  });
  activity.results.forEach((r, i) => {
    const resultPath = where(r, at(`result[${i + 1}]`));
    r.indicators.forEach((ind, j) => {
      const indicatorPath = where(ind, `${resultPath}/indicator[${j + 1}]`);
      ind.periods.forEach((p, k) => {
        if (p.periodEnd < p.periodStart) {
          warn(
            `${where(p, `${indicatorPath}/period[${k + 1}]`)}/period-end`,
            'end_before_start',
            'The indicator period ends before it starts',
            p.periodEnd,
          );
        }
      });
    });
  });
  return problems;
}
