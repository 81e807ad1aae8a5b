import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLES, type Role, rolePermissions } from '../../contracts/roles.js';
import { type ApiOperation, listApiOperations, opKey } from '../test/api-catalog.js';
import {
  permissionLog,
  refusedByTable,
  requiredPermissions,
  resetPermissionLog,
} from '../test/permission-recorder.js';
import {
  buildSecurityWorld,
  examplePayload,
  fillPath,
  idParamKinds,
  isErrorShape,
  type Payload,
  type SecurityWorld,
  send,
} from '../test/security-world.js';

// Every requirePermission/can call is recorded, so what a route needs comes from the code's own
// checks and the permission table, never from a list kept by hand in this file.
vi.mock('../platform/auth/require-permission.js', async (importOriginal) =>
  (await import('../test/permission-recorder.js')).recordingPermissions(
    await importOriginal<typeof import('../platform/auth/require-permission.js')>(),
  ),
);

/**
 * Reachable without a session, on purpose; guessed-ids.test.ts asks each with guessed tokens,
 * slugs and ids. Routes hidden from the OpenAPI document would escape this file: none under
 * /api/v1 is (only /metrics, which has its own token).
 */
const PUBLIC: { pattern: RegExp; why: string }[] = [
  { pattern: /^GET \/api\/v1\/health$/, why: 'liveness probe for load balancers' },
  { pattern: /^POST \/api\/v1\/auth\/sign-in$/, why: 'signing in' },
  {
    pattern: /^POST \/api\/v1\/auth\/password-reset\/(request|confirm)$/,
    why: 'forgotten password, by e-mailed token',
  },
  {
    pattern: /^POST \/api\/v1\/auth\/invitations\/accept$/,
    why: 'accepting an invitation, by e-mailed token',
  },
  { pattern: /^GET \/api\/v1\/portal\/:token/, why: "a training participant's personal link" },
  {
    pattern: /^(GET|POST|PUT|DELETE) \/api\/v1\/public\//,
    why: 'survey links, showcase, certificate verification and issuer keys, public results, talent self links',
  },
];
const isPublic = (op: ApiOperation) => PUBLIC.some((p) => p.pattern.test(opKey(op)));

/**
 * The caller's own session and password: checked without a session only (the identity tests
 * cover them). Signing out would end the matrix's sessions; a password change with a wrong current
 * password answers 401 whoever asks, and costs a password hash per call.
 */
const SESSION_ENDING = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/auth/password']);

/** Signed-in routes that check no permission, because they act on the caller's own account. */
const OWN_ACCOUNT: Record<string, string> = {
  'GET /api/v1/auth/session': 'who am I, in which organizations',
  'PATCH /api/v1/auth/profile': 'own display name and language',
  'POST /api/v1/auth/switch-organization': 'to an organization the caller is an active member of',
};

/**
 * Record-level rules on top of the permission table: the role has the permission, and still
 * gets 403 for these records, by design.
 */
const RECORD_LEVEL_403: { pattern: RegExp; roles: Role[]; why: string }[] = [
  {
    pattern:
      /\/(marking\/|competitions\/skills\/:skillId\/schemes|competition-results\/skills\/:skillId\/(judge-analysis|sign-off|withdraw-sign-off))/,
    roles: ['chief_expert', 'expert'],
    why: "experts mark, lock, sign off and manage schemes only for a skill whose expert list or marking team they are on; the test's experts are on none",
  },
  {
    pattern: /^\w+ \/api\/v1\/marking\/(skills\/:skillId\/disputes|disputes\/)/,
    roles: ['partner'],
    why: "a registrar sees and raises disputes only for their own member's entrants; the test's partner user registers none",
  },
  {
    pattern: /^POST \/api\/v1\/marking\/disputes\/:disputeId\/withdraw$/,
    roles: ['admin', 'partner'],
    why: 'only the person who raised a dispute may withdraw it',
  },
  {
    pattern: /^PUT \/api\/v1\/training\/(sessions\/:id\/attendance|enrolments\/:id\/scores)$/,
    roles: ['trainer'],
    why: 'a trainer marks attendance and scores only for sessions they teach',
  },
];

/** Routes that end or lock a record: run after the other writes. */
const DESTRUCTIVE =
  /\/(cancel|archive|terminate|revoke|withdraw|unpublish|withdraw-sign-off|status|lock|return)$/;

function order(ops: ApiOperation[]): ApiOperation[] {
  // Reads first, then writes, then what ends or removes a record, so that one route's success
  // does not leave the records the next routes are asked about gone.
  const rank = (op: ApiOperation) =>
    op.method === 'GET' ? 0 : op.method === 'DELETE' ? 3 : DESTRUCTIVE.test(op.path) ? 2 : 1;
  return [...ops].sort((x, y) => rank(x) - rank(y));
}

let w: SecurityWorld;
let ops: ApiOperation[];

