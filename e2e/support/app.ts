import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { settle } from './browser.js';
import { ROOT } from './server.js';

export type Locale = 'en' | 'zh-CN' | 'fr' | 'ar';

/** Names of the languages as the language switcher shows them (src/web/i18n/index.ts). */
export const LOCALE_LABELS: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '中文',
  fr: 'Français',
  ar: 'العربية',
};

const catalogs = new Map<Locale, Record<string, unknown>>();

function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] =
      value && typeof value === 'object' && existing && typeof existing === 'object'
        ? deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return target;
}

/** The shared catalog merged with every feature's part, as the web app merges them (i18n/catalog-parts.ts). */
function loadCatalog(locale: Locale): Record<string, unknown> {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const catalog = read(path.join(ROOT, `src/web/i18n/locales/${locale}.json`));
  const features = path.join(ROOT, 'src/web/features');
  for (const feature of fs.readdirSync(features).sort()) {
    const part = path.join(features, feature, 'locales', `${locale}.json`);
    if (fs.existsSync(part)) {
      deepMerge(catalog, read(part));
    }
  }
  return catalog;
}

/**
 * A message from the web app's catalogs (src/web/i18n/locales/<locale>.json and
 * src/web/features/<feature>/locales/<locale>.json), e.g. tr('ar', 'nav.partners').
 */
export function tr(locale: Locale, key: string): string {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = loadCatalog(locale);
    catalogs.set(locale, catalog);
  }
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof node !== 'string') {
    throw new Error(`no message ${key} in ${locale}.json`);
  }
  return node;
}

/** Regex-escape a literal. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** Fills the sign-in form like a person and waits for the app shell. */
export async function signIn(page: Page, email: string, password: string, locale: Locale = 'en') {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByRole('textbox', { name: tr(locale, 'auth.email'), exact: true }).fill(email);
  await page.getByRole('textbox', { name: tr(locale, 'auth.password'), exact: true }).fill(password);
  await page.getByRole('button', { name: tr(locale, 'auth.signIn'), exact: true }).click();
  await page.getByRole('navigation').first().waitFor();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await settle(page);
}

/** The main navigation landmark of the app shell. */
export function mainNav(page: Page) {
  return page.locator('nav.mantine-AppShell-navbar');
}

/** Opens the language menu (its button shows the current language) and picks another language. */
export async function switchLanguage(page: Page, from: Locale, to: Locale) {
  await page.locator('header').getByRole('button', { name: LOCALE_LABELS[from] }).click();
  await page.getByRole('menuitem', { name: LOCALE_LABELS[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
  await settle(page);
}

/** Today's calendar date in a time zone, plus `days`, as YYYY-MM-DD. */
export function dateInZone(timeZone: string, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** [lang, dir] of the <html> element. */
export async function htmlLangDir(page: Page): Promise<[string | null, string | null]> {
  const html = page.locator('html');
  return [await html.getAttribute('lang'), await html.getAttribute('dir')];
}
