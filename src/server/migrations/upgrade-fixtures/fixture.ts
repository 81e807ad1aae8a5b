import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';

/** What dump-fixture.mjs writes: every table of a release's database, in foreign-key order. */
export interface UpgradeFixture {
  format: 'tvet-bridge-upgrade-fixture';
  formatVersion: 1;
  release: string;
  /** Migrations applied in the database the fixture was taken from. */
  migrations: string[];
  seededAt: string;
  tables: FixtureTable[];
  files: { key: string; sha256: string; base64: string }[];
}

export interface FixtureTable {
  name: string;
  /** Column names as in the database (snake_case). */
  columns: string[];
  rows: unknown[][];
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function readFixture(file: string): UpgradeFixture {
  const json = zlib.gunzipSync(fs.readFileSync(path.join(here, file))).toString('utf8');
  const fixture = JSON.parse(json) as UpgradeFixture;
  if (fixture.format !== 'tvet-bridge-upgrade-fixture' || fixture.formatVersion !== 1) {
    throw new Error(`${file} is not an upgrade fixture`);
  }
  return fixture;
}

/** Rows as objects keyed by column name. */
export function rowObjects(table: FixtureTable): Record<string, unknown>[] {
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
}

/**
 * Inserts every row, table by table in the fixture's (foreign-key) order. `raw` must be a Kysely
 * without the camel-case plugin, so the column names are used as stored.
 */
export async function loadFixture(raw: Kysely<any>, fixture: UpgradeFixture): Promise<void> {
  await raw.transaction().execute(async (trx) => {
    for (const table of fixture.tables) {
      // Well under both databases' limit on bound parameters per statement.
      const perChunk = Math.max(1, Math.floor(5000 / table.columns.length));
      const rows = rowObjects(table);
      for (let i = 0; i < rows.length; i += perChunk) {
        await trx
          .insertInto(table.name)
          .values(rows.slice(i, i + perChunk))
          .execute();
      }
    }
  });
}

/**
 * The rows of `table` now in the database, reduced to the fixture's columns, one canonical JSON
 * string per row, sorted: equal lists mean the same rows with byte-identical values.
 */
export async function currentRows(raw: Kysely<any>, table: FixtureTable): Promise<string[]> {
  const rows = await raw.selectFrom(table.name).select(table.columns).execute();
  return rows.map((r) => JSON.stringify(table.columns.map((c) => r[c]))).sort();
}

export function fixtureRows(table: FixtureTable): string[] {
  return table.rows.map((r) => JSON.stringify(r)).sort();
}
