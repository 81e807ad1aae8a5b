import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let coordinator: Client;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
});
afterAll(async () => {
  await t.close();
});

const samples = path.resolve(import.meta.dirname, '../../../../samples');

async function create(client: Client, body = buildPartner()) {
  const res = await client.post('/api/v1/partners', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('partners: create, read, update, archive', () => {
  it('creates a partner with names, identifiers, contacts and tags, and audits it', async () => {
    const body = buildPartner({
      names: { en: 'Kenya Technical Trainers College', 'zh-CN': '肯尼亚技术教师学院', ar: 'كلية كينيا' },
      identifiers: [{ scheme: 'iati', value: 'KE-NCC-12345' }],
      tags: ['Teacher Training', 'east africa'],
      contacts: [
        {
          nameLatin: 'Amina Hassan',
          nameNative: 'أمينة حسن',
          position: 'Director',
          email: 'amina@kttc.example',
          phone: '+254 20 000',
          languages: [{ language: 'sw', level: 'native' }],
        },
      ],
    });
    const p = await create(coordinator, body);
    expect(p).toMatchObject({
      names: body.names,
      country: 'KE',
      version: 1,
      archived: false,
      abilities: { update: true },
    });
    expect(p.contacts[0]).toMatchObject({ nameNative: 'أمينة حسن', email: 'amina@kttc.example' });
    const got = await coordinator.get(`/api/v1/partners/${p.id}`);
    expect(got.json().identifiers).toEqual([{ scheme: 'iati', value: 'KE-NCC-12345' }]);
    const audit = await coordinator.get(`/api/v1/audit?entityType=partner&entityId=${p.id}`);
    expect(audit.statusCode).toBe(403); // coordinators do not read the audit log; admins do
    const admin = (await signedInAs(t, 'admin', orgId)).client;
    const entries = (await admin.get(`/api/v1/audit?entityType=partner&entityId=${p.id}`)).json().data;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', after: { names: body.names } });
  });

  it('answers validation errors field by field', async () => {
    const res = await coordinator.post('/api/v1/partners', {
      ...buildPartner(),
      names: { fr: 'Sans anglais' },
      country: 'Kenya',
      website: 'not a url',
    });
    expect(res.statusCode).toBe(400);
    const { code, details } = res.json().error;
    expect(code).toBe('INVALID_INPUT');
    const byPath = Object.fromEntries(
      details.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]),
    );
    expect(byPath['body.names']).toBe('english_name_required');
    expect(byPath['body.country']).toBe('country_code');
    expect(byPath['body.website']).toBe('url_format');
  });

  it('refuses an identifier another partner of the organization holds', async () => {
    await create(coordinator, buildPartner({ identifiers: [{ scheme: 'schac', value: 'kttc.ac.ke' }] }));
    const dup = await coordinator.post(
      '/api/v1/partners',
      buildPartner({ identifiers: [{ scheme: 'schac', value: 'KTTC.ac.ke' }] }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { issues: [{ path: ['identifiers', '0', 'value'] }] },
    });
  });

  it('updates with the current version and answers 409 to a stale one', async () => {
    const p = await create(coordinator);
    const first = await coordinator.put(`/api/v1/partners/${p.id}`, {
      version: 1,
      data: buildPartner({ city: 'Mombasa' }),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ city: 'Mombasa', version: 2 });
    const stale = await coordinator.put(`/api/v1/partners/${p.id}`, {
      version: 1,
      data: buildPartner({ city: 'Kisumu' }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await coordinator.get(`/api/v1/partners/${p.id}`)).json().city).toBe('Mombasa');
  });

  it('links partners to an alliance and shows members on the alliance', async () => {
    const alliance = await create(
      coordinator,
      buildPartner({ names: { en: 'East African Alliance' }, type: '40' }),
    );
    const member = await create(coordinator, buildPartner({ networkIds: [alliance.id] }));
    expect(member.networks).toEqual([{ id: alliance.id, names: { en: 'East African Alliance' } }]);
    const a = (await coordinator.get(`/api/v1/partners/${alliance.id}`)).json();
    expect(a.members.map((m: { id: string }) => m.id)).toEqual([member.id]);
    const self = await coordinator.put(`/api/v1/partners/${alliance.id}`, {
      version: 1,
      data: buildPartner({ networkIds: [alliance.id] }),
    });
    expect(self.statusCode).toBe(400);
  });

  it('archives instead of deleting, and restores', async () => {
    const p = await create(coordinator, buildPartner({ names: { en: 'Archive Me Polytechnic' } }));
    const archived = await coordinator.post(`/api/v1/partners/${p.id}/archive`, {
      version: 1,
      archived: true,
    });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    const list = (await coordinator.get('/api/v1/partners?q=archive%20me')).json();
    expect(list.total).toBe(0);
    const withArchived = (await coordinator.get('/api/v1/partners?q=archive%20me&archived=all')).json();
    expect(withArchived.total).toBe(1);
    const restored = await coordinator.post(`/api/v1/partners/${p.id}/archive`, {
      version: 2,
      archived: false,
    });
    expect(restored.json().archived).toBe(false);
  });
});

describe('partners: tenancy and roles', () => {
  it('answers 404 for a partner of another organization, on read, update and archive', async () => {
    const p = await create(coordinator);
    const other = (await signedInAs(t, 'admin')).client;
    expect((await other.get(`/api/v1/partners/${p.id}`)).statusCode).toBe(404);
    expect(
      (await other.put(`/api/v1/partners/${p.id}`, { version: 1, data: buildPartner() })).statusCode,
    ).toBe(404);
    expect(
      (await other.post(`/api/v1/partners/${p.id}/archive`, { version: 1, archived: true })).statusCode,
    ).toBe(404);
    expect((await other.get('/api/v1/partners')).json().data.map((x: { id: string }) => x.id)).not.toContain(
      p.id,
    );
    expect((await other.get(`/api/v1/partners/${p.id}`)).json().error.code).toBe('NOT_FOUND');
  });

  it('refuses links to partners of another organization', async () => {
    const foreign = await create((await signedInAs(t, 'coordinator')).client);
    const res = await coordinator.post('/api/v1/partners', buildPartner({ networkIds: [foreign.id] }));
    expect(res.statusCode).toBe(400);
  });

  it('lets read-only roles read but not write, and hides contact details from them', async () => {
    const p = await create(
      coordinator,
      buildPartner({
        contacts: [
          {
            nameLatin: 'Jo',
            nameNative: '',
            position: '',
            email: 'jo@x.example',
            phone: '+1 2',
            languages: [],
          },
        ],
      }),
    );
    const observer = (await signedInAs(t, 'observer', orgId)).client;
    const seen = (await observer.get(`/api/v1/partners/${p.id}`)).json();
    expect(seen.abilities.update).toBe(false);
    expect(seen.contacts[0]).toMatchObject({ nameLatin: 'Jo', email: '', phone: '' });
    const write = await observer.post('/api/v1/partners', buildPartner());
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    const participant = (await signedInAs(t, 'participant', orgId)).client;
    expect((await participant.get('/api/v1/partners')).statusCode).toBe(403);
  });
});

describe('partners: list, filters, map counts', () => {
  let mine: Client;
  beforeAll(async () => {
    const s = await signedInAs(t, 'coordinator');
    mine = s.client;
    const bodies = [
      buildPartner({ names: { en: 'Alpha Institute' }, country: 'BD', type: '80', tags: ['mechatronics'] }),
      buildPartner({ names: { en: 'Beta Board' }, country: 'BD', type: '10' }),
      buildPartner({
        names: { en: 'Gamma College' },
        country: 'PK',
        type: '80',
        tags: ['Mechatronics', 'welding'],
      }),
      buildPartner({ names: { en: 'Delta TVET' }, nativeName: 'دلتا', country: 'ZA', type: '80' }),
    ];
    const created = [];
    for (const b of bodies) {
      created.push(await create(mine, b));
    }
    const gamma = created[2];
    const signed = await mine.post(
      '/api/v1/agreements',
      buildAgreement([gamma.id], { startsOn: '2025-01-01', endsOn: '2027-12-31' }),
    );
    expect(signed.statusCode, signed.body).toBe(201);
  });

  it('filters by country, type, tag (case-insensitive), search in any name, and active agreement', async () => {
    const names = async (qs: string) =>
      (await mine.get(`/api/v1/partners?${qs}`))
        .json()
        .data.map((p: { names: { en: string } }) => p.names.en);
    expect(await names('country=BD')).toEqual(['Alpha Institute', 'Beta Board']);
    expect(await names('type=10')).toEqual(['Beta Board']);
    expect(await names('tag=MECHATRONICS')).toEqual(['Alpha Institute', 'Gamma College']);
    expect(await names('q=دلتا')).toEqual(['Delta TVET']);
    expect(await names('q=gAmMa')).toEqual(['Gamma College']);
    expect(await names('hasActiveAgreement=true')).toEqual(['Gamma College']);
    expect(await names('hasActiveAgreement=false')).toEqual(['Alpha Institute', 'Beta Board', 'Delta TVET']);
  });

  it('sorts and paginates on the server', async () => {
    const page1 = (await mine.get('/api/v1/partners?sort=-name&pageSize=3&page=1')).json();
    const page2 = (await mine.get('/api/v1/partners?sort=-name&pageSize=3&page=2')).json();
    expect(page1.total).toBe(4);
    expect(page1.data.map((p: { names: { en: string } }) => p.names.en)).toEqual([
      'Gamma College',
      'Delta TVET',
      'Beta Board',
    ]);
    expect(page2.data.map((p: { names: { en: string } }) => p.names.en)).toEqual(['Alpha Institute']);
    const gamma = page1.data[0];
    expect(gamma.activeAgreements).toBe(1);
    expect((await mine.get('/api/v1/partners?pageSize=500')).statusCode).toBe(400);
    expect((await mine.get('/api/v1/partners?sort=password')).statusCode).toBe(400);
  });

  it('counts partners per country for the map, with the other filters applied', async () => {
    const all = (await mine.get('/api/v1/partners/countries')).json().data;
    expect(all).toEqual([
      { country: 'BD', count: 2 },
      { country: 'PK', count: 1 },
      { country: 'ZA', count: 1 },
    ]);
    const academic = (await mine.get('/api/v1/partners/countries?type=80&country=BD')).json().data;
    expect(academic).toEqual([
      { country: 'BD', count: 1 },
      { country: 'PK', count: 1 },
      { country: 'ZA', count: 1 },
    ]);
  });

  it('exports the filtered list as CSV (formula-safe) and XLSX', async () => {
    await create(
      mine,
      buildPartner({ names: { en: '=HYPERLINK("http://evil","x")' }, country: 'BD', notes: '+cmd' }),
    );
    const csv = await mine.get('/api/v1/partners/export?format=csv&country=BD');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.startsWith('name_en,name_native')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv.body).toContain("'+cmd");
    const xlsx = await mine.get('/api/v1/partners/export?format=xlsx&country=PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).text).toBe('Gamma College');
    expect(sheet?.rowCount).toBe(2);
  });
});

describe('partners: import', () => {
  it('previews the shipped sample without writing, then imports all of it', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const bytes = fs.readFileSync(path.join(samples, 'partners-import.csv'));
    const preview = await client.upload(
      '/api/v1/partners/import/preview',
      'partners-import.csv',
      bytes,
      'text/csv',
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ rowCount: 5, problems: [], canImport: true });
    expect((await client.get('/api/v1/partners')).json().total).toBe(0);
    const done = await client.upload('/api/v1/partners/import', 'partners-import.csv', bytes, 'text/csv');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().imported).toBe(5);
    const list = (await client.get('/api/v1/partners?country=BD')).json();
    expect(list.data[0]).toMatchObject({
      names: { en: 'Chittagong Polytechnic Institute', 'zh-CN': '吉大港理工学院' },
      nativeName: 'চট্টগ্রাম পলিটেকনিক ইনস্টিটিউট',
    });
  });

  it('reports every problem by row and column and imports nothing from a file with a bad row', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const bytes = fs.readFileSync(path.join(samples, 'partners-import-with-errors.csv'));
    const preview = (await client.upload('/api/v1/partners/import/preview', 'bad.csv', bytes)).json();
    expect(preview.canImport).toBe(false);
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'country', code: 'unknown_country', value: 'XX' }),
        expect.objectContaining({ row: 3, column: 'contact_email', code: 'email_format' }),
      ]),
    );
    const res = await client.upload('/api/v1/partners/import', 'bad.csv', bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems.length).toBeGreaterThanOrEqual(2);
    expect((await client.get('/api/v1/partners')).json().total).toBe(0);
  });

  it('imports XLSX, and reports identifiers that already exist', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    await create(client, buildPartner({ identifiers: [{ scheme: 'iati', value: 'KE-NCC-777' }] }));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('P');
    sheet.addRow(['name_en', 'country', 'type', 'iati_org_id']);
    sheet.addRow(['Nairobi Skills Hub', 'KE', 'Academic, Training and Research', 'KE-NCC-888']);
    sheet.addRow(['Duplicate Hub', 'KE', '80', 'ke-ncc-777']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = (await client.upload('/api/v1/partners/import/preview', 'p.xlsx', bytes)).json();
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'iati_org_id', code: 'duplicate_identifier_existing' }),
    ]);
    sheet.spliceRows(3, 1);
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await client.upload('/api/v1/partners/import', 'p.xlsx', fixed);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toBe(1);
    expect((await client.get(`/api/v1/partners/${ok.json().ids[0]}`)).json().type).toBe('80');
  });

  it('rejects a file that is neither CSV nor XLSX, and a request without a file', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const binary = await client.upload(
      '/api/v1/partners/import/preview',
      'x.csv',
      Buffer.from([0, 1, 2, 3, 0, 255]),
    );
    expect(binary.statusCode).toBe(422);
    expect(binary.json().error.details.problems[0].code).toBe('unreadable_file');
    const none = await client.post('/api/v1/partners/import/preview', {});
    expect(none.statusCode).toBe(400);
  });

  it('serves the sample file as CSV and XLSX', async () => {
    const csv = await coordinator.get('/api/v1/partners/import/sample?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Chittagong Polytechnic Institute');
    const xlsx = await coordinator.get('/api/v1/partners/import/sample?format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
