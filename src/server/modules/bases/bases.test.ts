import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBaseInput } from '../../../contracts/bases.js';
import { buildPartner } from '../../test/factories.js';
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
const sample = (name: string) => fs.readFileSync(path.join(samples, name));

function buildBase(overrides: Partial<TBaseInput> = {}): TBaseInput {
  return {
    kind: 'worldskills',
    names: { en: 'Mechatronics WorldSkills Training Base', 'zh-CN': '机电一体化世赛集训基地' },
    skillNumber: '04',
    skillName: 'Mechatronics',
    location: 'at_home',
    siteAddress: 'Building 3, Pearl River Technical College',
    country: 'CN',
    partnerId: null,
    workstations: 4,
    establishedOn: '2024-09-01',
    status: 'active',
    facilities: '',
    notes: '',
    ...overrides,
  };
}

async function createBase(client: Client, body = buildBase()) {
  const res = await client.post('/api/v1/bases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function importList(client: Client, fileName: string, bytes: Buffer, skillNumber = '04') {
  return client.upload(
    `/api/v1/infrastructure-lists/import?name=${encodeURIComponent('WSC Mechatronics IL')}&skillNumber=${skillNumber}&skillName=Mechatronics`,
    fileName,
    bytes,
  );
}

describe('training bases: create, read, update', () => {
  it('creates a joint base abroad with a partner, and audits it', async () => {
    const partner = (await coordinator.post('/api/v1/partners', buildPartner({ country: 'ZA' }))).json();
    const b = await createBase(
      coordinator,
      buildBase({
        kind: 'joint',
        names: { en: 'Tshwane Automotive Joint Training Base' },
        skillNumber: '33',
        skillName: 'Automobile Technology',
        location: 'abroad',
        country: 'ZA',
        partnerId: partner.id,
      }),
    );
    expect(b).toMatchObject({
      kind: 'joint',
      location: 'abroad',
      partner: { id: partner.id, country: 'ZA' },
      version: 1,
      abilities: { update: true },
      equipment: [],
    });
    const list = (await coordinator.get('/api/v1/bases?kind=joint')).json();
    expect(list.data.map((x: { id: string }) => x.id)).toContain(b.id);
    const admin = (await signedInAs(t, 'admin', orgId)).client;
    const entries = (await admin.get(`/api/v1/audit?entityType=training_base&entityId=${b.id}`)).json().data;
    expect(entries[0]).toMatchObject({ action: 'create' });
  });

  it('answers validation errors field by field', async () => {
    const res = await coordinator.post('/api/v1/bases', {
      ...buildBase(),
      names: { fr: 'Sans anglais' },
      skillNumber: '',
      workstations: 0,
    });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      res
        .json()
        .error.details.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]),
    );
    expect(byPath['body.names']).toBe('english_name_required');
    expect(byPath['body.workstations']).toBeDefined();
  });

  it('requires a skill number for a WorldSkills base and refuses a partner of another organization', async () => {
    const noSkill = await coordinator.post('/api/v1/bases', buildBase({ skillNumber: '' }));
    expect(noSkill.statusCode).toBe(400);
    expect(JSON.stringify(noSkill.json().error.details)).toContain('skill_number_required');
    const other = await signedInAs(t, 'coordinator');
    const foreign = (await other.client.post('/api/v1/partners', buildPartner())).json();
    const res = await coordinator.post('/api/v1/bases', buildBase({ partnerId: foreign.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({
      path: ['partnerId'],
      message: 'unknown_partner',
    });
  });

  it('updates with the current version and answers 409 to a stale one, also for collections', async () => {
    const b = await createBase(coordinator);
    const first = await coordinator.put(`/api/v1/bases/${b.id}`, {
      version: 1,
      data: buildBase({ workstations: 6 }),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ workstations: 6, version: 2 });
    const stale = await coordinator.put(`/api/v1/bases/${b.id}`, {
      version: 1,
      data: buildBase({ workstations: 8 }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    const team = await coordinator.put(`/api/v1/bases/${b.id}/team`, {
      version: 2,
      items: [{ nameLatin: 'Wang Lei', nameNative: '王磊', role: 'expert', userId: null }],
    });
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json()).toMatchObject({ version: 3, team: [{ nameNative: '王磊', role: 'expert' }] });
    const staleTeam = await coordinator.put(`/api/v1/bases/${b.id}/trainees`, { version: 2, items: [] });
    expect(staleTeam.statusCode).toBe(409);

    const activities = await coordinator.put(`/api/v1/bases/${b.id}/activities`, {
      version: 3,
      items: [
        { type: 'mock_competition', title: 'Mock C-day', startsOn: '2026-05-10', endsOn: '2026-05-08' },
      ],
    });
    expect(activities.statusCode).toBe(400);
    expect(JSON.stringify(activities.json().error.details)).toContain('end_before_start');
  });

  it('refuses to link a team member to a user of another organization', async () => {
    const b = await createBase(coordinator);
    const other = await signedInAs(t, 'coordinator');
    const res = await coordinator.put(`/api/v1/bases/${b.id}/team`, {
      version: 1,
      items: [{ nameLatin: 'X', role: 'coach', userId: other.userId }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ message: 'team_member_unknown_user' });
  });
});

describe('training bases: permissions and tenancy', () => {
  it('lets experts read but not write, and hides bases from participants', async () => {
    const b = await createBase(coordinator);
    const expert = (await signedInAs(t, 'expert', orgId)).client;
    expect((await expert.get(`/api/v1/bases/${b.id}`)).json().abilities).toEqual({ update: false });
    expect((await expert.put(`/api/v1/bases/${b.id}`, { version: 1, data: buildBase() })).statusCode).toBe(
      403,
    );
    const participant = (await signedInAs(t, 'participant', orgId)).client;
    expect((await participant.get('/api/v1/bases')).statusCode).toBe(403);
    const pm = (await signedInAs(t, 'project_manager', orgId)).client;
    expect((await pm.post('/api/v1/bases', buildBase())).statusCode).toBe(201);
  });

  it('answers 404 for a base or list of another organization', async () => {
    const b = await createBase(coordinator);
    const list = (await importList(coordinator, 'il.csv', sample('infrastructure-list-sample.csv'))).json();
    const other = (await signedInAs(t, 'coordinator')).client;
    expect((await other.get(`/api/v1/bases/${b.id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/v1/bases/${b.id}`, { version: 1, data: buildBase() })).statusCode).toBe(
      404,
    );
    expect((await other.put(`/api/v1/bases/${b.id}/equipment`, { version: 1, items: [] })).statusCode).toBe(
      404,
    );
    expect((await other.get(`/api/v1/infrastructure-lists/${list.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/bases/${b.id}/compliance?listId=${list.id}`)).statusCode).toBe(404);
    const own = await createBase(other);
    expect((await other.get(`/api/v1/bases/${own.id}/compliance?listId=${list.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/bases')).json().data.map((x: { id: string }) => x.id)).toEqual([own.id]);
    expect((await other.get('/api/v1/infrastructure-lists')).json().data).toEqual([]);
  });
});

describe('Infrastructure List import', () => {
  it('imports nothing from a bad file and lists every problem by row and column', async () => {
    const bad = Buffer.from(
      [
        'item,specification,quantity,basis,category',
        'PLC,S7,4,per_workstation,Automation',
        ',no name,1,per_workstation,Tools',
        'Multimeter,,0,per_competitor,Measuring',
        'Vice,,2.5,per_workstation,Tools',
        'Printer,,1,per team,IT',
      ].join('\n'),
    );
    const before = (await coordinator.get('/api/v1/infrastructure-lists')).json().data.length;
    const preview = await coordinator.upload('/api/v1/infrastructure-lists/import/preview', 'bad.csv', bad);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ rowCount: 5, canImport: false });
    const res = await importList(coordinator, 'bad.csv', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(
      res
        .json()
        .error.details.problems.map((p: { row: number; column: string; code: string }) => [
          p.row,
          p.column,
          p.code,
        ]),
    ).toEqual([
      [3, 'item', 'required'],
      [4, 'quantity', 'quantity_positive_integer'],
      [5, 'quantity', 'quantity_positive_integer'],
      [6, 'basis', 'unknown_basis'],
    ]);
    expect((await coordinator.get('/api/v1/infrastructure-lists')).json().data).toHaveLength(before);
  });

  it('rejects a file that is neither CSV nor XLSX', async () => {
    const res = await importList(coordinator, 'x.bin', Buffer.from([0, 1, 2, 3, 0, 0]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems[0].code).toBe('unreadable_file');
  });

  it('imports the sample as XLSX too, numbering revisions per skill', async () => {
    const xlsx = await coordinator.get('/api/v1/bases/samples/list?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const first = await importList(coordinator, 'il.xlsx', xlsx.rawPayload, '18');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      skillNumber: '18',
      revision: 1,
      itemCount: 21,
      sourceFileName: 'il.xlsx',
    });
    const second = await importList(coordinator, 'il.csv', sample('infrastructure-list-sample.csv'), '18');
    expect(second.json()).toMatchObject({ revision: 2 });
    expect(second.json().items[0]).toMatchObject({
      item: 'Modular production station',
      basis: 'per_workstation',
    });
  });
});

describe('compliance', () => {
  it('is computed end to end from an imported list and an imported inventory', async () => {
    const list = (await importList(coordinator, 'il.csv', sample('infrastructure-list-sample.csv'))).json();
    const b = await createBase(coordinator);

    const badInventory = Buffer.from('item,quantity,condition\nDrill,-1,good\nVice,2,broken\n');
    const rejected = await coordinator.upload(
      `/api/v1/bases/${b.id}/equipment/import`,
      'inv.csv',
      badInventory,
    );
    expect(rejected.statusCode).toBe(422);
    expect((await coordinator.get(`/api/v1/bases/${b.id}`)).json()).toMatchObject({
      version: 1,
      equipment: [],
    });

    const imported = await coordinator.upload(
      `/api/v1/bases/${b.id}/equipment/import`,
      'inventory.csv',
      sample('base-inventory-sample.csv'),
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ imported: 21, base: { version: 2 } });

    const res = await coordinator.get(`/api/v1/bases/${b.id}/compliance?listId=${list.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.settings).toEqual({ workstations: 4, competitors: 4, competitorsFrom: 'workstations' });
    expect(report.counts).toEqual({ total: 21, matched: 16, short: 3, missing: 2 });
    expect(report.compliancePercent).toBe(76.1);
    expect(report.coveragePercent).toBe(90.6);
    expect(report.matchesVenueRequirements).toBe(false);
    expect(report.unlistedInventory).toEqual(['Soldering station']);
    const gaps = report.lines
      .filter((l: { status: string }) => l.status !== 'matched')
      .map((l: { item: string; status: string; shortfall: number }) => [l.item, l.status, l.shortfall]);
    expect(gaps).toEqual([
      ['HMI touch panel', 'short', 1],
      ['Tubing cutter', 'missing', 4],
      ['Crimping tool', 'short', 2],
      ['Fire extinguisher', 'short', 1],
      ['Printer', 'missing', 1],
    ]);

    // Buying what is missing makes the base match the venue requirements (short items remain).
    const current = (await coordinator.get(`/api/v1/bases/${b.id}`)).json();
    const more = Buffer.from('item,quantity\nTubing cutter,4\nprinter,1\n');
    const appended = await coordinator.upload(
      `/api/v1/bases/${b.id}/equipment/import?mode=append`,
      'more.csv',
      more,
    );
    expect(appended.json().base.equipment).toHaveLength(current.equipment.length + 2);
    const after = (await coordinator.get(`/api/v1/bases/${b.id}/compliance?listId=${list.id}`)).json();
    expect(after).toMatchObject({ matchesVenueRequirements: true, counts: { missing: 0, short: 3 } });

    // Per-competitor items follow the active trainees when asked.
    await coordinator.put(`/api/v1/bases/${b.id}/trainees`, {
      version: appended.json().base.version,
      items: [
        { nameLatin: 'Li Hua', country: 'CN', status: 'active' },
        { nameLatin: 'Zhang San', country: 'CN', status: 'active' },
      ],
    });
    const byTrainees = (
      await coordinator.get(`/api/v1/bases/${b.id}/compliance?listId=${list.id}&competitorsFrom=trainees`)
    ).json();
    expect(byTrainees.settings).toMatchObject({ competitors: 2 });
    expect(byTrainees.lines.find((l: { item: string }) => l.item === 'Crimping tool')).toMatchObject({
      required: 2,
      status: 'matched',
    });
  });

  it('exports the gap list as CSV and XLSX with formulas neutralised', async () => {
    const evil = Buffer.from(
      'item,quantity,basis,category\n"=HYPERLINK(""http://x"")",1,per_workshop,@SUM(1)\n',
    );
    const imported = await importList(coordinator, 'evil.csv', evil, '99');
    expect(imported.statusCode, imported.body).toBe(201);
    const list = imported.json();
    const b = await createBase(coordinator);
    const csv = await coordinator.get(`/api/v1/bases/${b.id}/compliance/export?listId=${list.id}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.body.replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe(
      'status,category,item,specification,basis,quantity,required,available,shortfall',
    );
    expect(text).toContain(`missing,'@SUM(1),"'=HYPERLINK(""http://x"")"`);
    const xlsx = await coordinator.get(
      `/api/v1/bases/${b.id}/compliance/export?listId=${list.id}&format=xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(2).getCell(3).value).toBe(`'=HYPERLINK("http://x")`);
  });
});
