/**
 * The bench's offline-safe mark queue (issue 4: "no entered mark lost on a flaky connection").
 *
 * Every change an expert makes goes into a persistent queue per form first (localStorage in the
 * browser, any `QueueStorage` in tests), then is sent in batches with a client-generated
 * `clientBatchId` and the version last seen for each item. A batch in flight keeps its id until the
 * server answers, so a resend after a lost answer is a replay the server recognises (it answers with
 * the first result). On 409 VERSION_CONFLICT the stale items become conflicts showing the server's
 * value, for the expert to keep theirs (resend on the new version) or take the server's. Pure logic:
 * no timers, no fetch; the React hook drives it.
 */

export type ItemKind = 'measurement' | 'judge_score';

export interface QueuedChange {
  key: string;
  kind: ItemKind;
  aspectKey: string;
  judgeExpertId?: string;
  /** The observation (measurements) or the 0..3 score (judge scores); null removes it. */
  value: unknown;
  comment?: string;
  expectedVersion: number;
}

export interface ServerItem {
  version: number;
  value: unknown;
  enteredBy: string | null;
}

export interface FormQueue {
  formId: string;
  /** Changes not yet sent, by item key (the latest change of an item wins). */
  pending: Record<string, QueuedChange>;
  /** The batch sent and not yet answered; resent with the same id until it is. */
  inFlight: { clientBatchId: string; items: QueuedChange[]; attempts: number } | null;
  /** Items the server refused as stale: the expert decides. */
  conflicts: Record<string, { mine: QueuedChange; server: ServerItem }>;
  /** Items the server refused for another reason (locked form, not on the team …), with the problem code. */
  rejected: Record<string, { change: QueuedChange; code: string }>;
}

export type ItemStatus = 'saved' | 'waiting' | 'sending' | 'conflict' | 'rejected';

export interface StaleItem {
  kind: ItemKind;
  aspectKey: string;
  judgeExpertId?: string;
  currentVersion: number;
  current: unknown;
  enteredBy: { name: string } | null;
}

export interface BatchResultItems {
  measurements: { aspectKey: string; version: number }[];
  judgeScores: { aspectKey: string; judgeExpertId: string; version: number }[];
}

export function measurementKey(aspectKey: string): string {
  return `m:${aspectKey}`;
}

export function judgeKey(aspectKey: string, judgeExpertId: string): string {
  return `j:${aspectKey}:${judgeExpertId}`;
}

export function emptyQueue(formId: string): FormQueue {
  return { formId, pending: {}, inFlight: null, conflicts: {}, rejected: {} };
}

/** Queues a change. Editing an item in conflict means "keep mine" with the new value. */
export function enqueue(q: FormQueue, change: QueuedChange): FormQueue {
  const conflict = q.conflicts[change.key];
  const conflicts = { ...q.conflicts };
  const rejected = { ...q.rejected };
  delete conflicts[change.key];
  delete rejected[change.key];
  const expectedVersion = conflict ? conflict.server.version : change.expectedVersion;
  return {
    ...q,
    pending: { ...q.pending, [change.key]: { ...change, expectedVersion } },
    conflicts,
    rejected,
  };
}

/** Whether there is something to send. */
export function hasWork(q: FormQueue): boolean {
  return q.inFlight !== null || Object.keys(q.pending).length > 0;
}

/** The batch to send now: the one in flight again (same id), or every pending change under a new id. */
export function takeBatch(
  q: FormQueue,
  newBatchId: () => string,
): { queue: FormQueue; batch: FormQueue['inFlight'] } {
  if (q.inFlight) {
    const inFlight = { ...q.inFlight, attempts: q.inFlight.attempts + 1 };
    return { queue: { ...q, inFlight }, batch: inFlight };
  }
  const items = Object.values(q.pending);
  if (items.length === 0) {
    return { queue: q, batch: null };
  }
  const inFlight = { clientBatchId: newBatchId(), items, attempts: 1 };
  return { queue: { ...q, pending: {}, inFlight }, batch: inFlight };
}

