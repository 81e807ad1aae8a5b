import type { Clock } from '../clock.js';
import type { Executor } from '../db/executor.js';
import { newId } from '../ids.js';

/**
 * Runs `work` at most once per (job, period) across every server process: the unique key on
 * job_runs lets exactly one insert win. A failed run removes its claim so a later tick retries.
 * Returns false when another run already claimed the period.
 */
export async function runOncePerPeriod<T>(
  db: Executor,
  clock: Clock,
  jobName: string,
  periodKey: string,
  work: () => Promise<T>,
): Promise<{ ran: boolean; result?: T }> {
  const id = newId();
  try {
    await db
      .insertInto('jobRuns')
      .values({ id, jobName, periodKey, status: 'running', startedAt: clock.now().toISOString() })
      .execute();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT')) {
      return { ran: false };
    }
    throw err;
  }
  try {
    const result = await work();
    await db
      .updateTable('jobRuns')
      .set({
        status: 'done',
        finishedAt: clock.now().toISOString(),
        resultJson: JSON.stringify(result ?? null),
      })
      .where('id', '=', id)
      .execute();
    return { ran: true, result };
  } catch (err) {
    await db.deleteFrom('jobRuns').where('id', '=', id).execute();
    throw err;
  }
}
