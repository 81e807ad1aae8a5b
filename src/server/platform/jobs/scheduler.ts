export interface ScheduledTask {
  name: string;
  run: () => Promise<unknown>;
}

export interface Scheduler {
  /** Runs every task now (tests and the CLI call this directly). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Polls its tasks on an interval. Each task decides for itself whether there is work (daily
 * jobs claim their day through `runOncePerPeriod`), so ticking often is safe with many servers.
 * After a first tick shortly after start, ticks fall on multiples of the interval on the clock
 * (…:00, …:10 for ten minutes), so all servers tick together and the claims, not luck, decide
 * which one runs a job.
 */
export function startScheduler(
  tasks: readonly ScheduledTask[],
  opts: {
    intervalMs: number;
    /** Delay of the first tick after start (default 2 s). */
    firstTickMs?: number;
    onError: (task: string, err: unknown) => void;
    /** Called with what each task returned (for debug logs). */
    onDone?: (task: string, result: unknown) => void;
  },
): Scheduler {
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      for (const t of tasks) {
        try {
          const result = await t.run();
          opts.onDone?.(t.name, result);
        } catch (err) {
          opts.onError(t.name, err);
        }
      }
    } finally {
      running = false;
    }
  };
  const untilNextBoundary = () => {
    const ms = opts.intervalMs - (Date.now() % opts.intervalMs);
    // A timer that fires a hair early must not tick twice for one boundary.
    return ms < 20 ? ms + opts.intervalMs : ms;
  };
  const schedule = (ms: number) => {
    if (stopped) {
      return;
    }
    timer = setTimeout(() => {
      void tick().finally(() => schedule(untilNextBoundary()));
    }, ms);
    timer.unref();
  };
  schedule(opts.firstTickMs ?? 2000);
  return {
    tick,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
