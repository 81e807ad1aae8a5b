import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../server/platform/config.js';

/** A failure the operator can act on; `exitCode` 2 means the command line itself was wrong. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where the CLI writes what it has to say; tests pass collectors. */
export interface Output {
  info(line: string): void;
  warn(line: string): void;
}

export const silentOutput: Output = { info: () => {}, warn: () => {} };

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** The SQLite database file named by the configuration (absolute), or null on PostgreSQL / in memory. */
export function sqliteFileOf(config: AppConfig): string | null {
  if (isPostgresUrl(config.databaseUrl)) {
    return null;
  }
  const file = config.databaseUrl.replace(/^sqlite:/, '');
  return file === ':memory:' ? null : path.resolve(file);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** `2026-03-15T04:00:00.123Z` -> `20260315T040000Z`, safe in file names on every OS. */
export function compactUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The absolute path of an executable on PATH, or null. */
export function findOnPath(name: string, envPath: string | undefined = process.env.PATH): string | null {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) {
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return null;
}

/** Uploads in progress are written as `<key>.tmp-<pid>` and renamed; they are never part of a copy. */
const isPartialUpload = (name: string) => /\.tmp-\d+$/.test(name);

/**
 * Copies a directory tree (regular files only, skipping half-written uploads); returns the number
 * of files and bytes copied. A missing source gives an empty destination.
 */
export async function copyTree(from: string, to: string): Promise<{ count: number; bytes: number }> {
  await fsp.mkdir(to, { recursive: true });
  let count = 0;
  let bytes = 0;
  let entries: fs.Dirent[];
  try {
    entries = await fsp.readdir(from, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { count, bytes };
    }
    throw err;
  }
  for (const entry of entries) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) {
      const sub = await copyTree(src, dest);
      count += sub.count;
      bytes += sub.bytes;
    } else if (entry.isFile() && !isPartialUpload(entry.name)) {
      await fsp.copyFile(src, dest);
      count++;
      bytes += (await fsp.stat(dest)).size;
    }
  }
  return { count, bytes };
}

/** Number of regular files under a directory (0 when it does not exist). */
export async function countFiles(dir: string): Promise<number> {
  let entries: fs.Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return 0;
    }
    throw err;
  }
  let n = 0;
  for (const e of entries) {
    if (e.isDirectory()) {
      n += await countFiles(path.join(dir, e.name));
    } else if (e.isFile()) {
      n++;
    }
  }
  return n;
}

/**
 * Splits a PostgreSQL URL into a password-free URL (safe on a command line, which other users
 * can see in `ps`) and the password, which the pg tools read from PGPASSWORD.
 */
export function pgCredentials(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}
