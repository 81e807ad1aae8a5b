import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TCollegeSkillDetail,
  TTaxonomyItem,
  TTaxonomyOverview,
} from '../../../contracts/talent-skills.js';
import { readTabularFile, writeTabularFile } from '../../platform/spreadsheets/tabular-files.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import { confirmedSkillAliases } from './skills.service.js';

let t: TestApp;
let coordinator: Client;
let enterprise: Client;
let trainer: Client;
let otherCoordinator: Client;
let orgId: string;

const URI_A = 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000a';
const URI_B = 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000b';
const URI_C = 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000c';
const WEB_DEV = 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d';

type Issue = { path: (string | number)[]; message: string };
/** Field paths of a 400, without the `body.` prefix request-schema issues carry. */
const issuesOf = (body: string) =>
  (JSON.parse(body).error.details.issues as Issue[]).map((i) => i.path.join('.').replace(/^body\./, ''));

async function createSkill(client: Client, body: Record<string, unknown>): Promise<TCollegeSkillDetail> {
  const res = await client.post('/api/v1/talent/college-skills', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const c = await signedInAs(t, 'coordinator');
  coordinator = c.client;
  orgId = c.orgId;
  enterprise = (await signedInAs(t, 'enterprise', c.orgId)).client;
  trainer = (await signedInAs(t, 'trainer', c.orgId)).client;
  otherCoordinator = (await signedInAs(t, 'coordinator')).client;
});

afterAll(async () => {
  await t?.close();
});

