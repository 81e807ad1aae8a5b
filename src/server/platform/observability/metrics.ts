import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Deps } from '../context.js';
import { Registry } from './registry.js';

/** What the PostgreSQL pool can tell (pg.Pool has these); absent on SQLite. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** Seconds; from a fast JSON read to a slow report or an upload, ending at the 10 s client patience. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The label of a route that matched nothing (404s, scanners): one series, not one per URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

export type AppMetrics = ReturnType<typeof createAppMetrics>;

/**
 * Every metric of one server process. One registry per app (not a module global), so tests that
 * build several apps in one process count each app's requests only.
 */
export function createAppMetrics(deps: Pick<Deps, 'db'>, opts: { pool?: PoolStats } = {}) {
  const registry = new Registry();

  const requests = registry.counter(
    'tvet_http_requests_total',
    'HTTP requests answered, by method, route pattern and status class.',
    ['method', 'route', 'status_class'],
  );
  const duration = registry.histogram(
    'tvet_http_request_duration_seconds',
    'Time from receiving the request to sending the answer, by method and route pattern.',
    ['method', 'route'],
    LATENCY_BUCKETS,
  );
  const inFlight = registry.gauge(
    'tvet_http_requests_in_flight',
    'Requests received and not answered yet whose client is still connected.',
  );

  const cpuUser = registry.counter('process_cpu_user_seconds_total', 'User CPU time of the server process.');
  const cpuSystem = registry.counter(
    'process_cpu_system_seconds_total',
    'System CPU time of the server process.',
  );
  const cpuTotal = registry.counter(
    'process_cpu_seconds_total',
    'User and system CPU time of the server process.',
  );
  const rss = registry.gauge('process_resident_memory_bytes', 'Resident set size.');
  const heapUsed = registry.gauge('nodejs_heap_size_used_bytes', 'V8 heap in use.');
  const heapTotal = registry.gauge('nodejs_heap_size_total_bytes', 'V8 heap reserved.');
  const external = registry.gauge(
    'nodejs_external_memory_bytes',
    'Memory of C++ objects bound to JavaScript (buffers).',
  );
  const startTime = registry.gauge('process_start_time_seconds', 'When the process started, Unix seconds.');
  const lag = registry.gauge(
    'nodejs_eventloop_lag_seconds',
    'Event loop delay since the previous scrape (quantile 0.5, 0.99 and max); high values mean the CPU is the limit.',
    ['quantile'],
  );

  const poolConnections = registry.gauge(
    'tvet_db_pool_connections',
    'PostgreSQL pool connections by state (total, idle).',
    ['state'],
  );
  const poolWaiting = registry.gauge(
    'tvet_db_pool_waiting_clients',
    'Queries waiting for a free PostgreSQL pool connection; above 0 for long means the pool (or the database) is the limit.',
  );
  const dbUp = registry.gauge(
    'tvet_db_up',
    '1 when the queue-depth queries of this scrape succeeded, else 0.',
  );
  const certificateBatches = registry.gauge(
    'tvet_certificate_batches_running',
    'Certificate batches still being issued (status running).',
  );
  const outbox = registry.gauge(
    'tvet_outbox_messages',
    'Outbox mail not sent: queued (waiting for SMTP), failed (gave up after 5 attempts), outbox (kept for admins when no SMTP is configured).',
    ['status'],
  );
  const jobRunsRunning = registry.gauge(
    'tvet_job_runs_running',
    'Claimed daily job periods not finished yet (job_runs with status running), by job.',
    ['job'],
  );
  const jobRuns = registry.counter(
    'tvet_job_runs_total',
    'Scheduled task runs in this process, by task and outcome (ok, error).',
    ['job', 'outcome'],
  );
  const jobLastSuccess = registry.gauge(
    'tvet_job_last_success_timestamp_seconds',
    'When each scheduled task last finished without error, Unix seconds.',
    ['job'],
  );

  const started = Date.now() / 1000 - process.uptime();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  registry.onCollect(() => {
    // The CPU counters mirror the process totals (microseconds since the process started).
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    cpuUser.setTotal({}, cpu.user / 1e6);
    cpuSystem.setTotal({}, cpu.system / 1e6);
    cpuTotal.setTotal({}, (cpu.user + cpu.system) / 1e6);
    rss.set({}, mem.rss);
    heapUsed.set({}, mem.heapUsed);
    heapTotal.set({}, mem.heapTotal);
    external.set({}, mem.external);
    startTime.set({}, Math.round(started));
    // Nanoseconds; NaN/huge before the first sample is taken.
    const q = (x: number) => (Number.isFinite(x) && loop.count > 0 ? x / 1e9 : 0);
    lag.set({ quantile: '0.5' }, q(loop.percentile(50)));
    lag.set({ quantile: '0.99' }, q(loop.percentile(99)));
    lag.set({ quantile: 'max' }, q(loop.max));
    loop.reset();
    if (opts.pool) {
      poolConnections.set({ state: 'total' }, opts.pool.totalCount);
      poolConnections.set({ state: 'idle' }, opts.pool.idleCount);
      poolWaiting.set({}, opts.pool.waitingCount);
    }
  });

  registry.onCollect(async () => {
    outbox.reset();
    jobRunsRunning.reset();
    try {
      const [batches, mail, runs] = await Promise.all([
        deps.db
          .selectFrom('certificateBatches')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'running')
          .executeTakeFirst(),
        deps.db
          .selectFrom('outbox')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('status', 'in', ['queued', 'failed', 'outbox'])
          .groupBy('status')
          .execute(),
        // "survey-jobs:<organization id>" is one job per organization: the family is the label.
        deps.db.selectFrom('jobRuns').select('jobName').where('status', '=', 'running').execute(),
      ]);
      certificateBatches.set({}, Number(batches?.n ?? 0));
      for (const status of ['queued', 'failed', 'outbox']) {
        outbox.set({ status }, Number(mail.find((m) => m.status === status)?.n ?? 0));
      }
      for (const r of runs) {
        jobRunsRunning.inc({ job: r.jobName.split(':')[0] ?? r.jobName });
      }
      dbUp.set({}, 1);
    } catch {
      dbUp.set({}, 0);
    }
  });

  return {
    registry,
    /** Called once per answered request. */
    observeRequest(method: string, route: string, statusCode: number, seconds: number) {
      requests.inc({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` });
      duration.observe({ method, route }, seconds);
    },
    inFlight,
    /** Wraps a scheduled task so that its runs, failures and last success are counted. */
    instrumentJob(job: string, run: () => Promise<unknown>): () => Promise<unknown> {
      return async () => {
        try {
          const result = await run();
          jobRuns.inc({ job, outcome: 'ok' });
          jobLastSuccess.set({ job }, Math.round(Date.now() / 1000));
          return result;
        } catch (err) {
          jobRuns.inc({ job, outcome: 'error' });
          throw err;
        }
      };
    },
    close() {
      loop.disable();
    },
  };
}
