// npm run bench:portfolio [-- --projects 5000 --participants 200000 --answers 1000000 --runs 15]
//
// The portfolio dashboard (GET /api/v1/portfolio) over a college with 5,000 projects, 200,000
// training participants (with their enrolments) and 1,000,000 survey answers, as a ratio to the
// bare aggregate SQL: the same GROUP BY queries the endpoint runs, called directly in the same
// process and run. Also the provincial observer's view over every college. Ratios, not absolute
// times, are the result: those depend on the machine. SQLite (the embedded default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import type { TPortfolio, TPortfolioQuery } from '../src/contracts/portfolio.js';
import { PROJECT_TYPES } from '../src/contracts/projects.js';
import { calendarDateInTimeZone } from '../src/domain/dates/calendar-date.js';
import { buildApp } from '../src/server/app.js';
import * as repo from '../src/server/modules/portfolio/portfolio.repository.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { createDeps } from '../src/server/platform/bootstrap.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Database } from '../src/server/platform/db/database.js';
import { newId } from '../src/server/platform/ids.js';
import { machine, peakRssMiB } from './report.js';
import { BENCH_PASSWORD, prng } from './seed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    projects: { type: 'string', default: '5000' },
    participants: { type: 'string', default: '200000' },
    answers: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '15' },
  },
});
const whole = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`--${name} must be a positive whole number, got ${v}`);
  }
  return n;
};
const opts = {
  projects: whole('projects', args.projects),
  participants: whole('participants', args.participants),
  answers: whole('answers', args.answers),
  runs: whole('runs', args.runs),
};
const log = (...xs: unknown[]) => console.log(...xs);

// ---------------------------------------------------------------------------------------------
// Data: bulk inserts in one transaction per college (Kysely, 500 rows a statement); the survey
// answers are produced by one INSERT … SELECT over responses × questions.
// ---------------------------------------------------------------------------------------------

const COUNTRIES = ['KE', 'ZM', 'TZ', 'UG', 'ET', 'NG', 'GH', 'RW', 'BD', 'PK', 'LK', 'NP', 'KH', 'LA', 'TH'];
const MORE = ['VN', 'ID', 'MY', 'PH', 'MM', 'KZ', 'UZ', 'EG', 'MA', 'DZ', 'SN', 'CI', 'CM', 'MZ', 'AO'];
const ALL_COUNTRIES = [...COUNTRIES, ...MORE];
const BATCH = 500;
const STAMP = '2026-01-05T00:00:00.000Z';

async function insertAll<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await insert(rows.slice(i, i + BATCH));
  }
}

interface Size {
  projects: number;
  participants: number;
  answers: number;
}

const day = (y: number, doy: number) =>
  new Date(Date.UTC(y, 0, 1) + doy * 86_400_000).toISOString().slice(0, 10);