beforeAll(async () => {
  w = await buildSecurityWorld();
  ops = order(await listApiOperations(w.t.app));
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const payloadOf = (op: ApiOperation): Payload => examplePayload(op, w.ids);

function leaks(res: LightMyRequestResponse): string | undefined {
  return w.canaries.find((c) => res.body.includes(c));
}

const is2xx = (s: number) => s >= 200 && s < 300;

describe('authorization matrix: every /api/v1 route x every role x own and other college', () => {
  it('lists the API from the app itself', () => {
    expect(ops.length).toBeGreaterThan(250);
    expect(ops.filter(isPublic).length).toBeGreaterThan(10);
  });

  it('answers 401 without a session, except on the public routes', async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => !isPublic(o))) {
      const res = await send(w.t, null, op, fillPath(op, w.ids), payloadOf(op));
      if (res.statusCode !== 401 || !isErrorShape(res)) {
        failures.push(`${opKey(op)} -> ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it("never lets another college's users reach college A's records or see its data", {
    timeout: 180_000,
  }, async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops.filter((o) => !isPublic(o) && !SESSION_ENDING.has(opKey(o)))) {
      const url = fillPath(op, w.ids);
      const targetsA = idParamKinds(op).some((k) => w.ids[k] !== undefined);
      // B's admin holds every permission: its request shows what the route checks. Roles without
      // those permissions are refused by the same role check whatever the ids (the own-college
      // test shows that check for every role), so only the participant stands in for them here.
      resetPermissionLog();
      const first = await send(w.t, w.b.clients.admin, op, url, payloadOf(op));
      const needs = requiredPermissions();
      const roles = ROLES.filter(
        (r) => r !== 'admin' && (r === 'participant' || needs.every((p) => rolePermissions[r].includes(p))),
      );
      const answers: [Role, LightMyRequestResponse][] = [['admin', first]];
      for (const role of roles) {
        answers.push([role, await send(w.t, w.b.clients[role], op, url, payloadOf(op))]);
      }
      sent += answers.length;
      for (const [role, res] of answers) {
        const leaked = leaks(res);
        if (res.statusCode >= 500 || leaked) {
          failures.push(
            `${opKey(op)} as B ${role} -> ${res.statusCode}${leaked ? ` leaks "${leaked}"` : ''}`,
          );
        } else if (targetsA && (is2xx(res.statusCode) || ![400, 403, 404].includes(res.statusCode))) {
          failures.push(
            `${opKey(op)} as B ${role} on A's record -> ${res.statusCode} ${res.body.slice(0, 100)}`,
          );
        }
      }
    }
    console.info(`cross-college requests: ${sent}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('inside the own college: 403/404 without the permission, never 403 with it', {
    timeout: 180_000,
  }, async () => {
    const failures: string[] = [];
    const notes: string[] = [];
    let checked = 0;
    const unchecked: string[] = [];
    for (const op of ops.filter((o) => !isPublic(o) && !SESSION_ENDING.has(opKey(o)))) {
      const url = fillPath(op, w.ids);
      const payload = payloadOf(op);
      // The admin holds every permission, so its request walks every check the route makes.
      resetPermissionLog();
      const base = await send(w.t, w.a.clients.admin, op, url, payload);
      const needs = requiredPermissions();
      checked++;
      // Every other route must consult the table (a 400 means validation answered first).
      if (permissionLog.length === 0 && base.statusCode !== 400 && !OWN_ACCOUNT[opKey(op)]) {
        unchecked.push(`${opKey(op)} -> ${base.statusCode}`);
      }
      if (base.statusCode === 400) {
        notes.push(`${opKey(op)}: example rejected (${base.body.slice(0, 160)})`);
      }
      const row: string[] = [`admin:${base.statusCode}`];
      const excused = (role: Role, status: number) =>
        status === 403 && RECORD_LEVEL_403.some((e) => e.pattern.test(opKey(op)) && e.roles.includes(role));
      let bad =
        base.statusCode >= 500 ||
        ([401, 403].includes(base.statusCode) && !excused('admin', base.statusCode));
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        resetPermissionLog();
        const res = await send(w.t, w.a.clients[role], op, url, payload);
        const granted = needs.every((p) => rolePermissions[role].includes(p));
        // With every permission the admin's request needed, a 403 must still come from the table
        // (an either-or gate refused this role) or from a listed record-level rule.
        const ok =
          excused(role, res.statusCode) ||
          (res.statusCode < 500 &&
            res.statusCode !== 401 &&
            (granted ? res.statusCode !== 403 || refusedByTable() : [403, 404].includes(res.statusCode)));
        row.push(`${role}:${res.statusCode}${ok ? '' : '!'}`);
        bad ||= !ok;
      }
      if (bad) {
        failures.push(`${opKey(op)} needs [${needs.join(', ')}]\n    ${row.join(' ')}`);
      }
    }
    console.info(
      `own-college matrix: ${checked} routes x ${ROLES.length} roles; ${notes.length} answered the example body with 400 (their role checks come after validation)`,
    );
    if (failures.length > 0 || process.env.MATRIX_VERBOSE) {
      console.info(`validation-gated routes:\n${notes.join('\n')}`);
    }
    expect(failures, `authorization matrix failures:\n${failures.join('\n')}`).toEqual([]);
    expect(unchecked, `routes that checked no permission:\n${unchecked.join('\n')}`).toEqual([]);
  });
});
