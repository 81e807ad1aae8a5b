import { it } from 'vitest';
import { readGlossaryCsv } from '../../../../domain/glossary/glossary-csv.js';
import { fuzzTabularValidator } from '../fuzz.test-support.js';

it('readGlossaryCsv answers findings for any grid, never an exception', () => {
  const opts = {
    glossaryLanguages: ['en', 'zh-CN', 'fr', 'ar'],
    existingKeys: new Set<string>(),
    canApprove: true,
  };
  fuzzTabularValidator((rows) => {
    const r = readGlossaryCsv(rows, opts);
    // A CSV problem always names its row; a missing one fails the finding check.
    const problems = r.problems.map((p) => ({ row: p.row ?? 0, column: p.column ?? '', code: p.code }));
    return { problems, rows: r.entries, rowCount: r.entries.length };
  }, 'glossary-sample.csv');
});