async function seedCollege(db: Kysely<Database>, orgId: string, size: Size, seed: number) {
  const r = prng(seed);
  const org = orgId;
  const stamp = { organizationId: org, createdAt: STAMP, updatedAt: STAMP };
  // Untyped: the generator leaves every column with a default to the database.
  // biome-ignore lint/suspicious/noExplicitAny: bulk rows with defaulted columns left out
  await (db as unknown as Kysely<any>).transaction().execute(async (trx) => {
    const partners = Array.from({ length: Math.max(20, Math.round(size.projects / 10)) }, (_, i) => ({
      id: newId(),
      ...stamp,
      namesJson: JSON.stringify({ en: `Partner ${i}` }),
      nameSort: `partner ${i}`,
      country: r.pick(ALL_COUNTRIES),
      type: '80',
    }));
    await insertAll(partners, (c) => trx.insertInto('partners').values(c).execute());

    const projects = Array.from({ length: size.projects }, (_, i) => {
      const year = 2020 + r.int(7);
      return {
        id: newId(),
        ...stamp,
        code: `P-${i}`,
        type: r.pick(PROJECT_TYPES),
        titleJson: JSON.stringify({ en: `Project ${i}` }),
        titleSort: `project ${i}`,
        status: r.weighted([
          ['1', 1],
          ['2', 5],
          ['3', 1],
          ['4', 2],
          ['5', 0.3],
          ['6', 0.2],
        ] as const),
        plannedStart: day(year, r.int(200)),
        plannedEnd: day(year + 1 + r.int(3), r.int(300)),
        defaultCurrency: 'CNY',
        archivedAt: r.next() < 0.02 ? STAMP : null,
      };
    });
    await insertAll(projects, (c) => trx.insertInto('projects').values(c).execute());
    const countries = projects.flatMap((p) => {
      const first = r.pick(ALL_COUNTRIES);
      const second = r.next() < 0.3 ? r.pick(ALL_COUNTRIES) : null;
      return [first, ...(second && second !== first ? [second] : [])].map((country) => ({
        organizationId: org,
        projectId: p.id,
        country,
        percentageHundredths: null,
      }));
    });
    await insertAll(countries, (c) => trx.insertInto('projectCountries').values(c).execute());
    await insertAll(
      projects.map((p) => ({
        id: newId(),
        organizationId: org,
        projectId: p.id,
        partnerId: r.pick(partners).id,
        role: '2' as const,
      })),
      (c) => trx.insertInto('projectParticipants').values(c).execute(),
    );

    // One programme per project, two cohorts each.
    const programmes = projects.map((p) => ({
      id: newId(),
      ...stamp,
      projectId: p.id,
      titleJson: JSON.stringify({ en: 'Programme' }),
      titleSort: 'programme',
      completionRuleJson: '{"minAttendancePercent":80}',
    }));
    await insertAll(programmes, (c) => trx.insertInto('trainingProgrammes').values(c).execute());
    const cohorts = programmes.flatMap((pr, i) =>
      [0, 1].map((k) => {
        const start = (projects[i]?.plannedStart ?? '2024-01-01').slice(0, 4);
        return {
          id: newId(),
          ...stamp,
          programmeId: pr.id,
          name: `Cohort ${k + 1}`,
          startsOn: day(Number(start) + k, r.int(300)),
          endsOn: null,
          capacity: 40,
        };
      }),
    );
    await insertAll(cohorts, (c) => trx.insertInto('trainingCohorts').values(c).execute());

    const participants = Array.from({ length: size.participants }, (_, i) => ({
      id: newId(),
      ...stamp,
      nameLatin: `Participant ${i}`,
      gender: r.weighted([
        ['female', 45],
        ['male', 50],
        ['undisclosed', 5],
      ] as const),
      country: r.pick(ALL_COUNTRIES),
      email: `p${i}@partner.example`,
    }));
    await insertAll(participants, (c) => trx.insertInto('trainingParticipants').values(c).execute());
    const status = () =>
      r.weighted([
        ['completed', 50],
        ['confirmed', 20],
        ['attending', 10],
        ['invited', 10],
        ['withdrawn', 10],
      ] as const);
    const enrolments = participants.flatMap((p) => {
      const first = r.pick(cohorts);
      const second = r.next() < 0.2 ? r.pick(cohorts) : null;
      return [first, ...(second && second !== first ? [second] : [])].map((c) => ({
        id: newId(),
        ...stamp,
        cohortId: c.id,
        participantId: p.id,
        status: status(),
      }));
    });
    await insertAll(enrolments, (c) => trx.insertInto('trainingEnrolments').values(c).execute());

    // Certificates for a fifth of the completed enrolments.
    const keyId = newId();
    await trx
      .insertInto('issuerKeys')
      .values({
        id: keyId,
        organizationId: org,
        algorithm: 'ES256',
        publicJwkJson: '{}',
        privateKeyEnc: 'x',
        status: 'active',
        createdAt: STAMP,
      })
      .execute();
    const certificates = enrolments
      .filter((e) => e.status === 'completed' && r.next() < 0.2)
      .map((e, i) => {
        const id = newId();
        return {
          id,
          ...stamp,
          publicId: id,
          number: `B-${i}`,
          enrolmentId: e.id,
          cohortId: e.cohortId,
          recipientNameLatin: 'Recipient',
          language: 'en' as const,
          programmeTitleJson: '{"en":"Programme"}',
          issuerName: 'Bench College',
          issuedAt: `${2021 + r.int(6)}-06-01T00:00:00.000Z`,
          status: r.next() < 0.02 ? ('revoked' as const) : ('valid' as const),
          credentialId: `urn:uuid:${id}`,
          credentialJson: '{}',
          credentialJwt: 'x',
          keyId,
          pdfStorageKey: 'x',
          pdfSha256: 'x',
        };
      });
    await insertAll(certificates, (c) => trx.insertInto('certificates').values(c).execute());

    // Agreements with one partner each.
    const agreements = Array.from({ length: Math.round(size.projects / 5) }, (_, i) => ({
      id: newId(),
      ...stamp,
      type: 'mou' as const,
      titleJson: JSON.stringify({ en: `Agreement ${i}` }),
      titleSort: `agreement ${i}`,
      stage: r.weighted([
        ['signed', 7],
        ['draft', 2],
        ['negotiating', 1],
      ] as const),
      startsOn: day(2022, r.int(300)),
      endsOn: day(2025 + r.int(4), r.int(360)),
      autoRenewal: r.next() < 0.1 ? 1 : 0,
      renewalMonths: 12,
    }));
    await insertAll(agreements, (c) => trx.insertInto('agreements').values(c).execute());
    await insertAll(
      agreements.map((a) => ({ organizationId: org, agreementId: a.id, partnerId: r.pick(partners).id })),
      (c) => trx.insertInto('agreementParties').values(c).execute(),
    );

    // Results frameworks: one result, two indicators, three yearly periods per project.
    const results = projects.map((p) => ({
      id: newId(),
      ...stamp,
      projectId: p.id,
      resultType: 'output' as const,
      titleJson: '{"en":"Output"}',
    }));
    await insertAll(results, (c) => trx.insertInto('projectResults').values(c).execute());
    const indicators = results.flatMap((res) =>
      [0, 1].map(() => ({
        id: newId(),
        ...stamp,
        projectId: res.projectId,
        resultId: res.id,
        measure: 'unit' as const,
        titleJson: '{"en":"Teachers trained"}',
        unitLabelJson: '{"en":"teachers"}',
        baselineYear: 2023,
        baselineValue: 0,
      })),
    );
    await insertAll(indicators, (c) => trx.insertInto('resultIndicators').values(c).execute());
    const periods = indicators.flatMap((ind) =>
      [2024, 2025, 2026].map((y) => ({
        id: newId(),
        ...stamp,
        projectId: ind.projectId,
        indicatorId: ind.id,
        periodStart: `${y}-01-01`,
        periodEnd: `${y}-12-31`,
        targetValue: 100,
        hasActual: y < 2026 || r.next() < 0.5 ? 1 : 0,
        actualValue: r.int(120),
      })),
    );
    await insertAll(periods, (c) => trx.insertInto('indicatorPeriods').values(c).execute());

    const mobilities = projects.map((p) => {
      const start = day(2021 + r.int(6), r.int(300));
      return {
        id: newId(),
        ...stamp,
        direction: r.next() < 0.5 ? ('inbound' as const) : ('outbound' as const),
        category: 'teacher' as const,
        title: 'Delegation',
        homeIsOwn: 1,
        hostIsOwn: 0,
        hostPartnerId: r.pick(partners).id,
        plannedStartOn: start,
        plannedEndOn: start,
        projectId: r.next() < 0.8 ? p.id : null,
        stage: r.weighted([
          ['approved', 3],
          ['returned', 5],
          ['cancelled', 1],
        ] as const),
      };
    });
    await insertAll(mobilities, (c) => trx.insertInto('mobilities').values(c).execute());

    // Competitions: 10 with 5 skills of 30 results each, four skills in five published.
    for (let k = 0; k < 10; k++) {
      const competitionId = newId();
      const endsOn = day(2021 + (k % 6), 150);
      await trx
        .insertInto('competitions')
        .values({
          id: competitionId,
          ...stamp,
          namesJson: '{"en":"Invitational"}',
          nameSort: 'invitational',
          slug: `c${k}`,
          startsOn: endsOn,
          endsOn,
          country: 'CN',
          status: 'completed',
          settingsJson: '{}',
        })
        .execute();
      const members = COUNTRIES.map((country) => ({
        id: newId(),
        ...stamp,
        competitionId,
        code: country,
        namesJson: JSON.stringify({ en: country }),
        nameSort: country,
        kind: 'country' as const,
        country,
        partnerId: partners.find((p) => p.country === country)?.id ?? null,
      }));
      await trx.insertInto('competitionMembers').values(members).execute();
      for (let s = 0; s < 5; s++) {
        const skillId = newId();
        await trx
          .insertInto('competitionSkills')
          .values({
            id: skillId,
            ...stamp,
            competitionId,
            number: String(s + 1),
            namesJson: '{"en":"Skill"}',
            nameSort: 'skill',
            skillType: 'official',
            resultsState: s < 4 ? 'published' : 'signed_off',
          })
          .execute();
        const entries = Array.from({ length: 30 }, (_, i) => ({
          id: newId(),
          ...stamp,
          competitionId,
          skillId,
          memberId: (members[i % members.length] as { id: string }).id,
          displayName: `Entrant ${i}`,
          status: 'confirmed' as const,
        }));
        await trx.insertInto('competitionEntries').values(entries).execute();
        await trx
          .insertInto('competitionResults')
          .values(
            entries.map((e, i) => ({
              id: newId(),
              organizationId: org,
              competitionId,
              skillId,
              entryId: e.id,
              memberId: e.memberId,
              rawTotalExact: '1/1',
              rawTotal: '1.00',
              scaleUnrounded: '700',
              points: 700 - i,
              position: i + 1,
              medal:
                i === 0 ? 'gold' : i === 1 ? 'silver' : i === 2 ? 'bronze' : i < 10 ? 'medallion' : 'none',
              calculatedAt: STAMP,
            })),
          )
          .execute();
      }
    }

    // Surveys: 10 questions and 100 responses each, so answers = surveys × 1,000.
    const surveyCount = Math.max(1, Math.round(size.answers / 1000));
    const surveys = Array.from({ length: surveyCount }, (_, i) => ({
      id: newId(),
      ...stamp,
      projectId: r.pick(projects).id,
      level: r.pick(['L1', 'L2', 'L3', 'L4'] as const),
      titleJson: JSON.stringify({ en: `Survey ${i}` }),
      status: 'closed' as const,
    }));
    await insertAll(surveys, (c) => trx.insertInto('surveys').values(c).execute());
    const questions = surveys.flatMap((s) =>
      Array.from({ length: 10 }, (_, q) => ({
        id: newId(),
        organizationId: org,
        surveyId: s.id,
        sortOrder: q,
        type: 'likert5' as const,
        textJson: '{"en":"How useful was it?"}',
      })),
    );
    await insertAll(questions, (c) => trx.insertInto('surveyQuestions').values(c).execute());
    const responses = surveys.flatMap((s) =>
      Array.from({ length: 100 }, () => ({
        id: newId(),
        organizationId: org,
        surveyId: s.id,
        locale: 'en',
        submittedAt: `${2022 + r.int(5)}-0${1 + r.int(9)}-15`,
      })),
    );
    await insertAll(responses, (c) => trx.insertInto('surveyResponses').values(c).execute());
    await sql`
      insert into survey_answers (response_id, question_id, organization_id, value_number)
      select sr.id, q.id, sr.organization_id, abs(random()) % 5 + 1
      from survey_responses sr join survey_questions q on q.survey_id = sr.survey_id
      where sr.organization_id = ${org}`.execute(trx);
  });
}

