import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFileStore } from '../../platform/files/file-store.js';
import { newId } from '../../platform/ids.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import {
  BATCH_LEASE_MS,
  issueForSubject,
  resumeCertificateBatches,
  waitForBatch,
} from './certificates.service.js';
import { decryptPrivateKey, keyPairMatches, masterKey } from './issuer-keys.js';
import { verifyOb3Jwt } from './ob3-verifier.js';
import { seedCohort } from './test-fixtures.js';

// The test clock stands at 2026-03-15T04:00Z.
let t: TestApp;
let admin: Client;
let orgId: string;
let other: Client;
let otherOrgId: string;

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-pdf-'));
  const file = path.join(dir, 'c.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fetches the public documents through the app itself, as an outside verifier would over HTTP. */
function httpFetchJson(app: TestApp['app']) {
  return async (url: string) => {
    const u = new URL(url);
    const res = await app.inject({ method: 'GET', url: u.pathname });
    if (res.statusCode !== 200) {
      throw new Error(`${res.statusCode}`);
    }
    return res.json();
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedInAs(t, 'admin');
  admin = a.client;
  orgId = a.orgId;
  await t.deps.db
    .updateTable('organizations')
    .set({ shortName: 'PRTC', name: 'Pearl River Technical College' })
    .where('id', '=', orgId)
    .execute();
  const o = await signedInAs(t, 'admin');
  other = o.client;
  otherOrgId = o.orgId;
});
afterAll(async () => {
  await t?.close();
});

describe('certificates: issue one', () => {
  let cohort: Awaited<ReturnType<typeof seedCohort>>;
  let certId: string;
  let jwt: string;

  beforeAll(async () => {
    cohort = await seedCohort(t.deps, orgId, [
      { nameNative: '张伟', nameLatin: 'Zhang Wei', present: 4, postScore: 82 },
      { nameNative: '', nameLatin: 'Amina Njeri', present: 2, postScore: 90, languages: ['en'] },
      {
        nameNative: 'محمد عبد الله',
        nameLatin: 'Mohammed Abdullah',
        present: 3,
        postScore: 70,
        languages: ['ar'],
      },
    ]);
  });

  it('refuses an ineligible participant with the reasons', async () => {
    const res = await admin.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[1] });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { reasons: ['attendance_below_minimum'] },
    });
  });

  it('issues a bilingual certificate with the Chinese and the Latin name in the PDF', async () => {
    const res = await admin.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[0] });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    certId = c.id;
    expect(c).toMatchObject({
      number: 'PRTC-2026-000001',
      status: 'valid',
      recipientNameNative: '张伟',
      recipientNameLatin: 'Zhang Wei',
      language: 'zh-CN',
      hours: 40,
      abilities: { revoke: true },
    });
    expect(c.verifyUrl).toBe(`http://tvet.test/verify/${c.publicId}`);
    const pdf = await admin.get(`/api/v1/certificates/${certId}/download/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPdftotext()) {
      if (process.env.CI) {
        throw new Error('pdftotext is required in CI');
      }
      return;
    }
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('张伟');
    expect(text).toContain('Zhang Wei');
    expect(text).toContain('数控加工技术培训');
    expect(text).toContain('PRTC-2026-000001');
  });

  it('refuses a second certificate for the same enrolment', async () => {
    const res = await admin.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[0] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_EXISTS');
  });

  it('serves the credential as OB 3.0 JSON and as a VC-JWT that the spec verifier accepts', async () => {
    const json = (await admin.get(`/api/v1/certificates/${certId}/download/json`)).json();
    expect(json['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(json.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(json.issuer).toMatchObject({
      id: `http://tvet.test/api/v1/public/organizations/${orgId}/profile`,
      type: ['Profile'],
    });
    expect(json.credentialSubject.identifier[0].identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(JSON.stringify(json)).not.toContain('@partner.example');
    jwt = (await admin.get(`/api/v1/certificates/${certId}/download/jwt`)).body;
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(header.kid).toMatch(new RegExp(`^http://tvet.test/api/v1/public/organizations/${orgId}/keys/`));
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());
    expect(payload).toMatchObject({
      iss: json.issuer.id,
      jti: json.id,
      nbf: Date.parse(json.validFrom) / 1000,
    });
    expect(payload.vc).toBeUndefined();

    const verifier = { fetchJson: httpFetchJson(t.app), now: () => t.clock.now() };
    expect(await verifyOb3Jwt(jwt, verifier)).toMatchObject({ status: 'valid', errors: [] });

    // One byte of the payload segment changed: the signature no longer holds.
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const i = Math.floor(p.length / 2);
    const flipped = `${h}.${p.slice(0, i)}${p[i] === 'A' ? 'B' : 'A'}${p.slice(i + 1)}.${s}`;
    expect((await verifyOb3Jwt(flipped, verifier)).status).toBe('invalid');
    // A changed claim re-encoded, with the old signature: refused too.
    const forged = Buffer.from(JSON.stringify({ ...payload, name: 'Forged' })).toString('base64url');
    expect(await verifyOb3Jwt(`${h}.${forged}.${s}`, verifier)).toMatchObject({
      status: 'invalid',
      errors: ['signature_invalid'],
    });
    // alg "none" is never accepted.
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid: header.kid })).toString('base64url');
    expect((await verifyOb3Jwt(`${none}.${p}.`, verifier)).errors).toEqual(['alg_not_allowed']);

    const viaApi = await t.app.inject({ method: 'POST', url: '/api/v1/public/verify', payload: { jwt } });
    expect(viaApi.json()).toMatchObject({ status: 'valid', certificate: { number: 'PRTC-2026-000001' } });
    const tamperedViaApi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/verify',
      payload: { jwt: flipped },
    });
    expect(tamperedViaApi.json()).toMatchObject({ status: 'invalid', certificate: null });
  });

  it('publishes the issuer profile, the JWKS and the verification page without a session', async () => {
    const profile = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/organizations/${orgId}/profile`,
    });
    expect(profile.json()).toMatchObject({ type: ['Profile'], name: 'Pearl River Technical College' });
    const jwks = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/organizations/${orgId}/jwks.json`,
    });
    expect(jwks.statusCode).toBe(200);
    const keys = jwks.json().keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0].d).toBeUndefined();
    expect(Buffer.from(keys[0].n, 'base64url').length * 8).toBe(3072);

    const cert = (await admin.get(`/api/v1/certificates/${certId}`)).json();
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/certificates/${cert.publicId}/verification`,
    });
    expect(page.json()).toMatchObject({
      status: 'valid',
      certificate: { number: 'PRTC-2026-000001', recipientNameNative: '张伟', hours: 40 },
    });
    expect(page.body).not.toContain('partner.example');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/certificates/nope/verification',
    });
    expect(unknown.json()).toEqual({ status: 'unknown', errors: [], certificate: null });
  });

  it('stores the private key encrypted, bound to its organization', async () => {
    const key = await t.deps.db
      .selectFrom('issuerKeys')
      .selectAll()
      .where('organizationId', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(key.privateKeyEnc).not.toContain('PRIVATE KEY');
    expect(keyPairMatches(t.deps.config, key)).toBe(true);
    expect(() =>
      decryptPrivateKey(masterKey(t.deps.config), key.id, otherOrgId, key.privateKeyEnc),
    ).toThrow();
  });

  it('rotates the key: new certificates use the new key, old ones still verify', async () => {
    const rotated = await admin.post('/api/v1/certificates/issuer-keys/rotate');
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().data.map((k: { status: string }) => k.status)).toEqual(['active', 'retired']);
    const verifier = { fetchJson: httpFetchJson(t.app), now: () => t.clock.now() };
    expect((await verifyOb3Jwt(jwt, verifier)).status).toBe('valid');
    const res = await admin.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[2] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: 'PRTC-2026-000002', language: 'ar' });
    const jwt2 = (await admin.get(`/api/v1/certificates/${res.json().id}/download/jwt`)).body;
    expect(JSON.parse(Buffer.from(jwt2.split('.')[0] as string, 'base64url').toString()).kid).not.toBe(
      JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString()).kid,
    );
    expect((await verifyOb3Jwt(jwt2, verifier)).status).toBe('valid');
  });

  it('is invisible to another organization (404) and closed to other roles (403)', async () => {
    expect((await other.get(`/api/v1/certificates/${certId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/certificates/${certId}/download/pdf`)).statusCode).toBe(404);
    expect(
      (await other.post(`/api/v1/certificates/${certId}/revoke`, { version: 1, reason: 'not mine' }))
        .statusCode,
    ).toBe(404);
    expect((await other.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[0] })).statusCode).toBe(
      404,
    );
    expect((await other.get(`/api/v1/certificates/cohorts/${cohort.cohortId}`)).statusCode).toBe(404);
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    expect((await trainer.get(`/api/v1/certificates/${certId}`)).statusCode).toBe(200);
    expect(
      (await trainer.post(`/api/v1/certificates/${certId}/revoke`, { version: 1, reason: 'not allowed' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await trainer.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[0] })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/certificates/${certId}` })).statusCode).toBe(
      401,
    );
  });

  it('revokes with a reason: stale version 409, then the verifier and the page say revoked', async () => {
    expect(
      (await admin.post(`/api/v1/certificates/${certId}/revoke`, { version: 1, reason: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await admin.post(`/api/v1/certificates/${certId}/revoke`, { version: 7, reason: 'Issued in error' }))
        .statusCode,
    ).toBe(409);
    const res = await admin.post(`/api/v1/certificates/${certId}/revoke`, {
      version: 1,
      reason: 'Issued in error',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      revokedReason: 'Issued in error',
      abilities: { revoke: false },
    });
    const again = await admin.post(`/api/v1/certificates/${certId}/revoke`, {
      version: 2,
      reason: 'Issued in error',
    });
    expect(again.statusCode).toBe(409);

    const verifier = { fetchJson: httpFetchJson(t.app), now: () => t.clock.now() };
    expect(await verifyOb3Jwt(jwt, verifier)).toMatchObject({
      status: 'revoked',
      revocationReason: 'Issued in error',
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/certificates/${res.json().publicId}/verification`,
    });
    expect(page.json()).toMatchObject({
      status: 'revoked',
      certificate: { revokedReason: 'Issued in error' },
    });
    const viaApi = await t.app.inject({ method: 'POST', url: '/api/v1/public/verify', payload: { jwt } });
    expect(viaApi.json().status).toBe('revoked');
    // A revoked certificate frees the enrolment for a corrected one.
    const reissued = await admin.post('/api/v1/certificates', { enrolmentId: cohort.enrolments[0] });
    expect(reissued.statusCode, reissued.body).toBe(201);
    expect(reissued.json().number).toBe('PRTC-2026-000003');
  });
});

describe('certificates: explicit subject and expiry', () => {
  it('issues for an explicit subject; the verifier reports it expired after validUntil', async () => {
    const { programmeId } = await seedCohort(t.deps, orgId, []);
    const row = await issueForSubject(
      { deps: t.deps, organizationId: orgId, userId: null },
      {
        enrolmentId: null,
        cohortId: null,
        recipientNameNative: 'Élodie',
        recipientNameLatin: 'Elodie Martin',
        recipientEmail: null,
        language: 'fr',
        programmeId,
        programmeTitle: { en: 'Welding', fr: 'Soudage' },
        programmeDescription: '',
        criteriaNarrative: 'Completed.',
        cohortName: '',
        startsOn: null,
        endsOn: null,
        hours: 0,
        validUntil: '2026-06-30T23:59:59Z',
      },
    );
    const verifier = { fetchJson: httpFetchJson(t.app), now: () => t.clock.now() };
    expect((await verifyOb3Jwt(row.credentialJwt, verifier)).status).toBe('valid');
    const later = { ...verifier, now: () => new Date('2026-07-02T00:00:00Z') };
    expect((await verifyOb3Jwt(row.credentialJwt, later)).status).toBe('expired');
    t.clock.set('2026-07-02T00:00:00Z');
    try {
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/certificates/${row.publicId}/verification`,
      });
      expect(page.json().status).toBe('expired');
    } finally {
      t.clock.set('2026-03-15T04:00:00Z');
    }
  });
});

