// What the load run watches besides autocannon: CPU of the server (and of PostgreSQL's backends)
// from /proc, the machine's idle time, the server's own /metrics, and PostgreSQL's lock waits.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

let ticksPerSecond = 0;
function clockTicks(): number {
  if (!ticksPerSecond) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds of a process so far, or null when /proc does not show it. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)", which may itself contain spaces: state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / clockTicks();
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine (all cores) from /proc/stat. */
export function machineJiffies(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** The samples of a Prometheus text exposition, keyed `name{labels}` as written. */
export async function scrape(base: string): Promise<Map<string, number>> {
  const res = await fetch(`${base}/metrics`);
  if (res.status !== 200) {
    throw new Error(`GET /metrics answered ${res.status}`);
  }
  const out = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^([^#\s][^\s]*(?:\{.*\})?) (\S+)$/.exec(line);
    if (m) {
      out.set(m[1] as string, Number(m[2]));
    }
  }
  return out;
}

/** Sum of the samples of `name` whose label text contains every one of `parts`. */
export function sumOf(samples: Map<string, number>, name: string, ...parts: string[]): number {
  let sum = 0;
  for (const [k, v] of samples) {
    if ((k === name || k.startsWith(`${name}{`)) && parts.every((p) => k.includes(p))) {
      sum += v;
    }
  }
  return sum;
}

/**
 * Waits until the server has no request in flight but the scrape itself: requests cut off at the
 * end of a run may still be committing, and the next step must read what they wrote.
 */
export async function settle(base: string, timeoutMs = 5000): Promise<void> {
  // A request whose client hung up no longer counts as in flight (its answer has nowhere to go),
  // though its transaction may still be committing: give those a moment first.
  await new Promise((r) => setTimeout(r, 500));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (sumOf(await scrape(base), 'tvet_http_requests_in_flight') <= 1) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Watch {
  /** PostgreSQL sessions of the database waiting on a heavyweight lock: mean and highest. */
  lockWaitMean: number;
  lockWaitMax: number;
  /** Sessions waiting on an internal lightweight lock (WAL insert, buffer mapping, …): mean. */
  lwlockMean: number;
  /** PostgreSQL sessions running a statement: mean (≤ the pool size). */
  activeMean: number;
  /** Requests queued for a pool connection in the server (tvet_db_pool_waiting_clients): mean, max. */
  poolWaitMean: number;
  poolWaitMax: number;
  /** Highest event-loop delay p99 the server reported (seconds), over scrapes during the step. */
  loopP99Max: number;
  /** CPU seconds of the database's backends during the step (PostgreSQL on this machine). */
  dbCpuSeconds: number | null;
  samples: number;
}

/**
 * Samples every `everyMs` while a step runs: pg_stat_activity of the bench database (PostgreSQL)
 * and the server's pool gauge from /metrics.
 */
export async function watch(base: string, pgUrl: string | null, everyMs = 250) {
  const client = pgUrl ? new pg.Client({ connectionString: pgUrl }) : null;
  await client?.connect();
  const acc = { lock: 0, lockMax: 0, lw: 0, active: 0, pool: 0, poolMax: 0, n: 0, poolN: 0, lag: 0 };
  const cpuStart = new Map<number, number>();
  const backends = async () => {
    if (!client) {
      return [] as number[];
    }
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return r.rows.map((x) => x.pid);
  };
  for (const pid of await backends()) {
    const s = cpuSeconds(pid);
    if (s !== null) {
      cpuStart.set(pid, s);
    }
  }
  let stopped = false;
  let busy: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (client) {
      const r = await client.query<{ lock: number; lw: number; active: number }>(
        `select count(*) filter (where wait_event_type = 'Lock')::int as lock,
                count(*) filter (where wait_event_type = 'LWLock')::int as lw,
                count(*) filter (where state = 'active')::int as active
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      const row = r.rows[0] ?? { lock: 0, lw: 0, active: 0 };
      acc.lock += row.lock;
      acc.lockMax = Math.max(acc.lockMax, row.lock);
      acc.lw += row.lw;
      acc.active += row.active;
      acc.n++;
    }
    if (acc.n % 2 === 0 || !client) {
      const m = await scrape(base);
      const waiting = sumOf(m, 'tvet_db_pool_waiting_clients');
      acc.pool += waiting;
      acc.poolMax = Math.max(acc.poolMax, waiting);
      acc.poolN++;
      acc.lag = Math.max(acc.lag, sumOf(m, 'nodejs_eventloop_lag_seconds', 'quantile="0.99"'));
    }
  };
  const timer = setInterval(() => {
    busy = busy.then(() => (stopped ? undefined : tick().catch(() => {})));
  }, everyMs);

  return {
    async stop(): Promise<Watch> {
      stopped = true;
      clearInterval(timer);
      await busy;
      let dbCpu: number | null = null;
      if (client) {
        for (const pid of await backends()) {
          const s = cpuSeconds(pid);
          if (s !== null) {
            dbCpu = (dbCpu ?? 0) + s - (cpuStart.get(pid) ?? 0);
          }
        }
        await client.end();
      }
      const mean = (x: number, n: number) => (n > 0 ? x / n : 0);
      return {
        lockWaitMean: mean(acc.lock, acc.n),
        lockWaitMax: acc.lockMax,
        lwlockMean: mean(acc.lw, acc.n),
        activeMean: mean(acc.active, acc.n),
        poolWaitMean: mean(acc.pool, acc.poolN),
        poolWaitMax: acc.poolMax,
        loopP99Max: acc.lag,
        dbCpuSeconds: dbCpu,
        samples: acc.n,
      };
    },
  };
}
