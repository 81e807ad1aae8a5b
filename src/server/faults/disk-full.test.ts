import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFileStore } from '../platform/files/file-store.js';
import { buildAgreement, buildPartner } from '../test/factories.js';
import type { ServerProcess } from '../test/server-process.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../test/test-app.js';
import { createFaultWorkspace, type FaultWorkspace, multipart, postRaw, RemoteClient } from './harness.js';

// The disk fills up during an upload (issue 7, "Faults"): the answer is 507 STORAGE_FULL, no
// partial or temporary file stays behind, and no row points at a file that is not there. Once
// space is freed, the same server stores uploads again.

/** A 300 KiB "scan": PDF magic and filler, enough to overflow what is left of the disk. */
const scan = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(300 * 1024, 0x41),
  Buffer.from('\n%%EOF\n'),
]);

/** Every file below `dir`, relative, temporary names included. */
function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) =>
    fs.statSync(path.join(dir, p)).isFile(),
  );
}

async function agreementOf(client: Client) {
  const partner = await client.post('/api/v1/partners', buildPartner());
  expect(partner.statusCode, partner.body).toBe(201);
  const agreement = await client.post('/api/v1/agreements', buildAgreement([partner.json().id]));
  expect(agreement.statusCode, agreement.body).toBe(201);
  return agreement.json().id as string;
}

const documentRows = (t: TestApp, agreementId: string) =>
  t.deps.db
    .selectFrom('agreementDocuments')
    .select('storageKey')
    .where('agreementId', '=', agreementId)
    .execute();

describe('a disk that fills up in the middle of writing an upload (injected ENOSPC)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 507 STORAGE_FULL and leaves neither a partial file nor a row', async () => {
    const { client } = await signedInAs(t, 'admin');
    const agreementId = await agreementOf(client);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-full-'));
    const realStore = t.deps.files;
    // The disk takes the first 4 KiB of the file, then has no room left.
    t.deps.files = createLocalFileStore(root, {
      writeFile: async (file, bytes, options) => {
        await fs.promises.writeFile(file, bytes.subarray(0, 4096), options);
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        });
      },
    });
    try {
      const up = await client.upload(
        `/api/v1/agreements/${agreementId}/documents`,
        'mou.pdf',
        scan,
        'application/pdf',
      );
      expect(up.statusCode, up.body).toBe(507);
      expect(up.json().error.code).toBe('STORAGE_FULL');
      expect(filesBelow(root)).toEqual([]);
      expect(await documentRows(t, agreementId)).toEqual([]);
    } finally {
      t.deps.files = realStore;
      fs.rmSync(root, { recursive: true, force: true });
    }
    // With room again the same app stores it.
    const again = await client.upload(
      `/api/v1/agreements/${agreementId}/documents`,
      'mou.pdf',
      scan,
      'application/pdf',
    );
    expect(again.statusCode, again.body).toBe(201);
  });
});

/** A real full disk needs a small tmpfs, which needs root and a kernel that lets this container mount. */
function tmpfsUnavailable(): string | null {
  if (process.platform !== 'linux') {
    return 'not Linux';
  }
  if (process.getuid?.() !== 0) {
    return 'not running as root (mounting a tmpfs needs it)';
  }
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mount -t tmpfs is not permitted here';
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const noTmpfs = tmpfsUnavailable();
if (noTmpfs) {
  console.warn(`disk-full.test.ts: the real ENOSPC test is skipped: ${noTmpfs}`);
}

describe.skipIf(noTmpfs !== null)(
  'a real full disk under a server process (1 MiB tmpfs for DATA_DIR/files)',
  () => {
    let w: FaultWorkspace;
    let filesDir: string;
    let mounted = false;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      w = await createFaultWorkspace();
      filesDir = path.join(w.dataDir, 'files');
      fs.mkdirSync(filesDir, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', filesDir]);
      mounted = true;
    });
    afterAll(async () => {
      await server?.kill('SIGTERM');
      if (mounted) {
        execFileSync('umount', ['-l', filesDir]);
      }
      await w?.close();
    });

    it('answers 507 STORAGE_FULL, keeps nothing of the upload, and stores again once space is freed', async () => {
      const orgId = await createOrganization(w.t.deps, 'Full Disk College');
      const { email } = await createMember(w.t.deps, orgId, 'admin');
      const client = await signIn(w.t.app, email);
      const agreementId = await agreementOf(client);
      server = await w.startServer();
      const remote = new RemoteClient(server.url, client);
      const upload = () =>
        postRaw(
          remote,
          `/api/v1/agreements/${agreementId}/documents`,
          multipart('mou.pdf', scan, 'application/pdf'),
        ).answer;

      // Fill the disk but for 64 KiB.
      const filler = path.join(filesDir, 'filler');
      const free = () => fs.statfsSync(filesDir).bavail * fs.statfsSync(filesDir).bsize;
      fs.writeFileSync(filler, Buffer.alloc(free() - 64 * 1024));
      const full = await upload();
      expect(full.status, full.body).toBe(507);
      expect(full.json().error.code).toBe('STORAGE_FULL');
      expect(filesBelow(filesDir)).toEqual(['filler']);
      expect(await documentRows(w.t, agreementId)).toEqual([]);
      expect(server.output()).not.toContain('unhandled error');

      // The operator frees space; the same process stores the upload, whole.
      fs.rmSync(filler);
      const stored = await upload();
      expect(stored.status, stored.body).toBe(201);
      const rows = await documentRows(w.t, agreementId);
      expect(rows).toHaveLength(1);
      expect(fs.readFileSync(path.join(filesDir, rows[0]?.storageKey as string)).equals(scan)).toBe(true);
    }, 60_000);
  },
);
