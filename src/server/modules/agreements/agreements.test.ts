import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveAgreementStatus } from '../../../domain/agreements/agreement-status.js';
import { addDays } from '../../../domain/dates/calendar-date.js';
import { buildAgreement, buildPartner } from '../../test/factories.js';
import { type Client, createTestApp, signedInAs, signIn, type TestApp } from '../../test/test-app.js';
import { sendAgreementReminders } from './agreement-reminders.job.js';

// The test clock stands at 2026-03-15T04:00Z, which is 2026-03-15 in Asia/Shanghai.
const TODAY = '2026-03-15';

let t: TestApp;
let coordinator: Client;
let orgId: string;
let email: string;
let partnerId: string;

beforeAll(async () => {
  t = await createTestApp();
  const s = await signedInAs(t, 'coordinator');
  coordinator = s.client;
  orgId = s.orgId;
  email = s.email;
  partnerId = (await coordinator.post('/api/v1/partners', buildPartner())).json().id;
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  t.clock.set(`${TODAY}T04:00:00Z`);
});

async function create(body = buildAgreement([partnerId])) {
  const res = await coordinator.post('/api/v1/agreements', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('agreements: status derived from stage and dates', () => {
  it('derives every status', async () => {
    const draft = await create(
      buildAgreement([partnerId], { stage: 'draft', signedOn: null, startsOn: null, endsOn: null }),
    );
    const negotiating = await create(buildAgreement([partnerId], { stage: 'negotiating', signedOn: null }));
    const active = await create(buildAgreement([partnerId], { endsOn: addDays(TODAY, 91) }));
    const expiring = await create(buildAgreement([partnerId], { endsOn: addDays(TODAY, 90) }));
    const expired = await create(buildAgreement([partnerId], { endsOn: addDays(TODAY, -1) }));
    const renewing = await create(
      buildAgreement([partnerId], { endsOn: '2025-06-30', autoRenewal: true, renewalMonths: 12 }),
    );
    expect(draft.status).toBe('draft');
    expect(negotiating.status).toBe('negotiating');
    expect(active).toMatchObject({ status: 'active', daysToEnd: 91 });
    expect(expiring).toMatchObject({ status: 'expiring', daysToEnd: 90 });
    expect(expired).toMatchObject({ status: 'expired', daysToEnd: -1 });
    expect(renewing).toMatchObject({ status: 'active', effectiveEndsOn: '2026-06-30' });
  });

  it('becomes "expiring" as the end date nears, then "expired", as time passes', async () => {
    const a = await create(buildAgreement([partnerId], { endsOn: '2026-07-01', expiringWindowDays: 60 }));
    expect(a.status).toBe('active');
    // Weeks pass: the coordinator signs in again each time (sessions end after 12 idle hours).
    const lookAt = async (instant: string) => {
      t.clock.set(instant);
      return (await (await signIn(t.app, email)).get(`/api/v1/agreements/${a.id}`)).json();
    };
    // 2026-05-03 00:30 in Shanghai (still 2026-05-02 in UTC): 59 days before the end.
    expect(await lookAt('2026-05-02T16:30:00Z')).toMatchObject({ status: 'expiring', daysToEnd: 59 });
    // 23:59 on the end day in Shanghai: the last day in force.
    expect(await lookAt('2026-07-01T15:59:00Z')).toMatchObject({ status: 'expiring', daysToEnd: 0 });
    // Midnight in Shanghai: the day after the end.
    expect((await lookAt('2026-07-01T16:00:00Z')).status).toBe('expired');
  });

  it('terminates a signed agreement with a reason, and refuses to terminate a draft', async () => {
    const a = await create();
    const res = await coordinator.post(`/api/v1/agreements/${a.id}/terminate`, {
      version: 1,
      terminatedOn: TODAY,
      reason: 'Partner closed the programme',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'terminated',
      terminationReason: 'Partner closed the programme',
      version: 2,
    });
    const draft = await create(buildAgreement([partnerId], { stage: 'draft', signedOn: null }));
    const bad = await coordinator.post(`/api/v1/agreements/${draft.id}/terminate`, {
      version: 1,
      terminatedOn: TODAY,
      reason: 'x',
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('INVALID_STATE');
    const noReason = await coordinator.post(`/api/v1/agreements/${a.id}/terminate`, {
      version: 2,
      terminatedOn: TODAY,
      reason: '',
    });
    expect(noReason.json().error.details.issues[0].message).toBe('reason_required');
  });

  it('agrees with the SQL "in force" filter for every status', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const pid = (await client.post('/api/v1/partners', buildPartner())).json().id;
    const cases = [
      buildAgreement([pid], { stage: 'draft', signedOn: null }),
      buildAgreement([pid], { endsOn: addDays(TODAY, 200) }),
      buildAgreement([pid], { endsOn: addDays(TODAY, 10) }),
      buildAgreement([pid], { endsOn: TODAY }),
      buildAgreement([pid], { endsOn: addDays(TODAY, -1) }),
      buildAgreement([pid], {
        startsOn: '2023-01-31',
        endsOn: '2024-01-31',
        autoRenewal: true,
        renewalMonths: 1,
      }),
      buildAgreement([pid], { endsOn: null }),
    ];
    for (const c of cases) {
      expect((await client.post('/api/v1/agreements', c)).statusCode).toBe(201);
    }
    const all = (await client.get('/api/v1/agreements?pageSize=100')).json().data;
    const inForce = all.filter(
      (a: { status: string }) => a.status === 'active' || a.status === 'expiring',
    ).length;
    const partner = (await client.get(`/api/v1/partners/${pid}`)).json();
    expect(partner.activeAgreements).toBe(inForce);
    expect(inForce).toBe(5);
  });
});

describe('agreements: validation, versions, tenancy', () => {
  it('explains invalid dates and missing fields', async () => {
    const res = await coordinator.post(
      '/api/v1/agreements',
      buildAgreement([partnerId], { startsOn: '2026-05-01', endsOn: '2026-04-01', signedOn: null }),
    );
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.issues.map((i: { message: string }) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['end_before_start', 'signed_date_required']));
    const noPartner = await coordinator.post('/api/v1/agreements', buildAgreement([]));
    expect(noPartner.json().error.details.issues[0].message).toBe('at_least_one_partner');
  });

  it('answers 409 to a stale version and keeps the first edit', async () => {
    const a = await create();
    const first = await coordinator.put(`/api/v1/agreements/${a.id}`, {
      version: 1,
      data: buildAgreement([partnerId], { notes: 'first' }),
    });
    const second = await coordinator.put(`/api/v1/agreements/${a.id}`, {
      version: 1,
      data: buildAgreement([partnerId], { notes: 'second' }),
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect((await coordinator.get(`/api/v1/agreements/${a.id}`)).json().notes).toBe('first');
  });

  it('hides agreements of other organizations (404) and refuses their partners', async () => {
    const a = await create();
    const other = await signedInAs(t, 'coordinator');
    expect((await other.client.get(`/api/v1/agreements/${a.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.client.put(`/api/v1/agreements/${a.id}`, {
          version: 1,
          data: buildAgreement([partnerId]),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await other.client.post(`/api/v1/agreements/${a.id}/terminate`, {
          version: 1,
          terminatedOn: TODAY,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const foreignPartner = await other.client.post('/api/v1/agreements', buildAgreement([partnerId]));
    expect(foreignPartner.statusCode).toBe(400);
    expect(foreignPartner.json().error.details.issues[0].message).toBe('unknown_partner');
    expect((await other.client.get(`/api/v1/agreements?partnerId=${partnerId}`)).json().total).toBe(0);
  });

  it('filters by status, partner and search, and sorts by end date with open ends last', async () => {
    const { client } = await signedInAs(t, 'coordinator');
    const pid = (await client.post('/api/v1/partners', buildPartner())).json().id;
    await client.post(
      '/api/v1/agreements',
      buildAgreement([pid], { title: { en: 'Open ended' }, endsOn: null }),
    );
    await client.post(
      '/api/v1/agreements',
      buildAgreement([pid], { title: { en: 'Ends soon welding' }, endsOn: addDays(TODAY, 30) }),
    );
    await client.post(
      '/api/v1/agreements',
      buildAgreement([pid], { title: { en: 'Ends later' }, endsOn: addDays(TODAY, 400) }),
    );
    const titles = async (qs: string) =>
      (await client.get(`/api/v1/agreements?${qs}`))
        .json()
        .data.map((a: { title: { en: string } }) => a.title.en);
    expect(await titles('sort=endsOn')).toEqual(['Ends soon welding', 'Ends later', 'Open ended']);
    expect(await titles('sort=-endsOn')).toEqual(['Ends later', 'Ends soon welding', 'Open ended']);
    expect(await titles('status=expiring')).toEqual(['Ends soon welding']);
    expect(await titles('status=active&sort=title')).toEqual(['Ends later', 'Open ended']);
    expect(await titles('q=WELDING')).toEqual(['Ends soon welding']);
    expect(await titles(`partnerId=${pid}&expiringWithinDays=100`)).toEqual(['Ends soon welding']);
    const expiringList = (await client.get('/api/v1/agreements/expiring?days=90')).json().data;
    expect(expiringList.map((a: { title: { en: string } }) => a.title.en)).toEqual(['Ends soon welding']);
  });
});

describe('agreements: documents', () => {
  it('accepts a PDF, serves it only to authorized users of the organization, and deletes it', async () => {
    const a = await create();
    const up = await coordinator.upload(
      `/api/v1/agreements/${a.id}/documents`,
      'MoU 签字版.pdf',
      pdf,
      'application/pdf',
    );
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    expect(doc).toMatchObject({
      fileName: 'MoU 签字版.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const down = await coordinator.get(`/api/v1/agreements/${a.id}/documents/${doc.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(
      "filename*=UTF-8''MoU%20%E7%AD%BE%E5%AD%97%E7%89%88.pdf",
    );
    expect(down.rawPayload.equals(pdf)).toBe(true);
    const outsider = (await signedInAs(t, 'admin')).client;
    expect((await outsider.get(`/api/v1/agreements/${a.id}/documents/${doc.id}`)).statusCode).toBe(404);
    const trainer = (await signedInAs(t, 'trainer', orgId)).client;
    expect((await trainer.get(`/api/v1/agreements/${a.id}/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await trainer.get(`/api/v1/agreements/${a.id}`)).json().documents).toEqual([]);
    expect((await coordinator.delete(`/api/v1/agreements/${a.id}/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/agreements/${a.id}/documents/${doc.id}`)).statusCode).toBe(404);
  });

  it('refuses a file that is not a PDF whatever it claims, and one that is too large', async () => {
    const a = await create();
    const fake = await coordinator.upload(
      `/api/v1/agreements/${a.id}/documents`,
      'mou.pdf',
      Buffer.from('<html>hi</html>'),
      'application/pdf',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'FILE_REJECTED', details: { reason: 'type' } });
    const big = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const tooBig = await coordinator.upload(
      `/api/v1/agreements/${a.id}/documents`,
      'big.pdf',
      big,
      'application/pdf',
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.details.reason).toBe('too_large');
    expect((await coordinator.get(`/api/v1/agreements/${a.id}`)).json().documents).toEqual([]);
  });
});

describe('agreements: daily reminders', () => {
  it('puts one digest per coordinator into the outbox, once a day across repeated runs', async () => {
    const s = await signedInAs(t, 'coordinator');
    const pid = (await s.client.post('/api/v1/partners', buildPartner())).json().id;
    await s.client.post(
      '/api/v1/agreements',
      buildAgreement([pid], { title: { en: 'Expiring MoU' }, endsOn: addDays(TODAY, 20) }),
    );
    await s.client.post(
      '/api/v1/agreements',
      buildAgreement([pid], { title: { en: 'Healthy MoU' }, endsOn: addDays(TODAY, 300) }),
    );
    const first = await sendAgreementReminders(t.deps);
    const again = await sendAgreementReminders(t.deps);
    expect(first.messages).toBeGreaterThanOrEqual(1);
    expect(again.messages).toBe(0);
    const mails = await t.deps.db.selectFrom('outbox').selectAll().where('toAddress', '=', s.email).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.bodyText).toContain('Expiring MoU');
    expect(mails[0]?.bodyText).not.toContain('Healthy MoU');
    t.clock.advanceMs(24 * 60 * 60 * 1000);
    await sendAgreementReminders(t.deps);
    expect(
      await t.deps.db.selectFrom('outbox').selectAll().where('toAddress', '=', s.email).execute(),
    ).toHaveLength(2);
  });
});

describe('dashboard', () => {
  it('counts partners, countries and agreements by derived status for the organization only', async () => {
    const s = await signedInAs(t, 'coordinator');
    const ke = (await s.client.post('/api/v1/partners', buildPartner({ country: 'KE' }))).json().id;
    await s.client.post('/api/v1/partners', buildPartner({ country: 'TZ' }));
    await s.client.post('/api/v1/agreements', buildAgreement([ke], { endsOn: addDays(TODAY, 30) }));
    await s.client.post('/api/v1/agreements', buildAgreement([ke], { stage: 'draft', signedOn: null }));
    const summary = (await s.client.get('/api/v1/dashboard/summary')).json();
    expect(summary).toEqual({
      partners: 2,
      countries: 2,
      agreementsByStatus: { draft: 1, negotiating: 0, active: 0, expiring: 1, expired: 0, terminated: 0 },
      expiringSoon: 1,
    });
    expect(
      deriveAgreementStatus(
        {
          stage: 'draft',
          startsOn: null,
          endsOn: null,
          autoRenewal: false,
          renewalMonths: null,
          terminatedOn: null,
          expiringWindowDays: 90,
        },
        TODAY,
      ).status,
    ).toBe('draft');
  });
});