describe('college skills: curation', () => {
  it('creates, lists with filters, edits with compare-and-set, and stays inside the college', async () => {
    const s = await createSkill(coordinator, {
      code: 'mech.plc-s7',
      labels: { en: 'Program Siemens S7 PLCs', 'zh-CN': '西门子 S7 PLC 编程' },
      category: 'Mechatronics',
      iscoGroup: '3114',
      escoUri: URI_A,
    });
    expect(s).toMatchObject({
      key: 'college:mech.plc-s7',
      category: 'Mechatronics',
      archived: false,
      version: 1,
      usage: { profiles: 0, postings: 0 },
      esco: { state: 'unconfirmed', confirmedAt: null, confirmedBy: null },
      abilities: { update: true, archive: true, delete: true },
    });
    await createSkill(coordinator, { code: 'cook.wok', labels: { en: 'Wok cooking' }, category: 'Cooking' });

    let list = (await coordinator.get('/api/v1/talent/college-skills?q=siemens')).json()
      .data as TCollegeSkillDetail[];
    expect(list.map((x) => x.code)).toEqual(['mech.plc-s7']);
    list = (await coordinator.get('/api/v1/talent/college-skills?category=Cooking')).json().data;
    expect(list.map((x) => x.code)).toEqual(['cook.wok']);
    list = (await coordinator.get('/api/v1/talent/college-skills?esco=unconfirmed')).json().data;
    expect(list.map((x) => x.code)).toEqual(['mech.plc-s7']);
    list = (await coordinator.get('/api/v1/talent/college-skills?esco=none')).json().data;
    expect(list.map((x) => x.code)).toEqual(['cook.wok']);

    // Enterprises read the labels but not how many (unconsented) profiles use a skill; trainers nothing.
    const seen = (await enterprise.get('/api/v1/talent/college-skills')).json().data as TCollegeSkillDetail[];
    expect(seen.find((x) => x.code === 'cook.wok')).toMatchObject({
      usage: null,
      abilities: { update: false },
    });
    expect((await trainer.get('/api/v1/talent/college-skills')).statusCode).toBe(403);
    expect(
      (await enterprise.post('/api/v1/talent/college-skills', { code: 'x', labels: { en: 'x' } })).statusCode,
    ).toBe(403);

    // Another college: not found, and its list does not show ours.
    expect((await otherCoordinator.get(`/api/v1/talent/college-skills/${s.id}`)).statusCode).toBe(404);
    const data = { labels: { en: 'x' }, category: '', iscoGroup: null, escoUri: null };
    expect(
      (await otherCoordinator.put(`/api/v1/talent/college-skills/${s.id}`, { version: 1, data })).statusCode,
    ).toBe(404);
    expect((await otherCoordinator.get('/api/v1/talent/college-skills')).json().data).toEqual([]);

    // Edit: a changed URI loses nothing it did not have; a stale version is 409.
    let res = await coordinator.put(`/api/v1/talent/college-skills/${s.id}`, {
      version: 1,
      data: {
        labels: { en: 'Program S7 PLCs', fr: 'Programmer des automates S7' },
        category: 'Mechatronics',
        iscoGroup: '3114',
        escoUri: URI_A,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      labels: { en: 'Program S7 PLCs', fr: 'Programmer des automates S7' },
    });
    res = await coordinator.put(`/api/v1/talent/college-skills/${s.id}`, { version: 1, data });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('answers 400 naming each bad field, and 409 for a taken code or ESCO URI', async () => {
    let res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'Bad Code',
      labels: { fr: 'sans anglais' },
      category: 'x'.repeat(61),
      iscoGroup: '72',
      escoUri: 'http://example.org/skill/1',
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body).sort()).toEqual(['category', 'code', 'escoUri', 'iscoGroup', 'labels.en']);
    // A well-formed but unknown ISCO-08 unit group.
    res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'ok.code',
      labels: { en: 'x' },
      iscoGroup: '7299',
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['iscoGroup']);

    await createSkill(coordinator, { code: 'weld.pipe', labels: { en: 'Pipe welding' }, escoUri: URI_B });
    res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'weld.pipe',
      labels: { en: 'again' },
    });
    expect(res.statusCode).toBe(409);
    // The starter set's keys are reserved.
    res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'weld.gmaw',
      labels: { en: 'again' },
    });
    expect(res.statusCode).toBe(409);
    res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'weld.other',
      labels: { en: 'x' },
      escoUri: URI_B,
    });
    expect(res.statusCode).toBe(409);
    expect(issuesOf(res.body)).toEqual(['escoUri']);
  });

  it('refuses to delete a skill in use, says how many use it, and archives it instead', async () => {
    const s = await createSkill(coordinator, { code: 'elec.knx', labels: { en: 'Configure KNX systems' } });
    const profile = await coordinator.post('/api/v1/talent/profiles', {
      nameLatin: 'Li Wei',
      iscoCode: '7411',
      skills: [{ skillKey: s.key, level: 3 }],
      languages: [],
      countries: ['AE'],
      availableFrom: '2026-06-01',
    });
    expect(profile.statusCode, profile.body).toBe(201);

    let res = await coordinator.delete(`/api/v1/talent/college-skills/${s.id}?version=1`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'skill_in_use', profiles: 1, postings: 0 },
    });
    const detail = (await coordinator.get(`/api/v1/talent/college-skills/${s.id}`)).json();
    expect(detail).toMatchObject({ usage: { profiles: 1, postings: 0 }, abilities: { delete: false } });

    res = await coordinator.post(`/api/v1/talent/college-skills/${s.id}/archive`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ archived: true, version: 2 });
    res = await coordinator.post(`/api/v1/talent/college-skills/${s.id}/archive`, { version: 1 });
    expect(res.statusCode).toBe(409);
    // Archived: not in the default (active) list, still labels the profile, still valid on it.
    const active = (await coordinator.get('/api/v1/talent/college-skills?status=active')).json()
      .data as TCollegeSkillDetail[];
    expect(active.map((x) => x.code)).not.toContain('elec.knx');
    // Without a status filter every skill comes back: archived ones still label existing records.
    const every = (await coordinator.get('/api/v1/talent/college-skills')).json()
      .data as TCollegeSkillDetail[];
    expect(every.find((x) => x.code === 'elec.knx')).toMatchObject({ archived: true });
    const p = profile.json();
    res = await coordinator.put(`/api/v1/talent/profiles/${p.id}`, {
      version: p.version,
      data: {
        nameLatin: 'Li Wei',
        iscoCode: '7411',
        skills: [{ skillKey: s.key, level: 4 }],
        languages: [],
        countries: ['AE'],
        availableFrom: '2026-06-01',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await coordinator.post(`/api/v1/talent/college-skills/${s.id}/restore`, { version: 2 });
    expect(res.json()).toMatchObject({ archived: false, version: 3 });

    // An unused skill can be deleted (with the version read).
    const unused = await createSkill(coordinator, { code: 'elec.unused', labels: { en: 'Unused' } });
    expect(
      (await coordinator.delete(`/api/v1/talent/college-skills/${unused.id}?version=2`)).statusCode,
    ).toBe(409);
    expect(
      (await coordinator.delete(`/api/v1/talent/college-skills/${unused.id}?version=1`)).statusCode,
    ).toBe(200);
    expect((await coordinator.get(`/api/v1/talent/college-skills/${unused.id}`)).statusCode).toBe(404);
  });

  it('records who confirmed an ESCO URI, drops the confirmation when the URI changes', async () => {
    const s = await createSkill(coordinator, { code: 'log.wms', labels: { en: 'Use a WMS' } });
    let res = await coordinator.post(`/api/v1/talent/college-skills/${s.id}/esco-confirmation`, {
      version: 1,
      escoUri: 'not a uri',
    });
    expect(res.statusCode).toBe(400);
    res = await coordinator.post(`/api/v1/talent/college-skills/${s.id}/esco-confirmation`, {
      version: 1,
      escoUri: URI_C,
      note: 'Checked in the ESCO portal, v1.2',
    });
    expect(res.statusCode, res.body).toBe(200);
    const confirmed = res.json() as TCollegeSkillDetail;
    expect(confirmed.escoUri).toBe(URI_C);
    expect(confirmed.esco).toMatchObject({ state: 'confirmed', note: 'Checked in the ESCO portal, v1.2' });
    expect(confirmed.esco.confirmedAt).toBeTruthy();
    expect(confirmed.esco.confirmedBy).toBeTruthy();
    res = await coordinator.put(`/api/v1/talent/college-skills/${s.id}`, {
      version: 2,
      data: { labels: { en: 'Use a WMS' }, category: '', iscoGroup: null, escoUri: URI_C },
    });
    expect(res.json().esco.state).toBe('confirmed');
    res = await coordinator.put(`/api/v1/talent/college-skills/${s.id}`, {
      version: 3,
      data: { labels: { en: 'Use a WMS' }, category: '', iscoGroup: null, escoUri: null },
    });
    expect(res.json().esco).toEqual({ state: 'none', confirmedAt: null, confirmedBy: null, note: '' });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'reason'])
      .where('entityType', '=', 'college_skill')
      .where('entityId', '=', s.id)
      .execute();
    expect(audit.map((a) => a.reason)).toContain('esco_confirmed');
  });
});

