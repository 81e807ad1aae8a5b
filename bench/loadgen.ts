// The load generator, a child process of bench/run.ts: receives a LoadPlan over IPC, answers
// with one LoadResult per target. Targets are measured in interleaved slices (A B C, B C A, …)
// so that a busy neighbour on the machine slows every target alike instead of just one.
import autocannon, { type RawResult, type Request } from 'autocannon';
import type { LoadPlan, LoadResult, Target } from './load.js';

interface ScenarioModule {
  requests(data: unknown): Request[];
  summary?(): unknown;
}

const scenarios = new Map<string, ScenarioModule>();

async function scenarioOf(t: Target): Promise<ScenarioModule | undefined> {
  if (!t.scenario) {
    return undefined;
  }
  let mod = scenarios.get(t.key);
  if (!mod) {
    mod = (await import(t.scenario.module)) as ScenarioModule;
    scenarios.set(t.key, mod);
  }
  return mod;
}

async function shoot(t: Target, plan: LoadPlan, duration: number) {
  const mod = await scenarioOf(t);
  return (await autocannon({
    url: t.url,
    headers: plan.headers,
    connections: plan.connections,
    duration,
    timeout: 10,
    skipAggregateResult: true,
    ...(mod && t.scenario ? { requests: mod.requests(t.scenario.data) } : {}),
  })) as unknown as RawResult;
}

async function run(plan: LoadPlan): Promise<Record<string, LoadResult>> {
  for (const t of plan.targets) {
    if (plan.warmup > 0) {
      await shoot(t, plan, plan.warmup);
    }
  }
  const raw = new Map<string, RawResult[]>(plan.targets.map((t) => [t.key, []]));
  const rounds = Math.max(1, Math.ceil(plan.duration / plan.slice));
  for (let round = 0; round < rounds; round++) {
    const slice = Math.min(plan.slice, plan.duration - round * plan.slice);
    for (let i = 0; i < plan.targets.length; i++) {
      const t = plan.targets[(round + i) % plan.targets.length];
      if (t) {
        raw.get(t.key)?.push(await shoot(t, plan, slice));
      }
    }
  }
  const out: Record<string, LoadResult> = {};
  for (const t of plan.targets) {
    const results = raw.get(t.key) ?? [];
    const merged = autocannon.aggregateResult(results, { url: t.url, connections: plan.connections });
    const requests = results.reduce((s, r) => s + r.totalCompletedRequests, 0);
    const seconds = results.reduce((s, r) => s + r.duration, 0);
    out[t.key] = {
      rps: requests / seconds,
      p50: merged.latency.p50,
      p99: merged.latency.p99,
      requests,
      non2xx: results.reduce((s, r) => s + r.non2xx, 0),
      errors: results.reduce((s, r) => s + r.errors, 0),
      seconds,
      sliceRps: results.map((r) => r.totalCompletedRequests / r.duration),
      summary: (await scenarioOf(t))?.summary?.(),
    };
  }
  return out;
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (results) => process.send?.({ ok: true, results }, () => process.exit(0)),
    (err: unknown) => process.send?.({ ok: false, error: String(err) }, () => process.exit(1)),
  );
});
