/**
 * Attacks on sessions (issue 7, "Attacks"): session fixation, cross-site request forgery on every
 * state-changing route the app has (the list comes from the app's own OpenAPI document, not by hand),
 * and brute-force sign-in (per account and per client address, with answers that do not reveal
 * which e-mail addresses have accounts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.js';
import { buildPartner } from '../test/factories.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signedInAs,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const SIGN_IN = '/api/v1/auth/sign-in';

function signInAttempt(email: string, password: string, remoteAddress: string, cookies = {}) {
  return t.app.inject({ method: 'POST', url: SIGN_IN, payload: { email, password }, remoteAddress, cookies });
}

function cookieOf(res: { cookies: { name: string; value: string }[] }, name: string) {
  return res.cookies.find((c) => c.name === name)?.value;
}

describe('session fixation', () => {
  it('never adopts a session token the browser brought; the cookie changes at sign-in', async () => {
    const orgId = await createOrganization(t.deps);
    const { email } = await createMember(t.deps, orgId, 'coordinator');
    const planted = 'attacker-chosen-session-token-0123456789';
    const res = await signInAttempt(email, TEST_PASSWORD, '198.51.100.1', { tvet_session: planted });
    expect(res.statusCode).toBe(200);
    const issued = cookieOf(res, 'tvet_session');
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    // The planted value is still nobody's session.
    const withPlanted = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { tvet_session: planted },
    });
    expect(withPlanted.statusCode).toBe(401);
  });

  it("an attacker's own live session planted before sign-in ends when the victim signs in", async () => {
    const attacker = await signedInAs(t, 'trainer');
    const orgId = await createOrganization(t.deps);
    const victim = await createMember(t.deps, orgId, 'coordinator');
    const planted = attacker.client.cookies.tvet_session ?? '';
    const res = await signInAttempt(victim.email, TEST_PASSWORD, '198.51.100.2', {
      tvet_session: planted,
      tvet_csrf: attacker.client.cookies.tvet_csrf ?? '',
    });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res, 'tvet_session')).not.toBe(planted);
    expect(cookieOf(res, 'tvet_csrf')).not.toBe(attacker.client.cookies.tvet_csrf);
    expect((await attacker.client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('sign-out ends the session on the server, not only in the browser', async () => {
    const { client, userId } = await signedInAs(t, 'coordinator');
    const before = await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(before).toHaveLength(1);
    const out = await client.post('/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(200);
    // The answer clears the cookies; replaying the old cookie gets nothing.
    expect(out.cookies.find((c) => c.name === 'tvet_session')?.value).toBe('');
    const after = await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(after).toHaveLength(0);
    expect((await client.get('/api/v1/partners')).statusCode).toBe(401);
    expect((await client.post('/api/v1/partners', buildPartner())).statusCode).toBe(401);
  });
});

interface Route {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

/** Every state-changing API route, from the app's own OpenAPI document. */
async function stateChangingRoutes(): Promise<Route[]> {
  await t.app.ready();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const m = method.toUpperCase();
      if (m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE') {
        routes.push({ method: m, path });
      }
    }
  }
  return routes;
}

/** The path with every {param} filled with a fresh id (nothing needs to exist: CSRF comes first). */
function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, () => newId());
}

