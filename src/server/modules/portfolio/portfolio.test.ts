import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPortfolio } from '../../../contracts/portfolio.js';
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

// The clock of createTestApp: 2026-03-15 (Asia/Shanghai).
const AT = '2026-03-01T00:00:00.000Z';

/** Rows straight into the tables: each module's own tests cover how they are written. */
class College {
  readonly secrets: string[] = [];
  private n = 0;
  /** Untyped: the fixtures leave every column with a default to the database. */
  // biome-ignore lint/suspicious/noExplicitAny: test fixtures insert partial rows
  private readonly db: Kysely<any>;
  constructor(
    readonly deps: Deps,
    readonly orgId: string,
  ) {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    this.db = deps.db as unknown as Kysely<any>;
  }

  private stamp() {
    return { organizationId: this.orgId, createdAt: AT, updatedAt: AT };
  }

  async partner(country: string) {
    const id = newId();
    const name = `Partner college ${country} ${++this.n}`;
    await this.db
      .insertInto('partners')
      .values({
        id,
        ...this.stamp(),
        namesJson: JSON.stringify({ en: name }),
        nameSort: name.toLowerCase(),
        country,
        type: '80',
      })
      .execute();
    return id;
  }

  async project(o: {
    type: string;
    status: string;
    countries: string[];
    partnerId?: string;
    start: string;
    end: string;
    archived?: boolean;
  }) {
    const id = newId();
    const title = `Project ${++this.n}`;
    await this.db
      .insertInto('projects')
      .values({
        id,
        ...this.stamp(),
        code: `P-${this.n}`,
        type: o.type as never,
        titleJson: JSON.stringify({ en: title }),
        titleSort: title,
        status: o.status as never,
        plannedStart: o.start,
        plannedEnd: o.end,
        defaultCurrency: 'CNY',
        archivedAt: o.archived ? AT : null,
      })
      .execute();
    for (const country of o.countries) {
      await this.db
        .insertInto('projectCountries')
        .values({ organizationId: this.orgId, projectId: id, country, percentageHundredths: null })
        .execute();
    }
    if (o.partnerId) {
      await this.db
        .insertInto('projectParticipants')
        .values({ id: newId(), organizationId: this.orgId, projectId: id, partnerId: o.partnerId, role: '2' })
        .execute();
    }
    return id;
  }

  /** A cohort of the project with people enrolled: [country, gender, status][] */
  async cohort(projectId: string, startsOn: string | null, people: [string, string, string][]) {
    const programmeId = newId();
    await this.db
      .insertInto('trainingProgrammes')
      .values({
        id: programmeId,
        ...this.stamp(),
        projectId,
        titleJson: JSON.stringify({ en: 'CNC machining' }),
        titleSort: 'cnc machining',
        completionRuleJson: JSON.stringify({ minAttendancePercent: 80 }),
      })
      .execute();
    const cohortId = newId();
    await this.db
      .insertInto('trainingCohorts')
      .values({
        id: cohortId,
        ...this.stamp(),
        programmeId,
        name: `Cohort ${startsOn ?? 'unscheduled'}`,
        startsOn,
        capacity: 40,
      })
      .execute();
    const enrolmentIds: string[] = [];
    const participantIds: string[] = [];
    for (const [country, gender, status] of people) {
      const participantId = newId();
      const k = ++this.n;
      const name = `Secret Person${k}`;
      const email = `secret.person${k}@partner.example`;
      const passport = `E${String(k).padStart(8, '0')}`;
      this.secrets.push(name, email, passport);
      await this.db
        .insertInto('trainingParticipants')
        .values({
          id: participantId,
          ...this.stamp(),
          nameLatin: name,
          nameNative: '秘密',
          gender: gender as never,
          country,
          email,
          passportNumber: passport,
          dateOfBirth: '1990-01-01',
        })
        .execute();
      const enrolmentId = newId();
      await this.db
        .insertInto('trainingEnrolments')
        .values({ id: enrolmentId, ...this.stamp(), cohortId, participantId, status: status as never })
        .execute();
      enrolmentIds.push(enrolmentId);
      participantIds.push(participantId);
    }
    return { cohortId, enrolmentIds, participantIds };
  }

  /** Enrols someone already enrolled elsewhere (a second cohort of the same person). */
  async enrol(cohortId: string, participantId: string, status: string) {
    await this.db
      .insertInto('trainingEnrolments')
      .values({ id: newId(), ...this.stamp(), cohortId, participantId, status: status as never })
      .execute();
  }

