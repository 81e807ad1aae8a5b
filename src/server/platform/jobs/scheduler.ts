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
 */
export function startScheduler(
  tasks: readonly ScheduledTask[],
  opts: { intervalMs: number; onError: (task: string, err: unknown) => void },
): Scheduler {
  let running = false;
  const tick = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      for (const t of tasks) {
        try {
          await t.run();
        } catch (err) {
          opts.onError(t.name, err);
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  setTimeout(() => void tick(), 2000).unref();
  return { tick, stop: () => clearInterval(timer) };
}
