import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSelfProfile, TTalentProfile, TTalentProfileInputRaw } from '../../../contracts/talent.js';
import type {
  TDemandPosting,
  TDemandPostingInputRaw,
  TIntroduction,
  TShortlistEntry,
} from '../../../contracts/talent-demand.js';
import type { TUser } from '../../../contracts/users.js';
import { buildPartner } from '../../test/factories.js';
import {
  type Client,
  createMember,
  createTestApp,
  signedInAs,
  signIn,
  type TestApp,
} from '../../test/test-app.js';

// Issue 6, the gaps closed together: enterprises are partners of the college and their recruiters
// share postings and shortlists; the candidate hears of every new proposal by e-mail; and a
// participant with an account manages their own profile signed in (talent/me).

let t: TestApp;
let orgId: string;
let admin: Client;
let coordinator: Client;
let otherCoordinator: Client;
let otherAdmin: Client;

const WELD = 'college:weld.gmaw';
let seq = 0;

function profileInput(overrides: Partial<TTalentProfileInputRaw> = {}): TTalentProfileInputRaw {
  seq++;
  return {
    nameLatin: `Account Person${seq}`,
    nameNative: `账户${seq}号`,
    email: `account.person${seq}@example.cn`,
    iscoCode: '7212',
    skills: [{ skillKey: WELD, level: 3, evidence: 'certificate' }],
    languages: [{ code: 'en', cefr: 'B2' }],
    countries: ['AE'],
    availableFrom: '2026-06-01',
    ...overrides,
  };
}

function postingInput(overrides: Partial<TDemandPostingInputRaw> = {}): TDemandPostingInputRaw {
  return {
    enterpriseName: 'Typed By The Recruiter',
    country: 'AE',
    site: 'Abu Dhabi',
    iscoCode: '7212',
    headcount: 2,
    startDate: '2026-09-01',
    contract: { type: 'fixed_term', durationMonths: 24 },
    requiredSkills: [{ skillKey: WELD, minLevel: 2, weight: 3 }],
    ...overrides,
  };
}

