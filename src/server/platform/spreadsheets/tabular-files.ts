import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { neutralizeFormula } from './formula-injection.js';
import { checkZipExpansion, XLSX_MAX_EXPANDED_BYTES } from './zip-guard.js';

export type TabularFormat = 'csv' | 'xlsx';
export type Cells = string[][];

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Decides the format from the bytes, not from the name a client claims. */
export function sniffTabularFormat(bytes: Buffer): TabularFormat | null {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    return 'xlsx';
  }
  const text = bytes.subarray(0, 4096).toString('utf8');
  // Text with no NUL and no replacement characters reads as CSV.
  return text.includes('\u0000') || text.includes('\uFFFD') ? null : 'csv';
}

/**
 * A cell's value as a primitive: a formula cell gives its cached result, rich text and hyperlinks
 * their plain text, an error value its code ("#REF!"), a date its ISO calendar date; a merged cell
 * gives the value exceljs reports for it (the master cell's).
 */
export function cellPrimitive(cell: ExcelJS.Cell): string | number | boolean | null {
  return primitive(cell.value);
}

function primitive(v: ExcelJS.CellValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  if (typeof v !== 'object') {
    return v;
  }
  if ('richText' in v) {
    return v.richText.map((t) => t.text).join('');
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const { result } = v as ExcelJS.CellFormulaValue;
    return result === undefined ? null : primitive(result);
  }
  if ('text' in v) {
    return primitive(v.text as ExcelJS.CellValue);
  }
  if ('error' in v) {
    return String(v.error);
  }
  return null;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cellPrimitive(cell);
  return v === null ? '' : String(v);
}

/**
 * An .xlsx workbook from uploaded bytes, once the ZIP is known to expand within
 * XLSX_MAX_EXPANDED_BYTES (see zip-guard.ts).
 * @throws AppError FILE_REJECTED (413, too_large) for a workbook that would expand beyond that;
 *   the error exceljs raises for bytes it cannot read
 */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const check = checkZipExpansion(bytes);
  if (check === 'too_large') {
    throw new AppError(
      'FILE_REJECTED',
      `The workbook expands to more than ${XLSX_MAX_EXPANDED_BYTES} bytes`,
      { reason: 'too_large', maxExpandedBytes: XLSX_MAX_EXPANDED_BYTES },
      413,
    );
  }
  if (check === 'corrupt') {
    throw new Error('not a readable ZIP archive');
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * Reads the first sheet of an XLSX file, or a UTF-8 CSV file (BOM allowed, `,` or `;` separated),
 * into rows of trimmed strings.
 * @throws AppError IMPORT_INVALID (unreadable_file) when the bytes are neither; FILE_REJECTED
 *   (413) for a zip bomb
 */
export async function readTabularFile(bytes: Buffer): Promise<Cells> {
  const format = sniffTabularFormat(bytes);
  const unreadable = () =>
    new AppError('IMPORT_INVALID', 'The file is neither CSV nor XLSX', {
      problems: [{ row: 1, column: '', code: 'unreadable_file' }],
    });
  if (format === null) {
    throw unreadable();
  }
  try {
    if (format === 'csv') {
      const text = bytes.toString('utf8');
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      const delimiter =
        (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
      const rows: string[][] = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
      });
      return rows.map((r) => r.map((c) => c.trim()));
    }
    const wb = await loadWorkbook(bytes);
    const sheet = wb.worksheets[0];
    if (!sheet) {
      return [];
    }
    const rows: Cells = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        cells.push(cellText(row.getCell(c)).trim());
      }
      rows[rowNumber - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  } catch (err) {
    if (err instanceof AppError) {
      throw err;
    }
    throw unreadable();
  }
}

export async function writeTabularFile(
  format: TabularFormat,
  header: readonly string[],
  rows: Cells,
  sheetName: string,
) {
  const safeRows = rows.map((r) => r.map(neutralizeFormula));
  if (format === 'csv') {
    // The BOM makes Excel read UTF-8 (Chinese and Arabic names) correctly.
    return Buffer.from(`\uFEFF${stringify([header.map(neutralizeFormula), ...safeRows])}`, 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TVET Bridge';
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(header.map(neutralizeFormula)).font = { bold: true };
  for (const r of safeRows) {
    sheet.addRow(r);
  }
  sheet.columns.forEach((col) => {
    col.width = 22;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const TABULAR_CONTENT_TYPES: Record<TabularFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
