/**
 * The partners-and-agreements journey, as a person does it in a real Chromium against the real
 * product (started by `node --import tsx src/server/main.ts` with the demo workspace):
 * sign in with the account the console prints, find partners on the map, add one, import a
 * spreadsheet (first with a mistake, then fixed), record agreements and watch one show as
 * expiring, then use the app in Arabic (right-to-left), Chinese and French.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dateInZone,
  htmlLangDir,
  LOCALE_LABELS,
  literal,
  mainNav,
  signIn,
  switchLanguage,
  tr,
} from './support/app.js';
import {
  assertNoPageErrors,
  checkA11y,
  launchBrowser,
  openSession,
  type Session,
  settle,
  shot,
} from './support/browser.js';
import { ROOT, type RunningServer, startServer } from './support/server.js';

/** The demo college's time zone (seed: Asia/Shanghai); "today" for agreement status is its date. */
const COLLEGE_TZ = 'Asia/Shanghai';
const DOCS_DIR = path.join(ROOT, 'docs/screenshots');

const NEW_PARTNER = {
  en: 'Mwanza Polytechnic College',
  zh: '姆万扎理工学院',
  country: 'United Republic of Tanzania',
  contactName: 'Neema Mollel',
  contactEmail: 'neema.mollel@mwanza-poly.example.tz',
};

let server: RunningServer;
let browser: Browser;
let s: Session;
let page: Page;
let tmpDir: string;
let newPartnerUrl = '';
let expiringAgreementUrl = '';
const viewportShots: Record<string, string> = {};

/** Rows of the partner list table (its accessible name is the nav label "Partners"). */
function partnerTable(p: Page, locale: 'en' | 'ar' | 'zh-CN' | 'fr' = 'en') {
  return p.getByRole('table', { name: tr(locale, 'nav.partners'), exact: true });
}

async function partnerNamesInList(p: Page): Promise<string[]> {
  const table = partnerTable(p);
  await table.waitFor();
  await settle(p);
  return table.locator('tbody tr td:first-child a').allInnerTexts();
}

/** A country on the world map: a focusable element whose accessible name starts with the country. */
function mapCountry(p: Page, name: string) {
  return p.locator(`svg.world-map [role="button"][aria-label^="${name}:"]`);
}

/** Types into the partner search box like a person and waits for the list to reload. */
async function searchPartners(p: Page, text: string) {
  await p.goto('/partners');
  await partnerTable(p).waitFor();
  await settle(p);
  const box = p.getByRole('searchbox', { name: tr('en', 'common.search') });
  const answered = p.waitForResponse((r) => {
    const u = new URL(r.url());
    return u.pathname === '/api/v1/partners' && u.searchParams.get('q') === text;
  });
  await box.fill(text);
  await p.waitForURL((u) => u.searchParams.get('q') === text);
  await answered;
  await partnerTable(p).and(p.locator(':not([aria-busy])')).waitFor();
  await settle(p);
}

async function uploadForImport(p: Page, file: string) {
  await p.goto('/partners/import');
  await p.getByRole('heading', { name: tr('en', 'partners.import.title') }).waitFor();
  await p.locator('input[type="file"]').setInputFiles(file);
  await p
    .getByRole('heading', {
      name: tr('en', 'partners.import.previewTitle').replace('{file}', path.basename(file)),
    })
    .waitFor();
  await settle(p);
}

/** Picks an option of a Mantine (searchable) Select by typing part of its text. */
async function choose(p: Page, label: string, typed: string, option: string) {
  const input = p.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await p.getByRole('option', { name: option, exact: true }).click();
}

