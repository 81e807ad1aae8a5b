import { describe, expect, it } from 'vitest';
import { INFRASTRUCTURE_LIST_COLUMNS, INVENTORY_FILE_COLUMNS } from '../../contracts/bases.js';
import { parseBasis, validateInfrastructureList, validateInventoryFile } from './bases-import.js';

const listFile = (...rows: string[][]) => [[...INFRASTRUCTURE_LIST_COLUMNS], ...rows];

describe('parseBasis', () => {
  it.each([
    ['per_workstation', 'per_workstation'],
    ['Per Workstation', 'per_workstation'],
    ['per-competitor', 'per_competitor'],
    ['workshop', 'per_workshop'],
    ['per team', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseBasis(text)).toBe(expected);
  });
});

describe('validateInfrastructureList', () => {
  it('reads a good file', () => {
    const r = validateInfrastructureList(
      listFile(
        ['PLC trainer', 'Siemens S7-1500', '1', 'per workstation', 'Automation'],
        ['', '', '', '', ''],
        ['First aid kit', '', '1', 'per_workshop', 'Safety'],
      ),
      100,
    );
    expect(r.problems).toEqual([]);
    expect(r.rowCount).toBe(2);
    expect(r.rows).toEqual([
      {
        row: 2,
        item: 'PLC trainer',
        specification: 'Siemens S7-1500',
        quantity: 1,
        basis: 'per_workstation',
        category: 'Automation',
      },
      {
        row: 4,
        item: 'First aid kit',
        specification: '',
        quantity: 1,
        basis: 'per_workshop',
        category: 'Safety',
      },
    ]);
  });

  it.each([
    { cells: ['', 's', '1', 'per_workstation', ''], column: 'item', code: 'required' },
    {
      cells: ['Drill', '', '0', 'per_workstation', ''],
      column: 'quantity',
      code: 'quantity_positive_integer',
    },
    {
      cells: ['Drill', '', '2.5', 'per_workstation', ''],
      column: 'quantity',
      code: 'quantity_positive_integer',
    },
    {
      cells: ['Drill', '', '-1', 'per_workstation', ''],
      column: 'quantity',
      code: 'quantity_positive_integer',
    },
    {
      cells: ['Drill', '', 'two', 'per_workstation', ''],
      column: 'quantity',
      code: 'quantity_positive_integer',
    },
    { cells: ['Drill', '', '', 'per_workstation', ''], column: 'quantity', code: 'required' },
    { cells: ['Drill', '', '1', 'per team', ''], column: 'basis', code: 'unknown_basis' },
    { cells: ['Drill', '', '1', '', ''], column: 'basis', code: 'required' },
    { cells: ['x'.repeat(301), '', '1', 'per_workshop', ''], column: 'item', code: 'too_long' },
  ])('reports $code in $column', ({ cells, column, code }) => {
    const r = validateInfrastructureList(listFile(['Vice', '', '1', 'per_workstation', ''], cells), 100);
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, column, code })]);
    expect(r.rows.map((x) => x.item)).toEqual(['Vice']);
  });

  it('reports header problems and reads no rows', () => {
    const r = validateInfrastructureList(
      [
        ['Item', 'Quantiy', 'basis', 'basis'],
        ['Drill', '1', 'per_workstation', 'x'],
      ],
      100,
    );
    expect(r.problems.map((p) => [p.column, p.code])).toEqual([
      ['Quantiy', 'unknown_column'],
      ['basis', 'duplicate_column'],
      ['quantity', 'missing_column'],
    ]);
    expect(r.rows).toEqual([]);
  });

  it('reports an empty file and too many rows', () => {
    expect(validateInfrastructureList([], 10).problems[0]?.code).toBe('empty_file');
    expect(validateInfrastructureList(listFile(), 10).problems[0]?.code).toBe('empty_file');
    const many = listFile(...Array.from({ length: 3 }, () => ['Drill', '', '1', 'per_workshop', '']));
    expect(validateInfrastructureList(many, 2).problems).toEqual([
      { row: 4, column: '', code: 'too_many_rows', value: '2' },
    ]);
  });
});

describe('validateInventoryFile', () => {
  const invFile = (...rows: string[][]) => [[...INVENTORY_FILE_COLUMNS], ...rows];
  it('reads quantities of 0 and an empty condition as good', () => {
    const r = validateInventoryFile(invFile(['Drill', 'Bosch', '0', 'pcs', '', '']), 10);
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ itemName: 'Drill', quantity: 0, condition: 'good', unit: 'pcs' });
  });
  it('reports an unknown condition and a bad quantity on the same row', () => {
    const r = validateInventoryFile(invFile(['Drill', '', '-2', '', 'broken', '']), 10);
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'quantity', 'quantity_non_negative_integer'],
      [2, 'condition', 'unknown_condition'],
    ]);
    expect(r.rows).toEqual([]);
  });
});
