import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../contracts/common.js';
import { DISPUTE_STATUSES, FORM_STATES } from '../../../contracts/competitions.js';
import { MARKING_PROBLEMS, OBSERVATION_ERROR_CODES } from '../../../contracts/marking.js';

type Catalog = { [key: string]: string | Catalog };
const parts = import.meta.glob<{ default: Catalog }>('./locales/*.json', { eager: true });

function lookup(c: Catalog, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Catalog | undefined)?.[k], c);
}

const CODE_LISTS: Record<string, readonly string[]> = {
  'marking.states': FORM_STATES,
  'marking.problem': MARKING_PROBLEMS,
  'marking.observationError': OBSERVATION_ERROR_CODES,
  'marking.disputes.status': DISPUTE_STATUSES,
  'marking.sync.item': ['saved', 'waiting', 'sending', 'conflict', 'rejected'],
  'marking.workflow': ['check', 'sign', 'lock', 'unlock', 'return'],
  'marking.workflow.confirm': ['check', 'sign', 'lock', 'unlock', 'return'],
};

describe('marking catalogs', () => {
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
