/**
 * Reads a marking scheme from the WorldSkills CIS "CIS Marking Scheme Import" workbook
 * (../shared/standards/worldskills.md §1.3–1.4, §5.1) once its two sheets are plain cell grids.
 *
 * Sheet `CIS Marking Scheme Import`:
 * - a WSOS section table (header `Section | … | WSOS Marks`), one row per section until the first
 *   row without a section number;
 * - a criteria table (header `ID | Name | Mark`), one row per criterion until the first row without an ID;
 * - the aspect table: a header row `Sub Criterion ID | Sub Criterion Name or Description | Day of
 *   Marking | Aspect Type | Aspect - Description | Judg Score | Extra Aspect Description … | Requirement
 *   | WSOS Section | Calculation Row | Max Mark` (CIS repeats it before every criterion). A row with a
 *   Sub Criterion ID starts a sub-criterion (it may carry the first aspect too); a row with type M or J
 *   is an aspect; the four rows with Judg Score 0..3 under a J aspect are its descriptors.
 *
 * Sheet `Calculations` (no header): A name, B type, C reusable, D parameters encoded as CIS exports
 * them, `NAME:::<number>#x~x#<text>` entries joined by `#-#` (`NUM_POSSIBLE:::4.00000000#x~x#`,
 * `CHOICE1_LABEL:::#x~x#No errors`). A measurement aspect's "Calculation Row" is the Excel row number
 * of its calculation there.
 *
 * Tables are found by their header texts (case, whitespace and punctuation ignored), not by position.
 * Rows are numbered as Excel shows them: grid row i is Excel row i + 1. Every problem names the sheet,
 * row and column and carries a code the web translates; the scheme is importable only without
 * problems. Warnings are kept for the person importing but do not block.
 *
 * Numbers become exact decimal strings. Cells read from xlsx are binary floats (24.749999999999993),
 * so a cell number is taken to 4 decimals when that is float noise, and rejected when it really has
 * more; calculation parameters are exact decimal text and kept exactly.
 *
 * Pure: no I/O. The server reads the workbook (platform/spreadsheets/cis-workbook-files.ts).
 */
import type {
  Aspect,
  Criterion,
  JudgementAspect,
  MarkingScheme,
  MeasurementAspect,
  MeasurementCalculation,
  SubCriterion,
  WsosSection,
} from './marking-scheme.js';
import { add, compare, parseDecimal, type Rational, rational, toDecimalString, ZERO } from './rational.js';

export type CellValue = string | number | boolean | null;
export type CellGrid = CellValue[][];

export interface CisSheets {
  scheme: CellGrid;
  /** null when the workbook has no Calculations sheet. */
  calculations: CellGrid | null;
}

export const CIS_SCHEME_SHEET = 'CIS Marking Scheme Import';
export const CIS_CALCULATIONS_SHEET = 'Calculations';

/** Problem codes (the web translates each). The first two come from the reader of the file. */
export const CIS_PROBLEM_CODES = [
  'unreadable_file',
  'sheet_missing',
  'sections_table_missing',
  'criteria_table_missing',
  'aspect_header_missing',
  'column_missing',
  'value_missing',
  'section_number_invalid',
  'section_duplicate',
  'section_weight_invalid',
  'criterion_id_invalid',
  'criterion_duplicate',
  'sub_criterion_id_missing',
  'sub_criterion_id_invalid',
  'sub_criterion_duplicate',
  'criterion_unknown',
  'aspect_outside_sub_criterion',
  'aspect_type_invalid',
  'max_mark_invalid',
  'section_unknown',
  'calculation_row_invalid',
  'calculation_row_missing',
  'calculation_type_unknown',
  'calculation_parameter_invalid',
  'deduction_type_unsupported',
  'judgement_score_invalid',
  'judgement_descriptor_missing',
  'no_aspects',
] as const;
export type CisProblemCode = (typeof CIS_PROBLEM_CODES)[number];

export const CIS_WARNING_CODES = [
  'calculation_row_defaulted',
  'calculation_row_ignored',
  'requirement_ignored',
  'judgement_score_ignored',
  'calculation_range_inverted',
  'calculation_range_open_upper',
  'criterion_mark_mismatch',
  'sub_criterion_without_aspects',
  'criterion_without_sub_criteria',
] as const;
export type CisWarningCode = (typeof CIS_WARNING_CODES)[number];

interface CisFinding<Code> {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  /** The column's header as CIS names it ("Max Mark"); '' when the finding concerns a whole row or table. */
  column: string;
  code: Code;
  /** The offending cell's text, when there is one. */
  value?: string;
  /** Why, in English (logs, CLI); the web translates `code`. */
  message: string;
}
export type CisProblem = CisFinding<CisProblemCode>;
export type CisWarning = CisFinding<CisWarningCode>;

export interface CisParseResult {
  scheme: MarkingScheme;
  problems: CisProblem[];
  warnings: CisWarning[];
}

/** Column names used in problems for the Calculations sheet, which has no header row. */
export const CIS_CALCULATION_COLUMNS = ['Name', 'Type', 'Reusable', 'Parameters'] as const;

/** Max decimals of a number typed into a cell (max marks, weights). */
export const CIS_CELL_DECIMALS = 4;

// ---------------------------------------------------------------------------------------------
// Header recognition