describe('CSRF on every state-changing route', () => {
  let client: Client;
  let routes: Route[];
  beforeAll(async () => {
    ({ client } = await signedInAs(t, 'admin'));
    routes = await stateChangingRoutes();
  });

  it('finds the routes from the app (a sanity floor, so an empty list cannot pass)', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toContainEqual({ method: 'POST', path: '/api/v1/partners' });
    expect(routes).toContainEqual({ method: 'POST', path: SIGN_IN });
  });

  it('with the session cookie but no CSRF token: 403 CSRF_REJECTED everywhere, nothing changed', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method,
        url: concrete(r.path),
        cookies: client.cookies,
        payload: {},
        remoteAddress: '203.0.113.10',
      });
      const preAuth = /^\/api\/v1\/auth\/(sign-in|password-reset\/|invitations\/accept)/.test(r.path);
      // Pre-session routes carry no session to ride on; they are covered by the Origin check below.
      if (!preAuth && (res.statusCode !== 403 || res.json().error.code !== 'CSRF_REJECTED')) {
        wrong.push(`${r.method} ${r.path} -> ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('with a forged token: 403 everywhere', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method,
        url: concrete(r.path),
        cookies: client.cookies,
        headers: { 'x-csrf-token': `${client.csrfToken.slice(0, -2)}xx` },
        payload: {},
        remoteAddress: '203.0.113.11',
      });
      const preAuth = /^\/api\/v1\/auth\/(sign-in|password-reset\/|invitations\/accept)/.test(r.path);
      if (!preAuth && res.statusCode !== 403) {
        wrong.push(`${r.method} ${r.path} -> ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('with the right token but a foreign Origin: 403 everywhere, pre-session routes included', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await client.request(
        r.method,
        concrete(r.path),
        {},
        {
          origin: 'https://evil.example',
          host: 'tvet.test',
        },
      );
      if (res.statusCode !== 403 || res.json().error.code !== 'CSRF_REJECTED') {
        wrong.push(`${r.method} ${r.path} -> ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // An unparsable Origin is foreign too; the same Origin passes.
    const garbled = await client.request(
      'POST',
      '/api/v1/partners',
      {},
      { origin: 'null', host: 'tvet.test' },
    );
    expect(garbled.statusCode).toBe(403);
    const same = await client.request(
      'POST',
      '/api/v1/partners',
      {},
      { origin: 'http://tvet.test', host: 'tvet.test' },
    );
    expect(same.statusCode).toBe(400);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });
});

describe('brute-force sign-in', () => {
  it('locks an account after repeated failures with the same answer an unknown address gets', async () => {
    const orgId = await createOrganization(t.deps);
    const { email } = await createMember(t.deps, orgId, 'trainer');
    const ghost = `ghost-${newId().slice(-6)}@nowhere.example`;
    const max = t.deps.config.login.maxFailures;
    // Each attempt from its own address, so only the per-account rule is at work.
    let ip = 0;
    const from = () => `198.18.${(++ip >> 8) & 255}.${ip & 255}`;
    for (let i = 0; i < max; i++) {
      expect((await signInAttempt(email, 'wrong guess', from())).statusCode).toBe(401);
      expect((await signInAttempt(ghost, 'wrong guess', from())).statusCode).toBe(401);
    }
    const realLocked = await signInAttempt(email, 'another guess', from());
    const ghostAfter = await signInAttempt(ghost, 'another guess', from());
    const shape = (r: typeof realLocked) => ({ status: r.statusCode, body: r.json() });
    expect(shape(realLocked)).toEqual(shape(ghostAfter));
    expect(realLocked.json().error.code).toBe('INVALID_CREDENTIALS');
    // Locked means locked: the right password does not get through, and says nothing more.
    const rightButLocked = await signInAttempt(email, TEST_PASSWORD, from());
    expect(shape(rightButLocked)).toEqual(shape(ghostAfter));
    t.clock.advanceMs((t.deps.config.login.lockMinutes + 1) * 60_000);
    expect((await signInAttempt(email, TEST_PASSWORD, from())).statusCode).toBe(200);
  });

  it('limits one client address across many accounts (password spraying)', async () => {
    const orgId = await createOrganization(t.deps);
    const accounts = [];
    for (let i = 0; i < 12; i++) {
      accounts.push((await createMember(t.deps, orgId, 'trainer')).email);
    }
    const codes: number[] = [];
    for (const email of accounts) {
      codes.push((await signInAttempt(email, 'Summer2026!', '192.0.2.200')).statusCode);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes.slice(10)).toEqual([429, 429]);
    const limited = await signInAttempt(accounts[0] ?? '', TEST_PASSWORD, '192.0.2.200');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // No account got locked by the spraying: each saw one failure only.
    const ok = await signIn(t.app, accounts[11] ?? '');
    expect((await ok.get('/api/v1/auth/session')).statusCode).toBe(200);
  });
});
