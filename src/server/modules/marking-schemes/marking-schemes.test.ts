import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMarkingScheme, TSchemeTeams, TSubCriterionTeam } from '../../../contracts/marking-schemes.js';
import { newId } from '../../platform/ids.js';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import { insertCompetition, insertEntry, insertExpert, insertMember, insertSkill } from './test-fixtures.js';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../../../shared/fixtures/cis-marking-scheme/ES2025_Marking_Scheme_Web_Development_17.xlsx',
);

let t: TestApp;
let orgId: string;
let coordinator: Client;
let partner: Client;
let otherTenant: Client;

beforeAll(async () => {
  t = await createTestApp();
  const c = await signedInAs(t, 'coordinator');
  coordinator = c.client;
  orgId = c.orgId;
  partner = (await signedInAs(t, 'partner', orgId)).client;
  otherTenant = (await signedInAs(t, 'admin')).client;
});
afterAll(async () => {
  await t.close();
});

interface SkillSetup {
  skillId: string;
  chief: Client;
  expertUs: Client;
  otherChief: Client;
  members: { us: string; de: string; fr: string };
  entries: { us: string; de: string; fr: string; withdrawn: string };
  experts: { chief: string; us: string; de: string; fr: string; independent: string; withdrawn: string };
  url: string;
}

/** A skill with three members' entries (plus a withdrawn one), a chief expert and four experts. */
async function setupSkill(
  options: { numJudges?: number; allowCompatriotMarking?: boolean } = {},
): Promise<SkillSetup> {
  const competitionId = await insertCompetition(t.deps, orgId);
  const skillId = await insertSkill(t.deps, orgId, competitionId, options);
  const skill = { organizationId: orgId, competitionId, skillId };
  const members = {
    us: await insertMember(t.deps, orgId, competitionId, 'US'),
    de: await insertMember(t.deps, orgId, competitionId, 'DE'),
    fr: await insertMember(t.deps, orgId, competitionId, 'FR'),
  };
  const entries = {
    us: await insertEntry(t.deps, skill, members.us, 'Ada (US)'),
    de: await insertEntry(t.deps, skill, members.de, 'Bert (DE)', 'registered'),
    fr: await insertEntry(t.deps, skill, members.fr, 'Chloé (FR)'),
    withdrawn: await insertEntry(t.deps, skill, members.fr, 'Dora (FR)', 'withdrawn'),
  };
  const chiefUser = await createMember(t.deps, orgId, 'chief_expert');
  const expertUser = await createMember(t.deps, orgId, 'expert');
  const otherChiefUser = await createMember(t.deps, orgId, 'chief_expert');
  const experts = {
    chief: await insertExpert(t.deps, skill, members.de, 'Chief', {
      role: 'chief_expert',
      userId: chiefUser.userId,
    }),
    us: await insertExpert(t.deps, skill, members.us, 'Usher', { userId: expertUser.userId }),
    de: await insertExpert(t.deps, skill, members.de, 'Deutsch'),
    fr: await insertExpert(t.deps, skill, members.fr, 'Français'),
    independent: await insertExpert(t.deps, skill, null, 'Independent'),
    withdrawn: await insertExpert(t.deps, skill, members.fr, 'Gone', { status: 'withdrawn' }),
  };
  return {
    skillId,
    chief: await signIn(t.app, chiefUser.email),
    expertUs: await signIn(t.app, expertUser.email),
    otherChief: await signIn(t.app, otherChiefUser.email),
    members,
    entries,
    experts,
    url: `/api/v1/competitions/skills/${skillId}/schemes`,
  };
}