async function createPartner(client: Client, type: string, en: string, contactEmail = ''): Promise<string> {
  const res = await client.post(
    '/api/v1/partners',
    buildPartner({
      type: type as never,
      names: { en, 'zh-CN': `${en}（中文）` },
      contacts: contactEmail
        ? [
            {
              nameLatin: 'Hiring Manager',
              nameNative: '',
              position: 'HR',
              email: contactEmail,
              phone: '',
              languages: [],
            },
          ]
        : [],
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function member(role: 'enterprise' | 'partner' | 'participant' | 'trainer', email?: string) {
  const m = await createMember(t.deps, orgId, role, email);
  return { ...m, client: await signIn(t.app, m.email) };
}

async function userOf(client: Client, userId: string): Promise<TUser> {
  const list = (await client.get('/api/v1/users?pageSize=100')).json().data as TUser[];
  return list.find((u) => u.id === userId) as TUser;
}

async function linkUser(userId: string, partnerId: string | null) {
  const u = await userOf(admin, userId);
  return admin.patch(`/api/v1/users/${userId}`, { version: u.version, partnerId });
}

async function post(
  client: Client,
  overrides: Partial<TDemandPostingInputRaw> = {},
): Promise<TDemandPosting> {
  const res = await client.post('/api/v1/talent/demand', postingInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function createProfile(overrides: Partial<TTalentProfileInputRaw> = {}): Promise<TTalentProfile> {
  const res = await coordinator.post('/api/v1/talent/profiles', profileInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function consent(id: string, scope = 'match') {
  const res = await coordinator.post(`/api/v1/talent/profiles/${id}/consents`, {
    scope,
    note: 'Signed form',
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function propose(postingId: string, profileId: string): Promise<TShortlistEntry> {
  const res = await coordinator.post(`/api/v1/talent/demand/${postingId}/shortlist`, { profileId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function outbox(to: string, kind: string) {
  return t.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('toAddress', '=', to)
    .where('kind', '=', kind)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await signedInAs(t, 'admin');
  admin = a.client;
  orgId = a.orgId;
  coordinator = (await signedInAs(t, 'coordinator', orgId)).client;
  const other = await signedInAs(t, 'coordinator');
  otherCoordinator = other.client;
  otherAdmin = (await signedInAs(t, 'admin', other.orgId)).client;
});

afterAll(async () => {
  await t?.close();
});

describe('enterprises are partners of the college', () => {
  it('an admin links enterprise and partner users to a partner, with clear refusals', async () => {
    const gulf = await createPartner(coordinator, '71', 'Gulf Steel Works LLC');
    const college = await createPartner(coordinator, '80', 'Nairobi Polytechnic');
    const elsewhere = await createPartner(otherCoordinator, '71', 'Other College Enterprise');
    const recruiter = await member('enterprise');
    const partnerUser = await member('partner');
    const trainer = await member('trainer');

    let res = await linkUser(recruiter.userId, gulf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'enterprise',
      partner: { id: gulf, type: '71', names: { en: 'Gulf Steel Works LLC' } },
      version: 2,
    });
    // An enterprise needs a private-sector partner; a partner college user may act for any partner.
    res = await linkUser(recruiter.userId, college);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { path: ['partnerId'], message: 'partner_not_private_sector' },
    ]);
    expect((await linkUser(partnerUser.userId, college)).statusCode).toBe(200);
    res = await linkUser(trainer.userId, gulf);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].message).toBe('role_not_linkable');
    // Another college's partner is not found; a stale version is refused; only admins link.
    expect((await linkUser(recruiter.userId, elsewhere)).statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/v1/users/${recruiter.userId}`, { version: 1, partnerId: null })).statusCode,
    ).toBe(409);
    expect(
      (await coordinator.patch(`/api/v1/users/${recruiter.userId}`, { version: 2, partnerId: null }))
        .statusCode,
    ).toBe(403);
    expect(
      (await otherAdmin.patch(`/api/v1/users/${recruiter.userId}`, { version: 2, partnerId: gulf }))
        .statusCode,
    ).toBe(404);
    // Becoming a trainer drops the link; every change is audited with the partner.
    res = await admin.patch(`/api/v1/users/${partnerUser.userId}`, { version: 2, role: 'trainer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().partner).toBeNull();
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['beforeJson', 'afterJson'])
      .where('entityType', '=', 'membership')
      .where('entityId', '=', recruiter.userId)
      .execute();
    expect(audit.map((a) => JSON.parse(a.afterJson ?? '{}').partnerId)).toContain(gulf);

    // An invitation can name the partner at once.
    res = await admin.post('/api/v1/users/invitations', {
      email: 'second.recruiter@gulf-steel.example.ae',
      role: 'enterprise',
      locale: 'en',
      partnerId: gulf,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().partner?.id).toBe(gulf);
  });

  it('recruiters of one enterprise share postings and shortlists; another enterprise gets 404', async () => {
    const gulf = await createPartner(coordinator, '71', 'Doha Builders Group');
    const riyadh = await createPartner(coordinator, '70', 'Riyadh Pipes Co.');
    const nairobi = await createPartner(coordinator, '80', 'Mombasa Technical College');
    const a1 = await member('enterprise');
    const a2 = await member('enterprise');
    const b1 = await member('enterprise');
    const loner = await member('enterprise');
    const p1 = await member('partner');
    const p2 = await member('partner');
    for (const [u, partner] of [
      [a1, gulf],
      [a2, gulf],
      [b1, riyadh],
      [p1, nairobi],
      [p2, nairobi],
    ] as const) {
      expect((await linkUser(u.userId, partner)).statusCode).toBe(200);
    }
    const otherEnterprise = (await signedInAs(t, 'enterprise', (await signedInAs(t, 'admin')).orgId)).client;

    // A linked recruiter posts for the partner, under the partner's name, whatever they typed.
    const posting = await post(a1.client, { partnerId: riyadh });
    expect(posting).toMatchObject({
      partnerId: gulf,
      enterpriseName: 'Doha Builders Group',
      postedByMe: true,
    });
    const b1Posting = await post(b1.client);
    const lonerPosting = await post(loner.client, { enterpriseName: 'Independent Recruiter' });
    expect(lonerPosting).toMatchObject({ partnerId: null, enterpriseName: 'Independent Recruiter' });
    // Unlinked, a name is needed.
    const nameless = await loner.client.post('/api/v1/talent/demand', postingInput({ enterpriseName: '' }));
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.details.issues).toEqual([{ path: ['enterpriseName'], message: 'required' }]);

    // The second recruiter of the same enterprise sees, edits and closes it.
    const seen = await a2.client.get(`/api/v1/talent/demand/${posting.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ postedByMe: false, abilities: { edit: true } });
    const listA2 = (await a2.client.get('/api/v1/talent/demand')).json().data as TDemandPosting[];
    expect(listA2.map((p) => p.id)).toEqual([posting.id]);
    const res = await a2.client.put(`/api/v1/talent/demand/${posting.id}`, {
      version: 1,
      data: postingInput({ headcount: 4 }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ headcount: 4, version: 2, partnerId: gulf });
    expect(
      (await a1.client.put(`/api/v1/talent/demand/${posting.id}`, { version: 1, data: postingInput() }))
        .statusCode,
    ).toBe(409);

    // Another enterprise, an unlinked recruiter and another college see nothing of it: 404.
    for (const c of [b1.client, loner.client, p1.client, otherEnterprise]) {
      expect((await c.get(`/api/v1/talent/demand/${posting.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/talent/demand/${posting.id}/shortlist`)).statusCode).toBe(404);
      expect(
        (await c.put(`/api/v1/talent/demand/${posting.id}`, { version: 2, data: postingInput() })).statusCode,
      ).toBe(404);
      expect(
        (await c.post(`/api/v1/talent/demand/${posting.id}/status`, { version: 2, status: 'closed' }))
          .statusCode,
      ).toBe(404);
      const list = (await c.get('/api/v1/talent/demand')).body;
      expect(list).not.toContain(posting.id);
    }
    expect(
      (await b1.client.get('/api/v1/talent/demand')).json().data.map((p: TDemandPosting) => p.id),
    ).toEqual([b1Posting.id]);
    expect((await a1.client.get(`/api/v1/talent/demand/${lonerPosting.id}`)).statusCode).toBe(404);

    // The shortlist is shared too: both recruiters see the same anonymised entry.
    const person = await createProfile();
    await consent(person.id);
    const entry = await propose(posting.id, person.id);
    for (const c of [a1.client, a2.client]) {
      const list = (await c.get(`/api/v1/talent/demand/${posting.id}/shortlist`)).json()
        .data as TShortlistEntry[];
      expect(list.map((e) => [e.id, e.person])).toEqual([[entry.id, null]]);
    }

    // A partner college's users post local demand the same way.
    const local = await post(p1.client, { country: 'KE', site: 'Mombasa', enterpriseName: '' });
    expect(local).toMatchObject({ partnerId: nairobi, enterpriseName: 'Mombasa Technical College' });
    expect((await p2.client.get(`/api/v1/talent/demand/${local.id}`)).statusCode).toBe(200);
    expect((await a1.client.get(`/api/v1/talent/demand/${local.id}`)).statusCode).toBe(404);

    // The audit keeps the partner of every posting change.
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('entityType', '=', 'demand_posting')
      .where('entityId', '=', posting.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.afterJson ?? '{}').partnerId]).sort()).toEqual([
      ['create', gulf],
      ['update', gulf],
    ]);

    // Unlinking takes the enterprise's postings away from the recruiter at once.
    expect((await linkUser(a2.userId, null)).statusCode).toBe(200);
    expect((await a2.client.get(`/api/v1/talent/demand/${posting.id}`)).statusCode).toBe(404);
  });
});

describe('the candidate hears of a new proposal', () => {
  it('mails each proposal once, in the candidate’s language, with the link and no enterprise contact', async () => {
    const enterprise = await createPartner(
      coordinator,
      '71',
      'Secret Employer Ltd',
      'hr@secret-employer.example.ae',
    );
    const recruiter = await member('enterprise');
    expect((await linkUser(recruiter.userId, enterprise)).statusCode).toBe(200);
    const posting = await post(recruiter.client, { country: 'AE', startDate: '2026-10-01' });
    const people = {
      en: await createProfile({ locale: 'en' }),
      'zh-CN': await createProfile({ locale: 'zh-CN' }),
      fr: await createProfile({ locale: 'fr' }),
      ar: await createProfile({ locale: 'ar' }),
    };
    const noEmail = await createProfile({ email: '' });
    for (const p of [...Object.values(people), noEmail]) {
      await consent(p.id);
    }
    const expected = {
      en: ['a job abroad may suit you', 'United Arab Emirates'],
      'zh-CN': ['有一个境外岗位可能适合您', '阿拉伯联合酋长国'],
      fr: ['un emploi à l’étranger', 'Émirats arabes unis'],
      ar: ['وظيفة في الخارج قد تناسبك', 'الإمارات العربية المتحدة'],
    } as const;
    for (const [locale, p] of Object.entries(people)) {
      const entry = await propose(posting.id, p.id);
      const mails = await outbox(p.email, 'talent_proposal');
      expect(mails, locale).toHaveLength(1);
      const mail = mails[0] as (typeof mails)[number];
      const [subject, country] = expected[locale as keyof typeof expected];
      expect(mail.subject.replace("'", '’')).toContain(subject);
      expect(mail.bodyText).toContain(country);
      expect(mail.bodyText).toContain('ISCO-08 7212');
      expect(mail.bodyText).toContain('2026-10-01');
      // Never the enterprise's name or contacts before the candidate agrees.
      for (const secret of ['Secret Employer', 'hr@secret-employer', 'Hiring Manager', 'Typed By']) {
        expect(mail.bodyText).not.toContain(secret);
      }
      // The personal link in the mail opens the proposal, to agree or decline.
      const token = /\/t\/([A-Za-z0-9_-]+)/.exec(mail.bodyText)?.[1] as string;
      const intro = await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/talent/${token}/introductions`,
      });
      expect(intro.statusCode, intro.body).toBe(200);
      expect((intro.json().data as TIntroduction[]).map((i) => i.id)).toEqual([entry.id]);
      // Re-proposing is refused and sends nothing more.
      const again = await coordinator.post(`/api/v1/talent/demand/${posting.id}/shortlist`, {
        profileId: p.id,
      });
      expect(again.statusCode).toBe(409);
      expect(await outbox(p.email, 'talent_proposal')).toHaveLength(1);
    }
    // Without an e-mail the proposal stands, and nothing is queued.
    await propose(posting.id, noEmail.id);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('entityType', '=', 'shortlist_entry')
      .where('action', '=', 'create')
      .execute();
    const mailed = audit.map((a) => JSON.parse(a.afterJson ?? '{}').candidateMailed);
    expect(mailed.filter((m) => m === true).length).toBeGreaterThanOrEqual(4);
    expect(mailed).toContain(false);
    // Deleting the profile deletes its proposal mails with it.
    expect((await coordinator.delete(`/api/v1/talent/profiles/${people.fr.id}`)).statusCode).toBe(200);
    expect(await outbox(people.fr.email, 'talent_proposal')).toEqual([]);
  });
});

describe('consent through an account: My talent profile', () => {
  it('links automatically on create; the owner consents, decides introductions, exports and deletes', async () => {
    const owner = await member('participant', `owner-${Date.now()}@example.cn`);
    const p = await createProfile({ email: owner.email, locale: 'fr' });
    expect(p.userId).toBe(owner.userId);
    const me = owner.client;

    let res = await me.get('/api/v1/talent/me');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    let s = res.json() as TSelfProfile;
    expect(s).toMatchObject({ linkExpiresAt: null, profile: { id: p.id, consentState: 'none' } });

    // Consent: purpose, scope, notice version, language and time, as the link records it.
    res = await me.post('/api/v1/talent/me/consent', {
      scope: 'match_and_introduce',
      locale: 'fr',
      noticeVersion: s.noticeVersion,
    });
    expect(res.statusCode, res.body).toBe(200);
    s = res.json();
    expect(s.profile.consent).toMatchObject({
      purpose: 'employment_matching',
      scope: 'match_and_introduce',
      noticeVersion: s.noticeVersion,
      locale: 'fr',
      givenVia: 'account',
      givenAt: t.clock.now().toISOString(),
      withdrawnAt: null,
    });
    expect(
      (
        await me.post('/api/v1/talent/me/consent', {
          scope: 'match_and_introduce',
          locale: 'fr',
          noticeVersion: s.noticeVersion,
        })
      ).statusCode,
    ).toBe(409);

    // The owner corrects their profile with compare-and-set.
    const edit = {
      skills: [{ skillKey: WELD, level: 4 }],
      languages: [{ code: 'en', cefr: 'C1' }],
      countries: ['AE', 'QA'],
      availableFrom: '2026-07-01',
    };
    res = await me.put('/api/v1/talent/me/profile', { version: s.profile.version, data: edit });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (await me.put('/api/v1/talent/me/profile', { version: s.profile.version, data: edit })).statusCode,
    ).toBe(409);

    // Introductions: agree with the current version; a stale one is 409.
    const recruiter = await member('enterprise');
    const posting = await post(recruiter.client, { enterpriseName: 'Account Works' });
    const entry = await propose(posting.id, p.id);
    res = await me.get('/api/v1/talent/me/introductions');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([
      expect.objectContaining({ id: entry.id, stage: 'proposed', version: 1 }),
    ]);
    res = await me.post(`/api/v1/talent/me/introductions/${entry.id}`, { version: 1, decision: 'agree' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data[0]).toMatchObject({ stage: 'candidate_agreed', version: 2 });
    expect(
      (await me.post(`/api/v1/talent/me/introductions/${entry.id}`, { version: 1, decision: 'decline' }))
        .statusCode,
    ).toBe(409);
    const shortlist = (await recruiter.client.get(`/api/v1/talent/demand/${posting.id}/shortlist`)).json()
      .data as TShortlistEntry[];
    expect(shortlist[0]?.person).toMatchObject({ email: owner.email });

    // Withdrawal hides the profile from the enterprise at once.
    res = await me.post('/api/v1/talent/me/consent/withdraw');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().profile.consentHistory[0]).toMatchObject({ withdrawnVia: 'account' });
    expect((await recruiter.client.get(`/api/v1/talent/demand/${posting.id}/shortlist`)).json().data).toEqual(
      [],
    );

    // Every change is audited anonymously, marked as done through the account.
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['actorId', 'reason', 'entityType'])
      .where('entityId', '=', p.id)
      .where('reason', '=', 'account')
      .execute();
    expect(audit.map((a) => a.entityType).sort()).toEqual([
      'talent_consent',
      'talent_consent',
      'talent_profile',
    ]);
    expect(audit.every((a) => a.actorId === null)).toBe(true);

    // Export, then delete for good; the account stays, the profile is gone.
    res = await me.get('/api/v1/talent/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(res.body).profile).toMatchObject({
      id: p.id,
      email: owner.email,
      userId: owner.userId,
    });
    res = await me.delete('/api/v1/talent/me');
    expect(res.statusCode, res.body).toBe(200);
    expect((await me.get('/api/v1/talent/me')).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/talent/profiles/${p.id}`)).statusCode).toBe(404);
    const deletion = await t.deps.db
      .selectFrom('auditLog')
      .select(['actorId', 'afterJson'])
      .where('entityId', '=', p.id)
      .where('action', '=', 'delete')
      .executeTakeFirstOrThrow();
    expect(deletion.actorId).toBeNull();
    expect(JSON.parse(deletion.afterJson ?? '{}')).toMatchObject({ via: 'account' });
  });

  it('a user sees only their own profile; coordinators link by e-mail with 404, 409 and 403', async () => {
    const first = await member('participant');
    const second = await member('participant');
    const unlinked = await member('participant');
    // Created before the account's profile existed? The coordinator links it later.
    const p1 = await createProfile({ email: first.email });
    expect(p1.userId).toBe(first.userId);
    const p2 = await createProfile({ email: `later-${seq}@example.cn` });
    expect(p2.userId).toBeNull();
    await consent(p1.id);
    const recruiter = await member('enterprise');
    const posting = await post(recruiter.client);
    const entry = await propose(posting.id, p1.id);

    // No profile linked: 404 everywhere; other roles: 403.
    for (const [method, url] of [
      ['GET', '/api/v1/talent/me'],
      ['GET', '/api/v1/talent/me/introductions'],
      ['GET', '/api/v1/talent/me/export'],
      ['POST', '/api/v1/talent/me/consent/withdraw'],
      ['DELETE', '/api/v1/talent/me'],
    ] as const) {
      expect(
        (await unlinked.client.request(method, url, method === 'POST' ? {} : undefined)).statusCode,
        url,
      ).toBe(404);
      expect(
        (await recruiter.client.request(method, url, method === 'POST' ? {} : undefined)).statusCode,
        url,
      ).toBe(403);
    }
    // The coordinator links p2 to the second participant once the e-mails match.
    const url = `/api/v1/talent/profiles/${p2.id}/account`;
    let res = await coordinator.put(url, { version: p2.version, linked: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('no_participant_account');
    res = await coordinator.put(`/api/v1/talent/profiles/${p2.id}`, {
      version: p2.version,
      data: profileInput({ email: second.email }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json().version as number;
    expect((await coordinator.put(url, { version: v - 1, linked: true })).statusCode).toBe(409);
    expect((await recruiter.client.put(url, { version: v, linked: true })).statusCode).toBe(403);
    expect((await otherCoordinator.put(url, { version: v, linked: true })).statusCode).toBe(404);
    res = await coordinator.put(url, { version: v, linked: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: second.userId, version: v + 1 });
    const mine = (await second.client.get('/api/v1/talent/me')).json() as TSelfProfile;
    expect(mine.profile.id).toBe(p2.id);
    expect(JSON.stringify(mine)).not.toContain(p1.email);
    expect((await second.client.get('/api/v1/talent/me/introductions')).json().data).toEqual([]);
    // Another participant cannot decide on the first one's proposal, nor see it.
    expect(
      (
        await second.client.post(`/api/v1/talent/me/introductions/${entry.id}`, {
          version: 1,
          decision: 'agree',
        })
      ).statusCode,
    ).toBe(404);
    expect((await first.client.get('/api/v1/talent/me/introductions')).json().data[0]?.id).toBe(entry.id);

    // One account manages one profile: a second profile with the same e-mail stays unlinked.
    const p3 = await createProfile({ email: second.email });
    expect(p3.userId).toBeNull();
    res = await coordinator.put(`/api/v1/talent/profiles/${p3.id}/account`, {
      version: p3.version,
      linked: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_EXISTS');

    // Unlinking is audited and ends the account's access.
    res = await coordinator.put(url, { version: v + 1, linked: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().userId).toBeNull();
    expect((await second.client.get('/api/v1/talent/me')).statusCode).toBe(404);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('entityType', '=', 'talent_profile')
      .where('entityId', '=', p2.id)
      .orderBy('at')
      .execute();
    // The clock is fixed in tests: compare the set of entries, not their order.
    expect(audit.map((a) => JSON.parse(a.afterJson ?? '{}').accountLinked).sort()).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});
