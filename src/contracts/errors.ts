/**
 * Stable error codes that cross the wire. The server never sends translated prose:
 * the web app translates `code` (see i18n key `errors.<code>`).
 */
export const ErrorCode = {
  /** The request body, query or params failed validation; `details.issues` lists each field. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** No session, or the session expired. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in, but the role does not allow the action on a resource the user can see. */
  FORBIDDEN: 'FORBIDDEN',
  /** Absent, or present in a scope the user may not see: both answer the same. */
  NOT_FOUND: 'NOT_FOUND',
  /** Optimistic concurrency: the `version` sent is not the current one. */
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  /** A unique value (e-mail, identifier, code) is already taken. */
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  /** The state-changing request lacks a valid CSRF token. */
  CSRF_REJECTED: 'CSRF_REJECTED',
  /** Wrong e-mail or password (never says which). */
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /** Too many failed sign-ins: the account is locked until `details.retryAfterSeconds`. */
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  /** Too many requests from this client. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A reset or invitation token is unknown, used or expired. */
  TOKEN_INVALID: 'TOKEN_INVALID',
  /** An import file has problems; `details.problems` lists row, column and code for each. */
  IMPORT_INVALID: 'IMPORT_INVALID',
  /** Uploaded file is too large, of the wrong type, or its content does not match its type. */
  FILE_REJECTED: 'FILE_REJECTED',
  /** The action does not fit the current state (e.g. terminating a draft). */
  INVALID_STATE: 'INVALID_STATE',
  /** The database or another dependency is unavailable. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The disk (files or database) is full: nothing of the request was saved; an operator must free space. */
  STORAGE_FULL: 'STORAGE_FULL',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorStatus: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  CSRF_REJECTED: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  TOKEN_INVALID: 400,
  IMPORT_INVALID: 422,
  FILE_REJECTED: 415,
  INVALID_STATE: 409,
  SERVICE_UNAVAILABLE: 503,
  STORAGE_FULL: 507,
  INTERNAL: 500,
};

/** The wire shape of every error answer. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown>; errorId?: string };
}
