import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TProgrammeInput, TSessionInput } from '../../../contracts/training.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import * as trainingService from './training.service.js';

let t: TestApp;
let coordinator: Client;
let orgId: string;
let projectId: string;
const samples = path.resolve(import.meta.dirname, '../../../../samples');

/** A project row of the organization (the projects module owns its API; tests only need the row). */
async function insertProject(deps: Deps, organizationId: string) {
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('projects')
    .values({
      id,
      organizationId,
      parentId: null,
      code: `P-${id.slice(-6)}`,
      type: 'teacher_training',
      baseLocation: null,
      titleJson: JSON.stringify({ en: 'South Asia TVET teacher training' }),
      titleSort: 'south asia tvet teacher training',
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
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
      version: 1,
    })
    .execute();
  return id;
}

function programmeBody(overrides: Partial<TProgrammeInput> = {}): TProgrammeInput {
  return {
    projectId,
    title: { en: 'Smart Manufacturing Teacher Workshop', 'zh-CN': '智能制造教师研修班' },
    description: 'Two weeks in Guangzhou',
    modules: [
      { kind: 'teacher_workshop', title: { en: 'PLC didactics' }, hours: 20 },
      { kind: 'enterprise_visit', title: { en: 'Visit to a robot factory' }, hours: 6 },
    ],
    learningOutcomes: [{ en: 'Design a PLC lab lesson' }],
    languages: ['en', 'zh-CN'],
    interpretationNeeds: 'Bengali–English consecutive on day 1',
    completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true },
    ...overrides,
  };
}

