/**
 * The CIS workbook adapter on the real EuroSkills 2025 skill 17 marking scheme
 * (../shared/fixtures/cis-marking-scheme, next to the repository as CI clones it), and on workbooks
 * built here for the cell kinds exceljs reports.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type CisSheets, parseCisMarkingScheme } from '../../../domain/competitions/cis-workbook.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import { validateMarkingScheme } from '../../../domain/competitions/scheme-validation.js';
import { AppError } from '../errors.js';
import { readCisWorkbook, worksheetGrid, writeCisWorkbook } from './cis-workbook-files.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const FIXTURE = path.resolve(
  repoRoot,
  '../shared/fixtures/cis-marking-scheme/ES2025_Marking_Scheme_Web_Development_17.xlsx',
);

/** Exact decimal arithmetic in integer ten-thousandths (every mark in the file has ≤ 4 decimals). */
function units(decimal: string): number {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(decimal);
  if (!m) {
    throw new Error(`not a mark: ${decimal}`);
  }
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}
const twoDecimals = (u: number) => {
  expect(u % 100).toBe(0); // every total here is a whole number of hundredths
  return (u / 10_000).toFixed(2);
};

function summary(scheme: MarkingScheme) {
  const criterionOf = new Map(scheme.subCriteria.map((s) => [s.key, s.criterionKey]));
  const rows = scheme.criteria.map((c) => {
    const aspects = scheme.aspects.filter((a) => criterionOf.get(a.subCriterionKey) === c.key);
    const sum = (type: 'M' | 'J') =>
      aspects.filter((a) => a.type === type).reduce((t, a) => t + units(a.maxMark), 0);
    return {
      criterion: c.key,
      measurement: twoDecimals(sum('M')),
      judgement: twoDecimals(sum('J')),
      total: twoDecimals(sum('M') + sum('J')),
      m: aspects.filter((a) => a.type === 'M').length,
      j: aspects.filter((a) => a.type === 'J').length,
    };
  });
  const all = (type: 'M' | 'J') =>
    scheme.aspects.filter((a) => a.type === type).reduce((t, a) => t + units(a.maxMark), 0);
  rows.push({
    criterion: 'Total',
    measurement: twoDecimals(all('M')),
    judgement: twoDecimals(all('J')),
    total: twoDecimals(all('M') + all('J')),
    m: scheme.aspects.filter((a) => a.type === 'M').length,
    j: scheme.aspects.filter((a) => a.type === 'J').length,
  });
  return rows;
}

const row = (
  criterion: string,
  measurement: string,
  judgement: string,
  total: string,
  m: number,
  j: number,
) => ({
  criterion,
  measurement,
  judgement,
  total,
  m,
  j,
});

/** The fixture README's table. */
const README_TABLE = [
  row('A', '9.75', '6.75', '16.50', 26, 7),
  row('B', '17.00', '6.00', '23.00', 38, 6),
  row('C', '16.75', '0.00', '16.75', 29, 0),
  row('D', '17.00', '5.00', '22.00', 55, 3),
  row('E', '15.25', '1.50', '16.75', 22, 3),
  row('F', '5.00', '0.00', '5.00', 3, 0),
  row('Total', '80.75', '19.25', '100.00', 173, 19),
];

