import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_STAGES, AGREEMENT_STATUSES, AGREEMENT_TYPES } from '../../contracts/agreements.js';
import { AUDIT_ACTIONS } from '../../contracts/audit.js';
import { LOCALES } from '../../contracts/common.js';
import { ErrorCode } from '../../contracts/errors.js';
import { IATI_ORGANISATION_TYPES, IDENTIFIER_SCHEMES } from '../../contracts/partners.js';
import { ROLES } from '../../contracts/roles.js';
import { PARTNER_IMPORT_PROBLEM_CODES } from '../../domain/partners/partner-import.js';
import { AUDIT_ENTITY_TYPES, OUTBOX_KINDS, OUTBOX_STATUSES } from '../features/admin/record-kinds';
import { mergeCatalogs } from './catalog-parts';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhCN from './locales/zh-CN.json';

type Catalog = { [key: string]: string | Catalog };

const files: Record<string, Catalog> = { en, 'zh-CN': zhCN, fr, ar };
const featureParts = import.meta.glob<{ default: Catalog }>('../features/*/locales/*.json', { eager: true });

/** The shared catalog merged with every feature's part for the locale, as the app loads them. */
function load(locale: string): Catalog {
  const c = files[locale];
  if (!c) {
    throw new Error(`no catalog file for locale ${locale}`);
  }
  const parts = Object.entries(featureParts)
    .filter(([file]) => file.endsWith(`/locales/${locale}.json`))
    .map(([, m]) => m.default);
  return mergeCatalogs(c, ...parts);
}

/** Flatten to dotted keys → message. */
function flatten(c: Catalog, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      out.set(key, v);
    } else {
      flatten(v, key, out);
    }
  }
  return out;
}

const catalogs = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))])) as Record<
  string,
  Map<string, string>
>;
const allKeys = new Set(Object.values(catalogs).flatMap((m) => [...m.keys()]));

