/**
 * The sheet-reading steps every tabular import shares (partners, enrolments, talent profiles,
 * college skills): a row is a list of cells as CSV or XLSX gave them, blank rows are skipped but
 * keep their spreadsheet number, and cells are compared trimmed. The rules of each file stay in
 * its own parser; only these steps are the same everywhere.
 */
export type RawRow = readonly (string | null | undefined)[];

/** A cell as trimmed text ('' for an empty cell). */
export function cellText(cell: string | null | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

export function isBlankRow(row: RawRow): boolean {
  return row.every((cell) => cellText(cell) === '');
}

/**
 * The non-blank rows below the header at `headerIndex`, each with its spreadsheet row number and
 * its cells by column ('' for a column the file does not have).
 */
export function readDataRows<C extends string>(
  rows: readonly RawRow[],
  headerIndex: number,
  columns: readonly C[],
  columnIndex: ReadonlyMap<C, number>,
): { row: number; cells: Record<C, string> }[] {
  const data: { row: number; cells: Record<C, string> }[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const raw = rows[i] ?? [];
    if (isBlankRow(raw)) {
      continue;
    }
    const cells = {} as Record<C, string>;
    for (const column of columns) {
      const at = columnIndex.get(column);
      cells[column] = at === undefined ? '' : cellText(raw[at]);
    }
    data.push({ row: i + 1, cells });
  }
  return data;
}
