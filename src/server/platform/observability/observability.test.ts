import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import {
  createMember,
  createOrganization,
  createTestApp,
  signedInAs,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app.js';
import { newId } from '../ids.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * A strict little reader of the Prometheus text format: every line is a comment (# HELP / # TYPE)
 * or `name{label="value",…} number`; every sample belongs to a declared metric; histogram buckets
 * are cumulative and end with +Inf = _count. Throws on anything else.
 */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1] as string, type[2] as string);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)) {
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) {
      throw new Error(`not an exposition line: ${line}`);
    }
    const labels: Record<string, string> = {};
    const labelText = m[2] ?? '';
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/g;
    let consumed = 0;
    for (const l of labelText.matchAll(re)) {
      labels[l[1] as string] = (l[2] as string).replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
      consumed += l[0].length;
    }
    if (consumed !== labelText.length) {
      throw new Error(`bad labels: ${line}`);
    }
    const raw = m[3] as string;
    const value = raw === '+Inf' ? Number.POSITIVE_INFINITY : Number(raw);
    if (Number.isNaN(value) && raw !== 'NaN') {
      throw new Error(`bad value: ${line}`);
    }
    const name = m[1] as string;
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(family)) {
      throw new Error(`sample without # TYPE: ${line}`);
    }
    samples.push({ name, labels, value });
  }
  for (const [family, type] of types) {
    if (type !== 'histogram') {
      continue;
    }
    const series = new Map<string, Sample[]>();
    for (const s of samples.filter((x) => x.name === `${family}_bucket`)) {
      const { le: _le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      series.set(key, [...(series.get(key) ?? []), s]);
    }
    for (const [key, buckets] of series) {
      for (let i = 1; i < buckets.length; i++) {
        expect(buckets[i]?.value).toBeGreaterThanOrEqual(buckets[i - 1]?.value ?? 0);
      }
      expect(buckets.at(-1)?.labels.le).toBe('+Inf');
      const count = samples.find(
        (x) => x.name === `${family}_count` && JSON.stringify(x.labels) === key,
      )?.value;
      expect(buckets.at(-1)?.value).toBe(count);
    }
  }
  return { types, samples };
}

const find = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value ?? 0;

