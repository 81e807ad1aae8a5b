// npm run load [-- --db sqlite|postgres] [--quick] [--paths marks,survey,dashboard] [--step 5] [--max 64]
//
// Capacity of the busiest paths on the demo workspace: mark entry during the competition (experts of
// 34 Cooking sending batches), survey answers through personal links, and the portfolio dashboard.
// The real server runs as a child process (src/server/main.ts); autocannon runs in another
// (bench/loadgen.ts). Each path gets rising concurrency, 1, 2, 4, … until throughput stops rising
// or p99 explodes. Per step: req/s, p50, p99, non-2xx, the server's CPU, event-loop delay and the
// database's lock signals. Figures are reported, never asserted: they depend on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { seedDemoWorkspace } from '../src/cli/seed-demo.js';
import { createDeps } from '../src/server/platform/bootstrap.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Database } from '../src/server/platform/db/database.js';
import { startServerProcess } from '../src/server/test/server-process.js';
import { type LoadResult, runLoad, type Target } from './load.js';
import { freshDatabase } from './load-db.js';
import {
  addSurveyLinks,
  markFixture,
  markVersions,
  type Session,
  signIn,
  surveyFixture,
} from './load-fixture.js';
import type { MarksData, MarksSummary } from './load-marks.js';
import { cpuSeconds, scrape, settle, sumOf, type Watch, watch } from './load-probes.js';
import type { SurveyData, SurveySummary } from './load-survey.js';
import { formatJson, machine, table } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    quick: { type: 'boolean', default: false },
    paths: { type: 'string', default: 'marks,survey,dashboard' },
    step: { type: 'string' },
    max: { type: 'string' },
  },
});
const quick = args.quick === true;
const opts = {
  db: args.db === 'postgres' ? ('postgres' as const) : ('sqlite' as const),
  quick,
  paths: (args.paths ?? '').split(',').filter(Boolean) as PathKey[],
  /** Measured seconds per step (after a 1 s warm-up, none in quick mode). */
  step: Number(args.step ?? (quick ? 2 : 5)),
  warmup: quick ? 0 : 1,
  max: Number(args.max ?? (quick ? 8 : 64)),
};
const LEVELS = [1, 2, 4, 8, 16, 32, 64, 128, 256].filter((c) => c <= opts.max);
/**
 * Stop when p99 passes this, or when two steps in a row add less than 5% throughput, but not before
 * MIN_TOP connections: on a shared machine one noisy step must not end the ladder.
 */
const P99_LIMIT_MS = 2000;
const MIN_TOP = quick ? 4 : 16;

type PathKey = 'marks' | 'survey' | 'dashboard';
const ROUTES: Record<PathKey, { method: string; route: string; what: string }> = {
  marks: {
    method: 'PUT',
    route: '/api/v1/marking/forms/:formId/marks',
    what: 'mark entry (one-mark batches)',
  },
  survey: {
    method: 'POST',
    route: '/api/v1/public/surveys/:token/responses',
    what: 'survey answers (personal links)',
  },
  dashboard: { method: 'GET', route: '/api/v1/portfolio', what: 'portfolio dashboard (coordinator)' },
};

interface Step {
  path: PathKey;
  connections: number;
  /** The machine's 1-minute load average after the step: how much else wanted the cores. */
  loadAverage: number;
  result: LoadResult;
  /** Server CPU milliseconds per request: the cost, whatever else the machine is doing. */
  cpuMsPerRequest: number;
  /** Server CPU while loaded, % of one core: CPU seconds per request × req/s. */
  serverCpu: number;
  /** PostgreSQL backends' CPU the same way, % of one core (null on SQLite or a remote server). */
  dbCpu: number | null;
  /** Highest event-loop delay p99 the server reported during the step, ms. */
  loopP99: number;
  /** 5xx answers the server counted; SQLITE_BUSY and an unreachable database answer 503. */
  server5xx: number;
  watch: Watch;
}

