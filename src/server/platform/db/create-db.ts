import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The better-sqlite3 handle, for online backup; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** The pg pool, for its connection counts in /metrics; undefined on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * Opens the database named by `url`: `postgres://…` or `sqlite:<file>` (`sqlite::memory:` for tests).
 * SQLite gets WAL, foreign keys and a busy timeout so that the web server, jobs and the CLI can share it.
 */
export function createDb(url: string): DbHandle {
  const plugins = [new CamelCasePlugin()];
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // A database that is down or unreachable answers 503 within seconds instead of hanging the
      // request: connecting (or waiting for a free client) gives up after 5 s, and TCP keep-alive
      // notices a connection whose server vanished without closing it.
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      idleTimeoutMillis: 30_000,
    });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}
