import { describe, expect, it } from 'vitest';
import { IATI_PROBLEM_CODES } from '../../../contracts/iati.js';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhCN from './locales/zh-CN.json';

const catalogs = { en, 'zh-CN': zhCN, fr, ar };

/** The sources that report IATI problems: the reader, the codelist and rule checks, the mapping, the module. */
const sources = import.meta.glob<string>(
  [
    '../../../server/platform/iati/xml-reader.ts',
    '../../../domain/iati/codelists.ts',
    '../../../domain/iati/rules.ts',
    '../../../domain/iati/project-mapping.ts',
    '../../../server/modules/iati/iati.service.ts',
    '../../../server/modules/iati/iati.import.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** Codes as the sources write them: `code: 'x'`, `warn(path, 'x', …)`, `fail(path, 'x', …)`, `? 'x' : 'y'`. */
function reportedCodes(): Set<string> {
  const found = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const re of [
      /code:\s*'([a-z][a-z0-9_]*)'/g,
      /\b(?:warn|fail)\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*'([a-z][a-z0-9_]*)'/g,
      /\?\s*'([a-z][a-z0-9]*_[a-z0-9_]*)'\s*:\s*'([a-z][a-z0-9]*_[a-z0-9_]*)'/g,
    ]) {
      for (const m of text.matchAll(re)) {
        for (const code of m.slice(1)) {
          if (code) {
            found.add(code);
          }
        }
      }
    }
  }
  return found;
}

describe('IATI problem codes', () => {
  it('lists every code the reader, checks, mapping and module report', () => {
    const listed = new Set<string>(IATI_PROBLEM_CODES);
    const found = reportedCodes();
    expect(found.size).toBeGreaterThan(60);
    // Codelist/outcome reasons that are not problem codes.
    const notProblems = new Set(['not_a_decimal', 'out_of_range']);
    expect([...found].filter((c) => !listed.has(c) && !notProblems.has(c)).sort()).toEqual([]);
  });

  it('translates every code in every locale', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const problems = (catalog.iati as { problems: Record<string, string> }).problems;
      expect(
        IATI_PROBLEM_CODES.filter((c) => !problems[c]?.trim()),
        locale,
      ).toEqual([]);
    }
  });
});