describe('the EuroSkills 2025 Web Development scheme', () => {
  it('is next to the repository', () => {
    expect(existsSync(FIXTURE), FIXTURE).toBe(true);
  });

  let sheets: CisSheets | undefined;
  const read = async () => {
    sheets ??= await readCisWorkbook(readFileSync(FIXTURE));
    return sheets;
  };

  it('imports without problems, with the totals of the README', async () => {
    const r = parseCisMarkingScheme(await read());
    expect(r.problems).toEqual([]);
    expect(summary(r.scheme)).toEqual(README_TABLE);
    // The only doubt in the file: the coverage calculation's second range is 20..[empty], read as
    // 20..100 (up to the target), which leaves the scheme valid and lockable.
    expect(r.warnings.map((w) => [w.sheet, w.row, w.code, w.value])).toEqual([
      ['Calculations', 11, 'calculation_range_open_upper', 'RANGE2=20..0'],
    ]);
    const coverage = r.scheme.aspects.find(
      (a) => a.type === 'M' && a.calculation.kind === 'RANGED_SCORE' && a.calculation.target === '100',
    );
    expect(coverage?.type === 'M' && coverage.calculation).toEqual({
      kind: 'RANGED_SCORE',
      target: '100',
      ranges: [
        { lower: '0', upper: '20', deductionPct: '100' },
        { lower: '20', upper: '100', deductionPct: '60' },
      ],
    });
    const validation = validateMarkingScheme(r.scheme, { sectionTolerance: 5, maxAspectMark: 2 });
    expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  it('sums the WSOS sections to 5 / 5.25 / 24.75 / 24.75 / 40.25 against 5 / 5 / 25 / 25 / 40', async () => {
    const { scheme } = parseCisMarkingScheme(await read());
    const sections = scheme.sections.map((s) => {
      const sum = scheme.aspects
        .filter((a) => a.wsosSection === s.number)
        .reduce((t, a) => t + units(a.maxMark), 0);
      return {
        number: s.number,
        weight: s.weight,
        sum: twoDecimals(sum),
        variation: Math.abs(units(s.weight) - sum),
      };
    });
    expect(sections.map(({ number, weight, sum }) => [number, weight, sum])).toEqual([
      [1, '5', '5.00'],
      [2, '5', '5.25'],
      [3, '25', '24.75'],
      [4, '25', '24.75'],
      [5, '40', '40.25'],
    ]);
    expect(twoDecimals(sections.reduce((t, s) => t + s.variation, 0))).toBe('1.00');
    expect(scheme.sections.map((s) => s.name)).toEqual([
      'Work organization and self-management',
      'Communication and interpersonal skills',
      'Design Implementation',
      'Front-End Development',
      'Back-End Development',
    ]);
  });

  it('reads sub-criteria, J descriptors and the calculations of the Calculations sheet', async () => {
    const { scheme } = parseCisMarkingScheme(await read());
    const maxima = scheme.subCriteria.map((s) => {
      const u = scheme.aspects
        .filter((a) => a.subCriterionKey === s.key)
        .reduce((t, a) => t + units(a.maxMark), 0);
      return `${s.key} ${u / 10_000}`;
    });
    // worldskills.md §5.1
    expect(maxima.join(', ')).toBe(
      'A1 2, A2 3.5, A3 4, A4 2, A5 5, B1 5.25, B2 5, B3 4.5, B4 5.75, B5 2.5, C1 1.75, C2 3.25, C3 4, C4 3, ' +
        'C5 2.75, C6 2, D1 3.25, D2 2.75, D3 4.35, D4 1.5, D5 2.5, D6 1.75, D7 1, D8 2, D9 2.9, E1 5, E2 5.5, ' +
        'E3 6.25, F1 2, F2 1, F3 2',
    );
    expect(scheme.subCriteria.find((s) => s.key === 'E1')).toEqual({
      key: 'E1',
      criterionKey: 'E',
      name: 'Task 1 - Writing automated tests',
      dayOfMarking: '3',
    });
    // B5's first aspect is on the sub-criterion's own row.
    expect(scheme.aspects.find((a) => a.key === 'B5.1')).toMatchObject({
      type: 'M',
      maxMark: '0.5',
      wsosSection: 5,
      calculation: { kind: 'PASS_FAIL' },
    });
    expect(scheme.aspects.find((a) => a.key === 'A1.3')).toEqual({
      key: 'A1.3',
      subCriterionKey: 'A1',
      type: 'J',
      description: 'Navigation design',
      extraDescription: '',
      maxMark: '0.75',
      wsosSection: 3,
      descriptors: [
        'Not implemented or is not styled',
        'Navigation has basic styling applied',
        'Design of the navigation is clean and at least shows the current page somehow and and some sort of hover effect on the links',
        'The highlighted current page and hover effects are matching well the rest of the navigation and look polished, and the whole navigation fells integrated well into the design of the rest of the website',
      ],
    });
    const kinds = new Map<string, number>();
    for (const a of scheme.aspects) {
      if (a.type === 'M') {
        kinds.set(a.calculation.kind, (kinds.get(a.calculation.kind) ?? 0) + 1);
      }
    }
    // worldskills.md §1.4: 161 PASS_FAIL aspects
    expect(Object.fromEntries(kinds)).toEqual({
      PASS_FAIL: 161,
      NUMBER_COMPLETED: 6,
      CHOICE: 4,
      RANGED_SCORE: 2,
    });
    const calculations = scheme.aspects.flatMap((a) => (a.type === 'M' ? [a.calculation] : []));
    expect(calculations).toContainEqual({
      kind: 'CHOICE',
      choices: [
        { label: 'File is missing or is invalid', deductionPct: '100' },
        { label: 'File exists and is valid, but does not create all tables.', deductionPct: '66.6' },
        { label: 'File exists and is valid, creates tables, but not all data.', deductionPct: '33.3' },
        { label: 'All structure and data is created as per spec, incl. image blobs', deductionPct: '0' },
      ],
    });
    expect(calculations).toContainEqual({
      kind: 'RANGED_SCORE',
      target: '0',
      ranges: [
        { lower: '0', upper: '3', deductionPct: '0' },
        { lower: '0', upper: '15', deductionPct: '60' },
      ],
    });
    expect(calculations).toContainEqual({ kind: 'NUMBER_COMPLETED', possible: 6 });
  });

  it('exports to an .xlsx that imports to the same scheme', async () => {
    const { scheme } = parseCisMarkingScheme(await read());
    const bytes = await writeCisWorkbook(scheme, { title: '17 Web Development' });
    const again = parseCisMarkingScheme(await readCisWorkbook(bytes));
    expect(again.problems).toEqual([]);
    expect(again.scheme).toEqual(scheme);
    expect(again.warnings).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['CIS Marking Scheme Import', 'Calculations']);
    const ws = wb.getWorksheet('CIS Marking Scheme Import') as ExcelJS.Worksheet;
    const boldRows: number[] = [];
    ws.eachRow((r, n) => {
      if (r.getCell(1).font?.bold) {
        boldRows.push(n);
      }
    });
    // title, section header, criteria header, one aspect header per criterion A..F
    expect(boldRows).toHaveLength(3 + 6);
    expect(ws.getCell(boldRows[3] as number, 1).value).toBe('Sub\nCriterion\nID');
    expect(ws.getColumn(5).width).toBeGreaterThan(ws.getColumn(1).width ?? 0);
  });
});

describe('readCisWorkbook and writeCisWorkbook', () => {
  const tiny: MarkingScheme = {
    sections: [{ number: 1, name: '=Work organisation', weight: '100' }],
    criteria: [{ key: 'A', name: '+Criterion' }],
    subCriteria: [{ key: 'A1', criterionKey: 'A', name: '-Form', dayOfMarking: 'C1' }],
    aspects: [
      {
        key: 'A1.1',
        subCriterionKey: 'A1',
        type: 'M',
        description: '=HYPERLINK("http://example.com","click")',
        extraDescription: '@SUM(1)',
        requirement: '- a list item',
        maxMark: '60',
        wsosSection: 1,
        calculation: { kind: 'CHOICE', choices: [{ label: '=1+1', deductionPct: '0' }] },
      },
      {
        key: 'A1.2',
        subCriterionKey: 'A1',
        type: 'J',
        description: 'Design',
        extraDescription: '',
        maxMark: '40',
        wsosSection: 1,
        descriptors: ['-', '+', '=', '@'],
      },
    ],
  };

  it('neutralises formula-like texts in the file and restores them on import', async () => {
    const bytes = await writeCisWorkbook(tiny);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((r) => {
        r.eachCell((c) => {
          if (typeof c.value === 'string') {
            texts.push(c.value);
          }
          expect(c.formula).toBeUndefined();
        });
      });
    }
    expect(texts).toContain(`'=HYPERLINK("http://example.com","click")`);
    expect(texts).toContain(`'- a list item`);
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
    const r = parseCisMarkingScheme(await readCisWorkbook(bytes));
    expect(r.problems).toEqual([]);
    expect(r.scheme).toEqual(tiny);
  });

  it('reads formula results, rich text, hyperlinks, merged cells and dates as plain values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('cis marking  scheme import');
    ws.getCell('A1').value = { formula: 'SUM(B1:C1)', result: 24.749999999999993 };
    ws.getCell('B1').value = { richText: [{ text: 'Sub ', font: { bold: true } }, { text: 'Criterion' }] };
    ws.getCell('C1').value = { text: 'link text', hyperlink: 'https://example.com' };
    ws.getCell('D1').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
    ws.getCell('E1').value = { formula: 'NOW()' };
    ws.getCell('A2').value = 'Merged';
    ws.mergeCells('A2:C2');
    ws.getCell('A3').value = new Date(Date.UTC(2025, 8, 9));
    ws.getCell('B3').value = true;
    ws.getCell('C5').value = "'=not a formula";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheets = await readCisWorkbook(bytes);
    expect(sheets.calculations).toBeNull();
    expect(sheets.scheme).toEqual([
      [24.749999999999993, 'Sub Criterion', 'link text', '#DIV/0!'],
      ['Merged', 'Merged', 'Merged'],
      ['2025-09-09', true],
      [],
      [null, null, '=not a formula'],
    ]);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(worksheetGrid(loaded.worksheets[0] as ExcelJS.Worksheet)).toEqual(sheets.scheme);
  });

  it.each([
    ['a CSV file', Buffer.from('Sub Criterion ID,Aspect Type\nA1,M\n'), 'unreadable_file'],
    [
      'a damaged zip',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]),
      'unreadable_file',
    ],
  ])('rejects %s', async (_name, bytes, code) => {
    const err = await readCisWorkbook(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT_INVALID');
    expect((err as AppError).details?.problems).toEqual([expect.objectContaining({ code, row: 1 })]);
  });

  it('rejects a workbook without the "CIS Marking Scheme Import" sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Marking Scheme');
    const err = await readCisWorkbook(Buffer.from(await wb.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect((err as AppError).details?.problems).toEqual([
      expect.objectContaining({ sheet: 'CIS Marking Scheme Import', code: 'sheet_missing' }),
    ]);
  });
});
