import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../contracts/common.js';
import { ErrorCode } from '../../contracts/errors.js';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhCN from './locales/zh-CN.json';

type Catalog = { [key: string]: string | Catalog };

const files: Record<string, Catalog> = { en, 'zh-CN': zhCN, fr, ar };

function load(locale: string): Catalog {
  const c = files[locale];
  if (!c) {
    throw new Error(`no catalog file for locale ${locale}`);
  }
  return c;
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

  it('translate every server error code', () => {
    const en = catalogs.en as Map<string, string>;
    const missing = Object.values(ErrorCode).filter((c) => !en.has(`errors.${c}`));
    expect(missing).toEqual([]);
  });
});
