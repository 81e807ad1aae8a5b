import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCisMarkingScheme } from '../src/domain/competitions/cis-workbook.js';
import { validateMarkingScheme } from '../src/domain/competitions/scheme-validation.js';
import { DEFAULT_RULE_SETTINGS } from '../src/domain/competitions/settings.js';
import { readCisWorkbook } from '../src/server/platform/spreadsheets/cis-workbook-files.js';

// What samples/marking-schemes/README.md promises an import of each sample shows.

const sample = (name: string) =>
  readCisWorkbook(fs.readFileSync(new URL(`../samples/marking-schemes/${name}`, import.meta.url)));

describe('samples/marking-schemes', () => {
  it('the EuroSkills 2025 scheme imports without problems as a valid scheme of 100 marks', async () => {
    const parsed = parseCisMarkingScheme(await sample('ES2025_Marking_Scheme_Web_Development_17.xlsx'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings.map((w) => [w.sheet, w.row, w.code])).toEqual([
      ['Calculations', 11, 'calculation_range_open_upper'],
    ]);
    const validation = validateMarkingScheme(parsed.scheme, DEFAULT_RULE_SETTINGS);
    expect(validation.valid).toBe(true);
    expect(parsed.scheme.subCriteria).toHaveLength(31);
    expect(validation.summary.totals).toMatchObject({
      measurement: '80.75',
      judgement: '19.25',
      total: '100.00',
      measurementAspects: 173,
      judgementAspects: 19,
    });
  });

  it('the copy with errors reports each mistake by sheet, row and column', async () => {
    const parsed = parseCisMarkingScheme(
      await sample('ES2025_Marking_Scheme_Web_Development_17_with_errors.xlsx'),
    );
    expect(parsed.problems.map((p) => [p.sheet, p.row, p.column, p.code, p.value])).toEqual([
      ['CIS Marking Scheme Import', 26, 'WSOS Section', 'section_unknown', '7'],
      [
        'CIS Marking Scheme Import',
        31,
        'Extra Aspect Description OR Judgement Score Description',
        'judgement_descriptor_missing',
        undefined,
      ],
      ['CIS Marking Scheme Import', 41, 'Max Mark', 'max_mark_invalid', 'half a mark'],
    ]);
    expect(parsed.warnings.map((w) => [w.sheet, w.row, w.code])).toEqual([
      ['Calculations', 11, 'calculation_range_open_upper'],
      ['CIS Marking Scheme Import', 15, 'criterion_mark_mismatch'],
    ]);
  });
});
