import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Target {
  key: string;
  url: string;
  /**
   * Requests that change from one to the next (bodies, versions, one-time links): a module the load
   * generator imports, whose `requests(data)` gives autocannon's request list and whose optional
   * `summary()` is returned in LoadResult.summary. `url` then only gives the origin.
   */
  scenario?: { module: string; data: unknown };
}

export interface LoadPlan {
  targets: Target[];
  headers: Record<string, string>;
  connections: number;
  /** Seconds of load per target before measuring (discarded). */
  warmup: number;
  /** Seconds of measured load per target in all. */
  duration: number;
  /** The measured seconds are cut into slices of this length, taken in turn across targets. */
  slice: number;
}

export interface LoadResult {
  /** Completed requests per second over every measured slice. */
  rps: number;
  /** Latency percentiles over every measured request, milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** req/s of each slice, in round order (the spread shows how noisy the machine was). */
  sliceRps: number[];
  /** What the target's scenario module reports after the run (see Target.scenario). */
  summary?: unknown;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Runs the plan in a child process (bench/loadgen.ts), so that the load generator has its own
 * event loop and heap and the server's peak RSS is the server's own.
 */
export function runLoad(plan: LoadPlan): Promise<Record<string, LoadResult>> {
  return new Promise((resolve, reject) => {
    // The child inherits --import tsx from process.execArgv.
    const child = fork(path.join(here, 'loadgen.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.on(
      'message',
      (msg: { ok: true; results: Record<string, LoadResult> } | { ok: false; error: string }) => {
        answered = true;
        if (msg.ok) {
          resolve(msg.results);
        } else {
          reject(new Error(`load generator: ${msg.error}`));
        }
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!answered) {
        reject(new Error(`load generator exited with ${code} before answering`));
      }
    });
    child.send(plan);
  });
}
