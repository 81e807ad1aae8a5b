/**
 * The one defence against formula injection ("CSV injection", OWASP) for every spreadsheet the
 * platform writes, CSV or XLSX: a text cell that starts with = + - @, a tab or a carriage return is
 * run as a formula by spreadsheet programs (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(1)`), so
 * it gets a leading apostrophe, which makes it text. A plain number written as text ("-2", "+3.5")
 * is no formula and stays as it is, so figures still read as figures.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text as a spreadsheet will show it, never run it. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes neutralizeFormula on a text read back from a file this application wrote. */
export function restoreNeutralized(value: string): string {
  return value.startsWith("'") && neutralizeFormula(value.slice(1)) === value ? value.slice(1) : value;
}

/** A cell value ready for a sheet: texts neutralised, numbers, booleans and empties as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutralizeFormula(value) : value;
}