let n = 0;
function sessionBody(day: number, overrides: Partial<TSessionInput> = {}): TSessionInput {
  n++;
  return {
    moduleId: null,
    title: `Session ${n}`,
    startsAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00+08:00`,
    endsAt: `2026-03-${String(day).padStart(2, '0')}T12:00:00+08:00`,
    timeZone: 'Asia/Shanghai',
    venue: 'Training Centre, Room 301',
    onlineUrl: '',
    trainerUserId: null,
    language: 'en',
    interpreter: '',
    ...overrides,
  };
}

function participant(nameLatin: string, extra: Record<string, unknown> = {}) {
  return {
    nameLatin,
    country: 'BD',
    gender: 'female',
    email: `${nameLatin.toLowerCase().replace(/\W+/g, '.')}@x.example`,
    ...extra,
  };
}

async function createProgramme(client: Client, body = programmeBody()) {
  const res = await client.post('/api/v1/training/programmes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function createCohort(client: Client, programmeId: string, capacity = 20) {
  const res = await client.post(`/api/v1/training/programmes/${programmeId}/cohorts`, {
    name: `Cohort ${++n}`,
    startsOn: '2026-03-02',
    endsOn: '2026-03-13',
    capacity,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function enrol(client: Client, cohortId: string, body: unknown) {
  const res = await client.post(`/api/v1/training/cohorts/${cohortId}/enrolments`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
  projectId = await insertProject(t.deps, orgId);
});
afterAll(async () => {
  await t.close();
});

describe('training: programmes', () => {
  it('creates a programme with modules, outcomes and a completion rule, and answers 409 to a stale edit', async () => {
    const p = await createProgramme(coordinator);
    expect(p).toMatchObject({
      projectId,
      version: 1,
      moduleKinds: ['teacher_workshop', 'enterprise_visit'],
      completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: true },
      abilities: { update: true },
    });
    const body = programmeBody({ modules: [{ ...p.modules[0], hours: 24 }] });
    const ok = await coordinator.put(`/api/v1/training/programmes/${p.id}`, { version: 1, data: body });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().modules).toEqual([{ ...p.modules[0], hours: 24 }]);
    const stale = await coordinator.put(`/api/v1/training/programmes/${p.id}`, { version: 1, data: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('refuses a project of another organization and validates field by field', async () => {
    const foreignOrg = (await signedInAs(t, 'coordinator')).orgId;
    const foreignProject = await insertProject(t.deps, foreignOrg);
    const res = await coordinator.post(
      '/api/v1/training/programmes',
      programmeBody({ projectId: foreignProject }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({
      path: ['projectId'],
      message: 'unknown_project',
    });
    const bad = await coordinator.post('/api/v1/training/programmes', {
      ...programmeBody(),
      completionRule: { minAttendancePercent: 80, minPostScore: 60.001, requirePostTest: true },
    });
    expect(bad.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      bad
        .json()
        .error.details.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]),
    );
    expect(byPath['body.completionRule.minPostScore']).toBe('score_precision');
  });

  it('answers 404 across tenants for programmes, cohorts, sessions, enrolments and calendars', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id);
    const withSession = (
      await coordinator.post(`/api/v1/training/cohorts/${c.id}/sessions`, sessionBody(2))
    ).json();
    const e = await enrol(coordinator, c.id, { participant: participant('Cross Tenant') });
    const other = (await signedInAs(t, 'admin')).client;
    for (const url of [
      `/api/v1/training/programmes/${p.id}`,
      `/api/v1/training/cohorts/${c.id}`,
      `/api/v1/training/cohorts/${c.id}/enrolments`,
      `/api/v1/training/cohorts/${c.id}/calendar.ics`,
      `/api/v1/training/sessions/${withSession.sessions[0].id}/attendance`,
    ]) {
      expect((await other.get(url)).statusCode, url).toBe(404);
    }
    expect(
      (await other.post(`/api/v1/training/enrolments/${e.id}/status`, { version: 1, status: 'withdrawn' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await other.put(`/api/v1/training/sessions/${withSession.sessions[0].id}/attendance`, {
          marks: [{ enrolmentId: e.id, mark: 'present' }],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await other.get('/api/v1/training/programmes')).json().data.map((x: { id: string }) => x.id),
    ).not.toContain(p.id);
  });
});

describe('training: waiting list', () => {
  it('puts enrolments beyond capacity on the waiting list and promotes the first when someone withdraws', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id, 2);
    const a = await enrol(coordinator, c.id, { participant: participant('Seat One') });
    const b = await enrol(coordinator, c.id, { participant: participant('Seat Two') });
    const w1 = await enrol(coordinator, c.id, { participant: participant('Waiting One') });
    const w2 = await enrol(coordinator, c.id, { participant: participant('Waiting Two') });
    expect([a.waitlistPosition, b.waitlistPosition, w1.waitlistPosition, w2.waitlistPosition]).toEqual([
      null,
      null,
      1,
      2,
    ]);

    const withdrawn = await coordinator.post(`/api/v1/training/enrolments/${a.id}/status`, {
      version: a.version,
      status: 'withdrawn',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const list = (await coordinator.get(`/api/v1/training/cohorts/${c.id}/enrolments`)).json().data;
    const pos = Object.fromEntries(
      list.map((e: { id: string; waitlistPosition: number | null }) => [e.id, e.waitlistPosition]),
    );
    expect(pos).toEqual({ [a.id]: null, [b.id]: null, [w1.id]: null, [w2.id]: 1 });
    const cohort = (await coordinator.get(`/api/v1/training/cohorts/${c.id}`)).json();
    expect(cohort).toMatchObject({ seatsTaken: 2, waitingCount: 1 });

    // A waiting participant cannot attend yet; the promoted one can.
    const w2now = list.find((e: { id: string }) => e.id === w2.id);
    const refused = await coordinator.post(`/api/v1/training/enrolments/${w2.id}/status`, {
      version: w2now.version,
      status: 'attending',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'waitlisted' } });
  });

  it('answers 409 to a stale status change', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id, 5);
    const e = await enrol(coordinator, c.id, { participant: participant('Stale Status') });
    expect(
      (
        await coordinator.post(`/api/v1/training/enrolments/${e.id}/status`, {
          version: 1,
          status: 'confirmed',
        })
      ).statusCode,
    ).toBe(200);
    const stale = await coordinator.post(`/api/v1/training/enrolments/${e.id}/status`, {
      version: 1,
      status: 'attending',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });
});

describe('training: attendance, scores and completion', () => {
  it('marks a session in bulk idempotently and evaluates the completion rule at its boundaries', async () => {
    const trainer = await createMember(t.deps, orgId, 'trainer');
    const trainerClient = await signIn(t.app, trainer.email);
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id, 10);
    // Five sessions held before "now" (2026-03-15T04:00Z), one still to come.
    for (const day of [2, 3, 4, 5, 6, 20]) {
      const res = await coordinator.post(
        `/api/v1/training/cohorts/${c.id}/sessions`,
        sessionBody(day, { trainerUserId: trainer.userId }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const sessions = (await coordinator.get(`/api/v1/training/cohorts/${c.id}`)).json().sessions;
    expect(sessions).toHaveLength(6);
    expect(sessions[0].startsAt).toBe('2026-03-02T01:00:00.000Z');
    const four = await enrol(coordinator, c.id, { participant: participant('Four Of Five') });
    const three = await enrol(coordinator, c.id, { participant: participant('Three Of Five') });
    const excusedOne = await enrol(coordinator, c.id, { participant: participant('Excused One') });

    for (const [i, s] of sessions.slice(0, 5).entries()) {
      const marks = [
        { enrolmentId: four.id, mark: i < 4 ? 'present' : 'absent' },
        { enrolmentId: three.id, mark: i < 3 ? 'present' : 'absent' },
        { enrolmentId: excusedOne.id, mark: i < 4 ? 'present' : 'excused' },
      ];
      const first = await trainerClient.put(`/api/v1/training/sessions/${s.id}/attendance`, { marks });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().changed).toBe(3);
      const again = await trainerClient.put(`/api/v1/training/sessions/${s.id}/attendance`, { marks });
      expect(again.json().changed).toBe(0);
      expect(again.json().marks).toEqual(first.json().marks);
    }

    const scores = async (id: string, post: number | null) => {
      const cur = (await coordinator.get(`/api/v1/training/cohorts/${c.id}/enrolments`))
        .json()
        .data.find((e: { id: string }) => e.id === id);
      const res = await trainerClient.put(`/api/v1/training/enrolments/${id}/scores`, {
        version: cur.version,
        preScore: 41.5,
        postScore: post,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const fourDone = await scores(four.id, 60);
    expect(fourDone).toMatchObject({
      preScore: 41.5,
      postScore: 60,
      attendance: { sessionsHeld: 5, present: 4, percent: 80 },
      completion: { eligible: true, reasons: [] },
    });
    const lowScore = await scores(excusedOne.id, 59.99);
    expect(lowScore.completion).toEqual({ eligible: false, reasons: ['post_score_below_minimum'] });
    expect(lowScore.attendance).toMatchObject({ present: 4, excused: 1, percent: 100 });
    const threeDone = await scores(three.id, null);
    expect(threeDone.completion).toEqual({
      eligible: false,
      reasons: ['attendance_below_minimum', 'post_test_missing'],
    });

    const eligible = await trainingService.listEligibleEnrolments(
      { deps: t.deps, actor: { ...(await actorOf(coordinator)) }, requestId: 'test', ip: '127.0.0.1' },
      c.id,
    );
    expect(eligible.map((e) => e.enrolmentId)).toEqual([four.id]);
    const completion = (await coordinator.get(`/api/v1/training/cohorts/${c.id}/completion`)).json().data;
    expect(completion.filter((e: { eligible: boolean }) => e.eligible)).toHaveLength(1);

    // Completing needs the rule met.
    const refused = await coordinator.post(`/api/v1/training/enrolments/${three.id}/status`, {
      version: threeDone.version,
      status: 'completed',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('completion_rule_not_met');
    const done = await coordinator.post(`/api/v1/training/enrolments/${four.id}/status`, {
      version: fourDone.version,
      status: 'completed',
    });
    expect(done.statusCode).toBe(200);

    // Trainers mark and score but cannot change enrolments or import.
    expect(
      (
        await trainerClient.post(`/api/v1/training/cohorts/${c.id}/enrolments`, {
          participant: participant('No'),
        })
      ).statusCode,
    ).toBe(403);
    const unknown = await trainerClient.put(`/api/v1/training/sessions/${sessions[0].id}/attendance`, {
      marks: [{ enrolmentId: newId(), mark: 'present' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0]).toMatchObject({
      path: ['marks', '0', 'enrolmentId'],
      message: 'unknown_enrolment',
    });
  });

  it('exports the cohort and the trainer schedule as iCalendar', async () => {
    const trainer = await createMember(t.deps, orgId, 'trainer');
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id);
    await coordinator.post(
      `/api/v1/training/cohorts/${c.id}/sessions`,
      sessionBody(9, {
        title: 'Robots, PLCs; and safety',
        trainerUserId: trainer.userId,
        onlineUrl: 'https://meet.example/abc',
      }),
    );
    const res = await coordinator.get(`/api/v1/training/cohorts/${c.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body).toContain('DTSTART:20260309T010000Z\r\n');
    expect(res.body).toContain('SUMMARY:Robots\\, PLCs\\; and safety\r\n');
    const uid = /UID:(.+)\r\n/.exec(res.body)?.[1];
    expect(uid).toMatch(/@tvet\.test$/);
    const again = await coordinator.get(`/api/v1/training/cohorts/${c.id}/calendar.ics`);
    expect(/UID:(.+)\r\n/.exec(again.body)?.[1]).toBe(uid);
    const mine = await coordinator.get(`/api/v1/training/trainers/${trainer.userId}/calendar.ics`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(`UID:${uid}`);
  });
});

