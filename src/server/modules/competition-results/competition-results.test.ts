import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCompetitionResults, TSkillResults } from '../../../contracts/competition-results.js';
import {
  type Client,
  createMember,
  createOrganization,
  createTestApp,
  signIn,
  type TestApp,
} from '../../test/test-app.js';
import { createParticipant, openDispute, seedSkill, setFormState, WORKED_EXAMPLE } from './test-fixtures.js';

let t: TestApp;
let orgId: string;
let admin: Client;
let chief: Client;
let chiefUserId: string;
let otherChief: Client;
let observer: Client;

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrganization(t.deps);
  const a = await createMember(t.deps, orgId, 'admin');
  admin = await signIn(t.app, a.email);
  const c = await createMember(t.deps, orgId, 'chief_expert');
  chiefUserId = c.userId;
  chief = await signIn(t.app, c.email);
  const oc = await createMember(t.deps, orgId, 'chief_expert');
  otherChief = await signIn(t.app, oc.email);
  const o = await createMember(t.deps, orgId, 'observer');
  observer = await signIn(t.app, o.email);
});

afterAll(async () => {
  await t.close();
});

const base = '/api/v1/competition-results';

async function seedWorked(extra: Partial<Parameters<typeof seedSkill>[2]> = {}) {
  return seedSkill(t.deps, orgId, {
    entrants: WORKED_EXAMPLE,
    experts: [{ userId: chiefUserId, role: 'chief_expert', member: 'AT' }],
    ...extra,
  });
}

