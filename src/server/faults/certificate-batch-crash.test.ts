import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCohort } from '../modules/certificates/test-fixtures.js';
import type { Deps } from '../platform/context.js';
import { createMember, createOrganization, signIn } from '../test/test-app.js';
import { createFaultWorkspace, type FaultWorkspace, RemoteClient, waitUntil } from './harness.js';

// kill -9 of a server process in the middle of a certificate batch (issue 7, "Faults"). The batch
// runs after its answer, in chunks, under a lease; the restarted server must take it over once
// the lease runs out, finish it without duplicates and report exactly what it issued.

const PEOPLE = 24;
const NOT_ELIGIBLE = 4;
const LEASE_SECONDS = 2;

let w: FaultWorkspace;
let orgId: string;
let email: string;

beforeAll(async () => {
  w = await createFaultWorkspace();
  orgId = await createOrganization(w.t.deps, 'Certificate Crash College');
  await w.t.deps.db.updateTable('organizations').set({ shortName: 'CCC' }).where('id', '=', orgId).execute();
  ({ email } = await createMember(w.t.deps, orgId, 'admin'));
});
afterAll(async () => {
  await w?.close();
});

/**
 * A finished cohort of PEOPLE participants; the last NOT_ELIGIBLE missed every session and get no
 * certificate. Written straight to the tables: the point is the batch, not the set-up.
 */
async function seedBatchCohort(deps: Deps) {
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    nameNative: '',
    nameLatin: `Trainee ${i}`,
    present: i < PEOPLE - NOT_ELIGIBLE ? 4 : 0,
    postScore: 80,
  }));
  const { cohortId, enrolments } = await seedCohort(deps, orgId, people);
  return { cohortId, eligible: enrolments.slice(0, PEOPLE - NOT_ELIGIBLE) };
}

const batchRow = (id: string) =>
  w.handle.db.selectFrom('certificateBatches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const certificatesOf = (cohortId: string) =>
  w.handle.db
    .selectFrom('certificates')
    .select(['id', 'enrolmentId', 'batchId', 'number', 'pdfStorageKey'])
    .where('cohortId', '=', cohortId)
    .where('status', '=', 'valid')
    .execute();

/** Every file under the files folder (relative keys), temporary names included. */
function filesOnDisk(): string[] {
  const root = path.join(w.dataDir, 'files');
  if (!fs.existsSync(root)) {
    return [];
  }
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((p) => fs.statSync(path.join(root, p)).isFile())
    .map((p) => p.split(path.sep).join('/'));
}

describe('kill -9 during a certificate batch', () => {
  it('resumes after the restart and ends with exactly one certificate per eligible participant', async () => {
    const { cohortId, eligible } = await seedBatchCohort(w.t.deps);
    const env = { CERTIFICATE_BATCH_LEASE_SECONDS: String(LEASE_SECONDS) };
    const first = await w.startServer(env);
    const remote = new RemoteClient(first.url, await signIn(w.t.app, email));

    const start = await remote.post('/api/v1/certificates/batches', { cohortId, language: 'fr' });
    expect(start.status, start.body).toBe(202);
    const batchId: string = start.json().id;
    expect(start.json()).toMatchObject({ status: 'running', total: eligible.length, done: 0 });

    // Kill once more than one chunk (ten) is in, so the crash lands inside a later chunk.
    await waitUntil(
      'the batch to issue a dozen certificates',
      async () => (await certificatesOf(cohortId)).length >= 12,
      40_000,
      10,
    );
    const crashedAt = performance.now();
    await first.kill('SIGKILL');

    const stranded = await batchRow(batchId);
    const issuedBeforeCrash = await certificatesOf(cohortId);
    expect(stranded.status).toBe('running');
    expect(issuedBeforeCrash.length).toBeLessThan(eligible.length);
    // The count is written with each certificate, so even a crash mid-chunk leaves it exact.
    expect(stranded.done).toBe(issuedBeforeCrash.length);
    // No row points at a missing PDF; at most the one being written when the process died is an
    // orphan file without a row (harmless, and never served).
    const onDisk = new Set(filesOnDisk());
    for (const c of issuedBeforeCrash) {
      expect(onDisk.has(c.pdfStorageKey), c.pdfStorageKey).toBe(true);
    }
    expect(onDisk.size - issuedBeforeCrash.length).toBeLessThanOrEqual(1);
    expect([...onDisk].filter((f) => f.includes('.tmp-'))).toHaveLength(0);

    // The restart comes before the dead server's lease runs out (as with the default lease of two
    // minutes): the restarted server must take the batch over by itself once it does.
    const leaseEnds = Date.now() + 15_000;
    await w.handle.db
      .updateTable('certificateBatches')
      .set({ lockedUntil: new Date(leaseEnds).toISOString() })
      .where('id', '=', batchId)
      .execute();
    const second = await w.startServer(env);
    expect(Date.now(), 'the server took longer to start than the lease lasted').toBeLessThan(leaseEnds);
    await waitUntil(
      'the resumed batch to finish',
      async () => (await batchRow(batchId)).status === 'done',
      50_000,
      100,
    );

    console.info(
      `batch of ${eligible.length}: killed after ${issuedBeforeCrash.length}, finished ${Math.round(performance.now() - crashedAt)} ms after the kill`,
    );
    const certs = await certificatesOf(cohortId);
    expect(certs.map((c) => c.enrolmentId).sort()).toEqual([...eligible].sort());
    expect(new Set(certs.map((c) => c.number)).size).toBe(certs.length);
    expect(certs.every((c) => c.batchId === batchId)).toBe(true);

    // It reports what it did, over the API as well.
    const seen = await new RemoteClient(second.url, remote.client).get(
      `/api/v1/certificates/batches/${batchId}`,
    );
    expect(seen.status, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'done',
      total: eligible.length,
      done: eligible.length,
      failed: 0,
      errors: [],
    });
    const audits = await w.handle.db
      .selectFrom('auditLog')
      .select(['entityType', 'action', 'at', 'beforeJson'])
      .where('organizationId', '=', orgId)
      .where('entityType', 'in', ['certificate', 'certificate_batch'])
      .execute();
    expect(audits.filter((a) => a.entityType === 'certificate' && a.action === 'create')).toHaveLength(
      eligible.length,
    );
    const takeOver = audits.filter((a) => a.entityType === 'certificate_batch' && a.action === 'update');
    expect(takeOver).toHaveLength(1);
    expect(JSON.parse(takeOver[0]?.beforeJson ?? '{}')).toMatchObject({ done: issuedBeforeCrash.length });
    expect(Date.parse(takeOver[0]?.at ?? '')).toBeGreaterThanOrEqual(leaseEnds);

    // Every certificate's PDF is there; an orphan from the crash is the only file without a row.
    const files = new Set(filesOnDisk());
    for (const c of certs) {
      expect(files.has(c.pdfStorageKey), c.pdfStorageKey).toBe(true);
    }
    expect(files.size - certs.length).toBeLessThanOrEqual(1);
    await second.kill('SIGTERM');
  }, 90_000);
});