/** The request body of a batch (PUT /marking/forms/:formId/marks). */
export function batchBody(batch: NonNullable<FormQueue['inFlight']>) {
  return {
    clientBatchId: batch.clientBatchId,
    measurements: batch.items
      .filter((i) => i.kind === 'measurement')
      .map((i) => ({
        aspectKey: i.aspectKey,
        observation: i.value,
        ...(i.comment === undefined ? {} : { comment: i.comment }),
        expectedVersion: i.expectedVersion,
      })),
    judgeScores: batch.items
      .filter((i) => i.kind === 'judge_score')
      .map((i) => ({
        aspectKey: i.aspectKey,
        judgeExpertId: i.judgeExpertId as string,
        score: i.value,
        expectedVersion: i.expectedVersion,
      })),
  };
}

/**
 * The server stored the batch: changes queued meanwhile for the same items now build on the new
 * versions. Returns the new version of every item written.
 */
export function onSaved(
  q: FormQueue,
  result: BatchResultItems,
): { queue: FormQueue; versions: Record<string, number> } {
  const versions: Record<string, number> = {};
  for (const m of result.measurements) {
    versions[measurementKey(m.aspectKey)] = m.version;
  }
  for (const j of result.judgeScores) {
    versions[judgeKey(j.aspectKey, j.judgeExpertId)] = j.version;
  }
  const pending: Record<string, QueuedChange> = {};
  for (const [key, change] of Object.entries(q.pending)) {
    const v = versions[key];
    pending[key] = v === undefined ? change : { ...change, expectedVersion: v };
  }
  return { queue: { ...q, pending, inFlight: null }, versions };
}

function staleKey(s: StaleItem): string {
  return s.kind === 'measurement'
    ? measurementKey(s.aspectKey)
    : judgeKey(s.aspectKey, s.judgeExpertId ?? '');
}

/**
 * 409 VERSION_CONFLICT: nothing of the batch was written. Stale items become conflicts (unless the
 * expert already changed them again, which then builds on the server's version); the rest go back to
 * the queue.
 */
export function onConflict(q: FormQueue, stale: readonly StaleItem[]): FormQueue {
  if (!q.inFlight) {
    return q;
  }
  const byKey = new Map(stale.map((s) => [staleKey(s), s]));
  const pending = { ...q.pending };
  const conflicts = { ...q.conflicts };
  for (const item of q.inFlight.items) {
    const s = byKey.get(item.key);
    const newer = pending[item.key];
    if (s) {
      if (newer) {
        pending[item.key] = { ...newer, expectedVersion: s.currentVersion };
      } else {
        conflicts[item.key] = {
          mine: item,
          server: { version: s.currentVersion, value: s.current, enteredBy: s.enteredBy?.name ?? null },
        };
      }
    } else if (!newer) {
      pending[item.key] = item;
    }
  }
  return { ...q, pending, conflicts, inFlight: null };
}

/** Any other refusal (4xx): the batch's items are set aside with the problem code, never retried blindly. */
export function onRejected(q: FormQueue, code: string): FormQueue {
  if (!q.inFlight) {
    return q;
  }
  const rejected = { ...q.rejected };
  for (const item of q.inFlight.items) {
    if (!q.pending[item.key]) {
      rejected[item.key] = { change: item, code };
    }
  }
  return { ...q, rejected, inFlight: null };
}

/** Keep mine: resend my value on the server's current version. */
export function keepMine(q: FormQueue, key: string): FormQueue {
  const c = q.conflicts[key];
  if (!c) {
    return q;
  }
  return enqueue(q, c.mine);
}

/** Take theirs: drop my change; the server's value stands. */
export function takeTheirs(q: FormQueue, key: string): FormQueue {
  const conflicts = { ...q.conflicts };
  delete conflicts[key];
  return { ...q, conflicts };
}

/** Forget a rejected change. */
export function dismissRejected(q: FormQueue, key: string): FormQueue {
  const rejected = { ...q.rejected };
  delete rejected[key];
  return { ...q, rejected };
}

export function itemStatus(q: FormQueue, key: string): ItemStatus {
  if (q.conflicts[key]) {
    return 'conflict';
  }
  if (q.rejected[key]) {
    return 'rejected';
  }
  if (q.pending[key]) {
    return 'waiting';
  }
  if (q.inFlight?.items.some((i) => i.key === key)) {
    return 'sending';
  }
  return 'saved';
}

