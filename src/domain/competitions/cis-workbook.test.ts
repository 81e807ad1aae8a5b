import { describe, expect, it } from 'vitest';
import {
  type CellGrid,
  type CellValue,
  CIS_ASPECT_COLUMNS,
  CIS_PROBLEM_CODES,
  CIS_WARNING_CODES,
  type CisSheets,
  cisHeaderRowKind,
  decimalFromNumber,
  decodeCalculationParameters,
  encodeCalculationParameters,
  exactDecimal,
  parseCisMarkingScheme,
} from './cis-workbook.js';
import { buildCisMarkingSchemeSheets } from './cis-workbook-export.js';
import type { Aspect, MarkingScheme, MeasurementCalculation } from './marking-scheme.js';

// ---------------------------------------------------------------------------------------------
// Small hand-built workbooks in the CIS layout (tables at the positions the real file uses)

const HEADER: CellValue[] = CIS_ASPECT_COLUMNS.map((c) => c.header);
const SCHEME = 'CIS Marking Scheme Import';
const CALCS = 'Calculations';

const sub = (id: CellValue, name: CellValue = `Form ${id}`, day: CellValue = 1): CellValue[] => [
  id,
  name,
  day,
];
const m = (
  description: CellValue,
  section: CellValue,
  calcRow: CellValue,
  max: CellValue,
  extra: CellValue = null,
  requirement: CellValue = null,
): CellValue[] => [null, null, null, 'M', description, null, extra, requirement, section, calcRow, max];
const j = (
  description: CellValue,
  section: CellValue,
  max: CellValue,
  extra: CellValue = null,
): CellValue[] => [null, null, null, 'J', description, null, extra, null, section, null, max];
const d = (score: CellValue, text: CellValue): CellValue[] => [null, null, null, null, null, score, text];
const descriptors = (prefix: string) => [0, 1, 2, 3].map((s) => d(s, `${prefix} level ${s}`));

/** Rows 1..10: title, section table (B..I "WSOS Marks" as exceljs repeats a merged cell), criteria table. */
function tables(): CellGrid {
  const wsos = 'WSOS Marks';
  return [
    ['17 Web Development'],
    [],
    ['Section', wsos, wsos, wsos, wsos, wsos, wsos, wsos, wsos, 'Aspect Marks', 'Variation'],
    [1, 'Work organization', null, null, null, null, null, null, 60, 2.5, 0],
    [2, 'Design', null, null, null, null, null, null, 40, 1.5, 0],
    [null, null, null, null, null, null, null, null, 'Total Variation', null, 0],
    ['Criteria'],
    ['ID', 'Name', 'Name', 'Name', 'Name', 'Name', 'Name', 'Name', 'Name', 'Name', 'Mark'],
    ['A', 'Static site', null, null, null, null, null, null, null, null, 2.5],
    ['B', 'Server side', null, null, null, null, null, null, null, null, 1.5],
    [],
  ];
}

/** The Calculations sheet in CIS's own encoding (rows 1..5). */
function calculations(): CellGrid {
  return [
    ['Measurement', 'PASS_FAIL', true, ''],
    ['Number Completed 4', 'NUMBER_COMPLETED', true, 'NUM_POSSIBLE:::4.00000000#x~x#'],
    [
      null,
      'CHOICE',
      false,
      'DEDUCTION_TYPE:::#x~x#PERCENT#-#CHOICE2_LABEL:::#x~x#Two errors#-#CHOICE1_DEDUCTION:::0E-8#x~x##-#' +
        'CHOICE1_LABEL:::#x~x#No errors#-#CHOICE2_DEDUCTION:::33.30000000#x~x##-#CHOICE3_LABEL:::#x~x##-#' +
        'CHOICE3_DEDUCTION:::#x~x#',
    ],
    [
      null,
      'RANGED_SCORE',
      false,
      'RANGE1_LOWER:::0E-8#x~x##-#DEDUCTION_TYPE:::#x~x#PERCENT#-#RANGE1_DEDUCTION:::0E-8#x~x##-#' +
        'RANGE1_UPPER:::3.00000000#x~x##-#TARGET_VALUE:::0E-8#x~x##-#RANGE2_UPPER:::15.00000000#x~x##-#' +
        'RANGE3_DEDUCTION:::#x~x##-#RANGE2_LOWER:::3.00000000#x~x##-#RANGE2_DEDUCTION:::60.00000000#x~x##-#' +
        'RANGE3_LOWER:::#x~x##-#RANGE3_UPPER:::#x~x##-#RANGE4_LOWER:::0E-8#x~x##-#RANGE4_UPPER:::0E-8#x~x##-#' +
        'RANGE4_DEDUCTION:::0E-8#x~x#',
    ],
    [null, 'DEDUCT', false, 'PER_ERROR:::0.25000000#x~x#'],
  ];
}

