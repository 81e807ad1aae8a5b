import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProjectInput } from '../../../contracts/projects.js';
import { ZProjectInput } from '../../../contracts/projects.js';
import { projectInYear } from '../../../domain/projects/project-rules.js';
import { buildAgreement, buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let coordinator: Client;
let orgId: string;
let coordinatorId: string;
let partnerId: string;
let agreementId: string;
let n = 0;

function buildProject(overrides: Partial<TProjectInput> = {}): TProjectInput {
  n++;
  return ZProjectInput.parse({
    code: `TB-${n}`,
    type: 'teacher_training',
    title: { en: `Project ${n}`, 'zh-CN': `项目 ${n}` },
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    ...overrides,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
  coordinatorId = s.userId;
  partnerId = (await coordinator.post('/api/v1/partners', buildPartner({ country: 'KE' }))).json().id;
  agreementId = (await coordinator.post('/api/v1/agreements', buildAgreement([partnerId]))).json().id;
});
afterAll(async () => {
  await t.close();
});

async function create(client: Client, body: TProjectInput) {
  const res = await client.post('/api/v1/projects', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('projects: create, read, update', () => {
  it('stores a full IATI-shaped project and returns it with its links', async () => {
    const p = await create(
      coordinator,
      buildProject({
        code: 'EA-TTC-2026',
        title: { en: 'East Africa TVET Teacher Training Centre', ar: 'مركز تدريب المعلمين' },
        description: { en: 'Train-the-trainer programme' },
        status: '2',
        actualStart: '2026-02-01',
        responsibleUserId: coordinatorId,
        participants: [
          { partnerId: null, role: '1' },
          { partnerId, role: '4' },
        ],
        countries: [
          { country: 'KE', percentage: 40 },
          { country: 'TZ', percentage: 30 },
          { country: 'UG', percentage: 30 },
        ],
        sectors: [{ vocabulary: '1', code: '11130', percentage: 100 }],
        agreementIds: [agreementId],
        budgets: [
          {
            type: '1',
            status: '2',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            valueMinor: 120_000_000,
            currency: 'CNY',
            valueDate: '2026-01-01',
          },
        ],
        transactions: [
          {
            type: '4',
            date: '2026-03-01',
            valueMinor: 30_000_000,
            currency: 'CNY',
            description: 'Trainers travel',
            providerOrg: '',
            receiverOrg: '',
          },
        ],
      }),
    );
    expect(p).toMatchObject({
      code: 'EA-TTC-2026',
      status: '2',
      countries: ['KE', 'TZ', 'UG'],
      countryShares: [
        { country: 'KE', percentage: 40 },
        { country: 'TZ', percentage: 30 },
        { country: 'UG', percentage: 30 },
      ],
      sectors: [{ vocabulary: '1', code: '11130', percentage: 100 }],
      participants: [
        { partnerId: null, role: '1', names: null },
        { partnerId, role: '4', country: 'KE' },
      ],
      agreements: [{ id: agreementId }],
      budgetTotals: [{ currency: 'CNY', valueMinor: 120_000_000 }],
      responsible: { id: coordinatorId },
      version: 1,
      abilities: { update: true, archive: true },
    });
    const page = (await coordinator.get(`/api/v1/projects/${p.id}/page`)).json();
    expect(page.spending).toEqual([
      {
        currency: 'CNY',
        budgetMinor: 120_000_000,
        spentMinor: 30_000_000,
        remainingMinor: 90_000_000,
        spentPercent: 25,
      },
    ]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', p.id)
      .where('entityType', '=', 'project')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('keeps percentages exact to the hundredth', async () => {
    const p = await create(
      coordinator,
      buildProject({
        countries: [
          { country: 'KE', percentage: 33.33 },
          { country: 'TZ', percentage: 33.33 },
          { country: 'UG', percentage: 33.34 },
        ],
      }),
    );
    expect(p.countryShares.map((c: { percentage: number }) => c.percentage)).toEqual([33.34, 33.33, 33.33]);
  });

  it('updates with the current version and answers 409 to a stale one', async () => {
    const p = await create(coordinator, buildProject());
    const body = buildProject({ code: p.code, title: { en: 'Renamed' } });
    const ok = await coordinator.put(`/api/v1/projects/${p.id}`, { version: 1, data: body });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: { en: 'Renamed' }, version: 2 });
    const stale = await coordinator.put(`/api/v1/projects/${p.id}`, { version: 1, data: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('archives and restores, hiding archived projects from the default list', async () => {
    const s = await signedInAs(t, 'coordinator');
    const p = await create(s.client, buildProject());
    const archived = await s.client.post(`/api/v1/projects/${p.id}/archive`, { version: 1, archived: true });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    expect((await s.client.get('/api/v1/projects')).json().total).toBe(0);
    expect((await s.client.get('/api/v1/projects?archived=true')).json().total).toBe(1);
    const stale = await s.client.post(`/api/v1/projects/${p.id}/archive`, { version: 1, archived: false });
    expect(stale.statusCode).toBe(409);
    await s.client.post(`/api/v1/projects/${p.id}/archive`, { version: 2, archived: false });
    expect((await s.client.get('/api/v1/projects')).json().total).toBe(1);
  });
});

describe('projects: validation', () => {
  const issue = async (body: unknown) => {
    const res = await coordinator.post('/api/v1/projects', body);
    expect(res.statusCode, res.body).toBe(400);
    return res
      .json()
      .error.details.issues.map(
        (i: { path: string[]; message: string }) => `${i.path.join('.')}:${i.message}`,
      );
  };

  it.each<[string, Record<string, unknown>, string]>([
    ['a code with spaces', { code: 'A B' }, 'code:code_format'],
    ['an unknown type', { type: 'tourism' }, 'type:'],
    ['a status outside 1-6', { status: '7' }, 'status:'],
    ['a bad date', { plannedStart: '2026-13' }, 'plannedStart:date_format'],
    ['a bad currency', { defaultCurrency: 'yuan' }, 'defaultCurrency:currency_code'],
    [
      'a participant role outside 1-4',
      { participants: [{ partnerId: null, role: '5' }] },
      'participants.0.role:',
    ],
    [
      'a fractional amount',
      { budgets: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', valueMinor: 1.5, currency: 'CNY' }] },
      'budgets.0.valueMinor:integer_minor_units',
    ],
    [
      'a percentage with three decimals',
      { countries: [{ country: 'KE', percentage: 33.333 }] },
      'countries.0.percentage:percentage_precision',
    ],
    ['a sector code of 4 digits', { sectors: [{ code: '1133' }] }, 'sectors.0.code:sector_code'],
    ['end before start', { plannedEnd: '2025-01-01' }, 'plannedEnd:end_before_start'],
    [
      'shares not totalling 100',
      {
        countries: [
          { country: 'KE', percentage: 50 },
          { country: 'TZ', percentage: 40 },
        ],
      },
      'countries:percentages_must_total_100',
    ],
    ['an unknown DAC code', { sectors: [{ code: '11111' }] }, 'sectors.0.code:unknown_sector'],
    ['no start date', { plannedStart: null }, 'plannedStart:start_date_required'],
    [
      'an unknown partner',
      { participants: [{ partnerId: 'nope', role: '4' }] },
      'participants.0.partnerId:unknown_partner',
    ],
    ['an unknown agreement', { agreementIds: ['nope'] }, 'agreementIds.0:unknown_agreement'],
    ['an unknown parent', { parentId: 'nope' }, 'parentId:unknown_project'],
    [
      'a responsible person outside the organization',
      { responsibleUserId: 'nope' },
      'responsibleUserId:unknown_user',
    ],
  ])('refuses %s', async (_name, overrides, expected) => {
    const found = await issue({ ...buildProject(), ...overrides });
    expect(
      found.some((f: string) => f.replace(/^body\./, '').startsWith(expected)),
      found.join(', '),
    ).toBe(true);
  });

  it('refuses a code already used in the organization, but not in another one', async () => {
    await create(coordinator, buildProject({ code: 'DUP-1' }));
    const res = await coordinator.post('/api/v1/projects', buildProject({ code: 'DUP-1' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { issues: [{ message: 'code_taken' }] },
    });
    const other = (await signedInAs(t, 'coordinator')).client;
    await create(other, buildProject({ code: 'DUP-1' }));
  });

  it('refuses to make a project its own ancestor', async () => {
    const s = await signedInAs(t, 'coordinator');
    const programme = await create(s.client, buildProject());
    const cohort = await create(s.client, buildProject({ parentId: programme.id }));
    const res = await s.client.put(`/api/v1/projects/${programme.id}`, {
      version: 1,
      data: buildProject({ code: programme.code, parentId: cohort.id }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ path: ['parentId'], message: 'parent_cycle' });
  });
});

describe('projects: permissions and tenancy', () => {
  it('lets readers read but not write, and hides other organizations (404)', async () => {
    const p = await create(coordinator, buildProject());
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    const read = await trainer.get(`/api/v1/projects/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false, archive: false });
    expect((await trainer.post('/api/v1/projects', buildProject())).statusCode).toBe(403);
    expect(
      (await trainer.put(`/api/v1/projects/${p.id}`, { version: 1, data: buildProject() })).statusCode,
    ).toBe(403);
    const participant = (await signedInAs(t, 'participant', orgId)).client;
    expect((await participant.get('/api/v1/projects')).statusCode).toBe(403);
    const outsider = (await signedInAs(t, 'admin')).client;
    expect((await outsider.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/projects/${p.id}/page`)).statusCode).toBe(404);
    expect(
      (await outsider.put(`/api/v1/projects/${p.id}`, { version: 1, data: buildProject() })).statusCode,
    ).toBe(404);
    expect(
      (await outsider.post(`/api/v1/projects/${p.id}/archive`, { version: 1, archived: true })).statusCode,
    ).toBe(404);
    // Another organization's partner or agreement cannot be linked.
    const linked = await outsider.post(
      '/api/v1/projects',
      buildProject({ participants: [{ partnerId, role: '4' }], agreementIds: [agreementId] }),
    );
    expect(linked.statusCode).toBe(400);
    expect(linked.json().error.details.issues.map((i: { message: string }) => i.message)).toEqual([
      'unknown_partner',
      'unknown_agreement',
    ]);
    expect((await outsider.get('/api/v1/projects')).json().total).toBe(0);
  });
});

describe('projects: list, filters, portfolio, sub-projects', () => {
  it('filters by type, status, country, partner, year and text, sorts and paginates', async () => {
    const s = await signedInAs(t, 'coordinator');
    const c = s.client;
    const ke = (await c.post('/api/v1/partners', buildPartner({ country: 'KE' }))).json().id;
    const bd = await create(
      c,
      buildProject({
        code: 'BD-CB-2026',
        type: 'capacity_building',
        title: { en: 'Bangladesh TVET Leaders Capacity Building 2026' },
        status: '2',
        plannedStart: '2026-04-01',
        plannedEnd: '2026-06-30',
        countries: [{ country: 'BD', percentage: 100 }],
        budgets: [
          {
            type: '1',
            status: '2',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            valueMinor: 500_000,
            currency: 'CNY',
            valueDate: null,
          },
        ],
      }),
    );
    const za = await create(
      c,
      buildProject({
        code: 'ZA-JTB',
        type: 'joint_training_base',
        baseLocation: 'overseas',
        title: { en: 'China-South Africa Automotive Joint Training Base' },
        status: '1',
        plannedStart: '2024-09-01',
        plannedEnd: null,
        countries: [{ country: 'ZA', percentage: null }],
        participants: [{ partnerId: ke, role: '4' }],
        budgets: [
          {
            type: '1',
            status: '1',
            periodStart: '2025-01-01',
            periodEnd: '2025-12-31',
            valueMinor: 100_000,
            currency: 'USD',
            valueDate: null,
          },
          {
            type: '1',
            status: '1',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            valueMinor: 300_000,
            currency: 'CNY',
            valueDate: null,
          },
          {
            type: '2',
            status: '2',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            valueMinor: 250_000,
            currency: 'CNY',
            valueDate: null,
          },
        ],
      }),
    );
    const old = await create(
      c,
      buildProject({
        code: 'OLD-1',
        type: 'exchange_delegation',
        title: { en: 'Delegation 2023' },
        status: '4',
        plannedStart: '2023-05-01',
        plannedEnd: '2023-05-10',
        actualStart: '2023-05-02',
        actualEnd: '2023-05-09',
        countries: [{ country: 'BD', percentage: 100 }],
      }),
    );
    const codes = async (qs: string) =>
      (await c.get(`/api/v1/projects?${qs}`)).json().data.map((p: { code: string }) => p.code);
    expect(await codes('sort=code')).toEqual(['BD-CB-2026', 'OLD-1', 'ZA-JTB']);
    expect(await codes('sort=-plannedStart')).toEqual(['BD-CB-2026', 'ZA-JTB', 'OLD-1']);
    expect(await codes('type=joint_training_base')).toEqual(['ZA-JTB']);
    expect(await codes('status=4')).toEqual(['OLD-1']);
    expect(await codes('country=BD&sort=code')).toEqual(['BD-CB-2026', 'OLD-1']);
    expect(await codes(`partnerId=${ke}`)).toEqual(['ZA-JTB']);
    expect(await codes('year=2026&sort=code')).toEqual(['BD-CB-2026', 'ZA-JTB']);
    expect(await codes('year=2023')).toEqual(['OLD-1']);
    expect(await codes('year=2030')).toEqual(['ZA-JTB']);
    expect(await codes('q=automotive')).toEqual(['ZA-JTB']);
    expect(await codes('q=bd-cb')).toEqual(['BD-CB-2026']);
    const page2 = (await c.get('/api/v1/projects?sort=code&pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.data.map((p: { code: string }) => p.code)).toEqual(['ZA-JTB']);
    expect((await c.get('/api/v1/projects?year=1800')).statusCode).toBe(400);
    expect((await c.get('/api/v1/projects?status=9')).statusCode).toBe(400);

    // The SQL year filter and the domain rule agree.
    for (const year of [2022, 2023, 2024, 2025, 2026, 2027]) {
      const fromSql = new Set(await codes(`year=${year}`));
      for (const p of [bd, za, old]) {
        expect(fromSql.has(p.code), `${p.code} in ${year}`).toBe(projectInYear(p, year));
      }
    }

    const portfolio = (await c.get('/api/v1/projects/portfolio')).json();
    expect(portfolio).toEqual({
      total: 3,
      byType: [
        { type: 'capacity_building', count: 1 },
        { type: 'exchange_delegation', count: 1 },
        { type: 'joint_training_base', count: 1 },
      ],
      byStatus: [
        { status: '1', count: 1 },
        { status: '2', count: 1 },
        { status: '4', count: 1 },
      ],
      byCountry: [
        { country: 'BD', count: 2 },
        { country: 'ZA', count: 1 },
      ],
      // The revised 2026 budget of ZA-JTB replaces its original one.
      budgetByCurrency: [
        { currency: 'CNY', valueMinor: 750_000 },
        { currency: 'USD', valueMinor: 100_000 },
      ],
    });
    const filtered = (await c.get('/api/v1/projects/portfolio?year=2023')).json();
    expect(filtered).toMatchObject({ total: 1, budgetByCurrency: [] });
  });

  it('gathers sub-projects on the programme page and lists top-level projects only on request', async () => {
    const s = await signedInAs(t, 'coordinator');
    const programme = await create(s.client, buildProject({ title: { en: 'Teacher Training Centre' } }));
    const cohort = await create(
      s.client,
      buildProject({ parentId: programme.id, title: { en: 'Cohort 2026-1' }, plannedStart: '2026-03-01' }),
    );
    const page = (await s.client.get(`/api/v1/projects/${programme.id}/page`)).json();
    expect(page.subProjects.map((p: { id: string }) => p.id)).toEqual([cohort.id]);
    expect((await s.client.get(`/api/v1/projects/${cohort.id}`)).json().parent).toMatchObject({
      id: programme.id,
      title: { en: 'Teacher Training Centre' },
    });
    const top = (await s.client.get('/api/v1/projects?topLevel=true')).json();
    expect(top.data.map((p: { id: string }) => p.id)).toEqual([programme.id]);
  });
});

describe('projects: demo seed', () => {
  it('seeds the demo projects with their partners, agreements and sub-project', async () => {
    const { seedDemoWorkspace } = await import('../../../cli/seed-demo.js');
    // The demo seeds only into an empty database.
    const fresh = await createTestApp();
    try {
      expect(await seedDemoWorkspace(fresh.deps)).not.toBeNull();
      await checkSeed(fresh);
    } finally {
      await fresh.close();
    }
  });
});

/** The demo projects exist with their links, sub-project and exact country shares. */
async function checkSeed(app: TestApp) {
  const rows = await app.deps.db
    .selectFrom('projects')
    .select(['id', 'code', 'parentId'])
    .where('code', 'in', ['BD-CB-2026', 'ZA-JTB-AUTO', 'EA-TTC', 'EA-TTC-2026-1'])
    .execute();
  expect(rows.map((r) => r.code).sort()).toEqual(['BD-CB-2026', 'EA-TTC', 'EA-TTC-2026-1', 'ZA-JTB-AUTO']);
  const links = await app.deps.db
    .selectFrom('projectAgreements')
    .select('projectId')
    .where(
      'projectId',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  expect(links).toHaveLength(3);
  const centre = rows.find((r) => r.code === 'EA-TTC');
  expect(rows.find((r) => r.code === 'EA-TTC-2026-1')?.parentId).toBe(centre?.id);
  const shares = await app.deps.db
    .selectFrom('projectCountries')
    .select(['country', 'percentageHundredths'])
    .where('projectId', '=', centre?.id ?? '')
    .orderBy('country')
    .execute();
  expect(shares).toEqual([
    { country: 'KE', percentageHundredths: 4000 },
    { country: 'TZ', percentageHundredths: 3000 },
    { country: 'UG', percentageHundredths: 3000 },
  ]);
}
