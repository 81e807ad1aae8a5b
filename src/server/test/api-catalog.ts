import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { newId } from '../platform/ids.js';

/**
 * The API as the app itself describes it: every /api/v1 operation read from the OpenAPI document
 * that @fastify/swagger builds from the routes' zod schemas (so a new route is covered by the
 * security tests without anyone listing it), and a minimal valid example for a JSON schema.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  description?: string;
  default?: unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiOperation {
  method: HttpMethod;
  /** Fastify style: /api/v1/agreements/:id */
  path: string;
  pathParams: string[];
  /** Schema of each path parameter (ids, formats, kinds). */
  pathSchemas: Record<string, JsonSchema>;
  query: { name: string; required: boolean; schema: JsonSchema }[];
  /** JSON body schema; null when the route declares none (no body, or a multipart upload). */
  body: JsonSchema | null;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every /api/v1 operation (HEAD excluded: Fastify derives it from GET). */
export async function listApiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  await app.ready();
  const spec = (
    app as unknown as { swagger: () => { paths: Record<string, Record<string, OpenApiOperation>> } }
  ).swagger();
  const ops: ApiOperation[] = [];
  for (const [openApiPath, byMethod] of Object.entries(spec.paths)) {
    if (!openApiPath.startsWith('/api/v1/')) {
      continue;
    }
    const path = openApiPath.replace(/\{(\w+)\}/g, ':$1');
    for (const method of METHODS) {
      const op = byMethod[method.toLowerCase()];
      if (!op) {
        continue;
      }
      const params = op.parameters ?? [];
      ops.push({
        method,
        path,
        pathParams: [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? ''),
        pathSchemas: Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, p.schema])),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

export const opKey = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

const FORMAT_EXAMPLES: Record<string, () => string> = {
  uuid: () => newId(),
  date: () => '2026-04-01',
  'date-time': () => '2026-04-01T08:00:00.000Z',
  datetime: () => '2026-04-01T08:00:00.000Z',
  time: () => '09:00',
  email: () => 'someone@example.org',
  uri: () => 'https://example.org/',
  url: () => 'https://example.org/',
};

// Values that satisfy the patterns our contracts use (dates, codes, language tags, currencies).
const PATTERN_CANDIDATES = ['2026-04-01', 'en', 'KE', 'CNY', '09:00', '7411', 'ABC-1', 'x', 'a1', '1'];

function exampleString(s: JsonSchema): string {
  let v: string;
  if (s.format && FORMAT_EXAMPLES[s.format]) {
    v = FORMAT_EXAMPLES[s.format]?.() ?? '';
  } else if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    v =
      PATTERN_CANDIDATES.find((c) => re.test(c)) ??
      fc.sample(fc.stringMatching(re), { numRuns: 1, seed: 7 })[0] ??
      'x';
  } else if (s.description?.startsWith('Identifier')) {
    v = newId();
  } else {
    v = 'Example';
  }
  if (s.minLength !== undefined && v.length < s.minLength) {
    v = v.padEnd(s.minLength, 'x');
  }
  if (s.maxLength !== undefined && v.length > s.maxLength) {
    v = v.slice(0, s.maxLength);
  }
  return v;
}

function exampleNumber(s: JsonSchema, integer: boolean): number {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0.5) : 1);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0.5) : lo);
  const v = Math.min(Math.max(1, lo), hi);
  return integer ? Math.ceil(v) : v;
}

/**
 * A minimal value the schema accepts: required properties only (defaults fill the rest), the
 * first enum value, a known example per string format. Refinements that JSON Schema cannot
 * express may still reject it; callers treat that as "validation-gated".
 */
export type ExampleHint = (key: string) => unknown;

export function exampleFor(s: JsonSchema | undefined, depth = 0, hint?: ExampleHint): unknown {
  if (!s || depth > 12) {
    return null;
  }
  if ('const' in s) {
    return s.const;
  }
  if (s.enum && s.enum.length > 0) {
    return s.enum[0];
  }
  const choices = s.anyOf ?? s.oneOf;
  if (choices && choices.length > 0) {
    const nonNull = choices.find((c) => c.type !== 'null' && !(c.enum && c.enum[0] === '')) ?? choices[0];
    return exampleFor(nonNull, depth + 1, hint);
  }
  if (s.allOf && s.allOf.length > 0) {
    return Object.assign({}, ...s.allOf.map((p) => exampleFor(p, depth + 1, hint) as object));
  }
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      // Required properties, and optional ones the caller knows a good value for (a real id).
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const hinted = hint?.(key);
        if (hinted !== undefined) {
          out[key] = hinted;
        } else if (s.required?.includes(key)) {
          out[key] = exampleFor(prop, depth + 1, hint);
        }
      }
      if (!s.properties && typeof s.additionalProperties === 'object') {
        // Records keyed by language tag ({ en: '…' }) are the common case and need an English key.
        const key = s.propertyNames?.enum?.[0] ?? 'en';
        out[String(key)] = exampleFor(s.additionalProperties, depth + 1, hint);
      }
      return out;
    }
    case 'array': {
      if (s.prefixItems) {
        return s.prefixItems.map((p) => exampleFor(p, depth + 1, hint));
      }
      return Array.from({ length: s.minItems ?? 0 }, () => exampleFor(s.items, depth + 1, hint));
    }
    case 'string':
      return exampleString(s);
    case 'integer':
      return exampleNumber(s, true);
    case 'number':
      return exampleNumber(s, false);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return s.properties ? exampleFor({ ...s, type: 'object' }, depth, hint) : 'x';
  }
}

/** Query parameters for the operation: required ones with an example value. */
export function exampleQuery(op: ApiOperation, hint?: ExampleHint): Record<string, string> {
  const q: Record<string, string> = {};
  for (const p of op.query) {
    const hinted = hint?.(p.name);
    if (p.required || typeof hinted === 'string') {
      q[p.name] = String(hinted ?? exampleFor(p.schema, 0, hint));
    }
  }
  return q;
}

export function withQuery(url: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
}