/** Rows 12..: header for criterion A, A1 (M ×4 incl. every calculation kind), A2 (J), header for B, B1. */
function aspectRows(): CellGrid {
  return [
    [...HEADER, 'Criterion A', 'Total\nMark', 2.5],
    sub('A1', 'Home page', 1),
    m('Navigation present', 1, 1, 0.30000000000000004, 'Links to all pages', 'Three links'),
    m('Fields completed', 1, 2, 0.2),
    m('Validator errors', 1, 3, 0.5),
    m('Surviving mutants', 1, 4, 0.25),
    [],
    sub('A2', 'Look and feel', 'C1'),
    j('Overall design', 2, 1.25, 'Compare with the brief'),
    ...descriptors('Design'),
    [],
    [...HEADER, 'Criterion B', 'Total\nMark', 1.5],
    // B1 carries its first aspect on its own row, as the real file's B5 does.
    [...sub('B1', 'API', 2), 'M', 'Token issued', null, null, 'Assert: 200', 1, 5, 1.25],
    m('Errors handled', 1, null, 0.25),
  ];
}

function workbook(): CisSheets {
  return { scheme: [...tables(), ...aspectRows()], calculations: calculations() };
}

/** Row index (0-based) of the first row whose cells contain `text`. */
function rowOf(grid: CellGrid, text: string): number {
  const i = grid.findIndex((r) => r.some((c) => c === text));
  if (i === -1) {
    throw new Error(`no row with ${text}`);
  }
  return i;
}

const EXPECTED: MarkingScheme = {
  sections: [
    { number: 1, name: 'Work organization', weight: '60' },
    { number: 2, name: 'Design', weight: '40' },
  ],
  criteria: [
    { key: 'A', name: 'Static site' },
    { key: 'B', name: 'Server side' },
  ],
  subCriteria: [
    { key: 'A1', criterionKey: 'A', name: 'Home page', dayOfMarking: '1' },
    { key: 'A2', criterionKey: 'A', name: 'Look and feel', dayOfMarking: 'C1' },
    { key: 'B1', criterionKey: 'B', name: 'API', dayOfMarking: '2' },
  ],
  aspects: [
    {
      key: 'A1.1',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Navigation present',
      extraDescription: 'Links to all pages',
      requirement: 'Three links',
      maxMark: '0.3',
      wsosSection: 1,
      calculation: { kind: 'PASS_FAIL' },
    },
    {
      key: 'A1.2',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Fields completed',
      extraDescription: '',
      requirement: '',
      maxMark: '0.2',
      wsosSection: 1,
      calculation: { kind: 'NUMBER_COMPLETED', possible: 4 },
    },
    {
      key: 'A1.3',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Validator errors',
      extraDescription: '',
      requirement: '',
      maxMark: '0.5',
      wsosSection: 1,
      calculation: {
        kind: 'CHOICE',
        choices: [
          { label: 'No errors', deductionPct: '0' },
          { label: 'Two errors', deductionPct: '33.3' },
        ],
      },
    },
    {
      key: 'A1.4',
      subCriterionKey: 'A1',
      type: 'M',
      description: 'Surviving mutants',
      extraDescription: '',
      requirement: '',
      maxMark: '0.25',
      wsosSection: 1,
      calculation: {
        kind: 'RANGED_SCORE',
        target: '0',
        ranges: [
          { lower: '0', upper: '3', deductionPct: '0' },
          { lower: '3', upper: '15', deductionPct: '60' },
        ],
      },
    },
    {
      key: 'A2.1',
      subCriterionKey: 'A2',
      type: 'J',
      description: 'Overall design',
      extraDescription: 'Compare with the brief',
      maxMark: '1.25',
      wsosSection: 2,
      descriptors: ['Design level 0', 'Design level 1', 'Design level 2', 'Design level 3'],
    },
    {
      key: 'B1.1',
      subCriterionKey: 'B1',
      type: 'M',
      description: 'Token issued',
      extraDescription: '',
      requirement: 'Assert: 200',
      maxMark: '1.25',
      wsosSection: 1,
      calculation: { kind: 'DEDUCT', perError: '0.25' },
    },
    {
      key: 'B1.2',
      subCriterionKey: 'B1',
      type: 'M',
      description: 'Errors handled',
      extraDescription: '',
      requirement: '',
      maxMark: '0.25',
      wsosSection: 1,
      calculation: { kind: 'PASS_FAIL' },
    },
  ],
};

