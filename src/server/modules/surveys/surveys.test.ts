import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TQuestionInput, TSurveyInput } from '../../../contracts/surveys.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import {
  type Client,
  createOrganization,
  createTestApp,
  signedInAs,
  type TestApp,
} from '../../test/test-app.js';
import { runSurveyJobs } from './surveys.job.js';

const DAY = 24 * 60 * 60 * 1000;

/** A project, programme, cohort and seated participants, written straight to the tables. */
async function seedCohort(
  deps: Deps,
  organizationId: string,
  people: { name: string; languages?: string[]; email?: string; country?: string }[],
  endsOn = '2026-03-13',
) {
  const now = deps.clock.now().toISOString();
  const stamps = { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
  const projectId = newId();
  await deps.db
    .insertInto('projects')
    .values({
      id: projectId,
      organizationId,
      parentId: null,
      code: `P-${projectId.slice(-6)}`,
      type: 'teacher_training',
      baseLocation: null,
      titleJson: JSON.stringify({ en: 'Teacher training' }),
      titleSort: 'teacher training',
      descriptionJson: '{}',
      status: '2',
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      defaultCurrency: 'CNY',
      responsibleUserId: null,
      searchText: '',
      archivedAt: null,
      ...stamps,
    })
    .execute();
  const programmeId = newId();
  await deps.db
    .insertInto('trainingProgrammes')
    .values({
      id: programmeId,
      organizationId,
      projectId,
      titleJson: JSON.stringify({ en: 'PLC workshop' }),
      titleSort: 'plc workshop',
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
      organizationId,
      programmeId,
      name: `Cohort ${cohortId.slice(-4)}`,
      startsOn: '2026-03-02',
      endsOn,
      capacity: 50,
      notes: '',
      ...stamps,
    })
    .execute();
  const participantIds: string[] = [];
  for (const p of people) {
    const id = newId();
    participantIds.push(id);
    await deps.db
      .insertInto('trainingParticipants')
      .values({
        id,
        organizationId,
        nameNative: '',
        nameLatin: p.name,
        gender: 'female',
        country: p.country ?? 'BD',
        organizationName: '',
        position: '',
        email: p.email ?? `${p.name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(-6)}@x.example`,
        languagesJson: JSON.stringify(p.languages ?? ['bn', 'en']),
        passportNumber: '',
        dateOfBirth: null,
        ...stamps,
      })
      .execute();
    await deps.db
      .insertInto('trainingEnrolments')
      .values({
        id: newId(),
        organizationId,
        cohortId,
        participantId: id,
        status: 'confirmed',
        waitlistPosition: null,
        preScore: null,
        postScore: null,
        portalTokenHash: null,
        ...stamps,
      })
      .execute();
  }
  return { projectId, cohortId, participantIds };
}

const likert = (en: string, extra: Partial<TQuestionInput> = {}): TQuestionInput => ({
  type: 'likert5',
  text: { en },
  scaleKey: 'reaction',
  ...extra,
});

function l1Body(cohortId: string, extra: Partial<TSurveyInput> = {}): TSurveyInput {
  return {
    cohortId,
    level: 'L1',
    title: { en: 'Reaction', fr: 'Réaction' },
    anonymous: false,
    questions: [
      likert('Relevant'),
      likert('Too hard to follow', { reverseCoded: true, required: false }),
      { type: 'nps', text: { en: 'Recommend?' } },
      { type: 'text', text: { en: 'Improve?' }, required: false },
    ],
    ...extra,
  };
}

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

async function create(client: Client, body: TSurveyInput) {
  const res = await client.post('/api/v1/surveys', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function open(client: Client, survey: { id: string; version: number }) {
  const res = await client.post(`/api/v1/surveys/${survey.id}/status`, {
    version: survey.version,
    status: 'open',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The newest personal link mailed to each address, by address. */
async function linksByEmail(deps: Deps): Promise<Map<string, string>> {
  const mails = await deps.db.selectFrom('outbox').selectAll().orderBy('createdAt').orderBy('id').execute();
  const out = new Map<string, string>();
  for (const m of mails) {
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1];
    if (token && m.kind.startsWith('survey_')) {
      out.set(m.toAddress, token);
    }
  }
  return out;
}

async function tokensOf(t: TestApp, participantIds: string[]): Promise<string[]> {
  const links = await linksByEmail(t.deps);
  const people = await t.deps.db
    .selectFrom('trainingParticipants')
    .select(['id', 'email'])
    .where('id', 'in', participantIds)
    .execute();
  return participantIds.map((id) => links.get(people.find((p) => p.id === id)?.email ?? '') ?? '');
}

let address = 0;

/** Each respondent answers from an address of their own (the public endpoints are rate limited per address). */
function answerPublic(t: TestApp, token: string, answers: unknown[], locale = 'en', remoteAddress?: string) {
  address++;
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/surveys/${token}/responses`,
    payload: { locale, answers },
    remoteAddress: remoteAddress ?? `10.9.${(address >> 8) & 255}.${address & 255}`,
  });
}

describe('surveys', () => {
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

  it('refuses an invalid survey with one issue per field', async () => {
    const { cohortId } = await seedCohort(t.deps, orgId, []);
    const cases: [unknown, string, string][] = [
      [{ ...l1Body(cohortId), questions: [] }, 'questions', 'questions_required'],
      [{ ...l1Body(cohortId), cohortId: null }, 'projectId', 'project_or_cohort_required'],
      [
        { ...l1Body(cohortId), opensOn: '2026-04-02', closesOn: '2026-04-01' },
        'closesOn',
        'end_before_start',
      ],
      [{ ...l1Body(cohortId), testPhase: 'pre' }, 'testPhase', 'test_phase_needs_l2'],
      [
        {
          ...l1Body(cohortId),
          level: 'L2',
          testPhase: 'pre',
          anonymous: true,
          questions: [scored('Q', 'a')],
        },
        'anonymous',
        'test_cannot_be_anonymous',
      ],
      [
        { ...l1Body(cohortId), questions: [{ type: 'single', text: { en: 'Q' }, options: [] }] },
        'questions.0.options',
        'options_required',
      ],
      [
        { ...l1Body(cohortId), questions: [{ type: 'nps', text: { en: 'Q' }, reverseCoded: true }] },
        'questions.0.reverseCoded',
        'reverse_needs_likert',
      ],
      [
        { ...l1Body(cohortId), questions: [{ ...scored('Q', 'z') }] },
        'questions.0.correct.0',
        'unknown_option',
      ],
      [
        { ...l1Body(cohortId), questions: [{ type: 'number', text: { en: 'Q' }, purpose: 'benefit' }] },
        'questions.0.currency',
        'currency_required',
      ],
      [
        { ...l1Body(cohortId), questions: [likert('a'), { ...likert('b'), type: 'likert7' }] },
        'questions.1.scaleKey',
        'scale_mixed_points',
      ],
      [{ ...l1Body(cohortId), title: { en: '' } }, 'title', 'at_least_one_language'],
    ];
    for (const [body, path, message] of cases) {
      const res = await coordinator.post('/api/v1/surveys', body);
      expect(res.statusCode, `${path} ${res.body}`).toBe(400);
      const issues = res.json().error.details.issues as { path: (string | number)[]; message: string }[];
      expect(
        issues.map((i) => `${i.path.filter((p) => p !== 'body').join('.')}:${i.message}`),
        path,
      ).toContain(`${path}:${message}`);
    }
    const unknown = await coordinator.post('/api/v1/surveys', l1Body(newId()));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues).toEqual([{ path: ['cohortId'], message: 'unknown_cohort' }]);
  });

  it('creates from a template, takes the project from the cohort, and answers 403 / 404 / 409', async () => {
    const { cohortId, projectId } = await seedCohort(t.deps, orgId, [{ name: 'Amina' }]);
    const template = await coordinator.get(`/api/v1/surveys/templates/L1?cohortId=${cohortId}`);
    expect(template.statusCode, template.body).toBe(200);
    expect(template.json().questions.some((q: { type: string }) => q.type === 'nps')).toBe(true);
    expect(template.json().questions.some((q: { reverseCoded: boolean }) => q.reverseCoded)).toBe(true);
    const created = await create(coordinator, template.json());
    expect(created.projectId).toBe(projectId);
    expect(created.status).toBe('draft');
    expect(created.followUpDays).toBe(90);
    // Without a cohort (the list's "New survey" menu): a draft to complete, not a server error.
    const bare = await coordinator.get('/api/v1/surveys/templates/L2');
    expect(bare.statusCode, bare.body).toBe(200);
    expect(bare.json()).toMatchObject({ projectId: null, cohortId: null, testPhase: 'pre' });
    const incomplete = await coordinator.post('/api/v1/surveys', bare.json());
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details.issues).toContainEqual({
      path: ['body', 'projectId'],
      message: 'project_or_cohort_required',
    });

    const observer = await signedInAs(t, 'observer', orgId);
    expect((await observer.client.get(`/api/v1/surveys/${created.id}`)).statusCode).toBe(403);
    const trainer = await signedInAs(t, 'trainer', orgId);
    expect((await trainer.client.get(`/api/v1/surveys/${created.id}`)).statusCode).toBe(200);
    expect((await trainer.client.post('/api/v1/surveys', l1Body(cohortId))).statusCode).toBe(403);

    const other = await signedInAs(t, 'coordinator');
    expect((await other.client.get(`/api/v1/surveys/${created.id}`)).statusCode).toBe(404);
    expect(
      (await other.client.put(`/api/v1/surveys/${created.id}`, { version: 1, data: l1Body(cohortId) }))
        .statusCode,
    ).toBe(404);

    const data = { ...template.json(), title: { en: 'Renamed' } };
    const first = await coordinator.put(`/api/v1/surveys/${created.id}`, { version: 1, data });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await coordinator.put(`/api/v1/surveys/${created.id}`, { version: 1, data });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const closeDraft = await coordinator.post(`/api/v1/surveys/${created.id}/status`, {
      version: 2,
      status: 'closed',
    });
    expect(closeDraft.statusCode).toBe(409);
    expect(closeDraft.json().error.code).toBe('INVALID_STATE');
  });

  it('invites by personal link in each language and takes one answer per link', async () => {
    const { cohortId, participantIds } = await seedCohort(t.deps, orgId, [
      { name: 'Fatima', languages: ['ar'] },
      { name: 'Jean', languages: ['wo', 'fr'] },
      { name: 'Karim', languages: ['bn'] },
    ]);
    const survey = await create(coordinator, l1Body(cohortId, { defaultLocale: 'en' }));
    const notOpen = await coordinator.post(`/api/v1/surveys/${survey.id}/invitations`, {});
    expect(notOpen.statusCode).toBe(409);
    await open(coordinator, survey);
    const invite = await coordinator.post(`/api/v1/surveys/${survey.id}/invitations`, {});
    expect(invite.statusCode, invite.body).toBe(200);
    expect(invite.json()).toEqual({ invited: 3, skipped: 0, withoutEmail: 0 });
    const again = await coordinator.post(`/api/v1/surveys/${survey.id}/invitations`, {});
    expect(again.json()).toEqual({ invited: 0, skipped: 3, withoutEmail: 0 });

    const invitations = (await coordinator.get(`/api/v1/surveys/${survey.id}/invitations`)).json().data;
    expect(
      Object.fromEntries(
        invitations.map((i: { nameLatin: string; locale: string }) => [i.nameLatin, i.locale]),
      ),
    ).toEqual({
      Fatima: 'ar',
      Jean: 'fr',
      Karim: 'en',
    });
    const hashes = await t.deps.db.selectFrom('surveyLinks').select('tokenHash').execute();
    const [fatima, jean, karim] = await tokensOf(t, participantIds);
    expect(fatima).toBeTruthy();
    expect(hashes.map((h) => h.tokenHash)).not.toContain(fatima);
    const mails = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'survey_invitation')
      .execute();
    expect(mails.some((m) => m.bodyText.includes('تدعوك'))).toBe(true);
    expect(mails.some((m) => m.bodyText.includes('vous invite'))).toBe(true);

    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${fatima}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ state: 'open', locale: 'ar', anonymous: false });
    expect(page.json().questions).toHaveLength(4);
    expect(page.json().questions[0]).not.toHaveProperty('scaleKey');

    const [relevant, hard, nps, improve] = page.json().questions.map((q: { id: string }) => q.id);
    const missing = await answerPublic(t, fatima as string, [{ questionId: relevant, number: 9 }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues).toEqual([
      { path: ['answers', relevant], message: 'answer_out_of_range' },
      { path: ['answers', nps], message: 'answer_required' },
    ]);
    const ok = await answerPublic(
      t,
      fatima as string,
      [
        { questionId: relevant, number: 5 },
        { questionId: hard, number: 2 },
        { questionId: nps, number: 10 },
        { questionId: improve, text: '  More lab time  ' },
      ],
      'ar',
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const twice = await answerPublic(t, fatima as string, [
      { questionId: relevant, number: 4 },
      { questionId: nps, number: 3 },
    ]);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('already_answered');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${fatima}` })).json().state,
    ).toBe('answered');

    const stored = await t.deps.db
      .selectFrom('surveyResponses')
      .selectAll()
      .where('surveyId', '=', survey.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.participantId).toBe(participantIds[0]);
    const texts = await t.deps.db
      .selectFrom('surveyAnswers')
      .select('valueText')
      .where('responseId', '=', stored[0]?.id as string)
      .where('valueText', 'is not', null)
      .execute();
    expect(texts).toEqual([{ valueText: 'More lab time' }]);

    for (const bad of ['not-a-token', 'A'.repeat(43)]) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${bad}` });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }

    const current = (await coordinator.get(`/api/v1/surveys/${survey.id}`)).json();
    expect(current.counts).toEqual({ invited: 3, responded: 1, responseRate: (1 * 100) / 3 });
    expect(current.abilities.editStructure).toBe(false);
    const restructure = await coordinator.put(`/api/v1/surveys/${survey.id}`, {
      version: current.version,
      data: { ...l1Body(cohortId), questions: current.questions.slice(1) },
    });
    expect(restructure.statusCode).toBe(400);
    expect(restructure.json().error.details.issues).toContainEqual({
      path: ['questions'],
      message: 'structure_frozen',
    });

    const closed = await coordinator.post(`/api/v1/surveys/${survey.id}/status`, {
      version: current.version,
      status: 'closed',
    });
    expect(closed.statusCode).toBe(200);
    const closedPage = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${jean}` });
    expect(closedPage.json()).toMatchObject({ state: 'closed', questions: [] });
    const late = await answerPublic(t, jean as string, [{ questionId: nps, number: 8 }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('closed');
    expect(karim).toBeTruthy();
  });

  it('stores no link between an anonymous response and the invitation or the person', async () => {
    const { cohortId, participantIds } = await seedCohort(t.deps, orgId, [
      { name: 'Anon One' },
      { name: 'Anon Two' },
    ]);
    const survey = await open(coordinator, await create(coordinator, l1Body(cohortId, { anonymous: true })));
    await coordinator.post(`/api/v1/surveys/${survey.id}/invitations`, {});
    const [token] = await tokensOf(t, participantIds);
    const q = (await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` })).json()
      .questions;
    const res = await answerPublic(t, token as string, [
      { questionId: q[0].id, number: 4 },
      { questionId: q[2].id, number: 9 },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [response] = await t.deps.db
      .selectFrom('surveyResponses')
      .selectAll()
      .where('surveyId', '=', survey.id)
      .execute();
    expect(response?.invitationId).toBeNull();
    expect(response?.participantId).toBeNull();
    expect(response?.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response?.id.charAt(14)).toBe('4');
    const invitations = await t.deps.db
      .selectFrom('surveyInvitations')
      .select(['participantId', 'respondedOn'])
      .where('surveyId', '=', survey.id)
      .execute();
    expect(invitations.find((i) => i.participantId === participantIds[0])?.respondedOn).toBe('2026-03-15');
    expect(invitations.find((i) => i.participantId === participantIds[1])?.respondedOn).toBeNull();
    expect((await answerPublic(t, token as string, [{ questionId: q[2].id, number: 9 }])).statusCode).toBe(
      409,
    );

    // Guessing links from one address is cut off by the rate limit.
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await answerPublic(t, `guess${i}`.padEnd(43, 'x'), [], 'en', '10.99.0.1')).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('computes item means, NPS, alpha and the Hake gain as worked out by hand', async () => {
    const names = ['P1', 'P2', 'P3', 'P4', 'P5'];
    const { cohortId, participantIds } = await seedCohort(
      t.deps,
      orgId,
      names.map((name) => ({ name })),
    );
    const l1 = await open(coordinator, await create(coordinator, l1Body(cohortId)));
    await coordinator.post(`/api/v1/surveys/${l1.id}/invitations`, {});
    const tokens = await tokensOf(t, participantIds);
    const [relevant, hard, nps] = l1.questions.map((q: { id: string }) => q.id);
    // relevant, hard (reverse-coded), nps; P5 skips the reverse-coded item (listwise deletion).
    const sheets: [number, number | null, number][] = [
      [5, 1, 10],
      [4, 2, 9],
      [3, 3, 7],
      [2, 3, 3],
      [1, null, 8],
    ];
    for (const [i, [a, b, c]] of sheets.entries()) {
      const answers = [
        { questionId: relevant, number: a },
        { questionId: nps, number: c },
        ...(b === null ? [] : [{ questionId: hard, number: b }]),
      ];
      expect((await answerPublic(t, tokens[i] as string, answers)).statusCode).toBe(201);
    }
    const a = (await coordinator.get(`/api/v1/surveys/${l1.id}/analytics`)).json();
    expect(a.counts).toEqual({ invited: 5, responded: 5, responseRate: 100, responses: 5 });
    const item = a.questions.find((q: { id: string }) => q.id === relevant);
    expect(item.likert.mean).toBe(3);
    expect(item.likert.counts).toEqual([1, 1, 1, 1, 1]);
    const hardItem = a.questions.find((q: { id: string }) => q.id === hard);
    expect(hardItem.likert.mean).toBeCloseTo(2.25, 10);
    expect(hardItem.likert.alignedMean).toBeCloseTo(3.75, 10);
    const npsItem = a.questions.find((q: { id: string }) => q.id === nps);
    expect(npsItem.nps).toMatchObject({ n: 5, promoters: 2, passives: 2, detractors: 1, score: 20 });
    // Items (5,4,3,2) and reverse-coded (5,4,3,3): s² = 5/3 and 2.75/3; totals (10,8,6,5): s² = 14.75/3.
    expect(a.scales).toHaveLength(1);
    expect(a.scales[0]).toMatchObject({ key: 'reaction', k: 2, n: 4, excluded: 1 });
    expect(a.scales[0].alpha).toBeCloseTo(2 * (1 - (5 / 3 + 2.75 / 3) / (14.75 / 3)), 10);
    expect(a.scales[0].alpha).toBeCloseTo(0.949153, 5);

    // L2: pre 0, 50, 50, 100 %; post 100, 100, 50, 100 % (P4 at the maximum before).
    const pre = await open(
      coordinator,
      await create(coordinator, {
        cohortId,
        level: 'L2',
        testPhase: 'pre',
        title: { en: 'Pre-test' },
        questions: [scored('Q1', 'a'), scored('Q2', 'b')],
      }),
    );
    const postRes = await coordinator.post(`/api/v1/surveys/${pre.id}/post-test`);
    expect(postRes.statusCode, postRes.body).toBe(201);
    expect((await coordinator.post(`/api/v1/surveys/${pre.id}/post-test`)).statusCode).toBe(409);
    const post = await open(coordinator, postRes.json());
    expect(post.preTestId).toBe(pre.id);
    const answerTest = async (
      survey: { id: string; questions: { id: string }[] },
      picks: [string, string][],
    ) => {
      await coordinator.post(`/api/v1/surveys/${survey.id}/invitations`, {
        participantIds: participantIds.slice(0, 4),
      });
      const toks = await tokensOf(t, participantIds.slice(0, 4));
      for (const [i, [x, y]] of picks.entries()) {
        const res = await answerPublic(t, toks[i] as string, [
          { questionId: survey.questions[0]?.id, choices: [x] },
          { questionId: survey.questions[1]?.id, choices: [y] },
        ]);
        expect(res.statusCode, res.body).toBe(201);
      }
    };
    await answerTest(pre, [
      ['b', 'a'],
      ['a', 'a'],
      ['b', 'b'],
      ['a', 'b'],
    ]);
    await answerTest(post, [
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'a'],
      ['a', 'b'],
    ]);
    const g = (await coordinator.get(`/api/v1/surveys/${post.id}/analytics`)).json();
    expect(g.test).toMatchObject({ n: 4, meanPercent: 87.5, maxPoints: 2 });
    expect(g.gain).toMatchObject({
      n: 4,
      preMean: 50,
      postMean: 87.5,
      classGain: 0.75,
      classGainBand: 'high',
      nIndividual: 3,
      preAtMaximum: 1,
      preOnly: 0,
      postOnly: 0,
      bands: { low: 1, medium: 0, high: 2 },
    });
    expect(g.gain.meanIndividualGain).toBeCloseTo(2 / 3, 10);
    expect(g.gain.meanIndividualGainBand).toBe('medium');
    expect(g.gain.participants.map((p: { name: string; g: number | null }) => [p.name, p.g])).toEqual(
      expect.arrayContaining([
        ['P1', 1],
        ['P2', 1],
        ['P3', 0],
        ['P4', null],
      ]),
    );

    // The trainer sees the figures; without survey.results_read (project manager has it) names stay out.
    const observerView = await signedInAs(t, 'observer', orgId);
    expect((await observerView.client.get(`/api/v1/surveys/${post.id}/analytics`)).statusCode).toBe(403);

    const cmp = (await coordinator.get('/api/v1/surveys/comparisons?metric=gain&dimension=country')).json();
    expect(cmp.groups).toEqual([
      { key: 'BD', suppressed: true, suppression: 'small_group', n: null, mean: null, sd: null },
    ]);
    expect(cmp.overall).toMatchObject({ suppressed: true, suppression: 'small_group' });
    const reaction = (
      await coordinator.get('/api/v1/surveys/comparisons?metric=reaction&dimension=country')
    ).json();
    expect(reaction.overall.suppressed).toBe(false);

    const overview = (await coordinator.get(`/api/v1/surveys/overview?cohortId=${cohortId}`)).json().data;
    expect(overview.find((o: { id: string }) => o.id === l1.id)).toMatchObject({ nps: 20 });
    expect(overview.find((o: { id: string }) => o.id === pre.id).classGain).toBe(0.75);
  });

  it('computes the L3 application rate and the Phillips ROI from the project costs', async () => {
    const { cohortId, projectId, participantIds } = await seedCohort(t.deps, orgId, [
      { name: 'R1' },
      { name: 'R2' },
      { name: 'R3' },
    ]);
    await t.deps.db
      .insertInto('projectTransactions')
      .values({
        id: newId(),
        organizationId: orgId,
        projectId,
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
    const l3 = await open(
      coordinator,
      await create(
        coordinator,
        (await coordinator.get(`/api/v1/surveys/templates/L3?cohortId=${cohortId}`)).json(),
      ),
    );
    const l4 = await open(
      coordinator,
      await create(
        coordinator,
        (await coordinator.get(`/api/v1/surveys/templates/L4?cohortId=${cohortId}`)).json(),
      ),
    );
    expect(l4.questions[0]).toMatchObject({ purpose: 'benefit', currency: 'CNY' });
    await coordinator.post(`/api/v1/surveys/${l3.id}/invitations`, {});
    const appQ = l3.questions.find((q: { purpose: string }) => q.purpose === 'application').id;
    const picks = ['yes', 'no'];
    const l3Tokens = await tokensOf(t, participantIds);
    for (const [i, pick] of picks.entries()) {
      const drivers = l3.questions
        .filter((q: { type: string }) => q.type === 'likert5')
        .map((q: { id: string }) => ({ questionId: q.id, number: 4 }));
      const res = await answerPublic(t, l3Tokens[i] as string, [
        { questionId: appQ, choices: [pick] },
        ...drivers,
      ]);
      expect(res.statusCode, res.body).toBe(201);
    }
    const application = (await coordinator.get(`/api/v1/surveys/${l3.id}/analytics`)).json().application;
    expect(application).toEqual({
      invited: 3,
      responded: 2,
      applied: 1,
      applicationRate: 50,
      responseRate: (2 * 100) / 3,
    });

    // L4 links are mailed after the L3 ones: the newest per person is the L4 link.
    await coordinator.post(`/api/v1/surveys/${l4.id}/invitations`, {});
    const l4Tokens = await tokensOf(t, participantIds);
    for (const [i, amount] of [12000.5, 3000].entries()) {
      const res = await answerPublic(t, l4Tokens[i] as string, [
        { questionId: l4.questions[0].id, number: amount },
      ]);
      expect(res.statusCode, res.body).toBe(201);
    }
    const negative = await answerPublic(t, l4Tokens[2] as string, [
      { questionId: l4.questions[0].id, number: -5 },
    ]);
    expect(negative.json().error.details.issues).toEqual([
      { path: ['answers', l4.questions[0].id], message: 'answer_out_of_range' },
    ]);
    const roi = (await coordinator.get(`/api/v1/surveys/${l4.id}/analytics`)).json().roi;
    expect(roi).toEqual({
      ok: true,
      problem: null,
      currency: 'CNY',
      benefitsMinor: 1_500_050,
      costsMinor: 1_000_000,
      netBenefitsMinor: 500_050,
      benefitCostRatio: 1.50005,
      roiPercent: 50.005,
      costsSource: 'spending',
    });
  });
});

describe('survey jobs', () => {
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

  it('reminds non-respondents once per day per college and creates a due follow-up once', async () => {
    await createOrganization(t.deps, 'Second College', 'Africa/Nairobi');
    const { cohortId, participantIds } = await seedCohort(
      t.deps,
      orgId,
      [{ name: 'Done' }, { name: 'Late' }, { name: 'No Mail', email: '' }],
      '2026-03-13',
    );
    const body = l1Body(cohortId, { followUpDays: 10 });
    const survey = await open(coordinator, await create(coordinator, body));
    const invite = (await coordinator.post(`/api/v1/surveys/${survey.id}/invitations`, {})).json();
    expect(invite).toEqual({ invited: 3, skipped: 0, withoutEmail: 1 });
    const [done] = await tokensOf(t, participantIds);
    const nps = survey.questions[2].id;
    const relevant = survey.questions[0].id;
    await answerPublic(t, done as string, [
      { questionId: relevant, number: 4 },
      { questionId: nps, number: 9 },
    ]);

    const countMails = async (kind: string) =>
      (await t.deps.db.selectFrom('outbox').select('id').where('kind', '=', kind).execute()).length;

    // Day 0: nothing is due yet; a second run the same day does not run at all.
    const first = await runSurveyJobs(t.deps);
    expect(first).toEqual({ organizations: 2, followUps: 0, reminders: 0 });
    expect(await runSurveyJobs(t.deps)).toEqual({ organizations: 0, followUps: 0, reminders: 0 });

    // The manual button reminds those not contacted today: nobody on the invitation day.
    expect((await coordinator.post(`/api/v1/surveys/${survey.id}/reminders`)).json()).toEqual({
      reminded: 0,
    });

    // Day 5: "Late" is due (4 days after the invitation); the same day again sends nothing more.
    t.clock.advanceMs(5 * DAY);
    const day5 = await runSurveyJobs(t.deps);
    expect(day5.reminders).toBe(1);
    expect((await runSurveyJobs(t.deps)).reminders).toBe(0);
    expect(await countMails('survey_reminder')).toBe(1);
    // (Sessions lapse while the clock jumps: read the invitation from the table.)
    const late = await t.deps.db
      .selectFrom('surveyInvitations')
      .selectAll()
      .where('surveyId', '=', survey.id)
      .where('participantId', '=', participantIds[1] as string)
      .executeTakeFirstOrThrow();
    expect(late.reminderCount).toBe(1);
    // Both of Late's links work.
    const lateLinks = await t.deps.db
      .selectFrom('surveyLinks')
      .select('tokenHash')
      .where('invitationId', '=', late.id)
      .execute();
    expect(lateLinks).toHaveLength(2);

    // Day 6: not due again (last contact yesterday); the manual button reminds, once that day.
    t.clock.advanceMs(DAY);
    expect((await runSurveyJobs(t.deps)).reminders).toBe(0);
    const again = (await signedInAs(t, 'coordinator', orgId)).client;
    expect((await again.post(`/api/v1/surveys/${survey.id}/reminders`)).json()).toEqual({ reminded: 1 });
    expect((await again.post(`/api/v1/surveys/${survey.id}/reminders`)).json()).toEqual({ reminded: 0 });

    // Day 10 after the cohort's end (2026-03-23): the L3 follow-up is created and sent, once.
    t.clock.set('2026-03-23T04:00:00Z');
    const due = await runSurveyJobs(t.deps);
    expect(due.followUps).toBe(1);
    t.clock.set('2026-03-24T04:00:00Z');
    expect((await runSurveyJobs(t.deps)).followUps).toBe(0);
    const followUps = await t.deps.db
      .selectFrom('surveys')
      .selectAll()
      .where('followUpOf', '=', survey.id)
      .execute();
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ level: 'L3', status: 'open', cohortId, opensOn: '2026-03-23' });
    const followUpInvitations = await t.deps.db
      .selectFrom('surveyInvitations')
      .select('id')
      .where('surveyId', '=', followUps[0]?.id as string)
      .execute();
    expect(followUpInvitations).toHaveLength(3);
  });
});
