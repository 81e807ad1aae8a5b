import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TAnonymisedProfile,
  TSelfProfile,
  TTalentProfile,
  TTalentProfileInputRaw,
} from '../../../contracts/talent.js';
import { newId } from '../../platform/ids.js';
import { writeTabularFile } from '../../platform/spreadsheets/tabular-files.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import { createParticipant, seedSkill, WORKED_EXAMPLE } from '../competition-results/test-fixtures.js';

let t: TestApp;
let orgId: string;
let coordinator: Client;
let enterprise: Client;
let admin: Client;
let trainer: Client;
let otherCoordinator: Client;
let otherEnterprise: Client;

const WELD = 'college:weld.gmaw';
const TIG = 'college:weld.gtaw';
const WIRING = 'college:elec.install-wiring';
const WEB_DEV = 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d';

let seq = 0;
function profileInput(overrides: Partial<TTalentProfileInputRaw> = {}): TTalentProfileInputRaw {
  seq++;
  return {
    nameLatin: `Person Zeta${seq}`,
    nameNative: `张${seq}号`,
    email: `person.zeta${seq}@example.cn`,
    iscoCode: '7212',
    skills: [
      { skillKey: WELD, level: 3, evidence: 'certificate' },
      { skillKey: TIG, level: 2, evidence: 'self' },
    ],
    languages: [
      { code: 'zh', cefr: 'native' },
      { code: 'en', cefr: 'B1' },
    ],
    countries: ['AE', 'SA'],
    availableFrom: '2026-06-01',
    headline: { en: `Welder Headline${seq} from Foshan` },
    summary: { en: `Summary text${seq} about my village` },
    education: [
      {
        iscedLevel: 3,
        field: `Welding Field${seq}`,
        institution: `Foshan School${seq}`,
        completedYear: 2025,
      },
    ],
    experienceYears: 2,
    ...overrides,
  };
}