async function scrape(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(res.body);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /metrics', () => {
  it('is valid text format, counts requests by route pattern and status class, and times them', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const before = (await scrape(t.app)).samples;
    const partnerId = newId();
    const token = `tok${newId().replace(/-/g, '')}xyz`;
    for (let i = 0; i < 3; i++) {
      expect((await client.get(`/api/v1/partners/${partnerId}`)).statusCode).toBe(404);
    }
    expect((await client.get('/api/v1/partners')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/no-such-thing/${partnerId}` })).statusCode,
    ).toBe(404);

    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    const { types, samples } = parseExposition(res.body);
    const byId = { method: 'GET', route: '/api/v1/partners/:id', status_class: '4xx' };
    expect(
      find(samples, 'tvet_http_requests_total', byId) - find(before, 'tvet_http_requests_total', byId),
    ).toBe(3);
    const list = { method: 'GET', route: '/api/v1/partners', status_class: '2xx' };
    expect(
      find(samples, 'tvet_http_requests_total', list) - find(before, 'tvet_http_requests_total', list),
    ).toBe(1);
    expect(
      find(samples, 'tvet_http_requests_total', {
        route: '/api/v1/public/surveys/:token',
        status_class: '4xx',
      }),
    ).toBe(1);
    expect(find(samples, 'tvet_http_requests_total', { route: '(unmatched)', status_class: '4xx' })).toBe(1);
    // The latency histogram has the same route patterns.
    expect(
      find(samples, 'tvet_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/partners/:id',
      }),
    ).toBeGreaterThanOrEqual(3);
    // No raw id or token anywhere in the exposition: bounded cardinality, nothing secret.
    expect(res.body).not.toContain(partnerId);
    expect(res.body).not.toContain(token);

    expect(types.get('tvet_http_request_duration_seconds')).toBe('histogram');
    expect(types.get('tvet_http_requests_total')).toBe('counter');
    expect(find(samples, 'process_cpu_seconds_total', {})).toBeGreaterThan(0);
    expect(find(samples, 'process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(
      samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds' && s.labels.quantile === '0.99'),
    ).toBe(true);
    expect(find(samples, 'tvet_db_up', {})).toBe(1);
  });

  it('shows the job queues from the database and counts scheduled runs and failures', async () => {
    const orgId = await createOrganization(t.deps);
    const now = t.deps.clock.now().toISOString();
    const before = (await scrape(t.app)).samples;
    await t.deps.db
      .insertInto('outbox')
      .values({
        id: newId(),
        organizationId: orgId,
        toAddress: 'someone@example.org',
        subject: 's',
        bodyText: 'b',
        kind: 'test',
        status: 'queued',
        attempts: 0,
        createdAt: now,
      })
      .execute();
    await t.deps.db
      .insertInto('jobRuns')
      .values({
        id: newId(),
        jobName: `survey-jobs:${orgId}`,
        periodKey: '2026-03-15',
        status: 'running',
        startedAt: now,
      })
      .execute();
    const ok = t.app.metrics.instrumentJob('survey-jobs', async () => 'done');
    const failing = t.app.metrics.instrumentJob('survey-jobs', async () => {
      throw new Error('boom');
    });
    await ok();
    await expect(failing()).rejects.toThrow('boom');

    const { samples } = await scrape(t.app);
    expect(
      find(samples, 'tvet_outbox_messages', { status: 'queued' }) -
        find(before, 'tvet_outbox_messages', { status: 'queued' }),
    ).toBe(1);
    expect(find(samples, 'tvet_job_runs_running', { job: 'survey-jobs' })).toBe(1);
    // The per-organization job name is folded into its family: no organization id in a label.
    expect(samples.some((s) => Object.values(s.labels).some((v) => v.includes(orgId)))).toBe(false);
    expect(find(samples, 'tvet_job_runs_total', { job: 'survey-jobs', outcome: 'ok' })).toBe(1);
    expect(find(samples, 'tvet_job_runs_total', { job: 'survey-jobs', outcome: 'error' })).toBe(1);
    expect(find(samples, 'tvet_job_last_success_timestamp_seconds', { job: 'survey-jobs' })).toBeGreaterThan(
      0,
    );
    expect(find(samples, 'tvet_certificate_batches_running', {})).toBe(0);
  });

  it('without METRICS_TOKEN answers loopback only, and refuses what a proxy relays', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(
      200,
    );
    const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('FORBIDDEN');
    const proxied = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(proxied.statusCode).toBe(403);
    expect(proxied.body).not.toContain('tvet_http_requests_total');
  });

  it('with METRICS_TOKEN wants the bearer token from anywhere, loopback included', async () => {
    const secret = 'scrape-secret-0123456789';
    const app = await buildApp(
      { ...t.deps, config: { ...t.deps.config, metricsToken: secret } },
      { dbPool: { totalCount: 7, idleCount: 3, waitingCount: 2 } },
    );
    try {
      const get = (remoteAddress: string, authorization?: string) =>
        app.inject({
          method: 'GET',
          url: '/metrics',
          remoteAddress,
          headers: authorization ? { authorization } : {},
        });
      expect((await get('127.0.0.1')).statusCode).toBe(401);
      expect((await get('203.0.113.9', 'Bearer wrong-token-wrong-token')).statusCode).toBe(401);
      expect((await get('203.0.113.9', `Basic ${secret}`)).statusCode).toBe(401);
      const ok = await get('203.0.113.9', `Bearer ${secret}`);
      expect(ok.statusCode).toBe(200);
      const { types, samples } = parseExposition(ok.body);
      expect(types.size).toBeGreaterThan(10);
      // The PostgreSQL pool's counts, when the server has a pool.
      expect(find(samples, 'tvet_db_pool_connections', { state: 'total' })).toBe(7);
      expect(find(samples, 'tvet_db_pool_connections', { state: 'idle' })).toBe(3);
      expect(find(samples, 'tvet_db_pool_waiting_clients', {})).toBe(2);
    } finally {
      await app.close();
    }
  });
});

describe('request logs', () => {
  it('one JSON line per request with id, route, status, duration, user and organization, and no secrets', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp(t.deps, { logger: { level: 'info', stream } });
    try {
      const orgId = await createOrganization(t.deps);
      const { email, userId } = await createMember(t.deps, orgId, 'coordinator');
      const client = await signIn(app, email);
      const surveyToken = `tok${newId().replace(/-/g, '')}abc`;
      const partnerId = newId();
      const res = await client.request('GET', `/api/v1/partners/${partnerId}`, undefined, {
        'x-request-id': 'trace-0123456789',
        authorization: 'Bearer not-a-real-token-123',
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['x-request-id']).toBe('trace-0123456789');
      await app.inject({ method: 'GET', url: `/api/v1/public/surveys/${surveyToken}` });
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'wrong-password-abcdef' },
        remoteAddress: '10.200.0.1',
      });
      expect(wrong.statusCode).toBe(401);
      // Whatever a handler hands the logger, the redaction holds.
      app.log.info(
        {
          req: { headers: { cookie: 'tvet_session=leak-cookie', authorization: 'Bearer leak-bearer' } },
          body: { password: 'leak-password' },
          password: 'leak-password',
        },
        'careless line',
      );

      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const line = parsed.find((l) => l.reqId === 'trace-0123456789' && l.msg === 'request completed');
      expect(line).toMatchObject({
        method: 'GET',
        route: '/api/v1/partners/:id',
        statusCode: 404,
        userId,
        organizationId: orgId,
        level: 30,
      });
      expect(typeof line?.durationMs).toBe('number');
      const anonymous = parsed.find((l) => l.route === '/api/v1/public/surveys/:token');
      expect(anonymous).toMatchObject({ statusCode: 404, userId: null, organizationId: null });
      expect(typeof anonymous?.reqId).toBe('string');
      // Every request has exactly one line, and each names its route.
      const completed = parsed.filter((l) => l.msg === 'request completed');
      expect(completed).toHaveLength(4);
      expect(completed.every((l) => typeof l.route === 'string' && typeof l.reqId === 'string')).toBe(true);

      const all = lines.join('\n');
      for (const secret of [
        TEST_PASSWORD,
        'wrong-password-abcdef',
        'leak-password',
        'leak-cookie',
        'leak-bearer',
        'not-a-real-token-123',
        client.cookies.tvet_session ?? '(no cookie)',
        client.csrfToken,
        surveyToken,
        partnerId,
        email,
      ]) {
        expect(all).not.toContain(secret);
      }
      expect(all).toContain('[redacted]');
    } finally {
      await app.close();
    }
  });
});
