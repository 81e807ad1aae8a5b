import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../contracts/common.js';
import {
  FRAMEWORK_PROBLEM_CODES,
  INDICATOR_MEASURES,
  INDICATOR_SOURCES,
  INDICATOR_STATUSES,
  PLATFORM_FIGURE_GAPS,
  PROGRESS_GAPS,
  RESULT_TYPES,
} from '../../../contracts/results-frameworks.js';
import { INDICATOR_TEMPLATES } from '../../../domain/evaluation/indicator-templates.js';
import { sourceKey } from './labels';

type Catalog = { [key: string]: string | Catalog };
const parts = import.meta.glob<{ default: Catalog }>('./locales/*.json', { eager: true });

function lookup(c: Catalog, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Catalog | undefined)?.[k], c);
}

/** Dimension names and values the templates and the platform figures use. */
const templateDimensions = [
  ...new Set(INDICATOR_TEMPLATES.flatMap((t) => t.disaggregations.map((d) => d.name))),
];
const templateValues = [
  ...new Set([...INDICATOR_TEMPLATES.flatMap((t) => t.disaggregations.flatMap((d) => [...d.values]))]),
];

const CODE_LISTS: Record<string, readonly string[]> = {
  'resultsFrameworks.status': INDICATOR_STATUSES,
  'resultsFrameworks.problems': FRAMEWORK_PROBLEM_CODES,
  'resultsFrameworks.measures': INDICATOR_MEASURES,
  'resultsFrameworks.resultTypes': RESULT_TYPES,
  'resultsFrameworks.sources': INDICATOR_SOURCES.map(sourceKey),
  'resultsFrameworks.sourceBasis': INDICATOR_SOURCES.map(sourceKey),
  'resultsFrameworks.sourceGap': PLATFORM_FIGURE_GAPS,
  'resultsFrameworks.progressGap': PROGRESS_GAPS,
  'resultsFrameworks.dimensions': templateDimensions,
  'resultsFrameworks.dimensionValues': templateValues,
  'audit.entities': ['project_result', 'result_indicator', 'indicator_period', 'indicator_evidence'],
};

describe('results framework catalogs', () => {
  it('exist for every locale', () => {
    expect(Object.keys(parts).sort()).toEqual(LOCALES.map((l) => `./locales/${l}.json`).sort());
  });

  it.each(Object.entries(CODE_LISTS))('translate every code of %s in every locale', (prefix, codes) => {
    const missing = LOCALES.flatMap((l) => {
      const c = parts[`./locales/${l}.json`]?.default ?? {};
      return codes
        .filter((code) => typeof lookup(c, `${prefix}.${code}`) !== 'string')
        .map((code) => `${l}:${code}`);
    });
    expect(missing).toEqual([]);
  });
});
