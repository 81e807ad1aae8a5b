import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTalentProfile, TTalentProfileInputRaw } from '../../../contracts/talent.js';
import type {
  TDemandPosting,
  TDemandPostingInputRaw,
  TMatchResult,
  TShortlistEntry,
} from '../../../contracts/talent-demand.js';
import { buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let coordinator: Client;
let enterprise: Client;
let enterprise2: Client;
/** A second recruiter of `enterprise`'s company (the same partner of the college). */
let enterpriseMate: Client;
let partner: Client;
let trainer: Client;
let otherCoordinator: Client;

const WELD = 'college:weld.gmaw';
const TIG = 'college:weld.gtaw';

let seq = 0;
function profileInput(overrides: Partial<TTalentProfileInputRaw> = {}): TTalentProfileInputRaw {
  seq++;
  return {
    nameLatin: `Demand Person${seq}`,
    nameNative: `需求${seq}号`,
    email: `demand.person${seq}@example.cn`,
    iscoCode: '7212',
    skills: [
      { skillKey: WELD, level: 3, evidence: 'certificate' },
      { skillKey: TIG, level: 2, evidence: 'self' },
    ],
    languages: [
      { code: 'zh', cefr: 'native' },
      { code: 'en', cefr: 'B1' },
    ],
    countries: ['AE'],
    availableFrom: '2026-06-01',
    headline: { en: `Headline${seq}` },
    summary: {},
    education: [],
    experienceYears: 2,
    ...overrides,
  };
}

function postingInput(overrides: Partial<TDemandPostingInputRaw> = {}): TDemandPostingInputRaw {
  return {
    enterpriseName: 'Gulf Steel Works',
    country: 'AE',
    site: 'Abu Dhabi',
    iscoCode: '7212',
    headcount: 3,
    startDate: '2026-09-01',
    contract: { type: 'fixed_term', durationMonths: 24 },
    requiredSkills: [{ skillKey: WELD, minLevel: 2, weight: 3 }],
    optionalSkills: [{ skillKey: TIG, minLevel: 3, weight: 1 }],
    requiredLanguages: [{ code: 'en', minCefr: 'A2' }],
    optionalLanguages: [],
    ...overrides,
  };
}

async function createProfile(overrides: Partial<TTalentProfileInputRaw> = {}): Promise<TTalentProfile> {
  const res = await coordinator.post('/api/v1/talent/profiles', profileInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function consent(id: string) {
  const res = await coordinator.post(`/api/v1/talent/profiles/${id}/consents`, {
    scope: 'match',
    note: 'Signed form',
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function withdraw(id: string) {
  const res = await coordinator.post(`/api/v1/talent/profiles/${id}/consents/withdraw`, {});
  expect(res.statusCode, res.body).toBe(200);
}

async function post(
  client: Client,
  overrides: Partial<TDemandPostingInputRaw> = {},
): Promise<TDemandPosting> {
  const res = await client.post('/api/v1/talent/demand', postingInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function linkFor(id: string): Promise<string> {
  const res = await coordinator.post(`/api/v1/talent/profiles/${id}/link`);
  expect(res.statusCode, res.body).toBe(200);
  const mail = await t.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('kind', '=', 'talent_link')
    .where('toAddress', '=', res.json().sentTo)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /\/t\/([A-Za-z0-9_-]+)/.exec(mail.bodyText)?.[1] as string;
}

async function match(postingId: string): Promise<TMatchResult> {
  const res = await coordinator.post(`/api/v1/talent/demand/${postingId}/match`, { limit: 50 });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function propose(postingId: string, profileId: string): Promise<TShortlistEntry> {
  const res = await coordinator.post(`/api/v1/talent/demand/${postingId}/shortlist`, { profileId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(
  entry: { id: string; version: number },
  stage: string,
  extra: Record<string, unknown> = {},
) {
  return coordinator.post(`/api/v1/talent/shortlist/${entry.id}/stage`, {
    version: entry.version,
    stage,
    ...extra,
  });
}

async function decide(token: string, entry: { id: string; version: number }, decision: 'agree' | 'decline') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/talent/${token}/introductions/${entry.id}`,
    payload: { version: entry.version, decision },
  });
}

/** Every body an enterprise can get that carries profiles or shortlist entries. */
async function enterpriseBodies(client: Client, postingId: string): Promise<string> {
  const bodies = [
    (await client.get('/api/v1/talent/demand')).body,
    (await client.get(`/api/v1/talent/demand/${postingId}`)).body,
    (await client.get(`/api/v1/talent/demand/${postingId}/shortlist`)).body,
    (await client.get('/api/v1/talent/pool?pageSize=100')).body,
  ];
  return bodies.join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  const c = await signedInAs(t, 'coordinator');
  coordinator = c.client;
  // The recruiters act for enterprises the college records as partners: two for Gulf Steel Works,
  // one (enterprise2) for another company.
  const admin = (await signedInAs(t, 'admin', c.orgId)).client;
  const company = async (en: string, type: string) => {
    const res = await coordinator.post(
      '/api/v1/partners',
      buildPartner({ names: { en }, type: type as never }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const gulf = await company('Gulf Steel Works', '71');
  const riyadh = await company('Riyadh Pipes', '70');
  const recruiter = async (partnerId: string) => {
    const u = await signedInAs(t, 'enterprise', c.orgId);
    const res = await admin.patch(`/api/v1/users/${u.userId}`, { version: 1, partnerId });
    expect(res.statusCode, res.body).toBe(200);
    return u.client;
  };
  enterprise = await recruiter(gulf);
  enterpriseMate = await recruiter(gulf);
  enterprise2 = await recruiter(riyadh);
  partner = (await signedInAs(t, 'partner', c.orgId)).client;
  trainer = (await signedInAs(t, 'trainer', c.orgId)).client;
  otherCoordinator = (await signedInAs(t, 'coordinator')).client;
});

afterAll(async () => {
  await t?.close();
});

describe('demand postings', () => {
  it('enterprises and partners post and edit their own; others get 404; the college sees all', async () => {
    const mine = await post(enterprise);
    expect(mine).toMatchObject({ status: 'open', postedByMe: true, version: 1, headcount: 3 });
    expect(mine.requiredSkills).toEqual([{ skillKey: WELD, minLevel: 2, weight: 3 }]);
    const theirs = await post(enterprise2, { enterpriseName: 'Riyadh Pipes' });
    const local = await post(partner, { enterpriseName: 'Local Partner Firm' });

    expect((await enterprise.get(`/api/v1/talent/demand/${theirs.id}`)).statusCode).toBe(404);
    expect((await enterprise2.get(`/api/v1/talent/demand/${mine.id}`)).statusCode).toBe(404);
    expect((await otherCoordinator.get(`/api/v1/talent/demand/${mine.id}`)).statusCode).toBe(404);
    const list = (await enterprise.get('/api/v1/talent/demand')).json().data as TDemandPosting[];
    expect(list.map((p) => p.id)).toEqual([mine.id]);
    const all = (await coordinator.get('/api/v1/talent/demand')).json().data as TDemandPosting[];
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([mine.id, theirs.id, local.id]));
    expect((await trainer.get('/api/v1/talent/demand')).statusCode).toBe(403);
    expect((await trainer.post('/api/v1/talent/demand', postingInput())).statusCode).toBe(403);

    // Edit with compare-and-set; another enterprise cannot edit (404); stale version 409.
    let res = await enterprise.put(`/api/v1/talent/demand/${mine.id}`, {
      version: 1,
      data: postingInput({ headcount: 5 }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ headcount: 5, version: 2 });
    res = await enterprise.put(`/api/v1/talent/demand/${mine.id}`, { version: 1, data: postingInput() });
    expect(res.statusCode).toBe(409);
    res = await enterprise2.put(`/api/v1/talent/demand/${mine.id}`, { version: 2, data: postingInput() });
    expect(res.statusCode).toBe(404);

    // Close: no more edits.
    res = await enterprise.post(`/api/v1/talent/demand/${mine.id}/status`, { version: 2, status: 'closed' });
    expect(res.statusCode, res.body).toBe(200);
    res = await enterprise.put(`/api/v1/talent/demand/${mine.id}`, { version: 3, data: postingInput() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('posting_not_open');
  });

  it('refuses unknown skills, duplicates and an ISCO code that does not exist, field by field', async () => {
    const res = await enterprise.post(
      '/api/v1/talent/demand',
      postingInput({
        iscoCode: '9999',
        requiredSkills: [{ skillKey: 'college:nope', minLevel: 2, weight: 1 }],
        optionalSkills: [{ skillKey: 'college:nope', minLevel: 2, weight: 1 }],
        requiredLanguages: [{ code: 'en', minCefr: 'B1' }],
        optionalLanguages: [{ code: 'en', minCefr: 'C1' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual(
      expect.arrayContaining([
        { path: ['iscoCode'], message: 'unknown_isco' },
        { path: ['requiredSkills', 0, 'skillKey'], message: 'unknown_skill' },
        { path: ['optionalLanguages', 0, 'code'], message: 'duplicate_language' },
      ]),
    );
  });
});

describe('matching and the shortlist', () => {
  it('ranks consented profiles with reasons, never a non-consented or withdrawn one', async () => {
    const posting = await post(enterprise);
    const strong = await createProfile({
      skills: [
        { skillKey: WELD, level: 4, evidence: 'certificate' },
        { skillKey: TIG, level: 3, evidence: 'certificate' },
      ],
    });
    const weak = await createProfile();
    const noConsent = await createProfile();
    const withdrawn = await createProfile();
    const noEnglish = await createProfile({ languages: [{ code: 'zh', cefr: 'native' }] });
    for (const p of [strong, weak, withdrawn, noEnglish]) {
      await consent(p.id);
    }
    await withdraw(withdrawn.id);

    const result = await match(posting.id);
    const ids = result.candidates.map((c) => c.profileId);
    expect(ids.indexOf(strong.id)).toBeLessThan(ids.indexOf(weak.id));
    expect(ids).toContain(weak.id);
    expect(ids).not.toContain(noConsent.id);
    expect(ids).not.toContain(withdrawn.id);
    expect(ids).not.toContain(noEnglish.id);
    // Consent is filtered in SQL: the matcher never even sees the others.
    expect(result.excludedByReason).toMatchObject({
      LANGUAGE_MISSING: 1,
      CONSENT_NOT_GIVEN: 0,
      CONSENT_WITHDRAWN: 0,
    });
    expect(result.poolSize).toBe(3);
    const weakMatch = result.candidates.find((c) => c.profileId === weak.id);
    expect(weakMatch?.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'REQUIRED_SKILL_MET', skillKey: WELD, outcome: 'matched' }),
        expect.objectContaining({ code: 'OPTIONAL_SKILL_BELOW_LEVEL', skillKey: TIG }),
      ]),
    );
    expect(JSON.stringify(result)).not.toContain(noConsent.nameLatin);
    expect(JSON.stringify(result)).not.toContain(withdrawn.nameLatin);

    // Only the college runs matching; shortlisting a non-consented profile is refused.
    expect((await enterprise.post(`/api/v1/talent/demand/${posting.id}/match`, {})).statusCode).toBe(403);
    const refused = await coordinator.post(`/api/v1/talent/demand/${posting.id}/shortlist`, {
      profileId: noConsent.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('consent_not_standing');
    const ineligible = await coordinator.post(`/api/v1/talent/demand/${posting.id}/shortlist`, {
      profileId: noEnglish.id,
    });
    expect(ineligible.statusCode).toBe(409);
    expect(ineligible.json().error.details.reason).toBe('not_eligible');
  });

  it('keeps the name from the enterprise until the candidate agrees, for that posting only', async () => {
    const postingA = await post(enterprise, { enterpriseName: 'Alpha Works' });
    const postingB = await post(enterprise, { enterpriseName: 'Beta Works' });
    const other = await post(enterprise2, { enterpriseName: 'Gamma Works' });
    const p = await createProfile();
    await consent(p.id);
    const a = await propose(postingA.id, p.id);
    const b = await propose(postingB.id, p.id);
    expect(a.stage).toBe('proposed');
    expect(a.reasons.length).toBeGreaterThan(0);
    // The college sees the person; a second proposal for the same posting is refused.
    expect(a.person?.nameLatin).toBe(p.nameLatin);
    expect(
      (await coordinator.post(`/api/v1/talent/demand/${postingA.id}/shortlist`, { profileId: p.id }))
        .statusCode,
    ).toBe(409);

    const secrets = [p.nameLatin, p.nameNative, p.email];
    for (const id of [postingA.id, postingB.id]) {
      const text = await enterpriseBodies(enterprise, id);
      for (const s of secrets) {
        expect(text).not.toContain(s);
      }
    }
    const before = (await enterprise.get(`/api/v1/talent/demand/${postingA.id}/shortlist`)).json()
      .data as TShortlistEntry[];
    expect(before).toHaveLength(1);
    expect(before[0]?.profile?.id).toBe(p.id);
    expect(before[0]?.person).toBeNull();
    // The second recruiter of the same enterprise sees the same, just as anonymised.
    const mateBefore = (await enterpriseMate.get(`/api/v1/talent/demand/${postingA.id}/shortlist`)).json()
      .data as TShortlistEntry[];
    expect(mateBefore.map((e) => [e.id, e.profile?.id, e.person])).toEqual([[a.id, p.id, null]]);
    for (const id of [postingA.id, postingB.id]) {
      const text = await enterpriseBodies(enterpriseMate, id);
      for (const s of secrets) {
        expect(text).not.toContain(s);
      }
    }
    // Another enterprise's recruiter sees nothing of this enterprise's postings: 404 on every endpoint.
    for (const id of [postingA.id, postingB.id]) {
      expect((await enterprise2.get(`/api/v1/talent/demand/${id}`)).statusCode).toBe(404);
      expect((await enterprise2.get(`/api/v1/talent/demand/${id}/shortlist`)).statusCode).toBe(404);
      expect(
        (await enterprise2.put(`/api/v1/talent/demand/${id}`, { version: 1, data: postingInput() }))
          .statusCode,
      ).toBe(404);
      expect(
        (await enterprise2.post(`/api/v1/talent/demand/${id}/status`, { version: 1, status: 'closed' }))
          .statusCode,
      ).toBe(404);
      expect((await enterprise2.get('/api/v1/talent/demand')).body).not.toContain(id);
    }

    // The candidate sees the proposals through the personal link and agrees to one.
    const token = await linkFor(p.id);
    const intro = await t.app.inject({ method: 'GET', url: `/api/v1/public/talent/${token}/introductions` });
    expect(intro.statusCode, intro.body).toBe(200);
    // Both postings are Gulf Steel Works' (the partner's name, whatever the recruiter typed).
    expect(
      intro
        .json()
        .data.map((i: { id: string; enterpriseName: string }) => `${i.id}:${i.enterpriseName}`)
        .sort(),
    ).toEqual([`${a.id}:Gulf Steel Works`, `${b.id}:Gulf Steel Works`].sort());
    // The college cannot agree for the candidate.
    expect((await move(a, 'candidate_agreed')).statusCode).toBe(409);
    let res = await decide(token, a, 'agree');
    expect(res.statusCode, res.body).toBe(200);
    res = await decide(token, a, 'agree');
    expect(res.statusCode).toBe(409);

    // Agreed to be introduced to the enterprise: both its recruiters see the name on posting A.
    for (const recruiter of [enterprise, enterpriseMate]) {
      const after = (await recruiter.get(`/api/v1/talent/demand/${postingA.id}/shortlist`)).json()
        .data as TShortlistEntry[];
      expect(after[0]).toMatchObject({
        stage: 'candidate_agreed',
        person: { nameLatin: p.nameLatin, email: p.email },
      });
    }
    // Posting B: still anonymised. Another enterprise's bodies never carry it.
    for (const recruiter of [enterprise, enterpriseMate]) {
      const textB = (await recruiter.get(`/api/v1/talent/demand/${postingB.id}/shortlist`)).body;
      for (const s of secrets) {
        expect(textB).not.toContain(s);
      }
    }
    const text2 = await enterpriseBodies(enterprise2, other.id);
    for (const s of secrets) {
      expect(text2).not.toContain(s);
    }
    // Declining B leaves it anonymised and final.
    res = await decide(token, b, 'decline');
    expect(res.statusCode, res.body).toBe(200);

    // Withdrawing consent hides the profile from the enterprise again, even on posting A.
    await withdraw(p.id);
    for (const recruiter of [enterprise, enterpriseMate]) {
      const hidden = await recruiter.get(`/api/v1/talent/demand/${postingA.id}/shortlist`);
      expect(hidden.json().data).toEqual([]);
      const textAfter = await enterpriseBodies(recruiter, postingA.id);
      for (const s of secrets) {
        expect(textAfter).not.toContain(s);
      }
    }
    // The college still sees the entry, without the anonymised profile.
    const college = (await coordinator.get(`/api/v1/talent/demand/${postingA.id}/shortlist`)).json()
      .data as TShortlistEntry[];
    expect(college[0]).toMatchObject({ consentState: 'withdrawn', profile: null });
  });

  it('moves stages along the workflow only (409 otherwise) and counts placements for the results framework', async () => {
    const posting = await post(enterprise, { enterpriseName: 'Placement Works' });
    const p = await createProfile();
    await consent(p.id);
    let e = await propose(posting.id, p.id);
    // proposed → contacted is not allowed before the candidate agrees.
    let res = await move(e, 'contacted');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({
      reason: 'invalid_transition',
      from: 'proposed',
      to: 'contacted',
    });
    const token = await linkFor(p.id);
    expect((await decide(token, e, 'agree')).statusCode).toBe(200);
    e = { ...e, version: e.version + 1 };
    for (const stage of ['contacted', 'interview', 'offer']) {
      res = await move(e, stage);
      expect(res.statusCode, res.body).toBe(200);
      e = res.json();
    }
    // Stale version: 409 VERSION_CONFLICT; an enterprise cannot move stages.
    expect((await move({ ...e, version: e.version - 1 }, 'placed')).json().error.code).toBe(
      'VERSION_CONFLICT',
    );
    expect(
      (
        await enterprise.post(`/api/v1/talent/shortlist/${e.id}/stage`, {
          version: e.version,
          stage: 'placed',
        })
      ).statusCode,
    ).toBe(403);
    res = await move(e, 'placed', { placedOn: '2026-03-10' });
    expect(res.statusCode, res.body).toBe(200);
    e = res.json();
    expect(e).toMatchObject({ stage: 'placed', placedOn: '2026-03-10' });
    expect(e.history.map((h) => `${h.by}:${h.stage}`)).toEqual([
      'college:proposed',
      'candidate:candidate_agreed',
      'college:contacted',
      'college:interview',
      'college:offer',
      'college:placed',
    ]);
    // Final: no further moves.
    expect((await move(e, 'not_placed')).statusCode).toBe(409);

    // The results framework's automatic source counts the college's placements in the period.
    const project = await coordinator.post('/api/v1/projects', {
      code: 'TAL-1',
      type: 'teacher_training',
      title: { en: 'Overseas employment' },
      plannedStart: '2025-01-01',
      plannedEnd: '2027-12-31',
    });
    expect(project.statusCode, project.body).toBe(201);
    const projectId = project.json().id as string;
    const base = `/api/v1/projects/${projectId}/results`;
    const result = await coordinator.post(base, { type: 'outcome', title: { en: 'Employment' } });
    expect(result.statusCode, result.body).toBe(201);
    const ind = await coordinator.post(`${base}/${result.json().id}/indicators/from-template`, {
      templateKey: 'graduates_employed_overseas',
    });
    expect(ind.statusCode, ind.body).toBe(201);
    const indicatorId = ind.json().id as string;
    for (const [start, end] of [
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ]) {
      const per = await coordinator.post(`${base}/indicators/${indicatorId}/periods`, {
        start,
        end,
        target: { value: 10 },
      });
      expect(per.statusCode, per.body).toBe(201);
    }
    const framework = (await coordinator.get(base)).json();
    const indicator = framework.results
      .flatMap((r: { indicators: { id: string }[] }) => r.indicators)
      .find((i: { id: string }) => i.id === indicatorId);
    expect(indicator.source).toMatchObject({ key: 'talent.placements', available: true });
    expect(indicator.periods[0].platform).toMatchObject({
      value: 1,
      contributors: [{ kind: 'posting', id: posting.id, count: 1 }],
    });
    expect(indicator.periods[1].platform).toMatchObject({ value: 0 });
  });
});