describe('locale catalogs', () => {
  it('never define a key in two parts (shared catalog and feature catalogs)', () => {
    for (const l of LOCALES) {
      const seen = new Map<string, string>();
      const duplicates: string[] = [];
      const parts: [string, Catalog][] = [
        ['shared', files[l] as Catalog],
        ...Object.entries(featureParts)
          .filter(([file]) => file.endsWith(`/locales/${l}.json`))
          .map(([file, m]): [string, Catalog] => [file, m.default]),
      ];
      for (const [name, part] of parts) {
        for (const key of flatten(part).keys()) {
          const first = seen.get(key);
          if (first) {
            duplicates.push(`${key} (${first} and ${name})`);
          }
          seen.set(key, name);
        }
      }
      expect(duplicates, `${l}: keys defined twice`).toEqual([]);
    }
  });

  it('have the same keys in every locale', () => {
    const missing: Record<string, string[]> = {};
    for (const l of LOCALES) {
      const m = catalogs[l] as Map<string, string>;
      const absent = [...allKeys].filter((k) => !m.has(k)).sort();
      if (absent.length > 0) {
        missing[l] = absent;
      }
    }
    expect(missing, `missing keys per locale:\n${JSON.stringify(missing, null, 2)}`).toEqual({});
  });

  it('have no empty messages', () => {
    const empty = LOCALES.flatMap((l) =>
      [...(catalogs[l] as Map<string, string>)].filter(([, v]) => v.trim() === '').map(([k]) => `${l}:${k}`),
    );
    expect(empty).toEqual([]);
  });

  it('contain only ICU messages that parse', () => {
    const broken: string[] = [];
    for (const l of LOCALES) {
      for (const [k, v] of catalogs[l] as Map<string, string>) {
        try {
          new IntlMessageFormat(v, l);
        } catch (e) {
          broken.push(`${l}:${k}: ${(e as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('use the same placeholders as English', () => {
    const vars = (s: string) => new Set([...s.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((m) => m[1]));
    const en = catalogs.en as Map<string, string>;
    const diffs: string[] = [];
    for (const l of LOCALES) {
      for (const [k, v] of catalogs[l] as Map<string, string>) {
        const base = en.get(k);
        if (base === undefined) {
          continue;
        }
        const a = [...vars(base)].sort().join(',');
        const b = [...vars(v)].sort().join(',');
        if (a !== b) {
          diffs.push(`${l}:${k} has {${b}} but en has {${a}}`);
        }
      }
    }
    expect(diffs).toEqual([]);
  });

  it.each(Object.entries(CODE_LISTS))(
    'translate every code of %s in every locale',
    (_name, { prefix, codes }) => {
      expect(missingKeys(prefix, codes)).toEqual([]);
    },
  );

  it('translate every validation message the contracts and the server send', () => {
    const messages = [...contractMessages(), ...serverIssueMessages()];
    expect(messages).toEqual(expect.arrayContaining(['english_name_required', 'identifier_taken']));
    expect(missingKeys('validation', messages)).toEqual([]);
  });
});

/** Code lists that come from the contracts or the domain, and the catalog prefix translating them. */
const CODE_LISTS: Record<string, { prefix: string; codes: readonly string[] }> = {
  ErrorCode: { prefix: 'errors', codes: Object.values(ErrorCode) },
  PARTNER_IMPORT_PROBLEM_CODES: { prefix: 'import.problem', codes: PARTNER_IMPORT_PROBLEM_CODES },
  AUDIT_ACTIONS: { prefix: 'audit.actions', codes: AUDIT_ACTIONS },
  AUDIT_ENTITY_TYPES: { prefix: 'audit.entities', codes: AUDIT_ENTITY_TYPES },
  AGREEMENT_STATUSES: { prefix: 'agreements.status', codes: AGREEMENT_STATUSES },
  AGREEMENT_TYPES: { prefix: 'agreements.types', codes: AGREEMENT_TYPES },
  AGREEMENT_STAGES: { prefix: 'agreements.stages', codes: AGREEMENT_STAGES },
  IATI_ORGANISATION_TYPES: { prefix: 'partners.types', codes: IATI_ORGANISATION_TYPES },
  IDENTIFIER_SCHEMES: { prefix: 'partners.schemes', codes: IDENTIFIER_SCHEMES },
  ROLES: { prefix: 'roles', codes: ROLES },
  OUTBOX_KINDS: { prefix: 'outbox.kinds', codes: OUTBOX_KINDS },
  OUTBOX_STATUSES: { prefix: 'outbox.status', codes: OUTBOX_STATUSES },
};

/** `locale:key` for each code lacking `<prefix>.<code>` in some locale. */
function missingKeys(prefix: string, codes: readonly string[]): string[] {
  return LOCALES.flatMap((l) =>
    codes
      .filter((c) => !(catalogs[l] as Map<string, string>).has(`${prefix}.${c}`))
      .map((c) => `${l}:${prefix}.${c}`),
  );
}

/** Source text of the contracts and the server (not their tests), read through Vite's glob import. */
const contractSources = import.meta.glob<string>(['../../contracts/*.ts', '!../../contracts/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const serverSources = import.meta.glob<string>(['../../server/**/*.ts', '!../../server/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Custom zod messages in the contracts: `message: 'x'`, `.min(1, 'x')`, `.email('x')`, `.regex(/…/, 'x')`. */
function contractMessages(): string[] {
  const found = new Set<string>();
  for (const text of Object.values(contractSources)) {
    for (const re of [
      /message:\s*'([a-z_]+)'/g,
      /,\s*'([a-z_]+)'\)/g,
      /\.(?:email|url)\(\s*'([a-z_]+)'\s*\)/g,
    ]) {
      for (const m of text.matchAll(re)) {
        found.add(m[1] as string);
      }
    }
  }
  return [...found];
}

/** Issue messages services put in `details.issues` (`{ path: [...], message: 'x' }`). */
function serverIssueMessages(): string[] {
  const found = new Set<string>();
  for (const text of Object.values(serverSources)) {
    for (const m of text.matchAll(/path:\s*\[[^\]]*\],\s*message:\s*'([a-z_]+)'/g)) {
      found.add(m[1] as string);
    }
  }
  return [...found];
}
