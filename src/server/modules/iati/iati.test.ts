import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIatiExportPreview, TIatiImportPreview } from '../../../contracts/iati.js';
import { type TProjectInput, ZProjectInput } from '../../../contracts/projects.js';
import { activityDate, type IatiActivity } from '../../../domain/iati/activity.js';
import { validateIatiActivitiesXml } from '../../platform/iati/validate-xsd.js';
import { parseIatiActivities } from '../../platform/iati/xml-reader.js';
import { newId } from '../../platform/ids.js';
import { buildPartner } from '../../test/factories.js';
import {
  type Client,
  createOrganization,
  createTestApp,
  signedInAs,
  type TestApp,
} from '../../test/test-app.js';

const REAL = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/iati-real');
const FI_FILE = 'iati-real-FI-3-teacher-education-2.03.xml';
const ES_FILE = 'iati-real-ES-vocational-11330-2.01.xml';
const realFile = (name: string) => fs.readFileSync(path.join(REAL, name));
const ORG_ID = 'CN-USCI-12440100MB2C00000X';

let t: TestApp;
let admin: Client;
let orgId: string;
let n = 0;
let richXml = '';

function buildProject(overrides: Partial<TProjectInput> = {}): TProjectInput {
  n++;
  return ZProjectInput.parse({
    code: `IATI-${n}`,
    type: 'teacher_training',
    title: { en: `Project ${n}`, 'zh-CN': `项目 ${n}` },
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    description: { en: `Description of project ${n}` },
    participants: [{ partnerId: null, role: '4' }],
    ...overrides,
  });
}

async function createProject(client: Client, body: TProjectInput) {
  const res = await client.post('/api/v1/projects', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; code: string };
}

