import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMarkBatchRequest } from '../../contracts/marking.js';
import { computeFormTotal, type EntrantMarks } from '../../domain/competitions/form-total.js';
import type { MeasurementObservation } from '../../domain/competitions/marking-scheme.js';
import { toStorageString } from '../../domain/competitions/rational.js';
import { DEFAULT_RULE_SETTINGS } from '../../domain/competitions/settings.js';
import { createMarkingFixture, type MarkingFixture, TEST_SCHEME } from '../modules/marking/test-fixtures.js';
import { newId } from '../platform/ids.js';
import type { ServerProcess } from '../test/server-process.js';
import { createOrganization } from '../test/test-app.js';
import { createFaultWorkspace, type FaultWorkspace, RemoteClient } from './harness.js';

// kill -9 of a server process during a burst of mark entries from several experts at the bench
// (issue 7, "Faults"). Each batch carries a clientBatchId; what the server acknowledged must be
// there after the restart, and replaying every batch must apply each exactly once.

const STEPS = 10;
const KILL_AFTER_ACKS = 60;
const RULES = { numJudges: 2, maxJudgeSpread: 1 };

let w: FaultWorkspace;
let f: MarkingFixture;

beforeAll(async () => {
  w = await createFaultWorkspace();
  const orgId = await createOrganization(w.t.deps, 'Bench Crash College');
  f = await createMarkingFixture(w.t, orgId, RULES);
});
afterAll(async () => {
  await w?.close();
});

type ExpertKey = 'at' | 'ie' | 'kh' | 'fr';

/**
 * One mark cell, changed STEPS times in a row by the expert at the bench, each batch expecting the
 * version the one before produced (as the web app does). Cells run in parallel.
 */
interface Chain {
  form: string;
  by: ExpertKey;
  aspectKey: string;
  judge?: ExpertKey;
  batches: TMarkBatchRequest[];
  /** Index of each batch's outcome during the burst: 'acked' (200), 'lost' (no answer), or unsent. */
  outcome: Array<'acked' | 'lost' | undefined>;
  acked: Array<Record<string, unknown> | undefined>;
}

function valueAt(aspectKey: string, step: number): MeasurementObservation | number {
  switch (aspectKey) {
    case 'A1.2':
      return { kind: 'NUMBER_COMPLETED', completed: (step * 3) % 5 };
    case 'B1.1':
      return step % 4;
    default:
      return { kind: 'PASS_FAIL', passed: step % 3 !== 1 };
  }
}

function chain(form: string, by: ExpertKey, aspectKey: string, judge?: ExpertKey): Chain {
  const batches = Array.from({ length: STEPS }, (_, step): TMarkBatchRequest => {
    const value = valueAt(aspectKey, step);
    const clientBatchId = `burst-${newId()}`;
    return judge
      ? {
          clientBatchId,
          measurements: [],
          judgeScores: [
            {
              aspectKey,
              judgeExpertId: f.experts[judge].expertId,
              score: value as 0 | 1 | 2 | 3,
              expectedVersion: step,
            },
          ],
        }
      : {
          clientBatchId,
          judgeScores: [],
          measurements: [{ aspectKey, observation: value as MeasurementObservation, expectedVersion: step }],
        };
  });
  return { form, by, aspectKey, judge, batches, outcome: [], acked: [] };
}

/** Every cell an expert may enter here: no compatriot marking, judges type their own scores. */
function allChains(): Chain[] {
  return [
    chain('A1:at', 'ie', 'A1.1'),
    chain('A1:at', 'kh', 'A1.2'),
    chain('A1:ie', 'at', 'A1.1'),
    chain('A1:ie', 'kh', 'A1.2'),
    chain('A1:kh', 'at', 'A1.1'),
    chain('A1:kh', 'ie', 'A1.2'),
    chain('B1:at', 'kh', 'B1.1', 'kh'),
    chain('B1:at', 'fr', 'B1.1', 'fr'),
    chain('B1:at', 'ie', 'B1.2'),
    chain('B1:ie', 'kh', 'B1.1', 'kh'),
    chain('B1:ie', 'fr', 'B1.1', 'fr'),
    chain('B1:ie', 'at', 'B1.2'),
    chain('B1:kh', 'ie', 'B1.1', 'ie'),
    chain('B1:kh', 'fr', 'B1.1', 'fr'),
    chain('B1:kh', 'at', 'B1.2'),
  ];
}

const remotes = (server: ServerProcess) =>
  Object.fromEntries(
    (['at', 'ie', 'kh', 'fr'] as const).map((k) => [k, new RemoteClient(server.url, f.experts[k].client)]),
  ) as Record<ExpertKey, RemoteClient>;

const marksUrl = (c: Chain) => `/api/v1/marking/forms/${f.forms[c.form]}/marks`;

/** Runs every chain until the server stops answering; calls `onAck` after each 200. */
async function burst(chains: Chain[], server: ServerProcess, onAck: () => void) {
  const r = remotes(server);
  await Promise.all(
    chains.map(async (c) => {
      for (let i = 0; i < c.batches.length; i++) {
        let res: Awaited<ReturnType<RemoteClient['put']>>;
        try {
          res = await r[c.by].put(marksUrl(c), c.batches[i]);
        } catch {
          c.outcome[i] = 'lost'; // sent, never answered: the server died
          return;
        }
        expect(res.status, res.body).toBe(200);
        c.outcome[i] = 'acked';
        c.acked[i] = res.json();
        onAck();
      }
    }),
  );
}

