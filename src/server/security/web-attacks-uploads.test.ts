/**
 * Hostile files and bodies (issue 7, "Attacks"): oversized uploads, a file whose name lies about its
 * content, truncated and corrupt workbooks and zip bombs sent to every import endpoint, and malformed,
 * deeply nested, huge or mislabelled JSON. Every answer is a 4xx with a code; never a 500, and a
 * refused upload leaves no file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_DOCUMENT_MAX_BYTES } from '../../contracts/agreements.js';
import { ATTACHMENT_MAX_BYTES } from '../../contracts/attachments.js';
import { IATI_IMPORT_MAX_BYTES } from '../../contracts/iati.js';
import { RESOURCE_FILE_MAX_BYTES } from '../../contracts/library.js';
import { EVIDENCE_MAX_BYTES as DISPUTE_EVIDENCE_MAX_BYTES } from '../../contracts/marking.js';
import { EVIDENCE_MAX_BYTES } from '../../contracts/results-frameworks.js';
import { Permission, type Role, roleHas } from '../../contracts/roles.js';
import { IMPORT_MAX_BYTES as BASE_IMPORT_MAX_BYTES } from '../modules/bases/bases.transfer.js';
import { SCHEME_IMPORT_MAX_BYTES } from '../modules/marking-schemes/marking-schemes.transfer.js';
import { insertCompetition, insertSkill } from '../modules/marking-schemes/test-fixtures.js';
import { IMPORT_MAX_BYTES as PARTNER_IMPORT_MAX_BYTES } from '../modules/partners/partners.transfer.js';
import { SKILL_IMPORT_MAX_BYTES } from '../modules/talent/skills.transfer.js';
import { TALENT_IMPORT_MAX_BYTES } from '../modules/talent/talent.transfer.js';
import { IMPORT_MAX_BYTES as TRAINING_IMPORT_MAX_BYTES } from '../modules/training/training.transfer.js';
import { newId } from '../platform/ids.js';
import { writeTabularFile } from '../platform/spreadsheets/tabular-files.js';
import { xlsxBomb } from '../platform/spreadsheets/zip-bomb.test-support.js';
import { buildAgreement, buildPartner } from '../test/factories.js';
import { Client, createTestApp, signedInAs, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: Client;
/** Every endpoint that reads an uploaded spreadsheet, XML or CSV file (preview and commit). */
let imports: string[] = [];
/**
 * Every upload route with its size limit and the permissions its service requires first: every
 * import above, the college-skills import and the document and evidence uploads.
 */
let guarded: { url: string; maxBytes: number; needs: Permission[] }[] = [];
let orgId = '';
let agreementId = '';
let projectId = '';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  Buffer.from('IHDR\u0000\u0000\u0000\u0001', 'latin1'),
]);

