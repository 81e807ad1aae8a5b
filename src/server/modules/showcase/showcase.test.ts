import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProjectInput } from '../../../contracts/projects.js';
import type { TPublicProject, TPublicShowcase, TShowcaseSettings } from '../../../contracts/showcase.js';
import { buildApp } from '../../app.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { buildPartner } from '../../test/factories.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import { seedSkill, WORKED_EXAMPLE } from '../competition-results/test-fixtures.js';

// Every kind of item exists twice per college, once public and once private. The private ones carry
// marker strings (and so do the private fields of public items); the public JSON must contain every
// public item and none of the markers.

let t: TestApp;
let admin: Client;
let orgA: string;
let adminB: Client;
let orgB: string;

/** Values that must never appear in any public answer of college A. */
const SECRETS = [
  'PRIVATE-PROJECT',
  'ARCHIVED-PROJECT',
  'PRIVATE-PARTNER',
  'SECRET-PARTNER-NOTE',
  'SECRET-CONTACT',
  'secret.contact@partner.example',
  '+86 20 5550 1234',
  'SECRET-TXN',
  '987654321',
  'SECRET-COMMENT',
  'PRIVATE-INDICATOR',
  'SECRET-PERSON',
  'secret.person@example.org',
  'SECRET-PASSPORT',
  'PRIVATE-RESOURCE',
  'UNPUBLISHED-COMPETITION',
  'SECRET-MOBILITY',
  'COLLEGE-B',
];

interface Seeded {
  publicProjectId: string;
  publicProjectVersion: number;
  privateProjectId: string;
  publicPartnerId: string;
  publicResourceId: string;
}