const log = (...xs: unknown[]) => console.log(...xs);
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);

function stepTable(steps: Step[], dialect: 'sqlite' | 'postgres'): string {
  const headers = [
    'conc',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'CPU ms/req',
    'server CPU %',
    'loop p99 ms',
    'load avg',
  ];
  if (dialect === 'postgres') {
    headers.push('db CPU %', 'lock waits avg/max', 'pool queue avg/max');
  } else {
    headers.push('5xx (busy)');
  }
  const rows = steps.map((s) => {
    const row = [
      String(s.connections),
      f0(s.result.rps),
      f1(s.result.p50),
      f1(s.result.p99),
      String(s.result.non2xx + s.result.errors),
      f1(s.cpuMsPerRequest),
      f0(s.serverCpu),
      f1(s.loopP99),
      f1(s.loadAverage),
    ];
    if (dialect === 'postgres') {
      row.push(
        s.dbCpu === null ? '-' : f0(s.dbCpu),
        `${s.watch.lockWaitMean.toFixed(2)}/${s.watch.lockWaitMax}`,
        `${f1(s.watch.poolWaitMean)}/${s.watch.poolWaitMax}`,
      );
    } else {
      row.push(String(s.server5xx));
    }
    return row;
  });
  return table(
    headers,
    rows,
    headers.map(() => true),
  );
}

/** The first limit the numbers show at the step where throughput stopped rising. */
function verdict(steps: Step[], dialect: 'sqlite' | 'postgres'): string {
  if (steps.length === 0) {
    return 'no steps';
  }
  const best = steps.reduce((a, b) => (b.result.rps > a.result.rps ? b : a));
  const at = `peak ${f0(best.result.rps)} req/s at ${best.connections} connections`;
  const signs: string[] = [];
  const cores = os.cpus().length;
  const cpuSum = best.serverCpu + (best.dbCpu ?? 0);
  if (best.serverCpu >= 85) {
    signs.push(`server CPU ${f0(best.serverCpu)}% of a core (one event loop: the Node process is the limit)`);
  }
  const load = os.loadavg()[0] ?? 0;
  if (load > cores) {
    signs.push(
      `the machine is oversubscribed (load average ${f1(load)} on ${cores} cores): the server waits for CPU ` +
        `(event-loop delay p99 ${f0(best.loopP99)} ms), so ${f1(best.cpuMsPerRequest)} ms CPU per request is the figure to scale by`,
    );
  }
  if (cpuSum >= 70 * cores) {
    signs.push(`server + database CPU ${f0(cpuSum)}% of ${cores * 100}% on this ${cores}-core machine`);
  }
  if (dialect === 'postgres') {
    if (best.watch.poolWaitMean >= 1) {
      signs.push(`requests queued for the 10-connection pool (avg ${f1(best.watch.poolWaitMean)})`);
    }
    if (best.watch.lockWaitMean >= 0.5) {
      signs.push(`row-lock waits in PostgreSQL (avg ${best.watch.lockWaitMean.toFixed(2)} sessions)`);
    }
  } else if (steps.some((s) => s.server5xx > 0)) {
    signs.push(`SQLITE_BUSY answers (${steps.reduce((a, s) => a + s.server5xx, 0)} 5xx)`);
  }
  return `${at}; ${signs.length > 0 ? signs.join('; ') : 'no single resource saturated (the load generator shares the machine)'}`;
}

