import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServerProcess } from '../../test/server-process.js';
import { createLocalFileStore, type FileStore, newFileKey, sha256Hex } from './file-store.js';
import { createS3FileStore, type S3Settings, s3Url, signS3Request } from './s3-file-store.js';
import { type LocalS3, startLocalS3 } from './s3-test-server.js';

// One contract, two stores: every case runs against the local-disk store and against the S3 store
// talking to a local S3-compatible server (s3rver) over HTTP. No database is involved.

interface Fixture {
  store: FileStore;
  /** Everything the backend holds right now, including any temporary or partial object. */
  listAll(): Promise<string[]>;
  /** A store whose next upload breaks part-way (after some bytes were written or sent). */
  breakingStore(): Promise<{ store: FileStore; restore: () => Promise<void>; error: RegExp }>;
}

let s3: LocalS3;
let localRoot: string;
const fixtures: Record<'local' | 's3', () => Fixture> = {
  local: () => ({
    store: createLocalFileStore(localRoot),
    listAll: async () => {
      const entries = await fsp.readdir(localRoot, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => path.relative(localRoot, path.join(e.parentPath, e.name)));
    },
    breakingStore: async () => {
      // The temporary copy is written, then moving it into place fails (full disk, I/O error).
      const spy = vi
        .spyOn(fsp, 'rename')
        .mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
      return { store: createLocalFileStore(localRoot), restore: async () => spy.mockRestore(), error: /EIO/ };
    },
  }),
  s3: () => ({
    store: createS3FileStore(s3.settings),
    listAll: () => listBucket(s3.settings),
    breakingStore: async () => {
      // A connection that dies after the headers and the first 64 KiB of the body.
      const proxy = await cuttingProxy(new URL(s3.settings.endpoint).port, 64 * 1024);
      return {
        store: createS3FileStore({ ...s3.settings, endpoint: `http://127.0.0.1:${proxy.port}` }),
        restore: proxy.close,
        error: /fetch failed/,
      };
    },
  }),
};

beforeAll(async () => {
  s3 = await startLocalS3();
  localRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-files-contract-'));
});

afterAll(async () => {
  await s3?.close();
  fs.rmSync(localRoot, { recursive: true, force: true });
});

describe.each(['local', 's3'] as const)('file store contract: %s', (kind) => {
  let f: Fixture;
  beforeAll(() => {
    f = fixtures[kind]();
  });

  it('puts, gets and removes a file under a random key', async () => {
    const bytes = Buffer.from('%PDF-1.7 memorandum of understanding');
    const stored = await f.store.put(bytes);
    expect(stored).toEqual({
      key: expect.stringMatching(/^[a-f0-9]{2}\/[a-f0-9]{40}$/),
      sizeBytes: 36,
      sha256: sha256Hex(bytes),
    });
    expect(stored.key.slice(0, 2)).toBe(stored.key.slice(3, 5));
    expect((await f.store.get(stored.key)).equals(bytes)).toBe(true);
    const again = await f.store.put(bytes);
    expect(again.key).not.toBe(stored.key);
    await f.store.remove(stored.key);
    await expect(f.store.get(stored.key)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await f.store.get(again.key)).equals(bytes)).toBe(true);
    await f.store.remove(again.key);
  });

  it('answers ENOENT for a key that was never stored, and removing it is no error', async () => {
    const key = newFileKey();
    await expect(f.store.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(f.store.remove(key)).resolves.toBeUndefined();
  });

  it('refuses keys it did not make (no path tricks)', async () => {
    for (const key of ['../../etc/passwd', 'ab/../../x', '', `AB/${'a'.repeat(40)}`]) {
      await expect(f.store.get(key)).rejects.toThrow(/Invalid file key/);
      await expect(f.store.remove(key)).rejects.toThrow(/Invalid file key/);
    }
  });

  it('stores a large file (40 MiB) byte for byte', async () => {
    const bytes = randomBytes(40 * 1024 * 1024);
    const stored = await f.store.put(bytes);
    expect(stored.sizeBytes).toBe(bytes.length);
    const back = await f.store.get(stored.key);
    expect(sha256Hex(back)).toBe(sha256Hex(bytes));
    await f.store.remove(stored.key);
  }, 60_000);

  it('keeps concurrent puts apart', async () => {
    const before = new Set(await f.listAll());
    const contents = Array.from({ length: 24 }, (_, i) => Buffer.from(`file ${i} ${'x'.repeat(i * 1000)}`));
    const stored = await Promise.all(contents.map((c) => f.store.put(c)));
    expect(new Set(stored.map((s) => s.key)).size).toBe(contents.length);
    const back = await Promise.all(stored.map((s) => f.store.get(s.key)));
    expect(back.map((b, i) => b.equals(contents[i] as Buffer))).toEqual(contents.map(() => true));
    const added = (await f.listAll()).filter((k) => !before.has(k));
    expect(added).toHaveLength(contents.length);
    // One after another: s3rver (not S3) fails concurrent deletes in one prefix folder with a 500.
    for (const s of stored) {
      await f.store.remove(s.key);
    }
  });

  it('leaves no object behind when an upload breaks part-way', async () => {
    const before = (await f.listAll()).sort();
    const broken = await f.breakingStore();
    try {
      await expect(broken.store.put(randomBytes(1024 * 1024))).rejects.toThrow(broken.error);
    } finally {
      await broken.restore();
    }
    expect((await f.listAll()).sort()).toEqual(before);
    // The store still works afterwards.
    const ok = await f.store.put(Buffer.from('after the failure'));
    expect((await f.store.get(ok.key)).toString()).toBe('after the failure');
    await f.store.remove(ok.key);
  });
});