describe('training: who marks attendance and enters scores', () => {
  it('lets a trainer act only on the sessions they give; coordinators and project managers on all', async () => {
    const mine = await createMember(t.deps, orgId, 'trainer');
    const colleague = await createMember(t.deps, orgId, 'trainer');
    const mineClient = await signIn(t.app, mine.email);
    const colleagueClient = await signIn(t.app, colleague.email);
    const pm = (await signedInAs(t, 'project_manager', orgId)).client;
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id);
    const other = await createCohort(coordinator, p.id);
    for (const body of [
      sessionBody(3, { trainerUserId: mine.userId }),
      sessionBody(4, { trainerUserId: colleague.userId }),
      sessionBody(5),
    ]) {
      expect((await coordinator.post(`/api/v1/training/cohorts/${c.id}/sessions`, body)).statusCode).toBe(
        201,
      );
    }
    expect(
      (
        await coordinator.post(
          `/api/v1/training/cohorts/${other.id}/sessions`,
          sessionBody(6, { trainerUserId: colleague.userId }),
        )
      ).statusCode,
    ).toBe(201);
    const e = await enrol(coordinator, c.id, { participant: participant('Scoped Marks') });
    const eOther = await enrol(coordinator, other.id, { participant: participant('Other Cohort') });

    // Abilities say so before anyone tries.
    const seen = (await mineClient.get(`/api/v1/training/cohorts/${c.id}`)).json();
    const [own, theirs, nobodys] = seen.sessions;
    expect(seen.sessions.map((s: { abilities: unknown }) => s.abilities)).toEqual([
      { markAttendance: true },
      { markAttendance: false },
      { markAttendance: false },
    ]);
    expect(seen.abilities).toMatchObject({ markAttendance: true, enterScores: true, update: false });
    expect((await mineClient.get(`/api/v1/training/cohorts/${other.id}`)).json().abilities).toMatchObject({
      markAttendance: false,
      enterScores: false,
    });
    const bySession = (await coordinator.get(`/api/v1/training/cohorts/${c.id}`)).json();
    expect(
      bySession.sessions.every((s: { abilities: { markAttendance: boolean } }) => s.abilities.markAttendance),
    ).toBe(true);
    expect(bySession.abilities).toMatchObject({ markAttendance: true, enterScores: true });

    const marks = { marks: [{ enrolmentId: e.id, mark: 'present' }] };
    const put = (client: Client, sessionId: string) =>
      client.put(`/api/v1/training/sessions/${sessionId}/attendance`, marks);
    expect((await put(mineClient, own.id)).statusCode).toBe(200);
    for (const s of [theirs, nobodys]) {
      const refused = await put(mineClient, s.id);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    expect((await put(colleagueClient, theirs.id)).statusCode).toBe(200);
    expect((await put(coordinator, nobodys.id)).statusCode).toBe(200);
    expect((await put(pm, nobodys.id)).statusCode).toBe(200);
    // Nothing of the refused marks was written.
    const kept = (await coordinator.get(`/api/v1/training/sessions/${theirs.id}/attendance`)).json();
    expect(kept.marks.map((m: { markedBy: string }) => m.markedBy)).toEqual([colleague.userId]);
    // An unknown session stays 404, not 403.
    expect((await put(mineClient, newId())).statusCode).toBe(404);

    const scores = async (client: Client, enrolmentId: string, cohortId: string) => {
      const cur = (await coordinator.get(`/api/v1/training/cohorts/${cohortId}/enrolments`))
        .json()
        .data.find((x: { id: string }) => x.id === enrolmentId);
      return client.put(`/api/v1/training/enrolments/${enrolmentId}/scores`, {
        version: cur.version,
        preScore: 50,
        postScore: 75,
      });
    };
    expect((await scores(mineClient, e.id, c.id)).statusCode).toBe(200);
    const notTheirCohort = await scores(mineClient, eOther.id, other.id);
    expect(notTheirCohort.statusCode, notTheirCohort.body).toBe(403);
    expect((await scores(colleagueClient, eOther.id, other.id)).statusCode).toBe(200);
    expect((await scores(pm, eOther.id, other.id)).statusCode).toBe(200);
  });
});

