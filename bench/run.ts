// npm run bench [-- --duration 8 --warmup 2 --connections 10 --partners 10000 --db sqlite|postgres]
//
// Throughput of GET /api/v1/partners over 10,000 partners, as a ratio to a bare endpoint that
// reads the same page of rows with one plain query in the same server process and run. Ratios,
// never absolute times, are the result: the absolute figures depend on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { calendarDateInTimeZone } from '../src/domain/dates/calendar-date.js';
import { buildApp } from '../src/server/app.js';
import { loadActor } from '../src/server/modules/identity/identity.service.js';
import * as repo from '../src/server/modules/partners/partners.repository.js';
import { createDeps } from '../src/server/platform/bootstrap.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Deps } from '../src/server/platform/context.js';
import {
  type BenchFilter,
  bareRows,
  countMatching,
  findQuery,
  PAGE_SIZE,
  registerFloorRoutes,
  rowsWithActiveCount,
} from './floor.js';
import { runLoad } from './load.js';
import { freshDatabase } from './load-db.js';
import {
  formatJson,
  loadTable,
  machine,
  type Profile,
  peakRssMiB,
  profileTable,
  type Row,
} from './report.js';
import { BENCH_PASSWORD, seedBench } from './seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    partners: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'sqlite' },
  },
});
const positive = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`--${name} must be a whole number, got ${v}`);
  }
  return n;
};
const opts = {
  duration: positive('duration', args.duration),
  warmup: positive('warmup', args.warmup),
  connections: positive('connections', args.connections),
  partners: positive('partners', args.partners),
  otherPartners: 2000,
  db: args.db === 'postgres' ? ('postgres' as const) : ('sqlite' as const),
};

interface Scenario {
  name: string;
  filter: BenchFilter;
  /** Also measure the repository-only route, to split query work from request plumbing. */
  layers: boolean;
}

// Search text that a person would type: a city, matching about 1% of partners, so the
// name-ordered page has to look through part of the table before it has 25 rows.
const SCENARIOS: Scenario[] = [
  { name: 'country=KE', filter: { country: 'KE' }, layers: true },
  { name: 'q=mombasa', filter: { q: 'mombasa' }, layers: false },
  { name: 'hasActiveAgreement=true', filter: { hasActiveAgreement: 'true' }, layers: false },
];

/** Seconds per interleaved measuring slice. */
const SLICE = 2;

const log = (...xs: unknown[]) => console.log(...xs);

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) {
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  }
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const qs = (f: BenchFilter, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...(f as Record<string, string>), ...extra }).toString();

const apiPath = (f: BenchFilter) =>
  `/api/v1/partners?${qs(f, { pageSize: String(PAGE_SIZE), sort: 'name' })}`;
const barePath = (f: BenchFilter) => `/bench/bare-partners?${qs(f)}`;
const repoPath = (f: BenchFilter) => `/bench/repo-partners?${qs(f)}`;