async function createAgreement(
  p: Page,
  partnerUrl: string,
  title: string,
  dates: { signedOn: string; startsOn: string; endsOn: string },
): Promise<string> {
  await p.goto(partnerUrl);
  await p.getByRole('link', { name: tr('en', 'agreements.new') }).click();
  await p.waitForURL(/\/agreements\/new\?partnerId=/);
  await p.getByRole('heading', { name: tr('en', 'agreements.new') }).waitFor();
  // The partner we came from is already chosen, and shown by name.
  await p.locator('.mantine-Pill-root', { hasText: NEW_PARTNER.en }).waitFor();
  await p.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(title);
  await p.getByRole('combobox', { name: tr('en', 'agreements.stage'), exact: true }).click();
  await p.getByRole('option', { name: tr('en', 'agreements.stages.signed'), exact: true }).click();
  await p.getByRole('textbox', { name: tr('en', 'agreements.signedOn'), exact: true }).fill(dates.signedOn);
  await p.getByRole('textbox', { name: tr('en', 'agreements.startsOn'), exact: true }).fill(dates.startsOn);
  await p.getByRole('textbox', { name: tr('en', 'agreements.endsOn'), exact: true }).fill(dates.endsOn);
  await p.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
  await p.waitForURL(/\/agreements\/[^/?]+$/);
  await p.getByRole('heading', { level: 1, name: title }).waitFor();
  await settle(p);
  return new URL(p.url()).pathname;
}

