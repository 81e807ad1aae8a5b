import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../contracts/common.js';
import { SCHEME_SOURCES, SCHEME_STATUSES, TEAM_ROLES } from '../../../contracts/competitions.js';
import { MEASUREMENT_KINDS, TEAM_PROBLEM_CODES } from '../../../contracts/marking-schemes.js';
import { CIS_PROBLEM_CODES, CIS_WARNING_CODES } from '../../../domain/competitions/cis-workbook.js';
import { SCHEME_PROBLEM_CODES, SCHEME_STATE_REASONS } from './problem-codes';

type Catalog = { [key: string]: string | Catalog };
const parts = import.meta.glob<{ default: Catalog }>('./locales/*.json', { eager: true });

function lookup(c: Catalog, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Catalog | undefined)?.[k], c);
}

const CODE_LISTS: Record<string, readonly string[]> = {
  'markingSchemes.problems': SCHEME_PROBLEM_CODES,
  'markingSchemes.cis': [...CIS_PROBLEM_CODES, ...CIS_WARNING_CODES],
  'markingSchemes.teams.problems': TEAM_PROBLEM_CODES,
  'markingSchemes.teams.roles': TEAM_ROLES,
  'markingSchemes.reasons': SCHEME_STATE_REASONS,
  'markingSchemes.calc': MEASUREMENT_KINDS,
  'markingSchemes.status': SCHEME_STATUSES,
  'markingSchemes.source': SCHEME_SOURCES,
};

describe('marking scheme catalogs', () => {
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
