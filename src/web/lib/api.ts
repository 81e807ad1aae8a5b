import type { ApiErrorBody } from '../../contracts/errors.js';

/** An error answer from the API (or a network failure, code `NETWORK`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly errorId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: Record<string, unknown>,
    errorId?: string,
  ) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details ?? {};
    this.errorId = errorId;
  }
}

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'tvet_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** Remember the CSRF token from the session response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') {
    return null;
  }
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

export function currentCsrfToken(): string | null {
  return csrfToken ?? readCookie(CSRF_COOKIE);
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x` with empty values left out (stable order: as given). */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) {
    return '';
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Absolute-path URL for an API resource, e.g. for download links. */
export function apiUrl(path: string, params?: QueryParams): string {
  return `${API_BASE}${path}${toQueryString(params)}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** JSON body, or FormData for multipart uploads. */
  body?: unknown;
  signal?: AbortSignal;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  const err = body?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(res.status, err.code, err.message ?? '', err.details, err.errorId);
  }
  return new ApiError(res.status, fallbackCode(res.status), res.statusText);
}

function fallbackCode(status: number): string {
  if (status === 401) {
    return 'UNAUTHENTICATED';
  }
  if (status === 403) {
    return 'FORBIDDEN';
  }
  if (status === 404) {
    return 'NOT_FOUND';
  }
  if (status === 409) {
    return 'VERSION_CONFLICT';
  }
  if (status === 413 || status === 415) {
    return 'FILE_REJECTED';
  }
  if (status === 429) {
    return 'RATE_LIMITED';
  }
  // A proxy in front of the server answers these without our JSON body; the codes still carry the
  // translated "try again" / "the disk is full" messages.
  if (status === 503) {
    return 'SERVICE_UNAVAILABLE';
  }
  if (status === 507) {
    return 'STORAGE_FULL';
  }
  return 'INTERNAL';
}

/** Fetch a JSON API resource; throws ApiError on any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method)) {
    const token = currentCsrfToken();
    if (token) {
      headers['x-csrf-token'] = token;
    }
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : 'network error');
  }
  if (!res.ok) {
    throw await toApiError(res);
  }
  if (res.status === 204) {
    return undefined as T;
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Multipart upload of one file in the field `file`. */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return api<T>(path, { method: 'POST', body: form });
}

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}
