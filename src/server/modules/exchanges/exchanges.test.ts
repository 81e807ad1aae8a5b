import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMobilityInput } from '../../../contracts/exchanges.js';
import { newId } from '../../platform/ids.js';
import { buildAgreement, buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-03-15T04:00Z, which is 2026-03-15 in Asia/Shanghai.
let t: TestApp;
let coordinator: Client;
let coordinatorId: string;
let orgId: string;
let navttc: string;
let tshwane: string;
let agreementId: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  coordinatorId = s.userId;
  orgId = s.orgId;
  navttc = (
    await coordinator.post(
      '/api/v1/partners',
      buildPartner({
        names: { en: 'NAVTTC', 'zh-CN': '巴基斯坦国家职业技术培训委员会' },
        country: 'PK',
        type: '10',
      }),
    )
  ).json().id;
  tshwane = (
    await coordinator.post(
      '/api/v1/partners',
      buildPartner({ names: { en: 'Tshwane South TVET College' }, country: 'ZA' }),
    )
  ).json().id;
  agreementId = (await coordinator.post('/api/v1/agreements', buildAgreement([navttc]))).json().id;
});
afterAll(async () => {
  await t.close();
});

function inbound(overrides: Partial<TMobilityInput> = {}): TMobilityInput {
  return {
    direction: 'inbound',
    category: 'official_delegation',
    title: 'NAVTTC delegation',
    purpose: 'Study visit on competency-based training',
    home: { isOwn: false, partnerId: navttc },
    host: { isOwn: true, partnerId: null },
    destinationCity: 'Tianjin',
    plannedStartOn: '2026-03-01',
    plannedEndOn: '2026-03-08',
    actualStartOn: null,
    actualEndOn: null,
    fundingSource: 'College international budget',
    fundingAmountMinor: 4500000,
    fundingCurrency: 'CNY',
    costsBorneBy: 'host',
    projectId: null,
    agreementId,
    notes: '',
    members: [
      {
        nameNative: 'محمد عامر',
        nameLatin: 'Muhammad Amir',
        gender: 'male',
        position: 'Director General',
        nationality: 'PK',
        passportNumber: 'AB1234567',
      },
      {
        nameNative: '王芳',
        nameLatin: 'Wang Fang',
        gender: 'female',
        position: 'Interpreter',
        nationality: 'CN',
        passportNumber: 'E12345678',
      },
    ],
    ...overrides,
  };
}

function outbound(overrides: Partial<TMobilityInput> = {}): TMobilityInput {
  return inbound({
    direction: 'outbound',
    category: 'teacher',
    title: 'Teacher exchange to Tshwane South',
    home: { isOwn: true, partnerId: null },
    host: { isOwn: false, partnerId: tshwane },
    agreementId: null,
    members: [
      {
        nameNative: '李明',
        nameLatin: 'Li Ming',
        gender: 'male',
        position: 'Welding teacher',
        nationality: 'CN',
        passportNumber: 'E87654321',
      },
    ],
    ...overrides,
  });
}

