/**
 * Formula injection (issue 7, "Attacks"): texts a user typed that a spreadsheet program would run
 * (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(1)`, `-2+3`) reach every CSV/XLSX export, and each file is
 * read back here: no cell is a formula, no text cell starts like one, and the payload is there as
 * inert text (with the apostrophe of platform/spreadsheets/formula-injection.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSkill } from '../modules/competition-results/test-fixtures.js';
import { newId } from '../platform/ids.js';
import { readTabularFile } from '../platform/spreadsheets/tabular-files.js';
import { buildPartner } from '../test/factories.js';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../test/test-app.js';

const PAYLOADS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3'] as const;
const [HYPERLINK, CMD, AT_SUM, MINUS] = PAYLOADS;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const samples = path.resolve(import.meta.dirname, '../../../samples');

let t: TestApp;
let admin: Client;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'admin');
  admin = s.client;
  orgId = s.orgId;
});
afterAll(async () => {
  await t.close();
});

/** Every cell of every sheet as text, failing on any formula cell. */
async function xlsxTexts(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  for (const sheet of wb.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') {
          texts.push(cell.value);
        }
      });
    });
  }
  return texts;
}

async function csvTexts(bytes: Buffer): Promise<string[]> {
  return (await readTabularFile(bytes)).flat();
}