async function create(
  client: Client,
  overrides: Partial<TTalentProfileInputRaw> = {},
): Promise<TTalentProfile> {
  const res = await client.post('/api/v1/talent/profiles', profileInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function consentOnPaper(id: string, scope: 'match' | 'match_and_introduce' = 'match') {
  const res = await coordinator.post(`/api/v1/talent/profiles/${id}/consents`, {
    scope,
    note: 'Signed form filed in binder 3',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TTalentProfile;
}

/** Sends a personal link and reads the token from the outbox message. */
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
  const token = /\/t\/([A-Za-z0-9_-]+)/.exec(mail.bodyText)?.[1];
  expect(token).toBeTruthy();
  return token as string;
}

/** Every string of personal data a profile holds, which must never reach an enterprise. */
function personalStrings(p: TTalentProfile): string[] {
  return [
    p.nameLatin,
    p.nameNative,
    p.email,
    ...Object.values(p.headline),
    ...Object.values(p.summary),
    ...p.education.flatMap((e) => [e.field, e.institution]),
    ...(p.participantId ? [p.participantId] : []),
    ...(p.competitorId ? [p.competitorId] : []),
    ...p.credentials.certificates.map((c) => c.number),
  ].filter((s) => s.length > 0);
}

beforeAll(async () => {
  t = await createTestApp();
  const c = await signedInAs(t, 'coordinator');
  coordinator = c.client;
  orgId = c.orgId;
  enterprise = (await signedInAs(t, 'enterprise', orgId)).client;
  admin = (await signedInAs(t, 'admin', orgId)).client;
  trainer = (await signedInAs(t, 'trainer', orgId)).client;
  const other = await signedInAs(t, 'coordinator');
  otherCoordinator = other.client;
  otherEnterprise = (await signedInAs(t, 'enterprise', other.orgId)).client;
});

afterAll(async () => {
  await t?.close();
});

describe('talent profiles: the college', () => {
  it('creates, reads, updates with compare-and-set, and derives verified from the evidence', async () => {
    const p = await create(coordinator);
    expect(p.consentState).toBe('none');
    expect(p.skills).toEqual([
      { skillKey: WELD, level: 3, evidence: 'certificate', verified: true },
      { skillKey: TIG, level: 2, evidence: 'self', verified: false },
    ]);
    expect(p.abilities).toEqual({ update: true, manageConsent: true, sendLink: true, delete: true });

    const input = profileInput({ nameLatin: p.nameLatin, email: p.email, countries: ['any'] });
    let res = await coordinator.put(`/api/v1/talent/profiles/${p.id}`, { version: p.version, data: input });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().countries).toEqual(['any']);
    expect(res.json().version).toBe(p.version + 1);
    // The same stale version again: 409, never a silent overwrite.
    res = await coordinator.put(`/api/v1/talent/profiles/${p.id}`, { version: p.version, data: input });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');

    // The audit log holds no personal data of the profile.
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('entityId', '=', p.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const text = JSON.stringify(audit.map((a) => [a.beforeJson, a.afterJson]));
    for (const s of personalStrings(p)) {
      expect(text).not.toContain(s);
    }
  });

  it('refuses unknown taxonomy codes and links, field by field', async () => {
    const res = await coordinator.post(
      '/api/v1/talent/profiles',
      profileInput({
        iscoCode: '9999',
        escoUri: WEB_DEV,
        skills: [
          { skillKey: 'college:weld.unknown', level: 2 },
          { skillKey: WELD, level: 2 },
          { skillKey: WELD, level: 3 },
        ],
        languages: [
          { code: 'en', cefr: 'B1' },
          { code: 'en', cefr: 'C1' },
        ],
        participantId: newId(),
      }),
    );
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { path: (string | number)[]; message: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['skills', 0, 'skillKey'], message: 'unknown_skill' },
        { path: ['skills', 2, 'skillKey'], message: 'duplicate_skill' },
        { path: ['languages', 1, 'code'], message: 'duplicate_language' },
        { path: ['iscoCode'], message: 'unknown_isco' },
        { path: ['escoUri'], message: 'esco_isco_mismatch' },
        { path: ['participantId'], message: 'unknown_participant' },
      ]),
    );
    // A malformed skill key is refused by the schema.
    const bad = await coordinator.post(
      '/api/v1/talent/profiles',
      profileInput({ skills: [{ skillKey: 'welding', level: 2 }] }),
    );
    expect(bad.statusCode).toBe(400);
  });

  it('answers 403 without the permission and 404 across organizations', async () => {
    const p = await create(coordinator);
    expect((await trainer.get('/api/v1/talent/profiles')).statusCode).toBe(403);
    expect((await trainer.get('/api/v1/talent/pool')).statusCode).toBe(403);
    expect((await enterprise.post('/api/v1/talent/profiles', profileInput())).statusCode).toBe(403);
    expect((await otherCoordinator.get(`/api/v1/talent/profiles/${p.id}`)).statusCode).toBe(404);
    expect(
      (await otherCoordinator.put(`/api/v1/talent/profiles/${p.id}`, { version: 1, data: profileInput() }))
        .statusCode,
    ).toBe(404);
    expect((await otherCoordinator.delete(`/api/v1/talent/profiles/${p.id}`)).statusCode).toBe(404);
    expect((await otherCoordinator.post(`/api/v1/talent/profiles/${p.id}/link`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/talent/profiles/${p.id}`)).statusCode).toBe(200);
  });

  it('keeps the consent history append-only; the current consent is the latest', async () => {
    const p = await create(coordinator);
    let res = await coordinator.post(`/api/v1/talent/profiles/${p.id}/consents/withdraw`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('not_consented');
    res = await coordinator.post(`/api/v1/talent/profiles/${p.id}/consents`, { scope: 'match', note: '' });
    expect(res.statusCode).toBe(400);
    let after = await consentOnPaper(p.id);
    res = await coordinator.post(`/api/v1/talent/profiles/${p.id}/consents`, {
      scope: 'match',
      note: 'again',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('already_consented');
    after = await consentOnPaper(p.id, 'match_and_introduce');
    res = await coordinator.post(`/api/v1/talent/profiles/${p.id}/consents/withdraw`, { note: 'Phoned us' });
    expect(res.statusCode, res.body).toBe(200);
    after = res.json();
    expect(after.consentState).toBe('withdrawn');
    expect(after.consentHistory.map((c) => [c.scope, c.givenVia, c.withdrawnAt !== null])).toEqual([
      ['match_and_introduce', 'coordinator_on_paper', true],
      ['match', 'coordinator_on_paper', false],
    ]);
    expect(after.consentHistory[0]?.withdrawnNote).toBe('Phoned us');
    expect(after.consentHistory[1]?.givenNote).toBe('Signed form filed in binder 3');
  });
});

describe('enterprises never receive a profile without consent', () => {
  const people: Record<string, TTalentProfile> = {};

  beforeAll(async () => {
    // Same skills, languages, country and occupation, so every filter finds all of them.
    people.never = await create(coordinator);
    people.consented = await create(coordinator);
    people.withdrawn = await create(coordinator);
    people.introduce = await create(coordinator);
    people.otherOrg = await create(otherCoordinator);
    await consentOnPaper(people.consented.id);
    await consentOnPaper(people.withdrawn.id);
    await consentOnPaper(people.introduce.id, 'match_and_introduce');
    const res = await otherCoordinator.post(`/api/v1/talent/profiles/${people.otherOrg.id}/consents`, {
      scope: 'match',
      note: 'paper',
    });
    expect(res.statusCode).toBe(200);
    const w = await coordinator.post(`/api/v1/talent/profiles/${people.withdrawn.id}/consents/withdraw`, {});
    expect(w.statusCode).toBe(200);
  });

  const LISTS = [
    '/api/v1/talent/pool',
    '/api/v1/talent/pool?pageSize=200',
    `/api/v1/talent/pool?skill=${encodeURIComponent(WELD)}`,
    '/api/v1/talent/pool?country=AE',
    '/api/v1/talent/pool?language=zh',
    '/api/v1/talent/pool?isco=72',
    '/api/v1/talent/pool?availableBy=2026-12-31',
  ];

  it.each(LISTS)('list %s: only consented profiles of the organization, anonymised', async (url) => {
    const res = await enterprise.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const ids = (res.json().data as TAnonymisedProfile[]).map((p) => p.id);
    expect(ids).toContain(people.consented?.id);
    expect(ids).toContain(people.introduce?.id);
    for (const hidden of ['never', 'withdrawn', 'otherOrg']) {
      expect(ids, hidden).not.toContain(people[hidden]?.id);
    }
    for (const p of Object.values(people)) {
      for (const s of personalStrings(p)) {
        expect(res.body).not.toContain(s);
      }
    }
  });

  it.each([
    ['never', 404],
    ['consented', 200],
    ['withdrawn', 404],
    ['introduce', 200],
    ['otherOrg', 404],
  ] as const)('detail of the %s profile answers %i', async (who, status) => {
    const p = people[who] as TTalentProfile;
    const res = await enterprise.get(`/api/v1/talent/pool/${p.id}`);
    expect(res.statusCode).toBe(status);
    for (const s of personalStrings(p)) {
      expect(res.body).not.toContain(s);
    }
    if (status === 200) {
      expect(Object.keys(res.json()).sort()).toEqual(
        [
          'availableFrom',
          'consentScope',
          'countries',
          'credentials',
          'educationLevels',
          'escoUri',
          'experienceYears',
          'id',
          'iscoCode',
          'languages',
          'medals',
          'skills',
        ].sort(),
      );
    }
  });

  it.each([
    ['GET', '/api/v1/talent/profiles'],
    ['GET', '/api/v1/talent/profiles?consent=given'],
    ['GET', '/api/v1/talent/profiles/:consented'],
    ['GET', '/api/v1/talent/profiles/:never'],
    ['GET', '/api/v1/talent/profiles/:consented/export'],
    ['POST', '/api/v1/talent/profiles/:consented/link'],
    ['GET', '/api/v1/talent/import/sample'],
  ] as const)('the college endpoint %s %s is refused to an enterprise (403)', async (method, url) => {
    const real = url.replace(/:(\w+)/, (_m, who: string) => people[who]?.id ?? '');
    const res = await enterprise.request(method, real, method === 'POST' ? {} : undefined);
    expect(res.statusCode).toBe(403);
    for (const p of Object.values(people)) {
      for (const s of personalStrings(p)) {
        expect(res.body).not.toContain(s);
      }
    }
  });

  it('the other organization’s enterprise sees only its own consented profile', async () => {
    const res = await otherEnterprise.get('/api/v1/talent/pool?pageSize=200');
    expect((res.json().data as TAnonymisedProfile[]).map((p) => p.id)).toEqual([people.otherOrg?.id]);
  });
});

describe('the personal link', () => {
  it('shows the profile; unknown, malformed and expired tokens are refused', async () => {
    const p = await create(coordinator, { locale: 'ar' });
    const token = await linkFor(p.id);
    const mail = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('toAddress', '=', p.email)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('المواهب');
    let res = await t.app.inject({ method: 'GET', url: `/api/v1/public/talent/${token}` });
    expect(res.statusCode, res.body).toBe(200);
    const page: TSelfProfile = res.json();
    expect(page.profile.nameLatin).toBe(p.nameLatin);
    expect(page.noticeVersion).toBe('2026-11');
    expect(res.headers['cache-control']).toBe('no-store');

    res = await t.app.inject({ method: 'GET', url: `/api/v1/public/talent/${'x'.repeat(43)}` });
    expect(res.statusCode).toBe(404);
    res = await t.app.inject({ method: 'GET', url: '/api/v1/public/talent/short' });
    expect(res.statusCode).toBe(404);

    t.clock.advanceMs(31 * 86_400_000);
    try {
      res = await t.app.inject({ method: 'GET', url: `/api/v1/public/talent/${token}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'TOKEN_INVALID', details: { reason: 'expired' } });
    } finally {
      t.clock.advanceMs(-31 * 86_400_000);
    }
  });

  it('refuses to send a link to a profile without an e-mail', async () => {
    const p = await create(coordinator, { email: '' });
    const res = await coordinator.post(`/api/v1/talent/profiles/${p.id}/link`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('no_email');
  });

  it('lets the owner edit, consent and withdraw; withdrawal hides the profile at once', async () => {
    const p = await create(coordinator);
    const token = await linkFor(p.id);
    const url = `/api/v1/public/talent/${token}`;
    // Editing: an unchanged verified skill stays verified, a changed one becomes self-declared.
    let res = await t.app.inject({
      method: 'PUT',
      url: `${url}/profile`,
      payload: {
        version: p.version,
        data: {
          skills: [
            { skillKey: WELD, level: 3 },
            { skillKey: TIG, level: 3 },
            { skillKey: WIRING, level: 1 },
          ],
          languages: [{ code: 'en', cefr: 'B2' }],
          countries: ['QA'],
          availableFrom: '2026-09-01',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    let page: TSelfProfile = res.json();
    expect(page.profile.skills.map((s) => [s.skillKey, s.level, s.evidence, s.verified])).toEqual([
      [WELD, 3, 'certificate', true],
      [TIG, 3, 'self', false],
      [WIRING, 1, 'self', false],
    ]);
    expect(page.profile.countries).toEqual(['QA']);
    // A stale version: 409.
    res = await t.app.inject({
      method: 'PUT',
      url: `${url}/profile`,
      payload: {
        version: p.version,
        data: { skills: [], languages: [], countries: [], availableFrom: '2026-09-01' },
      },
    });
    expect(res.statusCode).toBe(409);
    // Unknown skill: 400 with the path.
    res = await t.app.inject({
      method: 'PUT',
      url: `${url}/profile`,
      payload: {
        version: page.profile.version,
        data: {
          skills: [{ skillKey: 'college:nope', level: 2 }],
          languages: [],
          countries: [],
          availableFrom: '2026-09-01',
        },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { path: ['skills', 0, 'skillKey'], message: 'unknown_skill' },
    ]);

    expect((await enterprise.get(`/api/v1/talent/pool/${p.id}`)).statusCode).toBe(404);
    res = await t.app.inject({
      method: 'POST',
      url: `${url}/consent`,
      payload: { scope: 'match', locale: 'fr', noticeVersion: '2026-11' },
    });
    expect(res.statusCode, res.body).toBe(200);
    page = res.json();
    expect(page.profile.consent).toMatchObject({ scope: 'match', givenVia: 'link', locale: 'fr' });
    // The enterprise sees it now, with the owner's edits.
    res = await enterprise.get(`/api/v1/talent/pool/${p.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().countries).toEqual(['QA']);

    res = await t.app.inject({ method: 'POST', url: `${url}/consent/withdraw` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().profile.consentState).toBe('withdrawn');
    // At once: the very next reads no longer find it.
    expect((await enterprise.get(`/api/v1/talent/pool/${p.id}`)).statusCode).toBe(404);
    const list = await enterprise.get('/api/v1/talent/pool?pageSize=200');
    expect((list.json().data as TAnonymisedProfile[]).map((x) => x.id)).not.toContain(p.id);
    res = await t.app.inject({ method: 'POST', url: `${url}/consent/withdraw` });
    expect(res.statusCode).toBe(409);
    // The coordinator sees the history.
    const full: TTalentProfile = (await coordinator.get(`/api/v1/talent/profiles/${p.id}`)).json();
    expect(full.consentHistory).toHaveLength(1);
    expect(full.consentHistory[0]).toMatchObject({ givenVia: 'link', withdrawnVia: 'link' });
  });

  it('exports everything stored, then deletes the personal data for good', async () => {
    const p = await create(coordinator);
    await consentOnPaper(p.id);
    const token = await linkFor(p.id);
    const url = `/api/v1/public/talent/${token}`;
    let res = await t.app.inject({ method: 'GET', url: `${url}/export` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(res.body);
    expect(data.profile).toMatchObject({
      nameLatin: p.nameLatin,
      nameNative: p.nameNative,
      email: p.email,
      headline: p.headline,
      summary: p.summary,
      education: p.education,
      skills: p.skills,
      languages: p.languages,
    });
    expect(data.consentHistory).toHaveLength(1);
    expect(data.consentHistory[0]).toMatchObject({ givenVia: 'coordinator_on_paper', scope: 'match' });
    expect(data.personalLinks).toHaveLength(1);
    expect(res.body).not.toContain(token);
    expect(res.body).not.toContain('tokenHash');

    res = await t.app.inject({ method: 'DELETE', url });
    expect(res.statusCode, res.body).toBe(200);
    for (const table of [
      'talentProfileSkills',
      'talentProfileLanguages',
      'talentConsents',
      'talentSelfLinks',
    ] as const) {
      const rows = await t.deps.db
        .selectFrom(table)
        .select('profileId')
        .where('profileId', '=', p.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
    expect(
      await t.deps.db.selectFrom('talentProfiles').select('id').where('id', '=', p.id).execute(),
    ).toEqual([]);
    expect(
      await t.deps.db.selectFrom('outbox').select('id').where('toAddress', '=', p.email).execute(),
    ).toEqual([]);
    // The audit keeps an anonymous entry and no personal data anywhere.
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('entityId', '=', p.id).execute();
    expect(audit.find((a) => a.action === 'delete')).toMatchObject({
      actorId: null,
      reason: 'owner_request',
    });
    const text = JSON.stringify(audit);
    for (const s of personalStrings(p)) {
      expect(text).not.toContain(s);
    }
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/talent/profiles/${p.id}`)).statusCode).toBe(404);
  });
});

describe('verified credentials', () => {
  it('shows valid platform certificates and published competition results as verified', async () => {
    const participantId = await createParticipant(t.deps, orgId, 'Lukas Verified');
    const now = t.deps.clock.now().toISOString();
    const stamp = {
      organizationId: orgId,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
      version: 1,
    };
    const programmeId = newId();
    const projectId = newId();
    const cohortId = newId();
    const enrolmentId = newId();
    await t.deps.db
      .insertInto('projects')
      .values({
        id: projectId,
        ...stamp,
        code: 'P-TALENT',
        type: 'capacity_building',
        titleJson: '{"en":"Welding project"}',
        titleSort: 'welding project',
        status: '2',
        defaultCurrency: 'CNY',
        descriptionJson: '{}',
        searchText: '',
      })
      .execute();
    await t.deps.db
      .insertInto('trainingProgrammes')
      .values({
        id: programmeId,
        ...stamp,
        projectId,
        titleJson: '{"en":"Welding"}',
        titleSort: 'welding',
        description: '',
        learningOutcomesJson: '[]',
        languagesJson: '[]',
        interpretationNeeds: '',
        completionRuleJson: '{}',
        searchText: '',
      })
      .execute();
    await t.deps.db
      .insertInto('trainingCohorts')
      .values({
        id: cohortId,
        ...stamp,
        programmeId,
        name: 'W-1',
        capacity: 10,
        notes: '',
        startsOn: null,
        endsOn: null,
      })
      .execute();
    await t.deps.db
      .insertInto('trainingEnrolments')
      .values({ id: enrolmentId, ...stamp, cohortId, participantId, status: 'completed' })
      .execute();
    for (const [number, status] of [
      ['CERT-VALID-1', 'valid'],
      ['CERT-REVOKED-2', 'revoked'],
    ] as const) {
      const keyId = newId();
      await t.deps.db
        .insertInto('issuerKeys')
        .values({
          id: keyId,
          organizationId: orgId,
          algorithm: 'ES256',
          publicJwkJson: '{}',
          privateKeyEnc: 'x',
          status: 'retired',
          createdAt: now,
        })
        .execute();
      const id = newId();
      await t.deps.db
        .insertInto('certificates')
        .values({
          id,
          organizationId: orgId,
          publicId: newId(),
          number,
          enrolmentId,
          cohortId,
          batchId: null,
          recipientNameNative: '',
          recipientNameLatin: 'Lukas Verified',
          recipientEmailHash: null,
          language: 'en',
          programmeTitleJson: JSON.stringify({ en: `Gas metal arc welding ${status}` }),
          cohortName: 'W-1',
          startsOn: null,
          endsOn: null,
          hours: 120,
          issuerName: 'College',
          issuedAt: '2025-12-20T08:00:00.000Z',
          validUntil: null,
          status,
          revokedReason: null,
          revokedAt: null,
          revokedBy: null,
          credentialId: `urn:uuid:${id}`,
          credentialJson: '{}',
          credentialJwt: 'x',
          keyId,
          pdfStorageKey: 'x',
          pdfSha256: 'x',
          issuedBy: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    // A published result: the chief expert signs off, the admin publishes.
    const chief = await createMember(t.deps, orgId, 'chief_expert');
    const chiefClient = await signIn(t.app, chief.email);
    const skill = await seedSkill(t.deps, orgId, {
      entrants: WORKED_EXAMPLE.map((e, i) => ({
        ...e,
        competitors: [
          {
            firstName: 'Lukas',
            lastName: `Verified${i}`,
            participantId: i === 0 ? participantId : undefined,
          },
        ],
      })),
      experts: [{ userId: chief.userId, role: 'chief_expert', member: 'AT' }],
    });
    const base = '/api/v1/competition-results';
    let res = await chiefClient.get(`${base}/skills/${skill.skillId}`);
    res = await chiefClient.post(`${base}/skills/${skill.skillId}/sign-off`, {
      version: res.json().skill.version,
    });
    expect(res.statusCode, res.body).toBe(200);

    const p = await create(coordinator, { participantId });
    // Signed off but not published: not shown.
    expect(p.credentials.achievements).toEqual([]);
    expect(p.credentials.certificates.map((c) => c.number)).toEqual(['CERT-VALID-1']);

    res = await admin.post(`${base}/skills/${skill.skillId}/publish`, { version: res.json().skill.version });
    expect(res.statusCode, res.body).toBe(200);
    const full: TTalentProfile = (await coordinator.get(`/api/v1/talent/profiles/${p.id}`)).json();
    expect(full.credentials.achievements).toEqual([
      expect.objectContaining({ medal: 'gold', points: 743, position: 1, year: 2026 }),
    ]);

    await consentOnPaper(p.id);
    res = await enterprise.get(`/api/v1/talent/pool/${p.id}`);
    expect(res.statusCode).toBe(200);
    const anon: TAnonymisedProfile = res.json();
    expect(anon.credentials).toEqual([{ title: { en: 'Gas metal arc welding valid' }, issuedYear: 2025 }]);
    expect(anon.medals).toEqual([expect.objectContaining({ medal: 'gold', points: 743, year: 2026 })]);
    expect(res.body).not.toContain('CERT-VALID-1');
    expect(res.body).not.toContain(participantId);
  });
});

describe('bulk import', () => {
  const samples = path.resolve(import.meta.dirname, '../../../../samples/talent');

  it('previews every problem by row and column, and imports nothing from a bad file', async () => {
    const bytes = fs.readFileSync(path.join(samples, 'talent-import-with-errors.csv'));
    let res = await coordinator.upload('/api/v1/talent/import/preview', 'bad.csv', bytes, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.canImport).toBe(false);
    const problems = (preview.problems as { row: number; column: string; code: string }[]).map(
      (p) => `${p.row}:${p.column}:${p.code}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '2:skills:skill_format',
        '2:skills:unknown_skill',
        '3:name_latin:required',
        '3:isco:unknown_isco',
        '3:languages:language_format',
        '3:countries:unknown_country',
        '3:available_from:date_format',
        '4:email:email_format',
        '4:esco_occupation:esco_isco_mismatch',
      ]),
    );
    const before = await t.deps.db.selectFrom('talentProfiles').select('id').execute();
    res = await coordinator.upload('/api/v1/talent/import', 'bad.csv', bytes, 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID');
    expect(await t.deps.db.selectFrom('talentProfiles').select('id').execute()).toHaveLength(before.length);
  });

  it('imports a clean XLSX file all at once; nobody is visible before consenting', async () => {
    const [header, ...rows] = fs
      .readFileSync(path.join(samples, 'talent-import.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const xlsx = await writeTabularFile('xlsx', header ?? [], rows, 'Talent');
    let res = await coordinator.upload('/api/v1/talent/import/preview', 'talent.xlsx', xlsx);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ canImport: true, rowCount: 5, problems: [] });
    res = await coordinator.upload('/api/v1/talent/import', 'talent.xlsx', xlsx);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 5 });
    res = await coordinator.get('/api/v1/talent/profiles?q=ahmed.karim');
    const [ahmed] = res.json().data;
    expect(ahmed).toMatchObject({ nameLatin: 'Ahmed Karim', consentState: 'none', iscoCode: '2513' });
    const full: TTalentProfile = (await coordinator.get(`/api/v1/talent/profiles/${ahmed.id}`)).json();
    expect(full.escoUri).toBe(WEB_DEV);
    expect(full.skills.every((s) => s.evidence === 'self' && !s.verified)).toBe(true);
    expect(full.languages).toEqual([
      { code: 'ar', cefr: 'native' },
      { code: 'en', cefr: 'C1' },
      { code: 'fr', cefr: 'B1' },
    ]);
    expect((await enterprise.get(`/api/v1/talent/pool/${ahmed.id}`)).statusCode).toBe(404);
    // The same file again: every e-mail is already in the pool.
    res = await coordinator.upload('/api/v1/talent/import/preview', 'talent.xlsx', xlsx);
    expect(res.json().problems.filter((p: { code: string }) => p.code === 'already_in_pool')).toHaveLength(5);
  });

  it('serves the sample as CSV and XLSX', async () => {
    let res = await coordinator.get('/api/v1/talent/import/sample?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name_latin');
    res = await coordinator.get('/api/v1/talent/import/sample?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the college’s own skills', () => {
  it('adds a skill profiles can then use; codes are unique', async () => {
    let res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'weld.pipe-6g',
      labels: { en: 'Pipe welding in 6G position', 'zh-CN': '6G 位置管道焊接' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().key).toBe('college:weld.pipe-6g');
    res = await coordinator.post('/api/v1/talent/college-skills', {
      code: 'weld.pipe-6g',
      labels: { en: 'x' },
    });
    expect(res.statusCode).toBe(409);
    res = await coordinator.post('/api/v1/talent/college-skills', { code: 'weld.gmaw', labels: { en: 'x' } });
    expect(res.statusCode).toBe(409);
    const p = await create(coordinator, { skills: [{ skillKey: 'college:weld.pipe-6g', level: 4 }] });
    expect(p.skills[0]).toMatchObject({ skillKey: 'college:weld.pipe-6g', level: 4 });
    // Another college does not know it.
    res = await otherCoordinator.post(
      '/api/v1/talent/profiles',
      profileInput({ skills: [{ skillKey: 'college:weld.pipe-6g', level: 4 }] }),
    );
    expect(res.statusCode).toBe(400);
    res = await enterprise.get('/api/v1/talent/college-skills');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((s: { code: string }) => s.code)).toContain('weld.pipe-6g');
    expect((await trainer.get('/api/v1/talent/college-skills')).statusCode).toBe(403);
  });
});

describe('coordinator delete and export', () => {
  it('deletes on a paper request and exports on behalf of the person', async () => {
    const p = await create(coordinator);
    let res = await coordinator.get(`/api/v1/talent/profiles/${p.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).profile.email).toBe(p.email);
    res = await coordinator.delete(`/api/v1/talent/profiles/${p.id}`);
    expect(res.statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/talent/profiles/${p.id}`)).statusCode).toBe(404);
    const org = await createOrganization(t.deps, 'Unrelated');
    expect(org).toBeTruthy();
  });
});
