import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiOperation, listApiOperations, opKey } from '../test/api-catalog.js';
import {
  buildSecurityWorld,
  examplePayload,
  fillPath,
  isErrorShape,
  isUpload,
  type Payload,
  type SecurityWorld,
  send,
} from '../test/security-world.js';

/**
 * Property-based fuzzing of every state-changing route's body and query, and every read route's
 * query, as college A's admin (every permission, so the input reaches the service): whatever is
 * sent, the answer is never a 500, and every error is `{ error: { code, message } }`.
 * The seed is fixed (FC_SEED overrides it) and fast-check prints it with the counterexample.
 */
const SEED = Number(process.env.FC_SEED ?? 20261129);
// FC_RUNS_FACTOR=10 for a deeper local hunt; CI keeps the bounded default.
const FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);
const WRITE_RUNS = 8 * FACTOR;
const READ_RUNS = 2 * FACTOR;

/** Not fuzzed: they end the admin's session or hash a password per call (identity tests cover them). */
const SKIP = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/auth/password']);

let w: SecurityWorld;
let ops: ApiOperation[];
beforeAll(async () => {
  fc.configureGlobal({ seed: SEED });
  w = await buildSecurityWorld(['admin']);
  // Not here: server-sent event streams (never end an inject() call) and multipart uploads
  // (their hostile files are the upload attack tests' business).
  ops = (await listApiOperations(w.t.app)).filter(
    (op) => !SKIP.has(opKey(op)) && !op.path.endsWith('/stream') && !isUpload(op),
  );
}, 60_000);
afterAll(async () => {
  fc.resetConfigureGlobal();
  await w?.t.close();
});

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  "' OR 1=1 --",
  '"; DROP TABLE partners; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '{{7*7}}',
  `$${'{'}7*7}`,
  '9'.repeat(400),
  '-1',
  'NaN',
  'null',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '🙂'.repeat(50),
];

const weirdScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308),
  fc.boolean(),
  fc.constant(null),
);

const weirdValue = fc.oneof(
  { weight: 4, arbitrary: weirdScalar },
  { weight: 1, arbitrary: fc.array(weirdScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), weirdScalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

/** Paths to every value inside an example body (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
    }
  }
  return out;
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) {
    return replacement;
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}

/** What the body of one request may be. */
function bodyArbitrary(example: unknown): fc.Arbitrary<Payload> {
  const paths = pathsOf(example);
  const asJson = (body: unknown): Payload => ({ body });
  return fc.oneof(
    // Anything at all.
    fc.jsonValue({ maxDepth: 3 }).map(asJson),
    // The valid example with one value replaced by something of another type or size.
    fc.tuple(fc.constantFrom(...paths), weirdValue).map(([path, v]) => asJson(setAt(example, path, v))),
    // The example with two values replaced.
    fc
      .tuple(fc.constantFrom(...paths), weirdValue, fc.constantFrom(...paths), weirdValue)
      .map(([p1, v1, p2, v2]) => asJson(setAt(setAt(example, p1, v1), p2, v2))),
    // Deep nesting.
    fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom('[', '{"a":')).map(
      ([depth, open]): Payload => ({
        raw: `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`,
      }),
    ),
    // Prototype pollution keys next to the example's own fields (sent as raw JSON, since an object
    // literal would turn __proto__ into a real prototype before it is even sent).
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key): Payload => {
      const base = example && typeof example === 'object' && !Array.isArray(example) ? example : {};
      const inner = key === 'constructor' ? '{"prototype":{"polluted":true}}' : '{"polluted":true}';
      return {
        raw: `{${JSON.stringify(base).slice(1, -1)}${Object.keys(base).length ? ',' : ''}"${key}":${inner}}`,
      };
    }),
    // Not JSON at all.
    fc.constantFrom<Payload>({ raw: '{' }, { raw: 'null' }, { raw: '"text"' }, { raw: '[]' }),
  );
}

function queryArbitrary(op: ApiOperation): fc.Arbitrary<Record<string, string>> {
  const names = op.query.map((q) => q.name);
  const key =
    names.length > 0
      ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 }))
      : fc.string({ maxLength: 10 });
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.integer().map(String),
  );
  return fc.dictionary(key, value, { maxKeys: 4 });
}

function check(op: ApiOperation, res: { statusCode: number; body: string }, ok: boolean, sent: unknown) {
  if (res.statusCode >= 500 || !ok) {
    throw new Error(
      `${opKey(op)} -> ${res.statusCode} ${res.body.slice(0, 300)}\nsent: ${JSON.stringify(sent)?.slice(0, 300)}`,
    );
  }
}

describe(`API fuzzing with fast-check (seed ${SEED}; FC_SEED=<n> to replay another)`, () => {
  it('never answers 500 to any body or query on a state-changing route', {
    timeout: 240_000 * FACTOR,
  }, async () => {
    const writes = ops.filter((op) => op.method !== 'GET');
    for (const op of writes) {
      const url = fillPath(op, w.ids);
      const { body: example = {}, query: baseQuery } = examplePayload(op, w.ids);
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(example), queryArbitrary(op), async (payload, query) => {
          const res = await send(w.t, w.a.clients.admin, op, url, {
            ...payload,
            query: { ...baseQuery, ...query },
          });
          check(op, res, res.statusCode < 400 || isErrorShape(res), { payload, query });
        }),
        { numRuns: WRITE_RUNS },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never answers 500 when every text field of a valid body holds the same hostile text', {
    timeout: 240_000,
  }, async () => {
    // Deterministic companion to the random runs: a valid example with all its strings replaced,
    // so that hostile text reaches the database (PostgreSQL refuses NUL where SQLite stores it).
    const replaceStrings = (v: unknown, by: string): unknown =>
      typeof v === 'string'
        ? by
        : Array.isArray(v)
          ? v.map((x) => replaceStrings(x, by))
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceStrings(x, by)]))
            : v;
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method !== 'GET' && o.body)) {
      const url = fillPath(op, w.ids);
      const { body, query } = examplePayload(op, w.ids);
      for (const hostile of ['a\u0000b', 'a\ud800b', '\u202egnp.exe', "x'); DROP TABLE partners;--"]) {
        const res = await send(w.t, w.a.clients.admin, op, url, {
          body: replaceStrings(body, hostile),
          query,
        });
        if (res.statusCode >= 500 || (res.statusCode >= 400 && !isErrorShape(res))) {
          failures.push(
            `${opKey(op)} with ${JSON.stringify(hostile)} -> ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('never answers 500 to any query on a read route', { timeout: 240_000 * FACTOR }, async () => {
    const reads = ops.filter((op) => op.method === 'GET');
    for (const op of reads) {
      const url = fillPath(op, w.ids);
      await fc.assert(
        fc.asyncProperty(queryArbitrary(op), async (query) => {
          const res = await send(w.t, w.a.clients.admin, op, url, { query });
          check(op, res, res.statusCode < 400 || isErrorShape(res), { query });
        }),
        { numRuns: READ_RUNS },
      );
    }
  });
});
