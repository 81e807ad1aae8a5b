/**
 * Exchanges, training bases, the library and projects, as a person does it in a real Chromium against
 * the real product (started with the demo workspace):
 *
 * 1. an inbound official delegation from NAVTTC (Pakistan), linked to an agreement and a project, moved
 *    proposed → approved → invitation and visa, checklist ticked, bilingual invitation letter downloaded;
 * 2. the Tshwane automotive joint base: an Infrastructure List and an inventory imported, the compliance
 *    check, the printable gap list and its CSV export;
 * 3. the library: a curriculum with a version and an English PDF shared with one partner, seen by a staff
 *    account of that partner (invited through the Users page, linked on the partner page) and nothing else;
 *    a glossary imported from CSV, shown side by side, in Arabic (right to left), exported as TBX;
 * 4. the projects list with its portfolio cards, in English and Chinese.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dateInZone,
  htmlLangDir,
  LOCALE_LABELS,
  type Locale,
  literal,
  signIn,
  switchLanguage,
  tr,
} from './support/app.js';
import {
  assertNoPageErrors,
  checkA11y,
  launchBrowser,
  openSession,
  SCREENSHOT_DIR,
  type Session,
  settle,
  shot,
} from './support/browser.js';
import { ROOT, type RunningServer, startServer } from './support/server.js';

const COLLEGE_TZ = 'Asia/Shanghai';
const NAVTTC = 'National Vocational and Technical Training Commission';
const NAVTTC_AGREEMENT = 'MoU on Vocational Standards Cooperation';
const TSHWANE_BASE = 'Tshwane Automotive Joint Training Base';
const TSHWANE_PARTNER = 'Tshwane South TVET College';
const DELEGATION = {
  title: 'NAVTTC delegation: vocational standards study visit',
  purpose: 'Compare the national vocational qualification frameworks and visit the training workshops.',
  members: [
    { native: 'سعدیہ ملک', latin: 'Sadia Malik', position: 'Director International Cooperation' },
    { native: 'محمد عارف', latin: 'Muhammad Arif', position: 'Deputy Director Standards' },
  ],
};
const PROJECT = { code: 'PK-STD-2026', en: 'Pakistan Vocational Standards Cooperation 2026' };
const LIST_NAME = 'Workshop Infrastructure List (e2e)';
const SHARED_TITLE = 'Automotive Electrical Systems Curriculum';
const UNSHARED_TITLE = 'Internal Trainer Handbook (not shared)';
const PARTNER_USER = {
  email: 'thabo.nkosi@tshwane-south.example.za',
  name: 'Thabo Nkosi',
  password: 'Tshwane-partner-2026',
};
const GLOSSARY = 'Electrical Installations Glossary (e2e)';

/** A message of the web app's catalogs (shared and per feature) with plain `{name}` placeholders filled in. */
function ft(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  return tr(locale, key).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? String(values[name]) : m,
  );
}
const en = (key: string, values?: Record<string, string | number>) => ft('en', key, values);

let server: RunningServer;
let browser: Browser;
let s: Session;
let page: Page;
let tmpDir: string;

/**
 * Picks an option of a Mantine Select / MultiSelect: types part of its text when the field is
 * searchable, then clicks the option. `within` narrows the field to a dialog or a card.
 */
async function choose(
  p: Page,
  label: string,
  typed: string,
  option: string | RegExp,
  opts: { nth?: number; within?: Locator } = {},
) {
  const input = (opts.within ?? p).getByRole('combobox', { name: label, exact: true }).nth(opts.nth ?? 0);
  await input.click();
  if (await input.isEditable()) {
    await input.fill(typed);
  }
  await p
    .getByRole('option', { name: option, ...(typeof option === 'string' ? { exact: true } : {}) })
    .first()
    .click();
  // A MultiSelect keeps its list open for more choices: leave the field the way a keyboard user does.
  if (await p.getByRole('listbox').first().isVisible()) {
    await input.press('Tab');
    await p.getByRole('listbox').first().waitFor({ state: 'hidden' });
  }
}

