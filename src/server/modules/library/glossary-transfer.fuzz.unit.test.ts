/**
 * Fuzzing the TBX glossary reader: damaged and hostile XML gives the root element or the reader's own
 * problem, and the entries read from it come with problems that name a path and a code.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { glossaryToTbx, tbxToEntries } from '../../../domain/glossary/tbx.js';
import { fuzzRuns, mutatedBytesArb } from '../../platform/spreadsheets/fuzz.test-support.js';
import { parseTbx, serialize as serializeTbx } from './glossary-transfer.js';

const opts = { glossaryLanguages: ['en', 'fr'], existingKeys: new Set<string>(), canApprove: true };
const entry = (language: string, term: string) => ({
  conceptId: 'c1',
  language,
  term,
  definition: 'd',
  context: '',
  status: 'approved' as const,
  partOfSpeech: 'noun' as const,
  note: '',
});

it('parseTbx and tbxToEntries answer a problem, never an exception', () => {
  const valid = serializeTbx(
    glossaryToTbx({ title: 'G', subject: 'S', language: 'en' }, [entry('en', 'plug'), entry('fr', 'fiche')]),
  );
  const check = (text: string) => {
    const root = parseTbx(text);
    const problems = 'name' in root ? tbxToEntries(root, opts).problems : [root];
    for (const p of problems) {
      expect(typeof p.code).toBe('string');
      expect(p.code).toMatch(/^[a-z_]+$/);
    }
  };
  check(valid);
  // Found by this test: a NUL in the XML declaration passed the validator and threw in the parser.
  expect(parseTbx(valid.replace(/version="1\.0"/, 'version=\u00001.0"'))).toMatchObject({
    code: 'malformed_xml',
  });
  fc.assert(fc.property(fc.string({ maxLength: 400 }), check), fuzzRuns(300));
  fc.assert(
    fc.property(mutatedBytesArb(Buffer.from(valid, 'utf8')), (b) => check(b.toString('utf8'))),
    fuzzRuns(300),
  );
});
