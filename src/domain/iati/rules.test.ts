import { describe, expect, it } from 'vitest';
import { checkActivityRules, looksLikeOrgId } from './rules.js';
import { nth, richIatiActivity } from './testing/rich-activity.js';

const rules = (a: ReturnType<typeof richIatiActivity>) => checkActivityRules(a).map((p) => [p.path, p.code]);

describe('checkActivityRules', () => {
  it('accepts a well-formed activity', () => {
    expect(checkActivityRules(richIatiActivity())).toEqual([]);
  });

  it('wants identifiers without spaces that start with the reporting org ref', () => {
    const a = richIatiActivity();
    a.identifier = 'FI-3-2020- 2020000161';
    expect(rules(a)).toEqual([
      ['iati-activity/iati-identifier', 'identifier_has_spaces'],
      ['iati-activity/iati-identifier', 'identifier_not_prefixed'],
    ]);
  });

  it('wants a start date and dates in order', () => {
    const a = richIatiActivity();
    a.dates = [
      { type: '3', isoDate: '2025-01-01', narratives: [] },
      { type: '4', isoDate: '2025-01-01', narratives: [] },
    ];
    expect(rules(a)).toEqual([['iati-activity/activity-date', 'start_date_required']]);
    a.dates.push({ type: '1', isoDate: '2025-02-01', narratives: [] });
    expect(rules(a)).toEqual([['iati-activity/activity-date', 'end_before_start']]);
  });

  it('wants country+region percentages and sector percentages per vocabulary to total 100', () => {
    const a = richIatiActivity();
    nth(a.recipientRegions, 0).percentage = 30;
    nth(a.sectors, 0).percentage = 50;
    nth(a.sectors, 2).percentage = null;
    const found = checkActivityRules(a);
    expect(found.map((p) => [p.path, p.code, p.value])).toEqual([
      ['iati-activity/recipient-country', 'percentages_must_total_100', '96.66'],
      ['iati-activity/sector', 'percentages_must_total_100', '90'],
    ]);
    nth(a.recipientRegions, 0).percentage = null;
    expect(rules(a)[0]).toEqual(['iati-activity/recipient-country', 'percentage_missing']);
  });

  it('wants budget periods in order, at most a year long, and not negative', () => {
    const a = richIatiActivity();
    nth(a.budgets, 0).periodEnd = '2026-01-02';
    nth(a.budgets, 1).periodEnd = '2024-12-31';
    nth(a.budgets, 2).value.valueMinor = -1;
    expect(rules(a)).toEqual([
      ['iati-activity/budget[1]/period-end', 'budget_period_over_one_year'],
      ['iati-activity/budget[2]/period-end', 'end_before_start'],
      ['iati-activity/budget[3]/value', 'negative_budget'],
    ]);
  });

  it.each([
    ['FI-3', true],
    ['ES-DIR3-E04585801', true],
    ['XM-DAC-41114', true],
    ['CN-USCI-12440100MB2C00000X', true],
    ['60', false],
    ['22000', false],
    ['fi-3', false],
  ])('looksLikeOrgId(%j) is %s', (ref, ok) => {
    expect(looksLikeOrgId(ref)).toBe(ok);
  });
});
