import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TIndicator, TResultsFramework } from '../../../contracts/results-frameworks.js';
import { newId } from '../../platform/ids.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let coordinator: Client;
let orgId: string;
let n = 0;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const NOW = '2026-03-15T04:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(NOW);
});

async function createProject(client = coordinator, title: Record<string, string> = { en: `Project ${++n}` }) {
  const res = await client.post('/api/v1/projects', {
    code: `RF-${++n}`,
    type: 'teacher_training',
    title,
    plannedStart: '2025-01-01',
    plannedEnd: '2027-12-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const base = (projectId: string) => `/api/v1/projects/${projectId}/results`;

function result(overrides: Record<string, unknown> = {}) {
  return { type: 'output', title: { en: 'Teachers trained' }, ...overrides };
}

function indicator(overrides: Record<string, unknown> = {}) {
  return {
    title: { en: 'Share of trainees applying new methods' },
    measure: 'percentage',
    ascending: true,
    aggregation: 'level',
    baseline: { year: 2024, value: 20 },
    ...overrides,
  };
}

async function addResult(projectId: string, body = result()) {
  const res = await coordinator.post(base(projectId), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; framework: TResultsFramework };
}

async function addIndicator(projectId: string, resultId: string, body = indicator()) {
  const res = await coordinator.post(`${base(projectId)}/${resultId}/indicators`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; framework: TResultsFramework };
}

async function addPeriod(projectId: string, indicatorId: string, body: Record<string, unknown>) {
  const res = await coordinator.post(`${base(projectId)}/indicators/${indicatorId}/periods`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; framework: TResultsFramework };
}

function findIndicator(f: TResultsFramework, id: string): TIndicator {
  const found = f.results.flatMap((r) => r.indicators).find((i) => i.id === id);
  if (!found) {
    throw new Error(`indicator ${id} not in framework`);
  }
  return found;
}

async function auditOf(entityId: string) {
  return t.deps.db
    .selectFrom('auditLog')
    .select(['action', 'entityType', 'reason', 'beforeJson', 'afterJson'])
    .where('organizationId', '=', orgId)
    .where('entityId', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

const issuesOf = (body: string) =>
  (JSON.parse(body).error.details.issues as { path: string[]; message: string }[]).map(
    (i) => `${i.path.filter((p) => p !== 'body' && p !== 'data').join('.')}:${i.message}`,
  );

describe('results frameworks: results, indicators and periods', () => {
  it('creates, edits and deletes a result with version checks and an audit entry for each change', async () => {
    const projectId = await createProject();
    const empty = await coordinator.get(base(projectId));
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({
      projectId,
      today: '2026-03-15',
      results: [],
      abilities: { write: true },
    });

    const { id, framework } = await addResult(projectId, result({ description: { en: 'Output 1' } }));
    expect(framework.results).toHaveLength(1);
    expect(framework.results[0]).toMatchObject({
      id,
      type: 'output',
      title: { en: 'Teachers trained' },
      description: { en: 'Output 1' },
      aggregationStatus: false,
      status: 'not_assessable',
      version: 1,
    });
    // A result without indicators is a problem of the framework (IATI needs at least one).
    expect(framework.problems).toContainEqual(
      expect.objectContaining({ code: 'indicator_required', severity: 'error', resultId: id }),
    );

    const put = await coordinator.put(`${base(projectId)}/${id}`, {
      version: 1,
      data: result({ type: 'outcome', title: { en: 'Teaching improved', fr: 'Enseignement amélioré' } }),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().framework.results[0]).toMatchObject({
      type: 'outcome',
      title: { en: 'Teaching improved', fr: 'Enseignement amélioré' },
      version: 2,
    });
    const stale = await coordinator.put(`${base(projectId)}/${id}`, { version: 1, data: result() });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    expect((await coordinator.delete(`${base(projectId)}/${id}?version=1`)).statusCode).toBe(409);
    const del = await coordinator.delete(`${base(projectId)}/${id}?version=2`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json().framework.results).toEqual([]);
    expect((await coordinator.delete(`${base(projectId)}/${id}?version=2`)).statusCode).toBe(404);

    const audit = await auditOf(id);
    expect(audit.map((a) => `${a.action}:${a.entityType}`)).toEqual([
      'create:project_result',
      'update:project_result',
      'delete:project_result',
    ]);
    expect(JSON.parse(audit[1]?.afterJson ?? '{}')).toMatchObject({ resultType: 'outcome', version: 2 });
  });

  it('rejects bad input field by field with the code of each problem', async () => {
    const projectId = await createProject();
    const bad = async (url: string, body: unknown, method: 'post' | 'put' = 'post') => {
      const res = method === 'post' ? await coordinator.post(url, body) : await coordinator.put(url, body);
      expect(res.statusCode, res.body).toBe(400);
      return issuesOf(res.body);
    };
    expect(await bad(base(projectId), result({ title: { en: '  ' } }))).toEqual([
      'title:at_least_one_language',
    ]);
    expect((await coordinator.post(base(projectId), result({ type: 'goal' }))).statusCode).toBe(400);

    const { id: resultId } = await addResult(projectId);
    const url = `${base(projectId)}/${resultId}/indicators`;
    expect(await bad(url, indicator({ measure: 'unit' }))).toEqual(['unitLabel:unit_label_required']);
    expect(await bad(url, indicator({ unitLabel: { en: 'teachers' } }))).toEqual([
      'unitLabel:unit_label_not_applicable',
    ]);
    expect(await bad(url, indicator({ aggregation: 'sum' }))).toEqual([
      'aggregation:sum_requires_ascending_unit',
    ]);
    expect(await bad(url, indicator({ baseline: { year: 1800, value: 1 } }))).toEqual([
      'baseline.year:baseline_year_range',
    ]);
    expect(await bad(url, indicator({ baseline: { year: 2024, isoDate: '2023-06-30', value: 1 } }))).toEqual([
      'baseline.isoDate:baseline_date_year_mismatch',
    ]);
    expect(await bad(url, indicator({ baseline: { year: 2024, value: 140 } }))).toEqual([
      'baseline.value:percentage_out_of_range',
    ]);
    expect(
      await bad(
        url,
        indicator({
          disaggregations: [
            { name: 'sex', values: ['female', 'male', 'female'] },
            { name: 'sex', values: [] },
          ],
        }),
      ),
    ).toEqual([
      'disaggregations.0.values.2:duplicate_dimension_value',
      'disaggregations.1.name:duplicate_disaggregation',
    ]);
    expect(await bad(url, indicator({ disaggregations: [{ name: 'Age Group', values: [] }] }))).toEqual([
      'disaggregations.0.name:dimension_name_format',
    ]);
    expect(await bad(url, indicator({ sourceKey: 'certificates.issued' }))).toEqual([
      'sourceKey:source_requires_unit',
    ]);
    expect(
      await bad(`${base(projectId)}/${resultId}/indicators/from-template`, { templateKey: 'bogus' }),
    ).toEqual(['templateKey:unknown_template']);

    const { id: indicatorId } = await addIndicator(
      projectId,
      resultId,
      indicator({ disaggregations: [{ name: 'sex', values: ['female', 'male'] }] }),
    );
    const periods = `${base(projectId)}/indicators/${indicatorId}/periods`;
    expect(await bad(periods, { start: '2026-12-31', end: '2026-01-01', target: { value: 50 } })).toEqual([
      'end:end_before_start',
    ]);
    expect(await bad(periods, { start: '2026-02-30', end: '2026-12-31', target: { value: 50 } })).toEqual([
      'start:invalid_date',
    ]);
    expect(await bad(periods, { start: '2026-01-01', end: '2026-12-31', target: { value: 120 } })).toEqual([
      'target.value:percentage_out_of_range',
    ]);
    expect(
      await bad(periods, {
        start: '2026-01-01',
        end: '2026-12-31',
        target: { value: 50, breakdown: [{ dimensions: [{ name: 'age', value: '18-24' }], value: 10 }] },
        actual: { value: 40, breakdown: [{ dimensions: [{ name: 'sex', value: 'other' }], value: 10 }] },
      }),
    ).toEqual([
      'target.breakdown.0.dimensions.0.name:unknown_dimension',
      'actual.breakdown.0.dimensions.0.value:unknown_dimension_value',
    ]);

    await addPeriod(projectId, indicatorId, {
      start: '2026-01-01',
      end: '2026-06-30',
      target: { value: 40 },
    });
    // Overlapping an existing period, also when the new one starts first.
    expect(await bad(periods, { start: '2025-07-01', end: '2026-01-31', target: { value: 30 } })).toEqual([
      'start:periods_overlap',
    ]);
    // A missing target or a target below the baseline is allowed, but listed as a problem.
    const loose = await addPeriod(projectId, indicatorId, {
      start: '2026-07-01',
      end: '2026-12-31',
      target: { value: 10 },
    });
    expect(loose.framework.problems).toContainEqual(
      expect.objectContaining({ code: 'target_against_direction', periodId: loose.id, indicatorId }),
    );
  });

  it('edits and deletes indicators and periods with version checks, and audits them', async () => {
    const projectId = await createProject();
    const { id: resultId } = await addResult(projectId);
    const { id: indicatorId } = await addIndicator(projectId, resultId);
    const put = (version: number, data: Record<string, unknown>) =>
      coordinator.put(`${base(projectId)}/indicators/${indicatorId}`, { version, data });
    const ok = await put(
      1,
      indicator({ code: 'OC1.1', measure: 'ordinal', baseline: { year: 2024, value: 2 } }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(findIndicator(ok.json().framework, indicatorId)).toMatchObject({
      code: 'OC1.1',
      measure: 'ordinal',
      baseline: { year: 2024, value: 2, isoDate: null },
      version: 2,
    });
    expect((await put(1, indicator())).statusCode).toBe(409);

    const { id: periodId } = await addPeriod(projectId, indicatorId, {
      start: '2026-01-01',
      end: '2026-12-31',
      target: { value: 4, comment: { en: 'Level 4 of 5' } },
    });
    const periodUrl = `${base(projectId)}/periods/${periodId}`;
    const edit = await coordinator.put(periodUrl, {
      version: 1,
      data: { start: '2026-01-01', end: '2026-12-31', target: { value: 4 }, actual: { value: 3 } },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const period = findIndicator(edit.json().framework, indicatorId).periods[0];
    expect(period).toMatchObject({
      id: periodId,
      target: { value: 4, comment: {} },
      actual: { value: 3 },
      version: 2,
    });
    expect(
      (
        await coordinator.put(periodUrl, {
          version: 1,
          data: { start: '2026-01-01', end: '2026-12-31', target: { value: 4 } },
        })
      ).statusCode,
    ).toBe(409);
    expect((await coordinator.delete(`${periodUrl}?version=1`)).statusCode).toBe(409);
    expect((await coordinator.delete(`${periodUrl}?version=2`)).statusCode).toBe(200);

    const delIndicator = await coordinator.delete(`${base(projectId)}/indicators/${indicatorId}?version=2`);
    expect(delIndicator.statusCode, delIndicator.body).toBe(200);
    expect(delIndicator.json().framework.results[0].indicators).toEqual([]);

    expect((await auditOf(indicatorId)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect((await auditOf(periodId)).map((a) => `${a.action}:${a.entityType}`)).toEqual([
      'create:indicator_period',
      'update:indicator_period',
      'delete:indicator_period',
    ]);
  });

  it('computes progress and status on read at the organization’s today, and rolls them up per result', async () => {
    const projectId = await createProject();
    const { id: resultId } = await addResult(projectId);
    const { id: applying } = await addIndicator(projectId, resultId);
    await addPeriod(projectId, applying, {
      start: '2025-01-01',
      end: '2025-12-31',
      target: { value: 50 },
      actual: { value: 41 },
    });
    await addPeriod(projectId, applying, { start: '2026-01-01', end: '2026-12-31', target: { value: 80 } });
    const { id: later } = await addIndicator(projectId, resultId, indicator({ title: { en: 'Later' } }));
    const last = await addPeriod(projectId, later, {
      start: '2027-01-01',
      end: '2027-12-31',
      target: { value: 60 },
    });

    const a = findIndicator(last.framework, applying);
    // Overall: latest actual 41 against the final target 80 from baseline 20 → 21/60 = 0.35.
    expect(a.progress).toMatchObject({
      kind: 'ratio',
      baseline: 20,
      target: 80,
      actual: 41,
      achieved: false,
    });
    expect(a.progress.kind === 'ratio' && a.progress.ratio).toBeCloseTo(0.35, 10);
    expect(a.measuredPeriodEnd).toBe('2025-12-31');
    // Judged at the end of the measured period: half of the two years elapsed, 0.15 behind → at risk.
    expect(a.status.status).toBe('at_risk');
    expect(a.status.asOf).toBe('2025-12-31');
    expect(a.status.expectedShare).toBeCloseTo(0.5, 10);
    expect(a.status.shortfall).toBeCloseTo(0.15, 10);
    expect(a.periods.map((p) => p.progress)).toEqual([
      expect.objectContaining({ kind: 'ratio', percent: expect.closeTo(70, 8) }),
      { kind: 'none', reason: 'no_actual' },
    ]);
    expect(findIndicator(last.framework, later).status.status).toBe('not_started');
    const r = last.framework.results[0];
    expect(r?.status).toBe('at_risk');
    expect(r?.statusCounts).toMatchObject({ at_risk: 1, not_started: 1 });

    // Nothing is stored: another day gives another status.
    t.clock.set('2027-03-01T04:00:00Z');
    const nextYear = (await signedInAs(t, 'coordinator', orgId)).client;
    const next = (await nextYear.get(base(projectId))).json() as TResultsFramework;
    expect(next.today).toBe('2027-03-01');
    expect(findIndicator(next, later).status.status).toBe('no_data');
    expect(next.results[0]?.status).toBe('at_risk');

    // Reaching the target: achieved.
    const p2 = findIndicator(next, applying).periods[1];
    const hit = await nextYear.put(`${base(projectId)}/periods/${p2?.id}`, {
      version: p2?.version,
      data: { start: '2026-01-01', end: '2026-12-31', target: { value: 80 }, actual: { value: 82 } },
    });
    expect(hit.statusCode, hit.body).toBe(200);
    expect(findIndicator(hit.json().framework, applying).status.status).toBe('achieved');
  });

  it('adds indicators from templates in the project’s languages', async () => {
    const projectId = await createProject(coordinator, { en: 'Teacher centre', 'zh-CN': '师资培训中心' });
    const { id: resultId } = await addResult(projectId);
    const res = await coordinator.post(`${base(projectId)}/${resultId}/indicators/from-template`, {
      templateKey: 'teachers_trained',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = findIndicator(res.json().framework, res.json().id);
    expect(created).toMatchObject({
      templateKey: 'teachers_trained',
      sourceKey: 'certificates.issued',
      measure: 'unit',
      aggregation: 'sum',
      title: { en: 'Teachers trained and certified', 'zh-CN': '培训并认证的教师人数' },
      unitLabel: { en: 'teachers', 'zh-CN': '人' },
      disaggregations: [
        { name: 'sex', values: ['female', 'male'] },
        { name: 'country', values: [] },
      ],
      baseline: null,
      periods: [],
    });
    expect(Object.keys(created.title).sort()).toEqual(['en', 'zh-CN']);
    expect(res.json().framework.languages).toEqual(['en', 'zh-CN']);
  });
});

describe('results frameworks: access', () => {
  it('lets trainers and observers read, forbids their writes, and hides other tenants’ frameworks', async () => {
    const projectId = await createProject();
    const { id: resultId } = await addResult(projectId);
    const { id: indicatorId } = await addIndicator(projectId, resultId);

    for (const role of ['trainer', 'observer'] as const) {
      const reader = (await signedInAs(t, role, orgId)).client;
      const read = await reader.get(base(projectId));
      expect(read.statusCode, role).toBe(200);
      expect(read.json().abilities).toEqual({ write: false });
      expect((await reader.post(base(projectId), result())).statusCode, role).toBe(403);
      expect(
        (await reader.put(`${base(projectId)}/${resultId}`, { version: 1, data: result() })).statusCode,
      ).toBe(403);
      expect((await reader.delete(`${base(projectId)}/indicators/${indicatorId}?version=1`)).statusCode).toBe(
        403,
      );
    }
    const expert = (await signedInAs(t, 'expert', orgId)).client;
    expect((await expert.get(base(projectId))).statusCode).toBe(403);
    const pm = (await signedInAs(t, 'project_manager', orgId)).client;
    expect((await pm.post(base(projectId), result())).statusCode).toBe(201);

    const outsider = (await signedInAs(t, 'admin')).client;
    expect((await outsider.get(base(projectId))).statusCode).toBe(404);
    expect((await outsider.post(base(projectId), result())).statusCode).toBe(404);
    expect(
      (await outsider.put(`${base(projectId)}/${resultId}`, { version: 1, data: result() })).statusCode,
    ).toBe(404);
    expect((await outsider.delete(`${base(projectId)}/indicators/${indicatorId}?version=1`)).statusCode).toBe(
      404,
    );
    expect((await coordinator.get(base(newId()))).statusCode).toBe(404);

    // An indicator is reachable only through its own project.
    const other = await createProject();
    expect((await coordinator.delete(`${base(other)}/indicators/${indicatorId}?version=1`)).statusCode).toBe(
      404,
    );
    expect((await coordinator.post(`${base(other)}/${resultId}/indicators`, indicator())).statusCode).toBe(
      404,
    );
  });
});

/** A programme of the project with one cohort and enrolments; `completed` ones are marked so. */
async function trainingData(
  projectId: string,
  endsOn: string,
  people: { gender: string; country: string; completed: boolean }[],
) {
  const programme = await coordinator.post('/api/v1/training/programmes', {
    projectId,
    title: { en: `Programme ${++n}` },
    description: '',
    modules: [{ kind: 'teacher_workshop', title: { en: 'PLC didactics' }, hours: 20 }],
    learningOutcomes: [],
    languages: ['en'],
    interpretationNeeds: '',
    completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: false },
  });
  expect(programme.statusCode, programme.body).toBe(201);
  const cohort = await coordinator.post(`/api/v1/training/programmes/${programme.json().id}/cohorts`, {
    name: `Cohort ${++n}`,
    startsOn: '2026-03-02',
    endsOn,
    capacity: 20,
  });
  expect(cohort.statusCode, cohort.body).toBe(201);
  for (const p of people) {
    const e = await coordinator.post(`/api/v1/training/cohorts/${cohort.json().id}/enrolments`, {
      participant: {
        nameLatin: `Learner ${++n}`,
        country: p.country,
        gender: p.gender,
        email: `l${n}@x.example`,
      },
    });
    expect(e.statusCode, e.body).toBe(201);
    if (p.completed) {
      await t.deps.db
        .updateTable('trainingEnrolments')
        .set({ status: 'completed' })
        .where('id', '=', e.json().id)
        .execute();
    }
  }
  return cohort.json().id as string;
}

async function insertMobility(
  projectId: string,
  stage: string,
  actualEndOn: string,
  genders: ('female' | 'male')[],
) {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.deps.db
    .insertInto('mobilities')
    .values({
      id,
      organizationId: orgId,
      direction: 'outbound',
      category: 'teacher',
      title: `Delegation ${++n}`,
      purpose: '',
      homeIsOwn: 1,
      homePartnerId: null,
      hostIsOwn: 0,
      hostPartnerId: null,
      destinationCity: 'Nairobi',
      plannedStartOn: '2026-02-01',
      plannedEndOn: '2026-02-20',
      actualStartOn: '2026-02-01',
      actualEndOn,
      fundingSource: '',
      fundingAmountMinor: null,
      fundingCurrency: null,
      costsBorneBy: 'home',
      projectId,
      agreementId: null,
      stage: stage as 'returned',
      cancellationReason: null,
      notes: '',
      searchText: '',
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
      version: 1,
    })
    .execute();
  for (const [i, gender] of genders.entries()) {
    await t.deps.db
      .insertInto('mobilityMembers')
      .values({
        id: newId(),
        organizationId: orgId,
        mobilityId: id,
        nameNative: '',
        nameLatin: `Member ${i}`,
        gender,
        position: 'Teacher',
        nationality: 'CN',
        passportNumber: '',
        sortOrder: i,
      })
      .execute();
  }
  return id;
}

describe('results frameworks: figures the platform counts itself', () => {
  it('counts completed participants per period with a breakdown and the cohorts they came from', async () => {
    const projectId = await createProject();
    const cohortId = await trainingData(projectId, '2026-03-13', [
      { gender: 'female', country: 'BD', completed: true },
      { gender: 'male', country: 'KE', completed: true },
      { gender: 'female', country: 'KE', completed: false },
    ]);
    // Another project's training never counts.
    await trainingData(await createProject(), '2026-03-13', [
      { gender: 'male', country: 'BD', completed: true },
    ]);

    const { id: resultId } = await addResult(projectId);
    const tpl = await coordinator.post(`${base(projectId)}/${resultId}/indicators/from-template`, {
      templateKey: 'participants_trained',
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const indicatorId = tpl.json().id as string;
    const { id: h1 } = await addPeriod(projectId, indicatorId, {
      start: '2026-01-01',
      end: '2026-06-30',
      target: { value: 20 },
    });
    const { framework } = await addPeriod(projectId, indicatorId, {
      start: '2026-07-01',
      end: '2026-12-31',
      target: { value: 20 },
    });
    const ind = findIndicator(framework, indicatorId);
    expect(ind.source).toEqual({
      key: 'training.completed_participants',
      available: true,
      reason: null,
      countedAt: new Date(NOW).toISOString(),
    });
    const [first, second] = ind.periods;
    expect(first?.platform).toMatchObject({
      value: 2,
      undated: 0,
      breakdown: [
        { dimensions: [{ name: 'sex', value: 'female' }], value: 1 },
        { dimensions: [{ name: 'sex', value: 'male' }], value: 1 },
        { dimensions: [{ name: 'country', value: 'BD' }], value: 1 },
        { dimensions: [{ name: 'country', value: 'KE' }], value: 1 },
      ],
      contributors: [{ kind: 'cohort', id: cohortId, count: 2 }],
    });
    expect(second?.platform?.value).toBe(0);
    expect(first?.actual).toBeNull();

    // Readers may not copy; a writer copies the figure into the actual, audited with its source.
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    expect(
      (await trainer.post(`${base(projectId)}/periods/${h1}/copy-platform-figure`, { version: 1 }))
        .statusCode,
    ).toBe(403);
    const copy = await coordinator.post(`${base(projectId)}/periods/${h1}/copy-platform-figure`, {
      version: 1,
    });
    expect(copy.statusCode, copy.body).toBe(200);
    const copied = findIndicator(copy.json().framework, indicatorId).periods[0];
    expect(copied).toMatchObject({
      actual: {
        value: 2,
        breakdown: expect.arrayContaining([{ dimensions: [{ name: 'sex', value: 'female' }], value: 1 }]),
      },
      actualSourceKey: 'training.completed_participants',
      actualCopiedAt: new Date(NOW).toISOString(),
      progress: { kind: 'ratio', actual: 2, target: 20 },
      version: 2,
    });
    const audit = await auditOf(h1);
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      entityType: 'indicator_period',
      reason: 'copied_from_platform:training.completed_participants',
    });
    expect(JSON.parse(audit.at(-1)?.afterJson ?? '{}')).toMatchObject({ actual: 2 });
    expect(
      (await coordinator.post(`${base(projectId)}/periods/${h1}/copy-platform-figure`, { version: 1 }))
        .statusCode,
    ).toBe(409);

    // A hand edit of the actual drops the mark of where it came from.
    const edit = await coordinator.put(`${base(projectId)}/periods/${h1}`, {
      version: 2,
      data: { start: '2026-01-01', end: '2026-06-30', target: { value: 20 }, actual: { value: 3 } },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(findIndicator(edit.json().framework, indicatorId).periods[0]).toMatchObject({
      actual: { value: 3 },
      actualSourceKey: null,
      actualCopiedAt: null,
    });
  });

  it('counts people on completed mobilities, gives medals and certificates, and zero placements', async () => {
    const projectId = await createProject();
    await insertMobility(projectId, 'returned', '2026-02-20', ['female', 'male']);
    await insertMobility(projectId, 'report_received', '2026-09-01', ['female']);
    await insertMobility(projectId, 'travelling', '2026-02-20', ['male']);
    const { id: resultId } = await addResult(projectId);
    const fromTemplate = async (templateKey: string) => {
      const res = await coordinator.post(`${base(projectId)}/${resultId}/indicators/from-template`, {
        templateKey,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      await addPeriod(projectId, id, { start: '2026-01-01', end: '2026-06-30', target: { value: 10 } });
      return id;
    };
    const exchanges = await fromTemplate('exchanges_completed');
    const medals = await fromTemplate('medals_won');
    const certificates = await fromTemplate('teachers_trained');
    const placements = await fromTemplate('graduates_employed_overseas');
    const f = (await coordinator.get(base(projectId))).json() as TResultsFramework;

    expect(findIndicator(f, exchanges).periods[0]?.platform).toMatchObject({
      value: 2,
      breakdown: [
        { dimensions: [{ name: 'sex', value: 'female' }], value: 1 },
        { dimensions: [{ name: 'sex', value: 'male' }], value: 1 },
        { dimensions: [{ name: 'direction', value: 'incoming' }], value: 0 },
        { dimensions: [{ name: 'direction', value: 'outgoing' }], value: 2 },
      ],
      contributors: [expect.objectContaining({ kind: 'mobility', count: 2 })],
    });
    expect(findIndicator(f, medals).periods[0]?.platform).toMatchObject({ value: 0, contributors: [] });
    expect(findIndicator(f, certificates).periods[0]?.platform).toMatchObject({ value: 0 });
    // Placements are counted from the talent module (the college's, no project link): none here.
    const p = findIndicator(f, placements);
    expect(p.source).toMatchObject({ key: 'talent.placements', available: true, reason: null });
    expect(p.periods[0]?.platform).toMatchObject({ value: 0, contributors: [] });
  });
});

describe('results frameworks: evidence', () => {
  it('uploads, downloads and deletes evidence of a period with permissions, tenancy and audit', async () => {
    const projectId = await createProject();
    const { id: resultId } = await addResult(projectId);
    const { id: indicatorId } = await addIndicator(projectId, resultId);
    const { id: periodId } = await addPeriod(projectId, indicatorId, {
      start: '2026-01-01',
      end: '2026-12-31',
      target: { value: 50 },
      actual: { value: 30 },
    });
    const url = `${base(projectId)}/periods/${periodId}/evidence`;
    const up = await coordinator.upload(url, 'survey-report.pdf', pdf, 'application/pdf');
    expect(up.statusCode, up.body).toBe(201);
    const ev = up.json();
    expect(ev).toMatchObject({
      title: 'survey-report.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const f = (await coordinator.get(base(projectId))).json() as TResultsFramework;
    expect(findIndicator(f, indicatorId).periods[0]?.evidence.map((e) => e.id)).toEqual([ev.id]);

    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    const down = await trainer.get(`${url}/${ev.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await trainer.upload(url, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(403);
    expect((await trainer.delete(`${url}/${ev.id}`)).statusCode).toBe(403);

    const outsider = (await signedInAs(t, 'admin')).client;
    expect((await outsider.get(`${url}/${ev.id}`)).statusCode).toBe(404);
    expect((await outsider.upload(url, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(404);
    const other = await createProject();
    expect((await coordinator.get(`${base(other)}/periods/${periodId}/evidence/${ev.id}`)).statusCode).toBe(
      404,
    );

    const fake = await coordinator.upload(
      url,
      'report.pdf',
      Buffer.from('<html>no</html>'),
      'application/pdf',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'type' } });

    expect((await coordinator.delete(`${url}/${ev.id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`${url}/${ev.id}`)).statusCode).toBe(404);
    expect((await auditOf(ev.id)).map((a) => `${a.action}:${a.entityType}`)).toEqual([
      'upload:indicator_evidence',
      'delete:indicator_evidence',
    ]);
  });
});