/**
 * A picture of the whole page for readers: the window is made as tall as the page first, so the app's
 * fixed header and navigation stay at the top instead of being stitched into the middle.
 */
async function pageShot(p: Page, name: string): Promise<string> {
  const size = p.viewportSize() ?? { width: 1400, height: 900 };
  await settle(p);
  const height = await p.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
        .documentElement.scrollHeight,
  );
  await p.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  try {
    return await shot(p, name, { fullPage: false, withoutToasts: true });
  } finally {
    await p.setViewportSize(size);
  }
}

/** Clicks something that downloads a file and saves the file in the temporary directory. */
async function download(p: Page, click: () => Promise<void>): Promise<{ file: string; download: Download }> {
  const [d] = await Promise.all([p.waitForEvent('download'), click()]);
  const file = path.join(tmpDir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, download: d };
}

/** A JSON API call as the signed-in person of the page (session cookie plus the CSRF header). */
async function apiPost<T>(p: Page, url: string, body: unknown): Promise<T> {
  const cookies = await p.context().cookies();
  const csrf = cookies.find((c) => c.name === 'tvet_csrf')?.value ?? '';
  const res = await p.context().request.post(`/api/v1${url}`, {
    data: body,
    headers: { 'x-csrf-token': csrf },
  });
  expect(res.status(), `POST ${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The smallest valid one-page PDF with a line of text (xref offsets computed). */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) {
    out += `${String(off).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  s = await openSession(browser, server.url);
  page = s.page;
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-ebl-'));
  await signIn(page, server.demo.email, server.demo.password);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    await shot(page, `FAILED-ebl-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
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

describe('exchanges and delegations', () => {
  let mobilityUrl = '';

  it('creates an inbound delegation from NAVTTC linked to an agreement and a project', async () => {
    // Setup the journey does not cover: a project for the cooperation with NAVTTC.
    await apiPost(page, '/projects', {
      code: PROJECT.code,
      type: 'exchange_delegation',
      title: { en: PROJECT.en, 'zh-CN': '2026 年巴基斯坦职业标准合作项目' },
      countries: [{ country: 'PK', percentage: 100 }],
      plannedStart: dateInZone(COLLEGE_TZ, 30),
      plannedEnd: dateInZone(COLLEGE_TZ, 395),
    });

    await page.goto('/exchanges');
    await page.getByRole('link', { name: en('exchanges.new') }).click();
    await page.waitForURL(/\/exchanges\/new$/);
    await page.getByRole('heading', { level: 1, name: en('exchanges.new') }).waitFor();
    // The defaults are an inbound official delegation.
    await expect(
      page.getByRole('combobox', { name: en('exchanges.direction'), exact: true }).inputValue(),
    ).resolves.toBe(en('exchanges.directions.inbound'));
    await expect(
      page.getByRole('combobox', { name: en('exchanges.category'), exact: true }).inputValue(),
    ).resolves.toBe(en('exchanges.categories.official_delegation'));

    await page.getByRole('textbox', { name: en('exchanges.title'), exact: true }).fill(DELEGATION.title);
    await choose(page, en('exchanges.home'), 'National Vocational', `${NAVTTC} — Pakistan`);
    await page.getByRole('textbox', { name: en('exchanges.destinationCity'), exact: true }).fill('Guangzhou');
    await page.getByRole('textbox', { name: en('exchanges.purpose'), exact: true }).fill(DELEGATION.purpose);
    await page.getByLabel(en('exchanges.plannedStartOn')).fill(dateInZone(COLLEGE_TZ, 40));
    await page.getByLabel(en('exchanges.plannedEndOn')).fill(dateInZone(COLLEGE_TZ, 45));
    await choose(page, en('exchanges.agreement'), 'Vocational Standards', NAVTTC_AGREEMENT);
    await choose(page, en('exchanges.project'), 'PK-STD', `${PROJECT.code} ${PROJECT.en}`);

    for (const [i, m] of DELEGATION.members.entries()) {
      await page.getByRole('button', { name: en('exchanges.members.add') }).click();
      await page
        .getByRole('textbox', { name: en('exchanges.members.nameNative'), exact: true })
        .nth(i)
        .fill(m.native);
      await page
        .getByRole('textbox', { name: en('exchanges.members.nameLatin'), exact: true })
        .nth(i)
        .fill(m.latin);
      await page
        .getByRole('textbox', { name: en('exchanges.members.position'), exact: true })
        .nth(i)
        .fill(m.position);
      await choose(page, en('exchanges.members.nationality'), 'Pakis', 'Pakistan', { nth: i });
    }
    await pageShot(page, 'exchange-form');
    await page.getByRole('button', { name: en('common.save'), exact: true }).click();

    await page.waitForURL(/\/exchanges\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: DELEGATION.title }).waitFor();
    mobilityUrl = new URL(page.url()).pathname;
    expect(mobilityUrl).not.toBe('/exchanges/new');
    const main = page.locator('main');
    await main.getByRole('link', { name: NAVTTC_AGREEMENT }).waitFor();
    await main.getByText(`${PROJECT.code} ${PROJECT.en}`).waitFor();
    const members = main.getByRole('table', { name: en('exchanges.members.title') });
    for (const m of DELEGATION.members) {
      await members.getByRole('cell', { name: m.native, exact: true }).waitFor();
      await members.getByRole('cell', { name: m.latin, exact: true }).waitFor();
    }
    assertNoPageErrors(s);
  });

  it('moves it proposed → approved → invitation and visa, offering only the allowed next stages', async () => {
    expect(mobilityUrl).toMatch(/^\/exchanges\//);
    await page.goto(mobilityUrl);
    await page.getByRole('heading', { level: 1, name: DELEGATION.title }).waitFor();
    const main = page.locator('main');
    const action = (stage: string) =>
      main.getByRole('button', { name: en(`exchanges.actions.${stage}`), exact: true });

    await main.getByText(en('exchanges.stages.proposed'), { exact: true }).first().waitFor();
    await action('approved').waitFor();
    await action('cancelled').waitFor();
    // Skipping a stage is not offered.
    expect(await action('invitation_visa').count()).toBe(0);
    expect(await action('travelling').count()).toBe(0);

    const move = async (stage: string, note: string) => {
      await action(stage).click();
      const dialog = page.getByRole('dialog', {
        name: en('exchanges.moveTo', { stage: en(`exchanges.stages.${stage}`) }),
      });
      await dialog.waitFor();
      await dialog.getByRole('textbox', { name: en('exchanges.note'), exact: true }).fill(note);
      await dialog.getByRole('button', { name: en('exchanges.confirmMove'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    await move('approved', 'Approved by the president’s office.');
    await action('invitation_visa').waitFor();
    expect(await action('approved').count()).toBe(0);
    expect(await action('travelling').count()).toBe(0);
    expect(await action('returned').count()).toBe(0);

    await move('invitation_visa', 'Invitation letter requested by the embassy.');
    await action('travelling').waitFor();
    expect(await action('invitation_visa').count()).toBe(0);
    expect(await action('returned').count()).toBe(0);

    for (const code of ['invitation_letter_issued', 'visa_support', 'accommodation']) {
      const box = main.getByRole('checkbox', { name: en(`exchanges.checklistItems.${code}`), exact: true });
      await expect(box.isEnabled()).resolves.toBe(true);
      // The box follows the saved state: it turns checked once the server has recorded the tick.
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
      await expect.poll(async () => box.isEnabled()).toBe(true);
    }
    await main
      .getByText(/^Done by Li Wei 李伟, /)
      .first()
      .waitFor();
    await main.getByRole('heading', { name: /\(3\/\d+ done\)/ }).waitFor();

    // The history lists each step.
    const history = main
      .locator('.mantine-Card-root')
      .filter({ has: page.getByRole('heading', { name: en('exchanges.history'), exact: true }) });
    const steps = await history.locator('.mantine-Timeline-itemTitle').allInnerTexts();
    expect(steps).toEqual(
      ['proposed', 'approved', 'invitation_visa'].map((x) => en(`exchanges.stages.${x}`)),
    );
    await history.getByText('Invitation letter requested by the embassy.').waitFor();
    await pageShot(page, 'exchange-mobility-detail');
    await checkA11y(page, 'mobility detail');
    assertNoPageErrors(s);
  });

  it('downloads the bilingual invitation letter with the members’ names', async () => {
    await page.goto(mobilityUrl);
    await page.getByRole('heading', { level: 1, name: DELEGATION.title }).waitFor();
    const { file } = await download(page, () =>
      page.getByRole('link', { name: en('exchanges.invitationLetter') }).click(),
    );
    expect(path.basename(file)).toMatch(/^invitation-letter-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/邀请/);
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(text).toMatch(/Invitation/i);
    expect(text).toContain('Sadia Malik');
    expect(text).toContain('Muhammad Arif');

    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const prefix = path.join(SCREENSHOT_DIR, 'invitation-letter');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    const png = `${prefix}.png`;
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
  });
});

describe('training bases', () => {
  let baseUrl = '';
  let listRevision = 0;

  it('imports an Infrastructure List and the inventory of the Tshwane joint base', async () => {
    await page.goto('/bases');
    await page.getByRole('link', { name: TSHWANE_BASE, exact: true }).click();
    await page.waitForURL(/\/bases\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: TSHWANE_BASE }).waitFor();
    baseUrl = new URL(page.url()).pathname;

    // The list: from the compliance tab to the lists, then the import.
    await page.getByRole('tab', { name: en('bases.tabs.compliance') }).click();
    await page.getByRole('link', { name: en('bases.lists.manage'), exact: true }).click();
    await page.waitForURL(/\/bases\/lists$/);
    await page.getByRole('link', { name: en('bases.lists.import') }).click();
    await page.waitForURL(/\/bases\/lists\/import$/);
    await page.getByRole('textbox', { name: en('bases.lists.name'), exact: true }).fill(LIST_NAME);
    await page.getByRole('textbox', { name: en('bases.skillNumber'), exact: true }).fill('33');
    await expect(
      page.getByRole('textbox', { name: en('bases.skillName'), exact: true }).inputValue(),
    ).resolves.not.toBe('');
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(ROOT, 'samples/infrastructure-list-sample.csv'));
    await page
      .getByRole('heading', {
        name: en('bases.import.previewTitle', { file: 'infrastructure-list-sample.csv' }),
      })
      .waitFor();
    await page.getByTestId('import-problems').getByText(en('bases.import.noProblems')).waitFor();
    await page.getByRole('button', { name: en('bases.import.run'), exact: true }).click();
    // Each import of a skill's list is a new revision of it.
    const done =
      (await page
        .getByRole('status')
        .filter({ hasText: /items? imported as revision \d+\./ })
        .textContent()) ?? '';
    listRevision = Number(/revision (\d+)\./.exec(done)?.[1]);
    expect(listRevision).toBeGreaterThanOrEqual(1);

    // The inventory, from the base's equipment tab.
    await page.goto(baseUrl);
    await page.getByRole('link', { name: en('bases.equipment.import') }).click();
    await page.waitForURL(/\/equipment\/import$/);
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(ROOT, 'samples/base-inventory-sample.csv'));
    await page
      .getByRole('heading', { name: en('bases.import.previewTitle', { file: 'base-inventory-sample.csv' }) })
      .waitFor();
    await page.getByRole('button', { name: en('bases.import.run'), exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /\d+ items? imported/ })
      .waitFor();
    await page.getByRole('link', { name: en('bases.backToBase') }).click();
    await page.waitForURL((u) => u.pathname === baseUrl);
    const equipment = page.getByRole('table', { name: en('bases.tabs.equipment') });
    await equipment.getByText('Modular Production Station').waitFor();
    assertNoPageErrors(s);
  });

  it('shows the compliance check with missing and short items, the printable gap list and its CSV', async () => {
    expect(baseUrl).toMatch(/^\/bases\//);
    await page.goto(baseUrl);
    await page.getByRole('tab', { name: en('bases.tabs.compliance') }).click();
    await choose(
      page,
      en('bases.compliance.list'),
      'e2e',
      en('bases.lists.option', {
        name: LIST_NAME,
        skill: '33',
        revision: listRevision,
      }),
    );
    await page.waitForURL((u) => u.searchParams.has('listId'));
    await page
      .getByRole('heading', {
        name: en('bases.compliance.heading', {
          base: TSHWANE_BASE,
          list: LIST_NAME,
          revision: listRevision,
        }),
      })
      .waitFor();
    const main = page.locator('main');
    const percent = ((await main.locator('.mantine-RingProgress-label').textContent()) ?? '').trim();
    expect(percent).toMatch(/^\d+(\.\d)?%$/);
    const count = async (kind: 'short' | 'missing') => {
      const t = (await main.getByText(new RegExp(`^\\d+ items? ${kind}$`)).textContent()) ?? '';
      return Number(/^(\d+)/.exec(t)?.[1]);
    };
    expect(await count('missing')).toBeGreaterThan(0);
    expect(await count('short')).toBeGreaterThan(0);
    const gaps = page.getByTestId('gap-list');
    await gaps.getByText(en('bases.compliance.statuses.missing'), { exact: true }).first().waitFor();
    await gaps.getByText(en('bases.compliance.statuses.short'), { exact: true }).first().waitFor();
    const gapRows = await gaps.locator('tbody tr').count();
    expect(gapRows).toBe((await count('missing')) + (await count('short')));
    await pageShot(page, 'base-compliance');
    await checkA11y(page, 'base compliance');

    const { file } = await download(page, () =>
      main.getByRole('link', { name: en('bases.compliance.exportCsv') }).click(),
    );
    const csv = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/status/i);
    expect(lines.some((l) => /missing/i.test(l))).toBe(true);
    expect(lines.some((l) => /short/i.test(l))).toBe(true);

    await main.getByRole('link', { name: en('bases.compliance.printable') }).click();
    await page.waitForURL(/\/bases\/[^/]+\/compliance\?/);
    await page.getByRole('heading', { level: 1, name: en('bases.compliance.printTitle') }).waitFor();
    await page.getByRole('button', { name: en('bases.compliance.print'), exact: true }).waitFor();
    await page.getByTestId('gap-list').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('gap-list').locator('tbody tr').count()).toBe(gapRows);
    await pageShot(page, 'base-gap-list-printable');
    await page.emulateMedia({ media: 'print' });
    await pageShot(page, 'base-gap-list-print-media');
    await page.emulateMedia({ media: 'screen' });
    await checkA11y(page, 'printable gap list');
    assertNoPageErrors(s);
  });
});

describe('library and glossary', () => {
  let sharedUrl = '';
  let unsharedId = '';
  let glossaryUrl = '';

  it('creates a curriculum with a version and an English PDF and shares it with one partner', async () => {
    await page.goto('/library');
    await page.getByRole('heading', { level: 1, name: en('library.resources.heading') }).waitFor();
    await page.getByRole('button', { name: en('library.resources.new'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: en('library.resources.new') });
    await dialog.waitFor();
    await expect(
      dialog.getByRole('combobox', { name: en('library.resources.kind'), exact: true }).inputValue(),
    ).resolves.toBe(en('library.kinds.curriculum'));
    await dialog.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(SHARED_TITLE);
    await dialog
      .getByRole('textbox', { name: LOCALE_LABELS['zh-CN'], exact: true })
      .fill('汽车电气系统课程标准');
    await dialog
      .getByRole('textbox', { name: en('library.subject'), exact: true })
      .fill('Automobile Technology');
    await dialog.getByRole('button', { name: en('common.save'), exact: true }).click();
    await page.waitForURL(/\/library\/resources\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: SHARED_TITLE }).waitFor();
    sharedUrl = new URL(page.url()).pathname;

    await page.getByRole('button', { name: en('library.versions.new'), exact: true }).click();
    const versionDialog = page.getByRole('dialog', { name: en('library.versions.new') });
    await versionDialog.getByRole('textbox', { name: en('library.versions.label'), exact: true }).fill('1.0');
    await versionDialog
      .getByRole('textbox', { name: en('library.versions.changelog'), exact: true })
      .fill('First edition for the joint base.');
    await versionDialog.getByRole('button', { name: en('common.save'), exact: true }).click();
    await versionDialog.waitFor({ state: 'detached' });

    const matrix = page.getByRole('table', { name: en('library.versions.matrix') });
    await matrix.getByRole('cell', { name: /^1\.0/ }).waitFor();
    await choose(page, en('library.files.addLanguage'), 'Engl', /^English/);
    const pdf = path.join(tmpDir, 'automotive-electrical-curriculum-en.pdf');
    fs.writeFileSync(pdf, tinyPdf('Automotive Electrical Systems Curriculum 1.0'));
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      matrix.getByRole('button', { name: en('library.files.upload'), exact: true }).click(),
    ]);
    await chooser.setFiles(pdf);
    await matrix.getByRole('link', { name: path.basename(pdf) }).waitFor();

    await page.getByRole('button', { name: en('library.shares.add'), exact: true }).click();
    const shareDialog = page.getByRole('dialog', { name: en('library.shares.dialogTitle') });
    await shareDialog.waitFor();
    await choose(page, en('library.shares.partners'), 'Tshwane', `${TSHWANE_PARTNER} — South Africa`);
    await shareDialog.getByRole('button', { name: en('library.shares.share'), exact: true }).click();
    await shareDialog.waitFor({ state: 'detached' });
    const shares = page
      .locator('.mantine-Card-root')
      .filter({ has: page.getByRole('heading', { name: en('library.shares.heading') }) });
    await shares.getByText(TSHWANE_PARTNER).waitFor();
    await pageShot(page, 'library-resource');
    await checkA11y(page, 'resource page');

    // Setup the journey does not cover: a second resource that stays unshared.
    const other = await apiPost<{ id: string }>(page, '/resources', {
      kind: 'teaching_standard',
      title: { en: UNSHARED_TITLE },
      subject: 'Automobile Technology',
      description: '',
      tags: [],
    });
    unsharedId = other.id;
    assertNoPageErrors(s);
  });

  it('lets a staff account of that partner see the shared resource and nothing else', async () => {
    // The administrator invites the person with the partner role…
    await page.goto('/admin/users');
    await page.getByRole('button', { name: en('users.invite'), exact: true }).click();
    const invite = page.getByRole('dialog', { name: en('users.invite') });
    await invite.getByRole('textbox', { name: en('auth.email'), exact: true }).fill(PARTNER_USER.email);
    await choose(page, en('users.role'), 'Partner', en('roles.partner'), { within: invite });
    await invite.getByRole('button', { name: en('users.sendInvitation'), exact: true }).click();
    await invite.waitFor({ state: 'detached' });

    // …the e-mail is in the outbox (no mail server in the test)…
    await page.goto('/admin/outbox');
    const row = page.getByRole('row').filter({ hasText: PARTNER_USER.email }).first();
    await row.getByRole('button', { name: en('outbox.show') }).click();
    const message =
      (await page
        .locator('main pre, main code')
        .filter({ hasText: 'accept-invitation' })
        .first()
        .textContent()) ?? '';
    const link = /https?:\/\/\S+\/accept-invitation\?token=\S+/.exec(message)?.[0];
    expect(link, message).toBeTruthy();

    // …who accepts it in their own browser.
    const partner = await openSession(browser, server.url);
    try {
      const pp = partner.page;
      await pp.goto(new URL(link as string).pathname + new URL(link as string).search);
      await pp.getByText(en('auth.acceptTitle')).waitFor();
      await pp.getByRole('textbox', { name: en('user.displayName'), exact: true }).fill(PARTNER_USER.name);
      // (A password field has no textbox role; its label text ends with the required mark.)
      const starts = (text: string) => new RegExp(`^${literal(text).source}\\b`);
      await pp.getByLabel(starts(en('auth.newPassword'))).fill(PARTNER_USER.password);
      await pp.getByLabel(starts(en('auth.confirmPassword'))).fill(PARTNER_USER.password);
      await pp.getByRole('button', { name: en('auth.acceptButton'), exact: true }).click();
      await pp.getByRole('navigation').first().waitFor();

      // The administrator links the account to Tshwane South on the partner page.
      await page.goto('/partners?q=Tshwane');
      await page.getByRole('link', { name: TSHWANE_PARTNER, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: TSHWANE_PARTNER }).waitFor();
      const staff = page
        .locator('.mantine-Card-root')
        .filter({ has: page.getByRole('heading', { name: en('library.staff.heading') }) });
      await staff.getByText(en('library.staff.none')).waitFor();
      await choose(
        page,
        en('library.staff.account'),
        'thabo',
        `${PARTNER_USER.name} <${PARTNER_USER.email}>`,
      );
      await staff.getByRole('button', { name: en('library.staff.link'), exact: true }).click();
      await staff.getByText(`<${PARTNER_USER.email}>`).waitFor();
      await expect(staff.getByText(en('library.staff.none')).count()).resolves.toBe(0);

      // The partner sees exactly the shared resource.
      await pp.goto('/library');
      const table = pp.getByRole('table', { name: en('library.resources.heading') });
      await table.getByRole('link', { name: SHARED_TITLE }).waitFor();
      await settle(pp);
      expect(await table.locator('tbody tr').count()).toBe(1);
      expect(await pp.getByText(UNSHARED_TITLE).count()).toBe(0);
      await table.getByRole('link', { name: SHARED_TITLE }).click();
      await pp.getByRole('heading', { level: 1, name: SHARED_TITLE }).waitFor();
      const file = pp
        .getByRole('table', { name: en('library.versions.matrix') })
        .getByRole('link', { name: 'automotive-electrical-curriculum-en.pdf' });
      await file.waitFor();
      // No share management and no upload for the partner.
      expect(await pp.getByRole('button', { name: en('library.shares.add') }).count()).toBe(0);
      expect(await pp.getByRole('button', { name: en('library.versions.new') }).count()).toBe(0);
      const { file: downloaded } = await download(pp, () => file.click());
      expect(fs.readFileSync(downloaded).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await pageShot(pp, 'library-resource-partner-view');
      await checkA11y(pp, 'resource page (partner)');

      // The unshared one answers "not found", in the app and through the API.
      await pp.goto(`/library/resources/${unsharedId}`);
      await pp
        .getByRole('alert')
        .filter({ hasText: en('errors.NOT_FOUND') })
        .waitFor();
      const res = await partner.context.request.get(`/api/v1/resources/${unsharedId}`);
      expect(res.status()).toBe(404);
      expect(
        (await partner.context.request.get(`/api/v1/resources/${sharedUrl.split('/').pop()}`)).status(),
      ).toBe(200);
      assertNoPageErrors(partner);
    } finally {
      await partner.close();
    }
    assertNoPageErrors(s);
  });

  it('imports a glossary from CSV, shows it side by side, in Arabic, and exports TBX', async () => {
    await page.goto('/library/glossaries');
    await page.getByRole('button', { name: en('library.glossaries.new'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: en('library.glossaries.new') });
    await dialog.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(GLOSSARY);
    await dialog.getByRole('textbox', { name: LOCALE_LABELS['zh-CN'], exact: true }).fill('电气安装术语表');
    await dialog
      .getByRole('textbox', { name: LOCALE_LABELS.ar, exact: true })
      .fill('مسرد التركيبات الكهربائية');
    await dialog
      .getByRole('textbox', { name: en('library.subject'), exact: true })
      .fill('Electrical Installations');
    await dialog.getByRole('button', { name: en('common.save'), exact: true }).click();
    await page.waitForURL(/\/library\/glossaries\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: GLOSSARY }).waitFor();
    glossaryUrl = new URL(page.url()).pathname;

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: en('library.import.csv'), exact: true }).click(),
    ]);
    await chooser.setFiles(path.join(ROOT, 'samples/glossary-sample.csv'));
    await page.getByText(/^\d+ terms imported$/).waitFor();

    const table = page.getByRole('table', { name: en('library.terms.table') });
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.slice(1)).toEqual(['English', expect.stringMatching(/^Chinese/)]);
    const row = table.locator('tbody tr').filter({ hasText: 'circuit breaker' });
    await row.getByText('断路器', { exact: true }).waitFor();
    await table
      .locator('tbody tr')
      .filter({ hasText: 'residual current device' })
      .getByText('剩余电流保护器', { exact: true })
      .waitFor();
    await pageShot(page, 'glossary-en');
    await checkA11y(page, 'glossary page');

    const { file } = await download(page, async () => {
      await page.getByRole('button', { name: en('library.export.button'), exact: true }).click();
      await page.getByRole('menuitem', { name: en('library.export.tbx') }).click();
    });
    const xml = fs.readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as Record<
      string,
      Record<string, unknown>
    >;
    const rootName = Object.keys(doc).find((k) => !k.startsWith('?'));
    expect(rootName).toBe('tbx');
    expect(doc.tbx?.['@xmlns']).toBe('urn:iso:std:iso:30042:ed-2');
    expect(xml).toContain('断路器');
    expect(xml).toContain('قاطع الدائرة');

    // Right to left, in Arabic.
    await switchLanguage(page, 'en', 'ar');
    try {
      expect(await htmlLangDir(page)).toEqual(['ar', 'rtl']);
      await page.getByRole('table', { name: ft('ar', 'library.terms.table') }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'مسرد التركيبات الكهربائية' }).waitFor();
      // The second column in Arabic: its terms are set right to left.
      await choose(page, ft('ar', 'library.terms.rightLanguage'), 'عرب', /\(ar\)$/);
      const arabic = page.getByText('قاطع الدائرة', { exact: true }).first();
      await arabic.waitFor();
      await expect(
        arabic.evaluate(
          (el) => (el as unknown as { closest: (s: string) => { dir: string } }).closest('[dir]').dir,
        ),
      ).resolves.toBe('rtl');
      expect(await page.locator('main').textContent()).not.toMatch(/\blibrary\.[a-zA-Z]+/);
      await pageShot(page, 'glossary-ar-rtl');
      await checkA11y(page, 'glossary page (ar)');
    } finally {
      await switchLanguage(page, 'ar', 'en');
    }
    expect(glossaryUrl).toMatch(/^\/library\/glossaries\//);
    assertNoPageErrors(s);
  });
});

describe('projects', () => {
  it('lists the seeded demo projects with portfolio cards, in English and Chinese', async () => {
    await page.goto('/projects');
    await page.getByRole('heading', { level: 1, name: en('nav.projects') }).waitFor();
    const table = page.getByRole('table', { name: en('nav.projects'), exact: true });
    for (const code of ['BD-CB-2026', 'ZA-JTB-AUTO', 'EA-TTC']) {
      await table.getByRole('cell', { name: code, exact: true }).waitFor();
    }
    await table.getByRole('link', { name: 'Bangladesh TVET Leaders Capacity Building 2026' }).waitFor();
    const portfolio = page.getByRole('region', { name: en('projects.portfolio.title') });
    await portfolio.waitFor();
    expect(await portfolio.locator('.mantine-Card-root').count()).toBe(4);
    for (const k of ['total', 'budget', 'byType', 'byStatus', 'byCountry']) {
      await portfolio
        .getByText(en(`projects.portfolio.${k}`), { exact: true })
        .first()
        .waitFor();
    }
    await pageShot(page, 'projects-en');
    await checkA11y(page, 'projects list (en)');

    await switchLanguage(page, 'en', 'zh-CN');
    try {
      await page.getByRole('heading', { level: 1, name: ft('zh-CN', 'nav.projects') }).waitFor();
      await page.getByRole('link', { name: '2026 年孟加拉国职业教育管理者能力建设研修班' }).waitFor();
      await page.getByRole('region', { name: ft('zh-CN', 'projects.portfolio.title') }).waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(/\bprojects\.[a-zA-Z]+/);
      await pageShot(page, 'projects-zh');
      await checkA11y(page, 'projects list (zh-CN)');
    } finally {
      await switchLanguage(page, 'zh-CN', 'en');
    }
    assertNoPageErrors(s);
  });
});
