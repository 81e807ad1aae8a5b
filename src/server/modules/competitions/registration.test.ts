import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCompetitorInput } from '../../../contracts/competitions.js';
import { type Client, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import { buildCompetition, buildSkill } from './test-builders.js';

// The registration portal: registrars of a member register competitors, teams and experts while
// registration is open (the test clock's today in Asia/Shanghai is 2026-03-15), within the rules,
// and never see or touch another member's data.

let t: TestApp;
let coordinator: Client;
let admin: Client;
let orgId: string;
let austria: Client;
let ireland: Client;
let competitionId: string;
let version: number;
let individualSkill: { id: string };
let teamSkill: { id: string };
let atId: string;
let ieId: string;

function competitor(firstName: string, lastName: string, extra: Partial<TCompetitorInput> = {}) {
  return {
    firstName,
    lastName,
    nameNative: '',
    gender: 'female',
    birthDate: '2004-06-01',
    email: `${firstName.toLowerCase()}@example.at`,
    participantId: null,
    ...extra,
  };
}

async function setStatus(status: string, window?: { opens: string; closes: string }) {
  const current = (await coordinator.get(`/api/v1/competitions/${competitionId}`)).json();
  const res = await coordinator.put(`/api/v1/competitions/${competitionId}`, {
    version: current.version,
    data: {
      ...buildCompetition({ slug: current.slug }),
      status,
      registrationOpensOn: window?.opens ?? '2026-03-01',
      registrationClosesOn: window?.closes ?? '2026-04-15',
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  version = res.json().version;
}

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
  admin = (await signedInAs(t, 'admin', orgId)).client;
  const c = (
    await coordinator.post('/api/v1/competitions', { ...buildCompetition(), status: 'registration' })
  ).json();
  competitionId = c.id;
  version = c.version;
  individualSkill = (
    await coordinator.post(`/api/v1/competitions/${c.id}/skills`, buildSkill({ maxEntriesPerMember: 2 }))
  ).json();
  teamSkill = (
    await coordinator.post(
      `/api/v1/competitions/${c.id}/skills`,
      buildSkill({ number: '04', names: { en: 'Mechatronics' }, teamBased: true, teamSize: 2 }),
    )
  ).json();
  const member = async (code: string, country: string) =>
    (
      await coordinator.post(`/api/v1/competitions/${c.id}/members`, {
        code,
        names: { en: code },
        country,
      })
    ).json().id as string;
  atId = await member('AT', 'AT');
  ieId = await member('IE', 'IE');
  await member('KH', 'KH');
  const at = await signedInAs(t, 'partner', orgId);
  const ie = await signedInAs(t, 'partner', orgId);
  austria = at.client;
  ireland = ie.client;
  await coordinator.post(`/api/v1/competitions/members/${atId}/registrars`, { userId: at.userId });
  await coordinator.post(`/api/v1/competitions/members/${ieId}/registrars`, { userId: ie.userId });
});
afterAll(async () => {
  await t.close();
});

describe('registration portal', () => {
  it('shows a registrar only their competitions and their own member', async () => {
    const hidden = (await coordinator.post('/api/v1/competitions', buildCompetition())).json();
    const list = (await austria.get('/api/v1/competitions')).json();
    expect(list.data.map((x: { id: string }) => x.id)).toEqual([competitionId]);
    expect((await austria.get(`/api/v1/competitions/${hidden.id}`)).statusCode).toBe(404);
    const detail = (await austria.get(`/api/v1/competitions/${competitionId}`)).json();
    expect(detail).toMatchObject({
      myMemberIds: [atId],
      registrationOpen: true,
      abilities: { update: false, register: true, viewSensitive: false },
    });
    const members = (await austria.get(`/api/v1/competitions/${competitionId}/members`)).json();
    expect(members.data.map((m: { code: string }) => m.code)).toEqual(['AT']);
    // A partner user registrar of nothing sees no competition at all.
    const stranger = (await signedInAs(t, 'partner', orgId)).client;
    expect((await stranger.get('/api/v1/competitions')).json().data).toEqual([]);
    expect((await stranger.get(`/api/v1/competitions/${competitionId}`)).statusCode).toBe(404);
  });

  it('registers a competitor, hides sensitive fields from the registrar, audits', async () => {
    const res = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('Anna', 'Gruber', { nameNative: '' })],
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      status: 'registered',
      displayName: 'Anna Gruber',
      member: { code: 'AT' },
      sensitiveHidden: true,
      competitors: [{ firstName: 'Anna', gender: null, birthDate: null, email: null }],
    });
    const seen = (await coordinator.get(`/api/v1/competitions/entries/${entry.id}`)).json();
    expect(seen.competitors[0]).toMatchObject({
      gender: 'female',
      birthDate: '2004-06-01',
      email: 'anna@example.at',
    });
    const expert = (await signedInAs(t, 'expert', orgId)).client;
    const asExpert = (
      await expert.get(`/api/v1/competitions/${competitionId}/entries?memberId=${atId}`)
    ).json();
    expect(asExpert.data[0].competitors[0]).toMatchObject({
      firstName: 'Anna',
      birthDate: null,
      email: null,
    });
    const log = (await admin.get(`/api/v1/audit?entityType=competition_entry&entityId=${entry.id}`)).json()
      .data;
    expect(log[0]).toMatchObject({ action: 'create' });

    // A registrar's edit keeps the sensitive fields they cannot see.
    const edited = await austria.put(`/api/v1/competitions/entries/${entry.id}`, {
      version: 1,
      data: {
        displayName: '',
        bench: '',
        competitors: [
          { ...competitor('Anna', 'Gruber-Huber'), id: entry.competitors[0].id, birthDate: null, email: '' },
        ],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = (await coordinator.get(`/api/v1/competitions/entries/${entry.id}`)).json();
    expect(after.competitors[0]).toMatchObject({
      id: entry.competitors[0].id,
      lastName: 'Gruber-Huber',
      birthDate: '2004-06-01',
      email: 'anna@example.at',
    });
    const stale = await austria.put(`/api/v1/competitions/entries/${entry.id}`, {
      version: 1,
      data: { displayName: '', bench: '', competitors: [competitor('Anna', 'Gruber')] },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses duplicates, wrong team sizes and entries beyond the limit with specific reasons', async () => {
    const dup = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('anna', 'GRUBER-HUBER')],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toMatchObject({
      reason: 'duplicate_competitor',
      issues: [{ path: ['competitors', 0, 'lastName'], message: 'duplicate_competitor' }],
    });
    const second = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('Lukas', 'Steiner')],
    });
    expect(second.statusCode, second.body).toBe(201);
    const third = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('Jonas', 'Berger')],
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.details).toMatchObject({ reason: 'skill_entry_limit_reached', max: 2 });

    const solo = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: teamSkill.id,
      memberId: atId,
      competitors: [competitor('Felix', 'Bauer')],
    });
    expect(solo.statusCode).toBe(400);
    expect(solo.json().error.details).toMatchObject({ reason: 'team_size_mismatch', expected: 2 });
    const team = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: teamSkill.id,
      memberId: atId,
      competitors: [competitor('Felix', 'Bauer'), competitor('Paul', 'Wagner')],
    });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json()).toMatchObject({ displayName: 'Team AT', competitors: [{}, {}] });
    const twiceInTeam = await ireland.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: teamSkill.id,
      memberId: ieId,
      competitors: [competitor('Sean', 'Byrne'), competitor('Sean', 'Byrne')],
    });
    expect(twiceInTeam.json().error.details.reason).toBe('duplicate_competitor');
    const bad = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [{ firstName: '', lastName: 'X', email: 'not-mail', gender: 'x', birthDate: '1.2.2003' }],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.competitors.0.firstName',
        'body.competitors.0.email',
        'body.competitors.0.gender',
        'body.competitors.0.birthDate',
      ]),
    );
  });

  it("never shows or writes another member's data (404)", async () => {
    const irish = await ireland.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: ieId,
      competitors: [competitor('Aoife', 'Murphy')],
    });
    expect(irish.statusCode, irish.body).toBe(201);
    const id = irish.json().id;
    expect((await austria.get(`/api/v1/competitions/entries/${id}`)).statusCode).toBe(404);
    const put = await austria.put(`/api/v1/competitions/entries/${id}`, {
      version: 1,
      data: { displayName: '', bench: '', competitors: [competitor('Aoife', 'Murphy')] },
    });
    expect(put.statusCode).toBe(404);
    const withdraw = await austria.post(`/api/v1/competitions/entries/${id}/status`, {
      version: 1,
      status: 'withdrawn',
      reason: 'Not ours',
    });
    expect(withdraw.statusCode).toBe(404);
    const forIreland = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: ieId,
      competitors: [competitor('Ciara', 'Kelly')],
    });
    expect(forIreland.statusCode).toBe(404);
    const list = (await austria.get(`/api/v1/competitions/${competitionId}/entries?pageSize=100`)).json();
    expect(list.data.every((e: { member: { code: string } }) => e.member.code === 'AT')).toBe(true);
    const filtered = (
      await austria.get(`/api/v1/competitions/${competitionId}/entries?memberId=${ieId}`)
    ).json();
    expect(filtered.data).toEqual([]);
    const skill = (await austria.get(`/api/v1/competitions/skills/${individualSkill.id}`)).json();
    expect(skill.entries.map((e: { member: { code: string } }) => e.member.code)).not.toContain('IE');
    expect(skill.skill.entryCount).toBe(2);
    const skills = (await austria.get(`/api/v1/competitions/${competitionId}/skills`)).json();
    expect(skills.data.find((s: { id: string }) => s.id === individualSkill.id).entryCount).toBe(2);
    const everything = (await coordinator.get(`/api/v1/competitions/skills/${individualSkill.id}`)).json();
    expect(everything.skill.entryCount).toBe(3);
  });

  it('lets only organizers confirm; registrars withdraw and cannot edit confirmed entries', async () => {
    const e = (
      await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
        skillId: teamSkill.id,
        memberId: atId,
        competitors: [competitor('Maria', 'Hofer'), competitor('Eva', 'Moser')],
      })
    ).json();
    expect(e.error?.details?.reason).toBe('skill_entry_limit_reached');
    const list = (
      await austria.get(`/api/v1/competitions/${competitionId}/entries?skillId=${teamSkill.id}`)
    ).json();
    const team = list.data[0];
    const confirm = await austria.post(`/api/v1/competitions/entries/${team.id}/status`, {
      version: team.version,
      status: 'confirmed',
    });
    expect(confirm.statusCode).toBe(403);
    const byCoordinator = await coordinator.post(`/api/v1/competitions/entries/${team.id}/status`, {
      version: team.version,
      status: 'confirmed',
    });
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(200);
    expect(byCoordinator.json().status).toBe('confirmed');
    const edit = await austria.put(`/api/v1/competitions/entries/${team.id}`, {
      version: byCoordinator.json().version,
      data: {
        displayName: 'Team Austria',
        bench: '',
        competitors: team.competitors.map((c: { id: string; firstName: string; lastName: string }) => ({
          id: c.id,
          firstName: c.firstName,
          lastName: c.lastName,
        })),
      },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details.reason).toBe('entry_confirmed');
    const noReason = await austria.post(`/api/v1/competitions/entries/${team.id}/status`, {
      version: byCoordinator.json().version,
      status: 'withdrawn',
    });
    expect(noReason.statusCode).toBe(400);
    const withdrawn = await austria.post(`/api/v1/competitions/entries/${team.id}/status`, {
      version: byCoordinator.json().version,
      status: 'withdrawn',
      reason: 'Competitor injured',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', statusReason: 'Competitor injured' });
    const log = (await admin.get(`/api/v1/audit?entityType=competition_entry&entityId=${team.id}`)).json()
      .data;
    expect(log.find((x: { reason: string | null }) => x.reason === 'Competitor injured')).toMatchObject({
      before: { status: 'confirmed' },
      after: { status: 'withdrawn' },
    });
    // A withdrawn entry frees the place.
    const again = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: teamSkill.id,
      memberId: atId,
      competitors: [competitor('Maria', 'Hofer'), competitor('Eva', 'Moser')],
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('registers experts: own member only, one chief expert per skill, nobody twice', async () => {
    const expert = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: atId,
      firstName: 'Katharina',
      lastName: 'Huber',
      email: 'k.huber@htl.example.at',
      role: 'chief_expert',
      userId: 'ignored-for-registrars',
    });
    expect(expert.statusCode, expert.body).toBe(201);
    expect(expert.json()).toMatchObject({
      role: 'expert',
      status: 'registered',
      user: null,
      member: { code: 'AT' },
    });
    const twice = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: atId,
      firstName: 'katharina',
      lastName: 'HUBER',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('expert_already_registered');
    const foreign = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: ieId,
      firstName: 'Niamh',
      lastName: 'Walsh',
    });
    expect(foreign.statusCode).toBe(404);
    const independent = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: null,
      firstName: 'Niamh',
      lastName: 'Walsh',
    });
    expect(independent.statusCode).toBe(400);

    const chiefUser = await signedInAs(t, 'chief_expert', orgId);
    const chief = await coordinator.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: null,
      userId: chiefUser.userId,
      firstName: 'Wei',
      lastName: 'Zhang',
      role: 'chief_expert',
      status: 'confirmed',
    });
    expect(chief.statusCode, chief.body).toBe(201);
    expect(chief.json()).toMatchObject({ user: { id: chiefUser.userId }, member: null });
    const secondChief = await coordinator.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: ieId,
      firstName: 'Sean',
      lastName: 'Doyle',
      role: 'chief_expert',
    });
    expect(secondChief.statusCode).toBe(409);
    expect(secondChief.json().error.details).toMatchObject({
      reason: 'chief_expert_exists',
      issues: [{ path: ['role'], message: 'chief_expert_exists' }],
    });
    const promote = await coordinator.put(`/api/v1/competitions/experts/${expert.json().id}`, {
      version: 1,
      data: { memberId: atId, userId: null, firstName: 'Katharina', lastName: 'Huber', role: 'chief_expert' },
    });
    expect(promote.json().error.details.reason).toBe('chief_expert_exists');
    const foreignUser = await signedInAs(t, 'expert');
    const unknownUser = await coordinator.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: individualSkill.id,
      memberId: ieId,
      userId: foreignUser.userId,
      firstName: 'Sean',
      lastName: 'Doyle',
    });
    expect(unknownUser.json().error.details.issues[0]).toMatchObject({
      path: ['userId'],
      message: 'unknown_user',
    });

    // Another member's registrar never sees Austria's expert.
    const irishView = (await ireland.get(`/api/v1/competitions/${competitionId}/experts`)).json();
    expect(irishView.data).toEqual([]);
    const edit = await ireland.put(`/api/v1/competitions/experts/${expert.json().id}`, {
      version: 1,
      data: { memberId: ieId, userId: null, firstName: 'X', lastName: 'Y' },
    });
    expect(edit.statusCode).toBe(404);
    const everyone = (await coordinator.get(`/api/v1/competitions/${competitionId}/experts`)).json();
    expect(everyone.data.map((x: { lastName: string }) => x.lastName).sort()).toEqual(['Huber', 'Zhang']);
    const log = (await admin.get('/api/v1/audit?entityType=competition_expert')).json().data;
    expect(log.length).toBe(2);
  });

  it('refuses registrations outside the window or status, but lets organizers register', async () => {
    await setStatus('registration', { opens: '2026-03-16', closes: '2026-04-15' });
    const early = await austria.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('Tobias', 'Pichler')],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toMatchObject({
      reason: 'registration_closed',
      opensOn: '2026-03-16',
    });
    const expert = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: teamSkill.id,
      memberId: atId,
      firstName: 'Georg',
      lastName: 'Fuchs',
    });
    expect(expert.json().error.details.reason).toBe('registration_closed');
    // The last day of the window is still open (college time zone).
    await setStatus('registration', { opens: '2026-03-01', closes: '2026-03-15' });
    const lastDay = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: teamSkill.id,
      memberId: atId,
      firstName: 'Georg',
      lastName: 'Fuchs',
    });
    expect(lastDay.statusCode, lastDay.body).toBe(201);
    await setStatus('planning');
    const planning = await austria.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: teamSkill.id,
      memberId: atId,
      firstName: 'Sabine',
      lastName: 'Wolf',
    });
    expect(planning.json().error.details.reason).toBe('registration_closed');
    const organizer = await coordinator.post(`/api/v1/competitions/${competitionId}/experts`, {
      skillId: teamSkill.id,
      memberId: atId,
      firstName: 'Sabine',
      lastName: 'Wolf',
    });
    expect(organizer.statusCode, organizer.body).toBe(201);
    expect(version).toBeGreaterThan(1);
  });

  it('keeps other colleges out (404) and readers without register rights out of writes (403)', async () => {
    const other = await signedInAs(t, 'admin');
    expect((await other.client.get(`/api/v1/competitions/skills/${individualSkill.id}`)).statusCode).toBe(
      404,
    );
    expect((await other.client.get(`/api/v1/competitions/${competitionId}/entries`)).statusCode).toBe(404);
    const post = await other.client.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('Zo', 'Ze')],
    });
    expect(post.statusCode).toBe(404);
    const observer = (await signedInAs(t, 'observer', orgId)).client;
    const write = await observer.post(`/api/v1/competitions/${competitionId}/entries`, {
      skillId: individualSkill.id,
      memberId: atId,
      competitors: [competitor('Zo', 'Ze')],
    });
    expect(write.statusCode).toBe(403);
    expect((await observer.get(`/api/v1/competitions/${competitionId}/entries`)).statusCode).toBe(200);
  });
});
