import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiOperation, listApiOperations, opKey } from '../test/api-catalog.js';
import {
  buildSecurityWorld,
  examplePayload,
  fillPath,
  isErrorShape,
  PARAM_KINDS,
  paramKeys,
  type SecurityWorld,
  send,
} from '../test/security-world.js';

/**
 * Guessed and malformed ids in every path parameter, as college A's admin (who holds every
 * permission, so nothing stops the request before the lookup): the answer is 400 or 404, never a
 * success, never a 500. Public routes (tokens, slugs, public ids) are asked without a session.
 * Ids of the other college are covered by the authorization matrix.
 */
const SEED = Number(process.env.FC_SEED ?? 20261129);

const MALFORMED: [string, string][] = [
  ['too long', 'a'.repeat(300)],
  ['sql', "1' OR '1'='1'; DROP TABLE partners;--"],
  ['unicode', 'ünï©ødé-名前-🙂-\u202e'],
  ['path traversal', '../../../etc/passwd'],
  ['control', '\u0000\u0007\r\n'],
  ['dot', '..'],
  ['number', '-1'],
];

/**
 * The public verifier answers every unknown number with 200 { status: 'unknown', certificate: null }
 * by design (its page says "no certificate with this number"); it must disclose nothing else.
 */
const UNKNOWN_IS_AN_ANSWER = new Set(['GET /api/v1/public/certificates/:publicId/verification']);

let w: SecurityWorld;
let ops: ApiOperation[];
beforeAll(async () => {
  w = await buildSecurityWorld(['admin']);
  // The scoreboard stream is server-sent events: an open stream never ends an inject() call.
  ops = (await listApiOperations(w.t.app)).filter(
    (op) =>
      op.pathParams.length > 0 &&
      op.path !== '/api/v1/public/competitions/:orgKey/:competitionSlug/scoreboard/stream',
  );
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const isPublic = (op: ApiOperation) => /^\/api\/v1\/(public|portal)\//.test(op.path);

describe(`guessed ids (seed ${SEED})`, () => {
  it('answers 400 or 404 to random, malformed and hostile values in every path parameter', {
    timeout: 180_000,
  }, async () => {
    const randomIds = fc.sample(fc.uuid({ version: 7 }), { numRuns: 64, seed: SEED });
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const client = isPublic(op) ? null : w.a.clients.admin;
      const payload = examplePayload(op, w.ids);
      for (const { param, key } of paramKeys(op.path)) {
        const values: [string, string][] = [
          ['random uuidv7', randomIds[sent % randomIds.length] ?? ''],
          ...MALFORMED,
        ];
        for (const [label, value] of values) {
          const url = fillPath(op, w.ids, (p) => (p === param ? value : undefined));
          const res = await send(w.t, client, op, url, payload);
          sent++;
          // Over the router's 100-character limit a parameter is refused as 414 URI Too Long.
          const refused = [400, 404, ...(label === 'too long' ? [414] : [])].includes(res.statusCode);
          const ok = UNKNOWN_IS_AN_ANSWER.has(opKey(op))
            ? res.statusCode === 200
              ? res.json().status === 'unknown' && res.json().certificate === null
              : refused && isErrorShape(res)
            : refused && isErrorShape(res);
          if (!ok) {
            failures.push(
              `${opKey(op)} :${param}${PARAM_KINDS[key] ? '' : ' (not an id)'} = ${label} -> ${res.statusCode} ${res.body.slice(0, 100)}`,
            );
          }
        }
      }
    }
    console.info(`guessed-id requests: ${sent} over ${ops.length} routes`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
