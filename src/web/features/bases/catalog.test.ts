import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPES,
  BASE_KINDS,
  BASE_LOCATIONS,
  BASE_STATUSES,
  COMPETITOR_SOURCES,
  COMPLIANCE_STATUSES,
  EQUIPMENT_CONDITIONS,
  INFRASTRUCTURE_BASES,
  TEAM_ROLES,
  TRAINEE_STATUSES,
} from '../../../contracts/bases.js';
import { LOCALES } from '../../../contracts/common.js';
import { BASES_IMPORT_PROBLEM_CODES } from '../../../domain/bases/bases-import.js';

type Catalog = { [key: string]: string | Catalog };
const parts = import.meta.glob<{ default: Catalog }>('./locales/*.json', { eager: true });

function lookup(c: Catalog, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Catalog | undefined)?.[k], c);
}

const CODE_LISTS: Record<string, readonly string[]> = {
  'bases.kinds': BASE_KINDS,
  'bases.locations': BASE_LOCATIONS,
  'bases.statuses': BASE_STATUSES,
  'bases.roles': TEAM_ROLES,
  'bases.traineeStatuses': TRAINEE_STATUSES,
  'bases.activityTypes': ACTIVITY_TYPES,
  'bases.basis': INFRASTRUCTURE_BASES,
  'bases.conditions': EQUIPMENT_CONDITIONS,
  'bases.compliance.statuses': COMPLIANCE_STATUSES,
  'bases.compliance.from': COMPETITOR_SOURCES,
  'bases.problem': BASES_IMPORT_PROBLEM_CODES,
};

describe('training bases catalogs', () => {
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