/** Downloads an export and checks that it is inert and carries the payloads it should. */
async function checkExport(url: string, expected: readonly string[]) {
  const res = await admin.get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  const bytes = res.rawPayload;
  const isCsv = String(res.headers['content-type']).startsWith('text/csv');
  // readTabularFile trims cells; read the raw CSV too, so a leading tab or CR cannot hide.
  const texts = isCsv ? await csvTexts(bytes) : await xlsxTexts(bytes);
  const live = texts.filter((s) => FORMULA_START.test(s) && !PLAIN_NUMBER.test(s));
  expect(live, url).toEqual([]);
  if (isCsv) {
    const raw = bytes.toString('utf8');
    expect(raw, url).not.toMatch(/(^|[,\n])"?[=+@\t\r]/m);
  }
  for (const p of expected) {
    expect(texts, `${url} should hold ${p} as text`).toContain(`'${p}`);
  }
  return texts;
}

describe('formula injection in every export', () => {
  it('partners (CSV and XLSX)', async () => {
    const res = await admin.post(
      '/api/v1/partners',
      buildPartner({ names: { en: HYPERLINK }, nativeName: CMD, city: AT_SUM, notes: MINUS, country: 'KE' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    for (const format of ['csv', 'xlsx']) {
      await checkExport(`/api/v1/partners/export?format=${format}`, [HYPERLINK, CMD, AT_SUM]);
    }
  });

  it('training enrolments (CSV and XLSX, with and without sensitive columns)', async () => {
    const projectId = (
      await admin.post('/api/v1/projects', {
        code: `FI-${newId().slice(-5)}`,
        type: 'teacher_training',
        title: { en: 'Formula project' },
        plannedStart: '2026-01-01',
        plannedEnd: '2026-12-31',
      })
    ).json().id;
    const programme = await admin.post('/api/v1/training/programmes', {
      projectId,
      title: { en: HYPERLINK },
      description: CMD,
      modules: [{ kind: 'teacher_workshop', title: { en: 'PLC' }, hours: 20 }],
      learningOutcomes: [],
      languages: ['en'],
      interpretationNeeds: '',
      completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: false },
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const cohort = await admin.post(`/api/v1/training/programmes/${programme.json().id}/cohorts`, {
      name: AT_SUM,
      startsOn: '2026-03-02',
      endsOn: '2026-03-13',
      capacity: 20,
    });
    expect(cohort.statusCode, cohort.body).toBe(201);
    const enrolment = await admin.post(`/api/v1/training/cohorts/${cohort.json().id}/enrolments`, {
      participant: {
        nameLatin: HYPERLINK,
        nameNative: CMD,
        country: 'BD',
        gender: 'female',
        email: 'formula@x.example',
        organizationName: AT_SUM,
        position: MINUS,
      },
    });
    expect(enrolment.statusCode, enrolment.body).toBe(201);
    for (const format of ['csv', 'xlsx']) {
      for (const sensitive of ['false', 'true']) {
        await checkExport(
          `/api/v1/training/cohorts/${cohort.json().id}/enrolments/export?format=${format}&includeSensitive=${sensitive}`,
          [HYPERLINK, CMD, AT_SUM, MINUS],
        );
      }
    }
  });

  it('training-base gap list (CSV and XLSX)', async () => {
    const list = [
      'item,specification,quantity,basis,category',
      `"${HYPERLINK.replace(/"/g, '""')}",${AT_SUM},2,per_workstation,"${CMD}"`,
    ].join('\n');
    const imported = await admin.upload(
      '/api/v1/infrastructure-lists/import?name=IL&skillNumber=04&skillName=Mechatronics',
      'il.csv',
      Buffer.from(list, 'utf8'),
    );
    expect(imported.statusCode, imported.body).toBe(201);
    const base = await admin.post('/api/v1/bases', {
      kind: 'worldskills',
      names: { en: MINUS },
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
    });
    expect(base.statusCode, base.body).toBe(201);
    for (const format of ['csv', 'xlsx']) {
      await checkExport(
        `/api/v1/bases/${base.json().id}/compliance/export?listId=${imported.json().id}&format=${format}`,
        [HYPERLINK, AT_SUM, CMD],
      );
    }
  });

  it('glossary CSV, and it reads back to the same terms', async () => {
    const g = await admin.post('/api/v1/glossaries', {
      name: { en: 'Formulae' },
      subject: 'Formulae',
      languages: ['en', 'fr'],
    });
    expect(g.statusCode, g.body).toBe(201);
    const id = g.json().id;
    for (const term of PAYLOADS) {
      const r = await admin.post(`/api/v1/glossaries/${id}/terms`, { language: 'en', term, definition: CMD });
      expect(r.statusCode, r.body).toBe(201);
    }
    const texts = await checkExport(`/api/v1/glossaries/${id}/export?format=csv`, PAYLOADS);
    expect(texts.length).toBeGreaterThan(0);
    // Exported, then imported into a fresh glossary: the apostrophes are taken off again.
    const csv = (await admin.get(`/api/v1/glossaries/${id}/export?format=csv`)).rawPayload;
    const g2 = (
      await admin.post('/api/v1/glossaries', {
        name: { en: 'Copy' },
        subject: 'Copy',
        languages: ['en', 'fr'],
      })
    ).json();
    const back = await admin.upload(`/api/v1/glossaries/${g2.id}/import?format=csv`, 'g.csv', csv);
    expect(back.statusCode, back.body).toBeLessThan(300);
    const concepts = (await admin.get(`/api/v1/glossaries/${g2.id}/concepts?pageSize=50`)).json().data;
    const terms = concepts.flatMap((c: { terms: { term: string }[] }) => c.terms.map((x) => x.term));
    expect([...terms].sort()).toEqual([...PAYLOADS].sort());
  });

  it('competition results and marks (XLSX)', async () => {
    const chief = await createMember(t.deps, orgId, 'chief_expert');
    const s = await seedSkill(t.deps, orgId, {
      entrants: [
        { name: HYPERLINK, member: 'AT', errors: 222, judge: 3 },
        { name: AT_SUM, member: 'IE', errors: 373, judge: 2 },
        { name: CMD, member: 'KH', errors: 518, judge: 1 },
      ],
      experts: [
        { userId: chief.userId, role: 'chief_expert', member: 'AT', firstName: MINUS },
        { userId: null, role: 'expert', member: 'IE', firstName: 'Sean' },
        { userId: null, role: 'expert', member: 'KH', firstName: 'Sophea' },
      ],
    });
    const chiefClient = await signIn(t.app, chief.email);
    for (const kind of ['results', 'marks']) {
      const url = `/api/v1/competition-results/skills/${s.skillId}/exports/${kind}/xlsx`;
      const res = await chiefClient.get(url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const texts = await xlsxTexts(res.rawPayload);
      expect(texts.filter((x) => FORMULA_START.test(x) && !PLAIN_NUMBER.test(x))).toEqual([]);
      expect(texts.some((x) => x.includes(`'${HYPERLINK}`) || x.includes(HYPERLINK))).toBe(true);
    }
  });

  it('evaluation report and portfolio report (XLSX)', async () => {
    const p = await admin.post('/api/v1/projects', {
      code: `FX-${newId().slice(-5)}`,
      type: 'teacher_training',
      title: { en: HYPERLINK },
      description: { en: CMD },
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
    });
    expect(p.statusCode, p.body).toBe(201);
    await checkExport(`/api/v1/projects/${p.json().id}/evaluation/report.xlsx?languages=en`, []);
    const texts = await checkExport('/api/v1/evaluation/portfolio-report.xlsx?year=2026', []);
    expect(texts.join('\n')).toContain(HYPERLINK);
  });

  it('the import samples are inert as shipped', async () => {
    for (const url of [
      '/api/v1/partners/import/sample?format=xlsx',
      '/api/v1/training/enrolments/import/sample?format=xlsx',
      '/api/v1/talent/import/sample?format=xlsx',
      '/api/v1/bases/samples/list?format=xlsx',
      '/api/v1/bases/samples/inventory?format=xlsx',
    ]) {
      await checkExport(url, []);
    }
    expect(fs.existsSync(path.join(samples, 'partners-import.csv'))).toBe(true);
  });
});