/** A valid scheme: A1 measurement (30 × 2.00, section 2), A2 judgement (20 × 2.00, section 1). */
function validScheme(): TMarkingScheme {
  const aspects: TMarkingScheme['aspects'] = [];
  for (let i = 1; i <= 30; i++) {
    aspects.push({
      key: `A1.${i}`,
      subCriterionKey: 'A1',
      type: 'M',
      description: `Check ${i}`,
      extraDescription: '',
      requirement: '',
      maxMark: '2.00',
      wsosSection: 2,
      calculation: { kind: 'PASS_FAIL' },
    });
  }
  for (let i = 1; i <= 20; i++) {
    aspects.push({
      key: `A2.${i}`,
      subCriterionKey: 'A2',
      type: 'J',
      description: `Quality ${i}`,
      extraDescription: '',
      maxMark: '2.00',
      wsosSection: 1,
      descriptors: ['below', 'meets', 'exceeds', 'excellent'],
    });
  }
  return {
    sections: [
      { number: 1, name: 'Work organisation', weight: '40' },
      { number: 2, name: 'Design', weight: '60' },
    ],
    criteria: [{ key: 'A', name: 'Front end' }],
    subCriteria: [
      { key: 'A1', criterionKey: 'A', name: 'Functional checks', dayOfMarking: 'C1' },
      { key: 'A2', criterionKey: 'A', name: 'Look and feel', dayOfMarking: 'C2' },
    ],
    aspects,
  };
}

