import { type ErrorCode, errorStatus } from '../../contracts/errors.js';

/** The one error type services throw; the HTTP error handler turns it into the wire shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
    /** Only where HTTP has a sharper status than the code's usual one (413 for a too-large file). */
    status?: number,
  ) {
    super(message ?? code);
    this.status = status ?? errorStatus[code];
  }
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', `${entity} not found`);
export const versionConflict = (current: number) =>
  new AppError('VERSION_CONFLICT', 'The record was changed by someone else', { currentVersion: current });

/* ---------- what a thrown error means, wherever it is reported ---------- */

// Errors that mean "the database is not reachable right now", on either dialect.
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
]);

// node-postgres reports a connection that timed out or broke off without an error code.
const UNAVAILABLE_MESSAGES = [/timeout exceeded when trying to connect/i, /^Connection terminated/i];

/** The error, or one it was caused by (a pool wraps the socket's error), means "the database is away". */
function isUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) {
    return false;
  }
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  // better-sqlite3 reports extended codes: SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT, ...
  if (typeof code === 'string' && (UNAVAILABLE.has(code) || code.startsWith('SQLITE_BUSY'))) {
    return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) {
    return true;
  }
  // Node's AggregateError (a host with several addresses, every one refused).
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isUnavailable(e, depth + 1))) {
    return true;
  }
  return isUnavailable(cause, depth + 1);
}

// No room left for a file or for the database: ENOSPC/EDQUOT from the disk, SQLITE_FULL, and
// PostgreSQL's disk_full (53100).
const STORAGE_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']);

// PostgreSQL refuses text it cannot store (a NUL character, a byte sequence invalid in UTF-8) with
// these data exceptions, where SQLite stores the same text. Such text can only come from the client.
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function hasCodeIn(err: unknown, codes: Set<string>): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && codes.has(code);
}

/**
 * The wire code of any thrown error, the one classification that the HTTP error handler and the
 * background work that records failures (certificate batches) share: an AppError's own code, a
 * full disk STORAGE_FULL, text PostgreSQL cannot store INVALID_INPUT, a database that is away
 * SERVICE_UNAVAILABLE, anything else INTERNAL. HTTP-only cases (validation, 429, body limits) stay
 * in the handler.
 */
export function errorCodeOf(err: unknown): ErrorCode {
  if (err instanceof AppError) {
    return err.code;
  }
  if (hasCodeIn(err, STORAGE_FULL)) {
    return 'STORAGE_FULL';
  }
  if (hasCodeIn(err, UNSTORABLE_TEXT)) {
    return 'INVALID_INPUT';
  }
  if (isUnavailable(err)) {
    return 'SERVICE_UNAVAILABLE';
  }
  return 'INTERNAL';
}
