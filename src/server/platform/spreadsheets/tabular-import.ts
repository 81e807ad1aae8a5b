import type { ServiceContext } from '../context.js';
import type { Executor } from '../db/executor.js';
import { AppError } from '../errors.js';

/** What a pure validator of a tabular file answers: problems by row and column, and the rows that passed. */
export interface TabularValidation<Row, Problem = unknown> {
  problems: Problem[];
  rows: Row[];
  rowCount: number;
}

interface TabularPreview<Problem> {
  fileName: string;
  rowCount: number;
  problems: Problem[];
  canImport: boolean;
}

/**
 * What a file would import: its problems, the rows as `show` presents them (when given), and
 * whether it can be imported as it is.
 */
export function tabularPreview<Row, Problem>(
  fileName: string,
  result: TabularValidation<Row, Problem>,
): TabularPreview<Problem>;
export function tabularPreview<Row, Problem, Shown>(
  fileName: string,
  result: TabularValidation<Row, Problem>,
  show: (row: Row) => Shown,
): TabularPreview<Problem> & { rows: Shown[] };
export function tabularPreview<Row, Problem, Shown>(
  fileName: string,
  result: TabularValidation<Row, Problem>,
  show?: (row: Row) => Shown,
) {
  return {
    fileName,
    rowCount: result.rowCount,
    problems: result.problems,
    ...(show ? { rows: result.rows.map(show) } : {}),
    canImport: result.problems.length === 0 && result.rows.length > 0,
  };
}

/**
 * All-or-nothing: a file with any problem, or with no rows, answers 422 with the whole list, and
 * nothing is written.
 * @throws AppError IMPORT_INVALID
 */
export function rejectUnlessClean(fileName: string, result: TabularValidation<unknown>): void {
  if (result.problems.length > 0 || result.rows.length === 0) {
    const problems =
      result.problems.length > 0 ? result.problems : [{ row: 1, column: '', code: 'empty_file' }];
    throw new AppError(
      'IMPORT_INVALID',
      `${problems.length} problem(s) in ${fileName}; nothing was imported`,
      {
        problems,
      },
    );
  }
}

/**
 * The import skeleton: in one transaction, validate the file again (the data may have changed
 * since the preview), reject it unless clean, then write every row (with its audit).
 * @throws AppError IMPORT_INVALID
 */
export async function importAllOrNothing<Row, Result>(
  ctx: ServiceContext,
  fileName: string,
  validate: (trx: Executor) => Promise<TabularValidation<Row>>,
  write: (trx: Executor, rows: Row[]) => Promise<Result>,
): Promise<Result> {
  return ctx.deps.db.transaction().execute(async (trx) => {
    const result = await validate(trx);
    rejectUnlessClean(fileName, result);
    return write(trx, result.rows);
  });
}