  async agreement(o: { stage: string; endsOn: string | null; partnerId: string }) {
    const id = newId();
    await this.db
      .insertInto('agreements')
      .values({
        id,
        ...this.stamp(),
        type: 'mou',
        titleJson: JSON.stringify({ en: 'Memorandum' }),
        titleSort: 'memorandum',
        stage: o.stage as never,
        signedOn: o.stage === 'signed' ? '2024-01-01' : null,
        startsOn: '2024-01-01',
        endsOn: o.endsOn,
        notes: 'Secret negotiation notes',
      })
      .execute();
    await this.db
      .insertInto('agreementParties')
      .values({ organizationId: this.orgId, agreementId: id, partnerId: o.partnerId })
      .execute();
  }

  /** A unit indicator from 0 with one period and its actual. */
  async indicator(projectId: string, start: string, end: string, target: number, actual: number) {
    const resultId = newId();
    await this.db
      .insertInto('projectResults')
      .values({
        id: resultId,
        ...this.stamp(),
        projectId,
        resultType: 'output',
        titleJson: JSON.stringify({ en: 'Teachers trained' }),
      })
      .execute();
    const indicatorId = newId();
    await this.db
      .insertInto('resultIndicators')
      .values({
        id: indicatorId,
        ...this.stamp(),
        projectId,
        resultId,
        measure: 'unit',
        titleJson: JSON.stringify({ en: 'Teachers trained' }),
        unitLabelJson: JSON.stringify({ en: 'teachers' }),
        baselineYear: Number(start.slice(0, 4)),
        baselineValue: 0,
      })
      .execute();
    await this.db
      .insertInto('indicatorPeriods')
      .values({
        id: newId(),
        ...this.stamp(),
        projectId,
        indicatorId,
        periodStart: start,
        periodEnd: end,
        targetValue: target,
        hasActual: 1,
        actualValue: actual,
      })
      .execute();
  }

  async mobility(o: { projectId: string | null; hostPartnerId: string; start: string; stage: string }) {
    await this.db
      .insertInto('mobilities')
      .values({
        id: newId(),
        ...this.stamp(),
        direction: 'outbound',
        category: 'teacher',
        title: 'Secret delegation title',
        homeIsOwn: 1,
        hostIsOwn: 0,
        hostPartnerId: o.hostPartnerId,
        plannedStartOn: o.start,
        plannedEndOn: o.start,
        projectId: o.projectId,
        stage: o.stage as never,
      })
      .execute();
  }

  async certificate(cohortId: string, enrolmentId: string, status: 'valid' | 'revoked') {
    const keyId = newId();
    await this.db
      .insertInto('issuerKeys')
      .values({
        id: keyId,
        organizationId: this.orgId,
        algorithm: 'ES256',
        publicJwkJson: '{}',
        privateKeyEnc: 'x',
        status: 'retired',
        createdAt: AT,
      })
      .execute();
    const id = newId();
    await this.db
      .insertInto('certificates')
      .values({
        id,
        ...this.stamp(),
        publicId: newId(),
        number: `C-${++this.n}`,
        enrolmentId,
        cohortId,
        recipientNameLatin: 'Secret Recipient',
        language: 'en',
        programmeTitleJson: JSON.stringify({ en: 'CNC machining' }),
        issuerName: 'College',
        issuedAt: AT,
        status,
        credentialId: `urn:uuid:${id}`,
        credentialJson: '{}',
        credentialJwt: 'x',
        keyId,
        pdfStorageKey: 'x',
        pdfSha256: 'x',
      })
      .execute();
  }

