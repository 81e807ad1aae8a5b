import type { TFunction } from 'i18next';
import i18n from 'i18next';
import type { ZodType } from 'zod';
import { ApiError } from './api';

type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

/** A sentence in the user's language for any thrown error. */
export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const retry = Number(error.details.retryAfterSeconds ?? error.details.retryAfter ?? 0);
    const vars = { minutes: Math.max(1, Math.ceil(retry / 60)), seconds: Math.max(1, Math.ceil(retry)) };
    const text = i18n.exists(key) ? t(key, vars) : t('errors.INTERNAL', vars);
    return error.errorId ? `${text} (${t('errors.reference', { id: error.errorId })})` : text;
  }
  return t('errors.INTERNAL');
}

/** Issue messages from contracts (e.g. 'email_format') become `validation.<message>`. */
export function validationMessage(
  t: Translate,
  message: string,
  issueCode?: string,
  extra?: { minimum?: unknown; maximum?: unknown },
): string {
  const key = `validation.${message}`;
  if (/^[a-z_]+$/.test(message) && i18n.exists(key)) {
    return t(key);
  }
  switch (issueCode) {
    case 'too_small':
      return extra?.minimum === 1 || extra?.minimum === 1n
        ? t('validation.required')
        : t('validation.too_short', { min: Number(extra?.minimum ?? 0) });
    case 'too_big':
      return t('validation.too_long', { max: Number(extra?.maximum ?? 0) });
    case 'invalid_type':
    case 'invalid_value':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/**
 * A Mantine form path from an issue path. The server prefixes body validation paths with 'body' (Fastify's
 * validation context) and update requests wrap the record in `data`; service-level issues have neither.
 */
export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  const parts = path.map(String);
  if (parts[0] === 'body') {
    parts.shift();
  }
  if (parts[0] === 'data') {
    parts.shift();
  }
  return parts.join('.');
}

/**
 * Server issues about one element of a list of ids or tags (['partnerIds', '2']) are shown on the list's
 * own input; items with sub-fields (['identifiers', '0', 'value']) keep their full path.
 */
function serverPathKey(path: ReadonlyArray<PropertyKey>): string {
  const key = pathKey(path);
  return key.replace(/\.\d+$/, '');
}

/**
 * A Mantine form `validate` function from a contract zod schema; messages are translated.
 * The first issue per field wins.
 */
export function zodValidator<S extends ZodType>(schema: S, t: Translate, map?: (values: never) => unknown) {
  return (values: unknown): Record<string, string> => {
    const input = map ? map(values as never) : values;
    const result = schema.safeParse(input);
    if (result.success) {
      return {};
    }
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = pathKey(issue.path);
      if (errors[key]) {
        continue;
      }
      const extra = issue as unknown as { minimum?: unknown; maximum?: unknown };
      errors[key] = validationMessage(t, issue.message, issue.code, extra);
    }
    return errors;
  };
}

/**
 * Field errors from a server answer listing `details.issues` (INVALID_INPUT, or ALREADY_EXISTS for a taken
 * identifier), keyed like Mantine form paths.
 */
export function serverFieldErrors(t: Translate, error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) {
    return null;
  }
  const issues = error.details.issues;
  if (!Array.isArray(issues)) {
    return null;
  }
  const errors: Record<string, string> = {};
  for (const raw of issues) {
    const issue = raw as { path?: unknown[]; message?: string };
    const key = serverPathKey(Array.isArray(issue.path) ? (issue.path as PropertyKey[]) : []);
    if (key && !errors[key]) {
      errors[key] = validationMessage(t, issue.message ?? '');
    }
  }
  return errors;
}