/** Lower case, letters and digits only: "Sub\nCriterion\nID" → "subcriterionid". */
export function headerKey(value: CellValue): string {
  return cellText(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

type AspectField =
  | 'subId'
  | 'subName'
  | 'day'
  | 'type'
  | 'description'
  | 'score'
  | 'extra'
  | 'requirement'
  | 'section'
  | 'calculationRow'
  | 'maxMark';

interface AspectColumnSpec {
  field: AspectField;
  /** Canonical name used in problems. */
  name: string;
  /** The header text CIS writes (with its line breaks); the exporter writes it. */
  header: string;
  /** Accepted header starts (after headerKey). */
  keys: readonly string[];
  required: boolean;
}

/** The aspect table's columns, in CIS order (A..K). */
export const CIS_ASPECT_COLUMNS: readonly AspectColumnSpec[] = [
  {
    field: 'subId',
    name: 'Sub Criterion ID',
    header: 'Sub\nCriterion\nID',
    keys: ['subcriterionid'],
    required: true,
  },
  {
    field: 'subName',
    name: 'Sub Criterion Name or Description',
    header: 'Sub Criterion\nName or Description',
    keys: ['subcriterionname'],
    required: true,
  },
  { field: 'day', name: 'Day of Marking', header: 'Day of Marking', keys: ['dayofmarking'], required: true },
  {
    field: 'type',
    name: 'Aspect Type',
    header: 'Aspect\nType\nM = Meas\nJ = Judg',
    keys: ['aspecttype'],
    required: true,
  },
  {
    field: 'description',
    name: 'Aspect - Description',
    header: 'Aspect - Description',
    keys: ['aspectdescription'],
    required: true,
  },
  {
    field: 'score',
    name: 'Judg Score',
    header: 'Judg Score',
    keys: ['judgscore', 'judgementscore', 'judgmentscore'],
    required: true,
  },
  {
    field: 'extra',
    name: 'Extra Aspect Description OR Judgement Score Description',
    header: 'Extra Aspect Description (Meas or Judg)\nOR\nJudgement Score Description (Judg only)',
    keys: ['extraaspectdescription'],
    required: true,
  },
  {
    field: 'requirement',
    name: 'Requirement',
    header: 'Requirement\n(Measurement Only)',
    keys: ['requirement'],
    required: false,
  },
  {
    field: 'section',
    name: 'WSOS Section',
    header: 'WSOS Section',
    keys: ['wsossection', 'wssssection'],
    required: true,
  },
  {
    field: 'calculationRow',
    name: 'Calculation Row',
    header: 'Calculation Row \n(Export only)',
    keys: ['calculationrow'],
    required: false,
  },
  { field: 'maxMark', name: 'Max Mark', header: 'Max\nMark', keys: ['maxmark'], required: true },
];

const SPEC: Readonly<Record<AspectField, AspectColumnSpec>> = Object.fromEntries(
  CIS_ASPECT_COLUMNS.map((c) => [c.field, c]),
) as Record<AspectField, AspectColumnSpec>;

const SECTION_NUMBER_KEYS = ['section'];
const SECTION_NAME_KEYS = ['name', 'sectionname'];
const SECTION_WEIGHT_PREFIXES = ['wsosmarks', 'wsssmarks'];

const rowKeys = (row: readonly CellValue[] | undefined) => (row ?? []).map(headerKey);

function isSectionsHeader(keys: readonly string[]): boolean {
  return (
    keys.some((k) => SECTION_NUMBER_KEYS.includes(k)) &&
    keys.some((k) => SECTION_WEIGHT_PREFIXES.some((p) => k.startsWith(p)))
  );
}

function isCriteriaHeader(keys: readonly string[]): boolean {
  return keys.includes('id') && keys.includes('name') && keys.includes('mark');
}

function isAspectHeader(keys: readonly string[]): boolean {
  return (
    keys.some((k) => SPEC.subId.keys.some((p) => k.startsWith(p))) &&
    keys.some((k) => SPEC.type.keys.some((p) => k.startsWith(p)))
  );
}

/** Which header a row of the scheme sheet is, if any (the exporter makes these rows bold). */
export function cisHeaderRowKind(row: readonly CellValue[]): 'sections' | 'criteria' | 'aspects' | null {
  const keys = rowKeys(row);
  return isAspectHeader(keys)
    ? 'aspects'
    : isSectionsHeader(keys)
      ? 'sections'
      : isCriteriaHeader(keys)
        ? 'criteria'
        : null;
}

// ---------------------------------------------------------------------------------------------
// Cell values

/** A cell as text: trimmed, CRLF as LF, numbers as their exact decimal ("1", "0.3"). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return decimalFromNumber(value, CIS_CELL_DECIMALS) ?? String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'TRUE' : 'FALSE';
  }
  return value.replace(/\r\n?/g, '\n').trim();
}

const stripZeros = (fixed: string) => {
  const s = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return s === '-0' ? '0' : s;
};

/**
 * A binary float as the shortest decimal with at most `decimals` decimals (0.30000000000000004 →
 * "0.3", 24.749999999999993 → "24.75"); null when the number really has more decimals (0.33333).
 */
export function decimalFromNumber(value: number, decimals: number): string | null {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) {
    return null;
  }
  const fixed = value.toFixed(decimals);
  if (Math.abs(Number(fixed) - value) > 1e-9 * Math.max(1, Math.abs(value))) {
    return null;
  }
  return stripZeros(fixed);
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

function decimalRational(text: string): Rational | null {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m || (!m[2] && !m[3])) {
    return null;
  }
  const [, sign, whole = '', fraction = '', exponentText] = m;
  const shift = Number(exponentText ?? 0) - fraction.length;
  const digits = BigInt(`${sign === '-' ? '-' : ''}${whole || '0'}${fraction}`);
  return shift >= 0 ? rational(digits * 10n ** BigInt(shift)) : rational(digits, 10n ** BigInt(-shift));
}

/** Exact decimal text ("33.30000000" → "33.3", "0E-8" → "0", "1e2" → "100"); null when it is not a number. */
export function exactDecimal(text: string): string | null {
  const r = decimalRational(text);
  return r ? toDecimalString(r) : null;
}

const decimalsOf = (decimal: string) => decimal.split('.')[1]?.length ?? 0;

type DecimalCell =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'too_precise' };

