import { describe, expect, it } from 'vitest';
import { cellText, isBlankRow, readDataRows } from './grid.js';

describe('reading the rows of an import sheet', () => {
  it('trims cells and treats null, undefined and spaces as blank', () => {
    expect(cellText('  a ')).toBe('a');
    expect(cellText(null)).toBe('');
    expect(isBlankRow([' ', null, undefined, ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
  it('skips blank rows but keeps spreadsheet numbers, and fills missing columns with ""', () => {
    const rows = [
      ['', ''],
      ['name', 'country'],
      [' Kenya TTC ', 'KE'],
      [null, ' '],
      ['Dhaka', undefined],
    ];
    const index = new Map<'name' | 'country' | 'city', number>([
      ['name', 0],
      ['country', 1],
    ]);
    expect(readDataRows(rows, 1, ['name', 'country', 'city'], index)).toEqual([
      { row: 3, cells: { name: 'Kenya TTC', country: 'KE', city: '' } },
      { row: 5, cells: { name: 'Dhaka', country: '', city: '' } },
    ]);
  });
});