async function main() {
  const started = Date.now();
  const m = machine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-load-'));
  const database = await freshDatabase(opts.db, dir);
  const config = loadConfig({
    DATA_DIR: dir,
    DATABASE_URL: database.url,
    SEED_DEMO: 'false',
    JOBS: 'false',
    LOG_LEVEL: 'silent',
  });
  const { deps, handle } = await createDeps(config);
  const db: Kysely<Database> = deps.db;
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;
  try {
    log(`TVET Bridge load: ${opts.paths.join(', ')} on ${opts.db}${opts.quick ? ' (quick)' : ''}`);
    log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, node ${m.node}`);
    const loadBefore = os.loadavg()[0] ?? 0;
    let t = Date.now();
    await seedDemoWorkspace(deps);
    if (deps.dialect === 'postgres') {
      await sql`analyze`.execute(db);
    }
    log(`demo workspace seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    server = await startServerProcess({
      DATABASE_URL: database.url,
      DATA_DIR: dir,
      // The API limit (600/min per address) would turn the load into 429s; the public survey routes
      // keep their per-address limits, which the respondents' own addresses (X-Forwarded-For) meet.
      RATE_LIMIT_PER_MINUTE: '1000000000',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'http://127.0.0.1',
    });
    const base = server.url;
    log(`server pid ${server.pid} at ${base}`);

    t = Date.now();
    const coordinator: Session = await signIn(base, 'coordinator@pearl-river-tc.example.cn');
    const marks = opts.paths.includes('marks') ? await markFixture(base, db) : null;
    const surveys = opts.paths.includes('survey') ? await surveyFixture(db) : null;
    log(
      `fixture in ${((Date.now() - t) / 1000).toFixed(1)} s: ` +
        `${marks ? `${marks.slots.length} marks on ${marks.formVersions.size} open Cooking forms` : 'no marks'}; ` +
        'survey links are sent as each step needs them',
    );

    const markSummary: MarksSummary = {
      accepted: 0,
      fresh: 0,
      replayed: 0,
      conflicts: 0,
      replayMismatch: 0,
      otherStatus: {},
    };
    const surveySummary: SurveySummary = { taken: 0, answered: 0, exhausted: 0, otherStatus: {} };
    let linkOffset = 0;
    let unanswered = 0;
    const steps: Step[] = [];

    const targetFor = async (p: PathKey, c: number, lastRps: number): Promise<Target> => {
      if (p === 'marks' && marks) {
        const versions = await markVersions(db, marks.slots);
        const data: MarksData = {
          step: `${c}`,
          slots: marks.slots.map((s, i) => ({ ...s, version: versions[i] ?? 0 })),
          replayEvery: 5,
        };
        return { key: p, url: base, scenario: { module: path.join(here, 'load-marks.ts'), data } };
      }
      if (p === 'survey' && surveys) {
        // Each link answers once: enough for 300 answers/s, or three times the last step's rate.
        const need = Math.ceil(Math.max(300, lastRps * 3) * (opts.warmup + opts.step));
        const left = surveys.links.length - linkOffset;
        if (left < need) {
          const t0 = Date.now();
          await addSurveyLinks(base, db, coordinator, surveys, need - left);
          log(
            `  (sent surveys: ${surveys.links.length - linkOffset} unused personal links, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
          );
        }
        const data: SurveyData = {
          links: surveys.links.slice(linkOffset),
          bodies: surveys.bodies,
          firstRespondent: linkOffset,
        };
        return { key: p, url: base, scenario: { module: path.join(here, 'load-survey.ts'), data } };
      }
      return { key: p, url: `${base}/api/v1/portfolio` };
    };

    for (const p of opts.paths) {
      const route = ROUTES[p];
      log('');
      log(`${route.what}: ${route.method} ${route.route}`);
      const mine: Step[] = [];
      let flat = 0;
      let rateHint = 0;
      let retries = 0;
      for (let level = 0; level < LEVELS.length; level++) {
        const c = LEVELS[level] as number;
        const target = await targetFor(p, c, Math.max(rateHint, mine.at(-1)?.result.rps ?? 0));
        const before = await scrape(base);
        const cpu0 = cpuSeconds(server.pid);
        const w = await watch(base, deps.dialect === 'postgres' ? database.url : null);
        const results = await runLoad({
          targets: [target],
          headers: p === 'dashboard' ? { cookie: coordinator.cookie } : {},
          connections: c,
          warmup: opts.warmup,
          duration: opts.step,
          slice: opts.step,
        });
        const watched = await w.stop();
        await settle(base);
        const cpu1 = cpuSeconds(server.pid);
        const after = await scrape(base);
        const result = results[p];
        if (!result) {
          throw new Error(`no result for ${p}`);
        }
        const count = (m: Map<string, number>, ...parts: string[]) =>
          sumOf(m, 'tvet_http_requests_total', `route="${route.route}"`, ...parts);
        const served = count(after) - count(before);
        const perRequest = served > 0 && cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / served : 0;
        const dbPerRequest =
          served > 0 && watched.dbCpuSeconds !== null ? watched.dbCpuSeconds / served : null;
        if (p === 'marks') {
          const s = result.summary as MarksSummary;
          markSummary.accepted += s.accepted;
          markSummary.fresh += s.fresh;
          markSummary.replayed += s.replayed;
          markSummary.conflicts += s.conflicts;
          markSummary.replayMismatch += s.replayMismatch;
          for (const [k, v] of Object.entries(s.otherStatus)) {
            markSummary.otherStatus[k] = (markSummary.otherStatus[k] ?? 0) + v;
          }
          unanswered += c;
        }
        if (p === 'survey') {
          const s = result.summary as SurveySummary;
          linkOffset += s.taken;
          surveySummary.taken += s.taken;
          surveySummary.answered += s.answered;
          surveySummary.exhausted += s.exhausted;
          for (const [k, v] of Object.entries(s.otherStatus)) {
            surveySummary.otherStatus[k] = (surveySummary.otherStatus[k] ?? 0) + v;
          }
        }
        const step: Step = {
          path: p,
          connections: c,
          loadAverage: os.loadavg()[0] ?? 0,
          result,
          cpuMsPerRequest: perRequest * 1000,
          serverCpu: perRequest * result.rps * 100,
          dbCpu: dbPerRequest === null ? null : dbPerRequest * result.rps * 100,
          loopP99: watched.loopP99Max * 1000,
          server5xx: count(after, 'status_class="5xx"') - count(before, 'status_class="5xx"'),
          watch: watched,
        };
        mine.push(step);
        steps.push(step);
        log(
          `  c=${c}: ${f0(result.rps)} req/s, p50 ${f1(result.p50)} ms, p99 ${f1(result.p99)} ms, ` +
            `non-2xx ${result.non2xx}, server CPU ${f0(step.serverCpu)}%` +
            (step.dbCpu !== null ? `, db CPU ${f0(step.dbCpu)}%` : ''),
        );
        if (p === 'survey' && (result.summary as SurveySummary).exhausted > 0 && retries < 2) {
          // Its 409s (links answered twice) make the step worthless: more links, same step again.
          log('  (the personal links ran out during the step: measuring it again with more)');
          mine.pop();
          steps.pop();
          rateHint = result.rps;
          retries++;
          level--;
          continue;
        }
        const best = Math.max(...mine.slice(0, -1).map((s) => s.result.rps), 0);
        flat = result.rps < best * 1.05 ? flat + 1 : 0;
        if (result.p99 > P99_LIMIT_MS || (flat >= 2 && c >= MIN_TOP)) {
          log(
            `  stopped: ${result.p99 > P99_LIMIT_MS ? `p99 over ${P99_LIMIT_MS} ms` : 'two steps without 5% more'}`,
          );
          break;
        }
      }
      log('');
      log(stepTable(mine, deps.dialect));
      log(`  ${verdict(mine, deps.dialect)}`);
    }

    // After the load: what the server stored must add up, batch by batch.
    await settle(base);
    const checks: string[] = [];
    const problems: string[] = [];
    if (marks && markSummary.fresh + markSummary.replayed > 0) {
      const rows = await db
        .selectFrom('markingBatches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('clientBatchId', 'like', 'ld-%')
        .executeTakeFirstOrThrow();
      const batches = Number(rows.n);
      const formRows = await db
        .selectFrom('markingForms')
        .select(['id', 'version'])
        .where('id', 'in', [...marks.formVersions.keys()])
        .execute();
      const formDelta = formRows.reduce(
        (a, r) => a + r.version - (marks.formVersions.get(r.id) ?? r.version),
        0,
      );
      const now = await markVersions(db, marks.slots);
      const markDelta = now.reduce((a, v, i) => a + v - (marks.slots[i]?.version ?? 0), 0);
      const audits = await db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entityType', '=', 'marking_form')
        .where('afterJson', 'like', '%"clientBatchId":"ld-%')
        .executeTakeFirstOrThrow();
      const line =
        `marks: ${batches} batches stored; form versions moved ${formDelta}, mark versions ${markDelta}, ` +
        `audit entries ${Number(audits.n)}; the load generator saw ${markSummary.accepted} batches accepted ` +
        `(${markSummary.fresh} first answers, ${markSummary.replayed} replays answered from the store), ` +
        `${markSummary.conflicts} conflicts, ` +
        `${markSummary.replayMismatch} replay mismatches, other ${JSON.stringify(markSummary.otherStatus)}`;
      checks.push(line);
      if (formDelta !== batches || markDelta !== batches || Number(audits.n) !== batches) {
        problems.push(`marks inconsistent: ${line}`);
      }
      // A batch cut off at the end of a step may have been stored without its answer being read.
      if (batches < markSummary.accepted || batches > markSummary.accepted + unanswered) {
        problems.push(`marks: ${batches} stored batches for ${markSummary.accepted} accepted batch ids`);
      }
      if (markSummary.replayMismatch > 0) {
        problems.push('marks: a replay was answered with another batch');
      }
    }
    if (surveys && surveySummary.taken > 0) {
      const responses = await db
        .selectFrom('surveyResponses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('surveyId', 'in', surveys.surveyIds)
        .executeTakeFirstOrThrow();
      const answered = await db
        .selectFrom('surveyInvitations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('surveyId', 'in', surveys.surveyIds)
        .where('respondedOn', 'is not', null)
        .executeTakeFirstOrThrow();
      const line =
        `survey: ${Number(responses.n)} responses stored, ${Number(answered.n)} invitations answered; ` +
        `the load generator saw ${surveySummary.answered} answers accepted of ${surveySummary.taken} links used, ` +
        `other ${JSON.stringify(surveySummary.otherStatus)}`;
      checks.push(line);
      if (
        Number(responses.n) !== Number(answered.n) ||
        Number(responses.n) < surveySummary.answered ||
        Number(responses.n) > surveySummary.taken
      ) {
        problems.push(`survey inconsistent: ${line}`);
      }
    }
    log('');
    for (const c of checks) {
      log(`check: ${c}`);
    }
    const loadAfter = os.loadavg()[0] ?? 0;
    log(`machine load average (1 min): ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end`);
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const out = path.join(here, 'results', `load-${deps.dialect}-latest.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const json = {
      date: new Date().toISOString(),
      machine: m,
      database: deps.dialect,
      options: opts,
      loadAverage: { start: loadBefore, end: loadAfter },
      steps: steps.map((s) => ({ ...s, result: { ...s.result, summary: undefined } })),
      // Objects, not arrays of long strings: the results stay as biome formats them.
      checks: Object.fromEntries(checks.map((c, i) => [`check${i + 1}`, c])),
      problems: Object.fromEntries(problems.map((c, i) => [`problem${i + 1}`, c])),
    };
    fs.writeFileSync(out, `${formatJson(json)}\n`);
    log(`wrote ${path.relative(process.cwd(), out)}`);
    if (problems.length > 0) {
      throw new Error(problems.join('\n'));
    }
  } finally {
    await server?.kill('SIGTERM');
    await handle.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
