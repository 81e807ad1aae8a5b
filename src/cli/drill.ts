import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { type AppConfig, loadConfig } from '../server/platform/config.js';
import { createDb } from '../server/platform/db/create-db.js';
import { sha256File } from './support.js';

/**
 * What a backup and restore drill compares: every table's row count and checksum, and every
 * uploaded file's sha256. Used by backup-restore-drill.test.ts and scripts/drill-backup-restore.sh.
 */
export interface DrillSnapshot {
  tables: Record<string, { rows: number; sha256: string }>;
  /** Key (path under the files folder, with /) -> sha256. */
  files: Record<string, string>;
}

/**
 * Per table: the number of rows and a sha256 over the rows in a canonical form (columns by name,
 * rows sorted), so that two databases of the same kind with the same rows give the same checksum
 * whatever their physical row order.
 */
export async function tableChecksums(databaseUrl: string): Promise<DrillSnapshot['tables']> {
  const handle = createDb(databaseUrl);
  try {
    // Any table by name, with its columns as stored (no camel-case plugin).
    const raw = handle.db.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const tables = await raw.introspection.getTables({ withInternalKyselyTables: true });
    const out: DrillSnapshot['tables'] = {};
    for (const t of tables.sort((a, b) => a.name.localeCompare(b.name))) {
      const rows = await raw.selectFrom(t.name).selectAll().execute();
      const lines = rows
        .map((r) =>
          JSON.stringify(
            Object.keys(r)
              .sort()
              .map((k) => [k, (r as Record<string, unknown>)[k]]),
          ),
        )
        .sort();
      out[t.name] = {
        rows: rows.length,
        sha256: createHash('sha256').update(lines.join('\n')).digest('hex'),
      };
    }
    return out;
  } finally {
    await handle.close();
  }
}

/** sha256 of every regular file under `dir` (a missing folder has none). */
export async function fileChecksums(dir: string): Promise<DrillSnapshot['files']> {
  const out: DrillSnapshot['files'] = {};
  const walk = async (sub: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(path.join(dir, sub), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return;
      }
      throw err;
    }
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) {
        await walk(rel);
      } else if (e.isFile()) {
        out[rel] = await sha256File(path.join(dir, rel));
      }
    }
  };
  await walk('');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export async function snapshot(config: AppConfig): Promise<DrillSnapshot> {
  return { tables: await tableChecksums(config.databaseUrl), files: await fileChecksums(config.filesDir) };
}

/**
 * Differences between the restored state and the live state around the backup: `before` and
 * `after` are taken just before and just after it. What did not change in between must be in the
 * restore exactly; a table or file that changed meanwhile must be restored as one of the two.
 */
export function compareSnapshots(before: DrillSnapshot, after: DrillSnapshot, restored: DrillSnapshot) {
  const problems: string[] = [];
  const changedMeanwhile: string[] = [];
  const names = new Set([...Object.keys(before.tables), ...Object.keys(restored.tables)]);
  for (const name of [...names].sort()) {
    const b = before.tables[name];
    const a = after.tables[name];
    const r = restored.tables[name];
    if (b?.sha256 !== a?.sha256) {
      changedMeanwhile.push(`table ${name}`);
    }
    if (r?.sha256 !== b?.sha256 && r?.sha256 !== a?.sha256) {
      problems.push(
        `table ${name}: ${b?.rows ?? 'missing'} rows at backup time, ${r?.rows ?? 'missing'} restored`,
      );
    }
  }
  const keys = new Set([...Object.keys(before.files), ...Object.keys(restored.files)]);
  for (const key of [...keys].sort()) {
    const b = before.files[key];
    const r = restored.files[key];
    if (b !== after.files[key]) {
      changedMeanwhile.push(`file ${key}`);
    }
    if (r !== b && r !== after.files[key]) {
      problems.push(
        `file ${key}: ${b ? `sha256 ${b}` : 'absent'} at backup time, ${r ? `sha256 ${r}` : 'absent'} restored`,
      );
    }
  }
  return { problems, changedMeanwhile };
}

/**
 * `node --import tsx src/cli/drill.ts snapshot` prints the snapshot of the database and files
 * named by the environment (DATA_DIR, DATABASE_URL); `... compare BEFORE AFTER RESTORED` compares
 * three such files and exits 1 on a difference.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...files] = argv;
  if (command === 'snapshot') {
    process.stdout.write(`${JSON.stringify(await snapshot(loadConfig(process.env)), null, 1)}\n`);
    return 0;
  }
  if (command === 'compare' && files.length === 3) {
    const [before, after, restored] = files.map(
      (f) => JSON.parse(fs.readFileSync(f, 'utf8')) as DrillSnapshot,
    ) as [DrillSnapshot, DrillSnapshot, DrillSnapshot];
    const { problems, changedMeanwhile } = compareSnapshots(before, after, restored);
    const tables = Object.keys(restored.tables).length;
    const files_ = Object.keys(restored.files).length;
    for (const c of changedMeanwhile) {
      console.log(`changed while the backup ran (restored as either state): ${c}`);
    }
    for (const p of problems) {
      console.error(`MISMATCH ${p}`);
    }
    console.log(
      problems.length === 0
        ? `OK: ${tables} tables and ${files_} files restored as they were at backup time.`
        : `FAILED: ${problems.length} difference(s).`,
    );
    return problems.length === 0 ? 0 : 1;
  }
  console.error('usage: drill.ts snapshot | drill.ts compare BEFORE.json AFTER.json RESTORED.json');
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
