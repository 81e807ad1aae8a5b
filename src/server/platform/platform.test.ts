import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.js';
import { createTestApp, signedInAs, type TestApp } from '../test/test-app.js';
import { createTestDatabase } from '../test/test-db.js';
import { migrateDown, migrateToLatest, migrateToNone } from './db/migrate.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('migrations', () => {
  it('run up, down and up again on an empty database', async () => {
    const { handle, drop } = await createTestDatabase();
    try {
      const names = Object.keys(migrations);
      expect(await migrateToLatest(handle.db)).toEqual(names.map((n) => `applied ${n}`));
      await handle.db
        .insertInto('organizations')
        .values({
          id: 'o1',
          name: 'x',
          shortName: '',
          country: 'CN',
          timeZone: 'UTC',
          iatiOrgId: null,
          createdAt: 'a',
          updatedAt: 'a',
        })
        .execute();
      expect(await migrateDown(handle.db)).toEqual([`reverted ${names.at(-1)}`]);
      expect(await migrateToNone(handle.db)).toHaveLength(names.length - 1);
      await expect(sql`select * from organizations`.execute(handle.db)).rejects.toThrow();
      expect(await migrateToLatest(handle.db)).toHaveLength(names.length);
      expect(await migrateToLatest(handle.db)).toEqual([]);
    } finally {
      await drop();
    }
  });
});

describe('HTTP platform', () => {
  it('serves health with the database state', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.deps.dialect });
  });

  it('publishes OpenAPI 3.1 JSON at a stable URL, generated from the contracts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/partners', '/api/v1/agreements/{id}', '/api/v1/auth/sign-in']),
    );
    const partnerQuery = doc.paths['/api/v1/partners'].get.parameters.map((p: { name: string }) => p.name);
    expect(partnerQuery).toEqual(
      expect.arrayContaining([
        'q',
        'country',
        'type',
        'tag',
        'hasActiveAgreement',
        'sort',
        'page',
        'pageSize',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown routes, malformed JSON and bad ids in the uniform error shape', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const missing = await client.get('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const malformed = await client.request('POST', '/api/v1/partners', '{"names": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('INVALID_INPUT');
    const guessed = await client.get('/api/v1/partners/00000000-0000-7000-8000-000000000000');
    expect(guessed.statusCode).toBe(404);
  });

  it('sends security headers and a CSP, and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers 500 with an error id and no internals when something unexpected fails', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const original = t.deps.db;
    // A table that vanished under the server: the kind of failure no handler expects.
    await sql`alter table partner_tags rename to partner_tags_gone`.execute(original);
    try {
      const res = await client.get('/api/v1/partners?tag=x');
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
      expect(res.json().error.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).not.toContain('partner_tags');
    } finally {
      await sql`alter table partner_tags_gone rename to partner_tags`.execute(original);
    }
  });
});
