import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../modules/identity/session.hook.js';
import { createDb } from '../platform/db/create-db.js';
import { buildPartner } from '../test/factories.js';
import { createMember, createOrganization, signIn } from '../test/test-app.js';
import { testDialect } from '../test/test-db.js';
import {
  createFaultWorkspace,
  type FaultWorkspace,
  inProcessApp,
  RemoteClient as Remote,
  type RemoteClient,
  type RemoteResponse,
  waitUntil,
} from './harness.js';

// The database goes away under a running server (issue 7, "Faults"): requests answer 503
// SERVICE_UNAVAILABLE with Retry-After within seconds (never a hang, never a 500), health says
// 503, and when the database is back the same process serves again without a restart.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
});

/** A request that must be answered in time: a hang fails the test instead of stalling it. */
async function timed(remote: RemoteClient, method: string, url: string, body?: unknown) {
  const started = performance.now();
  const res = await remote.request(method, url, body, AbortSignal.timeout(20_000));
  return { res, ms: Math.round(performance.now() - started) };
}

function expectUnavailable(res: RemoteResponse) {
  expect(res.status, res.body).toBe(503);
  expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('a PostgreSQL server that accepts connections and never answers', () => {
  it('answers 503 after the connection timeout instead of hanging', async () => {
    // A socket that takes the connection and says nothing: what a half-dead host or a black-holed
    // network looks like to the pool.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const handle = createDb(`postgres://tvet@127.0.0.1:${port}/tvet`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-silent-'));
    const t = await inProcessApp(handle, dataDir);
    cleanups.push(async () => {
      await t.close();
      for (const s of sockets) {
        s.destroy();
      }
      silent.close();
      await handle.close().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const started = performance.now();
    const [health, api] = await Promise.all([
      t.app.inject({ method: 'GET', url: '/api/v1/health' }),
      t.app.inject({ method: 'GET', url: '/api/v1/partners', cookies: { [SESSION_COOKIE]: 'x'.repeat(43) } }),
    ]);
    const ms = Math.round(performance.now() - started);
    console.info(`silent database: both answers after ${ms} ms (pool connection timeout 5 s)`);
    expect(health.statusCode).toBe(503);
    expect(api.statusCode, api.body).toBe(503);
    expect(api.json().error.code).toBe('SERVICE_UNAVAILABLE');
    expect(api.headers['retry-after']).toBeDefined();
  }, 30_000);
});

/** A second throwaway PostgreSQL cluster of this test's own, which it may stop and start. */
function ownCluster() {
  const out = execFileSync(path.join(root, 'scripts/pg-throwaway.sh'), ['start'], {
    encoding: 'utf8',
    env: { ...process.env, PG_THROWAWAY_DIR: '', PG_DATABASE: 'tvet_outage' },
  });
  const vars = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split('=', 2) as [string, string]),
  );
  const url = vars.TEST_PG_URL as string;
  const dir = vars.PG_THROWAWAY_DIR as string;
  const bin = fs.readFileSync(path.join(dir, 'env'), 'utf8').match(/^PG_BIN=(.*)$/m)?.[1] as string;
  const port = new URL(url).port;
  // As root the cluster belongs to `postgres` (initdb refuses root), as in pg-throwaway.sh.
  const pgCtl = (...args: string[]) => {
    const cmd = [path.join(bin, 'pg_ctl'), '-D', path.join(dir, 'data'), ...args];
    const [file, ...rest] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...cmd] : cmd;
    execFileSync(file as string, rest, { stdio: 'ignore' });
  };
  return {
    url,
    stop: () => pgCtl('-m', 'fast', '-w', 'stop'),
    start: () =>
      pgCtl(
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
        'start',
      ),
    remove: () => {
      execFileSync(path.join(root, 'scripts/pg-throwaway.sh'), ['stop', dir], { stdio: 'ignore' });
    },
  };
}

describe.skipIf(testDialect() !== 'postgres')('PostgreSQL stopped under a running server', () => {
  it('answers 503 while it is down and serves again when it is back, without a restart', async () => {
    const cluster = ownCluster();
    cleanups.push(() => cluster.remove());
    const w: FaultWorkspace = await createFaultWorkspace({ databaseUrl: cluster.url });
    cleanups.push(() => w.close());
    const orgId = await createOrganization(w.t.deps, 'Outage College');
    const { email } = await createMember(w.t.deps, orgId, 'admin');
    const server = await w.startServer();
    const remote = new Remote(server.url, await signIn(w.t.app, email));
    expect((await remote.get('/api/v1/partners')).status).toBe(200);

    // The load balancer's probe comes without a session.
    const probe = new Remote(server.url, {
      ...remote.client,
      cookies: {},
      csrfToken: '',
    } as typeof remote.client);
    cluster.stop();
    const down = await Promise.all([
      timed(probe, 'GET', '/api/v1/health'),
      timed(remote, 'GET', '/api/v1/partners'),
      timed(remote, 'POST', '/api/v1/partners', buildPartner()),
      timed(remote, 'GET', '/api/v1/partners?page=2'),
    ]);
    console.info(`database stopped: answers in ${down.map((d) => d.ms).join(', ')} ms`);
    const [health, ...api] = down;
    expect(health?.res.status).toBe(503);
    expect(health?.res.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
    for (const { res } of api) {
      expectUnavailable(res);
    }

    cluster.start();
    const backAt = performance.now();
    await waitUntil(
      'the same server to serve again',
      async () => (await remote.get('/api/v1/partners')).status === 200,
      30_000,
      200,
    );
    console.info(`database started again: served after ${Math.round(performance.now() - backAt)} ms`);
    expect((await probe.get('/api/v1/health')).status).toBe(200);
    const created = await remote.post('/api/v1/partners', buildPartner());
    expect(created.status, created.body).toBe(201);
    // The same process all along, and no request of the outage ended as an internal error.
    expect(() => process.kill(server.pid, 0)).not.toThrow();
    expect(server.output()).not.toContain('unhandled error');
    await server.kill('SIGTERM');
  }, 90_000);
});

describe.skipIf(testDialect() !== 'sqlite')('SQLite locked by another process', () => {
  it('answers a write 503 after the busy timeout and writes again once the lock is gone', async () => {
    const w = await createFaultWorkspace();
    cleanups.push(() => w.close());
    const orgId = await createOrganization(w.t.deps, 'Locked College');
    const { email } = await createMember(w.t.deps, orgId, 'admin');
    const server = await w.startServer();
    const remote = new Remote(server.url, await signIn(w.t.app, email));
    expect((await remote.get('/api/v1/partners')).status).toBe(200);

    // Another process (a backup tool, a stuck CLI) holds the write lock.
    const holder = new SQLite(w.databaseUrl.replace(/^sqlite:/, ''));
    holder.exec('BEGIN EXCLUSIVE');
    let released = false;
    cleanups.push(() => {
      if (!released) {
        holder.exec('ROLLBACK');
      }
      holder.close();
    });
    const blocked = await timed(remote, 'POST', '/api/v1/partners', buildPartner());
    // At most the busy timeout (5 s); at once when the request's transaction had read first, since
    // SQLite then refuses the upgrade to a write instead of waiting.
    console.info(`SQLite locked: a write answered after ${blocked.ms} ms`);
    expectUnavailable(blocked.res);

    holder.exec('ROLLBACK');
    released = true;
    const created = await remote.post('/api/v1/partners', buildPartner());
    expect(created.status, created.body).toBe(201);
    expect(server.output()).not.toContain('unhandled error');
    await server.kill('SIGTERM');
  }, 60_000);
});
