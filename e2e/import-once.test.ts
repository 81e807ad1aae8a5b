/**
 * Importing the same partner file twice in a real Chromium: the second commit is answered "already
 * imported on … by …" (409 already_imported) and imports nothing until the user confirms "Import
 * again anyway" (allowRepeat=true).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, tr } from './support/app.js';
import {
  assertNoPageErrors,
  launchBrowser,
  openSession,
  type Session,
  settle,
  shot,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let s: Session;
let page: Page;
let tmpDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  s = await openSession(browser, server.url);
  page = s.page;
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-once-'));
});

afterAll(async () => {
  await s?.close();
  await browser?.close();
  await server?.stop();
  if (tmpDir) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
});

async function chooseFile(p: Page, file: string) {
  await p.goto('/partners/import');
  await p.getByRole('heading', { name: tr('en', 'partners.import.title') }).waitFor();
  await p.locator('input[type="file"]').setInputFiles(file);
  await p.getByText('No problems found').waitFor();
  await settle(p);
}

async function partnersNamed(name: string): Promise<number> {
  const res = await page.request.get(`/api/v1/partners?q=${encodeURIComponent(name)}`);
  return (await res.json()).total;
}

describe('importing the same file twice', () => {
  it('asks before importing a file that was already imported', async () => {
    await signIn(page, server.demo.email, server.demo.password);
    const file = path.join(tmpDir, 'once.csv');
    fs.writeFileSync(
      file,
      [
        'name_en,name_native,name_zh,name_fr,name_ar,country,city,type,iati_org_id,schac_code,website,tags,contact_name_latin,contact_name_native,contact_position,contact_email,contact_phone,notes',
        'Kisumu Once Polytechnic,,,,,KE,Kisumu,80,,,,,,,,,,',
      ].join('\n'),
    );
    const run = () =>
      page.getByRole('button', { name: tr('en', 'partners.import.run'), exact: true }).click();

    await chooseFile(page, file);
    await run();
    await page.getByRole('status').waitFor();
    expect(await partnersNamed('Kisumu Once Polytechnic')).toBe(1);

    await chooseFile(page, file);
    await run();
    const notice = page.getByTestId('import-already-imported');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('This file was already imported on');
    expect(text).toContain(`by ${server.demo.email} (rows: 1)`);
    await shot(page, 'import-already-imported');
    expect(await partnersNamed('Kisumu Once Polytechnic')).toBe(1);

    await notice.getByRole('button', { name: tr('en', 'import.importAgain'), exact: true }).click();
    await page.getByRole('status').waitFor();
    expect(await partnersNamed('Kisumu Once Polytechnic')).toBe(2);
    assertNoPageErrors(s);
  });
});
