/**
 * Talent pool and overseas demand (issue 6), in a real Chromium against the real product started with
 * the demo workspace (24 talent profiles, 11 of them consented):
 *
 * 1. an enterprise user (invited by the demo admin through the users API, as a college would) posts
 *    demand in the form: country, occupation, two required skills with minimum levels, one language;
 * 2. the demo coordinator opens the posting, runs matching, expands a candidate's reasons (one skill
 *    matched, one missing) and shortlists that candidate;
 * 3. the enterprise sees the shortlist entry anonymised: no name on the page;
 * 4. the coordinator sends the candidate's personal link from the profile page; the candidate opens it
 *    from the outbox in a browser where nobody is signed in, sees their skills in the college's own
 *    wording, and agrees to the introduction;
 * 5. the enterprise, on reload, sees the candidate's name and e-mail for that posting;
 * 6. the demo participant whose account is linked to their profile opens "My talent profile" from the
 *    navigation and gives consent signed in.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone, type Locale, literal, signIn, tr } from './support/app.js';
import {
  assertNoPageErrors,
  launchBrowser,
  openSession,
  type Session,
  settle,
  shot,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const COORDINATOR = 'coordinator@pearl-river-tc.example.cn';
const ENTERPRISE = {
  email: 'recruiter@gulf-power.example.ae',
  name: 'Omar Haddad',
  password: 'Gulf-Power-2026!',
};
const POSTING = {
  enterprise: 'Gulf Power Contracting LLC',
  site: 'Abu Dhabi, Mussafah',
  country: 'United Arab Emirates',
  isco: '7411 · Building and related electricians',
  /** [skill label, minimum level]: the candidate has the first at level 2, not the second at all. */
  skills: [
    ['install electrical wiring', 2],
    ['apply electrical safety regulations', 2],
  ] as [string, number][],
  language: { code: 'en', cefr: 'B1' },
};
/** A starter skill the candidate has, and the college's own English wording of it (set in the journey). */
const WIRING = { item: 'college:elec.install-wiring', college: 'Lay electrical wiring (college wording)' };
/** The same skills as the demo coordinator, whose app speaks Chinese, reads them. */
const SKILLS_ZH = ['敷设电气线路', '执行电气安全规范'];
const ZH: Locale = 'zh-CN';
/** The demo trainee whose participant account manages their talent profile (seed-demo-talent.ts). */
const PARTICIPANT = { email: 'nasrin.akter@demo.example', name: 'নাসরিন আক্তার' };
/** A demo partner graduate: electrician, willing to work in the Emirates, consented to introductions. */
const CANDIDATE = { name: 'Samuel Otieno', email: 'samuel.otieno@kenyatvet.example.ke' };

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let enterprise: Session;
let coordinator: Session;
const sessions: Session[] = [];
let postingId = '';

interface OutboxMessage {
  id: string;
  to: string;
  text: string;
  kind: string;
}

/** A JSON API call as the signed-in person of a context (session cookie plus the CSRF header). */
async function call<T>(ctx: BrowserContext, method: string, url: string, body?: unknown): Promise<T> {
  const csrf = (await ctx.cookies()).find((c) => c.name === 'tvet_csrf')?.value;
  const res = await ctx.request.fetch(`/api/v1${url}`, {
    method,
    ...(body === undefined ? {} : { data: body }),
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The link in the newest outbox message of a kind to an address (no mail server in this run). */
async function linkFromOutbox(to: string, kind: string, pattern: RegExp): Promise<string> {
  const page = await call<{ data: OutboxMessage[] }>(admin, 'GET', '/outbox?pageSize=200');
  const message = page.data.find((m) => m.to === to && m.kind === kind);
  expect(message, `a ${kind} message to ${to}`).toBeDefined();
  const link = pattern.exec(message?.text ?? '')?.[0];
  expect(link, `a link in: ${message?.text}`).toBeDefined();
  return link as string;
}

/** Picks an option of a Mantine Select (typing first when searchable). */
async function choose(select: Locator, p: Page, option: string, typed?: string) {
  await select.click();
  if (typed !== undefined) {
    await select.fill(typed);
  }
  await p.getByRole('option', { name: option, exact: true }).click();
}

/** A form field by its label, whether or not the label carries the "required" asterisk. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${literal(label).source}( \\*)?$`));
}

/**
 * A picture of the whole page taken in a window as tall as the page, so that the app's fixed header
 * stays at the top instead of being stitched into the middle of a full-page capture.
 */
async function tallShot(p: Page, name: string): Promise<void> {
  const size = p.viewportSize() ?? { width: 1400, height: 900 };
  await settle(p);
  const height = await p.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
        .documentElement.scrollHeight,
  );
  await p.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 4000) });
  try {
    await shot(p, name, { fullPage: false });
  } finally {
    await p.setViewportSize(size);
  }
}

