import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProjectEvaluation } from '../../../contracts/evaluation-reports.js';
import { Permission, rolePermissions } from '../../../contracts/roles.js';
import type { TQuestionInput } from '../../../contracts/surveys.js';
import type { Deps, ServiceContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { type Client, createMember, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import { getProjectEvaluation, projectReport } from './evaluation-reports.service.js';
import { renderProjectReportXlsx, SHEETS } from './report-xlsx.js';

// The evaluation page data, the bilingual PDF reports and the XLSX data, per project, programme and
// portfolio, over a programme with a sub-project whose surveys were answered through personal links.

let t: TestApp;
let coordinator: Client;
let orgId: string;
let coordinatorUserId: string;
let programmeId: string;
let subId: string;
let oldId: string;
const surveyIds: Record<string, string> = {};

const TITLE = {
  en: 'CNC teacher training for Africa',
  'zh-CN': '面向非洲的数控教师培训',
  fr: 'Formation des enseignants en CNC pour l’Afrique',
  ar: 'تدريب المعلمين على التحكم الرقمي لأفريقيا',
};

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a poppler tool on the PDF bytes. */
function poppler(tool: string, bytes: Buffer, args: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-pdf-'));
  const file = path.join(dir, 'r.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The content stream operators of every page, to count what was drawn (rectangles, lines). */
async function contentOf(bytes: Buffer): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    return refs
      .map((ref) => {
        const stream = pdf.context.lookup(ref as PDFRef);
        if (!(stream instanceof PDFRawStream)) {
          return '';
        }
        const filter = stream.dict.get(PDFName.of('Filter'));
        const raw = Buffer.from(stream.contents);
        return (filter ? inflateSync(raw) : raw).toString('latin1');
      })
      .join('\n');
  });
}

async function project(title: Record<string, string>, extra: Record<string, unknown> = {}) {
  const res = await coordinator.post('/api/v1/projects', {
    code: `EV-${newId().slice(-5)}`,
    type: 'teacher_training',
    title,
    plannedStart: '2025-01-01',
    plannedEnd: '2027-12-31',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A programme, a cohort and seated participants of a project, written straight to the tables. */
async function seedCohort(deps: Deps, projectId: string, names: string[]) {
  const now = deps.clock.now().toISOString();
  const stamps = { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
  const trainingId = newId();
  await deps.db
    .insertInto('trainingProgrammes')
    .values({
      id: trainingId,
      organizationId: orgId,
      projectId,
      titleJson: JSON.stringify({ en: 'CNC workshop' }),
      titleSort: 'cnc workshop',
      description: '',
      learningOutcomesJson: '[]',
      languagesJson: '["en"]',
      interpretationNeeds: '',
      completionRuleJson: '{}',
      searchText: '',
      ...stamps,
    })
    .execute();
  const cohortId = newId();
  await deps.db
    .insertInto('trainingCohorts')
    .values({
      id: cohortId,
      organizationId: orgId,
      programmeId: trainingId,
      name: `Cohort ${cohortId.slice(-4)}`,
      startsOn: '2026-03-02',
      endsOn: '2026-03-13',
      capacity: 50,
      notes: '',
      ...stamps,
    })
    .execute();
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const id = newId();
    ids.push(id);
    await deps.db
      .insertInto('trainingParticipants')
      .values({
        id,
        organizationId: orgId,
        nameNative: '',
        nameLatin: name,
        gender: 'female',
        country: 'KE',
        organizationName: '',
        position: '',
        email: `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(-6)}@x.example`,
        languagesJson: '["en"]',
        passportNumber: '',
        dateOfBirth: null,
        ...stamps,
      })
      .execute();
    await deps.db
      .insertInto('trainingEnrolments')
      .values({
        id: newId(),
        organizationId: orgId,
        cohortId,
        participantId: id,
        status: i === 0 ? 'completed' : 'confirmed',
        waitlistPosition: null,
        preScore: null,
        postScore: null,
        portalTokenHash: null,
        ...stamps,
      })
      .execute();
  }
  return { cohortId, participantIds: ids };
}

async function tokensOf(participantIds: string[]): Promise<string[]> {
  const mails = await t.deps.db.selectFrom('outbox').selectAll().orderBy('createdAt').orderBy('id').execute();
  const byAddress = new Map<string, string>();
  for (const m of mails) {
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1];
    if (token && m.kind.startsWith('survey_')) {
      byAddress.set(m.toAddress, token);
    }
  }
  const people = await t.deps.db
    .selectFrom('trainingParticipants')
    .select(['id', 'email'])
    .where('id', 'in', participantIds)
    .execute();
  return participantIds.map((id) => byAddress.get(people.find((p) => p.id === id)?.email ?? '') ?? '');
}

let address = 0;
async function answer(token: string, answers: unknown[]) {
  address++;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/surveys/${token}/responses`,
    payload: { locale: 'en', answers },
    remoteAddress: `10.77.${(address >> 8) & 255}.${address & 255}`,
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function openSurvey(body: unknown, participantIds: string[]) {
  const created = await coordinator.post('/api/v1/surveys', body);
  expect(created.statusCode, created.body).toBe(201);
  const s = created.json();
  const opened = await coordinator.post(`/api/v1/surveys/${s.id}/status`, {
    version: s.version,
    status: 'open',
  });
  expect(opened.statusCode, opened.body).toBe(200);
  const invite = await coordinator.post(`/api/v1/surveys/${s.id}/invitations`, { participantIds });
  expect(invite.statusCode, invite.body).toBe(200);
  return {
    survey: opened.json() as { id: string; questions: { id: string; type: string; purpose: string }[] },
    tokens: await tokensOf(participantIds),
  };
}

const likert = (en: string, zh: string, extra: Partial<TQuestionInput> = {}): TQuestionInput => ({
  type: 'likert5',
  text: { en, 'zh-CN': zh },
  scaleKey: 'reaction',
  ...extra,
});

const scored = (en: string, correct: string): TQuestionInput => ({
  type: 'single',
  text: { en },
  scored: true,
  correct: [correct],
  options: [
    { key: 'a', label: { en: 'A' } },
    { key: 'b', label: { en: 'B' } },
  ],
});

async function reaction(cohortId: string, participantIds: string[], sheets: [number, number, number][]) {
  const { survey, tokens } = await openSurvey(
    {
      cohortId,
      level: 'L1',
      title: { en: 'End-of-course reaction', 'zh-CN': '课程反应问卷' },
      anonymous: false,
      questions: [
        likert('The content was relevant', '内容切合实际'),
        likert('The pace was too fast', '进度过快', { reverseCoded: true }),
        { type: 'nps', text: { en: 'Would you recommend the course?', 'zh-CN': '您会推荐本课程吗？' } },
      ],
    },
    participantIds,
  );
  const [relevant, fast, nps] = survey.questions.map((q) => q.id);
  for (const [i, [a, b, c]] of sheets.entries()) {
    await answer(tokens[i] as string, [
      { questionId: relevant, number: a },
      { questionId: fast, number: b },
      { questionId: nps, number: c },
    ]);
  }
  return survey.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
  coordinatorUserId = s.userId;

  programmeId = await project(TITLE);
  subId = await project({ en: 'Sub-project: Kenya', 'zh-CN': '子项目：肯尼亚' }, { parentId: programmeId });
  oldId = await project(
    { en: 'Closed 2020 exchange' },
    { plannedStart: '2020-01-01', plannedEnd: '2020-12-31' },
  );

  // Results framework: one outcome with two indicators.
  const result = await coordinator.post(`/api/v1/projects/${programmeId}/results`, {
    type: 'outcome',
    title: { en: 'Teachers apply CNC methods', 'zh-CN': '教师应用数控方法' },
  });
  expect(result.statusCode, result.body).toBe(201);
  const resultId = result.json().id;
  const share = await coordinator.post(`/api/v1/projects/${programmeId}/results/${resultId}/indicators`, {
    title: { en: 'Share of trainees applying new methods', 'zh-CN': '应用新方法的学员比例' },
    measure: 'percentage',
    baseline: { year: 2024, value: 20 },
  });
  expect(share.statusCode, share.body).toBe(201);
  const trained = await coordinator.post(`/api/v1/projects/${programmeId}/results/${resultId}/indicators`, {
    title: { en: 'Teachers trained', 'zh-CN': '培训教师人数' },
    measure: 'unit',
    unitLabel: { en: 'teachers', 'zh-CN': '名教师' },
    aggregation: 'sum',
    baseline: { year: 2024, value: 0 },
  });
  expect(trained.statusCode, trained.body).toBe(201);
  const periods: [string, Record<string, unknown>][] = [
    [
      share.json().id,
      { start: '2025-01-01', end: '2025-12-31', target: { value: 40 }, actual: { value: 35 } },
    ],
    [share.json().id, { start: '2026-01-01', end: '2026-12-31', target: { value: 60 } }],
    [
      trained.json().id,
      { start: '2025-01-01', end: '2025-12-31', target: { value: 50 }, actual: { value: 55 } },
    ],
  ];
  for (const [indicatorId, body] of periods) {
    const res = await coordinator.post(
      `/api/v1/projects/${programmeId}/results/indicators/${indicatorId}/periods`,
      body,
    );
    expect(res.statusCode, res.body).toBe(201);
  }

  // Surveys of the programme: L1, an L2 pre/post pair, L3 and L4 (with the project's spending).
  const main = await seedCohort(t.deps, programmeId, ['Amina', 'Baraka', 'Chen Jie', 'Dalia']);
  surveyIds.l1 = await reaction(main.cohortId, main.participantIds, [
    [5, 1, 10],
    [4, 2, 9],
    [3, 3, 7],
    [2, 3, 3],
  ]);
  const pre = await openSurvey(
    {
      cohortId: main.cohortId,
      level: 'L2',
      testPhase: 'pre',
      title: { en: 'CNC knowledge pre-test' },
      questions: [scored('G-code for a rapid move?', 'a'), scored('Unit of feed rate?', 'b')],
    },
    main.participantIds,
  );
  const postCreated = await coordinator.post(`/api/v1/surveys/${pre.survey.id}/post-test`);
  expect(postCreated.statusCode, postCreated.body).toBe(201);
  const postOpened = await coordinator.post(`/api/v1/surveys/${postCreated.json().id}/status`, {
    version: postCreated.json().version,
    status: 'open',
  });
  const post = postOpened.json() as { id: string; questions: { id: string }[] };
  surveyIds.pre = pre.survey.id;
  surveyIds.post = post.id;
  const testPicks = async (
    survey: { id: string; questions: { id: string }[] },
    tokens: string[],
    picks: [string, string][],
  ) => {
    for (const [i, [x, y]] of picks.entries()) {
      await answer(tokens[i] as string, [
        { questionId: survey.questions[0]?.id, choices: [x] },
        { questionId: survey.questions[1]?.id, choices: [y] },
      ]);
    }
  };
  // Pre 0, 50, 50, 100 %; post 100, 100, 50, 100 %.
  await testPicks(pre.survey, pre.tokens, [
    ['b', 'a'],
    ['a', 'a'],
    ['b', 'b'],
    ['a', 'b'],
  ]);
  await coordinator.post(`/api/v1/surveys/${post.id}/invitations`, { participantIds: main.participantIds });
  await testPicks(post, await tokensOf(main.participantIds), [
    ['a', 'b'],
    ['a', 'b'],
    ['a', 'a'],
    ['a', 'b'],
  ]);

  await t.deps.db
    .insertInto('projectTransactions')
    .values({
      id: newId(),
      organizationId: orgId,
      projectId: programmeId,
      type: '4',
      transactionDate: '2026-01-10',
      valueMinor: 1_000_000,
      currency: 'CNY',
      description: '',
      providerOrg: '',
      receiverOrg: '',
      sortOrder: 0,
    })
    .execute();
  const l3Body = (await coordinator.get(`/api/v1/surveys/templates/L3?cohortId=${main.cohortId}`)).json();
  const l3 = await openSurvey(l3Body, main.participantIds);
  surveyIds.l3 = l3.survey.id;
  const appQ = l3.survey.questions.find((q) => q.purpose === 'application')?.id;
  const drivers = l3.survey.questions.filter((q) => q.type === 'likert5');
  for (const [i, pick] of ['yes', 'yes', 'no'].entries()) {
    await answer(l3.tokens[i] as string, [
      { questionId: appQ, choices: [pick] },
      ...drivers.map((q) => ({ questionId: q.id, number: 4 })),
    ]);
  }
  const l4Body = (await coordinator.get(`/api/v1/surveys/templates/L4?cohortId=${main.cohortId}`)).json();
  const l4 = await openSurvey(l4Body, main.participantIds);
  surveyIds.l4 = l4.survey.id;
  for (const [i, amount] of [9000, 6000].entries()) {
    await answer(l4.tokens[i] as string, [{ questionId: l4.survey.questions[0]?.id, number: amount }]);
  }

  // The sub-project's own reaction survey.
  const sub = await seedCohort(t.deps, subId, ['Esther', 'Faith', 'Grace']);
  surveyIds.subL1 = await reaction(sub.cohortId, sub.participantIds, [
    [5, 1, 10],
    [5, 1, 10],
    [4, 2, 6],
  ]);
}, 120_000);

afterAll(async () => {
  await t.close();
});

async function analytics(id: string) {
  const res = await coordinator.get(`/api/v1/surveys/${id}/analytics`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('evaluation page data', () => {
  it('shows the project’s indicators and surveys with the surveys service’s own figures', async () => {
    const res = await coordinator.get(`/api/v1/projects/${programmeId}/evaluation`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json() as TProjectEvaluation;
    expect(e.scope).toBe('project');
    expect(e.today).toBe('2026-03-15');
    expect(e.hasSubProjects).toBe(true);
    expect(e.projects.map((p) => p.id)).toEqual([programmeId]);
    expect(e.surveys.map((s) => s.analytics.survey.id)).toEqual([
      surveyIds.l1,
      surveyIds.pre,
      surveyIds.post,
      surveyIds.l3,
      surveyIds.l4,
    ]);

    const framework = (await coordinator.get(`/api/v1/projects/${programmeId}/results`)).json();
    expect(e.frameworks[0]?.framework.results).toEqual(framework.results);
    const statuses = framework.results[0].indicators.map(
      (i: { status: { status: string } }) => i.status.status,
    );
    expect(e.summary.indicators.total).toBe(2);
    for (const s of statuses) {
      expect(e.summary.indicators.byStatus[s as 'achieved']).toBeGreaterThan(0);
    }
    expect(statuses).toContain('achieved');

    const l1 = await analytics(surveyIds.l1 as string);
    const post = await analytics(surveyIds.post as string);
    const l3 = await analytics(surveyIds.l3 as string);
    const l4 = await analytics(surveyIds.l4 as string);
    // NPS answers 10, 9, 7, 3: (2 − 1) / 4.
    expect(e.summary.nps).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    expect(e.summary.nps?.score).toBe(l1.questions.find((q: { nps: unknown }) => q.nps).nps.score);
    expect(e.summary.alpha).toMatchObject({ scales: 2, threshold: 0.7 });
    expect(e.summary.gain).toMatchObject({
      cohorts: 1,
      n: 4,
      preMean: 50,
      postMean: 87.5,
      classGain: post.gain.classGain,
      classGainBand: 'high',
      nIndividual: 3,
    });
    expect(e.summary.gain?.meanIndividualGain).toBeCloseTo(post.gain.meanIndividualGain, 10);
    expect(e.summary.application).toEqual(l3.application);
    expect(e.summary.application?.applicationRate).toBeCloseTo(200 / 3, 10);
    expect(e.summary.roi).toMatchObject({
      ok: true,
      currency: 'CNY',
      benefitsMinor: 1_500_000,
      costsMinor: 1_000_000,
      benefitCostRatio: l4.roi.benefitCostRatio,
      roiPercent: 50,
    });
    expect(e.summary).toMatchObject({ participants: 4, completed: 1, projects: 1 });
    expect(e.summary.surveys).toEqual({
      total: 5,
      byLevel: { L1: 1, L2: 2, L3: 1, L4: 1 },
      responses: 4 + 4 + 4 + 3 + 2,
    });

    // Personal data stays on the survey's own page.
    expect(post.gain.participants).toHaveLength(4);
    const pagePost = e.surveys.find((s) => s.analytics.survey.id === surveyIds.post);
    expect(pagePost?.analytics.gain?.participants).toBeNull();
    expect(res.body).not.toContain('Chen Jie');
    expect(e.abilities.personalData).toBe(true);
  });

  it('pools the programme with its sub-projects where pooling is meaningful', async () => {
    const res = await coordinator.get(`/api/v1/projects/${programmeId}/evaluation?scope=programme`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json() as TProjectEvaluation;
    expect(e.projects.map((p) => [p.id, p.depth])).toEqual([
      [programmeId, 0],
      [subId, 1],
    ]);
    expect(e.summary.projects).toBe(2);
    expect(e.summary.participants).toBe(7);
    // Answers 10, 9, 7, 3 and 10, 10, 6: 4 promoters, 1 passive, 2 detractors over 7.
    expect(e.summary.nps).toMatchObject({ n: 7, promoters: 4, passives: 1, detractors: 2 });
    expect(e.summary.nps?.score).toBeCloseTo(200 / 7, 10);
    const sub = await analytics(surveyIds.subL1 as string);
    expect(e.summary.alpha?.scales).toBe(2 + sub.scales.length);
    // The sub-project has no costs of its own and no benefit survey: the ROI is the programme's.
    expect(e.summary.roi?.roiPercent).toBe(50);

    const subOnly = (
      await coordinator.get(`/api/v1/projects/${subId}/evaluation`)
    ).json() as TProjectEvaluation;
    expect(subOnly.hasSubProjects).toBe(false);
    expect(subOnly.summary.nps?.score).toBe(sub.questions.find((q: { nps: unknown }) => q.nps).nps.score);
    expect(subOnly.summary.gain).toBeNull();
    expect(subOnly.summary.roi).toBeNull();
  });
});

describe('evaluation reports', () => {
  it('writes a bilingual PDF (English and Chinese) with charts, summary, tables and methods', async () => {
    const res = await coordinator.get(
      `/api/v1/projects/${programmeId}/evaluation/report.pdf?languages=en,zh-CN`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="evaluation-EV-.*-2026-03-15\.pdf"/,
    );
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    const pages = pdf.getPageCount();
    // Title and summary, results and indicators, surveys (five of them), methods: each starts a page.
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(12);

    if (process.env.EVAL_REPORT_OUT) {
      fs.writeFileSync(path.join(process.env.EVAL_REPORT_OUT, 'project-en-zh.pdf'), bytes);
    }
    // Charts are vector paths: pdf-lib draws every bar as a closed path (m l l l h, then f or S).
    const content = await contentOf(bytes);
    const closed = content.map((c) => (c.match(/\nh\n/g) ?? []).length);
    const dashed = content.map((c) => (c.match(/\[3 2\] 0 d/g) ?? []).length);
    // The percentage indicator has a baseline (dashed) and two periods; the count indicator sums.
    expect(
      dashed.reduce((s, n) => s + n, 0),
      'dashed baselines of target/actual charts',
    ).toBe(1);
    const chartPage = dashed.findIndex((n) => n > 0);
    expect(chartPage).toBeGreaterThan(0);
    expect(closed[chartPage] ?? 0).toBeGreaterThan(10);
    expect(closed.reduce((s, n) => s + n, 0)).toBeGreaterThan(60);

    if (!hasTool('pdftotext')) {
      if (process.env.CI) {
        throw new Error('pdftotext is required in CI');
      }
      return;
    }
    const text = poppler('pdftotext', bytes);
    for (const s of [
      'Evaluation report',
      '评估报告',
      TITLE.en,
      TITLE['zh-CN'],
      'Summary',
      '摘要',
      'Net Promoter Score',
      '净推荐值',
      'Teachers trained',
      '培训教师人数',
      'L2 Learning',
      'L2 学习',
      'Methods and formulas',
      '方法与公式',
      'Generated 2026-03-15 12:00 (Asia/Shanghai)',
      'BCR = benefits / costs',
      'Cohort',
      `Page 1 of ${pages}`,
      `第 ${pages} 页，共 ${pages} 页`,
    ]) {
      expect(text, s).toContain(s);
    }
    const methods = text.slice(text.indexOf('Methods and formulas')).replace(/\s+/g, ' ');
    expect(methods).toContain('Cronbach');
    expect(methods).toContain('α ≥ 0.7');
    expect(methods).toContain('at most 10 points behind, at risk up to 25 points');
    expect(methods).toContain('ROI % = (benefits - costs) / costs × 100');
    expect(methods).toContain('<g> = (<post%> - <pre%>) / (100 - <pre%>)');
    const last = poppler('pdftotext', bytes, ['-f', String(pages), '-l', String(pages)]);
    expect(last).toContain(`Page ${pages} of ${pages}`);
    expect(text).not.toContain('Chen Jie');
    expect(poppler('pdffonts', bytes)).toMatch(/NotoSansHans/);
  });

  it('writes French and Arabic, embedding the Arabic font, for the programme', async () => {
    const res = await coordinator.get(
      `/api/v1/projects/${programmeId}/evaluation/report.pdf?languages=fr,ar&scope=programme`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const bytes = res.rawPayload;
    if (process.env.EVAL_REPORT_OUT) {
      fs.writeFileSync(path.join(process.env.EVAL_REPORT_OUT, 'programme-fr-ar.pdf'), bytes);
    }
    if (!hasTool('pdftotext')) {
      return;
    }
    const text = poppler('pdftotext', bytes);
    expect(text).toContain("Rapport d'évaluation du programme");
    expect(text).toContain('Sub-project: Kenya');
    expect(text).toContain('Méthodes et formules');
    expect(text).not.toContain('Evaluation report');
    expect(poppler('pdffonts', bytes)).toMatch(/NotoNaskhArabic/);
  });

  it('writes the data as XLSX with indicators, surveys, items, scales and the learning gain', async () => {
    const res = await coordinator.get(
      `/api/v1/projects/${programmeId}/evaluation/report.xlsx?languages=zh-CN,en`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEETS.summary,
      SHEETS.indicators,
      SHEETS.surveys,
      SHEETS.items,
      SHEETS.scales,
      SHEETS.gain,
    ]);
    const indicators = wb.getWorksheet(SHEETS.indicators);
    expect(indicators?.getRow(1).getCell(5).value).toBe('指标');
    // One row per period: two for the share, one for the count.
    expect(indicators?.rowCount).toBe(4);
    const shareRows = [2, 3, 4]
      .map((r) => indicators?.getRow(r))
      .filter((r) => r?.getCell(5).value === '应用新方法的学员比例');
    expect(shareRows.map((r) => [r?.getCell(13).value, r?.getCell(14).value, r?.getCell(15).value])).toEqual([
      [40, 35, 75],
      [60, null, null],
    ]);
    const summary = wb.getWorksheet(SHEETS.summary);
    const figures = new Map<string, unknown>();
    summary?.eachRow((r, i) => {
      if (i > 1) {
        figures.set(String(r.getCell(1).value), r.getCell(2).value);
      }
    });
    expect(figures.get('净推荐值（NPS）')).toBe(25);
    expect(figures.get('参训人员')).toBe(4);
    expect(figures.get('投资回报率（Phillips）')).toBe(50);
    const gain = wb.getWorksheet(SHEETS.gain);
    const names: unknown[] = [];
    gain?.eachRow((r, i) => {
      if (i > 1) {
        names.push(r.getCell(4).value);
      }
    });
    expect(names.sort()).toEqual(['Amina', 'Baraka', 'Chen Jie', 'Dalia']);
    const items = wb.getWorksheet(SHEETS.items);
    expect(items?.rowCount).toBeGreaterThan(8);
  });

  it('leaves the per-participant gains out without survey.results_read', async () => {
    const withoutPersonal = rolePermissions.coordinator.filter((p) => p !== Permission.SurveyResultsRead);
    const ctx: ServiceContext = {
      deps: t.deps,
      actor: {
        userId: coordinatorUserId,
        email: 'c@test.example',
        displayName: 'Coordinator',
        locale: 'fr',
        organizationId: orgId,
        timeZone: 'Asia/Shanghai',
        role: 'coordinator',
        permissions: new Set([...withoutPersonal, Permission.EvaluationReportRead]),
        sessionId: 's',
        csrfToken: 'c',
      },
      requestId: 'r',
      ip: '127.0.0.1',
    };
    const page = await getProjectEvaluation(ctx, programmeId);
    expect(page.abilities.personalData).toBe(false);
    const report = await projectReport(ctx, programmeId, { scope: 'project', languages: undefined });
    expect(report.languages).toEqual(['en', 'fr']);
    expect(report.personalData).toBe(false);
    const post = report.evidence.surveys.find((s) => s.analytics.survey.id === surveyIds.post);
    expect(post?.analytics.gain?.participants).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderProjectReportXlsx(report)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(SHEETS.gain);
    const all: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((r) => {
        r.eachCell((c) => {
          all.push(String(c.value));
        });
      });
    }
    expect(all).not.toContain('Chen Jie');
  });

  it('writes the portfolio of a year as PDF and XLSX', async () => {
    const pdfRes = await coordinator.get('/api/v1/evaluation/portfolio-report.pdf?year=2026&languages=en,ar');
    expect(pdfRes.statusCode, pdfRes.body.slice(0, 300)).toBe(200);
    const bytes = pdfRes.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(4);
    if (process.env.EVAL_REPORT_OUT) {
      fs.writeFileSync(path.join(process.env.EVAL_REPORT_OUT, 'portfolio-en-ar.pdf'), bytes);
    }
    if (hasTool('pdftotext')) {
      const text = poppler('pdftotext', bytes);
      expect(text).toContain('Portfolio evaluation report 2026');
      expect(text).toContain('Projects running in 2026: 2');
      expect(text).toContain(TITLE.en);
      expect(text).not.toContain('Closed 2020 exchange');
      expect(poppler('pdffonts', bytes)).toMatch(/NotoNaskhArabic/);
    }

    const xlsx = await coordinator.get('/api/v1/evaluation/portfolio-report.xlsx?year=2026');
    expect(xlsx.statusCode, xlsx.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual([
      SHEETS.summary,
      SHEETS.projects,
      SHEETS.indicators,
    ]);
    const projects = wb.getWorksheet(SHEETS.projects);
    const rows: unknown[][] = [];
    projects?.eachRow((r, i) => {
      if (i > 1) {
        rows.push([r.getCell(2).value, r.getCell(4).value, r.getCell(12).value]);
      }
    });
    // The sub-project comes right after its programme.
    expect(rows).toEqual([
      [TITLE.en, 4, 25],
      ['Sub-project: Kenya', 3, expect.closeTo(100 / 3, 10)],
    ]);

    const old = await coordinator.get('/api/v1/evaluation/portfolio-report.xlsx?year=2020');
    const oldWb = new ExcelJS.Workbook();
    await oldWb.xlsx.load(old.rawPayload as unknown as ArrayBuffer);
    expect(oldWb.getWorksheet(SHEETS.projects)?.getRow(2).getCell(2).value).toBe('Closed 2020 exchange');
    expect(oldId).toBeTruthy();
  });

  it('answers 400 for unsupported languages, 403 without the permission and 404 across tenants', async () => {
    for (const [q, message] of [
      ['de', 'unsupported_language'],
      ['en,en', 'duplicate_language'],
      ['en,fr,ar', 'too_many_languages'],
    ]) {
      const res = await coordinator.get(
        `/api/v1/projects/${programmeId}/evaluation/report.pdf?languages=${q}`,
      );
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error.details), q).toContain(message);
    }
    expect((await coordinator.get('/api/v1/evaluation/portfolio-report.pdf?year=1800')).statusCode).toBe(400);

    const urls = [
      `/api/v1/projects/${programmeId}/evaluation`,
      `/api/v1/projects/${programmeId}/evaluation/report.pdf`,
      `/api/v1/projects/${programmeId}/evaluation/report.xlsx`,
      '/api/v1/evaluation/portfolio-report.pdf',
      '/api/v1/evaluation/portfolio-report.xlsx',
    ];
    for (const role of ['observer', 'trainer'] as const) {
      const { email } = await createMember(t.deps, orgId, role);
      const { signIn } = await import('../../test/test-app.js');
      const client = await signIn(t.app, email);
      for (const url of urls) {
        const res = await client.get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
    const pm = await signedInAs(t, 'project_manager', orgId);
    expect((await pm.client.get(urls[0] as string)).statusCode).toBe(200);

    const other = await signedInAs(t, 'coordinator');
    for (const url of urls.slice(0, 3)) {
      const res = await other.client.get(url);
      expect(res.statusCode, url).toBe(404);
    }
    const theirs = await other.client.get('/api/v1/evaluation/portfolio-report.xlsx?year=2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(theirs.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEETS.projects)?.rowCount).toBe(1);
  });
});
