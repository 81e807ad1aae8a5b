/**
 * Fuzzing the CIS marking-scheme parser on cell grids: arbitrary grids and the real scheme with
 * hostile edits give a result whose problems name a sheet, row and code, never an exception.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellGrid,
  CIS_CALCULATIONS_SHEET,
  CIS_SCHEME_SHEET,
  parseCisMarkingScheme,
} from '../../../../domain/competitions/cis-workbook.js';
import { worksheetGrid } from '../cis-workbook-files.js';
import { fuzzRuns, gridArb, mutatedGridArb } from '../fuzz.test-support.js';

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../../../samples/marking-schemes/ES2025_Marking_Scheme_Web_Development_17.xlsx',
);

function parsesWithFindings(scheme: CellGrid, calculations: CellGrid | null): void {
  const result = parseCisMarkingScheme({ scheme, calculations });
  for (const p of [...result.problems, ...result.warnings]) {
    expect(Number.isInteger(p.row) && p.row >= 1, JSON.stringify(p)).toBe(true);
    expect([CIS_SCHEME_SHEET, CIS_CALCULATIONS_SHEET, '']).toContain(p.sheet);
    expect(p.code).toMatch(/^[a-z_]+$/);
  }
}

const asText = (grid: CellGrid): string[][] => grid.map((r) => r.map((c) => (c === null ? '' : String(c))));
/** Numbers back where the text reads as one, as a workbook would hold them. */
const typed = (grid: string[][]): CellGrid =>
  grid.map((r) => r.map((c) => (c !== '' && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));

describe('parseCisMarkingScheme under fuzzing', () => {
  it('arbitrary grids', () => {
    fc.assert(
      fc.property(gridArb(), fc.option(gridArb(8, 5)), (scheme, calc) =>
        parsesWithFindings(typed(scheme), calc),
      ),
      fuzzRuns(300),
    );
  });

  it('the real ES2025 scheme with hostile edits', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
    const scheme = asText(worksheetGrid(wb.getWorksheet(CIS_SCHEME_SHEET) as ExcelJS.Worksheet));
    const calcSheet = wb.getWorksheet(CIS_CALCULATIONS_SHEET);
    const calculations = calcSheet ? asText(worksheetGrid(calcSheet)) : [];
    parsesWithFindings(typed(scheme), typed(calculations));
    fc.assert(
      fc.property(mutatedGridArb(scheme), mutatedGridArb(calculations), (s, c) =>
        parsesWithFindings(typed(s), typed(c)),
      ),
      fuzzRuns(80),
    );
  }, 60_000);
});
