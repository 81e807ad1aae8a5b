/**
 * The CIS "CIS Marking Scheme Import" workbook as bytes: reads an uploaded .xlsx into the cell grids
 * that domain/competitions/cis-workbook.ts parses, and writes a scheme back as an .xlsx with the
 * sheet names CIS uses (worldskills.md §1.3).
 */
import ExcelJS from 'exceljs';
import {
  type CellGrid,
  type CellValue,
  CIS_CALCULATIONS_SHEET,
  CIS_SCHEME_SHEET,
  type CisProblem,
  type CisSheets,
  cisHeaderRowKind,
  headerKey,
} from '../../../domain/competitions/cis-workbook.js';
import {
  buildCisMarkingSchemeSheets,
  type CisExportOptions,
} from '../../../domain/competitions/cis-workbook-export.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import { AppError } from '../errors.js';
import { restoreNeutralized, safeCell } from './formula-injection.js';
import { cellPrimitive, loadWorkbook, sniffTabularFormat } from './tabular-files.js';

export const CIS_WORKBOOK_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const invalid = (problem: Omit<CisProblem, 'message'>, message: string) =>
  new AppError('IMPORT_INVALID', message, { problems: [{ ...problem, message }] });

/** A worksheet as a grid: grid[r][c] is Excel row r + 1, column c + 1; trailing empty cells and rows are left out. */
export function worksheetGrid(sheet: ExcelJS.Worksheet): CellGrid {
  const grid: CellGrid = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = cellPrimitive(row.getCell(c));
      cells.push(typeof v === 'string' ? restoreNeutralized(v) : v);
    }
    while (cells.length > 0 && (cells.at(-1) === null || cells.at(-1) === '')) {
      cells.pop();
    }
    grid.push(cells);
  }
  while (grid.length > 0 && grid.at(-1)?.length === 0) {
    grid.pop();
  }
  return grid;
}

/** The sheet with this name, else one whose name differs only in case and spacing. */
function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(name) ?? wb.worksheets.find((ws) => headerKey(ws.name) === headerKey(name));
}

/**
 * Reads the two CIS sheets of an uploaded workbook. Parse them with `parseCisMarkingScheme`.
 * @throws AppError IMPORT_INVALID (unreadable_file) when the bytes are not an .xlsx workbook, or
 *   (sheet_missing) when it has no "CIS Marking Scheme Import" sheet; FILE_REJECTED (413) for a zip bomb
 */
export async function readCisWorkbook(bytes: Buffer): Promise<CisSheets> {
  const unreadable = () =>
    invalid(
      { sheet: '', row: 1, column: '', code: 'unreadable_file' },
      'The file is not an Excel workbook (.xlsx)',
    );
  if (sniffTabularFormat(bytes) !== 'xlsx') {
    throw unreadable();
  }
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (err) {
    throw err instanceof AppError ? err : unreadable();
  }
  const scheme = findSheet(wb, CIS_SCHEME_SHEET);
  if (!scheme) {
    throw invalid(
      { sheet: CIS_SCHEME_SHEET, row: 1, column: '', code: 'sheet_missing' },
      `The workbook has no sheet "${CIS_SCHEME_SHEET}"`,
    );
  }
  const calculations = findSheet(wb, CIS_CALCULATIONS_SHEET);
  return { scheme: worksheetGrid(scheme), calculations: calculations ? worksheetGrid(calculations) : null };
}

export interface GridSheet {
  name: string;
  rows: CellGrid;
  /** 1-based row numbers to set in bold. */
  boldRows?: ReadonlySet<number>;
  /** Column widths in characters, from column A. */
  widths?: readonly number[];
}

/**
 * Writes cell grids as an .xlsx, one sheet each. Texts that a spreadsheet would run as a formula
 * (= + - @) are neutralised; readCisWorkbook undoes that. Cells wrap text and align to the top.
 */
export async function writeCellGrids(sheets: readonly GridSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TVET Bridge';
  for (const s of sheets) {
    const sheet = wb.addWorksheet(s.name);
    s.rows.forEach((cells, r) => {
      const row = sheet.getRow(r + 1);
      cells.forEach((v, c) => {
        if (v !== null && v !== '') {
          row.getCell(c + 1).value = safeCell(v);
        }
      });
      if (s.boldRows?.has(r + 1)) {
        row.font = { bold: true };
      }
      row.alignment = { vertical: 'top', wrapText: true };
    });
    s.widths?.forEach((w, c) => {
      sheet.getColumn(c + 1).width = w;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Scheme sheet columns A..N: IDs and numbers narrow, descriptions wide. */
const SCHEME_WIDTHS = [10, 30, 10, 8, 45, 7, 60, 35, 9, 12, 8, 13, 8, 8];
const CALCULATION_WIDTHS = [22, 18, 10, 100];

/** A marking scheme as a CIS import workbook (.xlsx): sheets "CIS Marking Scheme Import" and "Calculations". */
export async function writeCisWorkbook(
  scheme: MarkingScheme,
  options: CisExportOptions = {},
): Promise<Buffer> {
  const sheets = buildCisMarkingSchemeSheets(scheme, options);
  const bold = new Set<number>([1]);
  sheets.scheme.forEach((row, i) => {
    if (cisHeaderRowKind(row) !== null) {
      bold.add(i + 1);
    }
  });
  return writeCellGrids([
    { name: CIS_SCHEME_SHEET, rows: sheets.scheme, boldRows: bold, widths: SCHEME_WIDTHS },
    { name: CIS_CALCULATIONS_SHEET, rows: sheets.calculations, widths: CALCULATION_WIDTHS },
  ]);
}
