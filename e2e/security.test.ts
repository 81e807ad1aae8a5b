/**
 * Security as a person meets it in the browser: signing out really ends access, roles decide what
 * the navigation offers, one college never sees another's partners, and a partner's name is shown
 * as text, never run as HTML.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_LABELS, mainNav, signIn, tr } from './support/app.js';
import {
  assertNoPageErrors,
  checkA11y,
  launchBrowser,
  openSession,
  type Session,
  settle,
  shot,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const COORDINATOR = 'coordinator@pearl-river-tc.example.cn';
const FOSHAN_ADMIN = 'admin@foshan-tc.example.cn';
const TRAINER = 'trainer@pearl-river-tc.example.cn';
const XSS_NAME = '<img src=x onerror=window.__xss=1>';

let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];
let current: Page | undefined;
/** The id of a Pearl River partner, to try from another college. */
let pearlRiverPartnerPath = '';

async function newSession(): Promise<Session> {
  const s = await openSession(browser, server.url);
  sessions.push(s);
  current = s.page;
  return s;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterEach(async ({ task }) => {
  if (current && (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0)) {
    await shot(current, `FAILED-security-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(
      () => undefined,
    );
  }
});

afterAll(async () => {
  for (const s of sessions) {
    await s.close().catch(() => undefined);
  }
  await browser?.close();
  await server?.stop();
});

describe('security in the browser', () => {
  it('after signing out, Back shows the sign-in page and the API answers 401', async () => {
    const s = await newSession();
    const { page } = s;
    await signIn(page, server.demo.email, server.demo.password);
    await mainNav(page)
      .getByRole('link', { name: tr('en', 'nav.partners'), exact: true })
      .click();
    await page.getByRole('link', { name: 'Kenya Technical Trainers College' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kenya Technical Trainers College' }).waitFor();
    pearlRiverPartnerPath = new URL(page.url()).pathname;
    expect((await s.context.request.get(`/api/v1${pearlRiverPartnerPath}`)).status()).toBe(200);

    await page.getByRole('button', { name: /^User menu for / }).click();
    await page.getByRole('menuitem', { name: tr('en', 'user.signOut') }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: tr('en', 'auth.signInTitle') }).waitFor();

    await page.goBack();
    await settle(page);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: tr('en', 'auth.signIn'), exact: true }).waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Kenya Technical Trainers College');
    expect(body).not.toContain('Nairobi');
    expect(await mainNav(page).count()).toBe(0);

    // The old session cookie is dead on the server too, not only forgotten by the page.
    for (const url of [`/api/v1${pearlRiverPartnerPath}`, '/api/v1/partners', '/api/v1/auth/session']) {
      expect((await s.context.request.get(url)).status(), url).toBe(401);
    }
    await shot(page, 'security-01-after-sign-out-back');
    assertNoPageErrors(s);
  });

  it('the navigation follows the role: admin has Users and Audit, a coordinator no Audit, a trainer no Administration', async () => {
    const admin = await newSession();
    await signIn(admin.page, server.demo.email, server.demo.password);
    const adminMenu = mainNav(admin.page).getByRole('button', { name: tr('en', 'nav.admin') });
    await adminMenu.click();
    await mainNav(admin.page)
      .getByRole('link', { name: tr('en', 'nav.users'), exact: true })
      .waitFor();
    await mainNav(admin.page)
      .getByRole('link', { name: tr('en', 'nav.audit'), exact: true })
      .waitFor();
    assertNoPageErrors(admin);

    // Same demo password as the console printed for the administrator (docs/user-guide.md).
    // The coordinator's profile language is Chinese, so the app switches to it after sign-in.
    // By the permission table (src/contracts/roles.ts) a coordinator may read the user list and the
    // outbox but not the audit log, and may not manage users.
    const s = await newSession();
    const { page } = s;
    await signIn(page, COORDINATOR, server.demo.password);
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    const nav = mainNav(page);
    await nav.getByRole('link', { name: tr('zh-CN', 'nav.partners'), exact: true }).waitFor();
    await nav.getByRole('button', { name: tr('zh-CN', 'nav.admin') }).click();
    await nav.getByRole('link', { name: tr('zh-CN', 'nav.users'), exact: true }).waitFor();
    expect((await nav.textContent()) ?? '').not.toContain(tr('zh-CN', 'nav.audit'));
    expect(await nav.locator('a[href="/admin/audit"]').count()).toBe(0);
    // Typing the address does not help: the page says "not allowed" and the API refuses.
    await page.goto('/admin/audit');
    await page
      .getByRole('alert')
      .filter({ hasText: tr('zh-CN', 'errors.FORBIDDEN') })
      .waitFor();
    expect((await s.context.request.get('/api/v1/audit')).status()).toBe(403);
    await shot(page, 'security-02-coordinator-no-audit');
    await checkA11y(page, 'forbidden page (zh-CN)');
    // The user list is read-only for a coordinator: no invitation button.
    await page.goto('/admin/users');
    await page.getByRole('table').first().waitFor();
    await settle(page);
    expect(await page.getByRole('button', { name: tr('zh-CN', 'users.invite') }).count()).toBe(0);
    assertNoPageErrors(s);

    // A trainer has no administration at all: no menu, and the pages and API refuse.
    const trainer = await newSession();
    await signIn(trainer.page, TRAINER, server.demo.password);
    const trainerNav = mainNav(trainer.page);
    await trainerNav.getByRole('link', { name: tr('en', 'nav.partners'), exact: true }).waitFor();
    const trainerNavText = (await trainerNav.textContent()) ?? '';
    for (const key of ['nav.admin', 'nav.users', 'nav.audit', 'nav.outbox']) {
      expect(trainerNavText).not.toContain(tr('en', key));
    }
    expect(await trainerNav.locator('a[href^="/admin"]').count()).toBe(0);
    await trainer.page.goto('/admin/users');
    await trainer.page
      .getByRole('alert')
      .filter({ hasText: tr('en', 'errors.FORBIDDEN') })
      .waitFor();
    for (const url of ['/api/v1/users', '/api/v1/audit']) {
      expect((await trainer.context.request.get(url)).status(), url).toBe(403);
    }
    await shot(trainer.page, 'security-03-trainer-no-admin');
    assertNoPageErrors(trainer);
  });

  it('another college sees only its own partner and gets not-found for ours', async () => {
    expect(pearlRiverPartnerPath).toMatch(/^\/partners\/[^/]+$/);
    const s = await newSession();
    const { page } = s;
    await signIn(page, FOSHAN_ADMIN, server.demo.password);
    await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
    await mainNav(page)
      .getByRole('link', { name: tr('zh-CN', 'nav.partners'), exact: true })
      .click();
    const table = page.getByRole('table', { name: tr('zh-CN', 'nav.partners'), exact: true });
    await table.waitFor();
    await settle(page);
    const names = await table.locator('tbody tr td:first-child a').allTextContents();
    // Shown by its Chinese name in the Chinese UI.
    expect(names).toEqual(['卢萨卡商业技术学院']);
    await page.getByRole('link', { name: '卢萨卡商业技术学院' }).click();
    await page.getByText('Lusaka Business and Technical College', { exact: true }).waitFor();

    await page.goto(pearlRiverPartnerPath);
    await page
      .getByRole('alert')
      .filter({ hasText: tr('zh-CN', 'errors.NOT_FOUND') })
      .waitFor();
    expect(await page.getByText('Kenya Technical Trainers College').count()).toBe(0);
    expect((await s.context.request.get(`/api/v1${pearlRiverPartnerPath}`)).status()).toBe(404);
    await shot(page, 'security-04-other-college-not-found');
    assertNoPageErrors(s);
  });

  it('shows a partner named like an HTML tag as text and never runs it', async () => {
    const s = await newSession();
    const { page } = s;
    await signIn(page, server.demo.email, server.demo.password);
    await page.goto('/partners/new');
    await page.getByRole('heading', { level: 1, name: tr('en', 'partners.new') }).waitFor();
    await page.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(XSS_NAME);
    const country = page.getByRole('combobox', { name: tr('en', 'partners.country'), exact: true });
    await country.click();
    await country.fill('Kenya');
    await page.getByRole('option', { name: 'Kenya', exact: true }).click();
    const type = page.getByRole('combobox', { name: tr('en', 'partners.type'), exact: true });
    await type.click();
    await page.getByRole('option', { name: tr('en', 'partners.types.80'), exact: true }).click();
    await page.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();

    await page.waitForURL(/\/partners\/(?!new)[^/]+$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: XSS_NAME }).waitFor();
    expect(((await heading.textContent()) ?? '').trim()).toContain(XSS_NAME);
    await settle(page);
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    // The list and the page title of every other view are text as well.
    await page.goto(`/partners?q=${encodeURIComponent('onerror')}`);
    await page.getByRole('link', { name: XSS_NAME, exact: true }).waitFor();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await shot(page, 'security-05-xss-as-text');
    assertNoPageErrors(s);
  });
});