describe('training: import of enrolments', () => {
  it('reports a bad file by row and column and imports nothing; then imports the sample with waiting list', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id, 6);
    const bad = Buffer.from(
      [
        'name_latin,name_native,gender,country,organization,position,email,languages,passport_number,date_of_birth',
        'Rahim Uddin,রহিম উদ্দিন,male,BD,Dhaka Polytechnic,Instructor,rahim@x.example,bn; en,EB1111111,1980-01-01',
        ',নাম ছাড়া,female,XX,,,not-an-email,bn,,1980-02-30',
        'Bilal Ahmed,بلال احمد,robot,PK,,,rahim@x.example,ur,AB-12,',
      ].join('\n'),
    );
    const preview = await coordinator.upload(
      `/api/v1/training/cohorts/${c.id}/enrolments/import/preview`,
      'bad.csv',
      bad,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().canImport).toBe(false);
    const res = await coordinator.upload(
      `/api/v1/training/cohorts/${c.id}/enrolments/import`,
      'bad.csv',
      bad,
    );
    expect(res.statusCode).toBe(422);
    const problems = res
      .json()
      .error.details.problems.map(
        (x: { row: number; column: string; code: string }) => `${x.row}:${x.column}:${x.code}`,
      );
    expect(problems).toEqual([
      '3:name_latin:required',
      '3:country:unknown_country',
      '3:email:email_format',
      '3:date_of_birth:date_format',
      '4:gender:unknown_gender',
      '4:email:duplicate_email_in_file',
      '4:passport_number:passport_format',
    ]);
    expect((await coordinator.get(`/api/v1/training/cohorts/${c.id}/enrolments`)).json().data).toEqual([]);

    const sample = fs.readFileSync(path.join(samples, 'enrolments-import.csv'));
    const ok = await coordinator.upload(
      `/api/v1/training/cohorts/${c.id}/enrolments/import`,
      'sample.csv',
      sample,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 8, waitlisted: 2 });
    const list = (await coordinator.get(`/api/v1/training/cohorts/${c.id}/enrolments`)).json().data;
    expect(list.map((e: { participant: { nameNative: string } }) => e.participant.nameNative)).toContain(
      'নাসরিন আক্তার',
    );
    expect(list.map((e: { participant: { nameNative: string } }) => e.participant.nameNative)).toContain(
      'عائشہ صدیقہ',
    );
    // Importing the same file again, confirmed (else 409 already_imported): everyone is already enrolled.
    const twice = await coordinator.upload(
      `/api/v1/training/cohorts/${c.id}/enrolments/import?allowRepeat=true`,
      'sample.csv',
      sample,
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.details.problems[0]).toMatchObject({
      row: 2,
      column: 'email',
      code: 'already_enrolled',
    });
  });
});