/** The shortlist card (section) of a posting page. */
function shortlistSection(p: Page, locale: Locale = 'en'): Locator {
  return p.getByRole('region', { name: tr(locale, 'talent.demand.shortlistTitle') });
}

describe('talent: demand, explainable matching, shortlist and introduction by consent', () => {
  beforeAll(async () => {
    server = await startServer({ timeoutMs: 180_000 });
    browser = await launchBrowser();
    // The demo admin invites the enterprise's recruiter (set-up through the API; the journey is the rest).
    admin = await browser.newContext({ baseURL: server.url });
    const signedIn = await admin.request.post('/api/v1/auth/sign-in', {
      data: { email: server.demo.email, password: server.demo.password },
    });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    await call(admin, 'POST', '/users/invitations', { email: ENTERPRISE.email, role: 'enterprise' });
    const invitation = await linkFromOutbox(
      ENTERPRISE.email,
      'invitation',
      /https?:\/\/\S+\/accept-invitation\?token=\S+/,
    );
    const token = decodeURIComponent(new URL(invitation).searchParams.get('token') ?? '');
    // Accepting signs the new user in: in a context of its own, so the admin's stays the admin's.
    const newcomer = await browser.newContext({ baseURL: server.url });
    const accepted = await newcomer.request.post('/api/v1/auth/invitations/accept', {
      data: { token, displayName: ENTERPRISE.name, password: ENTERPRISE.password },
    });
    expect(accepted.status(), await accepted.text()).toBeLessThan(300);
    await newcomer.close();
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && server) {
      for (const [i, s] of sessions.entries()) {
        await shot(s.page, `talent-failed-${i}`).catch(() => undefined);
      }
      console.error(`--- server stderr ---\n${server.stderr().slice(-4000)}`);
    }
  });

  afterAll(async () => {
    for (const s of sessions) {
      await s.close().catch(() => undefined);
    }
    await admin?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }, 60_000);

  it('the enterprise posts demand: country, occupation, two required skills with levels, a language', async () => {
    enterprise = await openSession(browser, server.url);
    sessions.push(enterprise);
    const p = enterprise.page;
    await signIn(p, ENTERPRISE.email, ENTERPRISE.password);
    await p.goto('/talent/demand/new');
    await p.getByRole('heading', { level: 1, name: tr('en', 'talent.demand.new'), exact: true }).waitFor();

    await field(p, tr('en', 'talent.demand.enterprise')).fill(POSTING.enterprise);
    await choose(
      p.getByRole('combobox', { name: tr('en', 'talent.occupation'), exact: true }),
      p,
      POSTING.isco,
      '7411',
    );
    await choose(
      p.getByRole('combobox', { name: tr('en', 'talent.country'), exact: true }),
      p,
      POSTING.country,
      'United Arab',
    );
    await field(p, tr('en', 'talent.demand.site')).fill(POSTING.site);
    await field(p, tr('en', 'talent.demand.startDate')).fill(dateInZone('Asia/Shanghai', 240));

    await p
      .getByRole('button', { name: tr('en', 'talent.addSkill'), exact: true })
      .first()
      .click();
    const skills = p.getByRole('combobox', { name: tr('en', 'talent.skill'), exact: true });
    const levels = p.getByRole('combobox', { name: tr('en', 'talent.demand.minLevel'), exact: true });
    expect(await skills.count()).toBe(2);
    for (const [i, [skill, level]] of POSTING.skills.entries()) {
      await choose(skills.nth(i), p, skill, skill.slice(0, 12));
      await choose(levels.nth(i), p, tr('en', `talent.level.${level}`));
    }
    // The first "Add language" button is the required languages'.
    await p
      .getByRole('button', { name: tr('en', 'talent.addLanguage'), exact: true })
      .first()
      .click();
    await p
      .getByRole('textbox', { name: tr('en', 'talent.languageCode'), exact: true })
      .fill(POSTING.language.code);
    await choose(
      p.getByRole('combobox', { name: tr('en', 'talent.demand.minCefr'), exact: true }),
      p,
      tr('en', `talent.cefrLevel.${POSTING.language.cefr}`),
    );
    await tallShot(p, 'talent-01-demand-form');
    await p.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await p.waitForURL(/\/talent\/demand\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    postingId = p.url().split('/').at(-1) ?? '';
    await p.getByRole('heading', { level: 1, name: POSTING.enterprise }).waitFor();
    await p
      .getByText(
        `${tr('en', 'talent.demand.requiredSkills')}: ${POSTING.skills.map(([s, l]) => `${s} ≥ ${l} (×1)`).join(' · ')}`,
      )
      .waitFor();
    await p.getByText(`${tr('en', 'talent.demand.requiredLanguages')}: en ≥ B1`).waitFor();
    // An enterprise does not run matching; its shortlist is empty so far.
    expect(await p.getByRole('button', { name: tr('en', 'talent.demand.runMatching') }).count()).toBe(0);
    await shortlistSection(p).getByText(tr('en', 'talent.demand.shortlistEmpty'), { exact: true }).waitFor();
    assertNoPageErrors(enterprise);
  }, 120_000);

  it('the coordinator runs matching, reads a candidate’s reasons and shortlists the candidate', async () => {
    coordinator = await openSession(browser, server.url);
    sessions.push(coordinator);
    const p = coordinator.page;
    await signIn(p, COORDINATOR, server.demo.password);
    await p.goto('/talent/demand');
    await p.getByRole('link', { name: POSTING.enterprise }).first().click();
    await p.waitForURL(new RegExp(`/talent/demand/${postingId}$`));
    await p.getByRole('button', { name: tr(ZH, 'talent.demand.runMatching'), exact: true }).click();

    const matching = p.getByRole('region', { name: tr(ZH, 'talent.demand.matchingTitle') });
    const item = matching
      .locator('.mantine-Accordion-item')
      .filter({ has: p.getByRole('link', { name: CANDIDATE.name, exact: true }) });
    await item.waitFor({ timeout: 30_000 });
    await item.locator('.mantine-Accordion-control').click();
    const panel = item.locator('.mantine-Accordion-panel');
    const reason = (outcome: string, skill: string) =>
      panel
        .locator('.mantine-Group-root')
        .filter({ has: p.getByText(tr(ZH, `talent.demand.outcome.${outcome}`), { exact: true }) })
        .filter({ hasText: skill })
        .first();
    await reason('matched', SKILLS_ZH[0] ?? '-').waitFor();
    await reason('missing', SKILLS_ZH[1] ?? '-').waitFor();
    expect(await reason('matched', SKILLS_ZH[0] ?? '-').isVisible()).toBe(true);
    expect(await reason('missing', SKILLS_ZH[1] ?? '-').isVisible()).toBe(true);

    await panel.getByRole('button', { name: tr(ZH, 'talent.demand.shortlist'), exact: true }).click();
    await panel
      .getByText(tr(ZH, 'talent.demand.stage.proposed'), { exact: true })
      .waitFor({ timeout: 30_000 });
    // The college sees the person on its board.
    await shortlistSection(p, ZH).getByText(CANDIDATE.name).waitFor();
    await shot(p, 'talent-02-matching-reasons-shortlist');
    assertNoPageErrors(coordinator);
  }, 120_000);

  it('the enterprise sees the shortlisted candidate anonymised', async () => {
    const p = enterprise.page;
    await p.reload();
    const board = shortlistSection(p);
    await board.getByText(tr('en', 'talent.demand.anonymous'), { exact: true }).waitFor();
    await p.getByText(tr('en', 'talent.demand.anonymisedHint'), { exact: true }).waitFor();
    await settle(p);
    const text = (await p.locator('body').textContent()) ?? '';
    expect(text).not.toContain(CANDIDATE.name);
    expect(text).not.toContain(CANDIDATE.email);
    await shot(p, 'talent-03-enterprise-anonymised');
    assertNoPageErrors(enterprise);
  }, 60_000);

  it('the candidate agrees to the introduction through the personal link', async () => {
    // Shortlisting told the candidate by e-mail: the country and the occupation, never the employer.
    const mails = await call<{ data: OutboxMessage[] }>(admin, 'GET', '/outbox?pageSize=200');
    const proposal = mails.data.filter((m) => m.to === CANDIDATE.email && m.kind === 'talent_proposal');
    expect(proposal).toHaveLength(1);
    expect(proposal[0]?.text).toContain(POSTING.country);
    expect(proposal[0]?.text).toMatch(/\/t\/[A-Za-z0-9_-]+/);
    expect(proposal[0]?.text).not.toContain(POSTING.enterprise);
    expect(proposal[0]?.text).not.toContain(ENTERPRISE.email);

    const p = coordinator.page;
    await p.goto('/talent');
    await p.getByRole('textbox', { name: tr(ZH, 'talent.search'), exact: true }).fill('Otieno');
    await p.getByRole('link', { name: CANDIDATE.name, exact: true }).first().click();
    await p.getByRole('heading', { level: 1, name: CANDIDATE.name }).waitFor();
    await p.getByRole('button', { name: tr(ZH, 'talent.sendLink'), exact: true }).click();
    let link = '';
    await expect
      .poll(
        async () => {
          const page = await call<{ data: OutboxMessage[] }>(admin, 'GET', '/outbox?pageSize=200');
          const m = page.data.find((x) => x.to === CANDIDATE.email && x.kind === 'talent_link');
          link = /https?:\/\/\S+\/t\/[A-Za-z0-9_-]+/.exec(m?.text ?? '')?.[0] ?? '';
          return link;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');

    // The college words a skill its own way: the link page (no session) shows that wording too.
    const taxonomy = await call<{ entries: { item: string; version: number }[] }>(
      admin,
      'GET',
      '/talent/taxonomy',
    );
    const wiring = taxonomy.entries.find((e) => e.item === WIRING.item);
    await call(admin, 'PUT', '/talent/taxonomy/labels', {
      item: WIRING.item,
      version: wiring?.version ?? 0,
      labels: { en: WIRING.college },
    });

    const candidate = await openSession(browser, server.url);
    sessions.push(candidate);
    const c = candidate.page;
    await c.goto(link);
    await expect
      .poll(() =>
        c
          .getByRole('combobox', { name: tr('en', 'talent.skill'), exact: true })
          .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value)),
      )
      .toContain(WIRING.college);
    const intros = c.getByRole('region', { name: tr('en', 'talent.demand.introductionsTitle') });
    const offer = intros.locator('.mantine-Card-root').filter({ hasText: POSTING.enterprise });
    await offer.waitFor({ timeout: 30_000 });
    await offer.getByText(POSTING.country, { exact: false }).waitFor();
    await offer
      .getByRole('button', { name: tr('en', 'talent.demand.agreeIntroduction'), exact: true })
      .click();
    await offer
      .getByText(tr('en', 'talent.demand.stage.candidate_agreed'), { exact: true })
      .waitFor({ timeout: 30_000 });
    await shot(c, 'talent-04-candidate-agrees');
    assertNoPageErrors(candidate);
  }, 120_000);

  it('the enterprise now sees the candidate’s name and e-mail for that posting', async () => {
    const p = enterprise.page;
    await p.reload();
    const board = shortlistSection(p);
    await board.getByText(CANDIDATE.name).waitFor();
    await board.getByRole('link', { name: CANDIDATE.email }).waitFor();
    expect(await board.getByText(tr('en', 'talent.demand.anonymous'), { exact: true }).count()).toBe(0);
    await shot(p, 'talent-05-enterprise-sees-name');
    assertNoPageErrors(enterprise);
  }, 60_000);

  it('the demo participant gives consent signed in, on My talent profile', async () => {
    const participant = await openSession(browser, server.url);
    sessions.push(participant);
    const p = participant.page;
    await signIn(p, PARTICIPANT.email, server.demo.password);
    await p
      .getByRole('link', { name: tr('en', 'nav.myTalent'), exact: true })
      .first()
      .click();
    await p.waitForURL(/\/talent\/me$/);
    await p.getByRole('heading', { level: 1, name: PARTICIPANT.name }).waitFor();
    const consent = p.getByRole('region', { name: tr('en', 'talent.self.consentTitle') });
    await consent.getByRole('radio', { name: tr('en', 'talent.scope.match_and_introduce') }).check();
    await consent.getByRole('button', { name: tr('en', 'talent.self.agree'), exact: true }).click();
    await consent
      .getByRole('button', { name: tr('en', 'talent.withdrawConsent'), exact: true })
      .waitFor({ timeout: 30_000 });
    const me = await participant.context.request.get('/api/v1/talent/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).profile.consent).toMatchObject({
      givenVia: 'account',
      scope: 'match_and_introduce',
    });
    await shot(p, 'talent-06-my-talent-profile');
    assertNoPageErrors(participant);
  }, 120_000);
});
