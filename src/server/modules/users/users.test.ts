import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'admin');
  admin = s.client;
  orgId = s.orgId;
});
afterAll(async () => {
  await t.close();
});

describe('users: invitations', () => {
  it('invites by e-mail in the invitee language; the invitee sets a password and is signed in', async () => {
    const res = await admin.post('/api/v1/users/invitations', {
      email: 'New.Trainer@college.example',
      role: 'trainer',
      locale: 'fr',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'new.trainer@college.example',
      role: 'trainer',
      status: 'invited',
    });
    const [mail] = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('toAddress', '=', 'new.trainer@college.example')
      .execute();
    expect(mail?.subject).toContain('Invitation');
    const token = decodeURIComponent(/token=(\S+)/.exec(mail?.bodyText ?? '')?.[1] ?? '');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, displayName: 'Nouvelle Formatrice', password: 'une phrase de passe' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ role: 'trainer', user: { displayName: 'Nouvelle Formatrice' } });
    const list = (await admin.get('/api/v1/users?q=new.trainer')).json();
    expect(list.data[0]).toMatchObject({ status: 'active', role: 'trainer' });
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitations/accept',
      payload: { token, displayName: 'x', password: 'another passphrase' },
    });
    expect(reuse.json().error.code).toBe('TOKEN_INVALID');
  });

  it('refuses to invite an existing member, and refuses non-admins', async () => {
    const { email } = await createMember(t.deps, orgId, 'coordinator');
    const dup = await admin.post('/api/v1/users/invitations', { email, role: 'trainer', locale: 'en' });
    expect(dup.statusCode).toBe(409);
    const coordinator = await signIn(t.app, email);
    expect(
      (
        await coordinator.post('/api/v1/users/invitations', {
          email: 'x@y.example',
          role: 'admin',
          locale: 'en',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('users: roles and deactivation', () => {
  it('changes a role with the current version, and answers 409 to a stale one', async () => {
    const { userId } = await createMember(t.deps, orgId, 'trainer');
    const changed = await admin.patch(`/api/v1/users/${userId}`, { version: 1, role: 'project_manager' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'project_manager', version: 2 });
    expect((await admin.patch(`/api/v1/users/${userId}`, { version: 1, role: 'expert' })).statusCode).toBe(
      409,
    );
  });

  it('deactivation ends the sessions and blocks sign-in', async () => {
    const { userId, email } = await createMember(t.deps, orgId, 'coordinator');
    const victim = await signIn(t.app, email);
    expect(
      (await admin.patch(`/api/v1/users/${userId}`, { version: 1, status: 'deactivated' })).statusCode,
    ).toBe(200);
    expect((await victim.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(signIn(t.app, email)).rejects.toThrow(/401/);
  });

  it('keeps the last active admin', async () => {
    const only = await signedInAs(t, 'admin');
    const res = await only.client.patch(`/api/v1/users/${only.userId}`, { version: 1, role: 'coordinator' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'last_admin' } });
  });

  it('does not reach users of another organization', async () => {
    const other = await signedInAs(t, 'trainer');
    const res = await admin.patch(`/api/v1/users/${other.userId}`, { version: 1, role: 'admin' });
    expect(res.statusCode).toBe(404);
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent(other.email)}`)).json().total).toBe(0);
  });
});

describe('several organizations', () => {
  it('a person in two colleges switches between them and sees each one only in its own session', async () => {
    const a = await signedInAs(t, 'coordinator');
    const orgB = (await signedInAs(t, 'admin')).orgId;
    await t.deps.db
      .insertInto('memberships')
      .values({
        id: `m-${a.userId}`,
        organizationId: orgB,
        userId: a.userId,
        role: 'observer',
        status: 'active',
        createdAt: '2026-01-01',
        updatedAt: '2026-01-01',
      })
      .execute();
    const inA = await a.client.post('/api/v1/partners', {
      names: { en: 'Only in A' },
      country: 'KE',
      type: '80',
    });
    expect(inA.statusCode).toBe(201);
    const session = (await a.client.get('/api/v1/auth/session')).json();
    expect(session.memberships).toHaveLength(2);
    const switched = await a.client.post('/api/v1/auth/switch-organization', { organizationId: orgB });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organization: { id: orgB }, role: 'observer' });
    const cookies = Object.fromEntries(switched.cookies.map((c) => [c.name, c.value]));
    const inB = await t.app.inject({ method: 'GET', url: `/api/v1/partners/${inA.json().id}`, cookies });
    expect(inB.statusCode).toBe(404);
    // The old session was replaced.
    expect((await a.client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('audit log and outbox', () => {
  it('lets admins filter the audit log by entity, action, actor and time, within their organization', async () => {
    const s = await signedInAs(t, 'admin');
    const partner = (
      await s.client.post('/api/v1/partners', { names: { en: 'Audited College' }, country: 'UG', type: '80' })
    ).json();
    await s.client.put(`/api/v1/partners/${partner.id}`, {
      version: 1,
      data: { names: { en: 'Audited College 2' }, country: 'UG', type: '80' },
    });
    const page = async (qs: string) => (await s.client.get(`/api/v1/audit?${qs}`)).json();
    const updates = await page(`entityType=partner&entityId=${partner.id}&action=update`);
    expect(updates.total).toBe(1);
    expect(updates.data[0]).toMatchObject({
      actorId: s.userId,
      before: { names: { en: 'Audited College' } },
      after: { names: { en: 'Audited College 2' } },
    });
    expect((await page(`actorId=${s.userId}&action=sign_in`)).total).toBe(1);
    const now = t.deps.clock.now().toISOString();
    expect((await page(`entityId=${partner.id}&to=${encodeURIComponent(now)}`)).total).toBe(0);
    expect((await page(`entityId=${partner.id}&from=${encodeURIComponent(now)}`)).total).toBe(2);
    // Another college's admin sees none of it.
    const other = (await signedInAs(t, 'admin')).client;
    expect((await other.get(`/api/v1/audit?entityId=${partner.id}`)).json().total).toBe(0);
  });

  it('shows admins and coordinators the messages in their organization outbox only', async () => {
    await admin.post('/api/v1/users/invitations', {
      email: 'outbox.check@college.example',
      role: 'expert',
      locale: 'zh-CN',
    });
    const list = (await admin.get('/api/v1/outbox')).json();
    const message = list.data.find((m: { to: string }) => m.to === 'outbox.check@college.example');
    expect(message).toMatchObject({ kind: 'invitation', status: 'outbox' });
    expect(message.subject).toContain('邀请');
    const other = (await signedInAs(t, 'admin')).client;
    const theirs = (await other.get('/api/v1/outbox')).json().data;
    expect(theirs.find((m: { to: string }) => m.to === 'outbox.check@college.example')).toBeUndefined();
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    expect((await trainer.get('/api/v1/outbox')).statusCode).toBe(403);
  });
});