/** The value shown under a field label on a detail page (label text, then the value block). */
async function fieldValue(p: Page, label: string): Promise<string> {
  const labelEl = p.locator('main p', { hasText: new RegExp(`^${literal(label).source}$`) }).first();
  return ((await labelEl.locator('xpath=following-sibling::div[1]').textContent()) ?? '').trim();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  s = await openSession(browser, server.url);
  page = s.page;
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-files-'));
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    await shot(page, `FAILED-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await s?.close();
  await browser?.close();
  await server?.stop();
  if (tmpDir) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
});

describe('partners and agreements journey', () => {
  it('signs in with the demo account the console printed and sees expiring agreements', async () => {
    expect(server.demo.email).toBe('admin@pearl-river-tc.example.cn');
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: tr('en', 'auth.signInTitle') }).waitFor();
    await shot(page, '01-sign-in');
    await signIn(page, server.demo.email, server.demo.password);

    await page.getByRole('heading', { level: 1, name: tr('en', 'nav.dashboard') }).waitFor();
    const expiringCard = page
      .locator('.mantine-Card-root')
      .filter({ has: page.getByRole('heading', { name: 'Agreements expiring within 90 days' }) });
    await expiringCard
      .getByRole('link', { name: 'Memorandum of Understanding on Electrical Installation Training' })
      .waitFor();
    await expect(expiringCard.textContent()).resolves.toMatch(/\d+ days left/);
    await shot(page, '02-dashboard');
    await checkA11y(page, 'dashboard');
    assertNoPageErrors(s);
  });

  it('filters the partner list by clicking Kenya on the world map', async () => {
    await mainNav(page)
      .getByRole('link', { name: tr('en', 'nav.partners'), exact: true })
      .click();
    await page.waitForURL(/\/partners$/);
    await page.getByRole('heading', { level: 1, name: tr('en', 'nav.partners') }).waitFor();
    await page.locator(`svg.world-map[aria-label="${tr('en', 'partners.map.label')}"]`).waitFor();
    // The country on the map itself (the list of country buttons under it is its text alternative).
    const kenya = mapCountry(page, 'Kenya');
    await kenya.waitFor();
    expect(await partnerNamesInList(page)).toContain('Dhaka Polytechnic Institute');
    await shot(page, '03-partners-en');
    viewportShots.partnersEn = await shot(page, '03-partners-en-viewport', {
      fullPage: false,
      withoutToasts: true,
    });
    await checkA11y(page, 'partners list (en)');

    await kenya.focus();
    await kenya.click();
    await page.waitForURL((u) => u.searchParams.get('country') === 'KE');
    await page.locator('svg.world-map [role="button"][aria-pressed="true"][aria-label^="Kenya:"]').waitFor();
    await page.getByRole('button', { name: 'Show all countries (now: Kenya)' }).waitFor();
    const names = await partnerNamesInList(page);
    expect(names.sort()).toEqual(['Kenya Technical Trainers College', 'Technical University of Kenya']);
    await shot(page, '04-partners-kenya');
    await checkA11y(page, 'partners list filtered to Kenya');
    assertNoPageErrors(s);
  });

  it('creates a partner with English and Chinese names, country, type and a contact', async () => {
    await page.goto('/partners');
    await page.getByRole('link', { name: tr('en', 'partners.new') }).click();
    await page.waitForURL(/\/partners\/new$/);
    await page.getByRole('heading', { level: 1, name: tr('en', 'partners.new') }).waitFor();

    await page.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(NEW_PARTNER.en);
    await page.getByRole('textbox', { name: LOCALE_LABELS['zh-CN'], exact: true }).fill(NEW_PARTNER.zh);
    await choose(page, tr('en', 'partners.country'), 'Tanz', NEW_PARTNER.country);
    await page.getByRole('textbox', { name: tr('en', 'partners.city'), exact: true }).fill('Mwanza');
    await choose(page, tr('en', 'partners.type'), 'Academic', tr('en', 'partners.types.80'));
    await page.getByRole('button', { name: tr('en', 'partners.contacts.add') }).click();
    const contact = page.getByRole('region', { name: 'Contact 1' });
    await contact
      .getByRole('textbox', { name: tr('en', 'partners.contacts.nameLatin'), exact: true })
      .fill(NEW_PARTNER.contactName);
    await contact
      .getByRole('textbox', { name: tr('en', 'partners.contacts.position'), exact: true })
      .fill('Head of International Office');
    await contact
      .getByRole('textbox', { name: tr('en', 'partners.contacts.email'), exact: true })
      .fill(NEW_PARTNER.contactEmail);
    await shot(page, '05-partner-form');
    await checkA11y(page, 'new partner form');
    await page.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();

    await page.waitForURL(/\/partners\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: NEW_PARTNER.en }).waitFor();
    newPartnerUrl = new URL(page.url()).pathname;
    expect(newPartnerUrl).not.toBe('/partners/new');
    const main = page.locator('main');
    await main.getByText(NEW_PARTNER.zh, { exact: true }).waitFor();
    await main.getByText(NEW_PARTNER.country, { exact: true }).waitFor();
    await main.getByText(tr('en', 'partners.types.80'), { exact: true }).waitFor();
    await main.getByText(NEW_PARTNER.contactName).waitFor();
    await main.getByText(NEW_PARTNER.contactEmail).waitFor();
    await shot(page, '06-partner-detail');
    await checkA11y(page, 'partner detail');
    assertNoPageErrors(s);
  });

  it('blocks an import with a bad row, imports the fixed file, then the shipped sample', async () => {
    const withErrors = path.join(ROOT, 'samples/partners-import-with-errors.csv');
    await uploadForImport(page, withErrors);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const problemRows = problems.locator('tbody tr');
    const texts = (await problemRows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const row3 = texts.filter((t) => t.startsWith('3 '));
    expect(
      row3.some((t) => t.includes('country') && t.includes(tr('en', 'import.problem.unknown_country'))),
    ).toBe(true);
    expect(
      row3.some((t) => t.includes('contact_email') && t.includes(tr('en', 'import.problem.email_format'))),
    ).toBe(true);
    expect(texts.every((t) => t.startsWith('3 '))).toBe(true);
    await page
      .getByRole('alert')
      .filter({ hasText: tr('en', 'partners.import.cannotImport') })
      .waitFor();
    const importButton = page.getByRole('button', { name: tr('en', 'partners.import.run'), exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByTestId('import-rows').locator('tbody tr').first().waitFor();
    await shot(page, '07-import-problems');
    await checkA11y(page, 'import preview with problems');

    // Nothing was saved: the valid first row is not in the list either.
    await searchPartners(page, 'Mombasa Technical Training Institute');
    expect(await partnerNamesInList(page)).toEqual([]);
    await page.getByText(tr('en', 'partners.empty')).waitFor();

    // Fix the file the way a person would: a real country and a real e-mail address.
    const original = fs.readFileSync(withErrors, 'utf8');
    const fixed = original
      .replace('Arusha Technical College,,XX,', 'Arusha Technical College,,TZ,')
      .replace('not-an-email', 'joseph.mushi@atc.example.tz');
    expect(fixed).not.toBe(original);
    const fixedFile = path.join(tmpDir, 'partners-import-fixed.csv');
    fs.writeFileSync(fixedFile, fixed);
    await uploadForImport(page, fixedFile);
    await page.getByText('No problems found').waitFor();
    await page.getByTestId('import-problems').getByText(tr('en', 'partners.import.noProblems')).waitFor();
    expect(await page.getByTestId('import-rows').locator('tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: tr('en', 'partners.import.run'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: '2 partners were imported.' }).waitFor();
    await shot(page, '08-import-done');

    await searchPartners(page, 'Mombasa Technical Training Institute');
    expect(await partnerNamesInList(page)).toEqual(['Mombasa Technical Training Institute']);
    await searchPartners(page, 'Arusha Technical College');
    expect(await partnerNamesInList(page)).toEqual(['Arusha Technical College']);

    await uploadForImport(page, path.join(ROOT, 'samples/partners-import.csv'));
    await page.getByText('No problems found').waitFor();
    expect(await page.getByTestId('import-rows').locator('tbody tr').count()).toBe(5);
    await page.getByRole('button', { name: tr('en', 'partners.import.run'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: '5 partners were imported.' }).waitFor();
    await searchPartners(page, 'Chittagong');
    expect(await partnerNamesInList(page)).toEqual(['Chittagong Polytechnic Institute']);
    assertNoPageErrors(s);
  });

  it('shows a new agreement ending in 30 days as expiring, and one ending in 400 days as active', async () => {
    expect(newPartnerUrl).toMatch(/^\/partners\//);
    const past = { signedOn: dateInZone(COLLEGE_TZ, -60), startsOn: dateInZone(COLLEGE_TZ, -45) };

    expiringAgreementUrl = await createAgreement(page, newPartnerUrl, 'Mwanza Welding Training MoU', {
      ...past,
      endsOn: dateInZone(COLLEGE_TZ, 30),
    });
    const header = page.locator('main').locator('h1').locator('xpath=..');
    await header.getByText(tr('en', 'agreements.status.expiring'), { exact: true }).waitFor();
    const left = await fieldValue(page, tr('en', 'agreements.daysToEnd'));
    const days = Number(/^(\d+) days left$/.exec(left)?.[1]);
    expect(days).toBeGreaterThanOrEqual(29);
    expect(days).toBeLessThanOrEqual(31);
    await shot(page, '09-agreement-expiring');
    await checkA11y(page, 'agreement detail (expiring)');

    await createAgreement(page, newPartnerUrl, 'Mwanza Joint Training Base', {
      ...past,
      endsOn: dateInZone(COLLEGE_TZ, 400),
    });
    await header.getByText(tr('en', 'agreements.status.active'), { exact: true }).waitFor();
    expect(await fieldValue(page, tr('en', 'agreements.daysToEnd'))).toMatch(/^(399|400|401) days left$/);
    await shot(page, '10-agreement-active');

    // The dashboard now lists the new expiring agreement next to the seeded one.
    await mainNav(page)
      .getByRole('link', { name: tr('en', 'nav.dashboard'), exact: true })
      .click();
    await page.getByRole('link', { name: 'Mwanza Welding Training MoU' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mwanza Joint Training Base' }).count()).toBe(0);
    assertNoPageErrors(s);
  });

  it('works in Arabic (right-to-left), Chinese and French, and remembers the choice', async () => {
    await mainNav(page)
      .getByRole('link', { name: tr('en', 'nav.partners'), exact: true })
      .click();
    await page.waitForURL(/\/partners$/);
    await switchLanguage(page, 'en', 'ar');
    expect(await htmlLangDir(page)).toEqual(['ar', 'rtl']);
    await mainNav(page)
      .getByRole('link', { name: tr('ar', 'nav.partners'), exact: true })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: tr('ar', 'nav.partners') }).waitFor();
    await mapCountry(page, 'كينيا').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\b(partners|agreements|common)\.[a-zA-Z]+/);
    await shot(page, '11-partners-ar');
    viewportShots.partnersAr = await shot(page, '11-partners-ar-viewport', {
      fullPage: false,
      withoutToasts: true,
    });
    await checkA11y(page, 'partners list (ar)');

    await page.goto(expiringAgreementUrl);
    await page.getByRole('heading', { level: 1, name: 'Mwanza Welding Training MoU' }).waitFor();
    await page.getByText(tr('ar', 'agreements.status.expiring'), { exact: true }).first().waitFor();
    expect((await htmlLangDir(page))[1]).toBe('rtl');
    await shot(page, '12-agreement-ar');
    await checkA11y(page, 'agreement detail (ar)');

    await switchLanguage(page, 'ar', 'zh-CN');
    expect(await htmlLangDir(page)).toEqual(['zh-CN', 'ltr']);
    await mainNav(page)
      .getByRole('link', { name: tr('zh-CN', 'nav.partners'), exact: true })
      .waitFor();
    await page.getByText(tr('zh-CN', 'agreements.status.expiring'), { exact: true }).first().waitFor();
    await shot(page, '13-agreement-zh');
    await mainNav(page)
      .getByRole('link', { name: tr('zh-CN', 'nav.partners'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('zh-CN', 'nav.partners') }).waitFor();
    await page.getByRole('link', { name: '吉大港理工学院' }).waitFor();
    await shot(page, '14-partners-zh');

    await switchLanguage(page, 'zh-CN', 'fr');
    expect((await htmlLangDir(page))[1]).toBe('ltr');
    await page.getByRole('link', { name: tr('fr', 'partners.new') }).waitFor();
    await mainNav(page)
      .getByRole('link', { name: tr('fr', 'nav.agreements'), exact: true })
      .waitFor();

    // Back to Arabic, then reload: the choice survives (local storage and the user's profile).
    await switchLanguage(page, 'fr', 'ar');
    await page.reload();
    await mainNav(page)
      .getByRole('link', { name: tr('ar', 'nav.partners'), exact: true })
      .waitFor();
    expect(await htmlLangDir(page)).toEqual(['ar', 'rtl']);
    const sessionRes = await s.context.request.get('/api/v1/auth/session');
    expect(sessionRes.status()).toBe(200);
    expect(((await sessionRes.json()) as { user: { locale: string } }).user.locale).toBe('ar');

    // A fresh browser (no local storage) signed in as the same person gets Arabic from the profile.
    const other = await openSession(browser, server.url);
    try {
      await signIn(other.page, server.demo.email, server.demo.password);
      await other.page.locator('html[lang="ar"]').waitFor({ state: 'attached' });
      await mainNav(other.page)
        .getByRole('link', { name: tr('ar', 'nav.partners'), exact: true })
        .waitFor();
      assertNoPageErrors(other);
    } finally {
      await other.close();
    }

    await switchLanguage(page, 'ar', 'en');
    assertNoPageErrors(s);
  });

  // The README pictures are committed, so they are rewritten only on request
  // (UPDATE_README_SCREENSHOTS=1 npm run test:e2e): an ordinary test run leaves the tree clean.
  it('takes the README screenshots (written to docs/ only on request)', () => {
    const write = process.env.UPDATE_README_SCREENSHOTS === '1';
    if (write) {
      fs.mkdirSync(DOCS_DIR, { recursive: true });
    }
    for (const [key, target] of [
      ['partnersEn', 'partners-en.png'],
      ['partnersAr', 'partners-ar.png'],
    ] as const) {
      const source = viewportShots[key];
      expect(source, `screenshot ${key} was taken`).toBeTruthy();
      if (write) {
        fs.copyFileSync(source as string, path.join(DOCS_DIR, target));
      }
      const size = fs.statSync(source as string).size;
      expect(size).toBeGreaterThan(10_000);
      expect(size).toBeLessThan(1_500_000);
    }
  });
});
