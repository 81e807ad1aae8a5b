/**
 * Writes samples/marking-schemes/ES2025_Marking_Scheme_Web_Development_17_with_errors.xlsx: the real
 * EuroSkills 2025 workbook next to it with three deliberate mistakes, so that a user can see how the
 * CIS import reports problems by sheet, row and column (samples/marking-schemes/README.md).
 *
 *   npx tsx scripts/make-broken-scheme-sample.ts
 *
 * The cells are found by their content, not by position, and the script fails when one is missing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../samples/marking-schemes');
const SOURCE = path.join(dir, 'ES2025_Marking_Scheme_Web_Development_17.xlsx');
const TARGET = path.join(dir, 'ES2025_Marking_Scheme_Web_Development_17_with_errors.xlsx');

// Columns of the aspect table (CIS layout).
const COL = { type: 4, description: 5, judgScore: 6, descriptor: 7, wsos: 9, maxMark: 11 } as const;

const text = (cell: ExcelJS.Cell) => String(cell.value ?? '').trim();

function rowOfAspect(sheet: ExcelJS.Worksheet, type: 'M' | 'J', description: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (text(row.getCell(COL.type)) === type && text(row.getCell(COL.description)).startsWith(description)) {
      return r;
    }
  }
  throw new Error(`No ${type} aspect "${description}…" in ${SOURCE}`);
}

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(SOURCE);
const sheet = workbook.getWorksheet('CIS Marking Scheme Import');
if (!sheet) {
  throw new Error('The source has no "CIS Marking Scheme Import" sheet');
}

// 1. Judgement aspect A1 "Navigation design": the descriptor of score 2 is deleted.
const judgement = rowOfAspect(sheet, 'J', 'Navigation design');
const level2 = sheet.getRow(judgement + 3);
if (text(level2.getCell(COL.judgScore)) !== '2') {
  throw new Error(`Row ${judgement + 3} is not the score-2 descriptor of "Navigation design"`);
}
level2.getCell(COL.descriptor).value = null;

// 2. Measurement aspect A1 "Footer implemented…": WSOS section 7 (the standard has sections 1 to 5).
sheet.getRow(rowOfAspect(sheet, 'M', 'Footer implemented')).getCell(COL.wsos).value = 7;

// 3. Measurement aspect A2 "Home page is reachable…": a max mark typed as words.
sheet.getRow(rowOfAspect(sheet, 'M', 'Home page is reachable')).getCell(COL.maxMark).value = 'half a mark';

await workbook.xlsx.writeFile(TARGET);
console.log(`Wrote ${path.relative(process.cwd(), TARGET)}`);
