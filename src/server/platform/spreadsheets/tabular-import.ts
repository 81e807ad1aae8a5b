import { createHash } from 'node:crypto';
import type { AlreadyImportedDetails } from '../../../contracts/imports.js';
import type { ServiceContext } from '../context.js';
import type { Executor } from '../db/executor.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';

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

/** Which import a file is committed to, for recognising a file that was already imported. */
export interface ImportOnce {
  /** The kind of import: 'partners', 'training_enrolments', 'talent'. */
  kind: string;
  /** What the file goes into (a cohort's id); '' when the kind has no target. */
  target?: string;
  /** The file's bytes, as uploaded. */
  bytes: Buffer;
  /** The user confirmed importing a file that was already imported. */
  allowRepeat?: boolean;
}

const fingerprintKey = ['organizationId', 'kind', 'target', 'sha256'] as const;

/**
 * Claims the file's fingerprint in the import's transaction, before anything is written. If the
 * commit of a file is lost on its way back (crash, network), the user sends it again: without
 * this, every row would be created twice. On PostgreSQL a concurrent commit of the same file waits
 * here on the unique key until the first one ends, then finds it.
 * @throws AppError INVALID_STATE (409, details {@link AlreadyImportedDetails}) unless `allowRepeat`
 */
async function claimFingerprint(
  ctx: ServiceContext,
  trx: Executor,
  fileName: string,
  once: ImportOnce,
): Promise<(rows: number) => Promise<void>> {
  const key = {
    organizationId: ctx.actor.organizationId,
    kind: once.kind,
    target: once.target ?? '',
    sha256: createHash('sha256').update(once.bytes).digest('hex'),
  };
  const importedAt = ctx.deps.clock.now().toISOString();
  const importedBy = ctx.actor.email;
  const claimed = await trx
    .insertInto('importFingerprints')
    .values({ id: newId(), ...key, fileName, rowCount: 0, importedAt, importedBy })
    .onConflict((oc) => {
      const on = oc.columns([...fingerprintKey]);
      return once.allowRepeat ? on.doUpdateSet({ fileName, importedAt, importedBy }) : on.doNothing();
    })
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
    const prior = await trx
      .selectFrom('importFingerprints')
      .select(['importedAt', 'importedBy', 'rowCount'])
      .where((eb) => eb.and(key))
      .executeTakeFirstOrThrow();
    const details: AlreadyImportedDetails = {
      reason: 'already_imported',
      importedAt: prior.importedAt,
      importedBy: prior.importedBy,
      rows: Number(prior.rowCount),
    };
    throw new AppError('INVALID_STATE', `${fileName} was already imported; nothing was imported`, {
      ...details,
    });
  }
  return async (rows) => {
    await trx
      .updateTable('importFingerprints')
      .set({ rowCount: rows })
      .where((eb) => eb.and(key))
      .execute();
  };
}

/**
 * The import skeleton: in one transaction, claim the file's fingerprint when `once` is given (a
 * file already imported into the same place answers 409), validate the file again (the data may
 * have changed since the preview), reject it unless clean, then write every row (with its audit).
 * @throws AppError IMPORT_INVALID, INVALID_STATE (already imported)
 */
export async function importAllOrNothing<Row, Result>(
  ctx: ServiceContext,
  fileName: string,
  validate: (trx: Executor) => Promise<TabularValidation<Row>>,
  write: (trx: Executor, rows: Row[]) => Promise<Result>,
  once?: ImportOnce,
): Promise<Result> {
  return ctx.deps.db.transaction().execute(async (trx) => {
    const recordRows = once ? await claimFingerprint(ctx, trx, fileName, once) : undefined;
    const result = await validate(trx);
    rejectUnlessClean(fileName, result);
    const written = await write(trx, result.rows);
    await recordRows?.(result.rows.length);
    return written;
  });
}
