import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions } from '../../../contracts/roles.js';
import type { ServiceContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { createOrganization, createTestApp, signedInAs, type TestApp } from '../../test/test-app.js';
import { countOpenDisputes } from './disputes.service.js';
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

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const base = () => `/api/v1/marking/skills/${f.skillId}/disputes`;

async function registrarOf(memberId: string) {
  const partner = await signedInAs(t, 'partner', f.orgId);
  await t.deps.db
    .insertInto('competitionMemberRegistrars')
    .values({
      id: newId(),
      organizationId: f.orgId,
      memberId,
      userId: partner.userId,
      createdAt: t.deps.clock.now().toISOString(),
    })
    .execute();
  return partner.client;
}

function ctxFor(orgId: string): ServiceContext {
  return {
    deps: t.deps,
    requestId: 'test',
    ip: '127.0.0.1',
    actor: {
      userId: f.experts.chief.userId,
      email: 'chief@test',
      displayName: 'Chief',
      locale: 'en',
      organizationId: orgId,
      timeZone: 'UTC',
      role: 'chief_expert',
      permissions: new Set(rolePermissions.chief_expert),
      sessionId: 's',
      csrfToken: 'c',
    },
  };
}

describe('disputes', () => {
  it('raise with evidence, decide by the chief expert; the open count feeds the results sign-off', async () => {
    const raised = await f.experts.ie.client.post(base(), {
      formId: f.forms['A1:kh'],
      subject: 'Joint count on bench 3',
      description: 'Four joints were completed, the form says three.',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const d = raised.json();
    expect(d).toMatchObject({
      status: 'open',
      entry: { id: f.entries.kh, memberCode: 'KH' },
      form: { id: f.forms['A1:kh'], subCriterionKey: 'A1' },
      abilities: { addEvidence: true, withdraw: true, decide: false },
    });
    expect(await countOpenDisputes(ctxFor(f.orgId), f.skillId)).toBe(1);
    expect(await countOpenDisputes(ctxFor(await createOrganization(t.deps)), f.skillId)).toBe(0);

    const photo = await f.experts.ie.client.upload(
      `/api/v1/marking/disputes/${d.id}/evidence`,
      'bench3.png',
      PNG,
    );
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
    const pdf = await f.experts.chief.client.upload(
      `/api/v1/marking/disputes/${d.id}/evidence`,
      'sheet.pdf',
      PDF,
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    const fake = await f.experts.ie.client.upload(
      `/api/v1/marking/disputes/${d.id}/evidence`,
      'bench3.png',
      Buffer.from('not an image at all'),
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.details.reason).toBe('type');
    const notRaiser = await f.experts.kh.client.upload(
      `/api/v1/marking/disputes/${d.id}/evidence`,
      'x.png',
      PNG,
    );
    expect(notRaiser.statusCode).toBe(403);

    // Every expert of the skill sees the dispute and downloads its evidence.
    const got = await f.experts.kh.client.get(`/api/v1/marking/disputes/${d.id}`);
    expect(got.json().evidence).toHaveLength(2);
    const file = await f.experts.kh.client.get(
      `/api/v1/marking/disputes/${d.id}/evidence/${photo.json().id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const other = await signedInAs(t, 'admin');
    expect((await other.client.get(`/api/v1/marking/disputes/${d.id}`)).statusCode).toBe(404);
    expect(
      (await other.client.get(`/api/v1/marking/disputes/${d.id}/evidence/${photo.json().id}`)).statusCode,
    ).toBe(404);

    const byExpert = await f.experts.kh.client.post(`/api/v1/marking/disputes/${d.id}/decide`, {
      version: d.version,
      outcome: 'upheld',
      decision: 'x',
    });
    expect(byExpert.statusCode).toBe(403);
    const noText = await f.experts.chief.client.post(`/api/v1/marking/disputes/${d.id}/decide`, {
      version: d.version,
      outcome: 'upheld',
      decision: ' ',
    });
    expect(noText.statusCode).toBe(400);
    const decided = await f.experts.chief.client.post(`/api/v1/marking/disputes/${d.id}/decide`, {
      version: d.version,
      outcome: 'upheld',
      decision: 'Re-measured: four joints. Form unlocked for correction.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'upheld', decidedBy: { id: f.experts.chief.userId } });
    expect(await countOpenDisputes(ctxFor(f.orgId), f.skillId)).toBe(0);

    const late = await f.experts.ie.client.upload(
      `/api/v1/marking/disputes/${d.id}/evidence`,
      'late.png',
      PNG,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('dispute_closed');
    const withdraw = await f.experts.ie.client.post(`/api/v1/marking/disputes/${d.id}/withdraw`, {
      version: decided.json().version,
    });
    expect(withdraw.json().error.details.reason).toBe('dispute_closed');
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'competition_dispute')
      .where('entityId', '=', d.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]?.afterJson ?? '{}')).toMatchObject({ status: 'upheld' });
  });

  it('lets only the raiser withdraw', async () => {
    const d = (await f.experts.kh.client.post(base(), { subject: 'Workshop too cold' })).json();
    const other = await f.experts.ie.client.post(`/api/v1/marking/disputes/${d.id}/withdraw`, {
      version: d.version,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.details.reason).toBe('not_raiser');
    const mine = await f.experts.kh.client.post(`/api/v1/marking/disputes/${d.id}/withdraw`, {
      version: d.version,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().status).toBe('withdrawn');
  });

  it('lets a member registrar raise and see disputes about their own entrants only', async () => {
    const registrar = await registrarOf(f.members.AT);
    const foreign = await registrar.post(base(), { entryId: f.entries.ie, subject: 'Not ours' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.details.reason).toBe('not_member_registrar');
    const general = await registrar.post(base(), { subject: 'No entrant' });
    expect(general.statusCode).toBe(403);
    const ours = await registrar.post(base(), {
      entryId: f.entries.at,
      subject: 'Our competitor lost 20 minutes',
    });
    expect(ours.statusCode, ours.body).toBe(201);
    const wrongForm = await registrar.post(base(), {
      entryId: f.entries.at,
      formId: f.forms['A1:ie'],
      subject: 'Mismatch',
    });
    expect(wrongForm.statusCode).toBe(400);
    expect(wrongForm.json().error.details.reason).toBe('form_not_in_skill');

    const list = (await registrar.get(base())).json();
    expect(list.data.map((x: { id: string }) => x.id)).toEqual([ours.json().id]);
    expect(list.abilities.decide).toBe(false);
    expect(list.entries).toEqual([{ id: f.entries.at, displayName: 'Competitor AT', memberCode: 'AT' }]);
    const expertView = (await f.experts.ie.client.get(base())).json();
    expect(expertView.data.length).toBeGreaterThanOrEqual(3);
    const hidden = expertView.data.find(
      (x: { entry: { id: string } | null }) => x.entry?.id === f.entries.kh,
    );
    expect((await registrar.get(`/api/v1/marking/disputes/${hidden.id}`)).statusCode).toBe(404);

    const stranger = await signedInAs(t, 'partner', f.orgId);
    expect((await stranger.client.get(base())).statusCode).toBe(403);
    const observer = await signedInAs(t, 'observer', f.orgId);
    expect((await observer.client.get(base())).statusCode).toBe(403);
  });
});