describe('S3 store against a misconfigured bucket', () => {
  it('reports a missing bucket and an unreachable endpoint clearly', async () => {
    const missing = createS3FileStore({ ...s3.settings, bucket: 'no-such-bucket' });
    await expect(missing.check()).rejects.toMatchObject({ code: 'NoSuchBucket', status: 404 });
    await expect(missing.put(Buffer.from('x'))).rejects.toThrow(/NoSuchBucket/);
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const nowhere = createS3FileStore({ ...s3.settings, endpoint: `http://127.0.0.1:${closed}` });
    await expect(nowhere.check()).rejects.toThrow(/fetch failed/);
  });

  it('stops the server at start-up on incomplete or unusable S3 settings', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-s3-start-'));
    try {
      const base = { DATA_DIR: dataDir, FILE_STORE: 's3', S3_REGION: 'us-east-1', S3_BUCKET: 'tvet-files' };
      // Both at once: each start loads the whole server before it fails.
      await Promise.all([
        expect(startServerProcess(base)).rejects.toThrow(
          /FILE_STORE=s3 needs .*missing: S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
        ),
        expect(startServerProcess({ ...s3.env, DATA_DIR: dataDir, S3_BUCKET: 'nope' })).rejects.toThrow(
          /FILE_STORE=s3: bucket nope at http:\/\/127\.0\.0\.1:\d+ is not usable \(S3 HEAD nope failed: 404 NoSuchBucket\)/,
        ),
      ]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** ListObjectsV2 (first 1000 keys are plenty here), signed like the store's own requests. */
async function listBucket(s: S3Settings): Promise<string[]> {
  const url = s3Url(s, '', 'list-type=2');
  const headers = signS3Request(s, { method: 'GET', url, payloadSha256: sha256Hex('') }, new Date());
  const res = await fetch(url, { headers });
  expect(res.status).toBe(200);
  return [...(await res.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1] as string);
}

/** A TCP proxy to 127.0.0.1:port that cuts both sides once `limit` bytes of the request passed. */
async function cuttingProxy(port: string, limit: number) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), '127.0.0.1');
    sockets.add(client).add(upstream);
    let sent = 0;
    client.on('data', (chunk) => {
      const room = limit - sent;
      sent += chunk.length;
      if (room > 0) {
        upstream.write(chunk.subarray(0, room));
      }
      if (sent >= limit) {
        client.destroy();
        upstream.destroy();
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    for (const s of [client, upstream]) {
      s.on('error', () => {});
      s.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) {
          s.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
