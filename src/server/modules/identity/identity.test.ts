import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMember,
  createOrganization,
  createTestApp,
  signedInAs,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function outboxFor(email: string) {
  return t.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('toAddress', '=', email)
    .orderBy('createdAt', 'desc')
    .execute();
}

describe('sign-in and sessions', () => {
  it('signs in, stores only the token hash, sets an httpOnly SameSite=Lax cookie, and audits', async () => {
    const orgId = await createOrganization(t.deps);
    const { email, userId } = await createMember(t.deps, orgId, 'coordinator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'tvet_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const stored = await t.deps.db.selectFrom('sessions').selectAll().where('userId', '=', userId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(session?.value);
    expect(res.json()).toMatchObject({ role: 'coordinator', organization: { id: orgId } });
    expect(res.json().permissions).toContain('partner.write');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorId', '=', userId)
      .where('action', '=', 'sign_in')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('rejects a wrong password without saying whether the e-mail exists', async () => {
    const orgId = await createOrganization(t.deps);
    const { email } = await createMember(t.deps, orgId, 'trainer');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ghost@x.example', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after repeated failures, even for the right password, until the lock ends', async () => {
    const orgId = await createOrganization(t.deps);
    const { email } = await createMember(t.deps, orgId, 'trainer');
    for (let i = 0; i < t.deps.config.login.maxFailures; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'wrong' },
        remoteAddress: `10.0.0.${i}`,
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
      remoteAddress: '10.0.1.1',
    });
    // The same answer as a wrong password: a lock must not reveal that the account exists.
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('INVALID_CREDENTIALS');
    t.clock.advanceMs((t.deps.config.login.lockMinutes + 1) * 60_000);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
      remoteAddress: '10.0.1.2',
    });
    expect(after.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: `x${i}@y.example`, password: 'p' },
        remoteAddress: '192.0.2.77',
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('answers 401 without a session and after sign-out; the old cookie is useless', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    const again = await client.get('/api/v1/auth/session');
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('expires idle sessions', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    t.clock.advanceMs(13 * 60 * 60 * 1000);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('rejects a state-changing request without the CSRF header, and one from another origin', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: client.cookies,
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_REJECTED');
    const crossSite = await client.request(
      'POST',
      '/api/v1/auth/sign-out',
      {},
      { origin: 'https://evil.example', host: 'tvet.test' },
    );
    expect(crossSite.statusCode).toBe(403);
    const wrongToken = await client.request(
      'POST',
      '/api/v1/auth/sign-out',
      {},
      { 'x-csrf-token': 'forged' },
    );
    expect(wrongToken.statusCode).toBe(403);
    // Still signed in: none of the forged requests took effect.
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('changes the password, which ends other sessions', async () => {
    const orgId = await createOrganization(t.deps);
    const { email } = await createMember(t.deps, orgId, 'expert');
    const a = await signIn(t.app, email);
    const b = await signIn(t.app, email);
    const bad = await a.post('/api/v1/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'a brand new passphrase',
    });
    expect(bad.statusCode).toBe(401);
    const short = await a.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0].message).toBe('password_too_short');
    const ok = await a.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/session')).statusCode).toBe(401);
    await signIn(t.app, email, 'a brand new passphrase');
  });

  it('resets a password through the e-mailed link, once', async () => {
    const orgId = await createOrganization(t.deps);
    const { email } = await createMember(t.deps, orgId, 'trainer');
    const req = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email },
    });
    expect(req.statusCode).toBe(200);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'nobody@x.example' },
    });
    expect(unknown.statusCode).toBe(200);
    const [mail] = await outboxFor(email);
    expect(mail?.status).toBe('outbox');
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail?.bodyText ?? '')?.[1] ?? '');
    const confirm = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, newPassword: 'reset passphrase 123' },
      });
    expect((await confirm()).statusCode).toBe(200);
    const reused = await confirm();
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('TOKEN_INVALID');
    await signIn(t.app, email, 'reset passphrase 123');
  });
});

describe('profile and language', () => {
  it('stores the preferred language', async () => {
    const { client } = await signedInAs(t, 'trainer');
    const res = await client.patch('/api/v1/auth/profile', { locale: 'ar' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locale).toBe('ar');
    expect((await client.get('/api/v1/auth/session')).json().user.locale).toBe('ar');
    expect((await client.patch('/api/v1/auth/profile', { locale: 'de' })).statusCode).toBe(400);
  });
});