async function createDraft(client: Client, s: SkillSetup, scheme: TMarkingScheme = validScheme()) {
  const res = await client.post(s.url, { from: 'json', scheme });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function auditOf(entityId: string) {
  return t.deps.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityId', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

describe('CIS workbook import', () => {
  let s: SkillSetup;
  beforeAll(async () => {
    s = await setupSkill();
  });

  it('previews the real ES2025 workbook, then imports it with the totals of its README', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const preview = await coordinator.upload(`${s.url}/import/preview`, 'ES2025.xlsx', bytes);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ fileName: 'ES2025.xlsx', canImport: true, problems: [] });
    expect(
      await t.deps.db.selectFrom('markingSchemes').select('id').where('skillId', '=', s.skillId).execute(),
    ).toEqual([]);

    const res = await coordinator.upload(`${s.url}/import`, 'ES2025.xlsx', bytes);
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      versionNo: 1,
      status: 'draft',
      source: 'cis_import',
      sourceFileName: 'ES2025.xlsx',
    });
    const { summary } = v.validation;
    const byKey = Object.fromEntries(summary.criteria.map((c: { key: string }) => [c.key, c])) as Record<
      string,
      {
        measurement: string;
        judgement: string;
        total: string;
        measurementAspects: number;
        judgementAspects: number;
      }
    >;
    const expected: [string, string, string, string, number, number][] = [
      ['A', '9.75', '6.75', '16.50', 26, 7],
      ['B', '17.00', '6.00', '23.00', 38, 6],
      ['C', '16.75', '0.00', '16.75', 29, 0],
      ['D', '17.00', '5.00', '22.00', 55, 3],
      ['E', '15.25', '1.50', '16.75', 22, 3],
      ['F', '5.00', '0.00', '5.00', 3, 0],
    ];
    expect(Object.keys(byKey)).toEqual(expected.map((e) => e[0]));
    for (const [key, m, j, total, mCount, jCount] of expected) {
      expect(byKey[key], key).toMatchObject({
        measurement: m,
        judgement: j,
        total,
        measurementAspects: mCount,
        judgementAspects: jCount,
      });
    }
    expect(summary.totals).toEqual({
      measurement: '80.75',
      judgement: '19.25',
      total: '100.00',
      measurementAspects: 173,
      judgementAspects: 19,
    });
    expect(summary.sections.map((x: { weight: string; sum: string }) => [x.weight, x.sum])).toEqual([
      ['5.00', '5.00'],
      ['5.00', '5.25'],
      ['25.00', '24.75'],
      ['25.00', '24.75'],
      ['40.00', '40.25'],
    ]);
    expect(summary.totalVariation).toBe('1.00');
    expect(v.total).toBe('100.00');
    const created = (await auditOf(v.id)).find((a) => a.action === 'create');
    expect(created?.reason).toBe('import ES2025.xlsx');
  });

  it('exports a version that imports back as the same scheme', async () => {
    const [version] = (await coordinator.get(s.url)).json().data;
    const original = (await coordinator.get(`${s.url}/${version.id}`)).json();
    const exported = await coordinator.get(`${s.url}/${version.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.headers['content-disposition']).toContain('Marking_Scheme_17_Web_Development_v1.xlsx');

    const other = await setupSkill();
    const again = await coordinator.upload(`${other.url}/import`, 'roundtrip.xlsx', exported.rawPayload);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().scheme).toEqual(original.scheme);
    expect(again.json().validation.summary).toEqual(original.validation.summary);
  });

  it('reports every problem of an invalid workbook by sheet, row and column, and creates nothing', async () => {
    const other = await setupSkill();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(FIXTURE) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('CIS Marking Scheme Import');
    if (!sheet) {
      throw new Error('fixture sheet missing');
    }
    // Break the max mark and the aspect type of the first aspect rows found.
    let maxMarkRow = 0;
    let typeRow = 0;
    sheet.eachRow((row, n) => {
      const type = String(row.getCell(4).value ?? '');
      if (type === 'M' && maxMarkRow === 0) {
        maxMarkRow = n;
        row.getCell(11).value = 'lots';
      } else if (type === 'M' && typeRow === 0) {
        typeRow = n;
        row.getCell(4).value = 'X';
      }
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const preview = await coordinator.upload(`${other.url}/import/preview`, 'broken.xlsx', bytes);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.canImport).toBe(false);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: 'CIS Marking Scheme Import',
          row: maxMarkRow,
          column: 'Max Mark',
          code: 'max_mark_invalid',
        }),
        expect.objectContaining({
          sheet: 'CIS Marking Scheme Import',
          row: typeRow,
          code: 'aspect_type_invalid',
        }),
      ]),
    );

    const res = await coordinator.upload(`${other.url}/import`, 'broken.xlsx', bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(res.json().error.details.problems.length).toBe(p.problems.length);
    expect((await coordinator.get(other.url)).json().data).toEqual([]);

    const notXlsx = await coordinator.upload(
      `${other.url}/import/preview`,
      'scheme.xlsx',
      Buffer.from('a,b\n1,2\n'),
    );
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().error.details.problems[0]).toMatchObject({ code: 'unreadable_file' });
  });

  it('rejects an upload over the size limit', async () => {
    const other = await setupSkill();
    const res = await coordinator.upload(
      `${other.url}/import/preview`,
      'big.xlsx',
      Buffer.alloc(5 * 1024 * 1024 + 10),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'too_large' } });
    expect((await coordinator.get(other.url)).json().data).toEqual([]);
  });
});

describe('draft editing, validation, lock and unlock', () => {
  let s: SkillSetup;
  beforeAll(async () => {
    s = await setupSkill();
  });

  it('saves an invalid draft with its problems, and refuses to lock it', async () => {
    const scheme = validScheme();
    scheme.aspects = scheme.aspects.slice(0, 30); // only A1: total 60
    const judgement = validScheme().aspects[30];
    if (judgement?.type === 'J') {
      scheme.aspects.push({ ...judgement, descriptors: ['below', '', 'exceeds', 'excellent'] });
    }
    const draft = await createDraft(coordinator, s, scheme);
    expect(draft.validation.valid).toBe(false);
    const codes = draft.validation.problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['scheme_total_not_100', 'judgement_descriptor_missing']));
    expect(draft.validation.problems).toContainEqual(
      expect.objectContaining({
        code: 'judgement_descriptor_missing',
        aspectKey: 'A2.1',
        params: { level: 1 },
      }),
    );
    expect(draft.abilities).toMatchObject({ edit: true, lock: false });

    const lock = await s.chief.post(`${s.url}/${draft.id}/lock`, { version: draft.version });
    expect(lock.statusCode).toBe(409);
    expect(lock.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'scheme_invalid' } });
    expect(lock.json().error.details.problems.map((p: { code: string }) => p.code)).toContain(
      'scheme_total_not_100',
    );
  });

  it('allows one draft at a time', async () => {
    const res = await coordinator.post(s.url, { from: 'empty' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('draft_exists');
  });

  it('replaces the whole draft with compare-and-set on its version (stale → 409)', async () => {
    const [draft] = (await coordinator.get(s.url)).json().data;
    const ok = await coordinator.put(`${s.url}/${draft.id}`, {
      version: draft.version,
      scheme: validScheme(),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: draft.version + 1, total: '100.00', valid: true });

    const stale = await coordinator.put(`${s.url}/${draft.id}`, {
      version: draft.version,
      scheme: validScheme(),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const audit = (await auditOf(draft.id)).filter((a) => a.action === 'update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.beforeJson ?? '{}').scheme.aspects).toHaveLength(31);
    expect(JSON.parse(audit[0]?.afterJson ?? '{}').scheme.aspects).toHaveLength(50);
  });

  it('rejects a document of the wrong shape with 400', async () => {
    const [draft] = (await coordinator.get(s.url)).json().data;
    const res = await coordinator.put(`${s.url}/${draft.id}`, {
      version: draft.version,
      scheme: { ...validScheme(), aspects: [{ key: 'A1.1', subCriterionKey: 'A1', type: 'Q' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
  });

  it('lets only the skill supervisor lock (403 for others)', async () => {
    const [draft] = (await coordinator.get(s.url)).json().data;
    for (const client of [coordinator, s.expertUs, s.otherChief]) {
      const res = await client.post(`${s.url}/${draft.id}/lock`, { version: draft.version });
      expect(res.statusCode).toBe(403);
    }
  });

  it('locks a valid draft and creates a form per sub-criterion × registered/confirmed entry', async () => {
    const [draft] = (await s.chief.get(s.url)).json().data;
    const res = await s.chief.post(`${s.url}/${draft.id}/lock`, { version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'locked',
      formCount: 6,
      abilities: { edit: false, unlock: true },
    });
    const forms = await t.deps.db
      .selectFrom('markingForms')
      .select(['subCriterionKey', 'entryId', 'state'])
      .where('schemeId', '=', draft.id)
      .execute();
    expect(forms).toHaveLength(6);
    expect(new Set(forms.map((f) => f.state))).toEqual(new Set(['not_started']));
    expect(new Set(forms.map((f) => f.entryId))).toEqual(new Set([s.entries.us, s.entries.de, s.entries.fr]));
    expect(new Set(forms.map((f) => f.subCriterionKey))).toEqual(new Set(['A1', 'A2']));
  });

  it('rejects edits and deletion of a locked version (409 INVALID_STATE)', async () => {
    const [locked] = (await coordinator.get(s.url)).json().data;
    const put = await coordinator.put(`${s.url}/${locked.id}`, {
      version: locked.version,
      scheme: validScheme(),
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'not_draft' } });
    const del = await coordinator.delete(`${s.url}/${locked.id}?version=${locked.version}`);
    expect(del.statusCode).toBe(409);
  });

  it('unlocks only with a reason, audited; the forms go with it', async () => {
    const [locked] = (await s.chief.get(s.url)).json().data;
    const noReason = await s.chief.post(`${s.url}/${locked.id}/unlock`, {
      version: locked.version,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('INVALID_INPUT');
    const missing = await s.chief.post(`${s.url}/${locked.id}/unlock`, { version: locked.version });
    expect(missing.statusCode).toBe(400);
    const byCoordinator = await coordinator.post(`${s.url}/${locked.id}/unlock`, {
      version: locked.version,
      reason: 'typo in A1.3',
    });
    expect(byCoordinator.statusCode).toBe(403);

    const res = await s.chief.post(`${s.url}/${locked.id}/unlock`, {
      version: locked.version,
      reason: 'typo in A1.3',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', lockReason: 'typo in A1.3', formCount: 0 });
    const audit = (await auditOf(locked.id)).at(-1);
    expect(audit).toMatchObject({ action: 'update', entityType: 'marking_scheme', reason: 'typo in A1.3' });
    expect(JSON.parse(audit?.beforeJson ?? '{}').status).toBe('locked');
    expect(JSON.parse(audit?.afterJson ?? '{}').status).toBe('draft');
  });

  it('keeps a version with marks locked: no unlock, no new draft', async () => {
    const [draft] = (await s.chief.get(s.url)).json().data;
    const locked = (await s.chief.post(`${s.url}/${draft.id}/lock`, { version: draft.version })).json();
    const form = await t.deps.db
      .selectFrom('markingForms')
      .select('id')
      .where('schemeId', '=', locked.id)
      .where('subCriterionKey', '=', 'A2')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('judgementScores')
      .values({
        id: newId(),
        organizationId: orgId,
        formId: form.id,
        aspectKey: 'A2.1',
        judgeExpertId: s.experts.fr,
        score: 2,
        enteredBy: s.chief.userId,
        enteredAt: t.deps.clock.now().toISOString(),
        version: 1,
      })
      .execute();
    const unlock = await s.chief.post(`${s.url}/${locked.id}/unlock`, {
      version: locked.version,
      reason: 'late fix',
    });
    expect(unlock.statusCode).toBe(409);
    expect(unlock.json().error.details.reason).toBe('marks_exist');
    const copy = await coordinator.post(s.url, { from: 'copy' });
    expect(copy.statusCode).toBe(409);
    expect(copy.json().error.details.reason).toBe('marks_exist');
    const list = (await coordinator.get(s.url)).json();
    expect(list.data[0]).toMatchObject({ status: 'locked', hasMarks: true });
    expect(list.abilities.create).toBe(true);
  });

  it('supersedes the previous locked version (without marks) when the next one locks', async () => {
    const other = await setupSkill();
    const v1 = await createDraft(coordinator, other);
    const locked1 = (await other.chief.post(`${other.url}/${v1.id}/lock`, { version: v1.version })).json();
    expect(locked1.status).toBe('locked');
    const copy = await coordinator.post(other.url, { from: 'copy' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ versionNo: 2, source: 'copy', status: 'draft' });
    expect(copy.json().scheme).toEqual(locked1.scheme);
    const locked2 = await other.chief.post(`${other.url}/${copy.json().id}/lock`, {
      version: copy.json().version,
    });
    expect(locked2.statusCode, locked2.body).toBe(200);
    const list = (await coordinator.get(other.url)).json().data;
    expect(list.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'locked'],
      [1, 'superseded'],
    ]);
    const v1Forms = await t.deps.db
      .selectFrom('markingForms')
      .select('id')
      .where('schemeId', '=', v1.id)
      .execute();
    expect(v1Forms).toEqual([]);
  });

  it('deletes a draft with its version (stale → 409)', async () => {
    const other = await setupSkill();
    const draft = await createDraft(coordinator, other);
    const stale = await coordinator.delete(`${other.url}/${draft.id}?version=${draft.version + 1}`);
    expect(stale.statusCode).toBe(409);
    const res = await coordinator.delete(`${other.url}/${draft.id}?version=${draft.version}`);
    expect(res.statusCode).toBe(200);
    expect((await coordinator.get(other.url)).json().data).toEqual([]);
    expect((await auditOf(draft.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });
});

describe('who sees and edits schemes', () => {
  let s: SkillSetup;
  let draftId: string;
  beforeAll(async () => {
    s = await setupSkill();
    draftId = (await createDraft(coordinator, s)).id;
  });

  it('hides drafts from experts of the skill, who see locked versions', async () => {
    expect((await s.expertUs.get(s.url)).json().data).toEqual([]);
    expect((await s.expertUs.get(`${s.url}/${draftId}`)).statusCode).toBe(404);
    const draft = (await s.chief.get(`${s.url}/${draftId}`)).json();
    await s.chief.post(`${s.url}/${draftId}/lock`, { version: draft.version });
    const seen = await s.expertUs.get(`${s.url}/${draftId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toEqual({
      edit: false,
      delete: false,
      lock: false,
      unlock: false,
      assignTeams: false,
    });
  });

  it('gives partners and other colleges 404', async () => {
    for (const client of [partner, otherTenant]) {
      expect((await client.get(s.url)).statusCode).toBe(404);
      expect((await client.get(`${s.url}/${draftId}`)).statusCode).toBe(404);
      expect((await client.get(`${s.url}/${draftId}/export`)).statusCode).toBe(404);
      expect((await client.get(`${s.url}/${draftId}/teams`)).statusCode).toBe(404);
    }
    expect((await otherTenant.post(s.url, { from: 'empty' })).statusCode).toBe(404);
  });

  it('does not let an expert or another skill chief edit drafts (403)', async () => {
    expect((await s.expertUs.post(s.url, { from: 'empty' })).statusCode).toBe(403);
    expect((await s.otherChief.post(s.url, { from: 'empty' })).statusCode).toBe(403);
  });
});

