import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { buildApp } from '../app.js';
import { FixedClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import type { Deps } from '../platform/context.js';
import { createDb, type DbHandle } from '../platform/db/create-db.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLocalFileStore } from '../platform/files/file-store.js';
import { newId } from '../platform/ids.js';
import { createMailer } from '../platform/mail/mailer.js';
import { type ServerProcess, startServerProcess } from '../test/server-process.js';
import type { Client, TestApp } from '../test/test-app.js';
import { createTestDatabase, testDialect } from '../test/test-db.js';

/**
 * A database that a real server process and this test process share: a SQLite file in a temporary
 * DATA_DIR, or a fresh PostgreSQL database on TEST_PG_URL. `t` is an in-process app on the same
 * database, for the factories and for signing in; its clock is the real time, because the server
 * process judges the sessions it creates by the real time.
 */
export interface FaultWorkspace {
  t: TestApp;
  handle: DbHandle;
  databaseUrl: string;
  dataDir: string;
  /** Starts `src/server/main.ts` on the workspace's database and DATA_DIR. */
  startServer(env?: Record<string, string>): Promise<ServerProcess>;
  close(): Promise<void>;
}

/**
 * `databaseUrl` uses that database as it is (a PostgreSQL database the test owns, e.g. on a second
 * throwaway cluster); without it, the test tier's database (TEST_DB).
 */
export async function createFaultWorkspace(opts: { databaseUrl?: string } = {}): Promise<FaultWorkspace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-faults-'));
  let handle: DbHandle;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  if (opts.databaseUrl) {
    databaseUrl = opts.databaseUrl;
    handle = createDb(databaseUrl);
    drop = () => handle.close();
  } else if (testDialect() === 'postgres') {
    const created = await createTestDatabase();
    handle = created.handle;
    databaseUrl = created.url;
    drop = created.drop;
  } else {
    databaseUrl = `sqlite:${path.join(dataDir, 'tvet-bridge.db')}`;
    handle = createDb(databaseUrl);
    drop = () => handle.close();
  }
  await migrateToLatest(handle.db);
  const t = await inProcessApp(handle, dataDir);
  const app = t.app;
  const servers: ServerProcess[] = [];
  return {
    t,
    handle,
    databaseUrl,
    dataDir,
    async startServer(env = {}) {
      const server = await startServerProcess({
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        // Bursts from one address are the point of these tests, not the rate limit.
        RATE_LIMIT_PER_MINUTE: '1000000',
        CREDENTIAL_KEY_SECRET: 'fault-tests-master-secret-0123456789abcdef',
        ...env,
      });
      servers.push(server);
      return server;
    },
    async close() {
      for (const s of servers) {
        await s.kill('SIGKILL');
      }
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An app in this process on `handle`, at the real time, with its files under `dataDir`/files. */
export async function inProcessApp(handle: DbHandle, dataDir: string): Promise<TestApp> {
  const clock = new FixedClock(new Date());
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://tvet.test' });
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock,
    config,
    mailer: createMailer({ smtpUrl: undefined, from: 'test@tvet.test', clock }),
    files: createLocalFileStore(config.filesDir),
  };
  const app = await buildApp(deps);
  return { app, deps, clock, close: async () => app.close() };
}

export interface RemoteResponse {
  status: number;
  headers: Headers;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read like inject()'s res.json()
  json<T = any>(): T;
}

/** A signed-in person talking to a server process over real HTTP (session and CSRF from `client`). */
export class RemoteClient {
  constructor(
    readonly baseUrl: string,
    readonly client: Client,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = Object.entries(this.client.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    return { cookie, 'x-csrf-token': this.client.csrfToken, ...extra };
  }

  async request(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<RemoteResponse> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text, json: () => JSON.parse(text) };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
}

/** One multipart body with the file in the field `file`, as the web app sends it. */
export function multipart(fileName: string, bytes: Buffer, contentType: string) {
  const boundary = `----tvetfault${newId().replace(/-/g, '')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Posts a body with node:http so the test knows when every byte has left (`sent`), independently
 * of the answer (`answer`, which rejects when the server dies mid-request).
 */
export function postRaw(
  remote: RemoteClient,
  url: string,
  payload: { body: Buffer; contentType: string },
): { sent: Promise<void>; answer: Promise<RemoteResponse> } {
  let markSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => {
    markSent = resolve;
  });
  const answer = new Promise<RemoteResponse>((resolve, reject) => {
    const req = http.request(
      `${remote.baseUrl}${url}`,
      {
        method: 'POST',
        headers: remote.headers({
          'content-type': payload.contentType,
          'content-length': String(payload.body.length),
        }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (typeof v === 'string') {
              headers.set(k, v);
            }
          }
          resolve({ status: res.statusCode ?? 0, headers, body: text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload.body, () => markSent());
  });
  // The answer of a killed request is an error the test expects; it must not go unhandled.
  answer.catch(() => {});
  return { sent, answer };
}

/** Polls `probe` until it returns true; throws with `what` when `timeoutMs` passes first. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000, stepMs = 5) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/**
 * True while another connection holds an open write transaction on `table`: on PostgreSQL a
 * RowExclusiveLock held by another backend, on SQLite the database's write lock (BEGIN IMMEDIATE
 * without waiting fails). It proves that a kill lands inside the transaction, not before or after.
 */
export async function writeInProgress(w: FaultWorkspace, table: string): Promise<boolean> {
  if (w.handle.dialect === 'postgres') {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
      where c.relname = ${table} and l.mode = 'RowExclusiveLock' and l.granted
        and l.pid <> pg_backend_pid()`.execute(w.handle.db);
    return (r.rows[0]?.n ?? 0) > 0;
  }
  const probe = new SQLite(w.databaseUrl.replace(/^sqlite:/, ''), { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      return true;
    }
    throw err;
  } finally {
    probe.close();
  }
}