/** Changes not yet stored on the server (queued or in flight). */
export function unsentCount(q: FormQueue): number {
  const inFlight = q.inFlight?.items.filter((i) => !q.pending[i.key]).length ?? 0;
  return Object.keys(q.pending).length + inFlight;
}

/** The value the bench shows for an item: the queued one when there is one, else the server's. */
export function localValue(q: FormQueue, key: string): { value: unknown } | null {
  const c = q.pending[key] ?? q.inFlight?.items.find((i) => i.key === key) ?? q.conflicts[key]?.mine;
  return c ? { value: c.value } : null;
}

/** Retry delay after `attempts` failed sends: 1 s, 2 s, 4 s … at most 30 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

// ── Persistence ──

/** Where queues live: localStorage in the browser. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

const PREFIX = 'tvet.markQueue.';

export function storageKey(formId: string): string {
  return `${PREFIX}${formId}`;
}

export function loadQueue(storage: QueueStorage, formId: string): FormQueue {
  const raw = storage.getItem(storageKey(formId));
  if (!raw) {
    return emptyQueue(formId);
  }
  try {
    const parsed = JSON.parse(raw) as FormQueue;
    return { ...emptyQueue(formId), ...parsed, formId };
  } catch {
    return emptyQueue(formId);
  }
}

/** Saves the queue, or removes it when there is nothing left in it. */
export function saveQueue(storage: QueueStorage, q: FormQueue): void {
  const empty =
    !q.inFlight &&
    Object.keys(q.pending).length === 0 &&
    Object.keys(q.conflicts).length === 0 &&
    Object.keys(q.rejected).length === 0;
  if (empty) {
    storage.removeItem(storageKey(q.formId));
  } else {
    storage.setItem(storageKey(q.formId), JSON.stringify(q));
  }
}

/** Forms with a stored queue (changes made before a reload, or on another competitor's form). */
export function storedFormIds(storage: QueueStorage): string[] {
  return storage
    .keys()
    .filter((k) => k.startsWith(PREFIX))
    .map((k) => k.slice(PREFIX.length));
}

export function browserStorage(): QueueStorage | null {
  if (typeof window === 'undefined' || !window.localStorage) {
    return null;
  }
  const ls = window.localStorage;
  return {
    getItem: (k) => ls.getItem(k),
    setItem: (k, v) => ls.setItem(k, v),
    removeItem: (k) => ls.removeItem(k),
    keys: () => Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter((k): k is string => k !== null),
  };
}

// ── Sending ──

export type SendOutcome =
  | { kind: 'saved'; result: BatchResultItems }
  | { kind: 'conflict'; stale: StaleItem[] }
  | { kind: 'rejected'; code: string }
  /** Offline, timeout, 5xx, 429: keep the batch in flight and try again later. */
  | { kind: 'retry' };

/**
 * Sends one batch of one form's queue and records the outcome in storage: the persistent queue is
 * written before the request (so a reload mid-request resends the same batch id) and after the answer.
 */
export async function flushForm(
  storage: QueueStorage,
  formId: string,
  send: (formId: string, body: ReturnType<typeof batchBody>) => Promise<SendOutcome>,
  newBatchId: () => string,
): Promise<{ queue: FormQueue; outcome: SendOutcome | null; versions: Record<string, number> }> {
  const taken = takeBatch(loadQueue(storage, formId), newBatchId);
  if (!taken.batch) {
    return { queue: taken.queue, outcome: null, versions: {} };
  }
  saveQueue(storage, taken.queue);
  const outcome = await send(formId, batchBody(taken.batch));
  // Re-read: the expert may have queued more while the request was out.
  const current = loadQueue(storage, formId);
  let next = current;
  let versions: Record<string, number> = {};
  if (outcome.kind === 'saved') {
    const r = onSaved(current, outcome.result);
    next = r.queue;
    versions = r.versions;
  } else if (outcome.kind === 'conflict') {
    next = onConflict(current, outcome.stale);
  } else if (outcome.kind === 'rejected') {
    next = onRejected(current, outcome.code);
  }
  saveQueue(storage, next);
  return { queue: next, outcome, versions };
}