  /** A competition ending on `endsOn` with one skill; medals: [memberCountry, medal][] */
  async competition(endsOn: string, state: 'published' | 'signed_off', medals: [string, string][]) {
    const db = this.db;
    const competitionId = newId();
    const n = ++this.n;
    await db
      .insertInto('competitions')
      .values({
        id: competitionId,
        ...this.stamp(),
        namesJson: JSON.stringify({ en: 'Invitational' }),
        nameSort: 'invitational',
        slug: `inv-${n}`,
        startsOn: endsOn,
        endsOn,
        country: 'CN',
        status: 'completed',
        settingsJson: '{}',
      })
      .execute();
    const skillId = newId();
    await db
      .insertInto('competitionSkills')
      .values({
        id: skillId,
        ...this.stamp(),
        competitionId,
        number: '01',
        namesJson: JSON.stringify({ en: 'CNC Milling' }),
        nameSort: 'cnc milling',
        skillType: 'official',
        resultsState: state,
      })
      .execute();
    let i = 0;
    for (const [country, medal] of medals) {
      const memberId = newId();
      i++;
      await db
        .insertInto('competitionMembers')
        .values({
          id: memberId,
          ...this.stamp(),
          competitionId,
          code: `${country}${i}`,
          namesJson: JSON.stringify({ en: country }),
          nameSort: country,
          kind: 'country',
          country,
        })
        .execute();
      const entryId = newId();
      await db
        .insertInto('competitionEntries')
        .values({
          id: entryId,
          ...this.stamp(),
          competitionId,
          skillId,
          memberId,
          displayName: 'Secret Competitor',
          status: 'confirmed',
        })
        .execute();
      await db
        .insertInto('competitionResults')
        .values({
          id: newId(),
          organizationId: this.orgId,
          competitionId,
          skillId,
          entryId,
          memberId,
          rawTotalExact: '90/1',
          rawTotal: '90.00',
          scaleUnrounded: '700',
          points: 700,
          position: i,
          medal: medal as never,
          calculatedAt: AT,
        })
        .execute();
    }
  }

  async surveyResponses(projectId: string, level: string, count: number) {
    const surveyId = newId();
    await this.db
      .insertInto('surveys')
      .values({
        id: surveyId,
        ...this.stamp(),
        projectId,
        level: level as never,
        titleJson: JSON.stringify({ en: 'Reaction' }),
      })
      .execute();
    for (let i = 0; i < count; i++) {
      await this.db
        .insertInto('surveyResponses')
        .values({ id: newId(), organizationId: this.orgId, surveyId, locale: 'en', submittedAt: AT })
        .execute();
    }
  }
}

const counts = (list: { key: string | null; n: number | null }[]) =>
  Object.fromEntries(list.map((c) => [c.key ?? 'null', c.n]));

