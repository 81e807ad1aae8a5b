import { describe, expect, it } from 'vitest';
import {
  enqueue,
  flushForm,
  itemStatus,
  judgeKey,
  keepMine,
  loadQueue,
  localValue,
  measurementKey,
  type QueueStorage,
  retryDelayMs,
  type SendOutcome,
  saveQueue,
  storedFormIds,
  takeTheirs,
  unsentCount,
} from './mark-queue';

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  };
}

const FORM = 'form-1';
let n = 0;
const ids = () => `batch-${++n}`;

function queueChange(storage: QueueStorage, change: Parameters<typeof enqueue>[1]) {
  saveQueue(storage, enqueue(loadQueue(storage, FORM), change));
}

const pass = (aspectKey: string, passed: boolean, expectedVersion = 0) => ({
  key: measurementKey(aspectKey),
  kind: 'measurement' as const,
  aspectKey,
  value: { kind: 'PASS_FAIL', passed },
  expectedVersion,
});

describe('mark queue', () => {
  it('keeps a batch in flight with the same id until the server answers (replay-safe retries), surviving a reload', async () => {
    const storage = memoryStorage();
    queueChange(storage, pass('A1.1', true));
    queueChange(storage, {
      key: judgeKey('B1.1', 'j1'),
      kind: 'judge_score',
      aspectKey: 'B1.1',
      judgeExpertId: 'j1',
      value: 2,
      expectedVersion: 0,
    });
    const sent: unknown[] = [];
    const offline = async (_f: string, body: unknown): Promise<SendOutcome> => {
      sent.push(body);
      return { kind: 'retry' };
    };
    const first = await flushForm(storage, FORM, offline, ids);
    expect(first.outcome).toEqual({ kind: 'retry' });
    expect(unsentCount(first.queue)).toBe(2);
    expect(itemStatus(first.queue, measurementKey('A1.1'))).toBe('sending');

    // A reload: everything comes back from storage, and the same batch id is resent.
    expect(storedFormIds(storage)).toEqual([FORM]);
    const second = await flushForm(storage, FORM, offline, ids);
    expect(second.queue.inFlight?.attempts).toBe(2);
    const [a, b] = sent as { clientBatchId: string; judgeScores: unknown[]; measurements: unknown[] }[];
    expect(a?.clientBatchId).toBe(b?.clientBatchId);
    expect(a?.measurements).toEqual([
      { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
    ]);
    expect(a?.judgeScores).toEqual([
      { aspectKey: 'B1.1', judgeExpertId: 'j1', score: 2, expectedVersion: 0 },
    ]);

    const online = async (): Promise<SendOutcome> => ({
      kind: 'saved',
      result: {
        measurements: [{ aspectKey: 'A1.1', version: 1 }],
        judgeScores: [{ aspectKey: 'B1.1', judgeExpertId: 'j1', version: 1 }],
      },
    });
    const done = await flushForm(storage, FORM, online, ids);
    expect(done.versions).toEqual({ [measurementKey('A1.1')]: 1, [judgeKey('B1.1', 'j1')]: 1 });
    expect(itemStatus(done.queue, measurementKey('A1.1'))).toBe('saved');
    expect(storage.data.size).toBe(0);
  });

  it('builds a change made while a batch is out on the version that batch gets', async () => {
    const storage = memoryStorage();
    queueChange(storage, pass('A1.1', true));
    const result = await flushForm(
      storage,
      FORM,
      async () => {
        // The expert changes the same aspect while the request is out.
        queueChange(storage, pass('A1.1', false));
        return {
          kind: 'saved',
          result: { measurements: [{ aspectKey: 'A1.1', version: 1 }], judgeScores: [] },
        };
      },
      ids,
    );
    expect(result.queue.pending[measurementKey('A1.1')]).toMatchObject({
      expectedVersion: 1,
      value: { passed: false },
    });
    expect(itemStatus(result.queue, measurementKey('A1.1'))).toBe('waiting');
  });

  it('turns stale items into conflicts and requeues the rest; keep mine resends on the server version, take theirs drops mine', async () => {
    const storage = memoryStorage();
    queueChange(storage, pass('A1.1', true));
    queueChange(storage, pass('A1.2', true));
    const r = await flushForm(
      storage,
      FORM,
      async () => ({
        kind: 'conflict',
        stale: [
          {
            kind: 'measurement',
            aspectKey: 'A1.1',
            currentVersion: 3,
            current: { kind: 'PASS_FAIL', passed: false },
            enteredBy: { name: 'Ian' },
          },
        ],
      }),
      ids,
    );
    expect(itemStatus(r.queue, measurementKey('A1.1'))).toBe('conflict');
    expect(r.queue.conflicts[measurementKey('A1.1')]?.server).toEqual({
      version: 3,
      value: { kind: 'PASS_FAIL', passed: false },
      enteredBy: 'Ian',
    });
    expect(itemStatus(r.queue, measurementKey('A1.2'))).toBe('waiting');
    expect(localValue(r.queue, measurementKey('A1.1'))).toEqual({
      value: { kind: 'PASS_FAIL', passed: true },
    });

    const kept = keepMine(r.queue, measurementKey('A1.1'));
    expect(kept.pending[measurementKey('A1.1')]?.expectedVersion).toBe(3);
    expect(kept.conflicts).toEqual({});
    const taken = takeTheirs(r.queue, measurementKey('A1.1'));
    expect(itemStatus(taken, measurementKey('A1.1'))).toBe('saved');
    expect(localValue(taken, measurementKey('A1.1'))).toBeNull();
  });

  it('sets refused batches aside instead of retrying them, and backs off up to 30 s', async () => {
    const storage = memoryStorage();
    queueChange(storage, pass('A1.1', true));
    const r = await flushForm(storage, FORM, async () => ({ kind: 'rejected', code: 'form_state' }), ids);
    expect(itemStatus(r.queue, measurementKey('A1.1'))).toBe('rejected');
    expect(r.queue.rejected[measurementKey('A1.1')]?.code).toBe('form_state');
    expect((await flushForm(storage, FORM, async () => ({ kind: 'retry' }), ids)).outcome).toBeNull();
    expect([1, 2, 3, 6, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});
