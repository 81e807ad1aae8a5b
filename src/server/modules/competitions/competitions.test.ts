import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import { buildCompetition, buildSkill } from './test-builders.js';

let t: TestApp;
let coordinator: Client;
let admin: Client;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
  admin = (await signedInAs(t, 'admin', orgId)).client;
});
afterAll(async () => {
  await t.close();
});

async function create(client: Client, body: unknown = buildCompetition()) {
  const res = await client.post('/api/v1/competitions', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const issuesOf = (res: {
  json: () => { error: { details: { issues: { path: string[]; message: string }[] } } };
}) => Object.fromEntries(res.json().error.details.issues.map((i) => [i.path.join('.'), i.message]));

async function auditOf(entityType: string, entityId: string) {
  const res = await admin.get(`/api/v1/audit?entityType=${entityType}&entityId=${entityId}`);
  expect(res.statusCode).toBe(200);
  return res.json().data as { action: string; reason: string | null; before: unknown; after: unknown }[];
}

describe('competitions: create, read, update, cancel', () => {
  it('creates a competition with default rule settings, lists and audits it', async () => {
    const partner = (await coordinator.post('/api/v1/partners', buildPartner({ country: 'CN' }))).json();
    const c = await create(coordinator, { ...buildCompetition({ hostPartnerId: partner.id }) });
    expect(c).toMatchObject({
      status: 'planning',
      version: 1,
      hostPartner: { id: partner.id },
      settings: {
        scale: { method: 'median_mad', centre: 700, pointsPerSpread: 30 },
        medallionThreshold: 700,
      },
      registrationOpen: false,
      abilities: { update: true, viewSensitive: true },
      days: [],
    });
    const list = (await coordinator.get(`/api/v1/competitions?q=${encodeURIComponent(c.slug)}`)).json();
    expect(list.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(list.data[0]).toMatchObject({ skillCount: 0, memberCount: 0 });
    const entries = await auditOf('competition', c.id);
    expect(entries[0]).toMatchObject({ action: 'create' });
  });

  it('filters, sorts and paginates the list', async () => {
    await create(
      coordinator,
      buildCompetition({
        city: 'Zhuhai',
        startsOn: '2027-01-10',
        endsOn: '2027-01-12',
        registrationOpensOn: null,
        registrationClosesOn: null,
      }),
    );
    await create(
      coordinator,
      buildCompetition({
        city: 'Zhuhai',
        startsOn: '2027-02-10',
        endsOn: '2027-02-12',
        registrationOpensOn: null,
        registrationClosesOn: null,
      }),
    );
    const page = (
      await coordinator.get('/api/v1/competitions?q=zhuhai&sort=startsOn&pageSize=1&page=2')
    ).json();
    expect(page.total).toBe(2);
    expect(page.data).toHaveLength(1);
    expect(page.data[0].startsOn).toBe('2027-02-10');
    const running = (await coordinator.get('/api/v1/competitions?status=running')).json();
    expect(running.data).toEqual([]);
    expect((await coordinator.get('/api/v1/competitions?sort=bogus')).statusCode).toBe(400);
  });

  it('answers validation errors field by field', async () => {
    const res = await coordinator.post('/api/v1/competitions', {
      ...buildCompetition(),
      names: { fr: 'Sans anglais' },
      slug: 'Not A Slug',
      country: 'China',
      startsOn: '2026-05-12',
      endsOn: '2026-05-01',
      settings: { scale: { pointsPerSpread: 0 } },
    });
    expect(res.statusCode).toBe(400);
    const byPath = issuesOf(res);
    expect(byPath['body.names']).toBe('english_name_required');
    expect(byPath['body.slug']).toBe('competition_slug_format');
    expect(byPath['body.country']).toBe('country_code');
    expect(byPath['body.settings.scale.pointsPerSpread']).toBe('settings_positive');
    const dates = await coordinator.post('/api/v1/competitions', buildCompetition({ endsOn: '2026-05-01' }));
    expect(issuesOf(dates)['body.endsOn']).toBe('end_before_start');
    const window = await coordinator.post(
      '/api/v1/competitions',
      buildCompetition({ registrationOpensOn: '2026-04-01', registrationClosesOn: '2026-03-01' }),
    );
    expect(issuesOf(window)['body.registrationClosesOn']).toBe('registration_closes_before_opens');
    const half = await coordinator.post(
      '/api/v1/competitions',
      buildCompetition({ registrationClosesOn: null }),
    );
    expect(issuesOf(half)['body.registrationClosesOn']).toBe('registration_window_incomplete');
    const late = await coordinator.post(
      '/api/v1/competitions',
      buildCompetition({ registrationClosesOn: '2026-06-01' }),
    );
    expect(issuesOf(late)['body.registrationClosesOn']).toBe('registration_closes_after_end');
  });

  it('keeps slugs unique per college, not across colleges', async () => {
    const c = await create(coordinator);
    const again = await coordinator.post('/api/v1/competitions', buildCompetition({ slug: c.slug }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(issuesOf(again).slug).toBe('competition_slug_taken');
    const other = await signedInAs(t, 'coordinator');
    await create(other.client, buildCompetition({ slug: c.slug }));
  });

  it('updates with the current version, 409 on a stale one; settings and cancel are audited', async () => {
    const c = await create(coordinator);
    const { settings: _s, ...data } = { ...buildCompetition({ slug: c.slug }), settings: null };
    const ok = await coordinator.put(`/api/v1/competitions/${c.id}`, {
      version: 1,
      data: { ...data, status: 'registration', venue: 'Hall B' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, venue: 'Hall B', registrationOpen: true });
    const stale = await coordinator.put(`/api/v1/competitions/${c.id}`, { version: 1, data });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    const settings = await coordinator.put(`/api/v1/competitions/${c.id}/settings`, {
      version: 2,
      settings: { scale: { method: 'mean_sd', pointsPerSpread: 20 }, medallionThreshold: 710 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json().settings).toMatchObject({
      scale: { method: 'mean_sd', pointsPerSpread: 20, centre: 700, sd: 'population' },
      medallionThreshold: 710,
      tieTolerance: 0,
      awardScoreBasis: 'points',
    });
    const badSettings = await coordinator.put(`/api/v1/competitions/${c.id}/settings`, {
      version: 3,
      settings: { scale: { method: 'geometric' } },
    });
    expect(badSettings.statusCode).toBe(400);

    const noReason = await coordinator.post(`/api/v1/competitions/${c.id}/cancel`, {
      version: 3,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await coordinator.post(`/api/v1/competitions/${c.id}/cancel`, {
      version: 3,
      reason: 'Venue unavailable',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', abilities: { update: false } });
    const afterCancel = await coordinator.put(`/api/v1/competitions/${c.id}`, { version: 4, data });
    expect(afterCancel.statusCode).toBe(409);
    expect(afterCancel.json().error.details.reason).toBe('competition_cancelled');
    const status = await coordinator.put(`/api/v1/competitions/${c.id}`, {
      version: 4,
      data: { ...data, status: 'cancelled' },
    });
    expect(issuesOf(status)['body.data.status']).toBe('cancel_with_reason');

    const log = await auditOf('competition', c.id);
    expect(log.map((e) => e.action).sort()).toEqual(['create', 'update', 'update', 'update']);
    expect(log.find((e) => e.reason === 'Venue unavailable')).toMatchObject({
      before: { status: 'registration' },
      after: { status: 'cancelled' },
    });
    expect(log.some((e) => JSON.stringify(e.after).includes('"medallionThreshold":710'))).toBe(true);
  });

  it('forbids writes without CompetitionManage and hides other colleges (404)', async () => {
    const c = await create(coordinator);
    const expert = (await signedInAs(t, 'expert', orgId)).client;
    expect((await expert.get(`/api/v1/competitions/${c.id}`)).statusCode).toBe(200);
    expect((await expert.get(`/api/v1/competitions/${c.id}`)).json().abilities).toMatchObject({
      update: false,
      viewSensitive: false,
    });
    expect((await expert.post('/api/v1/competitions', buildCompetition())).statusCode).toBe(403);
    expect((await expert.post(`/api/v1/competitions/${c.id}/skills`, buildSkill())).statusCode).toBe(403);
    const participant = (await signedInAs(t, 'participant', orgId)).client;
    expect((await participant.get('/api/v1/competitions')).statusCode).toBe(403);

    const other = await signedInAs(t, 'admin');
    expect((await other.client.get(`/api/v1/competitions/${c.id}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/competitions/${c.id}/skills`)).statusCode).toBe(404);
    const put = await other.client.put(`/api/v1/competitions/${c.id}`, {
      version: 1,
      data: buildCompetition(),
    });
    expect(put.statusCode).toBe(404);
    const list = (await other.client.get('/api/v1/competitions')).json();
    expect(list.data.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });
});

describe('skills, members, days and workshops', () => {
  it('creates skills with unique numbers, validates team sizes and audits', async () => {
    const c = await create(coordinator);
    const res = await coordinator.post(`/api/v1/competitions/${c.id}/skills`, buildSkill());
    expect(res.statusCode, res.body).toBe(201);
    const skill = res.json();
    expect(skill).toMatchObject({
      number: '17',
      numJudges: 3,
      maxJudgeSpread: 1,
      resultsState: 'open',
      entryCount: 0,
    });
    const dup = await coordinator.post(`/api/v1/competitions/${c.id}/skills`, buildSkill());
    expect(dup.statusCode).toBe(409);
    expect(issuesOf(dup).number).toBe('skill_number_taken');
    // Same number in another competition is fine.
    const c2 = await create(coordinator);
    expect((await coordinator.post(`/api/v1/competitions/${c2.id}/skills`, buildSkill())).statusCode).toBe(
      201,
    );

    const bad = await coordinator.post(`/api/v1/competitions/${c.id}/skills`, {
      ...buildSkill({ number: '04', teamBased: true, teamSize: 1 }),
      numJudges: 7,
      maxJudgeSpread: 4,
      skillType: 'olympic',
    });
    expect(bad.statusCode).toBe(400);
    const byPath = issuesOf(bad);
    expect(byPath['body.numJudges']).toBeDefined();
    expect(byPath['body.maxJudgeSpread']).toBeDefined();
    expect(byPath['body.skillType']).toBeDefined();
    const team = await coordinator.post(
      `/api/v1/competitions/${c.id}/skills`,
      buildSkill({ number: '04', teamBased: true, teamSize: 1 }),
    );
    expect(issuesOf(team)['body.teamSize']).toBe('team_size_too_small');
    const individual = await coordinator.post(
      `/api/v1/competitions/${c.id}/skills`,
      buildSkill({ number: '04', teamSize: 2 }),
    );
    expect(issuesOf(individual)['body.teamSize']).toBe('team_size_individual');

    const updated = await coordinator.put(`/api/v1/competitions/skills/${skill.id}`, {
      version: 1,
      data: buildSkill({ allowCompatriotMarking: true, numJudges: 5, skillType: 'demonstration' }),
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, allowCompatriotMarking: true, numJudges: 5 });
    const stale = await coordinator.put(`/api/v1/competitions/skills/${skill.id}`, {
      version: 1,
      data: buildSkill(),
    });
    expect(stale.statusCode).toBe(409);

    const list = (await coordinator.get(`/api/v1/competitions/${c.id}/skills`)).json();
    expect(list.data.map((s: { number: string }) => s.number)).toEqual(['17']);
    const detail = (await coordinator.get(`/api/v1/competitions/skills/${skill.id}`)).json();
    expect(detail).toMatchObject({
      skill: { id: skill.id },
      competition: { id: c.id },
      entries: [],
      experts: [],
    });
    expect((await auditOf('competition_skill', skill.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
    const del = await coordinator.delete(`/api/v1/competitions/skills/${skill.id}?version=2`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await coordinator.get(`/api/v1/competitions/skills/${skill.id}`)).statusCode).toBe(404);
  });

  it('creates members with unique codes, manages registrars (partner users only)', async () => {
    const c = await create(coordinator);
    const partner = (await coordinator.post('/api/v1/partners', buildPartner({ country: 'AT' }))).json();
    const res = await coordinator.post(`/api/v1/competitions/${c.id}/members`, {
      code: 'at',
      names: { en: 'Austria', 'zh-CN': '奥地利' },
      kind: 'country',
      country: 'AT',
      partnerId: partner.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const member = res.json();
    expect(member).toMatchObject({ code: 'AT', partner: { id: partner.id }, registrars: [] });
    const dup = await coordinator.post(`/api/v1/competitions/${c.id}/members`, {
      code: 'AT',
      names: { en: 'Austria again' },
      country: 'AT',
    });
    expect(dup.statusCode).toBe(409);
    expect(issuesOf(dup).code).toBe('member_code_taken');
    const bad = await coordinator.post(`/api/v1/competitions/${c.id}/members`, {
      code: '!!',
      names: { en: 'X' },
      country: 'xx',
      kind: 'planet',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(issuesOf(bad)).sort()).toEqual(['body.code', 'body.country', 'body.kind']);

    const registrar = await signedInAs(t, 'partner', orgId);
    const trainer = await signedInAs(t, 'trainer', orgId);
    const notPartner = await coordinator.post(`/api/v1/competitions/members/${member.id}/registrars`, {
      userId: trainer.userId,
    });
    expect(issuesOf(notPartner).userId).toBe('registrar_not_partner');
    const foreign = await signedInAs(t, 'partner');
    const unknown = await coordinator.post(`/api/v1/competitions/members/${member.id}/registrars`, {
      userId: foreign.userId,
    });
    expect(issuesOf(unknown).userId).toBe('unknown_user');
    const added = await coordinator.post(`/api/v1/competitions/members/${member.id}/registrars`, {
      userId: registrar.userId,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().registrars).toEqual([
      expect.objectContaining({ userId: registrar.userId, email: registrar.email }),
    ]);
    const twice = await coordinator.post(`/api/v1/competitions/members/${member.id}/registrars`, {
      userId: registrar.userId,
    });
    expect(twice.statusCode).toBe(409);
    const removed = await coordinator.delete(
      `/api/v1/competitions/members/${member.id}/registrars/${registrar.userId}`,
    );
    expect(removed.json().registrars).toEqual([]);
    const log = await admin.get('/api/v1/audit?entityType=competition_member_registrar');
    expect(log.json().data.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'delete']),
    );

    const updated = await coordinator.put(`/api/v1/competitions/members/${member.id}`, {
      version: 1,
      data: { code: 'AUT', names: { en: 'Austria' }, kind: 'country', country: 'AT', partnerId: null },
    });
    expect(updated.json()).toMatchObject({ code: 'AUT', partner: null, version: 2 });
    const stale = await coordinator.put(`/api/v1/competitions/members/${member.id}`, {
      version: 1,
      data: { code: 'AT', names: { en: 'Austria' }, country: 'AT' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('saves competition days as a whole with code and date rules', async () => {
    const c = await create(coordinator);
    const res = await coordinator.put(`/api/v1/competitions/${c.id}/days`, {
      version: 1,
      days: [
        { code: 'C-2', date: '2026-05-10', label: 'Familiarisation' },
        { code: 'C-1', date: '2026-05-11' },
        { code: 'C1', date: '2026-05-12' },
        { code: 'C2', date: '2026-05-13' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days.map((d: { code: string }) => d.code)).toEqual(['C-2', 'C-1', 'C1', 'C2']);
    expect(res.json().version).toBe(2);
    const bad = await coordinator.put(`/api/v1/competitions/${c.id}/days`, {
      version: 2,
      days: [
        { code: 'C1', date: '2026-05-09' },
        { code: 'C1', date: '2026-05-12' },
        { code: 'C3', date: '2026-05-20' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)).toEqual({
      'days.0.date': 'day_before_competition',
      'days.1.code': 'day_code_duplicate',
      'days.2.date': 'day_after_competition',
    });
    const format = await coordinator.put(`/api/v1/competitions/${c.id}/days`, {
      version: 2,
      days: [{ code: 'Day 1', date: '2026-05-12' }],
    });
    expect(issuesOf(format)['body.days.0.code']).toBe('day_code_format');
    const stale = await coordinator.put(`/api/v1/competitions/${c.id}/days`, { version: 1, days: [] });
    expect(stale.statusCode).toBe(409);
  });

  it('creates, edits and deletes workshops of a skill', async () => {
    const c = await create(coordinator);
    const other = await create(coordinator);
    const skill = (await coordinator.post(`/api/v1/competitions/${c.id}/skills`, buildSkill())).json();
    const foreignSkill = (
      await coordinator.post(`/api/v1/competitions/${other.id}/skills`, buildSkill())
    ).json();
    const wrong = await coordinator.post(`/api/v1/competitions/${c.id}/workshops`, {
      name: 'Hall A',
      skillId: foreignSkill.id,
    });
    expect(issuesOf(wrong).skillId).toBe('competition_unknown_skill');
    const w = await coordinator.post(`/api/v1/competitions/${c.id}/workshops`, {
      name: 'Hall A — Web Technologies',
      skillId: skill.id,
      location: 'Building 2, floor 3',
      workstations: 12,
    });
    expect(w.statusCode, w.body).toBe(201);
    const edited = await coordinator.put(`/api/v1/competitions/workshops/${w.json().id}`, {
      version: 1,
      data: { name: 'Hall A', skillId: skill.id, workstations: 14 },
    });
    expect(edited.json()).toMatchObject({ workstations: 14, version: 2 });
    expect((await coordinator.get(`/api/v1/competitions/skills/${skill.id}`)).json().workshops).toHaveLength(
      1,
    );
    expect(
      (await coordinator.delete(`/api/v1/competitions/workshops/${w.json().id}?version=1`)).statusCode,
    ).toBe(409);
    expect(
      (await coordinator.delete(`/api/v1/competitions/workshops/${w.json().id}?version=2`)).statusCode,
    ).toBe(200);
    expect((await coordinator.get(`/api/v1/competitions/${c.id}/workshops`)).json().data).toEqual([]);
    expect((await auditOf('competition_workshop', w.json().id)).map((e) => e.action).sort()).toEqual([
      'create',
      'delete',
      'update',
    ]);
  });
});