async function getJson(base: string, p: string, cookie: string) {
  const res = await fetch(`${base}${p}`, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) {
    throw new Error(`GET ${p} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text) as { data: { id: string }[]; total?: number };
}

/** Before any figure: every target answers 200 with the same partners, all of the big organization. */
async function checkSameRows(base: string, cookie: string, deps: Deps, organizationId: string, s: Scenario) {
  const bare = await getJson(base, barePath(s.filter), cookie);
  const api = await getJson(base, apiPath(s.filter), cookie);
  const ids = (x: { data: { id: string }[] }) => x.data.map((r) => r.id).join(',');
  if (ids(bare) !== ids(api)) {
    throw new Error(
      `${s.name}: the bare endpoint and the API return different partners\n bare ${ids(bare)}\n api  ${ids(api)}`,
    );
  }
  if (s.layers && ids(await getJson(base, repoPath(s.filter), cookie)) !== ids(api)) {
    throw new Error(`${s.name}: the repository route returns different partners from the API`);
  }
  if (api.data.length !== PAGE_SIZE) {
    throw new Error(
      `${s.name}: expected a full page of ${PAGE_SIZE}, got ${api.data.length} (seed too small?)`,
    );
  }
  const foreign = await deps.db
    .selectFrom('partners')
    .select('id')
    .where(
      'id',
      'in',
      api.data.map((r) => r.id),
    )
    .where('organizationId', '!=', organizationId)
    .execute();
  if (foreign.length > 0) {
    throw new Error(`${s.name}: ${foreign.length} partners of another organization in the list`);
  }
  return api.total ?? 0;
}

/**
 * Median microseconds per call of `fn`, one call at a time, after a short warm-up. The median,
 * not the mean, so that a moment of contention from elsewhere on the machine does not count.
 */
async function timeIt(fn: () => Promise<unknown>, budgetMs = 300, maxCalls = 2000): Promise<number> {
  for (let i = 0; i < 20; i++) {
    await fn();
  }
  const stop = process.hrtime.bigint() + BigInt(budgetMs) * 1_000_000n;
  const samples: number[] = [];
  while (samples.length < maxCalls) {
    const start = process.hrtime.bigint();
    await fn();
    const end = process.hrtime.bigint();
    samples.push(Number(end - start) / 1000);
    if (end > stop) {
      break;
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

async function main() {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-'));
  const database = await freshDatabase(opts.db, dir);
  const config = {
    ...loadConfig({
      DATA_DIR: dir,
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      JOBS: 'false',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1',
    }),
    // The global API limit (600/min by default) would turn the load into 429s.
    rateLimitPerMinute: 1_000_000_000,
  };
  const { deps, handle } = await createDeps(config);
  const cleanup = async () => {
    await handle.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const m = machine();
    log(`TVET Bridge bench: partner list over ${opts.partners.toLocaleString('en')} partners (${opts.db})`);
    log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, node ${m.node}`);
    const loadBefore = os.loadavg()[0] ?? 0;

    let t = Date.now();
    const now = new Date();
    const seeded = await seedBench(deps.db, {
      partners: opts.partners,
      otherPartners: opts.otherPartners,
      now,
    });
    if (deps.dialect === 'postgres') {
      // A server that has been running has statistics; a freshly bulk-loaded one may not yet.
      await sql`analyze`.execute(deps.db);
    }
    log(
      `seeded ${seeded.main.partners} + ${seeded.other.partners} partners, ` +
        `${seeded.main.agreements} + ${seeded.other.agreements} agreements in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    const orgId = seeded.main.organizationId;
    // The floor computes "today" once; the API does it per request, as the organization's date.
    const today = calendarDateInTimeZone(now.toISOString(), 'Asia/Shanghai');
    const app = await buildApp(deps, { logger: false });
    registerFloorRoutes(app, deps.db, orgId, () => today);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') {
      throw new Error('server has no TCP address');
    }
    const base = `http://127.0.0.1:${address.port}`;

    try {
      const cookie = await signIn(base, seeded.main.email);
      const totals = new Map<string, number>();
      for (const s of SCENARIOS) {
        totals.set(s.name, await checkSameRows(base, cookie, deps, orgId, s));
      }
      log(
        `checked: bare and API return the same ${PAGE_SIZE} partners of one organization for every scenario`,
      );

      // In-process, one query at a time: where the endpoint's database time goes.
      const token = /tvet_session=([^;]+)/.exec(cookie)?.[1] ?? '';
      const sessionUs = await timeIt(() => loadActor(deps, token));
      const profile: Profile[] = [];
      for (const s of SCENARIOS) {
        profile.push({
          scenario: s.name,
          total: totals.get(s.name) ?? 0,
          bareRowsUs: await timeIt(() => bareRows(deps.db, orgId, s.filter, today)),
          rowsWithActiveCountUs: await timeIt(() => rowsWithActiveCount(deps.db, orgId, s.filter, today)),
          countUs: await timeIt(() => countMatching(deps.db, orgId, s.filter, today)),
          repoFindPartnersUs: await timeIt(() =>
            repo.findPartners(deps.db, orgId, findQuery(s.filter), today),
          ),
        });
      }

      t = Date.now();
      const rows: Row[] = [];
      for (const s of SCENARIOS) {
        const targets: [Row['target'], string][] = [
          ['bare', barePath(s.filter)],
          ...(s.layers ? [['repo', repoPath(s.filter)] as [Row['target'], string]] : []),
          ['api', apiPath(s.filter)],
        ];
        log(
          `measuring ${s.name}: ${targets.map(([k]) => k).join(', ')}, ${opts.warmup} s warm-up + ${opts.duration} s each, ` +
            `in interleaved ${SLICE} s slices`,
        );
        const results = await runLoad({
          targets: targets.map(([key, p]) => ({ key, url: `${base}${p}` })),
          headers: { cookie },
          connections: opts.connections,
          warmup: opts.warmup,
          duration: opts.duration,
          slice: SLICE,
        });
        const floor = results.bare;
        if (!floor) {
          throw new Error('no result for the floor');
        }
        for (const [target, p] of targets) {
          const result = results[target];
          if (!result) {
            throw new Error(`no result for ${target}`);
          }
          if (result.non2xx > 0 || result.errors > 0) {
            throw new Error(
              `${s.name} ${target}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`,
            );
          }
          const perRound = result.sliceRps.map((r, i) => r / (floor.sliceRps[i] ?? Number.NaN));
          rows.push({
            scenario: s.name,
            target,
            path: p,
            result,
            ratio: result.rps / floor.rps,
            ratioRange: [Math.min(...perRound), Math.max(...perRound)],
          });
        }
      }
      const loadSeconds = (Date.now() - t) / 1000;

      const rss = peakRssMiB();
      log('');
      log(loadTable(rows));
      log('');
      log(`ratio = req/s of the target ÷ req/s of the bare floor (same filter, same page, same server run).`);
      log(`  bare: one plain query for the page, no session, no zod, no presenter, no count`);
      log(
        `  repo: the endpoint's repository call (page + activeAgreements subquery + count(*)) and presenter`,
      );
      log(`  api:  GET /api/v1/partners as the web app calls it (session, zod in and out, rate limit)`);
      log('');
      log(
        `database time per call (median), in-process, one call at a time (session lookup ${sessionUs.toFixed(0)} µs):`,
      );
      log(profileTable(profile));
      log('');
      log(
        `peak RSS of the server process ${rss} MiB (server, seed data, in-process profile; the load generator is a child process)`,
      );
      log(
        `caveat: the load generator runs on the same ${m.cpus} cores as the server, ${opts.connections} connections; ` +
          `compare ratios, not req/s across machines.`,
      );
      const loadAfter = os.loadavg()[0] ?? 0;
      log(`machine load average (1 min): ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end`);
      log(`total ${((Date.now() - started) / 1000).toFixed(0)} s (load ${loadSeconds.toFixed(0)} s)`);

      const out = path.join(here, 'results', 'latest.json');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const json = {
        date: new Date().toISOString(),
        machine: m,
        database: deps.dialect,
        options: opts,
        seeded: {
          partners: seeded.main.partners,
          otherPartners: seeded.other.partners,
          agreements: seeded.main.agreements,
        },
        peakRssMiB: rss,
        loadAverage: { start: loadBefore, end: loadAfter },
        sessionLookupUs: sessionUs,
        results: rows,
        profile,
      };
      fs.writeFileSync(out, `${formatJson(json)}\n`);
      log(`wrote ${path.relative(process.cwd(), out)}`);
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
