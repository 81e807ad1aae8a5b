import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import type { AppConfig } from '../server/platform/config.js';
import { createDb } from '../server/platform/db/create-db.js';
import { migrateToLatest } from '../server/platform/db/migrate.js';
import {
  FILES_DIR,
  KEYS_DIR,
  MANIFEST_FILE,
  type Manifest,
  PG_DUMP_FILE,
  restrictToOwner,
  ZManifest,
} from './backup.js';
import { knownMigrationNames } from './migrate.js';
import {
  CliError,
  compactUtc,
  copyTree,
  countFiles,
  findOnPath,
  type Output,
  pgCredentials,
  sha256File,
  silentOutput,
  sqliteFileOf,
} from './support.js';

const run = promisify(execFile);

export interface RestoreOptions {
  config: AppConfig;
  backupDir: string;
  out?: Output;
  /** pg_restore to use; default: the one on PATH (null: do not run it). */
  pgRestore?: string | null;
}

export interface RestoreResult {
  manifest: Manifest;
  databaseRestored: boolean;
  filesRestored: number;
  /** Migrations applied after the restore (the backup came from an older release). */
  migrated: string[];
}

export function pgRestoreGuidance(dump: string): string[] {
  return [
    'Restore the PostgreSQL dump with a pg_restore of the same major version as the server (server stopped):',
    `  pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" "${dump}"`,
    '  (into an empty database is safest: createdb, then pg_restore --no-owner --dbname ...)',
    'then bring the schema up to this release with:',
    '  tvet-bridge migrate up',
  ];
}

/** Reads and checks a backup's manifest; throws a CliError naming what is wrong. */
export async function readManifest(backupDir: string): Promise<Manifest> {
  const file = path.join(backupDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    throw new CliError(`${backupDir} is not a TVET Bridge backup: ${MANIFEST_FILE} is missing.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON; the backup is damaged.`);
  }
  const parsed = ZManifest.safeParse(json);
  if (!parsed.success) {
    throw new CliError(
      `${file} is not a TVET Bridge backup manifest (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
    );
  }
  return parsed.data;
}

function refuseNewerBackup(manifest: Manifest) {
  const known = new Set(knownMigrationNames());
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new CliError(
      `This backup was made by a newer release of TVET Bridge (unknown migrations: ${unknown.join(', ')}). ` +
        'Upgrade this installation first, then restore.',
    );
  }
}

async function verifyChecksum(file: string, expected: string | null, what: string) {
  const actual = await sha256File(file);
  if (actual !== expected) {
    throw new CliError(
      `The backup's ${what} does not match its manifest (sha256 expected ${expected}, found ${actual}): ` +
        'it was changed or damaged after the backup was made. Nothing was restored.',
    );
  }
}

/**
 * Fails when another process (a running server, a CLI) has the SQLite database open: leaving WAL
 * mode needs the only connection. Leaves the target in rollback-journal mode with no -wal file.
 */
function assertSqliteNotInUse(target: string) {
  if (!fs.existsSync(target)) {
    return;
  }
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(target, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new CliError(
        `The database ${target} is in use (is the TVET Bridge server running?). Stop the server and run restore again.`,
      );
    }
    throw err;
  } finally {
    db?.close();
  }
}

/** Replaces `target` (a folder) by a copy of `source` through a temporary sibling, then swaps. */
async function swapInDirectory(source: string, target: string): Promise<number> {
  const stamp = `${process.pid}-${compactUtc(new Date())}`;
  const incoming = `${target}.restore-${stamp}`;
  const outgoing = `${target}.replaced-${stamp}`;
  await fsp.rm(incoming, { recursive: true, force: true });
  const { count } = await copyTree(source, incoming);
  const hadTarget = fs.existsSync(target);
  if (hadTarget) {
    await fsp.rename(target, outgoing);
  }
  try {
    await fsp.rename(incoming, target);
  } catch (err) {
    if (hadTarget) {
      await fsp.rename(outgoing, target);
    }
    throw err;
  }
  if (hadTarget) {
    await fsp.rm(outgoing, { recursive: true, force: true });
  }
  return count;
}