describe('parseCisMarkingScheme on a good workbook', () => {
  it('reads sections, criteria, sub-criteria, every calculation kind and J descriptors', () => {
    const r = parseCisMarkingScheme(workbook());
    expect(r.problems).toEqual([]);
    expect(r.scheme).toEqual(EXPECTED);
    // Only B1.2 has no calculation row: it defaults to PASS_FAIL with a warning.
    expect(r.warnings.map((w) => [w.sheet, w.row, w.column, w.code])).toEqual([
      [
        SCHEME,
        rowOf(workbook().scheme, 'Errors handled') + 1,
        'Calculation Row',
        'calculation_row_defaulted',
      ],
    ]);
  });

  it('finds the tables by header text wherever they are, with any case, spacing and line breaks', () => {
    const shuffled = [...tables(), ...aspectRows()].map((row) => {
      const copy = [...row];
      // swap "Judg Score" (F) and "Extra Aspect Description" (G) in every row, header included
      [copy[5], copy[6]] = [copy[6] ?? null, copy[5] ?? null];
      return copy;
    });
    const header = rowOf(shuffled, 'Sub\nCriterion\nID');
    shuffled[header] =
      shuffled[header]?.map((c) =>
        typeof c === 'string' ? c.toUpperCase().replace(/\n/g, ' \r\n ').replace(/ /g, '  ') : c,
      ) ?? [];
    const grid: CellGrid = [[], [], ['Notes above the tables'], ...shuffled];
    const r = parseCisMarkingScheme({ scheme: grid, calculations: calculations() });
    expect(r.problems).toEqual([]);
    expect(r.scheme).toEqual(EXPECTED);
  });

  it('numbers problems by Excel row (1-based) and keeps aspect keys per sub-criterion', () => {
    const grid = workbook().scheme;
    const at = rowOf(grid, 'Fields completed');
    (grid[at] as CellValue[])[10] = 'abc';
    const r = parseCisMarkingScheme({ scheme: grid, calculations: calculations() });
    expect(r.problems).toEqual([
      {
        sheet: SCHEME,
        row: at + 1,
        column: 'Max Mark',
        code: 'max_mark_invalid',
        value: 'abc',
        message: 'The max mark is not a number',
      },
    ]);
    expect(r.scheme.aspects.map((a) => a.key)).toEqual(['A1.1', 'A1.3', 'A1.4', 'A2.1', 'B1.1', 'B1.2']);
  });

  it('recognises header rows (the exporter makes them bold)', () => {
    const grid = workbook().scheme;
    expect(grid.map(cisHeaderRowKind).flatMap((k, i) => (k ? [[i + 1, k]] : []))).toEqual([
      [3, 'sections'],
      [8, 'criteria'],
      [12, 'aspects'],
      [rowOf(grid, 'Criterion B') + 1, 'aspects'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every problem code

type Edit = (w: CisSheets) => void;
const set = (grid: CellGrid, text: string, col: number, value: CellValue, offset = 0) => {
  const at = rowOf(grid, text) + offset;
  (grid[at] as CellValue[])[col] = value;
  return at + 1;
};
const removeRow = (grid: CellGrid, text: string, offset = 0) => {
  grid.splice(rowOf(grid, text) + offset, 1);
};
const insertAfter = (grid: CellGrid, text: string, ...rows: CellValue[][]) => {
  grid.splice(rowOf(grid, text) + 1, 0, ...rows);
};
const rowNumber = (text: string, offset = 0) => rowOf(workbook().scheme, text) + 1 + offset;
const calcParams = (w: CisSheets, row: number, params: string) => {
  ((w.calculations as CellGrid)[row - 1] as CellValue[])[3] = params;
};

const PROBLEM_CASES: {
  name: string;
  edit: Edit;
  expected: { sheet: string; row: number; column: string; code: string; value?: string }[];
}[] = [
  {
    name: 'no section table',
    edit: (w) => removeRow(w.scheme, 'Section'),
    expected: [{ sheet: SCHEME, row: 1, column: 'Section', code: 'sections_table_missing' }],
  },
  {
    name: 'no criteria table',
    edit: (w) => removeRow(w.scheme, 'ID'),
    expected: [{ sheet: SCHEME, row: 1, column: 'ID', code: 'criteria_table_missing' }],
  },
  {
    name: 'no aspect header',
    edit: (w) => {
      w.scheme = tables();
    },
    expected: [{ sheet: SCHEME, row: 1, column: 'Sub Criterion ID', code: 'aspect_header_missing' }],
  },
  {
    name: 'header without Max Mark',
    edit: (w) => {
      set(w.scheme, 'Criterion A', 10, 'Points');
    },
    expected: [{ sheet: SCHEME, row: 12, column: 'Max Mark', code: 'column_missing' }],
  },
  {
    name: 'aspect without description',
    edit: (w) => {
      set(w.scheme, 'Fields completed', 4, '  ');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Aspect - Description',
        code: 'value_missing',
      },
    ],
  },
  {
    name: 'sub-criterion without day',
    edit: (w) => {
      set(w.scheme, 'Home page', 2, null);
    },
    expected: [
      { sheet: SCHEME, row: rowNumber('Home page'), column: 'Day of Marking', code: 'value_missing' },
    ],
  },
  {
    name: 'section number not a whole number',
    edit: (w) => {
      set(w.scheme, 'Design', 0, 2.5);
    },
    expected: [
      { sheet: SCHEME, row: 5, column: 'Section', code: 'section_number_invalid', value: '2.5' },
      // no section 2 in the table any more
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'WSOS Section',
        code: 'section_unknown',
        value: '2',
      },
    ],
  },
  {
    name: 'section listed twice',
    edit: (w) => {
      set(w.scheme, 'Design', 0, 1);
    },
    expected: [
      { sheet: SCHEME, row: 5, column: 'Section', code: 'section_duplicate', value: '1' },
      // section 2 is now unknown to the aspect that uses it
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'WSOS Section',
        code: 'section_unknown',
        value: '2',
      },
    ],
  },
  {
    name: 'section weight not a number',
    edit: (w) => {
      set(w.scheme, 'Design', 8, 'forty');
    },
    expected: [
      { sheet: SCHEME, row: 5, column: 'WSOS Marks', code: 'section_weight_invalid', value: 'forty' },
    ],
  },
  {
    name: 'criterion ID of two letters',
    edit: (w) => {
      set(w.scheme, 'Server side', 0, 'BB');
    },
    expected: [
      { sheet: SCHEME, row: 10, column: 'ID', code: 'criterion_id_invalid', value: 'BB' },
      {
        sheet: SCHEME,
        row: rowNumber('API'),
        column: 'Sub Criterion ID',
        code: 'criterion_unknown',
        value: 'B1',
      },
    ],
  },
  {
    name: 'criterion listed twice',
    edit: (w) => {
      set(w.scheme, 'Server side', 0, 'A');
    },
    expected: [
      { sheet: SCHEME, row: 10, column: 'ID', code: 'criterion_duplicate', value: 'A' },
      {
        sheet: SCHEME,
        row: rowNumber('API'),
        column: 'Sub Criterion ID',
        code: 'criterion_unknown',
        value: 'B1',
      },
    ],
  },
  {
    name: 'sub-criterion row without ID',
    edit: (w) => {
      set(w.scheme, 'Look and feel', 0, null);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Look and feel'),
        column: 'Sub Criterion ID',
        code: 'sub_criterion_id_missing',
      },
    ],
  },
  {
    name: 'sub-criterion ID not letter + number',
    edit: (w) => {
      set(w.scheme, 'Look and feel', 0, '2A');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Look and feel'),
        column: 'Sub Criterion ID',
        code: 'sub_criterion_id_invalid',
        value: '2A',
      },
    ],
  },
  {
    name: 'sub-criterion ID twice',
    edit: (w) => {
      set(w.scheme, 'Look and feel', 0, 'a1');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Look and feel'),
        column: 'Sub Criterion ID',
        code: 'sub_criterion_duplicate',
        value: 'a1',
      },
    ],
  },
  {
    name: 'sub-criterion of a criterion not in the table',
    edit: (w) => {
      set(w.scheme, 'API', 0, 'Z1');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('API'),
        column: 'Sub Criterion ID',
        code: 'criterion_unknown',
        value: 'Z1',
      },
    ],
  },
  {
    name: 'aspect before any sub-criterion',
    edit: (w) => insertAfter(w.scheme, 'Criterion A', m('Stray', 1, 1, 0.5)),
    expected: [{ sheet: SCHEME, row: 13, column: 'Sub Criterion ID', code: 'aspect_outside_sub_criterion' }],
  },
  {
    name: 'aspect type other than M or J',
    edit: (w) => {
      set(w.scheme, 'Fields completed', 3, 'O');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Aspect Type',
        code: 'aspect_type_invalid',
        value: 'O',
      },
    ],
  },
  {
    name: 'aspect content without a type',
    edit: (w) => {
      set(w.scheme, 'Fields completed', 3, null);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Aspect Type',
        code: 'aspect_type_invalid',
      },
    ],
  },
  ...[
    [0, '0'],
    [-0.5, '-0.5'],
    [0.33333, '0.33333'],
    ['1,5', '1,5'],
    [null, undefined],
  ].map(([value, shown]) => ({
    name: `max mark ${JSON.stringify(value)}`,
    edit: (w: CisSheets) => {
      set(w.scheme, 'Fields completed', 10, value as CellValue);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Max Mark',
        code: 'max_mark_invalid',
        ...(shown === undefined ? {} : { value: shown as string }),
      },
    ],
  })),
  ...[
    [3, '3'],
    [1.5, '1.5'],
    [null, undefined],
  ].map(([value, shown]) => ({
    name: `WSOS section ${JSON.stringify(value)}`,
    edit: (w: CisSheets) => {
      set(w.scheme, 'Overall design', 8, value as CellValue);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'WSOS Section',
        code: 'section_unknown',
        ...(shown === undefined ? {} : { value: shown as string }),
      },
    ],
  })),
  {
    name: 'calculation row not a row number',
    edit: (w) => {
      set(w.scheme, 'Fields completed', 9, 'two');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Calculation Row',
        code: 'calculation_row_invalid',
        value: 'two',
      },
    ],
  },
  {
    name: 'calculation row beyond the Calculations sheet',
    edit: (w) => {
      set(w.scheme, 'Fields completed', 9, 99);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Calculation Row',
        code: 'calculation_row_missing',
        value: '99',
      },
    ],
  },
  {
    name: 'no Calculations sheet',
    edit: (w) => {
      w.calculations = null;
      for (const text of [
        'Navigation present',
        'Fields completed',
        'Validator errors',
        'Surviving mutants',
        'Token issued',
      ]) {
        set(w.scheme, text, 9, null);
      }
      set(w.scheme, 'Validator errors', 9, 3);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Validator errors'),
        column: 'Calculation Row',
        code: 'calculation_row_missing',
        value: '3',
      },
    ],
  },
  {
    name: 'unknown calculation type',
    edit: (w) => {
      ((w.calculations as CellGrid)[1] as CellValue[])[1] = 'AVERAGE';
    },
    expected: [{ sheet: CALCS, row: 2, column: 'Type', code: 'calculation_type_unknown', value: 'AVERAGE' }],
  },
  {
    name: 'NUM_POSSIBLE of 0',
    edit: (w) => calcParams(w, 2, 'NUM_POSSIBLE:::0E-8#x~x#'),
    expected: [
      {
        sheet: CALCS,
        row: 2,
        column: 'Parameters',
        code: 'calculation_parameter_invalid',
        value: 'NUM_POSSIBLE=0',
      },
    ],
  },
  {
    name: 'NUM_POSSIBLE missing',
    edit: (w) => calcParams(w, 2, ''),
    expected: [
      {
        sheet: CALCS,
        row: 2,
        column: 'Parameters',
        code: 'calculation_parameter_invalid',
        value: 'NUM_POSSIBLE=',
      },
    ],
  },
  {
    name: 'parameters not in the CIS encoding',
    edit: (w) => calcParams(w, 2, 'NUM_POSSIBLE=4'),
    expected: [
      {
        sheet: CALCS,
        row: 2,
        column: 'Parameters',
        code: 'calculation_parameter_invalid',
        value: 'NUM_POSSIBLE=4',
      },
    ],
  },
  {
    name: 'choice deduction over 100 %',
    edit: (w) => calcParams(w, 3, 'CHOICE1_LABEL:::#x~x#No errors#-#CHOICE1_DEDUCTION:::150.00000000#x~x#'),
    expected: [
      {
        sheet: CALCS,
        row: 3,
        column: 'Parameters',
        code: 'calculation_parameter_invalid',
        value: 'CHOICE1_DEDUCTION=150',
      },
    ],
  },
  {
    name: 'labelled choice without a deduction',
    edit: (w) => calcParams(w, 3, 'CHOICE1_LABEL:::#x~x#No errors'),
    expected: [{ sheet: CALCS, row: 3, column: 'Parameters', code: 'calculation_parameter_invalid' }],
  },
  {
    name: 'deduction type other than PERCENT',
    edit: (w) =>
      calcParams(
        w,
        3,
        'DEDUCTION_TYPE:::#x~x#ABSOLUTE#-#CHOICE1_LABEL:::#x~x#No errors#-#CHOICE1_DEDUCTION:::0E-8#x~x#',
      ),
    expected: [
      {
        sheet: CALCS,
        row: 3,
        column: 'Parameters',
        code: 'deduction_type_unsupported',
        value: 'DEDUCTION_TYPE=ABSOLUTE',
      },
    ],
  },
  {
    name: 'ranged score without a target',
    edit: (w) =>
      calcParams(w, 4, 'RANGE1_LOWER:::0E-8#x~x##-#RANGE1_UPPER:::3#x~x##-#RANGE1_DEDUCTION:::0E-8#x~x#'),
    expected: [{ sheet: CALCS, row: 4, column: 'Parameters', code: 'calculation_parameter_invalid' }],
  },
  {
    name: 'range with a missing bound',
    edit: (w) =>
      calcParams(w, 4, 'TARGET_VALUE:::0E-8#x~x##-#RANGE1_LOWER:::1#x~x##-#RANGE1_DEDUCTION:::50#x~x#'),
    expected: [{ sheet: CALCS, row: 4, column: 'Parameters', code: 'calculation_parameter_invalid' }],
  },
  {
    name: 'deduct with no amount per error',
    edit: (w) => calcParams(w, 5, 'PER_ERROR:::0E-8#x~x#'),
    expected: [
      {
        sheet: CALCS,
        row: 5,
        column: 'Parameters',
        code: 'calculation_parameter_invalid',
        value: 'PER_ERROR=0',
      },
    ],
  },
  {
    name: 'judg score 4',
    edit: (w) => {
      set(w.scheme, 'Design level 3', 5, 4);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Design level 3'),
        column: 'Judg Score',
        code: 'judgement_score_invalid',
        value: '4',
      },
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'Judg Score',
        code: 'judgement_descriptor_missing',
      },
    ],
  },
  {
    name: 'score row under a measurement aspect',
    edit: (w) => insertAfter(w.scheme, 'Surviving mutants', d(0, 'Stray descriptor')),
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Surviving mutants', 1),
        column: 'Judg Score',
        code: 'judgement_score_invalid',
        value: '0',
      },
    ],
  },
  {
    name: 'score described twice',
    edit: (w) => {
      set(w.scheme, 'Design level 2', 5, 1);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Design level 2'),
        column: 'Judg Score',
        code: 'judgement_score_invalid',
        value: '1',
      },
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'Judg Score',
        code: 'judgement_descriptor_missing',
      },
    ],
  },
  {
    name: 'J aspect with three descriptor rows',
    edit: (w) => removeRow(w.scheme, 'Design level 3'),
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'Judg Score',
        code: 'judgement_descriptor_missing',
      },
    ],
  },
  {
    name: 'J aspect with an empty descriptor',
    edit: (w) => {
      set(w.scheme, 'Design level 1', 6, '');
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Design level 1'),
        column: 'Extra Aspect Description OR Judgement Score Description',
        code: 'judgement_descriptor_missing',
      },
    ],
  },
  {
    name: 'aspect table with no aspects',
    edit: (w) => {
      w.scheme = [...tables(), HEADER];
    },
    expected: [{ sheet: SCHEME, row: 12, column: 'Aspect Type', code: 'no_aspects' }],
  },
];

