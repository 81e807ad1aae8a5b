/**
 * College skills and taxonomy curation (issue 6), in a real Chromium against the real product with
 * the demo workspace: the demo coordinator (whose app speaks Chinese) adds a skill with an ESCO URI,
 * sees it marked unconfirmed, confirms it, and opens the starter taxonomy where the shipped URIs are
 * shown unconfirmed until the college confirms them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Locale, signIn, tr } from './support/app.js';
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
const ZH: Locale = 'zh-CN';
const URI = 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000a';

let server: RunningServer;
let browser: Browser;
let coordinator: Session;

describe('talent: college skills and ESCO confirmation', () => {
  beforeAll(async () => {
    server = await startServer({ timeoutMs: 180_000 });
    browser = await launchBrowser();
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && coordinator) {
      await shot(coordinator.page, 'talent-skills-failed').catch(() => undefined);
      console.error(`--- server stderr ---\n${server.stderr().slice(-4000)}`);
    }
  });

  afterAll(async () => {
    await coordinator?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }, 60_000);

  it('adds a skill with an ESCO URI, shows it unconfirmed, then confirmed', async () => {
    coordinator = await openSession(browser, server.url);
    const p = coordinator.page;
    await signIn(p, COORDINATOR, server.demo.password);
    await p
      .getByRole('navigation')
      .first()
      .getByRole('link', { name: tr(ZH, 'nav.talentSkills') })
      .click();
    await p.getByRole('heading', { name: tr(ZH, 'talentSkills.title') }).waitFor();

    await p.getByRole('button', { name: tr(ZH, 'talentSkills.new') }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel(tr(ZH, 'talentSkills.code')).fill('mech.plc-s7');
    await dialog.locator('input[lang="en"]').fill('Program Siemens S7 PLCs');
    await dialog.locator('input[lang="zh-CN"]').fill('西门子 S7 PLC 编程');
    await dialog.getByLabel(tr(ZH, 'talentSkills.esco.uri')).fill(URI);
    await dialog.getByRole('button', { name: tr(ZH, 'common.save') }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = p.getByTestId('college-skills').getByRole('row').filter({ hasText: '西门子 S7 PLC 编程' });
    await row.getByText(tr(ZH, 'talentSkills.esco.unconfirmed'), { exact: true }).waitFor();

    await row.getByRole('button', { name: tr(ZH, 'talentSkills.actions') }).click();
    await p.getByRole('menuitem', { name: tr(ZH, 'talentSkills.esco.confirmAction') }).click();
    const confirm = p.getByRole('dialog');
    await confirm.getByLabel(tr(ZH, 'talentSkills.esco.note')).fill('ESCO v1.2');
    await confirm.getByRole('button', { name: tr(ZH, 'talentSkills.esco.confirm'), exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText(tr(ZH, 'talentSkills.esco.confirmed'), { exact: true }).waitFor();
    await settle(p);
    await shot(p, 'talent-skills-list');

    await p.getByRole('link', { name: tr(ZH, 'talentSkills.taxonomy.link') }).click();
    const entries = p.getByTestId('taxonomy-entries');
    await entries.getByText(tr(ZH, 'talentSkills.esco.unconfirmed'), { exact: true }).first().waitFor();
    // The 57 entries without a URI say so; the 2 shipped URIs are unconfirmed.
    expect(await entries.getByText(tr(ZH, 'talentSkills.esco.unconfirmed'), { exact: true }).count()).toBe(2);
    await shot(p, 'talent-skills-taxonomy');
    assertNoPageErrors(coordinator);
  }, 120_000);
});
