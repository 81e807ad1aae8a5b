import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS } from '../modules/partners/partners.transfer.js';
import { createMember, createOrganization, signIn } from '../test/test-app.js';
import {
  createFaultWorkspace,
  type FaultWorkspace,
  multipart,
  postRaw,
  RemoteClient,
  waitUntil,
  writeInProgress,
} from './harness.js';

// kill -9 of a server process while it writes a bulk import (issue 7, "Faults"). Every import
// (partners, training participants, talent) runs through platform/spreadsheets/tabular-import.ts:
// one transaction for the rows and their audit, so a crash must leave all of the file or none; the
// file's fingerprint commits with them, so sending it again never imports it twice.

let w: FaultWorkspace;
let orgId: string;
let email: string;

beforeAll(async () => {
  w = await createFaultWorkspace();
  orgId = await createOrganization(w.t.deps, 'Import Crash College');
  ({ email } = await createMember(w.t.deps, orgId, 'admin'));
});
afterAll(async () => {
  await w?.close();
});

// Thousands of rows: 2 000 of the 5 000 the import accepts (IMPORT_MAX_ROWS), to keep the file under a
// minute on PostgreSQL, where each row is a few statements.
const ROWS = Math.floor((IMPORT_MAX_ROWS * 2) / 5);

/** A large partner file, every row valid. */
function bigPartnerFile(): Buffer {
  const header =
    'name_en,name_native,name_zh,name_fr,name_ar,country,city,type,iati_org_id,schac_code,website,tags,contact_name_latin,contact_name_native,contact_position,contact_email,contact_phone,notes';
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `Crash Test Polytechnic ${i},,,,,KE,Nairobi,80,,,https://p${i}.example.ke,tvet; crash,Jane Doe ${i},,Principal,p${i}@example.ke,,row ${i}`,
  );
  return Buffer.from(`${[header, ...rows].join('\n')}\n`);
}

async function importState() {
  const db = w.handle.db;
  const partners = await db
    .selectFrom('partners')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', orgId)
    .executeTakeFirstOrThrow();
  const audits = await db
    .selectFrom('auditLog')
    .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organizationId', '=', orgId)
    .where('entityType', '=', 'partner')
    .groupBy('action')
    .execute();
  const byAction = Object.fromEntries(audits.map((a) => [a.action, Number(a.n)]));
  return { partners: Number(partners.n), creates: byAction.create ?? 0, imports: byAction.import ?? 0 };
}

/**
 * Sends the file again, as a user does who saw no answer: it is imported if it had never
 * committed, or answered 409 already_imported if it had; either way the file is in exactly once.
 */
async function resendNeverTwice(remote: RemoteClient, file: ReturnType<typeof multipart>) {
  const before = await importState();
  const res = await postRaw(remote, '/api/v1/partners/import', file).answer;
  const once = { partners: ROWS, creates: ROWS, imports: 1 };
  if (before.imports === 0) {
    expect(before).toEqual({ partners: 0, creates: 0, imports: 0 });
    expect(res.status, res.body).toBe(200);
    expect(res.json().imported).toBe(ROWS);
    expect(await importState()).toEqual(once);
    return 'imported';
  }
  expect(before).toEqual(once);
  expect(res.status, res.body).toBe(409);
  expect(res.json().error).toMatchObject({
    code: 'INVALID_STATE',
    details: { reason: 'already_imported', importedBy: email, rows: ROWS },
  });
  expect(await importState()).toEqual(once);
  return 'already_imported';
}

describe('kill -9 during a bulk import', () => {
  it('leaves none of the file; sent again after a restart it is imported once, never twice', async () => {
    const file = multipart('partners.csv', bigPartnerFile(), 'text/csv');
    const first = await w.startServer();
    const remote = new RemoteClient(first.url, await signIn(w.t.app, email));

    const { sent, answer } = postRaw(remote, '/api/v1/partners/import', file);
    let answered = false;
    void answer.then(
      () => {
        answered = true;
      },
      () => {},
    );
    await sent;
    // The server is inside the import's transaction once it holds a write lock on partners.
    await waitUntil('the import to start writing', () => writeInProgress(w, 'partners'), 30_000, 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(answered, 'the import finished before the kill; the test needs a bigger file').toBe(false);
    await first.kill('SIGKILL');
    await expect(answer).rejects.toThrow();

    // Nothing half-written: no partner of the file, no audit entry of it.
    expect(await importState()).toEqual({ partners: 0, creates: 0, imports: 0 });
    if (w.handle.dialect === 'sqlite') {
      const check = await sql<Record<string, string>>`pragma quick_check`.execute(w.handle.db);
      expect(Object.values(check.rows[0] ?? {})).toEqual(['ok']);
    }

    // A restart on the same database serves again, and the same file imports in full.
    const second = await w.startServer();
    const started = performance.now();
    const retry = await resendNeverTwice(new RemoteClient(second.url, remote.client), file);
    expect(retry).toBe('imported');
    console.info(`import of ${ROWS} rows after the restart: ${Math.round(performance.now() - started)} ms`);

    // The user cannot tell a commit whose answer was lost from one that never happened: after
    // another kill -9 (now after the commit) and a restart, sending the file once more is answered
    // 409 already_imported and creates nothing.
    await second.kill('SIGKILL');
    const third = await w.startServer();
    expect(await resendNeverTwice(new RemoteClient(third.url, remote.client), file)).toBe('already_imported');
    await third.kill('SIGTERM');
  }, 90_000);
});
