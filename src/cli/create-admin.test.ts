import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { createDeps } from '../server/platform/bootstrap.js';
import { type AppConfig, loadConfig } from '../server/platform/config.js';
import type { Deps } from '../server/platform/context.js';
import type { DbHandle } from '../server/platform/db/create-db.js';
import { createTestDatabase, testDialect } from '../server/test/test-db.js';
import { type CliIo, runCli } from './cli.js';
import { createAdmin } from './create-admin.js';
import { CliError } from './support.js';

const PASSWORD = 'a long enough admin passphrase';

function collectingIo(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, stdout: (l) => out.push(l), stderr: (l) => err.push(l), terminal: null };
  return { io, out, err };
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let config: AppConfig;
let drop: () => Promise<void> = async () => {};
let deps: Deps;
let handle: DbHandle;
let app: FastifyInstance;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-cli-admin-'));
  env = { DATA_DIR: dataDir };
  if (testDialect() === 'postgres') {
    const db = await createTestDatabase();
    drop = db.drop;
    env.DATABASE_URL = db.url;
  }
  config = loadConfig(env);
  ({ deps, handle } = await createDeps(config));
  app = await buildApp(deps);
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const signIn = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

describe(`create-admin (${testDialect()})`, () => {
  it('creates organization, user and admin membership; the admin can sign in', async () => {
    const { io, out, err } = collectingIo({ ...env, TVET_ADMIN_PASSWORD: PASSWORD });
    const code = await runCli(
      [
        'create-admin',
        '--email',
        'Registrar@Lusaka-TC.example.zm',
        '--name',
        'Mwila Banda',
        '--organization',
        'Lusaka Technical College',
        '--country',
        'zm',
        '--time-zone',
        'Africa/Lusaka',
      ],
      io,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Organization: Lusaka Technical College .* created/);
    expect(out.join('\n')).toMatch(/active admin membership created/);

    const org = await deps.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Lusaka Technical College', country: 'ZM', timeZone: 'Africa/Lusaka' });
    const user = await deps.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.email).toBe('registrar@lusaka-tc.example.zm');
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const memberships = await deps.db.selectFrom('memberships').selectAll().execute();
    expect(memberships).toEqual([
      expect.objectContaining({ organizationId: org.id, userId: user.id, role: 'admin', status: 'active' }),
    ]);
    const audit = await deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'membership')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        actorId: null,
        entityId: memberships[0]?.id,
        organizationId: org.id,
      }),
    ]);

    const res = await signIn('registrar@lusaka-tc.example.zm', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('registrar@lusaka-tc.example.zm');
    expect((await signIn('registrar@lusaka-tc.example.zm', 'a wrong passphrase!')).statusCode).not.toBe(200);
  });

  it('is safe to run again: an existing admin membership is reported, not duplicated', async () => {
    const input = {
      email: 'registrar@lusaka-tc.example.zm',
      name: 'Mwila Banda',
      organization: 'Lusaka Technical College',
      password: 'another passphrase 2',
    };
    const again = await createAdmin(deps, input);
    expect(again.organization.created).toBe(false);
    expect(again.user).toMatchObject({ created: false, passwordSet: false });
    expect(again.membership.outcome).toBe('already_admin');
    const count = await deps.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    // The password was not silently changed...
    expect((await signIn(input.email, PASSWORD)).statusCode).toBe(200);
    // ...unless asked for.
    const reset = await createAdmin(deps, { ...input, resetPassword: true });
    expect(reset.user.passwordSet).toBe(true);
    expect((await signIn(input.email, input.password)).statusCode).toBe(200);
  });

  it('makes an existing member of the organization an active admin', async () => {
    const org = await deps.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const first = await createAdmin(deps, {
      email: 'trainer@lusaka-tc.example.zm',
      name: 'T',
      organization: 'Lusaka Technical College',
      password: PASSWORD,
    });
    await deps.db
      .updateTable('memberships')
      .set({ role: 'trainer', status: 'deactivated' })
      .where('id', '=', first.membership.id)
      .execute();
    const promoted = await createAdmin(deps, {
      email: 'trainer@lusaka-tc.example.zm',
      name: 'T',
      organization: 'Lusaka Technical College',
      password: PASSWORD,
    });
    expect(promoted.membership).toEqual({ id: first.membership.id, outcome: 'promoted' });
    expect(promoted.organization.id).toBe(org.id);
    const m = await deps.db
      .selectFrom('memberships')
      .selectAll()
      .where('id', '=', first.membership.id)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('refuses short passwords and bad input with exit code 2', async () => {
    await expect(
      createAdmin(deps, {
        email: 'x@example.org',
        name: 'X',
        organization: 'Other College',
        password: 'short',
      }),
    ).rejects.toThrow(/at least 10 characters/);
    await expect(
      createAdmin(deps, {
        email: 'x@example.org',
        name: 'X',
        organization: 'Other College',
        password: PASSWORD,
        timeZone: 'Mars/Base',
      }),
    ).rejects.toBeInstanceOf(CliError);
    const short = collectingIo({ ...env, TVET_ADMIN_PASSWORD: '123456789' });
    expect(
      await runCli(
        ['create-admin', '--email', 'x@example.org', '--name', 'X', '--organization', 'Other College'],
        short.io,
      ),
    ).toBe(2);
    expect(short.err.join('\n')).toMatch(/at least 10 characters/);
    const none = collectingIo(env);
    expect(
      await runCli(
        ['create-admin', '--email', 'x@example.org', '--name', 'X', '--organization', 'Other College'],
        none.io,
      ),
    ).toBe(2);
    expect(none.err.join('\n')).toMatch(/No password/);
    const missing = collectingIo(env);
    expect(await runCli(['create-admin', '--email', 'x@example.org'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/Missing --name, --organization/);
    expect(
      await deps.db.selectFrom('organizations').select('id').where('name', '=', 'Other College').execute(),
    ).toEqual([]);
  });
});
