import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { z } from 'zod';
import type { AppConfig } from '../server/platform/config.js';
import { createDb } from '../server/platform/db/create-db.js';
import { appliedMigrationNames } from './migrate.js';
import {
  CliError,
  compactUtc,
  copyTree,
  findOnPath,
  type Output,
  pgCredentials,
  sha256File,
  silentOutput,
  sqliteFileOf,
} from './support.js';

const run = promisify(execFile);

export const MANIFEST_FILE = 'manifest.json';
export const SQLITE_BACKUP_FILE = 'tvet-bridge.db';
export const PG_DUMP_FILE = 'database.dump';
export const FILES_DIR = 'files';
/** DATA_DIR/keys: the credential master key when CREDENTIAL_KEY_SECRET is not set. */
export const KEYS_DIR = 'keys';

export const ZManifest = z.object({
  format: z.literal('tvet-bridge-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  database: z.object({
    /** File inside the backup folder, or null when the PostgreSQL dump was left to the operator. */
    file: z.string().nullable(),
    sha256: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    /** How the copy was made: `sqlite-online-backup`, `pg_dump` or `manual` (guidance printed). */
    method: z.enum(['sqlite-online-backup', 'pg_dump', 'manual']),
    note: z.string().optional(),
  }),
  files: z.object({ dir: z.string(), count: z.number().int(), bytes: z.number().int() }),
  /**
   * The key folder (the master key that decrypts the certificate signing keys). Without it a
   * restore into a new data folder could not sign or re-sign anything. Absent in older backups.
   */
  keys: z.object({ dir: z.string(), count: z.number().int() }).optional(),
});
export type Manifest = z.infer<typeof ZManifest>;

export interface BackupOptions {
  config: AppConfig;
  /** Parent folder of the backup; default DATA_DIR/backups. */
  outDir?: string | undefined;
  now?: Date;
  out?: Output;
  /** pg_dump to use; default: the one on PATH (null: do not run it). */
  pgDump?: string | null;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

export function pgDumpGuidance(target: string): string[] {
  return [
    'Dump the PostgreSQL database with a pg_dump of the same major version as the server, e.g.:',
    `  pg_dump --format=custom --file "${target}" "$DATABASE_URL"`,
    'and restore it later with:',
    `  pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" "${target}"`,
  ];
}

/** A fresh, not-yet-existing folder name for a backup made at `now`. */
function backupName(parent: string, now: Date): string {
  const base = `tvet-bridge-${compactUtc(now)}`;
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (!fs.existsSync(path.join(parent, name))) {
      return name;
    }
  }
}

/**
 * Copies a live SQLite database with SQLite's online backup API: a consistent snapshot even while
 * the server keeps writing (WAL). The copy is switched to a self-contained single file
 * (journal_mode=DELETE) and returns the migrations it records as applied.
 */
async function backupSqlite(source: string, dest: string): Promise<string[]> {
  if (!fs.existsSync(source)) {
    throw new CliError(`No database at ${source}: nothing to back up (check DATA_DIR / DATABASE_URL).`);
  }
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    // All pages in one step: one read snapshot, which WAL lets writers work beside. Small steps
    // would restart after every write by the server and might never finish on a busy database.
    await live.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new SQLite(dest);
  try {
    copy.pragma('journal_mode = DELETE');
    const ok = copy.pragma('quick_check', { simple: true });
    if (ok !== 'ok') {
      throw new CliError(`The backup copy failed its integrity check: ${String(ok)}`);
    }
    const hasTable = copy
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    return hasTable
      ? (
          copy.prepare('select name from kysely_migration order by timestamp, name').all() as {
            name: string;
          }[]
        ).map((r) => r.name)
      : [];
  } finally {
    copy.close();
  }
}

