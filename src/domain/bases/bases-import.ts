/**
 * Validation of the two spreadsheet imports of the training bases module, both all-or-nothing:
 *
 * - an **Infrastructure List** (columns INFRASTRUCTURE_LIST_COLUMNS: item, specification, quantity,
 *   basis, category), and
 * - a base's **equipment inventory** (INVENTORY_FILE_COLUMNS: item, specification, quantity, unit,
 *   condition, notes).
 *
 * The first non-blank row is the header; header cells match column names case-insensitively, with
 * spaces, dashes and underscores treated alike. Row numbers are spreadsheet rows (the first row of
 * the file is 1); fully blank rows are skipped and keep their number. Every problem is reported at
 * once, by row and column, so a person can fix the file in one go. Pure: no I/O.
 */
import {
  EQUIPMENT_CONDITIONS,
  type EquipmentCondition,
  INFRASTRUCTURE_BASES,
  INFRASTRUCTURE_LIST_COLUMNS,
  INVENTORY_FILE_COLUMNS,
  type InfrastructureBasis,
} from '../../contracts/bases.js';
import type { TImportProblem } from '../../contracts/partners.js';

/** Problem codes these validators report (the web translates each under bases.problem.*). */
export const BASES_IMPORT_PROBLEM_CODES = [
  'required',
  'quantity_positive_integer',
  'quantity_non_negative_integer',
  'unknown_basis',
  'unknown_condition',
  'too_long',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'too_many_rows',
  'unreadable_file',
] as const;
export type BasesImportProblemCode = (typeof BASES_IMPORT_PROBLEM_CODES)[number];

export interface ParsedListItem {
  row: number;
  item: string;
  specification: string;
  quantity: number;
  basis: InfrastructureBasis;
  category: string;
}

export interface ParsedInventoryItem {
  row: number;
  itemName: string;
  specification: string;
  quantity: number;
  unit: string;
  condition: EquipmentCondition;
  notes: string;
}

export interface TabularImportResult<T> {
  problems: TImportProblem[];
  /** Rows without a problem, in file order. */
  rows: T[];
  /** Non-blank data rows (valid or not). */
  rowCount: number;
}

const MAX_PROBLEM_VALUE_LENGTH = 200;
const headerKey = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

function clip(value: string): string {
  return value.length > MAX_PROBLEM_VALUE_LENGTH ? `${value.slice(0, MAX_PROBLEM_VALUE_LENGTH)}…` : value;
}

/** '12' → 12; '12.0', '1e2', ' ', '-3', '3.5' → null. */
function parseWholeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) {
    return null;
  }
  return Number(t);
}

/** 'per workstation', 'Per-Workstation', 'workstation' → 'per_workstation'. */
export function parseBasis(text: string): InfrastructureBasis | null {
  const k = headerKey(text);
  const full = k.startsWith('per_') ? k : `per_${k}`;
  return (INFRASTRUCTURE_BASES as readonly string[]).includes(full) ? (full as InfrastructureBasis) : null;
}

export function parseCondition(text: string): EquipmentCondition | null {
  const k = headerKey(text);
  if (k === '') {
    return 'good';
  }
  return (EQUIPMENT_CONDITIONS as readonly string[]).includes(k) ? (k as EquipmentCondition) : null;
}

interface Layout<C extends string> {
  columns: readonly C[];
  required: readonly C[];
  maxLength: Readonly<Record<C, number>>;
}