describe('certificates: bulk issue', () => {
  it('issues every eligible participant with progress, and a re-run issues no duplicates', async () => {
    const people = Array.from({ length: 23 }, (_, i) => ({
      nameNative: `学员${i}`,
      nameLatin: `Student ${i}`,
      present: i % 5 === 0 ? 1 : 4,
      postScore: 75,
    }));
    const cohort = await seedCohort(t.deps, orgId, people);
    const eligible = people.filter((p) => p.present === 4).length;
    const start = await admin.post('/api/v1/certificates/batches', { cohortId: cohort.cohortId });
    expect(start.statusCode, start.body).toBe(202);
    expect(start.json()).toMatchObject({ status: 'running', total: eligible, done: 0 });
    await waitForBatch(start.json().id);
    const after = (await admin.get(`/api/v1/certificates/batches/${start.json().id}`)).json();
    expect(after).toMatchObject({ status: 'done', total: eligible, done: eligible, failed: 0 });

    const rerun = await admin.post('/api/v1/certificates/batches', { cohortId: cohort.cohortId });
    expect(rerun.json()).toMatchObject({ status: 'done', total: 0 });
    const list = (await admin.get(`/api/v1/certificates?cohortId=${cohort.cohortId}&pageSize=100`)).json();
    expect(list.total).toBe(eligible);
    expect(new Set(list.data.map((c: { enrolmentId: string }) => c.enrolmentId)).size).toBe(eligible);

    const rows = (await admin.get(`/api/v1/certificates/cohorts/${cohort.cohortId}`)).json().data;
    expect(rows.filter((r: { certificate: unknown }) => r.certificate).length).toBe(eligible);
    expect(rows.find((r: { eligible: boolean }) => !r.eligible).reasons).toEqual([
      'attendance_below_minimum',
    ]);

    // Another organization cannot start or read a batch of this cohort.
    expect((await other.post('/api/v1/certificates/batches', { cohortId: cohort.cohortId })).statusCode).toBe(
      404,
    );
    expect((await other.get(`/api/v1/certificates/batches/${start.json().id}`)).statusCode).toBe(404);
  });

  it('rejects bad input per field', async () => {
    const res = await admin.post('/api/v1/certificates', { enrolmentId: '', validUntil: '31/12/2026' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['body.enrolmentId', 'body.validUntil']));
    expect((await admin.post('/api/v1/public/verify', { jwt: 'x' })).statusCode).toBe(400);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/verify',
      payload: { jwt: 'aaaa.bbbb.cccc' },
    });
    expect(garbage.json().status).toBe('invalid');
  });
});

