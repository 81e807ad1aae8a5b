import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../server/migrations/index.js';
import { competitionResultsOf } from '../server/modules/competition-results/competition-results.service.js';
import { loadConfig } from '../server/platform/config.js';
import { createDb } from '../server/platform/db/create-db.js';
import { createTestDatabase, testDialect } from '../server/test/test-db.js';
import { type CliIo, runCli } from './cli.js';
import { migrationStatus, runMigrate } from './migrate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const names = Object.keys(migrations);
const newest = names[names.length - 1] ?? '';

let dataDir: string;
let env: NodeJS.ProcessEnv;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-cli-'));
  env = { DATA_DIR: dataDir };
  if (testDialect() === 'postgres') {
    const db = await createTestDatabase();
    await db.handle.close();
    drop = db.drop;
    env.DATABASE_URL = db.url;
  }
});
afterAll(async () => {
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(argv: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { ...env, ...extraEnv },
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    terminal: null,
  };
  return runCli(argv, io).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

async function status() {
  const handle = createDb(loadConfig(env).databaseUrl);
  try {
    return await migrationStatus(handle.db);
  } finally {
    await handle.close();
  }
}

describe(`tvet-bridge migrate (${testDialect()})`, () => {
  it('applies, reverts the newest and re-applies migrations', async () => {
    const config = loadConfig(env);
    expect((await status()).every((m) => m.appliedAt === null)).toBe(true);

    expect(await runMigrate(config, 'up')).toEqual(names.map((n) => `applied ${n}`));
    expect(await runMigrate(config, 'up')).toEqual(['Already up to date: no pending migrations.']);
    expect(await runMigrate(config, 'down')).toEqual([`reverted ${newest}`]);
    const afterDown = await status();
    expect(afterDown.find((m) => m.name === newest)?.appliedAt).toBeNull();
    expect(afterDown.filter((m) => m.appliedAt !== null)).toHaveLength(names.length - 1);

    const listed = await run(['migrate', 'status']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`pending  ${newest}`);
    expect(listed.out).toContain(`${names.length - 1} applied, 1 pending`);

    const up = await run(['migrate']);
    expect(up).toMatchObject({ code: 0, out: `applied ${newest}` });
    expect((await status()).every((m) => m.appliedAt !== null)).toBe(true);
  });

  it('runs the reminder job once and seeds the demo only into an empty database', async () => {
    const seeded = await run(['seed-demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/e-mail: +admin@pearl-river-tc\.example\.cn/);
    expect(await run(['seed-demo'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/already has data/),
    });
    const reminders = await run(['send-reminders']);
    expect(reminders.code).toBe(0);
    // Two colleges and the provincial authority (which has no agreements, so it queues nothing).
    expect(reminders.out).toMatch(
      /Agreement reminders: 3 organization\(s\) processed, \d+ message\(s\) queued\./,
    );
    // The day is claimed: a second run sends nothing.
    expect((await run(['send-reminders'])).out).toMatch(
      /0 organization\(s\) processed, 0 message\(s\) queued/,
    );
  });

  it('seeds the demo invitational with published results and marking in progress', async () => {
    const handle = createDb(loadConfig(env).databaseUrl);
    try {
      const db = handle.db;
      const competition = await db
        .selectFrom('competitions')
        .selectAll()
        .where('slug', '=', 'gba-invitational-2026')
        .executeTakeFirstOrThrow();
      const skills = await db
        .selectFrom('competitionSkills')
        .select(['id', 'number', 'resultsState'])
        .where('competitionId', '=', competition.id)
        .execute();
      const skill = (n: string) => skills.find((s) => s.number === n)?.id ?? '';
      expect(Object.fromEntries(skills.map((s) => [s.number, s.resultsState]))).toEqual({
        '04': 'open',
        '17': 'published',
        '34': 'open',
        '44': 'open',
      });
      const schemes = await db
        .selectFrom('markingSchemes')
        .select(['skillId', 'status', 'source'])
        .where('organizationId', '=', competition.organizationId)
        .execute();
      expect(
        schemes.map((s) => [skills.find((k) => k.id === s.skillId)?.number, s.status, s.source]).sort(),
      ).toEqual([
        ['04', 'draft', 'manual'],
        ['17', 'locked', 'cis_import'],
        ['34', 'locked', 'manual'],
      ]);

      // 17 Web Technologies: all 31 × 8 forms locked, results published with every medal.
      const webForms = await db
        .selectFrom('markingForms')
        .select(['state'])
        .where('skillId', '=', skill('17'))
        .execute();
      expect(webForms).toHaveLength(31 * 8);
      expect(new Set(webForms.map((f) => f.state))).toEqual(new Set(['locked']));
      const ranked = await db
        .selectFrom('competitionResults')
        .select(['position', 'medal', 'points'])
        .where('skillId', '=', skill('17'))
        .orderBy('position')
        .execute();
      expect(ranked.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(ranked.slice(0, 3).map((r) => r.medal)).toEqual(['gold', 'silver', 'bronze']);
      expect(ranked.some((r) => r.medal === 'medallion' && r.points >= 700)).toBe(true);
      // Judges never differ by more than the spread limit on a locked form.
      const spreads = await db
        .selectFrom('judgementScores as j')
        .innerJoin('markingForms as f', 'f.id', 'j.formId')
        .select(['j.formId', 'j.aspectKey'])
        .select((eb) => [
          eb.fn.max('j.score').as('hi'),
          eb.fn.min('j.score').as('lo'),
          eb.fn.countAll().as('n'),
        ])
        .where('f.skillId', '=', skill('17'))
        .groupBy(['j.formId', 'j.aspectKey'])
        .execute();
      expect(spreads).toHaveLength(19 * 8);
      for (const s of spreads) {
        expect(Number(s.n)).toBe(3);
        expect(Number(s.hi) - Number(s.lo)).toBeLessThanOrEqual(1);
      }
      const published = await competitionResultsOf(db, competition);
      expect(published.medalTable.reduce((n, m) => n + m.gold + m.silver + m.bronze, 0)).toBe(3);
      expect(published.memberComparison.length).toBe(8);

      // 34 Cooking: marking in progress, every form state, one spread to re-score, an open dispute.
      const cookingForms = await db
        .selectFrom('markingForms')
        .select(['state'])
        .select((eb) => eb.fn.countAll().as('n'))
        .where('skillId', '=', skill('34'))
        .groupBy('state')
        .execute();
      expect(Object.fromEntries(cookingForms.map((f) => [f.state, Number(f.n)]))).toEqual({
        locked: 24,
        signed: 7,
        checked: 7,
        entered: 6,
        not_started: 20,
      });
      const rescore = await db
        .selectFrom('judgementScores as j')
        .innerJoin('markingForms as f', 'f.id', 'j.formId')
        .select(['f.state'])
        .select((eb) => [eb.fn.max('j.score').as('hi'), eb.fn.min('j.score').as('lo')])
        .where('f.skillId', '=', skill('34'))
        .groupBy(['j.formId', 'j.aspectKey', 'f.state'])
        .execute();
      expect(rescore.filter((r) => Number(r.hi) - Number(r.lo) > 1)).toEqual([
        { state: 'entered', hi: 3, lo: 1 },
      ]);
      const disputes = await db
        .selectFrom('competitionDisputes')
        .select('status')
        .where('skillId', '=', skill('34'))
        .orderBy('status')
        .execute();
      expect(disputes.map((d) => d.status)).toEqual(['open', 'rejected']);
    } finally {
      await handle.close();
    }
  });

  it('answers usage errors with exit code 2 and help with 0', async () => {
    expect((await run([])).code).toBe(2);
    expect(await run(['frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown command "frobnicate"/),
    });
    expect(await run(['migrate', 'sideways'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/up, down or status/),
    });
    expect(await run(['backup', '--outt', 'x'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown option '--outt'/),
    });
    expect(await run(['restore'])).toMatchObject({ code: 2, err: expect.stringMatching(/Which backup/) });
    for (const cmd of ['migrate', 'seed-demo', 'create-admin', 'backup', 'restore', 'send-reminders']) {
      const help = await run([cmd, '--help']);
      expect(help.code, cmd).toBe(0);
      expect(help.out, cmd).toContain(`Usage: tvet-bridge ${cmd}`);
    }
    expect(await run(['migrate'], { PORT: 'not a port' })).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Invalid configuration.*PORT/),
    });
  });
});

describe('bin/tvet-bridge.js', () => {
  it('runs from a clone through the tsx launcher', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-cli-bin-'));
    try {
      const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [path.join(root, 'bin/tvet-bridge.js'), 'migrate', 'status'],
        {
          cwd: root,
          env: { ...parentEnv, DATA_DIR: dir },
        },
      );
      for (const name of names) {
        expect(stdout).toContain(`pending  ${name}`);
      }
      expect(stdout).toContain(`0 applied, ${names.length} pending (sqlite)`);
      expect(fs.existsSync(path.join(dir, 'tvet-bridge.db'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