describe('training: sensitive fields and exports', () => {
  it('hides passport and birth date from a trainer and from exports unless asked for and permitted', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id);
    const e = await enrol(coordinator, c.id, {
      participant: participant('Muhammad Usman', {
        country: 'PK',
        passportNumber: 'AB1234567',
        dateOfBirth: '1978-08-30',
      }),
    });
    expect(e.participant.sensitive).toEqual({ passportNumber: 'AB1234567', dateOfBirth: '1978-08-30' });
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    const seen = (await trainer.get(`/api/v1/training/cohorts/${c.id}/enrolments`)).json().data[0];
    expect(seen.participant.sensitive).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('AB1234567');
    expect((await trainer.get(`/api/v1/training/cohorts/${c.id}/enrolments/export`)).statusCode).toBe(403);

    const plain = await coordinator.get(`/api/v1/training/cohorts/${c.id}/enrolments/export?format=csv`);
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Muhammad Usman');
    expect(plain.body).not.toContain('AB1234567');
    expect(plain.body).not.toContain('passport_number');
    const full = await coordinator.get(
      `/api/v1/training/cohorts/${c.id}/enrolments/export?format=csv&includeSensitive=true`,
    );
    expect(full.body).toContain('AB1234567');
    const pm = (await signedInAs(t, 'project_manager', orgId)).client;
    expect((await pm.get(`/api/v1/training/cohorts/${c.id}/enrolments/export`)).statusCode).toBe(200);
    expect(
      (await pm.get(`/api/v1/training/cohorts/${c.id}/enrolments/export?includeSensitive=true`)).statusCode,
    ).toBe(403);
  });
  it('keeps passport and birth date when someone without the permission edits the participant', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id);
    const e = await enrol(coordinator, c.id, {
      participant: participant('Nusrat Jahan', { passportNumber: 'BD7654321', dateOfBirth: '1985-02-11' }),
    });
    const pm = (await signedInAs(t, 'project_manager', orgId)).client;
    const res = await pm.put(`/api/v1/training/participants/${e.participant.id}`, {
      version: e.participant.version,
      data: participant('Nusrat Jahan', { position: 'Head of Electrical Department' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await coordinator.get(`/api/v1/training/cohorts/${c.id}/enrolments`)).json().data[0];
    expect(after.participant.position).toBe('Head of Electrical Department');
    expect(after.participant.sensitive).toEqual({ passportNumber: 'BD7654321', dateOfBirth: '1985-02-11' });
  });
});