describe('certificates: a disk that fills up during a batch (injected ENOSPC)', () => {
  /** Every file below `dir`, relative, temporary names included. */
  const filesBelow = (dir: string) =>
    (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) =>
      fs.statSync(path.join(dir, p)).isFile(),
    );

  it('reports STORAGE_FULL for each certificate it could not store; with room again a re-run issues the rest', async () => {
    const cohort = await seedCohort(
      t.deps,
      orgId,
      Array.from({ length: 6 }, (_, i) => ({
        nameNative: '',
        nameLatin: `Full Disk ${i}`,
        present: 4,
        postScore: 80,
      })),
    );
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-cert-full-'));
    const realStore = t.deps.files;
    // The disk holds two certificates' PDFs; after that every write gets 1 KiB in, then ENOSPC.
    let room = 2;
    t.deps.files = createLocalFileStore(root, {
      writeFile: async (file, bytes, options) => {
        if (room > 0) {
          room--;
          return fs.promises.writeFile(file, bytes, options);
        }
        await fs.promises.writeFile(file, bytes.subarray(0, 1024), options);
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        });
      },
    });
    try {
      const start = await admin.post('/api/v1/certificates/batches', { cohortId: cohort.cohortId });
      expect(start.statusCode, start.body).toBe(202);
      await waitForBatch(start.json().id);
      const full = (await admin.get(`/api/v1/certificates/batches/${start.json().id}`)).json();
      expect(full).toMatchObject({ status: 'done', total: 6, done: 2, failed: 4 });
      expect(full.errors.map((e: { code: string }) => e.code)).toEqual(Array(4).fill('STORAGE_FULL'));
      const failedIds = full.errors.map((e: { enrolmentId: string }) => e.enrolmentId);
      expect(new Set(failedIds).size).toBe(4);
      expect(cohort.enrolments).toEqual(expect.arrayContaining(failedIds));
      // Only the two whole PDFs are on the disk: no partial or temporary file of the failed ones.
      expect(filesBelow(root)).toHaveLength(2);
      expect(filesBelow(root).some((f) => f.includes('.tmp-'))).toBe(false);

      // The operator frees space; running the batch again issues exactly the four that failed.
      room = Number.POSITIVE_INFINITY;
      const retry = await admin.post('/api/v1/certificates/batches', { cohortId: cohort.cohortId });
      expect(retry.statusCode, retry.body).toBe(202);
      expect(retry.json()).toMatchObject({ status: 'running', total: 4 });
      await waitForBatch(retry.json().id);
      const after = (await admin.get(`/api/v1/certificates/batches/${retry.json().id}`)).json();
      expect(after).toMatchObject({ status: 'done', total: 4, done: 4, failed: 0, errors: [] });
      const certs = await t.deps.db
        .selectFrom('certificates')
        .select(['enrolmentId', 'batchId', 'pdfStorageKey'])
        .where('cohortId', '=', cohort.cohortId)
        .where('status', '=', 'valid')
        .execute();
      expect(certs).toHaveLength(6);
      expect(new Set(certs.map((c) => c.enrolmentId)).size).toBe(6);
      expect(
        certs
          .filter((c) => c.batchId === retry.json().id)
          .map((c) => c.enrolmentId)
          .sort(),
      ).toEqual([...failedIds].sort());
      expect(filesBelow(root).sort()).toEqual(certs.map((c) => c.pdfStorageKey).sort());
    } finally {
      t.deps.files = realStore;
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('certificates: participant portal', () => {
  it('shows the current certificate with verification and download links; revoked: status only', async () => {
    const cohort = await seedCohort(t.deps, orgId, [
      { nameNative: '王芳', nameLatin: 'Wang Fang', present: 4, postScore: 88 },
    ]);
    const enrolmentId = cohort.enrolments[0] as string;
    const link = await admin.post(`/api/v1/training/enrolments/${enrolmentId}/portal-link`);
    expect(link.statusCode, link.body).toBe(200);
    const token: string = link.json().token;
    const portal = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().certificate;
    };
    expect(await portal()).toBeNull();

    const issued = (await admin.post('/api/v1/certificates', { enrolmentId })).json();
    const base = `http://tvet.test/api/v1/public/portal/${token}/certificate`;
    expect(await portal()).toEqual({
      status: 'valid',
      number: issued.number,
      issuedAt: issued.issuedAt,
      verifyUrl: `http://tvet.test/verify/${issued.publicId}`,
      url: `${base}/pdf`,
      downloads: { pdf: `${base}/pdf`, json: `${base}/json`, jwt: `${base}/jwt` },
    });
    const pdf = await t.app.inject({ method: 'GET', url: new URL(`${base}/pdf`).pathname });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const json = await t.app.inject({ method: 'GET', url: new URL(`${base}/json`).pathname });
    expect(json.json().type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);

    await admin.post(`/api/v1/certificates/${issued.id}/revoke`, { version: 1, reason: 'Wrong spelling' });
    expect(await portal()).toMatchObject({
      status: 'revoked',
      number: issued.number,
      url: null,
      downloads: null,
    });
    expect((await t.app.inject({ method: 'GET', url: new URL(`${base}/pdf`).pathname })).statusCode).toBe(
      404,
    );

    // A corrected certificate becomes the current one again.
    const reissued = (await admin.post('/api/v1/certificates', { enrolmentId })).json();
    expect(await portal()).toMatchObject({ status: 'valid', number: reissued.number, url: `${base}/pdf` });
  });
});

describe('certificates: batches left running', () => {
  /** A batch row as a server that stopped mid-way leaves it, holding a lease until `lockedUntil`. */
  async function strandedBatch(cohortId: string, lockedUntil: string, done = 0) {
    const now = t.clock.now().toISOString();
    const id = newId();
    await t.deps.db
      .insertInto('certificateBatches')
      .values({
        id,
        organizationId: orgId,
        cohortId,
        status: 'running',
        total: 5,
        done,
        failed: 0,
        errorsJson: JSON.stringify({ options: { language: null, validUntil: null }, errors: [] }),
        createdBy: null,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
        lockedBy: 'other-host:4242:dead',
        lockedUntil,
      })
      .execute();
    return id;
  }
  const people = (prefix: string) =>
    Array.from({ length: 5 }, (_, i) => ({
      nameNative: '',
      nameLatin: `${prefix} ${i}`,
      present: 4,
      postScore: 80,
    }));
  const certsOf = (cohortId: string) =>
    t.deps.db
      .selectFrom('certificates')
      .select(['enrolmentId', 'batchId'])
      .where('cohortId', '=', cohortId)
      .where('status', '=', 'valid')
      .execute();

  it('resumes a batch whose lease ran out and completes it without duplicates', async () => {
    const cohort = await seedCohort(t.deps, orgId, people('Resumed'));
    const expired = new Date(t.clock.now().getTime() - 1000).toISOString();
    const id = await strandedBatch(cohort.cohortId, expired, 2);
    // The stopped server had issued two certificates of the batch before it went away.
    for (const enrolmentId of cohort.enrolments.slice(0, 2)) {
      const res = await admin.post('/api/v1/certificates', { enrolmentId });
      expect(res.statusCode, res.body).toBe(201);
    }
    const { resumed } = await resumeCertificateBatches(t.deps);
    expect(resumed).toContain(id);
    // While it runs, this process holds the lease: a second call does not start it again.
    expect((await resumeCertificateBatches(t.deps)).resumed).not.toContain(id);
    await waitForBatch(id);
    const row = await t.deps.db
      .selectFrom('certificateBatches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', done: 5, failed: 0, lockedBy: null, lockedUntil: null });
    const certs = await certsOf(cohort.cohortId);
    expect(certs).toHaveLength(5);
    expect(new Set(certs.map((c) => c.enrolmentId)).size).toBe(5);
    expect(certs.filter((c) => c.batchId === id)).toHaveLength(3);
    expect((await resumeCertificateBatches(t.deps)).resumed).not.toContain(id);
  });

  it('leaves alone a batch whose lease another server still holds', async () => {
    const cohort = await seedCohort(t.deps, orgId, people('Held'));
    const fresh = new Date(t.clock.now().getTime() + BATCH_LEASE_MS).toISOString();
    const id = await strandedBatch(cohort.cohortId, fresh);
    expect((await resumeCertificateBatches(t.deps)).resumed).not.toContain(id);
    // Looking at it does not take it over either.
    const seen = await admin.get(`/api/v1/certificates/batches/${id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    await waitForBatch(id);
    const row = await t.deps.db
      .selectFrom('certificateBatches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'running',
      done: 0,
      lockedBy: 'other-host:4242:dead',
      lockedUntil: fresh,
    });
    expect(await certsOf(cohort.cohortId)).toHaveLength(0);
  });
});