function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'admin');
  admin = s.client;
  orgId = s.orgId;
  const base = (
    await admin.post('/api/v1/bases', {
      kind: 'worldskills',
      names: { en: 'Base' },
      skillNumber: '04',
      skillName: 'Mechatronics',
      location: 'at_home',
      siteAddress: '',
      country: 'CN',
      partnerId: null,
      workstations: 2,
      establishedOn: '2024-09-01',
      status: 'active',
      facilities: '',
      notes: '',
    })
  ).json();
  projectId = (
    await admin.post('/api/v1/projects', {
      code: `UP-${newId().slice(-5)}`,
      type: 'teacher_training',
      title: { en: 'Uploads' },
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
    })
  ).json().id;
  const programme = (
    await admin.post('/api/v1/training/programmes', {
      projectId,
      title: { en: 'P' },
      description: '',
      modules: [{ kind: 'teacher_workshop', title: { en: 'M' }, hours: 2 }],
      learningOutcomes: [],
      languages: ['en'],
      interpretationNeeds: '',
      completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: false },
    })
  ).json();
  const cohort = (
    await admin.post(`/api/v1/training/programmes/${programme.id}/cohorts`, {
      name: 'C',
      startsOn: '2026-03-02',
      endsOn: '2026-03-13',
      capacity: 20,
    })
  ).json();
  const glossary = (
    await admin.post('/api/v1/glossaries', { name: { en: 'G' }, subject: 'G', languages: ['en', 'fr'] })
  ).json();
  const competitionId = await insertCompetition(t.deps, s.orgId);
  const skillId = await insertSkill(t.deps, s.orgId, competitionId);
  const partner = (await admin.post('/api/v1/partners', buildPartner())).json();
  agreementId = (await admin.post('/api/v1/agreements', buildAgreement([partner.id]))).json().id;
  const il = '?name=IL&skillNumber=04&skillName=Mechatronics';
  imports = [
    '/api/v1/partners/import/preview',
    '/api/v1/partners/import',
    '/api/v1/talent/import/preview',
    '/api/v1/talent/import',
    `/api/v1/infrastructure-lists/import/preview${il}`,
    `/api/v1/infrastructure-lists/import${il}`,
    `/api/v1/bases/${base.id}/equipment/import/preview`,
    `/api/v1/bases/${base.id}/equipment/import`,
    `/api/v1/training/cohorts/${cohort.id}/enrolments/import/preview`,
    `/api/v1/training/cohorts/${cohort.id}/enrolments/import`,
    `/api/v1/glossaries/${glossary.id}/import?format=csv`,
    `/api/v1/glossaries/${glossary.id}/import?format=tbx`,
    '/api/v1/iati/import/preview',
    '/api/v1/iati/import',
    `/api/v1/competitions/skills/${skillId}/schemes/import/preview`,
    `/api/v1/competitions/skills/${skillId}/schemes/import`,
  ];
  const need = (needs: Permission[], maxBytes: number, ...urls: string[]) =>
    urls.map((url) => ({ url, maxBytes, needs }));
  // What each import's service requires and its route's limit (the glossary's is the route's own).
  const importGuards: [RegExp, Permission[], number][] = [
    [/\/partners\/import/, [Permission.PartnerImport], PARTNER_IMPORT_MAX_BYTES],
    [/\/talent\/import/, [Permission.TalentManage], TALENT_IMPORT_MAX_BYTES],
    [/\/infrastructure-lists\/import|\/equipment\/import/, [Permission.BaseWrite], BASE_IMPORT_MAX_BYTES],
    [/\/enrolments\/import/, [Permission.TrainingImport], TRAINING_IMPORT_MAX_BYTES],
    [/\/glossaries\/[^/]+\/import/, [Permission.GlossaryWrite], 10 * 1024 * 1024],
    [/\/iati\/import/, [Permission.IatiImport, Permission.ProjectWrite], IATI_IMPORT_MAX_BYTES],
    [/\/schemes\/import/, [Permission.MarkingSchemeManage], SCHEME_IMPORT_MAX_BYTES],
  ];
  guarded = [
    ...imports.map((url) => {
      const found = importGuards.find(([pattern]) => pattern.test(url));
      if (!found) {
        throw new Error(`no permission listed for ${url}`);
      }
      return { url, needs: found[1], maxBytes: found[2] };
    }),
    ...need(
      [Permission.TalentManage],
      SKILL_IMPORT_MAX_BYTES,
      '/api/v1/talent/college-skills/import/preview',
      '/api/v1/talent/college-skills/import',
    ),
    ...need(
      [Permission.AgreementWrite],
      AGREEMENT_DOCUMENT_MAX_BYTES,
      `/api/v1/agreements/${agreementId}/documents`,
    ),
    ...need([Permission.ProjectWrite], ATTACHMENT_MAX_BYTES, `/api/v1/projects/${projectId}/documents`),
    ...need(
      [Permission.TrainingWrite],
      ATTACHMENT_MAX_BYTES,
      `/api/v1/training/programmes/${programme.id}/materials`,
    ),
    ...need(
      [Permission.ResultsFrameworkWrite],
      EVIDENCE_MAX_BYTES,
      `/api/v1/projects/${projectId}/results/periods/${newId()}/evidence`,
    ),
    ...need(
      [Permission.ResourceWrite],
      RESOURCE_FILE_MAX_BYTES,
      `/api/v1/resources/${newId()}/versions/${newId()}/files?language=en`,
    ),
    ...need(
      [Permission.DisputeRaise],
      DISPUTE_EVIDENCE_MAX_BYTES,
      `/api/v1/marking/disputes/${newId()}/evidence`,
    ),
  ];
  for (const url of imports) {
    // Every listed endpoint exists and answers its own "no file" error, so a typo cannot pass.
    const res = await admin.post(url, {});
    expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
  }
});
afterAll(async () => {
  await t.close();
});