describe('kill -9 during a burst of mark entries', () => {
  it('keeps every acknowledged batch, and replays apply each batch exactly once', async () => {
    const chains = allChains();
    const first = await w.startServer();
    let acks = 0;
    let killed: Promise<unknown> | null = null;
    await burst(chains, first, () => {
      acks++;
      if (acks === KILL_AFTER_ACKS) {
        killed = first.kill('SIGKILL');
      }
    });
    await killed;
    const acked = chains.flatMap((c) => c.batches.filter((_, i) => c.outcome[i] === 'acked'));
    const lost = chains.flatMap((c) => c.batches.filter((_, i) => c.outcome[i] === 'lost'));
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.length).toBeLessThan(chains.length * STEPS);

    // Every acknowledged batch is in the database (its stored result and the marks it wrote).
    const stored = await w.handle.db
      .selectFrom('markingBatches')
      .select('clientBatchId')
      .where('organizationId', '=', f.orgId)
      .execute();
    const storedIds = new Set(stored.map((s) => s.clientBatchId));
    for (const b of acked) {
      expect(storedIds.has(b.clientBatchId), b.clientBatchId).toBe(true);
    }
    const lostButCommitted = lost.filter((b) => storedIds.has(b.clientBatchId)).length;
    console.info(
      `burst of ${chains.length} parallel chains: ${acked.length} acknowledged, ${lost.length} in flight at the kill (${lostButCommitted} of them committed)`,
    );

    // After a restart, every batch is sent again in each chain's order, acknowledged or not.
    const second = await w.startServer();
    const r = remotes(second);
    let replayed = 0;
    let appliedNow = 0;
    await Promise.all(
      chains.map(async (c) => {
        for (let i = 0; i < c.batches.length; i++) {
          const res = await r[c.by].put(marksUrl(c), c.batches[i]);
          expect(res.status, res.body).toBe(200);
          const body = res.json();
          if (c.outcome[i] === 'acked') {
            // The first answer again, marked as a replay: nothing written twice.
            expect(body).toEqual({ ...c.acked[i], replayed: true });
          }
          if (body.replayed) {
            replayed++;
          } else {
            appliedNow++;
          }
        }
      }),
    );
    expect(replayed).toBe(acked.length + lostButCommitted);
    expect(replayed + appliedNow).toBe(chains.length * STEPS);

    // Exactly once: one stored result and one audit entry per batch, each cell at version STEPS.
    const batches = await w.handle.db
      .selectFrom('markingBatches')
      .select('clientBatchId')
      .where('organizationId', '=', f.orgId)
      .execute();
    expect(batches).toHaveLength(chains.length * STEPS);
    const audits = await w.handle.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('organizationId', '=', f.orgId)
      .where('entityType', '=', 'marking_form')
      .execute();
    const perBatch = new Map<string, number>();
    for (const a of audits) {
      const id = JSON.parse(a.afterJson ?? '{}').clientBatchId as string | undefined;
      if (id) {
        perBatch.set(id, (perBatch.get(id) ?? 0) + 1);
      }
    }
    expect(perBatch.size).toBe(chains.length * STEPS);
    expect([...perBatch.values()].every((n) => n === 1)).toBe(true);

    // Totals are what the domain computes from the last value of every cell.
    const chief = new RemoteClient(second.url, f.experts.chief.client);
    const matrix = await chief.get(`/api/v1/marking/skills/${f.skillId}/forms`);
    expect(matrix.status, matrix.body).toBe(200);
    const rules = { ...RULES, aspectMarkRounding: DEFAULT_RULE_SETTINGS.aspectMarkRounding };
    for (const [formKey, formId] of Object.entries(f.forms)) {
      const marks: EntrantMarks = { measurements: {}, judgements: {} };
      for (const c of chains.filter((x) => x.form === formKey)) {
        const last = valueAt(c.aspectKey, STEPS - 1);
        if (c.judge) {
          const list = [...(marks.judgements[c.aspectKey] ?? [])];
          list.push({ judgeId: f.experts[c.judge].expertId, score: last as 0 | 1 | 2 | 3 });
          (marks.judgements as Record<string, unknown>)[c.aspectKey] = list;
        } else {
          (marks.measurements as Record<string, unknown>)[c.aspectKey] = last;
        }
      }
      const [sub] = formKey.split(':') as [string];
      const expected = computeFormTotal(TEST_SCHEME, sub, marks, rules);
      const served = matrix.json().forms.find((x: { id: string }) => x.id === formId);
      expect(served, formKey).toMatchObject({
        totalExact: toStorageString(expected.total),
        complete: expected.complete,
        markedCount: expected.markedCount,
      });
      expect(expected.complete, formKey).toBe(true);
    }
    const versions = await w.handle.db
      .selectFrom('judgementScores')
      .select('version')
      .where('organizationId', '=', f.orgId)
      .union(
        w.handle.db.selectFrom('measurementMarks').select('version').where('organizationId', '=', f.orgId),
      )
      .execute();
    expect(new Set(versions.map((v) => v.version))).toEqual(new Set([STEPS]));
    await second.kill('SIGTERM');
  }, 90_000);
});