describe('training: participant portal', () => {
  it('opens with the personal link and no session, and answers 404 to a wrong token', async () => {
    const p = await createProgramme(coordinator);
    const c = await createCohort(coordinator, p.id);
    await coordinator.post(`/api/v1/training/cohorts/${c.id}/sessions`, sessionBody(10));
    const e = await enrol(coordinator, c.id, {
      participant: participant('Portal User', { nameNative: 'পোর্টাল', passportNumber: 'EB9999999' }),
    });
    const link = await coordinator.post(`/api/v1/training/enrolments/${e.id}/portal-link`);
    expect(link.statusCode, link.body).toBe(200);
    const { token, url } = link.json();
    expect(url).toBe(`http://tvet.test/portal/${token}`);
    const stored = await t.deps.db
      .selectFrom('trainingEnrolments')
      .select('portalTokenHash')
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(stored.portalTokenHash).not.toContain(token);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      participant: { nameLatin: 'Portal User', nameNative: 'পোর্টাল' },
      programme: { title: { en: 'Smart Manufacturing Teacher Workshop' } },
      materials: [],
      certificate: null,
    });
    expect(res.json().schedule).toHaveLength(1);
    expect(res.body).not.toContain('EB9999999');

    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/portal/${token.slice(0, -4)}AAAA` });
    expect(wrong.statusCode).toBe(404);
    // A new link retires the old one.
    await coordinator.post(`/api/v1/training/enrolments/${e.id}/portal-link`);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/portal/${token}` })).statusCode).toBe(404);
  });

  it('rate-limits guesses per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/portal/${'x'.repeat(43)}`,
        remoteAddress: '192.0.2.77',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

/** The actor behind a signed-in client, for calling a service function directly. */
async function actorOf(client: Client) {
  const { loadActor } = await import('../identity/identity.service.js');
  const actor = await loadActor(t.deps, client.cookies.tvet_session as string);
  if (!actor) {
    throw new Error('no actor');
  }
  return actor;
}
