import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sendMarkBatch } from './api';
import {
  browserStorage,
  dismissRejected,
  enqueue,
  type FormQueue,
  flushForm,
  hasWork,
  keepMine,
  loadQueue,
  type QueuedChange,
  type QueueStorage,
  retryDelayMs,
  saveQueue,
  storedFormIds,
  takeTheirs,
} from './mark-queue';

/** A v4 UUID from getRandomValues (crypto.randomUUID is missing on plain-http LAN servers). */
export function newBatchId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function memoryStorage(): QueueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  };
}

export type Connection = 'online' | 'offline';

/**
 * The bench's queue for one form, persisted in localStorage and sent in the background: shortly after
 * each change, at once when the browser comes back online, and with backoff (1 s … 30 s) while the
 * server cannot be reached. Queues left from other forms or an earlier page load are sent too.
 * `onSaved(formId, formState)` lets the page refresh what the server now holds.
 */
export function useMarkQueue(
  formId: string,
  onSaved: (formId: string, formState: string | undefined) => void,
) {
  const storage = useMemo(() => browserStorage() ?? memoryStorage(), []);
  const [queue, setQueue] = useState<FormQueue>(() => loadQueue(storage, formId));
  const [connection, setConnection] = useState<Connection>('online');
  /** Versions the server gave our own saved changes (ahead of the next detail fetch). */
  const [known, setKnown] = useState<Record<string, number>>({});
  const running = useRef(false);
  const attempts = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const formRef = useRef(formId);
  formRef.current = formId;

  useEffect(() => {
    setQueue(loadQueue(storage, formId));
    setKnown({});
  }, [storage, formId]);

  const flush = useCallback(async () => {
    if (running.current) {
      return;
    }
    running.current = true;
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    let retry = false;
    try {
      const current = formRef.current;
      const ids = [current, ...storedFormIds(storage).filter((id) => id !== current)];
      for (const id of ids) {
        for (let guard = 0; guard < 10 && hasWork(loadQueue(storage, id)); guard++) {
          let formState: string | undefined;
          const r = await flushForm(
            storage,
            id,
            async (fid, body) => {
              const outcome = await sendMarkBatch(fid, body);
              formState = outcome.formState;
              return outcome;
            },
            newBatchId,
          );
          if (id === formRef.current) {
            setQueue(r.queue);
            const versions = r.versions;
            if (Object.keys(versions).length > 0) {
              setKnown((k) => ({ ...k, ...versions }));
            }
          }
          if (!r.outcome) {
            break;
          }
          if (r.outcome.kind === 'retry') {
            retry = true;
            break;
          }
          onSavedRef.current(id, formState);
        }
        if (retry) {
          break;
        }
      }
    } finally {
      running.current = false;
    }
    setConnection(retry ? 'offline' : 'online');
    if (retry) {
      attempts.current += 1;
      timer.current = setTimeout(() => void flush(), retryDelayMs(attempts.current));
    } else {
      attempts.current = 0;
      if (hasWork(loadQueue(storage, formRef.current))) {
        timer.current = setTimeout(() => void flush(), 200);
      }
    }
  }, [storage]);

  // Send what an earlier page load left behind, and again whenever the browser is back online.
  useEffect(() => {
    void flush();
    const online = () => {
      attempts.current = 0;
      void flush();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) {
        clearTimeout(timer.current);
      }
    };
  }, [flush]);

  const update = useCallback(
    (fn: (q: FormQueue) => FormQueue, send: boolean) => {
      const next = fn(loadQueue(storage, formRef.current));
      saveQueue(storage, next);
      setQueue(next);
      if (send && !running.current) {
        if (timer.current) {
          clearTimeout(timer.current);
        }
        timer.current = setTimeout(
          () => void flush(),
          attempts.current > 0 ? retryDelayMs(attempts.current) : 250,
        );
      }
    },
    [storage, flush],
  );

  return {
    queue,
    connection,
    /** The version to build a change on: ours when we saved last, else the server's. */
    versionOf: (key: string, serverVersion: number) => Math.max(known[key] ?? 0, serverVersion),
    change: (c: QueuedChange) => update((q) => enqueue(q, c), true),
    keepMine: (key: string) => update((q) => keepMine(q, key), true),
    takeTheirs: (key: string) => update((q) => takeTheirs(q, key), false),
    dismiss: (key: string) => update((q) => dismissRejected(q, key), false),
    retryNow: () => {
      attempts.current = 0;
      void flush();
    },
  };
}