/** A cell holding a decimal of at most CIS_CELL_DECIMALS decimals, as a number or as text. */
function cellDecimal(value: CellValue | undefined): DecimalCell {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, reason: 'empty' };
  }
  if (typeof value === 'number') {
    const d = decimalFromNumber(value, CIS_CELL_DECIMALS);
    return d === null
      ? { ok: false, reason: Number.isFinite(value) ? 'too_precise' : 'not_a_number' }
      : { ok: true, value: d };
  }
  if (typeof value === 'boolean') {
    return { ok: false, reason: 'not_a_number' };
  }
  const d = exactDecimal(value);
  if (d === null) {
    return { ok: false, reason: 'not_a_number' };
  }
  return decimalsOf(d) > CIS_CELL_DECIMALS ? { ok: false, reason: 'too_precise' } : { ok: true, value: d };
}

/** A cell holding a whole number ≥ 1 (section numbers, calculation rows). */
function cellPositiveInteger(value: CellValue | undefined): number | null {
  const d = cellDecimal(value);
  if (!d.ok || !/^\d{1,9}$/.test(d.value)) {
    return null;
  }
  const n = Number(d.value);
  return n >= 1 ? n : null;
}

const DECIMAL_REASON = {
  empty: 'is empty',
  not_a_number: 'is not a number',
  too_precise: `has more than ${CIS_CELL_DECIMALS} decimals`,
} as const;

const decimalOf = (d: string): Rational => parseDecimal(d) ?? ZERO;

// ---------------------------------------------------------------------------------------------
// Findings

class Findings {
  readonly problems: CisProblem[] = [];
  readonly warnings: CisWarning[] = [];

  problem(
    sheet: string,
    rowIndex: number,
    column: string,
    code: CisProblemCode,
    message: string,
    value?: CellValue,
  ) {
    this.problems.push(finding(sheet, rowIndex, column, code, message, value));
  }

  warning(
    sheet: string,
    rowIndex: number,
    column: string,
    code: CisWarningCode,
    message: string,
    value?: CellValue,
  ) {
    this.warnings.push(finding(sheet, rowIndex, column, code, message, value));
  }
}

function finding<Code>(
  sheet: string,
  rowIndex: number,
  column: string,
  code: Code,
  message: string,
  value?: CellValue,
): CisFinding<Code> {
  const text = value === undefined ? '' : cellText(value);
  return { sheet, row: rowIndex + 1, column, code, ...(text ? { value: text } : {}), message };
}

// ---------------------------------------------------------------------------------------------
// Section and criteria tables

interface CriterionRow {
  criterion: Criterion;
  rowIndex: number;
  mark: string | null;
  markCell: CellValue;
}

function findRow(grid: CellGrid, end: number, test: (keys: string[]) => boolean): number {
  for (let i = 0; i < end; i++) {
    if (test(rowKeys(grid[i]))) {
      return i;
    }
  }
  return -1;
}

/** The sections that passed, and every section number the table names (so one bad cell does not make aspects' sections unknown). */
function readSections(
  grid: CellGrid,
  end: number,
  f: Findings,
): { sections: WsosSection[]; numbers: Set<number> } | null {
  const S = CIS_SCHEME_SHEET;
  const h = findRow(grid, end, isSectionsHeader);
  if (h === -1) {
    f.problem(
      S,
      0,
      'Section',
      'sections_table_missing',
      'No header row "Section | … | WSOS Marks" was found',
    );
    return null;
  }
  const keys = rowKeys(grid[h]);
  const numberCol = keys.findIndex((k) => SECTION_NUMBER_KEYS.includes(k));
  let weightCol = -1;
  keys.forEach((k, i) => {
    if (SECTION_WEIGHT_PREFIXES.some((p) => k.startsWith(p))) {
      weightCol = i;
    }
  });
  const named = keys.findIndex((k) => SECTION_NAME_KEYS.includes(k));
  const nameCol = named !== -1 ? named : numberCol + 1;
  if (nameCol === weightCol) {
    f.problem(S, h, 'Name', 'column_missing', 'The section table has no name column');
    return null;
  }
  const sections: WsosSection[] = [];
  const numbers = new Set<number>();
  for (let i = h + 1; i < end; i++) {
    const row = grid[i] ?? [];
    const numberCell = row[numberCol] ?? null;
    if (cellText(numberCell) === '') {
      break;
    }
    let ok = true;
    const number = cellPositiveInteger(numberCell);
    if (number === null) {
      f.problem(
        S,
        i,
        'Section',
        'section_number_invalid',
        'A section number is a whole number ≥ 1',
        numberCell,
      );
      ok = false;
    } else if (numbers.has(number)) {
      f.problem(S, i, 'Section', 'section_duplicate', `Section ${number} is listed twice`, numberCell);
      ok = false;
    }
    if (number !== null) {
      numbers.add(number);
    }
    const name = cellText(row[nameCol]);
    if (!name) {
      f.problem(S, i, 'Name', 'value_missing', 'The section has no name');
      ok = false;
    }
    const weightCell = row[weightCol] ?? null;
    const weight = cellDecimal(weightCell);
    if (!weight.ok || compare(decimalOf(weight.value), ZERO) < 0) {
      f.problem(
        S,
        i,
        'WSOS Marks',
        'section_weight_invalid',
        `The section's WSOS marks ${weight.ok ? 'are negative' : DECIMAL_REASON[weight.reason]}`,
        weightCell,
      );
      ok = false;
    }
    if (ok && number !== null && weight.ok) {
      sections.push({ number, name, weight: weight.value });
    }
  }
  return { sections, numbers };
}