/** A clear refusal: a 4xx with an error code, never a 500. */
function expectRefusal(res: { statusCode: number; body: string }, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(JSON.parse(res.body).error.code, what).toMatch(/^[A-Z_]+$/);
}

describe('hostile files on every import endpoint', () => {
  it('an anonymous upload is refused with 401 before the file is read, on every import endpoint', async () => {
    const anonymous = new Client(t.app, {}, '', '');
    // Larger than every import limit: were the file read first, the answer would be 413.
    const big = Buffer.alloc(11 * 1024 * 1024, 0x41);
    for (const url of imports) {
      const res = await anonymous.upload(url, 'big.xlsx', big);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a signed-in user without the permission gets 403 before a file over the limit is read', async () => {
    const clients = new Map<Role, Client>();
    // Over the largest limit; each route gets one byte more than its own (were the file read
    // before the permission check, the answer would be 413).
    const big = Buffer.alloc(Math.max(...guarded.map((g) => g.maxBytes)) + 1, 0x41);
    for (const { url, maxBytes, needs } of guarded) {
      // A role that really lacks what the service requires (trainer lacks most, expert the rest).
      const role = (['trainer', 'expert', 'participant'] as const).find(
        (r) => !needs.every((p) => roleHas(r, p)),
      );
      if (!role) {
        throw new Error(`every role holds ${needs.join(', ')}`);
      }
      let client = clients.get(role);
      if (!client) {
        client = (await signedInAs(t, role, orgId)).client;
        clients.set(role, client);
      }
      const res = await client.upload(url, 'big.pdf', big.subarray(0, maxBytes + 1), 'application/pdf');
      expect(res.statusCode, `${role} -> ${url}: ${res.body.slice(0, 200)}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect(res.json().error.message).toMatch(/^Missing permission /);
    }
  });

  it('a truncated workbook, a corrupt one and a zip bomb: refused with a code, never a 500', async () => {
    const good = await writeTabularFile('xlsx', ['name_en', 'country'], [['A', 'KE']], 'S');
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const corrupt = Buffer.concat([good.subarray(0, 4), Buffer.alloc(3000, 0x5a)]);
    const bomb = await xlsxBomb(150, [['name_en', 'country']]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const url of imports) {
      for (const [label, bytes] of [
        ['truncated', truncated],
        ['corrupt', corrupt],
      ] as const) {
        expectRefusal(await admin.upload(url, `${label}.xlsx`, bytes), `${label} -> ${url}`);
      }
      const res = await admin.upload(url, 'bomb.xlsx', bomb);
      expectRefusal(res, `bomb -> ${url}`);
      if (!/iati|format=tbx/.test(url) && !/glossaries/.test(url)) {
        // The spreadsheet readers say what it is: too large once inflated.
        expect(res.statusCode, `bomb -> ${url}`).toBe(413);
        expect(res.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'too_large' } });
      }
    }
  });

  it('a picture renamed .csv/.xlsx/.xml is read by its content and refused', async () => {
    for (const url of imports) {
      for (const name of ['list.csv', 'list.xlsx', 'activities.xml']) {
        expectRefusal(await admin.upload(url, name, PNG, 'text/csv'), `png as ${name} -> ${url}`);
      }
    }
  });

  it('an oversized upload: 413 FILE_REJECTED too_large, nothing stored', async () => {
    const before = filesIn(t.deps.config.filesDir);
    const over10mb = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    for (const url of imports) {
      const res = await admin.upload(url, 'big.csv', over10mb);
      expect(res.statusCode, url).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'too_large' } });
    }
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const doc = await admin.upload(
      `/api/v1/agreements/${agreementId}/documents`,
      'big.pdf',
      pdf,
      'application/pdf',
    );
    expect(doc.statusCode).toBe(413);
    expect(doc.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'too_large' } });
    const att = await admin.upload(
      `/api/v1/projects/${projectId}/documents`,
      'big.pdf',
      Buffer.concat([pdf, Buffer.alloc(30 * 1024 * 1024)]),
      'application/pdf',
    );
    expect(att.statusCode).toBe(413);
    expect(filesIn(t.deps.config.filesDir)).toEqual(before);
  });

  it('a document whose name lies about its content is refused, nothing stored', async () => {
    const before = filesIn(t.deps.config.filesDir);
    const exe = Buffer.concat([Buffer.from('MZ\u0090\u0000', 'latin1'), Buffer.alloc(500)]);
    for (const [name, bytes] of [
      ['contract.pdf', exe],
      ['contract.docx', PNG],
      ['contract.xlsx', Buffer.from('PK\u0003\u0004 no content types', 'latin1')],
    ] as const) {
      expectRefusal(await admin.upload(`/api/v1/agreements/${agreementId}/documents`, name, bytes), name);
      expectRefusal(await admin.upload(`/api/v1/projects/${projectId}/documents`, name, bytes), name);
    }
    expect(filesIn(t.deps.config.filesDir)).toEqual(before);
  });
});

describe('hostile JSON bodies', () => {
  const send = (payload: string | Buffer, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrfToken, 'content-type': contentType },
      payload,
    });

  it('malformed JSON: 400 INVALID_INPUT', async () => {
    for (const body of ['{', '{"names": {"en": "x"}', "{'single': 1}", '{"a":1,}', '\u0000', 'null']) {
      const res = await send(body);
      expect(res.statusCode, body).toBe(400);
      expect(res.json().error.code, body).toBe('INVALID_INPUT');
    }
  });

  it('deeply nested JSON: a 4xx, never a crash', async () => {
    for (const depth of [1_000, 100_000, 500_000]) {
      const nested = `{"names":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const res = await send(nested);
      expectRefusal(res, `depth ${depth}`);
    }
    const deepObject = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    expectRefusal(await send(deepObject), 'deep object');
    // The server is still fine.
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('a huge JSON body: 413 before it is parsed', async () => {
    const huge = JSON.stringify({ names: { en: 'x' }, notes: 'a'.repeat(3 * 1024 * 1024) });
    const res = await send(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_REJECTED');
  });

  it('a wrong content type: refused with a code (text/plain is read as a string, not an object)', async () => {
    const body = JSON.stringify(buildPartner());
    const plain = await send(body, 'text/plain');
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.code).toBe('INVALID_INPUT');
    for (const type of ['application/x-www-form-urlencoded', 'application/xml', 'image/png']) {
      const res = await send(body, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code, type).toBe('INVALID_INPUT');
    }
  });

  it('a multipart body where JSON is expected, and JSON where a file is expected', async () => {
    const multipart = await admin.upload('/api/v1/partners', 'x.json', Buffer.from('{}'));
    expectRefusal(multipart, 'multipart to a JSON route');
    const json = await admin.post('/api/v1/partners/import/preview', buildPartner());
    expectRefusal(json, 'JSON to an upload route');
    expect(json.json().error.details.reason).toBe('not_multipart');
  });
});

describe('paths and names', () => {
  it('a file name with path parts, control characters or markup is stored harmlessly', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const res = await admin.upload(
      `/api/v1/agreements/${agreementId}/documents`,
      '../../etc/<img src=x onerror=alert(1)>\u0007.pdf',
      pdf,
      'application/pdf',
    );
    expect(res.statusCode, res.body).toBe(201);
    const stored = filesIn(t.deps.config.filesDir);
    expect(stored.every((f) => !f.includes('..') && !f.includes('<'))).toBe(true);
    expect(path.isAbsolute(t.deps.config.filesDir)).toBe(true);
  });
});
