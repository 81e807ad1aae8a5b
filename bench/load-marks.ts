// Load scenario (imported by bench/loadgen.ts): experts at the bench sending mark batches through
// PUT /api/v1/marking/forms/:formId/marks, each batch one mark with the version the expert last saw.
import type { Request } from 'autocannon';

/** One mark an expert may type: a judge score, or a measurement re-sent with its observation. */
export interface MarkSlot {
  formId: string;
  cookie: string;
  csrf: string;
  kind: 'judge' | 'measurement';
  aspectKey: string;
  judgeExpertId?: string;
  observation?: unknown;
  /** The version the expert last saw (0: no mark yet). */
  version: number;
}

export interface MarksData {
  /** Unique per ladder step, so that batch ids never repeat across steps. */
  step: string;
  slots: MarkSlot[];
  /** Every n-th accepted batch is sent a second time, as by a client whose answer got lost. */
  replayEvery: number;
}

export interface MarksSummary {
  /** Distinct batch ids answered 200 (first delivery or replay): each must be stored exactly once. */
  accepted: number;
  fresh: number;
  replayed: number;
  /** 409 VERSION_CONFLICT: two requests on one mark (only when connections exceed the slots). */
  conflicts: number;
  /** A replay answered with another batch's result: must stay 0. */
  replayMismatch: number;
  /** Any other answer, by status and error code ("409 INVALID_STATE"). */
  otherStatus: Record<string, number>;
}

interface TError {
  code?: string;
  details?: { stale?: { currentVersion: number }[] };
}

interface SlotState extends MarkSlot {
  n: number;
  last: { id: string; body: string } | null;
  replayNext: boolean;
  /** Sent and not answered yet: cut off when a run ends, it is sent again (same id) first thing. */
  pending: boolean;
}

let slots: SlotState[] = [];
let free: number[] = [];
let shared = 0;
let step = '';
let replayEvery = 5;
const counts: MarksSummary = {
  accepted: 0,
  fresh: 0,
  replayed: 0,
  conflicts: 0,
  replayMismatch: 0,
  otherStatus: {},
};
const acked = new Set<string>();

/**
 * A slot is taken for one request and given back with the answer, so no two requests in flight
 * write the same mark while there are slots enough; slots are ordered across forms, so experts on
 * different aspects of one form still queue on that form's row, as at a real bench.
 */
function take(): number {
  const i = free.shift();
  if (i !== undefined) {
    return i;
  }
  shared = (shared + 1) % slots.length;
  return shared;
}

function batchOf(s: SlotState, index: number): { id: string; body: string } {
  s.n++;
  const id = `ld-${step}-${index}-${s.n}`;
  const item =
    s.kind === 'judge'
      ? {
          judgeScores: [
            {
              aspectKey: s.aspectKey,
              judgeExpertId: s.judgeExpertId,
              score: 1 + (s.n % 2),
              expectedVersion: s.version,
            },
          ],
        }
      : {
          measurements: [{ aspectKey: s.aspectKey, observation: s.observation, expectedVersion: s.version }],
        };
  return { id, body: JSON.stringify({ clientBatchId: id, ...item }) };
}

export function requests(data: unknown): Request[] {
  const d = data as MarksData;
  // State survives the warm-up and slices of one load generator process; versions come back
  // from the database between steps (see bench/load-run.ts).
  if (step !== d.step) {
    step = d.step;
    replayEvery = d.replayEvery;
    slots = d.slots.map((s) => ({ ...s, n: 0, last: null, replayNext: false, pending: false }));
  }
  // A new autocannon run. Batches cut off at the end of the last one may or may not have been
  // stored: like the web app after a lost answer, send each again with the same id, first.
  const cut = slots.flatMap((s, i) => (s.pending ? [i] : []));
  for (const i of cut) {
    const s = slots[i] as SlotState;
    s.pending = false;
    s.replayNext = true;
  }
  free = [...cut, ...slots.map((_, i) => i).filter((i) => !cut.includes(i))];
  return [
    {
      method: 'PUT',
      setupRequest: (req, context) => {
        const index = take();
        const s = slots[index] as SlotState;
        const replay = s.replayNext && s.last !== null;
        s.replayNext = false;
        const batch = replay && s.last ? s.last : batchOf(s, index);
        s.last = batch;
        s.pending = true;
        context.slot = index;
        context.batchId = batch.id;
        context.replayed = replay;
        return {
          ...req,
          path: `/api/v1/marking/forms/${s.formId}/marks`,
          headers: {
            'content-type': 'application/json',
            cookie: s.cookie,
            'x-csrf-token': s.csrf,
          },
          body: batch.body,
        };
      },
      onResponse: (status, body, context) => {
        const index = context.slot as number;
        const s = slots[index] as SlotState;
        free.push(index);
        s.pending = false;
        if (status === 200) {
          const r = JSON.parse(body) as {
            replayed: boolean;
            clientBatchId: string;
            measurements: { version: number }[];
            judgeScores: { version: number }[];
          };
          if (r.clientBatchId !== context.batchId) {
            counts.replayMismatch++;
          }
          acked.add(r.clientBatchId);
          counts.accepted = acked.size;
          // The stored result of a replay carries the versions that batch wrote.
          s.version = (r.judgeScores[0] ?? r.measurements[0])?.version ?? s.version;
          if (r.replayed) {
            counts.replayed++;
          } else {
            counts.fresh++;
            if (replayEvery > 0 && counts.fresh % replayEvery === 0) {
              // Send it again at once: this slot is the next one taken.
              s.replayNext = true;
              free.splice(free.indexOf(index), 1);
              free.unshift(index);
            }
          }
          return;
        }
        let code = '';
        try {
          const e = (JSON.parse(body) as { error?: TError }).error;
          code = e?.code ?? '';
          const stale = e?.details?.stale?.[0];
          if (code === 'VERSION_CONFLICT' && stale) {
            counts.conflicts++;
            s.version = stale.currentVersion;
            return;
          }
        } catch {
          // not JSON: counted by status alone
        }
        const key = code ? `${status} ${code}` : String(status);
        counts.otherStatus[key] = (counts.otherStatus[key] ?? 0) + 1;
      },
    },
  ];
}

export function summary(): MarksSummary {
  return counts;
}