async function setOrgId(client: Client, iatiOrgId: string) {
  const publisher = (await client.get('/api/v1/iati/publisher')).json();
  const res = await client.put('/api/v1/iati/publisher', { version: publisher.version, iatiOrgId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Multipart with text fields first, then the file (as the web sends it). */
function uploadWith(
  client: Client,
  url: string,
  fileName: string,
  bytes: Buffer,
  fields: Record<string, string>,
) {
  const boundary = `----iati${newId().replace(/-/g, '')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/xml\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.app.inject({
    method: 'POST',
    url,
    cookies: client.cookies,
    headers: {
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

async function previewImport(client: Client, fileName: string, bytes: Buffer): Promise<TIatiImportPreview> {
  const res = await client.upload('/api/v1/iati/import/preview', fileName, bytes, 'application/xml');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function planOf(preview: TIatiImportPreview) {
  return JSON.stringify(
    preview.activities.map((a) => ({
      identifier: a.identifier,
      action: a.action,
      projectId: a.projectId,
      projectVersion: a.projectVersion,
    })),
  );
}

async function importFile(client: Client, fileName: string, bytes: Buffer) {
  const preview = await previewImport(client, fileName, bytes);
  expect(preview.canImport, JSON.stringify(preview.activities.map((a) => a.errors))).toBe(true);
  const res = await uploadWith(client, '/api/v1/iati/import', fileName, bytes, { plan: planOf(preview) });
  expect(res.statusCode, res.body).toBe(200);
  return { preview, result: res.json() };
}

async function exportXml(client: Client, projectIds: string[]) {
  const preview = (
    await client.post('/api/v1/iati/export/preview', { scope: 'selection', projectIds })
  ).json();
  expect(
    preview.valid,
    JSON.stringify(preview.activities.map((a: { problems: unknown }) => a.problems)),
  ).toBe(true);
  const res = await client.post('/api/v1/iati/export', { scope: 'selection', projectIds });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'admin');
  admin = s.client;
  orgId = s.orgId;
  await setOrgId(admin, ORG_ID);
});
afterAll(async () => {
  await t.close();
});

describe('iati export', () => {
  let richId: string;

  it('exports a rich project as XML that validates against the IATI 2.03 XSD, and audits it', async () => {
    const partner = (
      await admin.post(
        '/api/v1/partners',
        buildPartner({
          names: {
            en: 'Kenya Technical Trainers College',
            fr: 'Collège technique du Kenya',
            ar: 'كلية كينيا',
          },
          country: 'KE',
          type: '80',
          identifiers: [{ scheme: 'iati', value: 'KE-NCC-12345' }],
        }),
      )
    ).json();
    const project = await createProject(
      admin,
      buildProject({
        code: 'EA-TTC-2026',
        title: {
          en: 'East Africa TVET Teacher Training Centre',
          'zh-CN': '东非职业教育师资培训中心',
          fr: "Centre de formation des enseignants de l'EFTP",
          ar: 'مركز تدريب معلمي التعليم المهني',
        },
        description: { en: 'Train-the-trainer programme <with> & "quotes"', 'zh-CN': '师资培训项目' },
        status: '2',
        actualStart: '2026-02-01',
        participants: [
          { partnerId: null, role: '1' },
          { partnerId: partner.id, role: '4' },
        ],
        countries: [
          { country: 'KE', percentage: 60 },
          { country: 'TZ', percentage: 40 },
        ],
        sectors: [
          { vocabulary: '1', code: '11130', percentage: 70 },
          { vocabulary: '1', code: '11330', percentage: 30 },
        ],
        budgets: [
          {
            type: '1',
            status: '2',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            valueMinor: 240_000_000,
            currency: 'CNY',
            valueDate: null,
          },
        ],
        transactions: [
          {
            type: '4',
            date: '2026-03-01',
            valueMinor: 12_345_67,
            currency: 'CNY',
            description: 'Workshop equipment',
            providerOrg: '',
            receiverOrg: 'Supplier Ltd',
          },
        ],
      }),
    );
    richId = project.id;
    const base = `/api/v1/projects/${project.id}/results`;
    const result = await admin.post(base, {
      type: 'outcome',
      title: { en: 'Teachers apply new methods', fr: 'Les enseignants appliquent' },
    });
    expect(result.statusCode, result.body).toBe(201);
    const indicator = await admin.post(`${base}/${result.json().id}/indicators`, {
      code: 'T1',
      title: { en: 'Teachers trained', 'zh-CN': '培训教师人数' },
      measure: 'unit',
      unitLabel: { en: 'teachers' },
      baseline: { year: 2025, value: 0 },
      disaggregations: [{ name: 'sex', values: ['female', 'male'] }],
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const period = await admin.post(`${base}/indicators/${indicator.json().id}/periods`, {
      start: '2026-01-01',
      end: '2026-12-31',
      target: { value: 120, breakdown: [{ dimensions: [{ name: 'sex', value: 'female' }], value: 60 }] },
      actual: { value: 45, comment: { en: 'First cohort' } },
    });
    expect(period.statusCode, period.body).toBe(201);
    // An empty result is left out with a warning, not an error.
    expect((await admin.post(base, { type: 'output', title: { en: 'Draft result' } })).statusCode).toBe(201);

    const preview: TIatiExportPreview = (
      await admin.post('/api/v1/iati/export/preview', { scope: 'selection', projectIds: [project.id] })
    ).json();
    expect(preview.valid, JSON.stringify(preview)).toBe(true);
    expect(preview.fileName).toBe(`${ORG_ID}-activities-2026-03-15.xml`);
    expect(preview.activities[0]?.identifier).toBe(`${ORG_ID}-EA-TTC-2026`);
    expect(preview.activities[0]?.problems).toEqual([
      expect.objectContaining({ code: 'result_without_indicators', severity: 'warning' }),
    ]);

    const res = await admin.post('/api/v1/iati/export', { scope: 'selection', projectIds: [project.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.headers['content-disposition']).toContain(`${ORG_ID}-activities-2026-03-15.xml`);
    const xml = res.body;
    richXml = xml;
    expect(await validateIatiActivitiesXml(xml)).toEqual({ valid: true, errors: [] });

    const parsed = parseIatiActivities(xml);
    expect(parsed.errors).toEqual([]);
    const a = parsed.activities[0] as IatiActivity;
    expect(a.identifier).toBe(`${ORG_ID}-EA-TTC-2026`);
    expect(a.reportingOrg).toMatchObject({ ref: ORG_ID, type: '80' });
    expect(a.title.map((x) => x.lang ?? a.defaultLanguage).sort()).toEqual(['ar', 'en', 'fr', 'zh']);
    expect(a.participatingOrgs).toEqual([
      expect.objectContaining({ role: '1', ref: ORG_ID, type: '80' }),
      expect.objectContaining({ role: '4', ref: 'KE-NCC-12345', type: '80' }),
    ]);
    expect(a.recipientCountries.map((c) => [c.code, c.percentage])).toEqual([
      ['KE', 60],
      ['TZ', 40],
    ]);
    expect(a.budgets[0]?.value).toEqual({
      valueMinor: 240_000_000,
      currency: 'CNY',
      valueDate: '2026-01-01',
    });
    expect(a.transactions[0]?.value.valueMinor).toBe(1_234_567);
    expect(a.results).toHaveLength(1);
    const ind = a.results[0]?.indicators[0];
    expect(ind?.measure).toBe('1');
    expect(ind?.baselines[0]).toMatchObject({ year: 2025, value: '0' });
    expect(ind?.periods[0]?.targets).toEqual([
      expect.objectContaining({ value: '120', dimensions: [] }),
      expect.objectContaining({ value: '60', dimensions: [{ name: 'sex', value: 'female' }] }),
    ]);
    expect(ind?.periods[0]?.actuals[0]).toMatchObject({ value: '45' });

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('organizationId', '=', orgId)
      .where('entityType', '=', 'iati_activities')
      .where('action', '=', 'export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.afterJson).toContain('EA-TTC-2026');
  });

  it('shows every problem of an invalid project and offers no file', async () => {
    const bad = await createProject(admin, buildProject({ code: 'NO-PARTICIPANTS', participants: [] }));
    const preview: TIatiExportPreview = (
      await admin.post('/api/v1/iati/export/preview', { scope: 'selection', projectIds: [bad.id, richId] })
    ).json();
    expect(preview.valid).toBe(false);
    const badActivity = preview.activities.find((a) => a.projectId === bad.id);
    expect(badActivity?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'no_participating_org', severity: 'error' }),
        // The XSD says the same, and the problem lands on the project whose activity holds the line.
        expect.objectContaining({ code: 'xsd_invalid', severity: 'error', line: expect.any(Number) }),
      ]),
    );
    expect(
      preview.activities.find((a) => a.projectId === richId)?.problems.some((p) => p.severity === 'error'),
    ).toBe(false);
    const res = await admin.post('/api/v1/iati/export', { scope: 'selection', projectIds: [bad.id, richId] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'iati_export_invalid' },
    });
    expect(res.headers['content-type']).toMatch(/json/);
    await admin.post(`/api/v1/projects/${bad.id}/archive`, { version: bad.version, archived: true });
  });

  it('needs the college org-id, and says where to set it', async () => {
    const otherOrg = await createOrganization(t.deps, 'No Org-Id College');
    const { client } = await signedInAs(t, 'coordinator', otherOrg);
    await createProject(client, buildProject());
    const res = await client.post('/api/v1/iati/export/preview', { scope: 'all' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'iati_org_id_missing', settingsPath: '/projects/iati#publisher' },
    });
    // Only administrators set it; the format is checked.
    const publisher = (await client.get('/api/v1/iati/publisher')).json();
    expect(publisher).toMatchObject({
      iatiOrgId: null,
      abilities: { update: false, export: true, import: true },
    });
    expect(
      (await client.put('/api/v1/iati/publisher', { version: publisher.version, iatiOrgId: 'CN-USCI-1' }))
        .statusCode,
    ).toBe(403);
    const { client: otherAdmin } = await signedInAs(t, 'admin', otherOrg);
    const badFormat = await otherAdmin.put('/api/v1/iati/publisher', {
      version: publisher.version,
      iatiOrgId: 'CN USCI 1',
    });
    expect(badFormat.statusCode).toBe(400);
    expect(
      (
        await otherAdmin.put('/api/v1/iati/publisher', {
          version: publisher.version + 5,
          iatiOrgId: 'CN-USCI-1',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('enforces permissions and tenancy', async () => {
    const { client: trainer } = await signedInAs(t, 'trainer', orgId);
    expect((await trainer.post('/api/v1/iati/export/preview', { scope: 'all' })).statusCode).toBe(403);
    expect((await trainer.upload('/api/v1/iati/import/preview', FI_FILE, realFile(FI_FILE))).statusCode).toBe(
      403,
    );
    const { client: pm } = await signedInAs(t, 'project_manager', orgId);
    expect(
      (await pm.post('/api/v1/iati/export/preview', { scope: 'selection', projectIds: [richId] })).statusCode,
    ).toBe(200);
    expect((await pm.upload('/api/v1/iati/import/preview', FI_FILE, realFile(FI_FILE))).statusCode).toBe(403);

    const otherOrg = await createOrganization(t.deps, 'Other College');
    const { client: stranger } = await signedInAs(t, 'admin', otherOrg);
    await setOrgId(stranger, 'CN-USCI-99999999999999999X');
    const res = await stranger.post('/api/v1/iati/export/preview', {
      scope: 'selection',
      projectIds: [richId],
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await stranger.post('/api/v1/iati/export', { scope: 'selection', projectIds: [richId] })).statusCode,
    ).toBe(404);
    expect(
      (await stranger.post('/api/v1/iati/export/preview', { scope: 'selection', projectIds: [] })).statusCode,
    ).toBe(400);
  });
});

describe('iati import', () => {
  let importer: Client;

  beforeAll(async () => {
    const org = await createOrganization(t.deps, 'Importing College');
    importer = (await signedInAs(t, 'coordinator', org)).client;
    const { client: orgAdmin } = await signedInAs(t, 'admin', org);
    await setOrgId(orgAdmin, 'CN-USCI-11111111111111111Y');
  });

  it('previews the real files with warnings, not failures', async () => {
    const fi = await previewImport(importer, FI_FILE, realFile(FI_FILE));
    expect(fi).toMatchObject({ version: '2.03', canImport: true, fileErrors: [] });
    const activity = fi.activities[0];
    expect(activity).toMatchObject({
      identifier: 'FI-3-2020- 2020000161',
      action: 'create',
      projectId: null,
      code: '2020-2020000161',
      countries: ['ER'],
      sectors: ['11130'],
      budgets: 1,
    });
    expect(activity?.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'identifier_has_spaces', severity: 'warning' }),
      ]),
    );
    expect(activity?.participants).toEqual([
      expect.objectContaining({ ref: 'FI-3', match: 'new_partner', role: '1' }),
      expect.objectContaining({ ref: '22000', match: 'narrative_only', role: '3' }),
    ]);
    const es = await previewImport(importer, ES_FILE, realFile(ES_FILE));
    expect(es).toMatchObject({ version: '2.01', canImport: true });
    expect(es.activities[0]?.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['empty_code', 'participant_kept_as_narrative', 'element_not_kept']),
    );
    expect(es.activities[0]?.errors).toEqual([]);
  });

  it('imports both real files and exports them again with identifiers, titles, sectors, countries, dates and budgets', async () => {
    const ids: string[] = [];
    for (const name of [FI_FILE, ES_FILE]) {
      const { result } = await importFile(importer, name, realFile(name));
      expect(result.created).toHaveLength(1);
      ids.push(result.created[0].projectId);
    }
    const partners = (await importer.get('/api/v1/partners?q=Finland')).json();
    expect(partners.data).toEqual([expect.objectContaining({ country: 'FI', type: '10' })]);

    const res = await exportXml(importer, ids);
    expect(await validateIatiActivitiesXml(res.body)).toEqual({ valid: true, errors: [] });
    const again = parseIatiActivities(res.body).activities;
    for (const name of [FI_FILE, ES_FILE]) {
      const original = parseIatiActivities(realFile(name)).activities[0] as IatiActivity;
      const copy = again.find((a) => a.identifier === original.identifier);
      expect(copy, original.identifier).toBeDefined();
      const titles = (a: IatiActivity) =>
        a.title
          .map((x) => [x.lang ?? a.defaultLanguage, x.text.trim()])
          .sort((p, q) => String(p[0]).localeCompare(String(q[0])));
      expect(titles(copy as IatiActivity)).toEqual(titles(original));
      expect(copy?.sectors.map((s) => [s.vocabulary ?? '1', s.code, s.percentage])).toEqual(
        original.sectors.map((s) => [s.vocabulary ?? '1', s.code, s.percentage]),
      );
      expect(copy?.recipientCountries.map((c) => [c.code, c.percentage])).toEqual(
        original.recipientCountries.map((c) => [c.code, c.percentage]),
      );
      for (const type of ['1', '2', '3', '4']) {
        expect(activityDate(copy as IatiActivity, type)).toBe(activityDate(original, type));
      }
      expect(
        copy?.budgets.map((b) => [b.periodStart, b.periodEnd, b.value.valueMinor, b.value.currency]),
      ).toEqual(
        original.budgets.map((b) => [b.periodStart, b.periodEnd, b.value.valueMinor, b.value.currency]),
      );
    }
    // Importing the same file again updates the project it created.
    const second = await previewImport(importer, FI_FILE, realFile(FI_FILE));
    expect(second.activities[0]).toMatchObject({ action: 'update', projectId: ids[0] });
  });

  it('imports results, indicators, baselines and periods into the results framework', async () => {
    const { preview, result } = await importFile(importer, 'rich.xml', Buffer.from(richXml));
    expect(preview.activities[0]).toMatchObject({ action: 'create', results: 1 });
    const projectId = result.created[0].projectId;
    expect(result.results).toBe(1);
    const framework = (await importer.get(`/api/v1/projects/${projectId}/results`)).json();
    expect(framework.results).toHaveLength(1);
    const r = framework.results[0];
    expect(r).toMatchObject({
      type: 'outcome',
      title: { en: 'Teachers apply new methods', fr: 'Les enseignants appliquent' },
    });
    expect(r.indicators[0]).toMatchObject({
      code: 'T1',
      measure: 'unit',
      title: { en: 'Teachers trained', 'zh-CN': '培训教师人数' },
      baseline: expect.objectContaining({ year: 2025, value: 0 }),
    });
    expect(r.indicators[0].periods[0]).toMatchObject({
      start: '2026-01-01',
      end: '2026-12-31',
      target: expect.objectContaining({ value: 120 }),
      actual: expect.objectContaining({ value: 45 }),
    });
  });

  it('refuses an import whose preview went stale, and imports nothing', async () => {
    const org = await createOrganization(t.deps, 'Stale College');
    const { client } = await signedInAs(t, 'coordinator', org);
    const preview = await previewImport(client, ES_FILE, realFile(ES_FILE));
    const plan = planOf(preview);
    expect(
      (await uploadWith(client, '/api/v1/iati/import', ES_FILE, realFile(ES_FILE), { plan })).statusCode,
    ).toBe(200);
    // The same plan again: the activity would now update the project the first import created.
    const res = await uploadWith(client, '/api/v1/iati/import', ES_FILE, realFile(ES_FILE), { plan });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: {
        reason: 'iati_import_stale',
        changes: [expect.objectContaining({ identifier: 'ES-DIR3-E04585801-009-041439' })],
      },
    });
    expect((await client.get('/api/v1/projects')).json().total).toBe(1);
    // Without the plan the import is refused outright.
    const noPlan = await client.upload('/api/v1/iati/import', ES_FILE, realFile(ES_FILE));
    expect(noPlan.statusCode).toBe(400);
  });

  it('round-trips its own export as an update of the same project', async () => {
    const project = await createProject(
      admin,
      buildProject({ code: 'OWN-RT', countries: [{ country: 'KE', percentage: null }] }),
    );
    const xml = (await exportXml(admin, [project.id])).body;
    const preview = await previewImport(admin, 'own.xml', Buffer.from(xml));
    expect(preview.activities[0]).toMatchObject({
      action: 'update',
      projectId: project.id,
      projectVersion: project.version,
      participants: [expect.objectContaining({ match: 'own' })],
    });
  });

  it('rejects files that are not XML, and reports unreadable or foreign XML', async () => {
    const pdf = await importer.upload('/api/v1/iati/import/preview', 'x.pdf', Buffer.from('%PDF-1.4 binary'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.details.reason).toBe('not_xml');
    const broken = await previewImport(
      importer,
      'broken.xml',
      Buffer.from('<iati-activities version="2.03"><iati-activity>'),
    );
    expect(broken.canImport).toBe(false);
    expect(broken.fileErrors[0]?.code).toBe('unreadable_xml');
    const foreign = await previewImport(importer, 'other.xml', Buffer.from('<?xml version="1.0"?><rss/>'));
    expect(foreign.fileErrors[0]?.code).toBe('not_iati_activities');
    const res = await uploadWith(importer, '/api/v1/iati/import', 'other.xml', Buffer.from('<rss/>'), {
      plan: '[]',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
  });
});