function readCriteria(grid: CellGrid, end: number, f: Findings): CriterionRow[] | null {
  const S = CIS_SCHEME_SHEET;
  const h = findRow(grid, end, isCriteriaHeader);
  if (h === -1) {
    f.problem(S, 0, 'ID', 'criteria_table_missing', 'No header row "ID | Name | Mark" was found');
    return null;
  }
  const keys = rowKeys(grid[h]);
  const idCol = keys.indexOf('id');
  const nameCol = keys.indexOf('name');
  const markCol = keys.lastIndexOf('mark');
  const rows: CriterionRow[] = [];
  for (let i = h + 1; i < end; i++) {
    const row = grid[i] ?? [];
    const idCell = row[idCol] ?? null;
    const id = cellText(idCell).toUpperCase();
    if (!id) {
      break;
    }
    let ok = true;
    if (!/^[A-Z]$/.test(id)) {
      f.problem(S, i, 'ID', 'criterion_id_invalid', 'A criterion ID is one letter A..Z', idCell);
      ok = false;
    } else if (rows.some((r) => r.criterion.key === id)) {
      f.problem(S, i, 'ID', 'criterion_duplicate', `Criterion ${id} is listed twice`, idCell);
      ok = false;
    }
    const name = cellText(row[nameCol]);
    if (!name) {
      f.problem(S, i, 'Name', 'value_missing', 'The criterion has no name');
      ok = false;
    }
    if (ok) {
      const markCell = row[markCol] ?? null;
      const mark = cellDecimal(markCell);
      rows.push({ criterion: { key: id, name }, rowIndex: i, mark: mark.ok ? mark.value : null, markCell });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Calculations sheet

const PARAM_SEPARATOR = '#-#';
const NAME_SEPARATOR = ':::';
const VALUE_SEPARATOR = '#x~x#';

interface Param {
  num: string;
  text: string;
}

/** Decodes `NAME:::<number>#x~x#<text>#-#…`; null when an entry is not of that form or repeats a name. */
export function decodeCalculationParameters(encoded: string): Map<string, Param> | null {
  const params = new Map<string, Param>();
  if (encoded.trim() === '') {
    return params;
  }
  for (const entry of encoded.split(PARAM_SEPARATOR)) {
    const at = entry.indexOf(NAME_SEPARATOR);
    if (at === -1) {
      if (entry.trim() === '') {
        continue;
      }
      return null;
    }
    const name = entry.slice(0, at).trim().toUpperCase();
    const rest = entry.slice(at + NAME_SEPARATOR.length);
    const v = rest.indexOf(VALUE_SEPARATOR);
    const param =
      v === -1
        ? { num: rest, text: '' }
        : { num: rest.slice(0, v), text: rest.slice(v + VALUE_SEPARATOR.length) };
    if (!name || params.has(name)) {
      return null;
    }
    params.set(name, { num: param.num.trim(), text: param.text.replace(/\r\n?/g, '\n').trim() });
  }
  return params;
}

/** Encodes parameters the way CIS exports them (numbers with at least 8 decimals). */
export function encodeCalculationParameters(
  params: readonly { name: string; num?: string; text?: string }[],
) {
  return params
    .map((p) => {
      const num = p.num === undefined ? '' : toDecimalString(decimalOf(p.num), 8);
      return `${p.name}${NAME_SEPARATOR}${num}${VALUE_SEPARATOR}${p.text ?? ''}`;
    })
    .join(PARAM_SEPARATOR);
}

function parseCalculation(
  row: readonly CellValue[],
  rowIndex: number,
  f: Findings,
): MeasurementCalculation | null {
  const S = CIS_CALCULATIONS_SHEET;
  const [, TYPE, , PARAMS] = CIS_CALCULATION_COLUMNS;
  const type = cellText(row[1]).toUpperCase();
  const params = decodeCalculationParameters(cellText(row[3]));
  if (!['PASS_FAIL', 'NUMBER_COMPLETED', 'CHOICE', 'RANGED_SCORE', 'DEDUCT'].includes(type)) {
    f.problem(S, rowIndex, TYPE, 'calculation_type_unknown', `Unknown calculation type "${type}"`, row[1]);
    return null;
  }
  if (params === null) {
    f.problem(
      S,
      rowIndex,
      PARAMS,
      'calculation_parameter_invalid',
      'The parameters are not entries NAME:::number#x~x#text joined by #-# (or a name repeats)',
      row[3],
    );
    return null;
  }
  let ok = true;
  const bad = (name: string, why: string, raw?: string) => {
    f.problem(
      S,
      rowIndex,
      PARAMS,
      'calculation_parameter_invalid',
      `${name} ${why}`,
      raw === undefined ? undefined : `${name}=${raw}`,
    );
    ok = false;
  };
  /** The parameter's number (its number part, else its text part); undefined when absent or blank. */
  const num = (name: string): string | undefined => {
    const p = params.get(name);
    const raw = p ? p.num || p.text : '';
    if (raw === '') {
      return undefined;
    }
    const d = exactDecimal(raw);
    if (d === null) {
      bad(name, 'is not a number', raw);
      return undefined;
    }
    return d;
  };
  const percent = (name: string): string | undefined => {
    const d = num(name);
    if (d !== undefined && (compare(decimalOf(d), ZERO) < 0 || compare(decimalOf(d), rational(100)) > 0)) {
      bad(name, 'must be a percentage from 0 to 100', d);
      return undefined;
    }
    return d;
  };
  const indices = (re: RegExp) =>
    [
      ...new Set(
        [...params.keys()].flatMap((k) => {
          const m = re.exec(k);
          return m ? [Number(m[1])] : [];
        }),
      ),
    ].sort((a, b) => a - b);
  const checkDeductionType = () => {
    const t = params.get('DEDUCTION_TYPE');
    const value = (t ? t.text || t.num : '').toUpperCase();
    if (value && value !== 'PERCENT') {
      f.problem(
        S,
        rowIndex,
        PARAMS,
        'deduction_type_unsupported',
        `DEDUCTION_TYPE ${value} is not supported; only PERCENT is`,
        `DEDUCTION_TYPE=${value}`,
      );
      ok = false;
    }
  };

  switch (type) {
    case 'PASS_FAIL':
      return { kind: 'PASS_FAIL' };
    case 'NUMBER_COMPLETED': {
      const possible = num('NUM_POSSIBLE');
      if (possible === undefined || !/^\d{1,6}$/.test(possible) || possible === '0') {
        if (ok) {
          bad('NUM_POSSIBLE', 'must be a whole number ≥ 1', possible ?? '');
        }
        return null;
      }
      return { kind: 'NUMBER_COMPLETED', possible: Number(possible) };
    }
    case 'CHOICE': {
      checkDeductionType();
      const choices: { label: string; deductionPct: string }[] = [];
      for (const i of indices(/^CHOICE(\d+)_(?:LABEL|DEDUCTION)$/)) {
        const label = params.get(`CHOICE${i}_LABEL`)?.text ?? '';
        const deduction = percent(`CHOICE${i}_DEDUCTION`);
        const given = params.get(`CHOICE${i}_DEDUCTION`);
        const deductionGiven = given !== undefined && (given.num || given.text) !== '';
        if (!label && !deductionGiven) {
          continue; // an unused choice slot
        }
        if (!label) {
          bad(`CHOICE${i}_LABEL`, 'is empty but the choice has a deduction');
        } else if (!deductionGiven) {
          bad(`CHOICE${i}_DEDUCTION`, 'is missing for a labelled choice');
        } else if (deduction !== undefined) {
          choices.push({ label, deductionPct: deduction });
        }
      }
      if (ok && choices.length === 0) {
        bad('CHOICE1_LABEL', 'is missing: a CHOICE calculation needs at least one choice');
      }
      return ok ? { kind: 'CHOICE', choices } : null;
    }
    case 'RANGED_SCORE': {
      checkDeductionType();
      const target = num('TARGET_VALUE');
      if (target === undefined && ok) {
        bad('TARGET_VALUE', 'is missing');
      }
      const ranges: { lower: string; upper: string; deductionPct: string }[] = [];
      for (const i of indices(/^RANGE(\d+)_(?:LOWER|UPPER|DEDUCTION)$/)) {
        const raw = ['LOWER', 'UPPER', 'DEDUCTION'].map((p) => {
          const e = params.get(`RANGE${i}_${p}`);
          return e ? e.num || e.text : '';
        });
        if (raw.every((r) => r === '') || raw.every((r) => exactDecimal(r) === '0')) {
          continue; // an unused range slot: CIS leaves it blank or writes 0E-8 in all three
        }
        const lower = num(`RANGE${i}_LOWER`);
        const upper = num(`RANGE${i}_UPPER`);
        const deduction = percent(`RANGE${i}_DEDUCTION`);
        const missing = ['LOWER', 'UPPER', 'DEDUCTION'].filter((_, k) => raw[k] === '');
        if (missing.length > 0) {
          bad(`RANGE${i}_${missing[0]}`, 'is missing while the rest of the range is given');
          continue;
        }
        if (lower === undefined || upper === undefined || deduction === undefined) {
          continue;
        }
        if (
          target !== undefined &&
          exactDecimal(upper) === '0' &&
          compare(decimalOf(lower), ZERO) > 0 &&
          compare(decimalOf(target), decimalOf(lower)) > 0
        ) {
          // CIS writes an upper bound left empty as 0. The real ES2025 coverage calculation (target
          // 100; 0–20 → 100 %, 20–[empty] → 60 %) reads as "from 20 up to the target", which is how
          // its Technical Description words it, so the open bound becomes the target.
          f.warning(
            S,
            rowIndex,
            PARAMS,
            'calculation_range_open_upper',
            `RANGE${i} has no upper bound (0): read as ${lower}..${target}, up to the target`,
            `RANGE${i}=${lower}..0`,
          );
          ranges.push({ lower, upper: target, deductionPct: deduction });
          continue;
        }
        if (compare(decimalOf(lower), decimalOf(upper)) > 0) {
          f.warning(
            S,
            rowIndex,
            PARAMS,
            'calculation_range_inverted',
            `RANGE${i} has its lower bound ${lower} above its upper bound ${upper}: no value falls in it`,
            `RANGE${i}=${lower}..${upper}`,
          );
        }
        ranges.push({ lower, upper, deductionPct: deduction });
      }
      return ok && target !== undefined ? { kind: 'RANGED_SCORE', target, ranges } : null;
    }
    default: {
      // DEDUCT: TVET Bridge's own type (a deduction per error), not a CIS type.
      const perError = num('PER_ERROR');
      if (perError === undefined || compare(decimalOf(perError), ZERO) <= 0) {
        if (ok) {
          bad('PER_ERROR', 'must be a number > 0', perError ?? '');
        }
        return null;
      }
      return { kind: 'DEDUCT', perError };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Aspect table

type Columns = Partial<Record<AspectField, number>>;

/** The columns of an aspect header row; null (after reporting each) when a required one is missing. */
function aspectColumns(keys: readonly string[], rowIndex: number, f: Findings): Columns | null {
  const cols: Columns = {};
  let complete = true;
  for (const spec of CIS_ASPECT_COLUMNS) {
    const at = keys.findIndex((k) => spec.keys.some((p) => k.startsWith(p)));
    if (at !== -1) {
      cols[spec.field] = at;
    } else if (spec.required) {
      f.problem(
        CIS_SCHEME_SHEET,
        rowIndex,
        spec.name,
        'column_missing',
        `The aspect header row has no "${spec.name}" column`,
      );
      complete = false;
    }
  }
  return complete ? cols : null;
}

interface OpenSubCriterion {
  /** null when the sub-criterion row had a problem: its aspects are checked but not kept. */
  sub: SubCriterion | null;
  aspectCount: number;
  rowIndex: number;
}

interface OpenJudgement {
  aspect: Omit<JudgementAspect, 'descriptors'> | null;
  rowIndex: number;
  descriptors: (string | undefined)[];
}

/**
 * Parses the two sheets. The scheme holds what could be read; import it only when `problems` is empty.
 */
export function parseCisMarkingScheme(sheets: CisSheets): CisParseResult {
  const f = new Findings();
  const S = CIS_SCHEME_SHEET;
  const grid = sheets.scheme;
  const firstAspectHeader = grid.findIndex((row) => isAspectHeader(rowKeys(row)));
  const tablesEnd = firstAspectHeader === -1 ? grid.length : firstAspectHeader;
  const sections = readSections(grid, tablesEnd, f);
  const criteriaRows = readCriteria(grid, tablesEnd, f);
  const scheme: MarkingScheme = {
    sections: sections?.sections ?? [],
    criteria: (criteriaRows ?? []).map((r) => r.criterion),
    subCriteria: [],
    aspects: [],
  };
  if (firstAspectHeader === -1) {
    f.problem(
      S,
      0,
      SPEC.subId.name,
      'aspect_header_missing',
      'No aspect header row "Sub Criterion ID | … | Max Mark" was found',
    );
    return { scheme, problems: f.problems, warnings: f.warnings };
  }

  const sectionNumbers = sections?.numbers ?? null;
  const criterionKeys = criteriaRows ? new Set(criteriaRows.map((r) => r.criterion.key)) : null;
  const subKeys = new Set<string>();
  const calculations = new Map<number, MeasurementCalculation | null>();
  const openSubs: OpenSubCriterion[] = [];
  let cols: Columns | null = {};
  /** Rows under a header with missing columns are not read (the header's problem says why). */
  let unreadRows = false;
  let current: OpenSubCriterion | null = null;
  let judgement: OpenJudgement | null = null;
  let aspectRows = 0;

  const cell = (row: readonly CellValue[], field: AspectField): CellValue => {
    const at = cols?.[field];
    return at === undefined ? null : (row[at] ?? null);
  };
  const text = (row: readonly CellValue[], field: AspectField) => cellText(cell(row, field));

  const closeJudgement = () => {
    if (!judgement) {
      return;
    }
    const missing = [0, 1, 2, 3].filter((s) => judgement?.descriptors[s] === undefined);
    if (missing.length > 0) {
      f.problem(
        S,
        judgement.rowIndex,
        SPEC.score.name,
        'judgement_descriptor_missing',
        `The judgement aspect has no descriptor row for score ${missing.join(', ')}: rows with Judg Score 0, 1, 2 and 3 must follow it`,
      );
    } else if (judgement.aspect) {
      const [d0, d1, d2, d3] = judgement.descriptors as string[];
      scheme.aspects.push({ ...judgement.aspect, descriptors: [d0 ?? '', d1 ?? '', d2 ?? '', d3 ?? ''] });
    }
    judgement = null;
  };

  const calculationFor = (
    ref: number,
    rowIndex: number,
    refCell: CellValue,
  ): MeasurementCalculation | null => {
    const calcGrid = sheets.calculations;
    const calcRow = calcGrid?.[ref - 1];
    if (!calcGrid || !calcRow || cellText(calcRow[1]) === '') {
      f.problem(
        S,
        rowIndex,
        SPEC.calculationRow.name,
        'calculation_row_missing',
        calcGrid
          ? `Row ${ref} of the ${CIS_CALCULATIONS_SHEET} sheet holds no calculation`
          : `The workbook has no ${CIS_CALCULATIONS_SHEET} sheet`,
        refCell,
      );
      return null;
    }
    if (!calculations.has(ref)) {
      calculations.set(ref, parseCalculation(calcRow, ref - 1, f));
    }
    return calculations.get(ref) ?? null;
  };

  const startSubCriterion = (row: readonly CellValue[], i: number) => {
    const idCell = cell(row, 'subId');
    const key = cellText(idCell).toUpperCase();
    const name = text(row, 'subName');
    const day = text(row, 'day');
    let ok = true;
    const m = /^([A-Z])(\d{1,3})$/.exec(key);
    if (!m) {
      f.problem(
        S,
        i,
        SPEC.subId.name,
        'sub_criterion_id_invalid',
        'A sub-criterion ID is its criterion letter and a number (A1, B12)',
        idCell,
      );
      ok = false;
    } else if (subKeys.has(key)) {
      f.problem(
        S,
        i,
        SPEC.subId.name,
        'sub_criterion_duplicate',
        `Sub-criterion ${key} appears twice`,
        idCell,
      );
      ok = false;
    } else if (criterionKeys && !criterionKeys.has(m[1] ?? '')) {
      f.problem(
        S,
        i,
        SPEC.subId.name,
        'criterion_unknown',
        `Criterion ${m[1]} is not in the criteria table`,
        idCell,
      );
      ok = false;
    }
    subKeys.add(key);
    if (!name) {
      f.problem(S, i, SPEC.subName.name, 'value_missing', 'The sub-criterion has no name');
      ok = false;
    }
    if (!day) {
      f.problem(S, i, SPEC.day.name, 'value_missing', 'The sub-criterion has no day of marking');
      ok = false;
    }
    const sub = ok && m ? { key, criterionKey: m[1] ?? '', name, dayOfMarking: day } : null;
    if (sub) {
      scheme.subCriteria.push(sub);
    }
    current = { sub, aspectCount: 0, rowIndex: i };
    openSubs.push(current);
  };

  const readAspect = (row: readonly CellValue[], i: number) => {
    aspectRows++;
    const typeCell = cell(row, 'type');
    const type = cellText(typeCell).toUpperCase();
    if (!current) {
      f.problem(
        S,
        i,
        SPEC.subId.name,
        'aspect_outside_sub_criterion',
        'The aspect comes before any sub-criterion row',
      );
      return;
    }
    current.aspectCount++;
    const key = current.sub ? `${current.sub.key}.${current.aspectCount}` : null;
    let ok = true;
    if (type !== 'M' && type !== 'J') {
      f.problem(
        S,
        i,
        SPEC.type.name,
        'aspect_type_invalid',
        type
          ? 'The aspect type must be M (measurement) or J (judgement)'
          : 'A row with aspect content has no type M or J',
        typeCell,
      );
      return;
    }
    const description = text(row, 'description');
    if (!description) {
      f.problem(S, i, SPEC.description.name, 'value_missing', 'The aspect has no description');
      ok = false;
    }
    const sectionCell = cell(row, 'section');
    const section = cellPositiveInteger(sectionCell);
    if (section === null || (sectionNumbers && !sectionNumbers.has(section))) {
      f.problem(
        S,
        i,
        SPEC.section.name,
        'section_unknown',
        cellText(sectionCell)
          ? `WSOS section ${cellText(sectionCell)} is not in the section table`
          : 'The aspect has no WSOS section',
        sectionCell,
      );
      ok = false;
    }
    const maxCell = cell(row, 'maxMark');
    const max = cellDecimal(maxCell);
    if (!max.ok || compare(decimalOf(max.value), ZERO) <= 0) {
      f.problem(
        S,
        i,
        SPEC.maxMark.name,
        'max_mark_invalid',
        `The max mark ${max.ok ? 'must be greater than 0' : DECIMAL_REASON[max.reason]}`,
        maxCell,
      );
      ok = false;
    }
    const base =
      ok && key && current.sub && section !== null && max.ok
        ? {
            key,
            subCriterionKey: current.sub.key,
            description,
            extraDescription: text(row, 'extra'),
            maxMark: max.value,
            wsosSection: section,
          }
        : null;
    const scoreCell = cell(row, 'score');
    if (cellText(scoreCell) !== '') {
      f.warning(
        S,
        i,
        SPEC.score.name,
        'judgement_score_ignored',
        'An aspect row takes no Judg Score (only the four rows under a J aspect do); it was ignored',
        scoreCell,
      );
    }
    const calcCell = cell(row, 'calculationRow');
    if (type === 'J') {
      if (text(row, 'requirement')) {
        f.warning(
          S,
          i,
          SPEC.requirement.name,
          'requirement_ignored',
          'A judgement aspect has no requirement; it was ignored',
        );
      }
      if (cellText(calcCell)) {
        f.warning(
          S,
          i,
          SPEC.calculationRow.name,
          'calculation_row_ignored',
          'A judgement aspect has no calculation; the row reference was ignored',
          calcCell,
        );
      }
      judgement = { aspect: base ? { ...base, type: 'J' } : null, rowIndex: i, descriptors: [] };
      return;
    }
    let calculation: MeasurementCalculation | null;
    if (cellText(calcCell) === '') {
      f.warning(
        S,
        i,
        SPEC.calculationRow.name,
        'calculation_row_defaulted',
        'The measurement aspect names no calculation row; it is marked PASS_FAIL',
      );
      calculation = { kind: 'PASS_FAIL' };
    } else {
      const ref = cellPositiveInteger(calcCell);
      if (ref === null) {
        f.problem(
          S,
          i,
          SPEC.calculationRow.name,
          'calculation_row_invalid',
          `The calculation row must be a row number of the ${CIS_CALCULATIONS_SHEET} sheet`,
          calcCell,
        );
        calculation = null;
      } else {
        calculation = calculationFor(ref, i, calcCell);
      }
    }
    if (base && calculation) {
      const aspect: MeasurementAspect = {
        ...base,
        type: 'M',
        requirement: text(row, 'requirement'),
        calculation,
      };
      scheme.aspects.push(aspect);
    }
  };

  const readDescriptor = (row: readonly CellValue[], i: number) => {
    const scoreCell = cell(row, 'score');
    const score = cellText(scoreCell);
    if (!judgement) {
      f.problem(
        S,
        i,
        SPEC.score.name,
        'judgement_score_invalid',
        'A Judg Score row must follow a J aspect or another score row of it',
        scoreCell,
      );
      return;
    }
    if (!/^[0-3]$/.test(score)) {
      f.problem(S, i, SPEC.score.name, 'judgement_score_invalid', 'A Judg Score is 0, 1, 2 or 3', scoreCell);
      return;
    }
    const level = Number(score);
    if (judgement.descriptors[level] !== undefined) {
      f.problem(
        S,
        i,
        SPEC.score.name,
        'judgement_score_invalid',
        `Score ${level} is described twice for this aspect`,
        scoreCell,
      );
      return;
    }
    const descriptor = text(row, 'extra');
    if (!descriptor) {
      f.problem(
        S,
        i,
        SPEC.extra.name,
        'judgement_descriptor_missing',
        `The descriptor of score ${level} is empty`,
      );
      judgement.descriptors[level] = '';
      judgement.aspect = null;
      return;
    }
    judgement.descriptors[level] = descriptor;
  };

  for (let i = firstAspectHeader; i < grid.length; i++) {
    const row = grid[i] ?? [];
    const keys = rowKeys(row);
    if (isAspectHeader(keys)) {
      closeJudgement();
      cols = aspectColumns(keys, i, f);
      current = null;
      continue;
    }
    if (cols === null) {
      unreadRows ||= row.some((c) => cellText(c) !== '');
      continue;
    }
    const filled = (field: AspectField) => text(row, field) !== '';
    if (filled('subId')) {
      closeJudgement();
      startSubCriterion(row, i);
      if (filled('type')) {
        readAspect(row, i);
      }
    } else if (filled('type')) {
      closeJudgement();
      readAspect(row, i);
    } else if (filled('score')) {
      readDescriptor(row, i);
    } else if (filled('subName') || filled('day')) {
      closeJudgement();
      f.problem(S, i, SPEC.subId.name, 'sub_criterion_id_missing', 'The sub-criterion row has no ID');
      current = { sub: null, aspectCount: 0, rowIndex: i };
    } else if (
      (['description', 'extra', 'requirement', 'section', 'calculationRow', 'maxMark'] as const).some(filled)
    ) {
      closeJudgement();
      readAspect(row, i);
    }
  }
  closeJudgement();

  if (aspectRows === 0 && !unreadRows) {
    f.problem(S, firstAspectHeader, SPEC.type.name, 'no_aspects', 'The aspect table has no aspect rows');
  }
  for (const open of openSubs) {
    if (open.sub && open.aspectCount === 0) {
      f.warning(
        S,
        open.rowIndex,
        SPEC.subId.name,
        'sub_criterion_without_aspects',
        `Sub-criterion ${open.sub.key} has no aspects`,
        open.sub.key,
      );
    }
  }
  for (const r of criteriaRows ?? []) {
    const key = r.criterion.key;
    if (!scheme.subCriteria.some((s) => s.criterionKey === key)) {
      f.warning(
        S,
        r.rowIndex,
        'ID',
        'criterion_without_sub_criteria',
        `Criterion ${key} has no sub-criteria`,
        key,
      );
      continue;
    }
    const total = criterionTotal(scheme, key);
    if (cellText(r.markCell) !== '' && (r.mark === null || compare(decimalOf(r.mark), total) !== 0)) {
      f.warning(
        S,
        r.rowIndex,
        'Mark',
        'criterion_mark_mismatch',
        `The criteria table gives ${cellText(r.markCell)} but the aspects of criterion ${key} sum to ${toDecimalString(total)}`,
        r.markCell,
      );
    }
  }
  return { scheme, problems: f.problems, warnings: f.warnings };
}

// ---------------------------------------------------------------------------------------------
// Sums (also used by the exporter)

/** Exact sum of the max marks of the given aspects. */
export function sumMaxMarks(aspects: readonly Aspect[]): Rational {
  return aspects.reduce((t, a) => add(t, decimalOf(a.maxMark)), ZERO);
}

/** Exact sum of a criterion's aspect max marks. */
export function criterionTotal(scheme: MarkingScheme, criterionKey: string): Rational {
  const subs = new Set(scheme.subCriteria.filter((s) => s.criterionKey === criterionKey).map((s) => s.key));
  return sumMaxMarks(scheme.aspects.filter((a) => subs.has(a.subCriterionKey)));
}

/** Exact sum of the max marks of the aspects referenced to a WSOS section. */
export function sectionTotal(scheme: MarkingScheme, section: number): Rational {
  return sumMaxMarks(scheme.aspects.filter((a) => a.wsosSection === section));
}
