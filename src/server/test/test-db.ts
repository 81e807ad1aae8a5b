import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../platform/db/create-db.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A fresh, empty database for one test file: in-memory SQLite, or a new PostgreSQL database
 * on the server named by TEST_PG_URL (dropped again by `drop`).
 */
export async function createTestDatabase(): Promise<{
  handle: DbHandle;
  url: string;
  drop: () => Promise<void>;
}> {
  if (testDialect() === 'sqlite') {
    const handle = createDb('sqlite::memory:');
    return { handle, url: 'sqlite::memory:', drop: () => handle.close() };
  }
  const admin = process.env.TEST_PG_URL;
  if (!admin) {
    throw new Error('TEST_DB=postgres needs TEST_PG_URL (postgres://user@host:port/db)');
  }
  const name = `tvet_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString());
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