/** Every key of every object in the JSON tree. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) {
      keysOf(v, into);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe('portfolio dashboard and the provincial observer view', () => {
  let t: TestApp;
  let a: College;
  let b: College;
  let c: College;
  let kenya: string;
  let zambia: string;
  let coordinator: Client;
  let authorityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = new College(t.deps, await createOrganization(t.deps, 'Pearl River Technical College'));
    b = new College(t.deps, await createOrganization(t.deps, 'Foshan Vocational College'));
    c = new College(t.deps, await createOrganization(t.deps, 'Shenzhen Polytechnic'));
    authorityId = await createOrganization(t.deps, 'Provincial Department — TVET observatory');
    await t.deps.db
      .updateTable('organizations')
      .set({ kind: 'authority' })
      .where('id', '=', authorityId)
      .execute();

    // College A: two live projects and an archived one.
    kenya = await a.partner('KE');
    zambia = await a.partner('ZM');
    const p1 = await a.project({
      type: 'teacher_training',
      status: '2',
      countries: ['KE'],
      partnerId: kenya,
      start: '2026-01-01',
      end: '2026-12-31',
    });
    const p2 = await a.project({
      type: 'capacity_building',
      status: '3',
      countries: ['ZM', 'KE'],
      partnerId: zambia,
      start: '2024-01-01',
      end: '2024-12-31',
    });
    const archived = await a.project({
      type: 'other',
      status: '2',
      countries: ['KE'],
      start: '2026-01-01',
      end: '2026-12-31',
      archived: true,
    });
    const c1 = await a.cohort(p1, '2026-02-01', [
      ['KE', 'female', 'completed'],
      ['KE', 'female', 'confirmed'],
      ['KE', 'female', 'attending'],
      ['KE', 'male', 'confirmed'],
      ['KE', 'male', 'confirmed'],
      ['ZM', 'female', 'completed'],
      ['KE', 'male', 'withdrawn'],
      ['KE', 'male', 'invited'],
    ]);
    await a.cohort(p2, '2024-03-01', [
      ['ZM', 'male', 'completed'],
      ['ZM', 'male', 'completed'],
    ]);
    await a.cohort(archived, '2026-02-01', [['KE', 'female', 'completed']]);
    await a.agreement({ stage: 'signed', endsOn: '2027-12-31', partnerId: kenya }); // active
    await a.agreement({ stage: 'signed', endsOn: '2026-04-30', partnerId: zambia }); // expiring (46 days)
    await a.agreement({ stage: 'draft', endsOn: '2028-01-01', partnerId: kenya });
    await a.agreement({ stage: 'signed', endsOn: '2025-06-30', partnerId: kenya }); // expired
    // Expected share on 2026-03-15: 74/365 ≈ 0.20 → at risk with nothing achieved yet.
    await a.indicator(p1, '2026-01-01', '2026-12-31', 100, 0);
    // 258/365 ≈ 0.71 of the time gone, 10 % done → off track; 90 % done → on track.
    await a.indicator(p1, '2025-07-01', '2026-06-30', 100, 10);
    await a.indicator(p2, '2025-07-01', '2026-06-30', 100, 90);
    await a.indicator(archived, '2025-07-01', '2026-06-30', 100, 10);
    await a.mobility({ projectId: p1, hostPartnerId: kenya, start: '2026-05-01', stage: 'approved' });
    await a.mobility({ projectId: null, hostPartnerId: zambia, start: '2024-05-01', stage: 'returned' });
    await a.mobility({ projectId: p1, hostPartnerId: kenya, start: '2026-06-01', stage: 'cancelled' });
    await a.certificate(c1.cohortId, c1.enrolmentIds[0] as string, 'valid');
    await a.certificate(c1.cohortId, c1.enrolmentIds[5] as string, 'valid');
    await a.certificate(c1.cohortId, c1.enrolmentIds[1] as string, 'revoked');
    await a.competition('2026-02-20', 'published', [
      ['KE', 'gold'],
      ['ZM', 'silver'],
      ['CN', 'none'],
    ]);
    await a.competition('2026-03-01', 'signed_off', [['KE', 'bronze']]);
    await a.surveyResponses(p1, 'L1', 3);

    // College B: four people (below the threshold of 5); college C: seven.
    const pb = await b.project({
      type: 'teacher_training',
      status: '2',
      countries: ['TH'],
      start: '2026-01-01',
      end: '2026-12-31',
    });
    await b.cohort(pb, '2026-01-10', [
      ['TH', 'female', 'confirmed'],
      ['TH', 'female', 'confirmed'],
      ['TH', 'male', 'confirmed'],
      ['LA', 'male', 'confirmed'],
    ]);
    const pc = await c.project({
      type: 'capacity_building',
      status: '2',
      countries: ['KH'],
      start: '2026-01-01',
      end: '2026-12-31',
    });
    await c.cohort(
      pc,
      '2026-01-10',
      Array.from({ length: 7 }, () => ['KH', 'female', 'completed'] as [string, string, string]),
    );

    coordinator = (await signedInAs(t, 'coordinator', a.orgId)).client;
  });

  afterAll(async () => {
    await t?.close();
  });

  it("a college's figures: projects, people, agreements, indicators, mobilities, certificates, medals, surveys", async () => {
    const res = await coordinator.get('/api/v1/portfolio');
    expect(res.statusCode).toBe(200);
    const p = res.json() as TPortfolio;
    expect(p.scope).toBe('college');
    expect(p.today).toBe('2026-03-15');
    expect(p.colleges).toEqual([]);
    const f = p.figures;
    expect(f.projects.total).toBe(2);
    expect(counts(f.projects.byType)).toEqual({ capacity_building: 1, teacher_training: 1 });
    expect(counts(f.projects.byStatus)).toEqual({ '2': 1, '3': 1 });
    expect(counts(f.projects.byCountry)).toEqual({ KE: 2, ZM: 1 });
    // Withdrawn and invited enrolments and the archived project's cohort do not count.
    expect(f.participants.total).toBe(8);
    expect(f.participants.completed).toBe(4);
    expect(counts(f.participants.byCountry)).toEqual({ KE: 5, ZM: 3 });
    expect(counts(f.participants.byGender)).toEqual({ female: 4, male: 4 });
    expect(counts(f.participants.byYear)).toEqual({ '2024': 2, '2026': 6 });
    expect(f.agreements).toEqual({ active: 1, expiring: 1 });
    expect(f.indicators.total).toBe(3);
    expect(counts(f.indicators.byStatus)).toEqual({ at_risk: 1, off_track: 1, on_track: 1 });
    expect([f.indicators.atRisk, f.indicators.offTrack]).toEqual([1, 1]);
    expect(f.mobilities.total).toBe(2);
    expect(f.certificates.total).toBe(2);
    expect(counts(f.medals.byMedal)).toEqual({ gold: 1, silver: 1 });
    expect(f.medals.total).toBe(2);
    expect(f.surveys).toEqual({ responses: 3, byLevel: [{ key: 'L1', n: 3 }] });
  });

  it('filters by year, partner, country and type, each where it applies', async () => {
    const y2024 = ((await coordinator.get('/api/v1/portfolio?year=2024')).json() as TPortfolio).figures;
    expect(y2024.projects.total).toBe(1);
    expect(y2024.participants.total).toBe(2);
    expect(y2024.indicators.total).toBe(1);
    expect(y2024.mobilities.total).toBe(1);
    expect(y2024.certificates.total).toBe(0);
    expect(y2024.medals.total).toBe(0);
    // Agreements are a figure of today: the year does not narrow them.
    expect(y2024.agreements).toEqual({ active: 1, expiring: 1 });

    const withZambia = ((await coordinator.get(`/api/v1/portfolio?partnerId=${zambia}`)).json() as TPortfolio)
      .figures;
    expect(withZambia.projects.total).toBe(1);
    expect(withZambia.participants.total).toBe(2);
    expect(withZambia.agreements).toEqual({ active: 0, expiring: 1 });
    expect(withZambia.mobilities.total).toBe(1);
    expect(withZambia.surveys.responses).toBe(0);

    const kenyan = ((await coordinator.get('/api/v1/portfolio?country=KE')).json() as TPortfolio).figures;
    expect(kenyan.projects.total).toBe(2);
    expect(kenyan.participants.total).toBe(5);
    expect(kenyan.certificates.total).toBe(1);
    expect(counts(kenyan.medals.byMedal)).toEqual({ gold: 1 });
    expect(kenyan.agreements).toEqual({ active: 1, expiring: 0 });

    const teacher = ((await coordinator.get('/api/v1/portfolio?type=teacher_training')).json() as TPortfolio)
      .figures;
    expect(teacher.projects.total).toBe(1);
    expect(teacher.participants.total).toBe(6);
    expect(counts(teacher.indicators.byStatus)).toEqual({ at_risk: 1, off_track: 1 });
    // The mobility without a project is not of any type.
    expect(teacher.mobilities.total).toBe(1);
    expect(teacher.surveys.responses).toBe(3);
  });

  it('rejects a partner of another college and a malformed filter', async () => {
    const other = await b.partner('TH');
    const res = await coordinator.get(`/api/v1/portfolio?partnerId=${other}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { path: ['querystring', 'partnerId'], message: 'unknown_partner' },
    ]);
    expect((await coordinator.get('/api/v1/portfolio?country=kenya')).statusCode).toBe(400);
    expect((await coordinator.get('/api/v1/portfolio?type=party')).statusCode).toBe(400);
  });

  it('needs portfolio.read: a trainer is refused', async () => {
    const { client } = await signedInAs(t, 'trainer', a.orgId);
    expect((await client.get('/api/v1/portfolio')).statusCode).toBe(403);
  });

  it("an observer in a college sees that college's figures only", async () => {
    const { client } = await signedInAs(t, 'observer', b.orgId);
    const p = (await client.get('/api/v1/portfolio')).json() as TPortfolio;
    expect(p.scope).toBe('college');
    expect(p.figures.projects.total).toBe(1);
    expect(p.figures.participants.total).toBe(4);
    expect(p.colleges).toEqual([]);
  });

  it("an authority's observer sees every college, counts only, small groups suppressed", async () => {
    const { email } = await createMember(t.deps, authorityId, 'observer');
    const observer = await signIn(t.app, email);
    const res = await observer.get('/api/v1/portfolio');
    expect(res.statusCode).toBe(200);
    const p = res.json() as TPortfolio;
    expect(p.scope).toBe('province');
    expect(p.minGroupSize).toBe(5);
    // Every college, the authority itself not among them; largest portfolio first.
    expect(p.colleges.map((x) => x.name)).toEqual([
      'Pearl River Technical College',
      'Foshan Vocational College',
      'Shenzhen Polytechnic',
    ]);
    const line = (name: string) => p.colleges.find((x) => x.name === name);
    expect(line('Pearl River Technical College')).toMatchObject({
      projects: 2,
      participants: 8,
      agreementsActive: 1,
      agreementsExpiring: 1,
      indicatorsAtRisk: 1,
      indicatorsOffTrack: 1,
      mobilities: 2,
      certificates: null, // 2 holders: below 5
      medals: 2,
      surveyResponses: 3,
    });
    // Foshan's 4 people are below the threshold; Shenzhen's 7 would give them away (19 − 8 − 7).
    expect(line('Foshan Vocational College')?.participants).toBeNull();
    expect(line('Shenzhen Polytechnic')?.participants).toBeNull();

    const f = p.figures;
    expect(f.projects.total).toBe(4);
    expect(counts(f.projects.byType)).toEqual({ capacity_building: 2, teacher_training: 2 });
    expect(f.participants.total).toBe(19);
    expect(f.participants.completed).toBe(11);
    // KE 5, KH 7, TH 3 (small), LA 1 (small), ZM 3 (small).
    expect(counts(f.participants.byCountry)).toEqual({ KE: 5, KH: 7, LA: null, TH: null, ZM: null });
    expect(counts(f.participants.byGender)).toEqual({ female: 13, male: 6 });
    // 2024 has 2 people; alone it would be recoverable from the total, so 2026 is hidden as well.
    expect(counts(f.participants.byYear)).toEqual({ '2024': null, '2026': null });
    expect(f.certificates.total).toBeNull();

    // No personal data anywhere: none of the names, e-mails, passports or free texts recorded.
    const body = res.body;
    for (const secret of [...a.secrets, ...b.secrets, ...c.secrets]) {
      expect(body).not.toContain(secret);
    }
    for (const text of ['Secret', '秘密', '1990-01-01', 'Partner college']) {
      expect(body).not.toContain(text);
    }
    const keys = keysOf(p);
    for (const personal of [
      'email',
      'passportNumber',
      'nameLatin',
      'nameNative',
      'dateOfBirth',
      'notes',
      'title',
    ]) {
      expect(keys.has(personal)).toBe(false);
    }
  });

  it("an authority's observer cannot write and cannot filter by a college's partner", async () => {
    const { client } = await signedInAs(t, 'observer', authorityId);
    expect((await client.post('/api/v1/partners', buildPartner())).statusCode).toBe(403);
    const res = await client.get(`/api/v1/portfolio?partnerId=${kenya}`);
    expect(res.statusCode).toBe(400);
    const filtered = (
      await client.get('/api/v1/portfolio?type=capacity_building&year=2026')
    ).json() as TPortfolio;
    expect(filtered.scope).toBe('province');
    expect(filtered.figures.projects.total).toBe(1);
    expect(filtered.colleges.find((x) => x.name === 'Shenzhen Polytechnic')?.projects).toBe(1);
  });

  it('anyone else in an authority gets nothing extra: their own, empty organization', async () => {
    const { client } = await signedInAs(t, 'admin', authorityId);
    const p = (await client.get('/api/v1/portfolio')).json() as TPortfolio;
    expect(p.scope).toBe('college');
    expect(p.colleges).toEqual([]);
    expect(p.figures.projects.total).toBe(0);
    expect(p.figures.participants.total).toBe(0);
    expect(p.figures.medals.total).toBe(0);
  });
});

describe('portfolio: people enrolled more than once', () => {
  let t: TestApp;
  let d: College;
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp();
    d = new College(t.deps, await createOrganization(t.deps, 'Guangzhou Railway Polytechnic'));
    const training = await d.project({
      type: 'teacher_training',
      status: '2',
      countries: ['KE'],
      start: '2026-01-01',
      end: '2026-12-31',
    });
    const building = await d.project({
      type: 'capacity_building',
      status: '2',
      countries: ['KE'],
      start: '2024-01-01',
      end: '2026-12-31',
    });
    const archived = await d.project({
      type: 'other',
      status: '2',
      countries: ['TH'],
      start: '2025-01-01',
      end: '2025-12-31',
      archived: true,
    });
    // x: completed in February, enrolled again in September of the same year and in 2024.
    // y: confirmed in February, completed in September. z: withdrew in 2026, confirmed in 2024.
    const feb = await d.cohort(training, '2026-02-01', [
      ['KE', 'female', 'completed'],
      ['ZM', 'male', 'confirmed'],
      ['KE', 'male', 'withdrawn'],
    ]);
    const [x, y, z] = feb.participantIds as [string, string, string];
    const sep = await d.cohort(training, '2026-09-01', []);
    await d.enrol(sep.cohortId, x, 'confirmed');
    await d.enrol(sep.cohortId, y, 'completed');
    const old = await d.cohort(building, '2024-03-01', []);
    await d.enrol(old.cohortId, x, 'attending');
    await d.enrol(old.cohortId, z, 'confirmed');
    // A cohort without a start date: v, and y once more.
    const unscheduled = await d.cohort(building, null, [['KE', 'female', 'confirmed']]);
    await d.enrol(unscheduled.cohortId, y, 'attending');
    // w is only in the archived project's cohort, with y: neither counts there.
    const gone = await d.cohort(archived, '2025-05-01', [['TH', 'female', 'completed']]);
    await d.enrol(gone.cohortId, y, 'completed');
    client = (await signedInAs(t, 'coordinator', d.orgId)).client;
  });

  afterAll(async () => {
    await t?.close();
  });

  const people = async (query: string) => {
    const res = await client.get(`/api/v1/portfolio${query}`);
    expect(res.statusCode).toBe(200);
    const p = (res.json() as TPortfolio).figures.participants;
    return {
      total: p.total,
      completed: p.completed,
      byCountry: counts(p.byCountry),
      byGender: counts(p.byGender),
      byYear: counts(p.byYear),
    };
  };

  it('counts each person once, and once per cohort year, whatever their other enrolments', async () => {
    expect(await people('')).toEqual({
      total: 4,
      completed: 2,
      byCountry: { KE: 3, ZM: 1 },
      byGender: { female: 2, male: 2 },
      byYear: { '2024': 2, '2026': 2, null: 2 },
    });
  });

  it('counts with the year, country and type filters over the same people', async () => {
    expect(await people('?year=2026')).toEqual({
      total: 2,
      completed: 2,
      byCountry: { KE: 1, ZM: 1 },
      byGender: { female: 1, male: 1 },
      byYear: { '2026': 2 },
    });
    expect(await people('?year=2024')).toEqual({
      total: 2,
      completed: 0,
      byCountry: { KE: 2 },
      byGender: { female: 1, male: 1 },
      byYear: { '2024': 2 },
    });
    expect(await people('?country=KE')).toEqual({
      total: 3,
      completed: 1,
      byCountry: { KE: 3 },
      byGender: { female: 2, male: 1 },
      byYear: { '2024': 2, '2026': 1, null: 1 },
    });
    expect(await people('?type=capacity_building')).toEqual({
      total: 4,
      completed: 0,
      byCountry: { KE: 3, ZM: 1 },
      byGender: { female: 2, male: 2 },
      byYear: { '2024': 2, null: 2 },
    });
    expect(await people('?type=teacher_training&year=2026')).toEqual({
      total: 2,
      completed: 2,
      byCountry: { KE: 1, ZM: 1 },
      byGender: { female: 1, male: 1 },
      byYear: { '2026': 2 },
    });
  });
});

describe('portfolio: demo seed', () => {
  it("the demo's provincial observer sees both demo colleges and holds no records of its own", async () => {
    const { seedDemoWorkspace, DEMO_PASSWORD } = await import('../../../cli/seed-demo.js');
    const { DEMO_PROVINCIAL_OBSERVER_EMAIL } = await import('../../../cli/seed-demo-authority.js');
    const fresh = await createTestApp();
    try {
      expect(await seedDemoWorkspace(fresh.deps)).not.toBeNull();
      const observer = await signIn(fresh.app, DEMO_PROVINCIAL_OBSERVER_EMAIL, DEMO_PASSWORD);
      const p = (await observer.get('/api/v1/portfolio')).json() as TPortfolio;
      expect(p.scope).toBe('province');
      expect(p.colleges.map((c) => c.name.split(' ')[0]).sort()).toEqual(['Foshan', 'Guangzhou']);
      const prtc = p.colleges.find((c) => c.name.startsWith('Guangzhou'));
      expect(prtc?.projects).toBeGreaterThan(0);
      expect(p.figures.projects.total).toBeGreaterThan(0);
      // Their own organization holds nothing: the project list is empty, not the colleges'.
      expect((await observer.get('/api/v1/projects')).json().total).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
