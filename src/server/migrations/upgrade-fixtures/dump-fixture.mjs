// Writes every table of a SQLite database of some release (rows as stored, column names as in the
// database) plus its uploaded files into one gzipped JSON upgrade fixture. Tables come in
// foreign-key order and rows of self-referencing tables parents first, so the fixture can be
// loaded as is. Plain Node + better-sqlite3: it must not depend on the code of any release.
//
//   node dump-fixture.mjs <tvet-bridge.db> <files dir> <out.json.gz> <release commit>
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import SQLite from 'better-sqlite3';

const [dbFile, filesDir, outFile, release] = process.argv.slice(2);
if (!dbFile || !filesDir || !outFile || !release) {
  console.error('usage: node dump-fixture.mjs <tvet-bridge.db> <files dir> <out.json.gz> <release commit>');
  process.exit(2);
}
const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
const names = db
  .prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
  )
  .all()
  .map((r) => r.name);
const fks = new Map(names.map((n) => [n, db.prepare(`pragma foreign_key_list("${n}")`).all()]));

// Tables: referenced before referencing (self-references do not count here).
const ordered = [];
const placed = new Set();
while (ordered.length < names.length) {
  const ready = names.filter(
    (n) => !placed.has(n) && fks.get(n).every((fk) => fk.table === n || placed.has(fk.table)),
  );
  if (ready.length === 0) {
    throw new Error(`foreign-key cycle among ${names.filter((n) => !placed.has(n)).join(', ')}`);
  }
  for (const n of ready) {
    ordered.push(n);
    placed.add(n);
  }
}

/** Rows of a self-referencing table, every row after the row it points to. */
function parentsFirst(rows, columns, selfFks) {
  const idAt = columns.indexOf('id');
  const refs = selfFks.map((fk) => columns.indexOf(fk.from));
  const out = [];
  const done = new Set();
  let rest = rows;
  while (rest.length > 0) {
    const next = rest.filter((r) => refs.every((i) => r[i] === null || done.has(r[i])));
    if (next.length === 0) {
      throw new Error('self-reference cycle');
    }
    for (const r of next) {
      out.push(r);
      done.add(r[idAt]);
    }
    rest = rest.filter((r) => !next.includes(r));
  }
  return out;
}

const tables = ordered.map((name) => {
  const stmt = db.prepare(`select * from "${name}" order by rowid`);
  const columns = stmt.columns().map((c) => c.name);
  let rows = stmt.raw().all();
  for (const row of rows) {
    for (const v of row) {
      if (typeof v === 'object' && v !== null) {
        throw new Error(`${name}: a BLOB value cannot go into JSON`);
      }
    }
  }
  const selfFks = fks.get(name).filter((fk) => fk.table === name);
  if (selfFks.length > 0) {
    rows = parentsFirst(rows, columns, selfFks);
  }
  return { name, columns, rows };
});

function filesUnder(dir, prefix = '') {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(path.join(dir, e.name), rel) : [rel];
  });
}
const files = filesUnder(filesDir)
  .sort()
  .map((key) => {
    const bytes = fs.readFileSync(path.join(filesDir, key));
    return {
      key,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      base64: bytes.toString('base64'),
    };
  });

const migrations = db
  .prepare('select name from kysely_migration order by name')
  .all()
  .map((r) => r.name);
const fixture = {
  format: 'tvet-bridge-upgrade-fixture',
  formatVersion: 1,
  release,
  migrations,
  // The seed's "now": the app is checked at this time, so relative dates mean what they meant.
  seededAt: db.prepare('select min(created_at) as t from organizations').get().t,
  tables,
  files,
};
fs.writeFileSync(outFile, zlib.gzipSync(JSON.stringify(fixture), { level: 9 }));
const rowCount = tables.reduce((n, t) => n + t.rows.length, 0);
console.log(
  `${outFile}: ${tables.length} tables, ${rowCount} rows, ${files.length} files, ${fs.statSync(outFile).size} bytes`,
);