async function migrate(config: AppConfig): Promise<string[]> {
  const handle = createDb(config.databaseUrl);
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

async function restoreSqlite(opts: RestoreOptions, manifest: Manifest, target: string): Promise<void> {
  if (!manifest.database.file) {
    throw new CliError('The manifest names no database file.');
  }
  const source = path.join(opts.backupDir, manifest.database.file);
  if (!fs.existsSync(source)) {
    throw new CliError(`The backup's database file ${source} is missing.`);
  }
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.restore-${process.pid}.tmp`;
  await fsp.copyFile(source, temp);
  try {
    // Checked on the copy that will be renamed into place, so what is verified is what is used.
    await verifyChecksum(temp, manifest.database.sha256, 'database file');
    assertSqliteNotInUse(target);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      await fsp.rm(`${target}${suffix}`, { force: true });
    }
    await fsp.rename(temp, target);
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

async function restorePostgres(opts: RestoreOptions, manifest: Manifest): Promise<boolean> {
  const out = opts.out ?? silentOutput;
  const dump = path.join(opts.backupDir, manifest.database.file ?? PG_DUMP_FILE);
  const pgRestore = opts.pgRestore === undefined ? findOnPath('pg_restore') : opts.pgRestore;
  if (!fs.existsSync(dump) || !pgRestore) {
    const why = !fs.existsSync(dump)
      ? `the backup has no database dump (${dump})`
      : 'pg_restore is not on PATH';
    for (const line of [`The database was NOT restored: ${why}.`, ...pgRestoreGuidance(dump)]) {
      out.warn(line);
    }
    return false;
  }
  if (manifest.database.sha256) {
    await verifyChecksum(dump, manifest.database.sha256, 'database dump');
  }
  const { url, password } = pgCredentials(opts.config.databaseUrl);
  out.info(`Running ${pgRestore} --clean --if-exists --no-owner --dbname <DATABASE_URL> ${dump}`);
  try {
    await run(pgRestore, ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--dbname', url, dump], {
      env: { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim();
    throw new CliError([`pg_restore failed: ${stderr}`, ...pgRestoreGuidance(dump)].join('\n'));
  }
  return true;
}

/**
 * Restores a backup made by `createBackup` over the configured database and files folder, then
 * applies this release's migrations. The server must be stopped (checked on SQLite).
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const { config } = opts;
  const backupDir = path.resolve(opts.backupDir);
  const manifest = await readManifest(backupDir);
  const target = sqliteFileOf(config);
  const dialect = target ? 'sqlite' : 'postgres';
  if (manifest.dialect !== dialect) {
    throw new CliError(
      `This is a ${manifest.dialect} backup but the configured database is ${dialect} (DATABASE_URL); ` +
        'restore it into the same kind of database.',
    );
  }
  if (!target && config.databaseUrl.startsWith('sqlite:')) {
    throw new CliError('Cannot restore into an in-memory database.');
  }
  refuseNewerBackup(manifest);
  const filesSource = path.join(backupDir, manifest.files.dir || FILES_DIR);
  const fileCount = await countFiles(filesSource);
  if (fileCount !== manifest.files.count) {
    throw new CliError(
      `The backup's files folder holds ${fileCount} files but its manifest lists ${manifest.files.count}: ` +
        'the backup is incomplete or was changed. Nothing was restored.',
    );
  }
  if (manifest.keys && (await countFiles(path.join(backupDir, manifest.keys.dir))) !== manifest.keys.count) {
    throw new CliError(
      `The backup's keys folder does not hold the ${manifest.keys.count} key file(s) its manifest lists: ` +
        'the backup is incomplete or was changed. Nothing was restored.',
    );
  }

  const options = { ...opts, backupDir };
  let databaseRestored: boolean;
  if (target) {
    await restoreSqlite(options, manifest, target);
    databaseRestored = true;
  } else {
    databaseRestored = await restorePostgres(options, manifest);
  }
  const filesRestored = await swapInDirectory(filesSource, path.resolve(config.filesDir));
  // Older backups have no key folder: keep whatever key the target has rather than removing it.
  if (manifest.keys && manifest.keys.count > 0) {
    const keysTarget = path.join(config.dataDir, KEYS_DIR);
    await swapInDirectory(path.join(backupDir, manifest.keys.dir), keysTarget);
    await restrictToOwner(keysTarget);
  }
  const migrated = databaseRestored ? await migrate(config) : [];
  return { manifest, databaseRestored, filesRestored, migrated };
}