async function addOrganization(db: Kysely<Database>, name: string, kind: 'college' | 'authority') {
  const id = newId();
  await db
    .insertInto('organizations')
    .values({
      id,
      name,
      shortName: '',
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      iatiOrgId: null,
      kind,
      createdAt: STAMP,
      updatedAt: STAMP,
    })
    .execute();
  return id;
}

async function addMember(
  db: Kysely<Database>,
  organizationId: string,
  role: 'coordinator' | 'observer',
  hash: string,
) {
  const userId = newId();
  const email = `${role}-${userId.slice(-6)}@bench.example`;
  await db
    .insertInto('users')
    .values({
      id: userId,
      email,
      displayName: role,
      passwordHash: hash,
      locale: 'en',
      createdAt: STAMP,
      updatedAt: STAMP,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      id: newId(),
      organizationId,
      userId,
      role,
      status: 'active',
      createdAt: STAMP,
      updatedAt: STAMP,
    })
    .execute();
  return email;
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The floor: the endpoint's aggregate queries, run directly and together, nothing else. */
function bareAggregates(db: Kysely<Database>, scope: repo.Scope, f: TPortfolioQuery, today: string) {
  return Promise.all([
    repo.projectCounts(db, scope, f),
    repo.participantCounts(db, scope, f),
    repo.agreementsInForce(db, scope, f, today),
    repo.indicatorRows(db, scope, f),
    repo.mobilityCounts(db, scope, f),
    repo.certificateCounts(db, scope, f),
    repo.medalCounts(db, scope, f),
    repo.surveyResponseCounts(db, scope, f),
  ]);
}

async function main() {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-portfolio-'));
  const config = {
    ...loadConfig({
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
      SEED_DEMO: 'false',
      JOBS: 'false',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1',
    }),
    rateLimitPerMinute: 1_000_000_000,
  };
  const { deps, handle } = await createDeps(config);
  try {
    const m = machine();
    const loadBefore = os.loadavg()[0] ?? 0;
    log(
      `TVET Bridge bench: portfolio dashboard over ${opts.projects.toLocaleString('en')} projects, ` +
        `${opts.participants.toLocaleString('en')} participants, ${opts.answers.toLocaleString('en')} survey answers (sqlite)`,
    );
    log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, node ${m.node}`);

    const t = Date.now();
    const hash = await hashPassword(BENCH_PASSWORD);
    const main = await addOrganization(deps.db, 'Bench Technical College', 'college');
    await seedCollege(deps.db, main, opts, 1);
    // Three smaller colleges (a twentieth each) and the authority, for the provincial view.
    const small = {
      projects: Math.max(10, Math.round(opts.projects / 20)),
      participants: Math.max(100, Math.round(opts.participants / 20)),
      answers: Math.max(1000, Math.round(opts.answers / 20)),
    };
    const others: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await addOrganization(deps.db, `Small College ${i + 1}`, 'college');
      await seedCollege(deps.db, id, small, 10 + i);
      others.push(id);
    }
    const authority = await addOrganization(deps.db, 'Provincial authority', 'authority');
    const coordinatorEmail = await addMember(deps.db, main, 'coordinator', hash);
    const observerEmail = await addMember(deps.db, authority, 'observer', hash);
    const counted = async (
      table: 'trainingParticipants' | 'trainingEnrolments' | 'surveyAnswers' | 'projects',
    ) =>
      Number(
        (
          await deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organizationId', '=', main)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const seeded = {
      projects: await counted('projects'),
      participants: await counted('trainingParticipants'),
      enrolments: await counted('trainingEnrolments'),
      answers: await counted('surveyAnswers'),
    };
    const seedSeconds = (Date.now() - t) / 1000;
    log(
      `seeded the big college: ${seeded.projects} projects, ${seeded.participants} participants, ` +
        `${seeded.enrolments} enrolments, ${seeded.answers} survey answers; 3 small colleges; in ${seedSeconds.toFixed(1)} s`,
    );
    const rssAfterSeed = Math.round(process.memoryUsage().rss / 1024 / 1024);

    const app = await buildApp(deps, { logger: false });
    const signIn = async (email: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: BENCH_PASSWORD },
      });
      if (res.statusCode !== 200) {
        throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      }
      return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
    };
    const coordinator = await signIn(coordinatorEmail);
    const observer = await signIn(observerEmail);
    const today = calendarDateInTimeZone(deps.clock.now().toISOString(), 'Asia/Shanghai');
    const colleges = [main, ...others];

    const scenarios = [
      { name: 'college', cookies: coordinator, query: {} as TPortfolioQuery, scope: [main] },
      {
        name: 'college year=2025 type=teacher_training',
        cookies: coordinator,
        query: { year: 2025, type: 'teacher_training' } as TPortfolioQuery,
        scope: [main],
      },
      { name: 'province (4 colleges)', cookies: observer, query: {} as TPortfolioQuery, scope: colleges },
    ];

    const rows: {
      scenario: string;
      floorMs: number;
      apiMs: number;
      ratio: number;
      range: [number, number];
    }[] = [];
    const profile: Record<string, number> = {};
    try {
      for (const s of scenarios) {
        const url = `/api/v1/portfolio?${new URLSearchParams(
          Object.fromEntries(Object.entries(s.query).map(([k, v]) => [k, String(v)])),
        )}`;
        const api = async () => {
          const res = await app.inject({ method: 'GET', url, cookies: s.cookies });
          if (res.statusCode !== 200) {
            throw new Error(`${s.name}: GET ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          }
          return res.json() as TPortfolio;
        };
        const floor = () => bareAggregates(deps.db, s.scope, s.query, today);
        // Check first: the endpoint reports what the bare queries count.
        const body = await api();
        const [projects, participants] = await floor();
        const projectTotal = projects.byType.reduce((a, r) => a + r.n, 0);
        const people = participants.byCountry.reduce((a, r) => a + r.n, 0);
        if (
          body.figures.projects.total !== projectTotal ||
          (body.figures.participants.total ?? people) !== people
        ) {
          throw new Error(`${s.name}: the endpoint and the bare queries disagree`);
        }
        if (projectTotal === 0 || people === 0) {
          throw new Error(`${s.name}: nothing counted (seed too small?)`);
        }
        // Warm both, then interleave so that a busy neighbour slows both alike.
        for (let i = 0; i < 3; i++) {
          await floor();
          await api();
        }
        const floorTimes: number[] = [];
        const apiTimes: number[] = [];
        for (let i = 0; i < opts.runs; i++) {
          if (i % 2 === 0) {
            floorTimes.push(await ms(floor));
            apiTimes.push(await ms(api));
          } else {
            apiTimes.push(await ms(api));
            floorTimes.push(await ms(floor));
          }
        }
        const perRound = apiTimes.map((a, i) => a / (floorTimes[i] ?? Number.NaN));
        rows.push({
          scenario: s.name,
          floorMs: median(floorTimes),
          apiMs: median(apiTimes),
          ratio: median(apiTimes) / median(floorTimes),
          range: [Math.min(...perRound), Math.max(...perRound)],
        });
        log(`measured ${s.name}: ${opts.runs} interleaved runs`);
      }

      // Where the floor's time goes (college, no filter): each query alone, median of 5.
      const parts: [string, () => Promise<unknown>][] = [
        ['projects (type, status, country)', () => repo.projectCounts(deps.db, [main], {})],
        ['participants (country, gender, year)', () => repo.participantCounts(deps.db, [main], {})],
        ['agreements in force (rows)', () => repo.agreementsInForce(deps.db, [main], {}, today)],
        ['indicators + periods (rows)', () => repo.indicatorRows(deps.db, [main], {})],
        ['mobilities', () => repo.mobilityCounts(deps.db, [main], {})],
        ['certificates', () => repo.certificateCounts(deps.db, [main], {})],
        ['medals', () => repo.medalCounts(deps.db, [main], {})],
        ['survey responses', () => repo.surveyResponseCounts(deps.db, [main], {})],
      ];
      for (const [name, fn] of parts) {
        await fn();
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          times.push(await ms(fn));
        }
        profile[name] = median(times);
      }
    } finally {
      await app.close();
    }

    const rss = peakRssMiB();
    const loadAfter = os.loadavg()[0] ?? 0;
    log('');
    log('| scenario | bare SQL ms (median) | API ms (median) | ratio | per-round |');
    log('|---|---:|---:|---:|---|');
    for (const r of rows) {
      log(
        `| ${r.scenario} | ${r.floorMs.toFixed(1)} | ${r.apiMs.toFixed(1)} | **${r.ratio.toFixed(2)}** | ${r.range[0].toFixed(2)}–${r.range[1].toFixed(2)} |`,
      );
    }
    log('');
    log('ratio = API time ÷ bare aggregate SQL time (same queries, same data, same process and run).');
    log('  bare: the endpoint repository calls (GROUP BY aggregates, plus the agreement and indicator');
    log('        columns their status rules read), awaited together; no session, rules, presenter or JSON');
    log('  api:  GET /api/v1/portfolio through app.inject: session, permission, scope, agreement and');
    log('        indicator status by the domain rules, suppression (province), zod and JSON');
    log('');
    log('bare queries alone (college, no filter), median of 5:');
    for (const [name, v] of Object.entries(profile)) {
      log(`  ${name.padEnd(40)} ${v.toFixed(1)} ms`);
    }
    log('');
    log(`RSS after seeding ${rssAfterSeed} MiB; peak RSS of the process ${rss} MiB (seeding included)`);
    log(`machine load average (1 min): ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end`);
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s (seeding ${seedSeconds.toFixed(0)} s)`);

    const out = path.join(here, 'results', 'portfolio-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: m,
          options: opts,
          seeded,
          seedSeconds,
          rows,
          profileMs: profile,
          rssAfterSeedMiB: rssAfterSeed,
          peakRssMiB: rss,
          loadAverage: { start: loadBefore, end: loadAfter },
        },
        null,
        2,
      )}\n`,
    );
    log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
