import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import { containsNul } from './reject-nul.js';

let t: TestApp;
let coordinator: Client;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signedInAs(t, 'coordinator')).client;
});
afterAll(async () => {
  await t.close();
});

describe('NUL characters are refused the same way on both databases', () => {
  it('finds a NUL in nested strings and keys, and nowhere else', () => {
    expect(containsNul({ a: [{ b: 'x\u0000y' }] })).toBe(true);
    expect(containsNul({ 'k\u0000': 1 })).toBe(true);
    expect(containsNul({ a: ['plain', 1, null, true], b: { c: 'ok' } })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });

  it('answers 400 unsupported_character for a NUL in a body, a query or a path, and stores nothing', async () => {
    const before = (await coordinator.get('/api/v1/partners')).json().total;
    const body = buildPartner({ names: { en: 'Nul\u0000College' } });
    const created = await coordinator.post('/api/v1/partners', body);
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'unsupported_character' },
    });
    const listed = await coordinator.get('/api/v1/partners?q=a%00b');
    expect(listed.statusCode).toBe(400);
    expect(listed.json().error.details.reason).toBe('unsupported_character');
    const byId = await coordinator.get('/api/v1/partners/a%00b');
    expect(byId.statusCode).toBe(400);
    expect((await coordinator.get('/api/v1/partners')).json().total).toBe(before);
  });
});
