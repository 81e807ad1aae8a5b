import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMarkBatchRequest } from '../../../contracts/marking.js';
import { newId } from '../../platform/ids.js';
import {
  type Client,
  createOrganization,
  createTestApp,
  signedInAs,
  type TestApp,
} from '../../test/test-app.js';
import { createMarkingFixture, type MarkingFixture } from './test-fixtures.js';

let t: TestApp;
let f: MarkingFixture;

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrganization(t.deps);
  f = await createMarkingFixture(t, orgId);
});
afterAll(async () => {
  await t.close();
});

const batchId = () => newId();
const formUrl = (formId: string) => `/api/v1/marking/forms/${formId}`;

function put(
  client: Client,
  formId: string,
  body: Omit<TMarkBatchRequest, 'clientBatchId'> & { clientBatchId?: string },
) {
  return client.put(`${formUrl(formId)}/marks`, { clientBatchId: batchId(), ...body });
}

async function detail(client: Client, formId: string) {
  const res = await client.get(formUrl(formId));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function audits(entityId: string) {
  return t.deps.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityType', '=', 'marking_form')
    .where('entityId', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** A full measurement form A1 for an entrant, entered by `client`. */
async function enterA1(client: Client, formId: string) {
  const res = await put(client, formId, {
    measurements: [
      { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 3 }, expectedVersion: 0 },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('form matrix', () => {
  it('lists every form of the locked scheme with its state and total, and creates forms for late entrants once', async () => {
    const res = await f.experts.ie.client.get(`/api/v1/marking/skills/${f.skillId}/forms`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.scheme).toMatchObject({ id: f.schemeId, versionNo: 1 });
    expect(m.subCriteria.map((s: { key: string }) => s.key)).toEqual(['A1', 'B1']);
    expect(m.subCriteria[0]).toMatchObject({
      maxTotal: '3',
      aspectCount: 2,
      hasJudgement: false,
      dayOfMarking: 'C1',
    });
    expect(m.forms).toHaveLength(6);
    expect(m.forms[0]).toMatchObject({
      state: 'not_started',
      total: '0.00',
      complete: false,
      markedCount: 0,
    });

    const now = t.deps.clock.now().toISOString();
    const lateId = newId();
    await t.deps.db
      .insertInto('competitionEntries')
      .values({
        id: lateId,
        organizationId: f.orgId,
        competitionId: f.competitionId,
        skillId: f.skillId,
        memberId: f.members.FR,
        displayName: 'Late FR',
        bench: '9',
        status: 'registered',
        statusReason: '',
        registeredBy: null,
        createdAt: now,
        updatedAt: now,
        createdBy: null,
        updatedBy: null,
        version: 1,
      })
      .execute();
    const again = (await f.experts.ie.client.get(`/api/v1/marking/skills/${f.skillId}/forms`)).json();
    expect(again.forms).toHaveLength(8);
    expect(again.forms.filter((x: { entryId: string }) => x.entryId === lateId)).toHaveLength(2);
    const third = (await f.experts.kh.client.get(`/api/v1/marking/skills/${f.skillId}/forms`)).json();
    expect(third.forms).toHaveLength(8);
    // Withdraw the late entrant again so the rest of the suite sees three entrants on each form.
    await t.deps.db
      .updateTable('competitionEntries')
      .set({ status: 'withdrawn' })
      .where('id', '=', lateId)
      .execute();
  });

  it('is for the skill’s experts only, and another college gets 404', async () => {
    const observer = await signedInAs(t, 'observer', f.orgId);
    expect((await observer.client.get(`/api/v1/marking/skills/${f.skillId}/forms`)).statusCode).toBe(403);
    const stranger = await signedInAs(t, 'expert', f.orgId);
    const res = await stranger.client.get(`/api/v1/marking/skills/${f.skillId}/forms`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('not_skill_expert');
    const other = await signedInAs(t, 'admin');
    expect((await other.client.get(`/api/v1/marking/skills/${f.skillId}/forms`)).statusCode).toBe(404);
    expect((await other.client.get(formUrl(f.forms['A1:at'] as string))).statusCode).toBe(404);
    const write = await put(other.client, f.forms['A1:at'] as string, {
      measurements: [
        { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      ],
    });
    expect(write.statusCode).toBe(404);
  });
});

describe('mark entry', () => {
  it('writes a batch, moves the form to entered, computes the marks in the domain and audits each item', async () => {
    const formId = f.forms['A1:at'] as string;
    const result = await enterA1(f.experts.ie.client, formId);
    expect(result).toMatchObject({ replayed: false, formState: 'entered', formVersion: 2 });
    expect(result.measurements).toEqual([
      { aspectKey: 'A1.1', version: 1, observation: { kind: 'PASS_FAIL', passed: true } },
      { aspectKey: 'A1.2', version: 1, observation: { kind: 'NUMBER_COMPLETED', completed: 3 } },
    ]);
    const d = await detail(f.experts.kh.client, formId);
    expect(d.form).toMatchObject({ state: 'entered', total: '2.50', totalExact: '2.5', complete: true });
    expect(d.form.enteredBy.id).toBe(f.experts.ie.userId);
    expect(d.aspects.map((a: { outcome: { mark: string } }) => a.outcome.mark)).toEqual(['1.00', '1.50']);
    expect(d.navigation).toMatchObject({
      position: 1,
      count: 3,
      previousFormId: null,
      nextFormId: f.forms['A1:ie'],
    });
    const log = await audits(formId);
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]?.beforeJson ?? '{}').marks[0]).toMatchObject({
      aspectKey: 'A1.1',
      observation: null,
      version: 0,
    });
    expect(JSON.parse(log[0]?.afterJson ?? '{}').marks[1]).toMatchObject({
      aspectKey: 'A1.2',
      observation: { kind: 'NUMBER_COMPLETED', completed: 3 },
      version: 1,
    });
  });

  it('enforces the compatriot rule for the typist and for the named judge, unless the skill allows it', async () => {
    const own = await put(f.experts.at.client, f.forms['A1:at'] as string, {
      measurements: [
        { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: false }, expectedVersion: 1 },
      ],
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('compatriot_marking');

    const judge = await put(f.experts.chief.client, f.forms['B1:ie'] as string, {
      judgeScores: [
        { aspectKey: 'B1.1', judgeExpertId: f.experts.ie.expertId, score: 2, expectedVersion: 0 },
      ],
    });
    expect(judge.statusCode).toBe(403);
    expect(judge.json().error.details).toMatchObject({
      reason: 'compatriot_marking',
      judgeExpertId: f.experts.ie.expertId,
    });
    const d = await detail(f.experts.chief.client, f.forms['B1:ie'] as string);
    expect(d.judges.find((j: { expertId: string }) => j.expertId === f.experts.ie.expertId).compatriot).toBe(
      true,
    );
    expect(d.abilities.enterJudgeScoresFor).not.toContain(f.experts.ie.expertId);

    await t.deps.db
      .updateTable('competitionSkills')
      .set({ allowCompatriotMarking: 1 })
      .where('id', '=', f.skillId)
      .execute();
    try {
      const allowed = await put(f.experts.chief.client, f.forms['B1:ie'] as string, {
        judgeScores: [
          { aspectKey: 'B1.1', judgeExpertId: f.experts.ie.expertId, score: 2, expectedVersion: 0 },
        ],
      });
      expect(allowed.statusCode, allowed.body).toBe(200);
      const removed = await put(f.experts.chief.client, f.forms['B1:ie'] as string, {
        judgeScores: [
          { aspectKey: 'B1.1', judgeExpertId: f.experts.ie.expertId, score: null, expectedVersion: 1 },
        ],
      });
      expect(removed.json().judgeScores[0]).toMatchObject({ version: 0, score: null });
    } finally {
      await t.deps.db
        .updateTable('competitionSkills')
        .set({ allowCompatriotMarking: 0 })
        .where('id', '=', f.skillId)
        .execute();
    }
  });

  it('rejects experts off the team, judges off the team and other judges’ scores (403)', async () => {
    const outsider = await put(f.experts.outsider.client, f.forms['A1:ie'] as string, {
      measurements: [
        { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      ],
    });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.details.reason).toBe('not_on_team');

    const notJudge = await put(f.experts.chief.client, f.forms['B1:kh'] as string, {
      judgeScores: [
        { aspectKey: 'B1.1', judgeExpertId: f.experts.at.expertId, score: 1, expectedVersion: 0 },
      ],
    });
    expect(notJudge.statusCode).toBe(403);
    expect(notJudge.json().error.details.reason).toBe('judge_not_on_team');

    const someoneElse = await put(f.experts.ie.client, f.forms['B1:at'] as string, {
      judgeScores: [
        { aspectKey: 'B1.1', judgeExpertId: f.experts.kh.expertId, score: 1, expectedVersion: 0 },
      ],
    });
    expect(someoneElse.statusCode).toBe(403);
    expect(someoneElse.json().error.details.reason).toBe('not_on_team');
  });

  it('rejects observations that do not fit the aspect (400 with the aspect and the domain code)', async () => {
    const formId = f.forms['A1:kh'] as string;
    const range = await put(f.experts.ie.client, formId, {
      measurements: [
        { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 5 }, expectedVersion: 0 },
      ],
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().error.details).toMatchObject({
      reason: 'observation_invalid',
      aspectKey: 'A1.2',
      code: 'completed_out_of_range',
    });
    const kind = await put(f.experts.ie.client, formId, {
      measurements: [{ aspectKey: 'A1.1', observation: { kind: 'DEDUCT', errors: 1 }, expectedVersion: 0 }],
    });
    expect(kind.json().error.details).toMatchObject({ aspectKey: 'A1.1', code: 'observation_kind_mismatch' });
    const score = await put(f.experts.ie.client, f.forms['B1:at'] as string, {
      judgeScores: [
        { aspectKey: 'B1.1', judgeExpertId: f.experts.ie.expertId, score: 4, expectedVersion: 0 },
      ],
    });
    expect(score.statusCode).toBe(400);
    const wrongType = await put(f.experts.ie.client, f.forms['B1:at'] as string, {
      judgeScores: [
        { aspectKey: 'B1.2', judgeExpertId: f.experts.ie.expertId, score: 1, expectedVersion: 0 },
      ],
    });
    expect(wrongType.json().error.details).toMatchObject({
      reason: 'aspect_not_judgement',
      aspectKey: 'B1.2',
    });
    const elsewhere = await put(f.experts.ie.client, formId, {
      measurements: [
        { aspectKey: 'B1.2', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      ],
    });
    expect(elsewhere.json().error.details).toMatchObject({ reason: 'aspect_not_in_form', aspectKey: 'B1.2' });
    expect((await detail(f.experts.ie.client, formId)).form.state).toBe('not_started');
  });

  it('gives one of two concurrent writers of the same aspect 409 with the stale items, and writes nothing of it', async () => {
    const formId = f.forms['A1:kh'] as string;
    const [a, b] = await Promise.all([
      put(f.experts.ie.client, formId, {
        measurements: [
          { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
        ],
      }),
      put(f.experts.at.client, formId, {
        measurements: [
          { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: false }, expectedVersion: 0 },
          { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 4 }, expectedVersion: 0 },
        ],
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('VERSION_CONFLICT');
    const stale = loser.json().error.details.stale;
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      kind: 'measurement',
      aspectKey: 'A1.1',
      expectedVersion: 0,
      currentVersion: 1,
    });
    const d = await detail(f.experts.kh.client, formId);
    const a12 = d.aspects.find((x: { aspect: { key: string } }) => x.aspect.key === 'A1.2');
    if (loser === b) {
      // The losing batch also carried A1.2: not written.
      expect(a12.observation).toBeNull();
      expect(stale[0].current).toEqual({ kind: 'PASS_FAIL', passed: true });
    } else {
      expect(stale[0].current).toEqual({ kind: 'PASS_FAIL', passed: false });
    }
    // Keep mine: resend with the server's version.
    const keep = await put(loser === a ? f.experts.ie.client : f.experts.at.client, formId, {
      measurements: [
        {
          aspectKey: 'A1.1',
          observation: { kind: 'PASS_FAIL', passed: loser !== b },
          expectedVersion: stale[0].currentVersion,
        },
      ],
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().measurements[0].version).toBe(2);
  });

  it('answers a replayed batch with the first result, once, and refuses the id for another form', async () => {
    const formId = f.forms['A1:ie'] as string;
    const body = {
      clientBatchId: batchId(),
      measurements: [
        { aspectKey: 'A1.1', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      ],
    };
    const first = await f.experts.kh.client.put(`${formUrl(formId)}/marks`, body);
    expect(first.statusCode, first.body).toBe(200);
    const replay = await f.experts.kh.client.put(`${formUrl(formId)}/marks`, body);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toEqual({ ...first.json(), replayed: true });
    const d = await detail(f.experts.kh.client, formId);
    expect(d.aspects[0].observation.version).toBe(1);
    expect(await audits(formId)).toHaveLength(1);
    const reused = await f.experts.kh.client.put(`${formUrl(f.forms['A1:at'] as string)}/marks`, body);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.details.reason).toBe('batch_id_reused');
  });
});

describe('form workflow', () => {
  it('checks by a second person only, signs, locks by the chief expert, and then rejects writes', async () => {
    const formId = f.forms['A1:ie'] as string;
    // kh entered A1.1 in the replay test; complete the form as kh too.
    const done = await put(f.experts.kh.client, formId, {
      measurements: [
        { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 4 }, expectedVersion: 0 },
      ],
    });
    expect(done.statusCode, done.body).toBe(200);
    let d = await detail(f.experts.kh.client, formId);
    const self = await f.experts.kh.client.post(`${formUrl(formId)}/check`, { version: d.form.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details.reason).toBe('checker_must_differ');

    const checked = await f.experts.at.client.post(`${formUrl(formId)}/check`, { version: d.form.version });
    expect(checked.statusCode, checked.body).toBe(200);
    d = checked.json();
    expect(d.form).toMatchObject({ state: 'checked', total: '3.00' });
    expect(d.form.checkedBy.id).toBe(f.experts.at.userId);

    const write = await put(f.experts.kh.client, formId, {
      measurements: [
        { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 1 }, expectedVersion: 1 },
      ],
    });
    expect(write.statusCode).toBe(409);
    expect(write.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'form_state' } });

    const stale = await f.experts.kh.client.post(`${formUrl(formId)}/sign`, { version: d.form.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const signed = await f.experts.kh.client.post(`${formUrl(formId)}/sign`, { version: d.form.version });
    expect(signed.statusCode, signed.body).toBe(200);
    d = signed.json();

    const byExpert = await f.experts.kh.client.post(`${formUrl(formId)}/lock`, { version: d.form.version });
    expect(byExpert.statusCode).toBe(403);
    const locked = await f.experts.chief.client.post(`${formUrl(formId)}/lock`, { version: d.form.version });
    expect(locked.statusCode, locked.body).toBe(200);
    d = locked.json();
    expect(d.form.state).toBe('locked');
    expect(d.abilities).toMatchObject({ unlock: true, enterMeasurements: false });
    expect(d.entryBlockedBy).toBe('form_state');

    const afterLock = await put(f.experts.kh.client, formId, {
      measurements: [
        { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 1 }, expectedVersion: 1 },
      ],
    });
    expect(afterLock.statusCode).toBe(409);
    expect(afterLock.json().error.details.reason).toBe('form_state');

    const noReason = await f.experts.chief.client.post(`${formUrl(formId)}/unlock`, {
      version: d.form.version,
    });
    expect(noReason.statusCode).toBe(400);
    const blank = await f.experts.chief.client.post(`${formUrl(formId)}/unlock`, {
      version: d.form.version,
      reason: '  ',
    });
    expect(blank.statusCode).toBe(400);
    const unlocked = await f.experts.chief.client.post(`${formUrl(formId)}/unlock`, {
      version: d.form.version,
      reason: 'Dispute 3: joint count re-measured',
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json().form).toMatchObject({
      state: 'entered',
      checkedBy: null,
      signedBy: null,
      lockedBy: null,
    });
    const log = await audits(formId);
    const entry = log.at(-1);
    expect(entry?.reason).toBe('Dispute 3: joint count re-measured');
    expect(JSON.parse(entry?.beforeJson ?? '{}')).toMatchObject({
      state: 'locked',
      lockedBy: f.experts.chief.userId,
    });
    expect(JSON.parse(entry?.afterJson ?? '{}')).toMatchObject({ state: 'entered', lockedBy: null });
  });

  it('refuses to check an incomplete form and a judgement spread over the limit, and returns for correction with a reason', async () => {
    const formId = f.forms['B1:at'] as string;
    const scores = (ie: number, kh: number, fr: number, v = 0) => [
      { aspectKey: 'B1.1', judgeExpertId: f.experts.ie.expertId, score: ie, expectedVersion: v },
      { aspectKey: 'B1.1', judgeExpertId: f.experts.kh.expertId, score: kh, expectedVersion: v },
      { aspectKey: 'B1.1', judgeExpertId: f.experts.fr.expertId, score: fr, expectedVersion: v },
    ];
    const first = await put(f.experts.chief.client, formId, { judgeScores: scores(0, 2, 2) });
    expect(first.statusCode, first.body).toBe(200);
    let d = await detail(f.experts.ie.client, formId);
    expect(d.form.blockingAspects).toEqual(['B1.1']);
    expect(d.aspects[0].outcome).toMatchObject({ status: 'rescore_required', spread: 2 });
    const spread = await f.experts.ie.client.post(`${formUrl(formId)}/check`, { version: d.form.version });
    expect(spread.statusCode).toBe(409);
    expect(spread.json().error.details).toMatchObject({ reason: 'judge_spread_exceeded', aspects: ['B1.1'] });

    const rescore = await put(f.experts.chief.client, formId, {
      judgeScores: [
        { aspectKey: 'B1.1', judgeExpertId: f.experts.ie.expertId, score: 1, expectedVersion: 1 },
      ],
    });
    expect(rescore.statusCode, rescore.body).toBe(200);
    d = await detail(f.experts.ie.client, formId);
    const incomplete = await f.experts.ie.client.post(`${formUrl(formId)}/check`, {
      version: d.form.version,
    });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().error.details).toMatchObject({ reason: 'form_incomplete', aspects: ['B1.2'] });

    // The AT marker may not mark the AT entrant; the chief expert enters the measurement.
    const compatriot = await put(f.experts.at.client, formId, {
      measurements: [
        { aspectKey: 'B1.2', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      ],
    });
    expect(compatriot.json().error.details.reason).toBe('compatriot_marking');
    await put(f.experts.chief.client, formId, {
      measurements: [
        { aspectKey: 'B1.2', observation: { kind: 'PASS_FAIL', passed: true }, expectedVersion: 0 },
      ],
    });
    d = await detail(f.experts.ie.client, formId);
    // 1.25 × (1+2+2)/9 = 25/36 → 0.69; + 0.75
    expect(d.aspects[0].outcome).toMatchObject({ status: 'marked', markExact: '25/36', mark: '0.69' });
    expect(d.form.totalExact).toBe('13/9');
    // The chief expert typed every mark, so may not check; a judge who did not type may.
    const notChief = await f.experts.chief.client.post(`${formUrl(formId)}/check`, {
      version: d.form.version,
    });
    expect(notChief.json().error.details.reason).toBe('checker_must_differ');
    const checked = await f.experts.fr.client.post(`${formUrl(formId)}/check`, { version: d.form.version });
    expect(checked.statusCode, checked.body).toBe(200);

    const noReason = await f.experts.ie.client.post(`${formUrl(formId)}/return`, {
      version: checked.json().form.version,
    });
    expect(noReason.statusCode).toBe(400);
    const back = await f.experts.ie.client.post(`${formUrl(formId)}/return`, {
      version: checked.json().form.version,
      reason: 'B1.2 was for the wrong bench',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().form).toMatchObject({ state: 'entered', checkedBy: null });
  });

  it('an empty form cannot be checked', async () => {
    const formId = f.forms['B1:kh'] as string;
    const d = await detail(f.experts.at.client, formId);
    const res = await f.experts.at.client.post(`${formUrl(formId)}/check`, { version: d.form.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('form_state');
  });

  it('bulk-locks the signed forms of a sub-criterion, and unlocking a signed-off skill reopens its results', async () => {
    const formId = f.forms['A1:at'] as string;
    let d = await detail(f.experts.kh.client, formId);
    d = (await f.experts.kh.client.post(`${formUrl(formId)}/check`, { version: d.form.version })).json();
    d = (await f.experts.kh.client.post(`${formUrl(formId)}/sign`, { version: d.form.version })).json();
    expect(d.form.state).toBe('signed');
    const byExpert = await f.experts.kh.client.post(
      `/api/v1/marking/skills/${f.skillId}/sub-criteria/A1/lock`,
    );
    expect(byExpert.statusCode).toBe(403);
    const bulk = await f.experts.chief.client.post(
      `/api/v1/marking/skills/${f.skillId}/sub-criteria/A1/lock`,
    );
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().lockedFormIds).toEqual([formId]);
    d = await detail(f.experts.chief.client, formId);
    expect(d.form.state).toBe('locked');

    const now = t.deps.clock.now().toISOString();
    await t.deps.db
      .updateTable('competitionSkills')
      .set({
        resultsState: 'signed_off',
        resultsSignedOffAt: now,
        resultsSignedOffBy: f.experts.chief.userId,
      })
      .where('id', '=', f.skillId)
      .execute();
    await t.deps.db
      .insertInto('competitionResults')
      .values({
        id: newId(),
        organizationId: f.orgId,
        competitionId: f.competitionId,
        skillId: f.skillId,
        entryId: f.entries.at,
        memberId: f.members.AT,
        rawTotalExact: '2.5',
        rawTotal: '2.50',
        scaleUnrounded: '700',
        points: 700,
        position: 1,
        medal: 'gold',
        calculatedAt: now,
      })
      .execute();
    const res = await f.experts.chief.client.post(`${formUrl(formId)}/unlock`, {
      version: d.form.version,
      reason: 'Appeal upheld',
    });
    expect(res.statusCode, res.body).toBe(200);
    const skill = await t.deps.db
      .selectFrom('competitionSkills')
      .selectAll()
      .where('id', '=', f.skillId)
      .executeTakeFirstOrThrow();
    expect(skill).toMatchObject({ resultsState: 'open', resultsSignedOffAt: null });
    const rows = await t.deps.db
      .selectFrom('competitionResults')
      .select('id')
      .where('skillId', '=', f.skillId)
      .execute();
    expect(rows).toEqual([]);
    const skillAudit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'competition_results')
      .where('entityId', '=', f.skillId)
      .execute();
    expect(skillAudit).toHaveLength(1);
    expect(skillAudit[0]?.reason).toBe('Appeal upheld');
  });

  it('refuses writes while the skill’s marking is suspended', async () => {
    await t.deps.db
      .updateTable('competitionSkills')
      .set({ markingSuspended: 1 })
      .where('id', '=', f.skillId)
      .execute();
    try {
      const res = await put(f.experts.ie.client, f.forms['A1:kh'] as string, {
        measurements: [
          { aspectKey: 'A1.2', observation: { kind: 'NUMBER_COMPLETED', completed: 1 }, expectedVersion: 0 },
        ],
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('marking_suspended');
    } finally {
      await t.deps.db
        .updateTable('competitionSkills')
        .set({ markingSuspended: 0 })
        .where('id', '=', f.skillId)
        .execute();
    }
  });
});
