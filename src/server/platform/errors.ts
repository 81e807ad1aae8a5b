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
