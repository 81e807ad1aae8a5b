import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './server.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** console.error messages seen so far (informational; some come from expected 401s). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page: any of these fails the test (see assertNoPageErrors). */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: LAUNCH_ARGS,
  });
}

/** A fresh browser context (own cookies and storage) at 1400×900, with error collection. */
export async function openSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      consoleErrors.push(msg.text());
    }
  });
  page.on('pageerror', (err) => {
    pageErrors.push(`${err.name}: ${err.message}`);
  });
  return {
    browser,
    context,
    page,
    consoleErrors,
    pageErrors,
    close: () => context.close(),
  };
}

/** Throws when the page had an uncaught exception. */
export function assertNoPageErrors(session: Session): void {
  if (session.pageErrors.length > 0) {
    throw new Error(`page errors:\n${session.pageErrors.join('\n')}`);
  }
}

/** Waits until no loader (Mantine Loader has role/aria-label via our FullPageLoader) is on the page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.mantine-Loader-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // The e2e tsconfig has no DOM lib (it is shared with the server), hence the narrow casts in page code.
  await page.evaluate(() =>
    (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(
      () => undefined,
    ),
  );
}

/** Saves a PNG to test-results/screenshots/<name>.png (full page unless fullPage: false). */
export async function shot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean; withoutToasts?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await settle(page);
  if (opts.withoutToasts) {
    await page.mouse.move(1, 1);
    // A "saved" notification or a hover highlight from the previous step would otherwise sit in a
    // picture meant for readers.
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 10_000 });
  }
  // Let notifications and transitions finish so the picture shows the settled page.
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Rules excluded on purpose. Each entry must say why; only product issues reported to the lead
 * belong here, never a way to make a failing page pass quietly.
 */
const EXCLUDED_RULES: Record<string, string> = {};

const axeSource = () => fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A/AA) on the current page and fails on serious or critical violations. */
export async function checkA11y(page: Page, label: string): Promise<AxeViolation[]> {
  // Judge the page at rest: move the pointer off whatever was just clicked (hover colours differ).
  await page.mouse.move(1, 1);
  await settle(page);
  const hasAxe = await page.evaluate(
    () => typeof (globalThis as unknown as { axe?: unknown }).axe === 'object',
  );
  if (!hasAxe) {
    // Not page.addScriptTag: the product's Content-Security-Policy (script-src 'self') rightly refuses
    // inline scripts. Evaluating through the DevTools protocol is not governed by CSP, so the page keeps
    // its real CSP for everything else (the context does not use bypassCSP).
    await page.evaluate(axeSource());
  }
  const disabled = Object.keys(EXCLUDED_RULES);
  const violations = (await page.evaluate(async (disabledRules: string[]) => {
    type Axe = {
      run: (
        ctx: unknown,
        opts: Record<string, unknown>,
      ) => Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      }>;
    };
    const g = globalThis as unknown as { axe: Axe; document: unknown };
    const axe = g.axe;
    const rules = Object.fromEntries(disabledRules.map((r) => [r, { enabled: false }]));
    const result = await axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules,
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
  }, disabled)) as AxeViolation[];
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    const lines = blocking.map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
          )
          .join('\n')}`,
    );
    throw new Error(
      `axe: ${blocking.length} serious/critical violation(s) on ${label}:\n${lines.join('\n')}`,
    );
  }
  return violations;
}
