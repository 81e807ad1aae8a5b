import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../server/migrations/index.js';
import { createDeps } from '../server/platform/bootstrap.js';
import { type AppConfig, loadConfig } from '../server/platform/config.js';
import { createDb } from '../server/platform/db/create-db.js';
import { createLocalFileStore } from '../server/platform/files/file-store.js';
import { createTestDatabase, testDialect } from '../server/test/test-db.js';
import { createBackup, type Manifest } from './backup.js';
import { type CliIo, runCli } from './cli.js';
import { restoreBackup } from './restore.js';
import { seedDemoWorkspace } from './seed-demo.js';
import { findOnPath } from './support.js';

const MIGRATION_NAMES = Object.keys(migrations);

const onSqlite = testDialect() === 'sqlite';
const require = createRequire(import.meta.url);
const temps: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

function tempDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

afterEach(async () => {
  while (cleanups.length > 0) {
    await cleanups.pop()?.();
  }
});
afterAll(() => {
  for (const d of temps) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** A data folder with a migrated, seeded database and one stored file. */
async function seededInstall(env: NodeJS.ProcessEnv = {}) {
  const dataDir = tempDir('tvet-cli-data-');
  const config = loadConfig({ ...env, DATA_DIR: dataDir });
  const { deps, handle } = await createDeps(config);
  await seedDemoWorkspace(deps);
  const bytes = Buffer.from(`%PDF-1.7 signed MoU scan ${'x'.repeat(5000)} 谅解备忘录`);
  const stored = await createLocalFileStore(config.filesDir).put(bytes);
  await handle.close();
  return { config, dataDir, stored, bytes };
}

function countRows(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map((t) => [
        t.name,
        (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

/**
 * Another process that keeps writing to the database, one transaction per event-loop turn; each
 * transaction adds an organization and its admin, so a consistent copy has as many of one as the other.
 */
function startWriter(dbFile: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const script = `
    const SQLite = require(process.argv[1]);
    const db = new SQLite(process.argv[2]);
    db.pragma('busy_timeout = 5000');
    const org = db.prepare("insert into organizations (id, name, short_name, country, time_zone, created_at, updated_at) values (?, ?, '', 'CN', 'UTC', ?, ?)");
    const user = db.prepare("insert into users (id, email, display_name, locale, created_at, updated_at) values (?, ?, 'w', 'en', ?, ?)");
    const member = db.prepare("insert into memberships (id, organization_id, user_id, role, status, created_at, updated_at) values (?, ?, ?, 'admin', 'active', ?, ?)");
    const write = db.transaction((i) => {
      const now = new Date().toISOString();
      org.run('w-org-' + i, 'Writer ' + i, now, now);
      user.run('w-user-' + i, 'w' + i + '@writer.example', now, now);
      member.run('w-mem-' + i, 'w-org-' + i, 'w-user-' + i, now, now);
    });
    let i = 0;
    const tick = () => { for (let k = 0; k < 5; k++) write(i++); if (i === 50) process.stdout.write('ready\\n'); setImmediate(tick); };
    tick();
    process.on('SIGTERM', () => { db.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['-e', script, require.resolve('better-sqlite3'), dbFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
    await exited;
  };
  cleanups.push(stop);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve({ child, stop }));
    child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
}

const writerCounts = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      orgs: n("select count(*) as n from organizations where id like 'w-org-%'"),
      memberships: n("select count(*) as n from memberships where id like 'w-mem-%'"),
    };
  } finally {
    db.close();
  }
};

describe('backup and restore (SQLite)', () => {
  it.skipIf(!onSqlite)(
    'copies a database that another process keeps writing, and restores it into a new data folder',
    async () => {
      const { config, stored, bytes } = await seededInstall();
      const dbFile = path.join(config.dataDir, 'tvet-bridge.db');
      const writer = await startWriter(dbFile);
      const before = writerCounts(dbFile);
      const info: string[] = [];
      const { dir, manifest } = await createBackup({
        config,
        out: { info: (l) => info.push(l), warn: (l) => info.push(l) },
      });
      await new Promise((r) => setTimeout(r, 100));
      await writer.stop();
      const after = writerCounts(dbFile);

      expect(path.dirname(dir)).toBe(path.join(config.dataDir, 'backups'));
      expect(path.basename(dir)).toMatch(/^tvet-bridge-\d{8}T\d{6}Z$/);
      expect(manifest).toMatchObject({
        dialect: 'sqlite',
        migrations: MIGRATION_NAMES,
        database: { file: 'tvet-bridge.db', method: 'sqlite-online-backup' },
        files: { count: 1, bytes: bytes.length },
      });
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
      // A single self-contained file, consistent with itself: every writer transaction whole or absent.
      const copyFile = path.join(dir, 'tvet-bridge.db');
      expect(fs.existsSync(`${copyFile}-wal`)).toBe(false);
      const inCopy = writerCounts(copyFile);
      expect(inCopy.orgs).toBe(inCopy.memberships);
      expect(inCopy.orgs).toBeGreaterThanOrEqual(before.orgs);
      expect(after.orgs).toBeGreaterThan(inCopy.orgs); // the writer was not blocked by the backup
      const copyCounts = countRows(copyFile);

      const target = loadConfig({ DATA_DIR: tempDir('tvet-cli-restore-') });
      const restored = await restoreBackup({ config: target, backupDir: dir });
      expect(restored).toMatchObject({ databaseRestored: true, filesRestored: 1, migrated: [] });
      expect(countRows(path.join(target.dataDir, 'tvet-bridge.db'))).toEqual(copyCounts);
      expect(fs.readFileSync(path.join(target.filesDir, stored.key)).equals(bytes)).toBe(true);
      expect(await createLocalFileStore(target.filesDir).get(stored.key)).toEqual(bytes);
    },
  );

  it.skipIf(!onSqlite)(
    'refuses a backup whose database bytes were changed, and leaves the target alone',
    async () => {
      const { config } = await seededInstall();
      const { dir, manifest } = await createBackup({ config, outDir: tempDir('tvet-cli-out-') });
      const copyFile = path.join(dir, 'tvet-bridge.db');
      const buf = fs.readFileSync(copyFile);
      const at = Math.floor(buf.length / 2);
      buf[at] = (buf[at] ?? 0) ^ 0xff;
      fs.writeFileSync(copyFile, buf);

      const target = loadConfig({ DATA_DIR: tempDir('tvet-cli-restore-') });
      await expect(restoreBackup({ config: target, backupDir: dir })).rejects.toThrow(
        new RegExp(
          `does not match its manifest \\(sha256 expected ${manifest.database.sha256}, found [0-9a-f]{64}\\).*Nothing was restored`,
        ),
      );
      expect(fs.readdirSync(target.dataDir)).toEqual([]);

      // Through the command: exit code 1 and the same message.
      const err: string[] = [];
      const io: CliIo = {
        env: { DATA_DIR: target.dataDir },
        stdout: () => {},
        stderr: (l) => err.push(l),
        terminal: null,
      };
      expect(await runCli(['restore', dir, '--yes'], io)).toBe(1);
      expect(err.join('\n')).toMatch(/does not match its manifest/);
    },
  );

  it.skipIf(!onSqlite)(
    'refuses while the database is open elsewhere, without --yes on a non-terminal, and a missing manifest',
    async () => {
      const { config } = await seededInstall();
      const { dir } = await createBackup({ config });
      const server = createDb(config.databaseUrl);
      await server.db.selectFrom('organizations').select('id').execute();
      try {
        await expect(restoreBackup({ config, backupDir: dir })).rejects.toThrow(
          /is in use \(is the TVET Bridge server running\?\)/,
        );
      } finally {
        await server.close();
      }
      // Once stopped, restoring over the same install works.
      await expect(restoreBackup({ config, backupDir: dir })).resolves.toMatchObject({
        databaseRestored: true,
      });

      const err: string[] = [];
      const io: CliIo = {
        env: { DATA_DIR: config.dataDir },
        stdout: () => {},
        stderr: (l) => err.push(l),
        terminal: null,
      };
      expect(await runCli(['restore', dir], io)).toBe(1);
      expect(err.join('\n')).toMatch(/server must be stopped[\s\S]*pass --yes/);
      await expect(restoreBackup({ config, backupDir: config.dataDir })).rejects.toThrow(
        /manifest.json is missing/,
      );
    },
  );

  it.skipIf(!onSqlite)('upgrades a backup from an older release after restoring it', async () => {
    const { config } = await seededInstall();
    const { dir } = await createBackup({ config });
    // Pretend the backup predates the newest migration.
    const copyFile = path.join(dir, 'tvet-bridge.db');
    const older = createDb(`sqlite:${copyFile}`);
    const { migrateDown } = await import('../server/platform/db/migrate.js');
    await migrateDown(older.db);
    await older.close();
    fs.rmSync(`${copyFile}-wal`, { force: true });
    fs.rmSync(`${copyFile}-shm`, { force: true });
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const { sha256File } = await import('./support.js');
    manifest.migrations = MIGRATION_NAMES.slice(0, -1);
    manifest.database.sha256 = await sha256File(copyFile);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    const target = loadConfig({ DATA_DIR: tempDir('tvet-cli-restore-') });
    const restored = await restoreBackup({ config: target, backupDir: dir });
    expect(restored.migrated).toEqual([`applied ${MIGRATION_NAMES.at(-1)}`]);
  });
});

describe(`backup and restore (PostgreSQL)`, () => {
  const pgTools = findOnPath('pg_dump') !== null && findOnPath('pg_restore') !== null;

  it.skipIf(onSqlite || !pgTools)(
    'dumps with pg_dump, restores with pg_restore into another database',
    async () => {
      const source = await createTestDatabase();
      cleanups.push(source.drop);
      const { config, stored, bytes } = await seededInstall({ DATABASE_URL: source.url });
      const { dir, manifest } = await createBackup({ config });
      expect(manifest).toMatchObject({
        dialect: 'postgres',
        database: { file: 'database.dump', method: 'pg_dump' },
        files: { count: 1 },
      });
      expect(manifest.migrations).toEqual(MIGRATION_NAMES);

      const dest = await createTestDatabase();
      cleanups.push(dest.drop);
      const target: AppConfig = loadConfig({
        DATA_DIR: tempDir('tvet-cli-restore-'),
        DATABASE_URL: dest.url,
      });
      const restored = await restoreBackup({ config: target, backupDir: dir });
      expect(restored).toMatchObject({ databaseRestored: true, filesRestored: 1, migrated: [] });
      const count = async (url: string) => {
        const h = createDb(url);
        try {
          const [orgs, agreements] = await Promise.all([
            h.db
              .selectFrom('organizations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
            h.db
              .selectFrom('agreements')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow(),
          ]);
          return { orgs: Number(orgs.n), agreements: Number(agreements.n) };
        } finally {
          await h.close();
        }
      };
      expect(await count(dest.url)).toEqual(await count(source.url));
      expect(fs.readFileSync(path.join(target.filesDir, stored.key)).equals(bytes)).toBe(true);
    },
  );

  it.skipIf(onSqlite)(
    'without pg_dump prints the command to run, copies the files and says the backup is incomplete',
    async () => {
      const source = await createTestDatabase();
      cleanups.push(source.drop);
      const { config } = await seededInstall({ DATABASE_URL: source.url });
      const warnings: string[] = [];
      const { dir, manifest } = await createBackup({
        config,
        pgDump: null,
        out: { info: () => {}, warn: (l) => warnings.push(l) },
      });
      expect(manifest.database).toMatchObject({ file: null, method: 'manual' });
      expect(manifest.files.count).toBe(1);
      expect(warnings.join('\n')).toContain(
        `pg_dump --format=custom --file "${path.join(dir, 'database.dump')}" "$DATABASE_URL"`,
      );
    },
  );
});