describe('parseCisMarkingScheme problems', () => {
  it.each(PROBLEM_CASES)('$name', ({ edit, expected }) => {
    const w = workbook();
    edit(w);
    const r = parseCisMarkingScheme(w);
    expect(r.problems).toEqual(expected.map((e) => expect.objectContaining(e)));
    for (const p of r.problems) {
      expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it('covers every parser problem code (the reader of the file reports unreadable_file and sheet_missing)', () => {
    const seen = new Set<string>();
    for (const c of PROBLEM_CASES) {
      const w = workbook();
      c.edit(w);
      for (const p of parseCisMarkingScheme(w).problems) {
        seen.add(p.code);
      }
    }
    expect([...seen].sort()).toEqual(
      CIS_PROBLEM_CODES.filter((c) => c !== 'unreadable_file' && c !== 'sheet_missing').sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Warnings

const WARNING_CASES: {
  name: string;
  edit: Edit;
  expected: { sheet: string; row: number; column: string; code: string }[];
}[] = [
  {
    name: 'J aspect with a calculation row',
    edit: (w) => {
      set(w.scheme, 'Overall design', 9, 1);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Overall design'),
        column: 'Calculation Row',
        code: 'calculation_row_ignored',
      },
    ],
  },
  {
    name: 'J aspect with a requirement',
    edit: (w) => {
      set(w.scheme, 'Overall design', 7, 'Must be nice');
    },
    expected: [
      { sheet: SCHEME, row: rowNumber('Overall design'), column: 'Requirement', code: 'requirement_ignored' },
    ],
  },
  {
    name: 'M aspect with a Judg Score',
    edit: (w) => {
      set(w.scheme, 'Fields completed', 5, 2);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Fields completed'),
        column: 'Judg Score',
        code: 'judgement_score_ignored',
      },
    ],
  },
  {
    name: 'range with an empty (0) upper bound below the target',
    edit: (w) =>
      calcParams(
        w,
        4,
        'TARGET_VALUE:::100#x~x##-#RANGE1_LOWER:::20#x~x##-#RANGE1_UPPER:::0E-8#x~x##-#RANGE1_DEDUCTION:::60#x~x#',
      ),
    expected: [{ sheet: CALCS, row: 4, column: 'Parameters', code: 'calculation_range_open_upper' }],
  },
  {
    name: 'range with lower above upper',
    edit: (w) =>
      calcParams(
        w,
        4,
        'TARGET_VALUE:::0#x~x##-#RANGE1_LOWER:::20#x~x##-#RANGE1_UPPER:::5#x~x##-#RANGE1_DEDUCTION:::60#x~x#',
      ),
    expected: [{ sheet: CALCS, row: 4, column: 'Parameters', code: 'calculation_range_inverted' }],
  },
  {
    name: 'criteria table mark differs from the aspects',
    edit: (w) => {
      set(w.scheme, 'Static site', 10, 3);
    },
    expected: [{ sheet: SCHEME, row: 9, column: 'Mark', code: 'criterion_mark_mismatch' }],
  },
  {
    name: 'sub-criterion with no aspects, criterion with no sub-criteria',
    edit: (w) => {
      const from = rowOf(w.scheme, 'Criterion B');
      w.scheme.splice(from, w.scheme.length - from, [...HEADER], sub('A3', 'Empty form', 1));
      set(w.scheme, 'Server side', 10, null);
    },
    expected: [
      {
        sheet: SCHEME,
        row: rowNumber('Criterion B', 1),
        column: 'Sub Criterion ID',
        code: 'sub_criterion_without_aspects',
      },
      { sheet: SCHEME, row: 10, column: 'ID', code: 'criterion_without_sub_criteria' },
    ],
  },
];

describe('parseCisMarkingScheme warnings', () => {
  it.each(WARNING_CASES)('$name', ({ edit, expected }) => {
    const w = workbook();
    edit(w);
    const r = parseCisMarkingScheme(w);
    expect(r.problems).toEqual([]);
    const warnings = r.warnings.filter((x) => x.code !== 'calculation_row_defaulted');
    expect(warnings.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual(expected);
  });

  it('covers every warning code', () => {
    const seen = new Set(['calculation_row_defaulted']);
    for (const c of WARNING_CASES) {
      const w = workbook();
      c.edit(w);
      for (const x of parseCisMarkingScheme(w).warnings) {
        seen.add(x.code);
      }
    }
    expect([...seen].sort()).toEqual([...CIS_WARNING_CODES].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Numbers and the parameter encoding

describe('numbers', () => {
  it.each([
    [0.30000000000000004, '0.3'],
    [24.749999999999993, '24.75'],
    [1.000000000000007, '1'],
    [16.5, '16.5'],
    [0.1 + 0.2 + 0.05, '0.35'],
    [-0, '0'],
    [5, '5'],
    [0.1234, '0.1234'],
    [0.33333, null],
    [Number.NaN, null],
  ])('cell number %s → %s', (value, expected) => {
    expect(decimalFromNumber(value, 4)).toBe(expected);
  });

  it.each([
    ['33.30000000', '33.3'],
    ['0E-8', '0'],
    ['100.00000000', '100'],
    ['1.5e2', '150'],
    ['-2.50', '-2.5'],
    ['0.123456789', '0.123456789'],
    ['12a', null],
    ['', null],
  ])('parameter %j → %j', (text, expected) => {
    expect(exactDecimal(text)).toBe(expected);
  });

  it('decodes and encodes CIS calculation parameters', () => {
    const params = decodeCalculationParameters(
      'DEDUCTION_TYPE:::#x~x#PERCENT#-#CHOICE1_LABEL:::#x~x#A label: with ::: and #x##-#CHOICE1_DEDUCTION:::0E-8#x~x#',
    );
    expect(Object.fromEntries(params ?? [])).toEqual({
      DEDUCTION_TYPE: { num: '', text: 'PERCENT' },
      CHOICE1_LABEL: { num: '', text: 'A label: with ::: and #x#' },
      CHOICE1_DEDUCTION: { num: '0E-8', text: '' },
    });
    expect(decodeCalculationParameters('A:::1#x~x##-#A:::2#x~x#')).toBeNull();
    expect(
      encodeCalculationParameters([
        { name: 'NUM_POSSIBLE', num: '4' },
        { name: 'DEDUCTION_TYPE', text: 'PERCENT' },
      ]),
    ).toBe('NUM_POSSIBLE:::4.00000000#x~x##-#DEDUCTION_TYPE:::#x~x#PERCENT');
  });
});

// ---------------------------------------------------------------------------------------------
// Export → import

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = [
  'Plain text',
  '=SUM(A1:A2) looks like a formula',
  '- starts with a dash',
  'Two\nlines',
  'Ünïcödé 中文 العربية',
  '@mention',
  '+ plus',
  '42',
];

function randomScheme(seed: number): MarkingScheme {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const decimal = (max: number, dp: number) =>
    (Math.floor(rnd() * max * 10 ** dp) / 10 ** dp + 10 ** -dp)
      .toFixed(dp)
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  const sectionCount = 1 + Math.floor(rnd() * 5);
  const sections = Array.from({ length: sectionCount }, (_, i) => ({
    number: i + 1,
    name: `${pick(TEXTS)} ${i}`,
    weight: decimal(40, 2),
  }));
  const criteria = 'ABCD'
    .slice(0, 1 + Math.floor(rnd() * 4))
    .split('')
    .map((key) => ({ key, name: `${pick(TEXTS)} ${key}` }));
  const subCriteria: MarkingScheme['subCriteria'] = [];
  const aspects: Aspect[] = [];
  for (const c of criteria) {
    const subs = 1 + Math.floor(rnd() * 3);
    for (let s = 1; s <= subs; s++) {
      const key = `${c.key}${s}`;
      subCriteria.push({
        key,
        criterionKey: c.key,
        name: pick(TEXTS),
        dayOfMarking: pick(['1', '2', 'C1', 'C-1', 'Day 3']),
      });
      const count = Math.floor(rnd() * 5) + (aspects.length === 0 ? 1 : 0);
      for (let n = 1; n <= count; n++) {
        const common = {
          key: `${key}.${n}`,
          subCriterionKey: key,
          description: pick(TEXTS),
          extraDescription: pick(['', ...TEXTS]),
          maxMark: decimal(2, pick([1, 2, 4])),
          wsosSection: 1 + Math.floor(rnd() * sectionCount),
        };
        if (rnd() < 0.3) {
          aspects.push({
            ...common,
            type: 'J',
            descriptors: [pick(TEXTS), pick(TEXTS), pick(TEXTS), `${pick(TEXTS)} 3`],
          });
        } else {
          const calculation: MeasurementCalculation = pick<() => MeasurementCalculation>([
            () => ({ kind: 'PASS_FAIL' }),
            () => ({ kind: 'NUMBER_COMPLETED', possible: 1 + Math.floor(rnd() * 9) }),
            () => ({
              kind: 'CHOICE',
              choices: Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => ({
                label: `${pick(TEXTS)} ${i}`,
                deductionPct: decimal(99, pick([0, 1, 8])),
              })),
            }),
            () => ({
              kind: 'RANGED_SCORE',
              target: pick(['0', '100', '-5', '2.125']),
              ranges: Array.from({ length: Math.floor(rnd() * 4) }, () => ({
                lower: decimal(10, 2),
                upper: decimal(100, 3),
                deductionPct: decimal(99, 1),
              })),
            }),
            () => ({ kind: 'DEDUCT', perError: decimal(1, 2) }),
          ])();
          aspects.push({ ...common, type: 'M', requirement: pick(['', ...TEXTS]), calculation });
        }
      }
    }
  }
  return { sections, criteria, subCriteria, aspects };
}

describe('buildCisMarkingSchemeSheets', () => {
  it('writes the hand-built scheme back so that it parses to the same scheme, without warnings', () => {
    const sheets = buildCisMarkingSchemeSheets(EXPECTED, { title: '17 Web Development' });
    const r = parseCisMarkingScheme(sheets);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.scheme).toEqual(EXPECTED);
    // identical calculations share a row: PASS_FAIL is used twice
    expect(sheets.calculations.map((row) => row[1])).toEqual([
      'PASS_FAIL',
      'NUMBER_COMPLETED',
      'CHOICE',
      'RANGED_SCORE',
      'DEDUCT',
    ]);
    expect(sheets.scheme[0]?.[0]).toBe('17 Web Development');
  });

  it('writes sums and totals as CIS shows them', () => {
    const { scheme } = buildCisMarkingSchemeSheets(EXPECTED);
    const section1 = scheme.find((r) => r[0] === 1) ?? [];
    // section 1: 0.3 + 0.2 + 0.5 + 0.25 + 1.25 + 0.25 = 2.75 against 60
    expect([section1[8], section1[9], section1[10]]).toEqual([60, 2.75, 57.25]);
    expect(scheme.find((r) => r[8] === 'Total Variation')?.[10]).toBe(57.25 + 38.75);
    expect(scheme.find((r) => r[0] === 'A')?.[10]).toBe(2.5);
    expect(scheme.find((r) => r[11] === 'Competition')?.[13]).toBe(4);
  });

  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('round-trips random scheme #%i', (seed) => {
    const scheme = randomScheme(seed);
    const r = parseCisMarkingScheme(buildCisMarkingSchemeSheets(scheme));
    expect(r.problems).toEqual([]);
    expect(r.scheme).toEqual(scheme);
  });
});