async function ok<T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200) {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

function project(code: string, title: string, extra: Partial<TProjectInput> = {}): TProjectInput {
  return {
    code,
    parentId: null,
    type: 'teacher_training',
    baseLocation: null,
    title: { en: title, fr: `${title} (fr)` },
    description: { en: `About ${title}.` },
    status: '2',
    plannedStart: '2026-01-01',
    plannedEnd: '2027-12-31',
    actualStart: null,
    actualEnd: null,
    defaultCurrency: 'CNY',
    responsibleUserId: null,
    participants: [],
    countries: [],
    sectors: [],
    agreementIds: [],
    budgets: [],
    transactions: [],
    ...extra,
  };
}

const stamps = (deps: Deps) => {
  const now = deps.clock.now().toISOString();
  return { createdAt: now, updatedAt: now, createdBy: null, updatedBy: null, version: 1 };
};

/** A programme and cohort of the project, with `completed` completed enrolments (and certificates). */
async function seedTraining(
  deps: Deps,
  orgId: string,
  projectId: string,
  completed: number,
  certificates: number,
) {
  const db = deps.db;
  const programmeId = newId();
  const cohortId = newId();
  await db
    .insertInto('trainingProgrammes')
    .values({
      id: programmeId,
      organizationId: orgId,
      projectId,
      titleJson: JSON.stringify({ en: 'Programme' }),
      titleSort: 'programme',
      description: '',
      learningOutcomesJson: '[]',
      languagesJson: '["en"]',
      interpretationNeeds: '',
      completionRuleJson: '{}',
      searchText: '',
      ...stamps(deps),
    })
    .execute();
  await db
    .insertInto('trainingCohorts')
    .values({
      id: cohortId,
      organizationId: orgId,
      programmeId,
      name: 'Cohort 1',
      startsOn: '2026-02-01',
      endsOn: '2026-02-20',
      capacity: 30,
      notes: '',
      ...stamps(deps),
    })
    .execute();
  const enrolments: string[] = [];
  for (let i = 0; i < completed + 1; i++) {
    const participantId = newId();
    await db
      .insertInto('trainingParticipants')
      .values({
        id: participantId,
        organizationId: orgId,
        nameNative: '',
        nameLatin: `SECRET-PERSON ${i}`,
        gender: 'female',
        country: 'KE',
        organizationName: '',
        position: '',
        email: `secret.person@example.org`,
        languagesJson: '[]',
        passportNumber: 'SECRET-PASSPORT',
        dateOfBirth: null,
        ...stamps(deps),
      })
      .execute();
    const enrolmentId = newId();
    enrolments.push(enrolmentId);
    await db
      .insertInto('trainingEnrolments')
      .values({
        id: enrolmentId,
        organizationId: orgId,
        cohortId,
        participantId,
        // One more person who did not complete: never counted as trained.
        status: i < completed ? 'completed' : 'attending',
        waitlistPosition: null,
        preScore: null,
        postScore: null,
        portalTokenHash: null,
        ...stamps(deps),
      })
      .execute();
  }
  const keyId = newId();
  await db
    .insertInto('issuerKeys')
    .values({
      id: keyId,
      organizationId: orgId,
      algorithm: 'ES256',
      publicJwkJson: '{}',
      privateKeyEnc: '',
      status: 'retired',
      createdAt: deps.clock.now().toISOString(),
      retiredAt: deps.clock.now().toISOString(),
    })
    .execute();
  // `certificates` valid ones, and one revoked (never counted).
  for (let i = 0; i <= certificates; i++) {
    const now = deps.clock.now().toISOString();
    await db
      .insertInto('certificates')
      .values({
        id: newId(),
        organizationId: orgId,
        publicId: newId(),
        number: `C-${newId().slice(-8)}`,
        enrolmentId: enrolments[i] ?? null,
        cohortId,
        batchId: null,
        recipientNameNative: '',
        recipientNameLatin: 'SECRET-PERSON',
        recipientEmailHash: null,
        language: 'en',
        programmeTitleJson: '{}',
        cohortName: 'Cohort 1',
        startsOn: null,
        endsOn: null,
        hours: 10,
        issuerName: 'College',
        issuedAt: now,
        validUntil: null,
        status: i < certificates ? 'valid' : 'revoked',
        revokedReason: null,
        revokedAt: null,
        revokedBy: null,
        credentialId: newId(),
        credentialJson: '{}',
        credentialJwt: '',
        keyId,
        pdfStorageKey: '',
        pdfSha256: '',
        issuedBy: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  }
}

async function seedMobility(deps: Deps, orgId: string, projectId: string, stage: 'returned' | 'approved') {
  await deps.db
    .insertInto('mobilities')
    .values({
      id: newId(),
      organizationId: orgId,
      direction: 'outbound',
      category: 'teacher',
      title: 'SECRET-MOBILITY',
      purpose: 'SECRET-MOBILITY purpose',
      homeIsOwn: 1,
      homePartnerId: null,
      hostIsOwn: 0,
      hostPartnerId: null,
      destinationCity: 'Nairobi',
      plannedStartOn: '2026-01-10',
      plannedEndOn: '2026-01-20',
      actualStartOn: null,
      actualEndOn: null,
      fundingSource: '',
      fundingAmountMinor: null,
      fundingCurrency: null,
      costsBorneBy: 'host',
      projectId,
      agreementId: null,
      stage,
      cancellationReason: null,
      notes: 'SECRET-MOBILITY notes',
      searchText: '',
      ...stamps(deps),
    })
    .execute();
}

async function seedIndicator(client: Client, projectId: string, title: string, comment: string) {
  const base = `/api/v1/projects/${projectId}/results`;
  const result = await ok<{ id: string }>(
    client.post(base, { type: 'output', title: { en: `${title} result` } }),
    201,
  );
  const indicator = await ok<{ id: string }>(
    client.post(`${base}/${result.id}/indicators`, {
      title: { en: title },
      measure: 'unit',
      unitLabel: { en: 'teachers' },
      baseline: { year: 2025, value: 0 },
    }),
    201,
  );
  await ok(
    client.post(`${base}/indicators/${indicator.id}/periods`, {
      start: '2026-01-01',
      end: '2026-12-31',
      target: { value: 100 },
      actual: { value: 40, comment: { en: comment } },
    }),
    201,
  );
}

async function seedCollege(client: Client, orgId: string, tag: string): Promise<Seeded> {
  const deps = t.deps;
  const partner = async (name: string, country: string) =>
    (
      await ok<{ id: string }>(
        client.post(
          '/api/v1/partners',
          buildPartner({
            names: { en: name },
            country,
            city: 'Nairobi',
            notes: 'SECRET-PARTNER-NOTE',
            contacts: [
              {
                nameLatin: 'SECRET-CONTACT',
                nameNative: '',
                position: 'Head',
                email: 'secret.contact@partner.example',
                phone: '+86 20 5550 1234',
                languages: [],
              },
            ],
          }),
        ),
        201,
      )
    ).id;
  const publicPartnerId = await partner(`${tag} Public Partner`, 'KE');
  const privatePartnerId = await partner(`PRIVATE-PARTNER ${tag}`, 'ZA');

  const secretMoney = {
    budgets: [
      {
        type: '1' as const,
        status: '2' as const,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        valueMinor: 987654321,
        currency: 'CNY',
        valueDate: null,
      },
    ],
    transactions: [
      {
        type: '4' as const,
        date: '2026-02-01',
        valueMinor: 1000,
        currency: 'CNY',
        description: 'SECRET-TXN',
        providerOrg: '',
        receiverOrg: '',
      },
    ],
  };
  const pub = await ok<{ id: string; version: number }>(
    client.post(
      '/api/v1/projects',
      project(`${tag}-PUB`, `${tag} Public Project`, {
        participants: [
          { partnerId: null, role: '2' },
          { partnerId: publicPartnerId, role: '4' },
        ],
        countries: [{ country: 'KE', percentage: null }],
        sectors: [{ vocabulary: '1', code: '11330', percentage: null }],
        ...secretMoney,
      }),
    ),
    201,
  );
  const priv = await ok<{ id: string; version: number }>(
    client.post(
      '/api/v1/projects',
      project(`${tag}-PRIV`, `PRIVATE-PROJECT ${tag}`, {
        participants: [{ partnerId: privatePartnerId, role: '4' }],
        countries: [{ country: 'ZA', percentage: null }],
        ...secretMoney,
      }),
    ),
    201,
  );
  const archived = await ok<{ id: string; version: number }>(
    client.post('/api/v1/projects', project(`${tag}-ARCH`, `ARCHIVED-PROJECT ${tag}`)),
    201,
  );

  // Public flags: the public project, and the archived one (shown, then archived).
  const shown = await ok<{ version: number }>(
    client.put(`/api/v1/showcase/projects/${pub.id}`, { public: true, version: pub.version }),
  );
  const arch = await ok<{ version: number }>(
    client.put(`/api/v1/showcase/projects/${archived.id}`, { public: true, version: archived.version }),
  );
  await ok(client.post(`/api/v1/projects/${archived.id}/archive`, { version: arch.version, archived: true }));

  await seedIndicator(client, pub.id, `${tag} Teachers trained`, 'SECRET-COMMENT');
  await seedIndicator(client, priv.id, 'PRIVATE-INDICATOR', 'SECRET-COMMENT');
  await seedTraining(deps, orgId, pub.id, 2, 1);
  await seedTraining(deps, orgId, priv.id, 3, 2);
  await seedMobility(deps, orgId, pub.id, 'returned');
  await seedMobility(deps, orgId, pub.id, 'approved');
  await seedMobility(deps, orgId, priv.id, 'returned');

  const resource = async (title: string) =>
    ok<{ id: string; version: number }>(
      client.post('/api/v1/resources', {
        kind: 'curriculum',
        title: { en: title },
        description: `${title} description`,
        subject: 'Welding',
        tags: [],
      }),
      201,
    );
  const publicResource = await resource(`${tag} Welding curriculum`);
  await resource(`PRIVATE-RESOURCE ${tag}`);
  await ok(
    client.post(`/api/v1/resources/${publicResource.id}/versions`, {
      label: '1.0',
      changelog: '',
      publishedOn: '2026-02-01',
    }),
    201,
  );
  const flagged = await ok<{ public: boolean }>(
    client.put(`/api/v1/showcase/resources/${publicResource.id}`, {
      public: true,
      version: publicResource.version,
    }),
  );
  expect(flagged.public).toBe(true);

  return {
    publicProjectId: pub.id,
    publicProjectVersion: shown.version,
    privateProjectId: priv.id,
    publicPartnerId,
    publicResourceId: publicResource.id,
  };
}

async function publishSkill(
  orgId: string,
  chiefUserId: string,
  chief: Client,
  boss: Client,
  competitionId?: string,
) {
  const s = await seedSkill(t.deps, orgId, {
    entrants: WORKED_EXAMPLE,
    experts: [{ userId: chiefUserId, role: 'chief_expert', member: 'AT' }],
    ...(competitionId ? { competitionId, skillNumber: '02' } : {}),
  });
  const base = '/api/v1/competition-results';
  const r = await ok<{ skill: { version: number } }>(chief.get(`${base}/skills/${s.skillId}`));
  const signed = await ok<{ skill: { version: number } }>(
    chief.post(`${base}/skills/${s.skillId}/sign-off`, { version: r.skill.version }),
  );
  return {
    ...s,
    signed,
    publish: () => ok(boss.post(`${base}/skills/${s.skillId}/publish`, { version: signed.skill.version })),
  };
}

const settingsBody = (slug: string, over: Record<string, unknown> = {}) => ({
  enabled: true,
  slug,
  names: { en: 'College A', ar: 'الكلية أ' },
  intro: { en: 'We train teachers across East Africa.', fr: 'Nous formons des enseignants.' },
  sections: ['figures', 'projects', 'partners', 'competitions', 'resources'],
  figures: [
    'projects',
    'partner_countries',
    'participants_trained',
    'certificates_issued',
    'mobilities',
    'medals',
  ],
  contactEmail: 'international@college-a.example',
  ...over,
});

let a: Seeded;
let b: Seeded;
let settings: TShowcaseSettings;

beforeAll(async () => {
  t = await createTestApp();
  ({ client: admin, orgId: orgA } = await signedInAs(t, 'admin'));
  orgB = await createOrganization(t.deps, 'COLLEGE-B');
  adminB = await signIn(t.app, (await createMember(t.deps, orgB, 'admin')).email);
  a = await seedCollege(admin, orgA, 'A');
  b = await seedCollege(adminB, orgB, 'COLLEGE-B');

  // Competitions of A: one with a published skill (and an unpublished one beside it), one with a
  // signed-off but unpublished skill only.
  const chief = await createMember(t.deps, orgA, 'chief_expert');
  const chiefClient = await signIn(t.app, chief.email);
  const published = await publishSkill(orgA, chief.userId, chiefClient, admin);
  await published.publish();
  await publishSkill(orgA, chief.userId, chiefClient, admin, published.competitionId);
  const hidden = await publishSkill(orgA, chief.userId, chiefClient, admin);
  await t.deps.db
    .updateTable('competitions')
    .set({ namesJson: JSON.stringify({ en: 'UNPUBLISHED-COMPETITION' }), slug: 'unpublished-competition' })
    .where('id', '=', hidden.competitionId)
    .execute();

  settings = await ok<TShowcaseSettings>(
    admin.put('/api/v1/showcase/settings', { version: 0, data: settingsBody('college-a') }),
  );
  await ok(
    adminB.put('/api/v1/showcase/settings', {
      version: 0,
      data: settingsBody('college-b', { names: { en: 'COLLEGE-B' } }),
    }),
  );
});

afterAll(async () => {
  await t.close();
});

const publicGet = (url: string) => t.app.inject({ method: 'GET', url });

function expectNoSecrets(body: string, secrets = SECRETS) {
  const found = secrets.filter((s) => body.includes(s));
  expect(found, 'private values in the public answer').toEqual([]);
}

describe('public showcase: exactly what the college marked public', () => {
  it('lists the public project, its partner, the published competition, the public resource and the figures', async () => {
    const res = await publicGet('/api/v1/public/showcase/college-a');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expectNoSecrets(res.body);
    const s: TPublicShowcase = res.json();

    expect(s.college).toEqual({
      slug: 'college-a',
      names: { en: 'College A', ar: 'الكلية أ' },
      shortName: '',
      country: 'CN',
      intro: { en: 'We train teachers across East Africa.', fr: 'Nous formons des enseignants.' },
      contactEmail: 'international@college-a.example',
      sections: ['figures', 'projects', 'partners', 'competitions', 'resources'],
    });
    expect(s.projects).toEqual([
      {
        code: 'A-PUB',
        title: { en: 'A Public Project', fr: 'A Public Project (fr)' },
        type: 'teacher_training',
        status: '2',
        start: '2026-01-01',
        end: '2027-12-31',
        countries: ['KE'],
      },
    ]);
    expect(s.partners).toEqual([
      {
        id: a.publicPartnerId,
        names: { en: 'A Public Partner' },
        country: 'KE',
        city: 'Nairobi',
        type: '80',
      },
    ]);
    expect(s.competitions).toHaveLength(1);
    expect(s.competitions[0]).toMatchObject({
      names: { en: 'Retail Invitational 2026', 'zh-CN': '零售邀请赛 2026' },
      publishedSkills: 1,
    });
    expect(s.competitions[0]?.path).toMatch(new RegExp(`^/public/competitions/${orgA}/invitational-`));
    expect(s.resources).toEqual([
      {
        id: a.publicResourceId,
        kind: 'curriculum',
        title: { en: 'A Welding curriculum' },
        description: 'A Welding curriculum description',
        subject: 'Welding',
        latestVersion: '1.0',
        publishedOn: '2026-02-01',
        languages: [],
      },
    ]);
    expect(Object.fromEntries(s.figures.map((f) => [f.key, f.value]))).toEqual({
      projects: 1,
      partner_countries: 1,
      participants_trained: 2,
      certificates_issued: 1,
      mobilities: 1,
      // Gold, silver and bronze of the published skill; the signed-off unpublished skills count nothing.
      medals: 3,
    });
  });

  it('shows a public project with its partners and indicator progress, and nothing private', async () => {
    const res = await publicGet('/api/v1/public/showcase/college-a/projects/A-PUB');
    expect(res.statusCode, res.body).toBe(200);
    expectNoSecrets(res.body);
    const p: TPublicProject = res.json();
    expect(p.project).toMatchObject({
      code: 'A-PUB',
      description: { en: 'About A Public Project.' },
      sectors: ['11330'],
      countries: ['KE'],
      budget: null,
    });
    expect(p.project.partners).toEqual([
      {
        id: a.publicPartnerId,
        names: { en: 'A Public Partner' },
        country: 'KE',
        city: 'Nairobi',
        type: '80',
        role: '4',
      },
    ]);
    expect(p.project.indicators).toEqual([
      {
        id: expect.any(String),
        resultType: 'output',
        resultTitle: { en: 'A Teachers trained result' },
        title: { en: 'A Teachers trained' },
        unit: { en: 'teachers' },
        measure: 'unit',
        baseline: 0,
        baselineYear: 2025,
        target: 100,
        actual: 40,
        percent: 40,
        status: expect.any(String),
      },
    ]);
  });

  it('answers 404 for a private, archived or other college’s project, and for an unknown slug', async () => {
    for (const url of [
      '/api/v1/public/showcase/college-a/projects/A-PRIV',
      '/api/v1/public/showcase/college-a/projects/A-ARCH',
      '/api/v1/public/showcase/college-a/projects/COLLEGE-B-PUB',
      '/api/v1/public/showcase/no-such-college',
      '/api/v1/public/showcase/no-such-college/projects/A-PUB',
    ]) {
      const res = await publicGet(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('never mixes colleges: B’s page shows B’s public items only', async () => {
    const res = await publicGet('/api/v1/public/showcase/college-b');
    expect(res.statusCode).toBe(200);
    expectNoSecrets(res.body, [
      'A Public Project',
      'A Public Partner',
      'A Welding curriculum',
      'Retail Invitational',
    ]);
    const s: TPublicShowcase = res.json();
    expect(s.projects.map((p) => p.code)).toEqual(['COLLEGE-B-PUB']);
    expect(s.partners.map((p) => p.id)).toEqual([b.publicPartnerId]);
    expect(s.competitions).toEqual([]);
    expect(s.figures.find((f) => f.key === 'medals')?.value).toBe(0);
  });

  it('shows the budget only when the college ticks the budget figure', async () => {
    const current = await ok<TShowcaseSettings>(admin.get('/api/v1/showcase/settings'));
    const withBudget = await ok<TShowcaseSettings>(
      admin.put('/api/v1/showcase/settings', {
        version: current.version,
        data: settingsBody('college-a', { figures: ['budget'] }),
      }),
    );
    try {
      const s: TPublicShowcase = (await publicGet('/api/v1/public/showcase/college-a')).json();
      expect(s.figures).toEqual([
        { key: 'budget', value: null, amounts: [{ currency: 'CNY', valueMinor: 987654321 }] },
      ]);
      const p: TPublicProject = (await publicGet('/api/v1/public/showcase/college-a/projects/A-PUB')).json();
      expect(p.project.budget).toEqual([{ currency: 'CNY', valueMinor: 987654321 }]);
    } finally {
      await ok(
        admin.put('/api/v1/showcase/settings', {
          version: withBudget.version,
          data: settingsBody('college-a'),
        }),
      );
    }
  });

  it('leaves out the sections the college turns off', async () => {
    const current = await ok<TShowcaseSettings>(admin.get('/api/v1/showcase/settings'));
    const narrowed = await ok<TShowcaseSettings>(
      admin.put('/api/v1/showcase/settings', {
        version: current.version,
        data: settingsBody('college-a', { sections: ['projects'] }),
      }),
    );
    try {
      const s: TPublicShowcase = (await publicGet('/api/v1/public/showcase/college-a')).json();
      expect(s.projects).toHaveLength(1);
      expect([s.figures, s.partners, s.competitions, s.resources]).toEqual([[], [], [], []]);
      const p: TPublicProject = (await publicGet('/api/v1/public/showcase/college-a/projects/A-PUB')).json();
      expect(p.project.partners).toEqual([]);
    } finally {
      await ok(
        admin.put('/api/v1/showcase/settings', {
          version: narrowed.version,
          data: settingsBody('college-a'),
        }),
      );
    }
  });

  it('answers 404 everywhere while the showcase is disabled', async () => {
    const current = await ok<TShowcaseSettings>(admin.get('/api/v1/showcase/settings'));
    const off = await ok<TShowcaseSettings>(
      admin.put('/api/v1/showcase/settings', {
        version: current.version,
        data: settingsBody('college-a', { enabled: false }),
      }),
    );
    try {
      for (const url of [
        '/api/v1/public/showcase/college-a',
        '/api/v1/public/showcase/college-a/projects/A-PUB',
        '/showcase/college-a/sitemap.xml',
      ]) {
        expect((await publicGet(url)).statusCode, url).toBe(404);
      }
      expect((await publicGet('/robots.txt')).body).not.toContain('college-a');
    } finally {
      await ok(
        admin.put('/api/v1/showcase/settings', { version: off.version, data: settingsBody('college-a') }),
      );
    }
  });

  it('hides a project again when its flag is cleared', async () => {
    const list = await ok<{ data: { id: string; version: number; public: boolean }[] }>(
      admin.get('/api/v1/showcase/projects'),
    );
    const item = list.data.find((x) => x.id === a.publicProjectId);
    expect(item?.public).toBe(true);
    const hidden = await ok<{ version: number; public: boolean }>(
      admin.put(`/api/v1/showcase/projects/${a.publicProjectId}`, { public: false, version: item?.version }),
    );
    expect(hidden.public).toBe(false);
    try {
      const s: TPublicShowcase = (await publicGet('/api/v1/public/showcase/college-a')).json();
      expect(s.projects).toEqual([]);
      expect(s.partners).toEqual([]);
      expect((await publicGet('/api/v1/public/showcase/college-a/projects/A-PUB')).statusCode).toBe(404);
    } finally {
      await ok(
        admin.put(`/api/v1/showcase/projects/${a.publicProjectId}`, {
          public: true,
          version: hidden.version,
        }),
      );
    }
  });
});

describe('showcase settings and flags', () => {
  it('suggests a slug and shows nothing before the first save', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const s = await ok<TShowcaseSettings>(client.get('/api/v1/showcase/settings'));
    expect(s).toMatchObject({
      enabled: false,
      version: 0,
      slug: 'test-college',
      path: '/showcase/test-college',
    });
    expect(s.counts).toEqual({ publicProjects: 0, publicResources: 0 });
    expect((await publicGet('/api/v1/public/showcase/test-college')).statusCode).toBe(404);
  });

  it('keeps the saved settings and audits the change', async () => {
    expect(settings).toMatchObject({
      enabled: true,
      slug: 'college-a',
      version: 1,
      path: '/showcase/college-a',
    });
    expect(settings.counts).toEqual({ publicProjects: 1, publicResources: 1 });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'organizationId'])
      .where('entityType', 'in', ['showcase', 'project'])
      .where('organizationId', '=', orgA)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', entityType: 'showcase', organizationId: orgA },
        { action: 'update', entityType: 'project', organizationId: orgA },
      ]),
    );
  });

  it('refuses a slug another college uses, a bad slug, and a stale version', async () => {
    const current = await ok<TShowcaseSettings>(adminB.get('/api/v1/showcase/settings'));
    let res = await adminB.put('/api/v1/showcase/settings', {
      version: current.version,
      data: settingsBody('college-a'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { issues: [{ path: ['data', 'slug'], message: 'showcase_slug_taken' }] },
    });
    res = await adminB.put('/api/v1/showcase/settings', {
      version: current.version,
      data: settingsBody('Bad Slug!'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('showcase_slug_format');
    res = await adminB.put('/api/v1/showcase/settings', { version: 0, data: settingsBody('college-b') });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('needs ShowcaseManage, a session, and the college’s own records', async () => {
    const { client: trainer } = await signedInAs(t, 'trainer', orgA);
    expect((await trainer.get('/api/v1/showcase/settings')).statusCode).toBe(403);
    expect(
      (await trainer.put(`/api/v1/showcase/projects/${a.publicProjectId}`, { public: false, version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await publicGet('/api/v1/showcase/settings')).statusCode).toBe(401);
    // Another college's project: not found.
    const res = await admin.put(`/api/v1/showcase/projects/${b.privateProjectId}`, {
      public: true,
      version: 1,
    });
    expect(res.statusCode).toBe(404);
    // A stale version: conflict.
    const stale = await admin.put(`/api/v1/showcase/projects/${a.privateProjectId}`, {
      public: true,
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    const privateList = await ok<{ data: { id: string; public: boolean }[] }>(
      admin.get('/api/v1/showcase/projects'),
    );
    expect(privateList.data.find((x) => x.id === a.privateProjectId)?.public).toBe(false);
  });
});

describe('what crawlers see', () => {
  let web: FastifyInstance;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-web-'));
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      '<!doctype html>\n<html lang="en" dir="ltr">\n  <head>\n    <title>TVET Bridge</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
    );
    web = await buildApp(t.deps, { webRoot });
  });

  afterAll(async () => {
    await web.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the overview with its language, title, description, alternates and content', async () => {
    const res = await web.inject({ method: 'GET', url: '/showcase/college-a?lang=ar' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expectNoSecrets(res.body);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('<title>الكلية أ</title>');
    expect(res.body).toContain('<meta name="description" content="We train teachers across East Africa." />');
    expect(res.body).toContain('<link rel="canonical" href="http://tvet.test/showcase/college-a?lang=ar" />');
    expect(res.body).toContain('hreflang="fr" href="http://tvet.test/showcase/college-a?lang=fr"');
    expect(res.body).toContain('<h1>الكلية أ</h1>');
    expect(res.body).toContain('href="/showcase/college-a/projects/A-PUB?lang=ar"');
    expect(res.body).toContain('A Public Partner');
  });

  it('serves a project page, and 404 with noindex for what is not public', async () => {
    const res = await web.inject({ method: 'GET', url: '/showcase/college-a/projects/A-PUB' });
    expect(res.statusCode).toBe(200);
    expectNoSecrets(res.body);
    expect(res.body).toContain('<title>A Public Project · College A</title>');
    expect(res.body).toContain('<h1>A Public Project</h1>');
    for (const url of ['/showcase/college-a/projects/A-PRIV', '/showcase/nobody']) {
      const missing = await web.inject({ method: 'GET', url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.body).toContain('<meta name="robots" content="noindex" />');
      expect(missing.body).toContain('<div id="root"></div>');
    }
  });

  it('lists public pages in the sitemap and the sitemaps in robots.txt', async () => {
    const sitemap = await web.inject({ method: 'GET', url: '/showcase/college-a/sitemap.xml' });
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain('<loc>http://tvet.test/showcase/college-a</loc>');
    expect(sitemap.body).toContain('<loc>http://tvet.test/showcase/college-a/projects/A-PUB</loc>');
    expect(sitemap.body).toContain(
      'hreflang="zh-CN" href="http://tvet.test/showcase/college-a/projects/A-PUB?lang=zh-CN"',
    );
    expectNoSecrets(sitemap.body, ['A-PRIV', 'A-ARCH', 'COLLEGE-B']);
    const robots = await web.inject({ method: 'GET', url: '/robots.txt' });
    expect(robots.body).toContain('Sitemap: http://tvet.test/showcase/college-a/sitemap.xml');
    expect(robots.body).toContain('Sitemap: http://tvet.test/showcase/college-b/sitemap.xml');
  });
});