describe('college skills: import and export', () => {
  it('exports every column, re-imports it, and rejects a file with problems by row (all or nothing)', async () => {
    const before = (await coordinator.get('/api/v1/talent/college-skills')).json()
      .data as TCollegeSkillDetail[];
    const header = [
      'code',
      'label_en',
      'label_fr',
      'category',
      'isco_group',
      'esco_uri',
      'esco_confirmed',
      'archived',
    ];
    const bad = await writeTabularFile(
      'xlsx',
      header,
      [
        ['new.one', 'New one', 'Nouveau', 'Cat', '7212', '', 'no', 'no'],
        ['Bad Code', '', '', '', '72', 'x', 'maybe', ''],
        ['new.one', 'Again', '', '', '', '', '', ''],
        ['weld.gmaw', 'Reserved', '', '', '', '', 'yes', ''],
      ],
      'Skills',
    );
    let res = await coordinator.upload('/api/v1/talent/college-skills/import/preview', 'skills.xlsx', bad);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.canImport).toBe(false);
    const byRow = (preview.problems as { row: number; column: string; code: string }[]).map(
      (p) => `${p.row}:${p.column}:${p.code}`,
    );
    expect(byRow).toEqual(
      expect.arrayContaining([
        '3:code:invalid_code',
        '3:label_en:required',
        '3:isco_group:invalid_isco_group',
        '3:esco_uri:invalid_esco_uri',
        '3:esco_confirmed:yes_or_no',
        '4:code:duplicate_code',
        '5:code:code_taken',
        '5:esco_confirmed:confirmation_without_uri',
      ]),
    );
    expect(byRow.some((p) => p.startsWith('2:'))).toBe(false);
    res = await coordinator.upload('/api/v1/talent/college-skills/import', 'skills.xlsx', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems.length).toBe(preview.problems.length);
    const after = (await coordinator.get('/api/v1/talent/college-skills')).json()
      .data as TCollegeSkillDetail[];
    expect(after.length).toBe(before.length);

    // A clean file: one new skill, one update (confirming its URI), by code.
    const good = await writeTabularFile(
      'xlsx',
      header,
      [
        ['imported.one', 'Imported', 'Importé', 'Imported', '7212', URI_A.replace('00a', '0aa'), 'yes', 'no'],
        ['cook.wok', 'Wok cooking (hot)', '', 'Cooking', '', '', 'no', 'yes'],
      ],
      'Skills',
    );
    res = await coordinator.upload('/api/v1/talent/college-skills/import/preview', 'skills.xlsx', good);
    expect(res.json()).toMatchObject({
      canImport: true,
      rows: [
        { row: 2, code: 'imported.one', action: 'create' },
        { row: 3, code: 'cook.wok', action: 'update' },
      ],
    });
    res = await coordinator.upload('/api/v1/talent/college-skills/import', 'skills.xlsx', good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1 });

    res = await coordinator.get('/api/v1/talent/college-skills/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    const [head, ...rows] = await readTabularFile(res.rawPayload);
    expect(head).toEqual([
      'code',
      'label_en',
      'label_zh-CN',
      'label_fr',
      'label_ar',
      'category',
      'isco_group',
      'esco_uri',
      'esco_confirmed',
      'esco_confirmed_at',
      'esco_confirmed_by',
      'esco_note',
      'archived',
    ]);
    const imported = rows.find((r) => r[0] === 'imported.one') as string[];
    expect(imported.slice(0, 9)).toEqual([
      'imported.one',
      'Imported',
      '',
      'Importé',
      '',
      'Imported',
      '7212',
      URI_A.replace('00a', '0aa'),
      'yes',
    ]);
    expect(imported[9]).toMatch(/^\d{4}-/);
    const wok = rows.find((r) => r[0] === 'cook.wok') as string[];
    expect([wok[1], wok[8], wok[12]]).toEqual(['Wok cooking (hot)', 'no', 'yes']);
    // The export imports back unchanged (round trip).
    res = await coordinator.upload(
      '/api/v1/talent/college-skills/import/preview',
      'export.xlsx',
      res.rawPayload,
    );
    expect(res.json().canImport).toBe(true);
    expect((await enterprise.get('/api/v1/talent/college-skills/export')).statusCode).toBe(403);
    // Another college's export is its own.
    const theirs = await readTabularFile(
      (await otherCoordinator.get('/api/v1/talent/college-skills/export?format=csv')).rawPayload,
    );
    expect(theirs.length).toBe(1);
  });
});