describe('marking teams under the compatriot rule', () => {
  let s: SkillSetup;
  let schemeId: string;
  let teamsUrl: string;
  beforeAll(async () => {
    s = await setupSkill();
    const draft = await createDraft(coordinator, s);
    schemeId = draft.id;
    teamsUrl = `${s.url}/${schemeId}/teams`;
    await s.chief.post(`${s.url}/${schemeId}/lock`, { version: draft.version });
  });

  const teamOf = (body: TSchemeTeams, key: string): TSubCriterionTeam => {
    const team = body.teams.find((x) => x.subCriterionKey === key);
    if (!team) {
      throw new Error(`no team for ${key}`);
    }
    return team;
  };

  it('lists the experts (not withdrawn), the marked entries and uncovered sub-criteria', async () => {
    const res = await s.chief.get(teamsUrl);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.experts.map((x: { id: string }) => x.id).sort()).toEqual(
      [s.experts.chief, s.experts.us, s.experts.de, s.experts.fr, s.experts.independent].sort(),
    );
    expect(body.entries).toHaveLength(3);
    // Empty teams: each entry lacks a marker on A1 and three judges on A2.
    expect(body.problemCount).toBe(6);
    expect(body.abilities.assign).toBe(true);
  });

  it('saves a team that leaves entries uncovered and reports them per entry', async () => {
    const current = teamOf((await s.chief.get(teamsUrl)).json(), 'A2');
    const res = await s.chief.put(`${teamsUrl}/A2`, {
      revision: current.revision,
      members: [
        { expertId: s.experts.us, teamRole: 'judge' },
        { expertId: s.experts.de, teamRole: 'judge' },
        { expertId: s.experts.fr, teamRole: 'judge' },
        { expertId: s.experts.chief, teamRole: 'supervisor' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const a2 = teamOf(res.json(), 'A2');
    expect(a2.members).toHaveLength(4);
    expect(a2.problems).toHaveLength(3);
    expect(a2.problems).toContainEqual({
      code: 'not_enough_non_compatriot_judges',
      entryId: s.entries.us,
      eligible: 2,
      required: 3,
    });
    const us = a2.coverage.find((c) => c.entryId === s.entries.us);
    expect(us?.eligibleJudgeIds.sort()).toEqual([s.experts.de, s.experts.fr].sort());
    const audit = (await auditOf(schemeId)).filter((a) => a.entityType === 'marking_team');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({ subCriterionKey: 'A2', problems: 3 });
  });

  it('covers every entry once an independent judge joins', async () => {
    const current = teamOf((await s.chief.get(teamsUrl)).json(), 'A2');
    const res = await s.chief.put(`${teamsUrl}/A2`, {
      revision: current.revision,
      members: [
        { expertId: s.experts.us, teamRole: 'judge' },
        { expertId: s.experts.de, teamRole: 'judge' },
        { expertId: s.experts.fr, teamRole: 'judge' },
        { expertId: s.experts.independent, teamRole: 'judge' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(teamOf(res.json(), 'A2').problems).toEqual([]);
  });

  it('reports the entry a lone compatriot marker cannot mark', async () => {
    const current = teamOf((await s.chief.get(teamsUrl)).json(), 'A1');
    const res = await s.chief.put(`${teamsUrl}/A1`, {
      revision: current.revision,
      members: [{ expertId: s.experts.us, teamRole: 'marker' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(teamOf(res.json(), 'A1').problems).toEqual([
      { code: 'no_non_compatriot_marker', entryId: s.entries.us, eligible: 0, required: 1 },
    ]);
    expect(res.json().problemCount).toBe(1);
  });

  it('answers 409 to a stale team revision', async () => {
    const res = await s.chief.put(`${teamsUrl}/A1`, {
      revision: 'stale',
      members: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('rejects unknown, withdrawn and repeated experts with 400 per member', async () => {
    const current = teamOf((await s.chief.get(teamsUrl)).json(), 'A1');
    const res = await s.chief.put(`${teamsUrl}/A1`, {
      revision: current.revision,
      members: [
        { expertId: s.experts.withdrawn, teamRole: 'marker' },
        { expertId: s.experts.de, teamRole: 'marker' },
        { expertId: s.experts.de, teamRole: 'judge' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { path: ['members', '0', 'expertId'], message: 'team_member_unknown_expert' },
      { path: ['members', '2', 'expertId'], message: 'team_member_duplicate' },
    ]);
  });

  it('lets only the skill supervisor assign (403), and 404 for an unknown sub-criterion', async () => {
    const current = teamOf((await s.chief.get(teamsUrl)).json(), 'A1');
    for (const client of [coordinator, s.expertUs, s.otherChief]) {
      const res = await client.put(`${teamsUrl}/A1`, { revision: current.revision, members: [] });
      expect(res.statusCode).toBe(403);
    }
    expect(
      (await otherTenant.put(`${teamsUrl}/A1`, { revision: current.revision, members: [] })).statusCode,
    ).toBe(404);
    expect(
      (await s.chief.put(`${teamsUrl}/Z9`, { revision: current.revision, members: [] })).statusCode,
    ).toBe(404);
  });

  it("tells an expert what they mark, without their compatriots' entries", async () => {
    const res = await s.expertUs.get(`/api/v1/competitions/skills/${s.skillId}/teams/mine`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ schemeId, expertId: s.experts.us });
    expect(
      body.assignments.map((a: { subCriterionKey: string; teamRole: string }) => [
        a.subCriterionKey,
        a.teamRole,
      ]),
    ).toEqual([
      ['A1', 'marker'],
      ['A2', 'judge'],
    ]);
    expect(body.assignments[0].entryIds.sort()).toEqual([s.entries.de, s.entries.fr].sort());
    expect(body.assignments[0].compatriotEntryIds).toEqual([s.entries.us]);
    expect((await partner.get(`/api/v1/competitions/skills/${s.skillId}/teams/mine`)).statusCode).toBe(404);
  });

  it('counts compatriots when the skill allows compatriot marking', async () => {
    const open = await setupSkill({ allowCompatriotMarking: true, numJudges: 2 });
    const draft = await createDraft(coordinator, open);
    const url = `${open.url}/${draft.id}/teams`;
    const current = teamOf((await open.chief.get(url)).json(), 'A2');
    const res = await open.chief.put(`${url}/A2`, {
      revision: current.revision,
      members: [
        { expertId: open.experts.us, teamRole: 'judge' },
        { expertId: open.experts.de, teamRole: 'judge' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(teamOf(res.json(), 'A2').problems).toEqual([]);
  });
});
