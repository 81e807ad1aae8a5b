import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

/**
 * A fresh database for a bench run: a SQLite file in `dir`, or a throwaway PostgreSQL database on
 * the server named by BENCH_PG_URL or TEST_PG_URL (dropped again by `drop`).
 */
export async function freshDatabase(
  kind: 'sqlite' | 'postgres',
  dir: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    return { url: `sqlite:${path.join(dir, 'bench.db')}`, drop: async () => {} };
  }
  const admin = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL;
  if (!admin) {
    throw new Error('--db postgres needs BENCH_PG_URL or TEST_PG_URL (postgres://user@host:port/db)');
  }
  const name = `tvet_bench_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
