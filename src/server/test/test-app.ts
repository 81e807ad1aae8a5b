import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../contracts/roles.js';
import { buildApp } from '../app.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { FixedClock } from '../platform/clock.js';
import { type AppConfig, loadConfig } from '../platform/config.js';
import type { Deps } from '../platform/context.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLocalFileStore } from '../platform/files/file-store.js';
import { newId } from '../platform/ids.js';
import { createMailer } from '../platform/mail/mailer.js';
import { createTestDatabase } from './test-db.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
};

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: FixedClock;
  close: () => Promise<void>;
}

/** A real app on a fresh migrated database (SQLite or PostgreSQL by TEST_DB), at a fixed time. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const { handle, drop } = await createTestDatabase();
  await migrateToLatest(handle.db);
  const clock = new FixedClock(new Date('2026-03-15T04:00:00Z'));
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-files-'));
  const config: AppConfig = {
    ...loadConfig({ DATA_DIR: path.dirname(filesDir), PUBLIC_URL: 'http://tvet.test' }),
    filesDir,
    ...overrides,
  };
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    clock,
    config,
    mailer: createMailer({ smtpUrl: undefined, from: 'test@tvet.test', clock }),
    files: createLocalFileStore(filesDir),
  };
  const app = await buildApp(deps);
  return {
    app,
    deps,
    clock,
    close: async () => {
      await app.close();
      await drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** Creates an organization (tenant) in the Asia/Shanghai time zone. */
export async function createOrganization(deps: Deps, name = 'Test College', timeZone = 'Asia/Shanghai') {
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('organizations')
    .values({
      id,
      name,
      shortName: '',
      country: 'CN',
      timeZone,
      iatiOrgId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** Creates a user with an active membership of `role` in the organization. */
export async function createMember(
  deps: Deps,
  organizationId: string,
  role: Role,
  email = `${role}-${newId().slice(-8)}@test.example`,
) {
  const now = deps.clock.now().toISOString();
  const userId = newId();
  await deps.db
    .insertInto('users')
    .values({
      id: userId,
      email,
      displayName: role,
      passwordHash: await passwordHash(),
      locale: 'en',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await deps.db
    .insertInto('memberships')
    .values({ id: newId(), organizationId, userId, role, status: 'active', createdAt: now, updatedAt: now })
    .execute();
  return { userId, email };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in client: sends the session cookie and the CSRF header like the web app does. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookies: Record<string, string>,
    readonly csrfToken: string,
    readonly userId: string,
  ) {}

  request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers: { 'x-csrf-token': this.csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
  /** Multipart upload of one file in the field `file`. */
  upload(url: string, fileName: string, bytes: Buffer, contentType = 'application/octet-stream') {
    const boundary = `----tvet${newId().replace(/-/g, '')}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.app.inject({
      method: 'POST',
      url,
      cookies: this.cookies,
      headers: {
        'x-csrf-token': this.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
  }
}

let signInCount = 0;

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  // Each simulated person signs in from an address of their own, as they would in life, so the
  // per-address sign-in rate limit is exercised only by the test that means to.
  signInCount++;
  const remoteAddress = `10.${(signInCount >> 16) & 255}.${(signInCount >> 8) & 255}.${signInCount & 255}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) {
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  }
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return new Client(app, cookies, res.json().csrfToken, res.json().user.id);
}

/** Organization + member + signed-in client in one call. */
export async function signedInAs(t: TestApp, role: Role, organizationId?: string) {
  const orgId = organizationId ?? (await createOrganization(t.deps));
  const { email, userId } = await createMember(t.deps, orgId, role);
  return { client: await signIn(t.app, email), orgId, email, userId };
}