async function postgresMigrations(url: string): Promise<string[]> {
  const handle = createDb(url);
  try {
    return await appliedMigrationNames(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * Writes DIR/tvet-bridge-<UTC time>/ with the database copy, the uploaded files and a manifest.
 * Everything is written under a hidden temporary name and renamed at the end, so a folder with a
 * backup's name is always complete. Files are copied after the database: uploads are stored before
 * the rows that name them, so every file the copied database refers to is in the copy.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const { config } = opts;
  const out = opts.out ?? silentOutput;
  const now = opts.now ?? new Date();
  const parent = path.resolve(opts.outDir ?? path.join(config.dataDir, 'backups'));
  const filesDir = path.resolve(config.filesDir);
  if (parent === filesDir || parent.startsWith(filesDir + path.sep)) {
    throw new CliError(`The backup folder may not be inside the files folder (${filesDir}).`, 2);
  }
  await fsp.mkdir(parent, { recursive: true });
  const name = backupName(parent, now);
  const finalDir = path.join(parent, name);
  const work = path.join(parent, `.${name}.partial`);
  await fsp.rm(work, { recursive: true, force: true });
  await fsp.mkdir(work, { recursive: true });

  try {
    let database: Manifest['database'];
    let migrations: string[];
    const sqliteFile = sqliteFileOf(config);
    if (sqliteFile) {
      const dest = path.join(work, SQLITE_BACKUP_FILE);
      migrations = await backupSqlite(sqliteFile, dest);
      database = {
        file: SQLITE_BACKUP_FILE,
        sha256: await sha256File(dest),
        sizeBytes: (await fsp.stat(dest)).size,
        method: 'sqlite-online-backup',
      };
    } else if (config.databaseUrl.startsWith('sqlite:')) {
      throw new CliError('An in-memory database cannot be backed up.');
    } else {
      migrations = await postgresMigrations(config.databaseUrl);
      const pgDump = opts.pgDump === undefined ? findOnPath('pg_dump') : opts.pgDump;
      const finalDump = path.join(finalDir, PG_DUMP_FILE);
      if (pgDump) {
        const dest = path.join(work, PG_DUMP_FILE);
        const { url, password } = pgCredentials(config.databaseUrl);
        out.info(`Running ${pgDump} --format=custom --file ${finalDump} <DATABASE_URL>`);
        try {
          await run(pgDump, ['--format=custom', '--file', dest, '--dbname', url], {
            env: { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) },
            maxBuffer: 16 * 1024 * 1024,
          });
        } catch (err) {
          const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim();
          throw new CliError([`pg_dump failed: ${stderr}`, ...pgDumpGuidance(finalDump)].join('\n'));
        }
        database = {
          file: PG_DUMP_FILE,
          sha256: await sha256File(dest),
          sizeBytes: (await fsp.stat(dest)).size,
          method: 'pg_dump',
          note: `pg_dump at ${pgDump}`,
        };
      } else {
        for (const line of [
          'pg_dump is not on PATH, so the database itself was NOT copied into this backup.',
          ...pgDumpGuidance(finalDump),
        ]) {
          out.warn(line);
        }
        database = {
          file: null,
          sha256: null,
          sizeBytes: null,
          method: 'manual',
          note: `Database not included: pg_dump was not on PATH. Expected at ${PG_DUMP_FILE} if made by hand.`,
        };
      }
    }

    const files = await copyTree(filesDir, path.join(work, FILES_DIR));
    const keys = await copyTree(path.join(config.dataDir, KEYS_DIR), path.join(work, KEYS_DIR));
    await restrictToOwner(path.join(work, KEYS_DIR));
    const manifest: Manifest = {
      format: 'tvet-bridge-backup',
      formatVersion: 1,
      createdAt: now.toISOString(),
      dialect: sqliteFile ? 'sqlite' : 'postgres',
      migrations,
      database,
      files: { dir: FILES_DIR, count: files.count, bytes: files.bytes },
      keys: { dir: KEYS_DIR, count: keys.count },
    };
    await fsp.writeFile(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await fsp.rename(work, finalDir);
    return { dir: finalDir, manifest };
  } catch (err) {
    await fsp.rm(work, { recursive: true, force: true });
    throw err;
  }
}

/** Key material is readable by its owner only (0700 folders, 0600 files), like the original. */
export async function restrictToOwner(dir: string): Promise<void> {
  await fsp.chmod(dir, 0o700);
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await restrictToOwner(child);
    } else {
      await fsp.chmod(child, 0o600);
    }
  }
}