/** Common part: header, blank rows, row limit, lengths; then `parseRow` per data row. */
function validateTable<C extends string, T>(
  cells: readonly (readonly string[])[],
  layout: Layout<C>,
  maxRows: number,
  parseRow: (
    get: (c: C) => string,
    row: number,
    problem: (c: C, code: BasesImportProblemCode, v?: string) => void,
  ) => T | null,
): TabularImportResult<T> {
  const problems: TImportProblem[] = [];
  const headerIndex = cells.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) {
    return { problems: [{ row: 1, column: '', code: 'empty_file' }], rows: [], rowCount: 0 };
  }
  const header = cells[headerIndex] ?? [];
  const positions = new Map<C, number>();
  header.forEach((raw, i) => {
    const key = headerKey(raw);
    if (key === '') {
      return;
    }
    const column = layout.columns.find((c) => c === key);
    if (!column) {
      problems.push({ row: headerIndex + 1, column: raw.trim(), code: 'unknown_column', value: clip(raw) });
    } else if (positions.has(column)) {
      problems.push({ row: headerIndex + 1, column, code: 'duplicate_column' });
    } else {
      positions.set(column, i);
    }
  });
  for (const c of layout.required) {
    if (!positions.has(c)) {
      problems.push({ row: headerIndex + 1, column: c, code: 'missing_column' });
    }
  }
  if (problems.length > 0) {
    return { problems, rows: [], rowCount: 0 };
  }

  const rows: T[] = [];
  let rowCount = 0;
  for (let i = headerIndex + 1; i < cells.length; i++) {
    const r = cells[i] ?? [];
    if (!r.some((c) => c.trim() !== '')) {
      continue;
    }
    rowCount++;
    if (rowCount > maxRows) {
      problems.push({ row: i + 1, column: '', code: 'too_many_rows', value: String(maxRows) });
      break;
    }
    const row = i + 1;
    let rowProblems = 0;
    const problem = (column: C, code: BasesImportProblemCode, value?: string) => {
      rowProblems++;
      problems.push({ row, column, code, ...(value === undefined ? {} : { value: clip(value) }) });
    };
    const get = (c: C) => {
      const at = positions.get(c);
      return at === undefined ? '' : (r[at] ?? '').trim();
    };
    for (const c of layout.columns) {
      const v = get(c);
      if (v.length > layout.maxLength[c]) {
        problem(c, 'too_long', v);
      }
    }
    const parsed = parseRow(get, row, problem);
    if (parsed !== null && rowProblems === 0) {
      rows.push(parsed);
    }
  }
  if (rowCount === 0 && problems.length === 0) {
    problems.push({ row: headerIndex + 2, column: '', code: 'empty_file' });
  }
  return { problems, rows, rowCount };
}

type ListColumn = (typeof INFRASTRUCTURE_LIST_COLUMNS)[number];
type InventoryColumn = (typeof INVENTORY_FILE_COLUMNS)[number];

/** Quantity must be a positive whole number; basis one of INFRASTRUCTURE_BASES; item required. */
export function validateInfrastructureList(
  cells: readonly (readonly string[])[],
  maxRows: number,
): TabularImportResult<ParsedListItem> {
  const layout: Layout<ListColumn> = {
    columns: INFRASTRUCTURE_LIST_COLUMNS,
    required: ['item', 'quantity', 'basis'],
    maxLength: { item: 300, specification: 1000, quantity: 20, basis: 50, category: 100 },
  };
  return validateTable(cells, layout, maxRows, (get, row, problem) => {
    const item = get('item');
    if (item === '') {
      problem('item', 'required');
    }
    const quantityText = get('quantity');
    const quantity = parseWholeNumber(quantityText);
    if (quantity === null || quantity < 1) {
      problem('quantity', quantityText === '' ? 'required' : 'quantity_positive_integer', quantityText);
    }
    const basisText = get('basis');
    const basis = parseBasis(basisText);
    if (basis === null) {
      problem('basis', basisText === '' ? 'required' : 'unknown_basis', basisText);
    }
    if (quantity === null || basis === null) {
      return null;
    }
    return {
      row,
      item,
      specification: get('specification'),
      quantity,
      basis,
      category: get('category'),
    };
  });
}

/** Quantity must be a whole number ≥ 0; condition empty (= good) or one of EQUIPMENT_CONDITIONS. */
export function validateInventoryFile(
  cells: readonly (readonly string[])[],
  maxRows: number,
): TabularImportResult<ParsedInventoryItem> {
  const layout: Layout<InventoryColumn> = {
    columns: INVENTORY_FILE_COLUMNS,
    required: ['item', 'quantity'],
    maxLength: { item: 300, specification: 1000, quantity: 20, unit: 50, condition: 50, notes: 2000 },
  };
  return validateTable(cells, layout, maxRows, (get, row, problem) => {
    const itemName = get('item');
    if (itemName === '') {
      problem('item', 'required');
    }
    const quantityText = get('quantity');
    const quantity = parseWholeNumber(quantityText);
    if (quantity === null) {
      problem('quantity', quantityText === '' ? 'required' : 'quantity_non_negative_integer', quantityText);
    }
    const conditionText = get('condition');
    const condition = parseCondition(conditionText);
    if (condition === null) {
      problem('condition', 'unknown_condition', conditionText);
    }
    if (quantity === null || condition === null) {
      return null;
    }
    return {
      row,
      itemName,
      specification: get('specification'),
      quantity,
      unit: get('unit'),
      condition,
      notes: get('notes'),
    };
  });
}