async function preview(client: Client, skillId: string): Promise<TSkillResults> {
  const res = await client.get(`${base}/skills/${skillId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('skill results: the §8.1 worked example', () => {
  it('computes raw totals, scale points, positions and medals exactly as by hand', async () => {
    const s = await seedWorked();
    const r = await preview(chief, s.skillId);
    expect(r.source).toBe('live');
    expect(r.rows.map((x) => [x.displayName, x.rawTotal, x.points, x.position, x.medal])).toEqual([
      ['Anna Berger', '88.90', 743, 1, 'gold'],
      ['Brian Kelly', '80.35', 721, 2, 'silver'],
      ['Chenda Sok', '73.10', 702, 3, 'bronze'],
      ['Dara Chan', '71.40', 698, 4, 'none'],
      ['Emil Novak', '64.75', 681, 5, 'none'],
      ['Farah Saleh', '58.20', 664, 6, 'none'],
    ]);
    expect(r.rows[0]?.rawTotalExact).toBe('88.9');
    expect(Number(r.rows[0]?.scaleUnrounded)).toBeCloseTo(743.19, 2);
    expect(r.rows[0]?.member.code).toBe('AT');
    expect(r.scale).toMatchObject({
      method: 'median_mad',
      rawCentre: '72.25',
      rawSpread: '7.8',
      degenerate: false,
    });
    expect(r.completeness).toEqual({ formsLocked: 12, formsTotal: 12 });
    expect(r.signOff).toEqual({ possible: true, blockers: [] });
    expect(r.abilities).toMatchObject({ signOff: true, publish: false, judgeAnalysis: true });
  });

  it('keeps withdrawn entrants out and excluded ones out of the scale population', async () => {
    const s = await seedWorked({
      entrants: [
        ...WORKED_EXAMPLE,
        { name: 'Gone Away', member: 'GB', errors: 0, judge: 3, status: 'withdrawn' },
        { name: 'Ex Cluded', member: 'US', errors: 0, judge: 3, status: 'excluded' },
      ],
    });
    const r = await preview(chief, s.skillId);
    expect(r.rows.map((x) => x.displayName)).not.toContain('Gone Away');
    const excluded = r.rows.find((x) => x.displayName === 'Ex Cluded');
    expect(excluded).toMatchObject({
      excluded: true,
      points: null,
      position: null,
      medal: 'none',
      rawTotal: '100.00',
    });
    // Same points as without them: the population is the six ranked entrants.
    expect(r.rows.filter((x) => !x.excluded).map((x) => x.points)).toEqual([743, 721, 702, 698, 681, 664]);
  });
});

describe('sign-off, publication and their withdrawal', () => {
  it('is blocked by an unlocked form and by an open dispute', async () => {
    const s = await seedWorked();
    await setFormState(t.deps, s.entries[2]?.formIds[1] as string, 'entered');
    let r = await preview(chief, s.skillId);
    expect(r.completeness).toEqual({ formsLocked: 11, formsTotal: 12 });
    expect(r.signOff).toEqual({ possible: false, blockers: ['forms_not_locked'] });
    let res = await chief.post(`${base}/skills/${s.skillId}/sign-off`, { version: r.skill.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { blockers: ['forms_not_locked'] },
    });

    await setFormState(t.deps, s.entries[2]?.formIds[1] as string, 'locked');
    await openDispute(t.deps, orgId, s.skillId, chiefUserId);
    r = await preview(chief, s.skillId);
    expect(r.openDisputes).toBe(1);
    expect(r.signOff.blockers).toEqual(['open_disputes']);
    res = await chief.post(`${base}/skills/${s.skillId}/sign-off`, { version: r.skill.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.blockers).toEqual(['open_disputes']);
  });

  it('reports a scheme that is not locked and a skill without entrants', async () => {
    const draft = await seedWorked({ schemeDraft: true });
    expect((await preview(chief, draft.skillId)).signOff.blockers).toEqual(['scheme_not_locked']);
    const empty = await seedWorked({ entrants: [] });
    expect((await preview(chief, empty.skillId)).signOff.blockers).toEqual(['no_entries']);
  });

  it('signs off (snapshot + audit), publishes (admin only), and withdraws both with reasons', async () => {
    const s = await seedWorked();
    const before = await preview(chief, s.skillId);

    // Only this skill's chief expert signs off.
    expect((await otherChief.post(`${base}/skills/${s.skillId}/sign-off`, { version: 1 })).statusCode).toBe(
      403,
    );
    expect((await observer.post(`${base}/skills/${s.skillId}/sign-off`, { version: 1 })).statusCode).toBe(
      403,
    );
    // Stale version.
    expect((await chief.post(`${base}/skills/${s.skillId}/sign-off`, { version: 99 })).statusCode).toBe(409);

    let res = await chief.post(`${base}/skills/${s.skillId}/sign-off`, { version: before.skill.version });
    expect(res.statusCode, res.body).toBe(200);
    const signed: TSkillResults = res.json();
    expect(signed.skill.resultsState).toBe('signed_off');
    expect(signed.source).toBe('snapshot');
    expect(signed.rows.map((r) => r.points)).toEqual([743, 721, 702, 698, 681, 664]);
    expect(signed.abilities).toMatchObject({ signOff: false, withdrawSignOff: true });
    const stored = await t.deps.db
      .selectFrom('competitionResults')
      .selectAll()
      .where('skillId', '=', s.skillId)
      .orderBy('position')
      .execute();
    expect(stored.map((r) => [r.rawTotalExact, r.rawTotal, r.points, r.position, r.medal])).toEqual([
      ['88.9', '88.90', 743, 1, 'gold'],
      ['80.35', '80.35', 721, 2, 'silver'],
      ['73.1', '73.10', 702, 3, 'bronze'],
      ['71.4', '71.40', 698, 4, 'none'],
      ['64.75', '64.75', 681, 5, 'none'],
      ['58.2', '58.20', 664, 6, 'none'],
    ]);
    expect(Number(stored[0]?.scaleUnrounded)).toBeCloseTo(743.19, 2);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'competition_results')
      .where('entityId', '=', s.skillId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({ resultsState: 'signed_off' });

    // A second sign-off is refused: the results are no longer open.
    res = await chief.post(`${base}/skills/${s.skillId}/sign-off`, { version: signed.skill.version });
    expect(res.statusCode).toBe(409);

    // Publication: admin only.
    res = await chief.post(`${base}/skills/${s.skillId}/publish`, { version: signed.skill.version });
    expect(res.statusCode).toBe(403);
    res = await admin.post(`${base}/skills/${s.skillId}/publish`, { version: signed.skill.version });
    expect(res.statusCode, res.body).toBe(200);
    const published: TSkillResults = res.json();
    expect(published.skill.resultsState).toBe('published');
    expect(published.abilities.unpublish).toBe(true);

    // Published results cannot be reopened by the chief expert until an admin unpublishes them.
    res = await chief.post(`${base}/skills/${s.skillId}/withdraw-sign-off`, {
      version: published.skill.version,
      reason: 'Recount of A1',
    });
    expect(res.statusCode).toBe(409);
    res = await admin.post(`${base}/skills/${s.skillId}/unpublish`, {
      version: published.skill.version,
      reason: '',
    });
    expect(res.statusCode).toBe(400);
    res = await admin.post(`${base}/skills/${s.skillId}/unpublish`, {
      version: published.skill.version,
      reason: 'Recount of A1 requested',
    });
    expect(res.statusCode, res.body).toBe(200);
    const unpublished: TSkillResults = res.json();
    expect(unpublished.skill.resultsState).toBe('signed_off');
    res = await chief.post(`${base}/skills/${s.skillId}/withdraw-sign-off`, {
      version: unpublished.skill.version,
      reason: 'Recount of A1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().skill.resultsState).toBe('open');
    const left = await t.deps.db
      .selectFrom('competitionResults')
      .select('id')
      .where('skillId', '=', s.skillId)
      .execute();
    expect(left).toHaveLength(0);
    const reasons = await t.deps.db
      .selectFrom('auditLog')
      .select('reason')
      .where('entityType', '=', 'competition_results')
      .where('entityId', '=', s.skillId)
      .orderBy('at')
      .execute();
    expect(reasons.map((r) => r.reason)).toEqual([null, null, 'Recount of A1 requested', 'Recount of A1']);
  });
});

async function signOffAndPublish(skillId: string) {
  const r = await preview(chief, skillId);
  let res = await chief.post(`${base}/skills/${skillId}/sign-off`, { version: r.skill.version });
  expect(res.statusCode, res.body).toBe(200);
  res = await admin.post(`${base}/skills/${skillId}/publish`, { version: res.json().skill.version });
  expect(res.statusCode, res.body).toBe(200);
}

describe('ties', () => {
  it('gives equal totals the same position: two golds, no silver, then bronze', async () => {
    const s = await seedWorked({
      entrants: [
        { name: 'Tie One', member: 'AT', errors: 222, judge: 3 },
        { name: 'Tie Two', member: 'IE', errors: 222, judge: 3 },
        { name: 'Third', member: 'KH', errors: 373, judge: 2 },
        { name: 'Fourth', member: 'CN', errors: 518, judge: 2 },
        { name: 'Fifth', member: 'DE', errors: 665, judge: 1 },
        { name: 'Sixth', member: 'FR', errors: 776, judge: 0 },
      ],
    });
    const r = await preview(chief, s.skillId);
    expect(r.rows.map((x) => [x.rawTotal, x.position, x.medal])).toEqual([
      ['88.90', 1, 'gold'],
      ['88.90', 1, 'gold'],
      ['80.35', 3, 'bronze'],
      ['73.10', 4, expect.any(String)],
      ['64.75', 5, 'none'],
      ['58.20', 6, 'none'],
    ]);
    expect(r.rows[0]?.points).toBe(r.rows[1]?.points);
  });

  it('keeps judgement thirds exact and rounds only for display', async () => {
    // 97 − 0.05·100 = 92; judges 1, 1, 2 → 3 × 4/9 = 4/3, so 280/3; judges 1, 1, 1 → 1, so 93.
    const s = await seedWorked({
      entrants: [
        { name: 'Thirds', member: 'AT', errors: 100, judge: 1, scores: [1, 1, 2] },
        { name: 'Whole', member: 'IE', errors: 100, judge: 1, scores: [1, 1, 1] },
        { name: 'Low', member: 'KH', errors: 400, judge: 0 },
      ],
    });
    const r = await preview(chief, s.skillId);
    expect(r.rows.map((x) => [x.displayName, x.rawTotalExact, x.rawTotal])).toEqual([
      ['Thirds', '280/3', '93.33'],
      ['Whole', '93', '93.00'],
      ['Low', '77', '77.00'],
    ]);
  });
});

describe('competition results, awards and the profile', () => {
  it('counts a team once, builds the medal table, Member comparison, Best of Nation and Albert Vidal', async () => {
    const individual = await seedWorked();
    const participantId = await createParticipant(t.deps, orgId, 'Lukas Gruber');
    const team = await seedSkill(t.deps, orgId, {
      competitionId: individual.competitionId,
      skillNumber: '02',
      teamBased: true,
      experts: [{ userId: chiefUserId, role: 'chief_expert' }],
      entrants: WORKED_EXAMPLE.map((e, i) => ({
        ...e,
        name: `Team ${e.member}`,
        competitors: [
          { firstName: 'Lukas', lastName: `Gruber${i}`, participantId: i === 0 ? participantId : undefined },
          { firstName: 'Mia', lastName: `Huber${i}` },
        ],
      })),
    });

    // Nothing is published yet: no results anywhere, for anyone.
    let res = await observer.get(`${base}/competitions/${individual.competitionId}`);
    expect(res.statusCode).toBe(200);
    let c: TCompetitionResults = res.json();
    expect(c.skills).toEqual([]);
    expect(c.medalTable).toEqual([]);
    expect(c.albertVidal).toEqual([]);
    expect(c.progress.map((p) => [p.number, p.state, p.formsLocked, p.formsTotal])).toEqual([
      ['01', 'pending', 12, 12],
      ['02', 'pending', 12, 12],
    ]);
    res = await admin.get(`${base}/participants/${participantId}`);
    expect(res.json().data).toEqual([]);

    await signOffAndPublish(individual.skillId);
    await signOffAndPublish(team.skillId);

    res = await observer.get(`${base}/competitions/${individual.competitionId}`);
    c = res.json();
    expect(c.skills.map((s) => s.number)).toEqual(['01', '02']);
    const at = c.medalTable.find((m) => m.member.code === 'AT');
    // One gold in the individual skill and ONE for the two-person team.
    expect(at).toMatchObject({ gold: 2, silver: 0, bronze: 0, medallions: 0 });
    expect(c.medalTable[0]?.member.code).toBe('AT');
    const atComparison = c.memberComparison.find((m) => m.member.code === 'AT');
    expect(atComparison).toMatchObject({
      skillsEntered: 2,
      entrants: 2,
      gold: 2,
      medalPoints: 8,
      averageMedalPoints: '4.00',
      totalPoints: 1486,
      averagePoints: '743.00',
    });
    const ie = c.memberComparison.find((m) => m.member.code === 'IE');
    expect(ie).toMatchObject({ silver: 2, medalPoints: 6, totalPoints: 1442 });
    const kh = c.memberComparison.find((m) => m.member.code === 'KH');
    expect(kh).toMatchObject({ bronze: 2, medalPoints: 4 });
    // Albert Vidal: the highest points (743) in both skills → both entries win.
    expect(c.albertVidal.map((w) => [w.skillNumber, w.displayName, w.points])).toEqual([
      ['01', 'Anna Berger', 743],
      ['02', 'Team AT', 743],
    ]);
    const bonAt = c.bestOfNation.find((b) => b.member.code === 'AT');
    expect(bonAt?.winners.map((w) => w.displayName).sort()).toEqual(['Anna Berger', 'Team AT']);
    expect(c.bestOfNation.find((b) => b.member.code === 'FR')?.winners.map((w) => w.points)).toEqual([
      664, 664,
    ]);

    // The team member's profile shows the team's published result.
    res = await admin.get(`${base}/participants/${participantId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([
      expect.objectContaining({
        skillNumber: '02',
        teamBased: true,
        points: 743,
        position: 1,
        medal: 'gold',
        memberCode: 'AT',
      }),
    ]);
    // Another college's participant id answers 404.
    const otherOrg = await createOrganization(t.deps, 'Other College');
    const stranger = await createParticipant(t.deps, otherOrg, 'Someone Else');
    expect((await admin.get(`${base}/participants/${stranger}`)).statusCode).toBe(404);
  });

  it('analyses judges: deviation from the other judges and spread violations', async () => {
    const s = await seedWorked({
      entrants: [
        { name: 'One', member: 'AT', errors: 10, judge: 2, scores: [3, 2, 2] },
        { name: 'Two', member: 'IE', errors: 20, judge: 1, scores: [3, 1, 1] },
        { name: 'Three', member: 'KH', errors: 30, judge: 1, scores: [2, 1, 1] },
      ],
    });
    expect((await observer.get(`${base}/skills/${s.skillId}/judge-analysis`)).statusCode).toBe(403);
    expect((await otherChief.get(`${base}/skills/${s.skillId}/judge-analysis`)).statusCode).toBe(403);
    const res = await chief.get(`${base}/skills/${s.skillId}/judge-analysis`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as Array<{
      judgeExpertId: string;
      scores: number;
      meanDeviation: number;
      spreadViolations: number;
    }>;
    const first = rows.find((r) => r.judgeExpertId === s.judgeIds[0]);
    // Judge 1 is +1, +2, +1 above the mean of the others; set "Two" spreads 2 > 1.
    expect(first).toMatchObject({ scores: 3, spreadViolations: 1 });
    expect(first?.meanDeviation).toBeCloseTo(4 / 3, 9);
    expect(rows[0]?.judgeExpertId).toBe(s.judgeIds[0]);
    // Judge 2: −0.5, −1, −0.5.
    const second = rows.find((r) => r.judgeExpertId === s.judgeIds[1]);
    expect(second?.meanDeviation).toBeCloseTo(-2 / 3, 9);
    expect(second?.spreadViolations).toBe(1);
  });
});