async function create(client: Client, body: TMobilityInput) {
  const res = await client.post('/api/v1/mobilities', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(client: Client, id: string, body: Record<string, unknown>) {
  return client.post(`/api/v1/mobilities/${id}/transitions`, body);
}

describe('mobilities: create and read', () => {
  it('creates a proposed mobility with members, links, a default checklist and its first history entry', async () => {
    const m = await create(coordinator, inbound());
    expect(m).toMatchObject({
      stage: 'proposed',
      version: 1,
      country: 'PK',
      home: { isOwn: false, partner: { id: navttc, country: 'PK' } },
      host: { isOwn: true, partner: null },
      agreement: { id: agreementId },
      fundingAmountMinor: 4500000,
      nextStages: ['approved', 'cancelled'],
      abilities: { update: true, transition: true, readSensitive: true, invitationLetter: true },
    });
    expect(m.members.map((x: { passportNumber: string }) => x.passportNumber)).toEqual([
      'AB1234567',
      'E12345678',
    ]);
    expect(m.checklist.map((c: { code: string }) => c.code)).toEqual([
      'invitation_letter_issued',
      'visa_support',
      'accommodation',
      'airport_pickup',
      'local_registration',
      'agenda_confirmed',
      'reception_protocol',
    ]);
    expect(m.events).toHaveLength(1);
    expect(m.events[0]).toMatchObject({ fromStage: null, toStage: 'proposed', actorId: coordinatorId });
    const outbound1 = await create(coordinator, outbound());
    expect(outbound1.checklist.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['passport_valid', 'visa', 'travel_insurance', 'flight_booked', 'fao_approval']),
    );
  });

  it('explains invalid input field by field', async () => {
    const res = await coordinator.post(
      '/api/v1/mobilities',
      inbound({
        plannedEndOn: '2026-02-01',
        host: { isOwn: false, partnerId: null },
        fundingCurrency: null,
        members: [
          {
            nameNative: '',
            nameLatin: '',
            gender: 'male',
            position: '',
            nationality: null,
            passportNumber: '',
          },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const issues = res
      .json()
      .error.details.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['body.plannedEndOn', 'end_before_start'],
        ['body.host.isOwn', 'own_side_required'],
        ['body.host.partnerId', 'partner_required'],
        ['body.fundingCurrency', 'amount_and_currency'],
        ['body.members.0.nameLatin', 'name_required'],
      ]),
    );
    const unknown = await coordinator.post('/api/v1/mobilities', inbound({ projectId: newId() }));
    expect(unknown.json().error.details.issues).toEqual([
      { path: ['projectId'], message: 'unknown_project' },
    ]);
  });
});

describe('mobilities: workflow', () => {
  it('walks the whole workflow one step at a time, recording who and when at each step', async () => {
    let m = await create(coordinator, inbound());
    const skip = await move(coordinator, m.id, { version: 1, to: 'travelling' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: {
        stage: 'proposed',
        to: 'travelling',
        problem: 'not_allowed',
        allowed: ['approved', 'cancelled'],
      },
    });

    const step = async (body: Record<string, unknown>) => {
      const res = await move(coordinator, m.id, { version: m.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      m = res.json();
    };
    await step({ to: 'approved', note: 'Approved by the president' });
    await step({ to: 'invitation_visa' });

    const noStart = await move(coordinator, m.id, { version: m.version, to: 'travelling' });
    expect(noStart.json().error.details).toMatchObject({
      problem: 'actual_start_required',
      allowed: ['travelling', 'cancelled'],
    });
    const future = await move(coordinator, m.id, {
      version: m.version,
      to: 'travelling',
      actualStartOn: '2026-03-20',
    });
    expect(future.json().error.details.problem).toBe('date_in_future');
    await step({ to: 'travelling', actualStartOn: '2026-03-02' });
    expect(m.actualStartOn).toBe('2026-03-02');

    const early = await move(coordinator, m.id, {
      version: m.version,
      to: 'returned',
      actualEndOn: '2026-03-01',
    });
    expect(early.json().error.details.problem).toBe('end_before_start');
    await step({ to: 'returned', actualEndOn: '2026-03-09' });

    const noReport = await move(coordinator, m.id, { version: m.version, to: 'report_received' });
    expect(noReport.statusCode).toBe(409);
    expect(noReport.json().error.details).toMatchObject({
      problem: 'report_required',
      allowed: ['report_received'],
    });

    const report = await coordinator.put(`/api/v1/mobilities/${m.id}/report`, {
      version: m.version,
      summary: 'Visited four workshops',
      outcomes: 'Draft MoU on a joint welding centre',
      followUpActions: 'Send curriculum samples',
    });
    expect(report.statusCode, report.body).toBe(200);
    m = report.json();
    expect(m.report).toMatchObject({ summary: 'Visited four workshops', submittedBy: coordinatorId });
    await step({ to: 'report_received' });
    expect(m.nextStages).toEqual([]);
    const after = await move(coordinator, m.id, { version: m.version, to: 'cancelled', note: 'x' });
    expect(after.json().error.details).toMatchObject({ problem: 'not_allowed', allowed: [] });

    expect(
      m.events.map((e: { fromStage: string; toStage: string }) => `${e.fromStage}>${e.toStage}`),
    ).toEqual([
      'null>proposed',
      'proposed>approved',
      'approved>invitation_visa',
      'invitation_visa>travelling',
      'travelling>returned',
      'returned>report_received',
    ]);
    for (const e of m.events) {
      expect(e).toMatchObject({
        actorId: coordinatorId,
        actorName: 'coordinator',
        at: '2026-03-15T04:00:00.000Z',
      });
    }
    expect(m.events[1].note).toBe('Approved by the president');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'reason'])
      .where('entityType', '=', 'mobility')
      .where('entityId', '=', m.id)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(7);
    expect(audit.some((a) => a.reason === 'approved: Approved by the president')).toBe(true);
  });

  it('cancels with a reason only, and refuses the report before the return', async () => {
    const m = await create(coordinator, outbound());
    const early = await coordinator.put(`/api/v1/mobilities/${m.id}/report`, { version: 1, summary: 'x' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.problem).toBe('not_returned');
    const noReason = await move(coordinator, m.id, { version: 1, to: 'cancelled', note: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0]).toMatchObject({
      path: ['body', 'note'],
      message: 'reason_required',
    });
    const ok = await move(coordinator, m.id, { version: 1, to: 'cancelled', note: 'Visa refused' });
    expect(ok.json()).toMatchObject({
      stage: 'cancelled',
      cancellationReason: 'Visa refused',
      nextStages: [],
    });
  });

  it('answers 409 to a stale version, for edits and for transitions', async () => {
    const m = await create(coordinator, outbound());
    const first = await coordinator.put(`/api/v1/mobilities/${m.id}`, {
      version: 1,
      data: outbound({ notes: 'first' }),
    });
    expect(first.statusCode).toBe(200);
    const second = await coordinator.put(`/api/v1/mobilities/${m.id}`, {
      version: 1,
      data: outbound({ notes: 'second' }),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    const stale = await move(coordinator, m.id, { version: 1, to: 'approved' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await coordinator.get(`/api/v1/mobilities/${m.id}`)).json()).toMatchObject({
      notes: 'first',
      stage: 'proposed',
    });
  });
});

describe('mobilities: checklist', () => {
  it('ticks and unticks items recording who and when, and adds custom items', async () => {
    const m = await create(coordinator, outbound());
    const item = m.checklist[0];
    const ticked = await coordinator.patch(`/api/v1/mobilities/${m.id}/checklist/${item.id}`, { done: true });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().checklist[0]).toMatchObject({
      done: true,
      doneBy: coordinatorId,
      doneByName: 'coordinator',
      doneAt: '2026-03-15T04:00:00.000Z',
    });
    expect(ticked.json()).toMatchObject({ checklistDone: 1, version: 1 });
    const unticked = await coordinator.patch(`/api/v1/mobilities/${m.id}/checklist/${item.id}`, {
      done: false,
    });
    expect(unticked.json().checklist[0]).toMatchObject({ done: false, doneBy: null, doneAt: null });
    const added = await coordinator.post(`/api/v1/mobilities/${m.id}/checklist`, {
      label: 'Gift for the host',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().checklist.at(-1)).toMatchObject({
      code: null,
      label: 'Gift for the host',
      done: false,
    });
    const empty = await coordinator.post(`/api/v1/mobilities/${m.id}/checklist`, { label: '' });
    expect(empty.json().error.details.issues[0].message).toBe('label_required');
    expect(
      (await coordinator.patch(`/api/v1/mobilities/${m.id}/checklist/${newId()}`, { done: true })).statusCode,
    ).toBe(404);
  });
});

describe('mobilities: roles and tenancy', () => {
  it('hides passport numbers from a trainer and lets them only read', async () => {
    const m = await create(coordinator, inbound());
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    const seen = (await trainer.get(`/api/v1/mobilities/${m.id}`)).json();
    expect(seen.members.map((x: { passportNumber: unknown }) => x.passportNumber)).toEqual([null, null]);
    expect(seen.abilities).toMatchObject({ update: false, transition: false, readSensitive: false });
    expect((await trainer.post('/api/v1/mobilities', inbound())).statusCode).toBe(403);
    expect((await move(trainer, m.id, { version: 1, to: 'approved' })).statusCode).toBe(403);
    const letter = await trainer.get(`/api/v1/mobilities/${m.id}/invitation-letter.pdf`);
    expect(letter.statusCode).toBe(200);
  });

  it('keeps passport numbers when an editor who cannot see them saves the members', async () => {
    const m = await create(coordinator, inbound());
    const pm = (await signedInAs(t, 'project_manager', orgId)).client;
    const seen = (await pm.get(`/api/v1/mobilities/${m.id}`)).json();
    const members = seen.members.map((x: Record<string, unknown>) => ({ ...x, passportNumber: '' }));
    const saved = await pm.put(`/api/v1/mobilities/${m.id}`, {
      version: 1,
      data: inbound({ members: [...members, { nameLatin: 'New Person', passportNumber: 'ZZ999' }] as never }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const full = (await coordinator.get(`/api/v1/mobilities/${m.id}`)).json();
    expect(full.members.map((x: { passportNumber: string }) => x.passportNumber)).toEqual([
      'AB1234567',
      'E12345678',
      '',
    ]);
  });

  it('answers 404 for mobilities of another organization and refuses its partners', async () => {
    const m = await create(coordinator, inbound());
    const other = (await signedInAs(t, 'coordinator')).client;
    expect((await other.get(`/api/v1/mobilities/${m.id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/v1/mobilities/${m.id}`, { version: 1, data: outbound() })).statusCode).toBe(
      404,
    );
    expect((await move(other, m.id, { version: 1, to: 'approved' })).statusCode).toBe(404);
    expect(
      (await other.patch(`/api/v1/mobilities/${m.id}/checklist/${m.checklist[0].id}`, { done: true }))
        .statusCode,
    ).toBe(404);
    expect(
      (await other.put(`/api/v1/mobilities/${m.id}/report`, { version: 1, summary: 'x' })).statusCode,
    ).toBe(404);
    expect((await other.get(`/api/v1/mobilities/${m.id}/invitation-letter.pdf`)).statusCode).toBe(404);
    const foreign = await other.post('/api/v1/mobilities', inbound({ agreementId: null }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.issues).toEqual([
      { path: ['home', 'partnerId'], message: 'unknown_partner' },
    ]);
    expect((await other.get('/api/v1/mobilities')).json().total).toBe(0);
  });
});

describe('mobilities: list and counts', () => {
  it('filters by direction, category, stage, year, partner and project, and counts for evaluation', async () => {
    const s = await signedInAs(t, 'coordinator');
    const c = s.client;
    const pk = (await c.post('/api/v1/partners', buildPartner({ country: 'PK' }))).json().id;
    const za = (await c.post('/api/v1/partners', buildPartner({ country: 'ZA' }))).json().id;
    const projectId = newId();
    await t.deps.db
      .insertInto('projects')
      .values({
        id: projectId,
        organizationId: s.orgId,
        parentId: null,
        code: 'P-1',
        type: 'exchange_delegation',
        baseLocation: null,
        titleJson: JSON.stringify({ en: 'Exchanges 2026' }),
        titleSort: 'exchanges 2026',
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
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        createdBy: null,
        updatedBy: null,
        version: 1,
      } as never)
      .execute();
    const a = await create(
      c,
      inbound({ home: { isOwn: false, partnerId: pk }, agreementId: null, projectId }),
    );
    await create(
      c,
      outbound({
        host: { isOwn: false, partnerId: za },
        plannedStartOn: '2025-10-01',
        plannedEndOn: '2025-10-20',
      }),
    );
    await create(c, outbound({ host: { isOwn: false, partnerId: za }, category: 'student' }));
    await move(c, a.id, { version: 1, to: 'approved' });
    const titles = async (qs: string) =>
      (await c.get(`/api/v1/mobilities?${qs}`)).json().data.map((m: { category: string }) => m.category);
    expect(await titles('direction=inbound')).toEqual(['official_delegation']);
    expect(await titles('direction=outbound&sort=startOn')).toEqual(['teacher', 'student']);
    expect(await titles('year=2025')).toEqual(['teacher']);
    expect(await titles('stage=approved')).toEqual(['official_delegation']);
    expect(await titles(`partnerId=${za}&category=student`)).toEqual(['student']);
    expect(await titles(`projectId=${projectId}`)).toEqual(['official_delegation']);
    expect(await titles('q=amir')).toEqual(['official_delegation']);
    const list = (await c.get('/api/v1/mobilities?pageSize=2')).json();
    expect(list).toMatchObject({ total: 3, pageSize: 2 });
    expect(list.data[0]).toMatchObject({
      memberCount: expect.any(Number),
      checklistTotal: expect.any(Number),
    });

    const counts = (await c.get('/api/v1/mobilities/counts')).json();
    expect(counts).toMatchObject({
      total: 3,
      people: 4,
      byDirection: { inbound: 1, outbound: 2 },
      byCategory: { official_delegation: 1, teacher: 1, student: 1, staff: 0, expert: 0 },
      byStage: { proposed: 2, approved: 1, cancelled: 0 },
      byCountry: [
        { country: 'ZA', mobilities: 2, people: 2 },
        { country: 'PK', mobilities: 1, people: 2 },
      ],
    });
    expect((await c.get('/api/v1/mobilities/counts?year=2026&direction=outbound')).json()).toMatchObject({
      total: 1,
      byCountry: [{ country: 'ZA', mobilities: 1, people: 1 }],
    });
  });
});

describe('mobilities: invitation letter', () => {
  it('renders a bilingual PDF with the invitees in native script and Latin letters (inbound only)', async () => {
    const m = await create(coordinator, inbound());
    const res = await coordinator.get(`/api/v1/mobilities/${m.id}/invitation-letter.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('invitation-letter-2026-03-01.pdf');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(600_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-'));
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, bytes);
    let text: string;
    try {
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    } catch (err) {
      if (process.env.CI) {
        throw err;
      }
      return; // poppler-utils missing on this machine
    }
    for (const expected of [
      'LETTER OF INVITATION',
      'Test College',
      '王芳',
      'Wang Fang',
      'Muhammad Amir',
      'AB1234567',
      'NAVTTC',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/邀\s*请\s*函/);
    expect(text).toContain('2026年3月1日');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansHans/);
    expect(fonts).toMatch(/NotoNaskhArabic/);
    fs.rmSync(dir, { recursive: true, force: true });

    const out = await create(coordinator, outbound());
    const refused = await coordinator.get(`/api/v1/mobilities/${out.id}/invitation-letter.pdf`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { problem: 'not_inbound' },
    });
  });
});