describe('taxonomy curation', () => {
  it('shows every starter entry with its ESCO state and records the college’s translations and confirmations', async () => {
    let res = await coordinator.get('/api/v1/talent/taxonomy');
    expect(res.statusCode).toBe(200);
    const overview = res.json() as TTaxonomyOverview;
    expect(overview.entries.length).toBe(59);
    const web = overview.entries.find((e) => e.item === WEB_DEV) as TTaxonomyItem;
    expect(web).toMatchObject({ kind: 'occupation', shippedVerified: true, escoUri: WEB_DEV, version: 0 });
    expect(web.esco.state).toBe('unconfirmed');
    expect(overview.entries.filter((e) => e.esco.state === 'none').length).toBe(57);
    expect((await enterprise.get('/api/v1/talent/taxonomy')).statusCode).toBe(200);
    expect((await trainer.get('/api/v1/talent/taxonomy')).statusCode).toBe(403);

    // Confirm the shipped URI; a wrong kind of URI is 400; a stale version 409.
    res = await coordinator.post('/api/v1/talent/taxonomy/esco-confirmation', {
      item: WEB_DEV,
      version: 0,
      escoUri: URI_A,
    });
    expect(res.statusCode).toBe(400);
    res = await coordinator.post('/api/v1/talent/taxonomy/esco-confirmation', {
      item: WEB_DEV,
      version: 0,
      escoUri: WEB_DEV,
      note: 'Same concept in ESCO v1.2',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      esco: { state: 'confirmed', note: 'Same concept in ESCO v1.2' },
    });
    res = await coordinator.post('/api/v1/talent/taxonomy/esco-confirmation', {
      item: WEB_DEV,
      version: 0,
      escoUri: WEB_DEV,
    });
    expect(res.statusCode).toBe(409);

    // Replace a starter skill's (missing) URI: matching then resolves the college key to it.
    res = await coordinator.post('/api/v1/talent/taxonomy/esco-confirmation', {
      item: 'college:weld.gmaw',
      version: 0,
      escoUri: URI_B.replace('00b', '0bb'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      shippedEscoUri: null,
      escoUri: URI_B.replace('00b', '0bb'),
      esco: { state: 'confirmed' },
    });

    // Matching treats confirmed URIs only as the same skill as their college key.
    const aliases = await confirmedSkillAliases(t.deps.db, orgId);
    expect(aliases.get('college:weld.gmaw')).toBe(URI_B.replace('00b', '0bb'));
    expect(aliases.get('college:imported.one')).toBe(URI_A.replace('00a', '0aa'));
    expect(aliases.has('college:mech.plc-s7')).toBe(false); // its URI is unconfirmed
    expect(aliases.has(WEB_DEV)).toBe(false); // an occupation, not a skill

    // Translations: ISCO-08 keeps the ILO's English title; other languages are the college's.
    res = await coordinator.put('/api/v1/talent/taxonomy/labels', {
      item: 'isco:7212',
      version: 0,
      labels: { en: 'Welders' },
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)).toEqual(['labels.en']);
    res = await coordinator.put('/api/v1/talent/taxonomy/labels', {
      item: 'isco:7212',
      version: 0,
      labels: { 'zh-CN': '焊工和火焰切割工', fr: 'Soudeurs et oxycoupeurs' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'isco',
      shipped: { en: 'Welders and flame cutters' },
      college: { fr: 'Soudeurs et oxycoupeurs' },
    });
    res = await coordinator.put('/api/v1/talent/taxonomy/labels', {
      item: 'isco:9999',
      version: 0,
      labels: {},
    });
    expect(res.statusCode).toBe(400);
    res = await enterprise.put('/api/v1/talent/taxonomy/labels', {
      item: 'isco:7212',
      version: 1,
      labels: {},
    });
    expect(res.statusCode).toBe(403);

    const mine = (await coordinator.get('/api/v1/talent/taxonomy')).json() as TTaxonomyOverview;
    expect(mine.isco.map((i) => i.item)).toEqual(['isco:7212']);
    // Another college sees the shipped state only.
    const theirs = (await otherCoordinator.get('/api/v1/talent/taxonomy')).json() as TTaxonomyOverview;
    expect(theirs.isco).toEqual([]);
    expect(theirs.entries.find((e) => e.item === WEB_DEV)?.esco.state).toBe('unconfirmed');
  });
});
