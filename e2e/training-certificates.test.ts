/**
 * The training-to-certificate journey (issue 3), as a coordinator does it in a real Chromium against
 * the real product started with the demo workspace: create a project, a programme with a completion
 * rule, a cohort with sessions held a few days ago; enrol participants from the shipped spreadsheet
 * (Bengali and Urdu names); mark attendance on a tablet; enter test scores; issue the certificates in
 * one batch; download one PDF and look at it; follow its QR code to the public verification page
 * (English and Arabic), revoke it and see the page say so; and open a participant's portal in Arabic.
 *
 * The QR code's URL: no QR decoder is installed, so the test reads the verification URL printed
 * under the code (pdftotext), then proves the code encodes exactly that URL by drawing the QR code
 * for it with the same `qrcode` library and comparing it module by module with the image extracted
 * from the PDF (pdfimages). The API's certificate record (verifyUrl) must agree as well.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dateInZone,
  htmlLangDir,
  LOCALE_LABELS,
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

/** The demo college's time zone: sessions are scheduled and "held" by its clock. */
const COLLEGE_TZ = 'Asia/Shanghai';

const PROJECT = {
  code: 'KE-TT-2026',
  en: 'Kenya TVET Teacher Training 2026',
  zh: '2026年肯尼亚职业教育师资培训',
};
const PROGRAMME = { en: 'Mechatronics Teacher Workshop', zh: '机电一体化师资研修班' };
const COHORT = 'Nairobi cohort 1';
const SESSIONS = [
  { title: 'Opening and PLC basics', days: -5, venue: 'Training Centre, Room 201', online: '' },
  {
    title: 'Sensors and actuators (online)',
    days: -4,
    venue: '',
    online: 'https://meet.example.org/ke-tt-2026',
  },
  { title: 'Workshop practice and post-test', days: -3, venue: 'Mechatronics Lab', online: '' },
];
/** Absent in two of the three sessions: 33 % attendance, below the 80 % minimum. */
const ABSENT = 'Farhan Ali Khan';
const ABSENT_NATIVE = 'فرحان علی خان';
/** Post-test 59.99, below the 60 minimum. */
const LOW_SCORE = 'Sana Javed';
/** Certificate downloaded, verified, then revoked (Urdu name in Arabic script). */
const VERIFIED = { latin: 'Muhammad Usman Tariq', native: 'محمد عثمان طارق' };
/** Participant whose portal is opened (keeps a valid certificate). */
const PORTAL = { latin: 'Ayesha Siddiqa', native: 'عائشہ صدیقہ' };

let server: RunningServer;
let browser: Browser;
let s: Session;
let page: Page;
let tmpDir: string;
let projectUrl = '';
let cohortUrl = '';
let participants: { latin: string; native: string }[] = [];
let verifyUrl = '';
let certificateNumber = '';

function readSample(): { latin: string; native: string }[] {
  const lines = fs.readFileSync(path.join(ROOT, 'samples/enrolments-import.csv'), 'utf8').trim().split('\n');
  return lines.slice(1).map((l) => {
    const [latin = '', native = ''] = l.split(',');
    return { latin, native };
  });
}

/** A Mantine card (not a landmark) found by its heading. */
function card(p: Page, heading: string): Locator {
  return p
    .locator('.mantine-Card-root')
    .filter({ has: p.getByRole('heading', { name: heading, exact: true }) });
}

/** Picks an option of a Mantine Select by clicking it open (typing first when searchable). */
async function choose(scope: Page | Locator, p: Page, label: string, option: string, typed?: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (typed !== undefined) {
    await input.fill(typed);
  }
  await p.getByRole('option', { name: option, exact: true }).click();
}

/** A form field by its label, whether or not the label carries the "required" asterisk. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${literal(label).source}( \\*)?$`));
}

/** Back to the top before a full-page picture (else the fixed header is drawn mid-page). */
async function toTop(p: Page) {
  await p.evaluate('window.scrollTo(0, 0)');
}

function enrolmentRow(p: Page, latin: string): Locator {
  return p.getByTestId('enrolments-table').locator('tbody tr').filter({ hasText: latin });
}

function certificatesPanel(p: Page): Locator {
  return card(p, tr('en', 'certificates.cohort.title'));
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  }
  return r.stdout;
}

/** Reads a binary or grey/colour netpbm image (what pdfimages writes) as a dark/light grid. */
function readNetpbm(file: string): {
  width: number;
  height: number;
  dark: (x: number, y: number) => boolean;
} {
  const buf = fs.readFileSync(file);
  const fields: string[] = [];
  let i = 0;
  const want = buf.subarray(0, 2).toString() === 'P4' ? 3 : 4;
  while (fields.length < want) {
    while (/\s/.test(String.fromCharCode(buf[i] ?? 0))) {
      i++;
    }
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) {
        i++;
      }
      continue;
    }
    let f = '';
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i] ?? 0))) {
      f += String.fromCharCode(buf[i++] ?? 0);
    }
    fields.push(f);
  }
  i++;
  const [magic, w, h] = fields;
  const width = Number(w);
  const height = Number(h);
  const data = buf.subarray(i);
  if (magic === 'P4') {
    const rowBytes = Math.ceil(width / 8);
    return {
      width,
      height,
      dark: (x, y) => (((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1,
    };
  }
  const channels = magic === 'P6' ? 3 : 1;
  return {
    width,
    height,
    dark: (x, y) => (data[(y * width + x) * channels] ?? 255) < 128,
  };
}

/**
 * Whether the QR image drawn in the PDF is exactly the QR code of `url` (same library, same error
 * correction level M, margin 1, as certificate-pdf.ts): compares every module.
 */
function qrImageEncodes(imageFile: string, url: string): boolean {
  const img = readNetpbm(imageFile);
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = img.width / (n + 2);
  if (img.width !== img.height || !Number.isInteger(cell)) {
    return false;
  }
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = Math.floor((c + 1) * cell + cell / 2);
      const y = Math.floor((r + 1) * cell + cell / 2);
      if (img.dark(x, y) !== Boolean(qr.modules.get(r, c))) {
        return false;
      }
    }
  }
  return true;
}

beforeAll(async () => {
  participants = readSample();
  expect(participants).toHaveLength(8);
  server = await startServer();
  browser = await launchBrowser();
  s = await openSession(browser, server.url);
  page = s.page;
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-cert-'));
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    await shot(page, `FAILED-training-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
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

describe('training and certificates journey', () => {
  it('creates a teacher-training project for Kenya through the projects form', async () => {
    await signIn(page, server.demo.email, server.demo.password);
    await page.goto('/projects');
    await page.getByRole('link', { name: tr('en', 'projects.new'), exact: true }).click();
    await page.waitForURL(/\/projects\/new$/);
    await page.getByRole('heading', { level: 1, name: tr('en', 'projects.new') }).waitFor();

    await page.getByRole('textbox', { name: tr('en', 'projects.code'), exact: true }).fill(PROJECT.code);
    await choose(page, page, tr('en', 'projects.type'), tr('en', 'projects.types.teacher_training'));
    await choose(page, page, tr('en', 'projects.statusLabel'), tr('en', 'projects.status.2'));
    const title = page.getByRole('group', { name: tr('en', 'projects.titleField'), exact: true });
    await title.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(PROJECT.en);
    await title.getByRole('textbox', { name: LOCALE_LABELS['zh-CN'], exact: true }).fill(PROJECT.zh);
    await page
      .getByRole('textbox', { name: tr('en', 'projects.plannedStart'), exact: true })
      .fill(dateInZone(COLLEGE_TZ, -30));
    await page
      .getByRole('textbox', { name: tr('en', 'projects.plannedEnd'), exact: true })
      .fill(dateInZone(COLLEGE_TZ, 300));

    const countries = card(page, tr('en', 'projects.recipientCountries'));
    await countries.getByRole('button', { name: tr('en', 'projects.addRow'), exact: true }).click();
    await choose(countries, page, tr('en', 'projects.country'), 'Kenya', 'Keny');
    await countries.getByRole('textbox', { name: tr('en', 'projects.percentage'), exact: true }).fill('100');

    const sectors = card(page, tr('en', 'projects.sectorsLabel'));
    await sectors.getByRole('button', { name: tr('en', 'projects.addRow'), exact: true }).click();
    const dac = sectors.getByLabel(tr('en', 'projects.sectorCode'), { exact: true });
    await dac.fill('11130');
    await dac.press('Escape');
    await sectors.getByText(tr('en', 'projects.sectors.11130'), { exact: true }).waitFor();
    await sectors.getByRole('textbox', { name: tr('en', 'projects.percentage'), exact: true }).fill('100');
    await shot(page, 'training-01-project-form');

    await page.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/projects\/(?!new)[^/]+$/);
    await page.getByRole('heading', { level: 1, name: PROJECT.en }).waitFor();
    projectUrl = new URL(page.url()).pathname;
    const main = page.locator('main');
    await main.getByText(tr('en', 'projects.types.teacher_training'), { exact: true }).waitFor();
    await main.getByText(tr('en', 'projects.status.2'), { exact: true }).first().waitFor();
    await main.getByText('Kenya', { exact: true }).waitFor();
    await main.getByText(`11130 — ${tr('en', 'projects.sectors.11130')}`).waitFor();
    expect(await main.getByText('100 %', { exact: true }).count()).toBe(2);
    await shot(page, 'training-02-project');
    assertNoPageErrors(s);
  });

  it('creates a programme with a completion rule, a cohort and three past sessions', async () => {
    expect(projectUrl).toMatch(/^\/projects\//);
    await page.goto('/training');
    await page.getByRole('link', { name: tr('en', 'training.programme.new'), exact: true }).click();
    await page.waitForURL(/\/training\/programmes\/new$/);
    await choose(
      page,
      page,
      tr('en', 'training.programme.project'),
      `${PROJECT.code} · ${PROJECT.en}`,
      PROJECT.code,
    );
    const title = page.getByRole('group', { name: tr('en', 'training.programme.title'), exact: true });
    await title.getByRole('textbox', { name: LOCALE_LABELS.en, exact: true }).fill(PROGRAMME.en);
    await title.getByRole('textbox', { name: LOCALE_LABELS['zh-CN'], exact: true }).fill(PROGRAMME.zh);
    await page
      .getByRole('textbox', { name: tr('en', 'training.programme.description'), exact: true })
      .fill('PLC programming, sensors and workshop pedagogy for TVET teachers from Bangladesh and Pakistan.');
    await page.getByRole('button', { name: tr('en', 'training.module.add'), exact: true }).click();
    await page
      .getByRole('textbox', { name: tr('en', 'training.module.title'), exact: true })
      .fill('PLC programming');
    await page.getByRole('textbox', { name: tr('en', 'training.module.hours'), exact: true }).fill('24');
    const completion = page.getByRole('group', { name: tr('en', 'training.completion.rule'), exact: true });
    await completion
      .getByRole('textbox', { name: tr('en', 'training.completion.minAttendance'), exact: true })
      .fill('80');
    await completion
      .getByRole('textbox', { name: tr('en', 'training.completion.minPostScore'), exact: true })
      .fill('60');
    await page.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/training\/programmes\/(?!new)[^/]+$/);
    await page.getByRole('heading', { level: 1, name: PROGRAMME.en }).waitFor();
    await page
      .getByText('Completion: attendance at least 80 %, post-test at least 60 (required)', { exact: true })
      .waitFor();

    // The cohort: the first to the last session day.
    const form = card(page, tr('en', 'training.cohort.new'));
    await form.getByRole('textbox', { name: tr('en', 'training.cohort.name'), exact: true }).fill(COHORT);
    await form
      .getByLabel(tr('en', 'training.cohort.startsOn'), { exact: true })
      .fill(dateInZone(COLLEGE_TZ, SESSIONS[0]?.days ?? -5));
    await form
      .getByLabel(tr('en', 'training.cohort.endsOn'), { exact: true })
      .fill(dateInZone(COLLEGE_TZ, SESSIONS[2]?.days ?? -3));
    await form.getByRole('button', { name: tr('en', 'training.cohort.create'), exact: true }).click();
    await page.getByTestId('cohorts-table').getByRole('link', { name: COHORT }).click();
    await page.waitForURL(/\/training\/cohorts\/[^/]+$/);
    cohortUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: COHORT }).waitFor();

    for (const session of SESSIONS) {
      await page.getByRole('button', { name: tr('en', 'training.session.new'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: tr('en', 'training.session.new') });
      await dialog
        .getByRole('textbox', { name: tr('en', 'training.session.title'), exact: true })
        .fill(session.title);
      await field(dialog, tr('en', 'training.session.date')).fill(dateInZone(COLLEGE_TZ, session.days));
      await field(dialog, tr('en', 'training.session.from')).fill('09:00');
      await field(dialog, tr('en', 'training.session.to')).fill('12:00');
      expect(
        await dialog
          .getByRole('combobox', { name: tr('en', 'training.session.timeZone'), exact: true })
          .inputValue(),
      ).toBe(COLLEGE_TZ);
      if (session.venue) {
        await dialog
          .getByRole('textbox', { name: tr('en', 'training.session.venue'), exact: true })
          .fill(session.venue);
      }
      if (session.online) {
        await dialog
          .getByRole('textbox', { name: tr('en', 'training.session.onlineUrl'), exact: true })
          .fill(session.online);
      }
      await dialog
        .getByRole('textbox', { name: tr('en', 'training.session.language'), exact: true })
        .fill('en');
      await dialog.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('sessions-table').getByText(session.title, { exact: true }).waitFor();
    }
    const sessionRows = page.getByTestId('sessions-table').locator('tbody tr');
    expect(await sessionRows.count()).toBe(3);
    await page
      .getByTestId('sessions-table')
      .getByRole('link', { name: tr('en', 'training.session.online'), exact: true })
      .waitFor();
    await shot(page, 'training-03-cohort-schedule');
    await checkA11y(page, 'cohort page (schedule)');

    await page.getByRole('tab', { name: tr('en', 'training.calendar.title'), exact: true }).click();
    for (const session of SESSIONS) {
      await page.getByRole('tabpanel').getByText(session.title).first().waitFor();
    }
    await shot(page, 'training-04-cohort-calendar');
    await checkA11y(page, 'cohort page (calendar)');
    assertNoPageErrors(s);
  });

  it('enrols the participants from the sample spreadsheet after a clean preview', async () => {
    await page.goto(cohortUrl);
    await page.getByRole('link', { name: tr('en', 'training.import.title'), exact: true }).click();
    await page.waitForURL(/\/import$/);
    await page.getByRole('heading', { level: 1, name: tr('en', 'training.import.title') }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(path.join(ROOT, 'samples/enrolments-import.csv'));
    await page.getByText('8 rows in the file', { exact: true }).waitFor();
    await page.getByText('No problems', { exact: true }).waitFor();
    await page.getByTestId('import-problems').getByText(tr('en', 'training.import.noProblems')).waitFor();
    const rows = page.getByRole('table', { name: tr('en', 'training.import.rowsTitle'), exact: true });
    expect(await rows.locator('tbody tr').count()).toBe(8);
    await rows.getByText('মোহাম্মদ রফিকুল ইসলাম', { exact: true }).waitFor();
    await rows.getByText(VERIFIED.native, { exact: true }).waitFor();
    await shot(page, 'training-05-import-preview');
    await page.getByRole('button', { name: tr('en', 'training.import.run'), exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '8 participants enrolled, 0 on the waiting list.' })
      .waitFor();
    await shot(page, 'training-06-import-done');
    await page.getByRole('link', { name: tr('en', 'training.import.backToCohort'), exact: true }).click();
    await page.waitForURL((u) => u.pathname === cohortUrl);
    await page.getByText('8 of 20 seats', { exact: true }).waitFor();
    assertNoPageErrors(s);
  });

  it('marks attendance on a tablet: all present, one participant absent twice', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    try {
      await page.goto(cohortUrl);
      await page
        .getByTestId('sessions-table')
        .locator('tbody tr')
        .filter({ hasText: SESSIONS[0]?.title ?? '' })
        .getByRole('link', { name: tr('en', 'training.attendance.take'), exact: true })
        .click();
      await page.waitForURL(/\/attendance\?session=/);
      await page.getByRole('heading', { level: 1, name: tr('en', 'training.attendance.title') }).waitFor();
      const cards = page.getByRole('list', { name: tr('en', 'training.attendance.title') });

      for (const [i, session] of SESSIONS.entries()) {
        if (i > 0) {
          const loaded = page.waitForResponse(
            (r) =>
              /\/api\/v1\/training\/sessions\/[^/]+\/attendance$/.test(r.url()) &&
              r.request().method() === 'GET',
          );
          await page
            .getByRole('combobox', { name: tr('en', 'training.attendance.session'), exact: true })
            .click();
          await page.getByRole('option').filter({ hasText: session.title }).click();
          await loaded;
        }
        await settle(page);
        await cards.getByRole('listitem').first().waitFor();
        expect(await cards.getByRole('listitem').count()).toBe(8);
        await page
          .getByRole('button', { name: tr('en', 'training.attendance.allPresent'), exact: true })
          .click();
        if (i < 2) {
          // One press turns "present" into "absent".
          await cards
            .getByRole('button', {
              name: new RegExp(`^${ABSENT}\\s*${ABSENT_NATIVE}\\s*${tr('en', 'training.marks.present')}$`),
            })
            .click();
          await cards
            .getByRole('button', {
              name: new RegExp(`^${ABSENT}\\s*${ABSENT_NATIVE}\\s*${tr('en', 'training.marks.absent')}$`),
            })
            .waitFor();
        }
        await page.getByText(tr('en', 'training.attendance.unsaved'), { exact: true }).waitFor();
        await page.getByRole('button', { name: tr('en', 'training.attendance.save'), exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: tr('en', 'training.attendance.saved') })
          .waitFor();
        if (i === 0) {
          await shot(page, 'training-07-attendance-tablet');
          await checkA11y(page, 'attendance page (tablet)');
        }
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }

    await page.goto(cohortUrl);
    await page.getByRole('tab', { name: tr('en', 'training.cohort.enrolments'), exact: true }).click();
    await enrolmentRow(page, ABSENT)
      .getByText(/^33[.,]3 %$/)
      .waitFor();
    await enrolmentRow(page, VERIFIED.latin).getByText('100 %', { exact: true }).waitFor();
    assertNoPageErrors(s);
  });

  it('enters pre- and post-test scores, one just below the minimum', async () => {
    await page.goto(cohortUrl);
    await page.getByRole('tab', { name: tr('en', 'training.cohort.enrolments'), exact: true }).click();
    await page.getByTestId('enrolments-table').locator('tbody tr').first().waitFor();
    for (const [i, p] of participants.entries()) {
      const pre = 40 + i * 2.5;
      const post = p.latin === LOW_SCORE ? 59.99 : 70 + i * 3;
      await enrolmentRow(page, p.latin)
        .getByRole('button', {
          name: tr('en', 'training.scores.editNamed').replace('{name}', p.latin),
          exact: true,
        })
        .click();
      const dialog = page.getByRole('dialog', { name: `Scores of ${p.latin}` });
      await dialog
        .getByRole('textbox', { name: tr('en', 'training.scores.pre'), exact: true })
        .fill(String(pre));
      await dialog
        .getByRole('textbox', { name: tr('en', 'training.scores.post'), exact: true })
        .fill(String(post));
      await dialog.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await enrolmentRow(page, p.latin)
        .getByText(new RegExp(`→ ${post.toFixed(2).replace('.', '[.,]')}$`))
        .waitFor();
    }
    await enrolmentRow(page, LOW_SCORE)
      .getByText(tr('en', 'training.completion.reasons.post_score_below_minimum'))
      .waitFor();
    await enrolmentRow(page, ABSENT)
      .getByText(tr('en', 'training.completion.reasons.attendance_below_minimum'))
      .waitFor();
    expect(
      await page
        .getByTestId('enrolments-table')
        .getByText(tr('en', 'training.completion.eligible'), { exact: true })
        .count(),
    ).toBe(6);
    await toTop(page);
    await shot(page, 'training-08-scores');
    assertNoPageErrors(s);
  });

  it('shows who is eligible and why not, and issues all eligible certificates in one batch', async () => {
    const panel = certificatesPanel(page);
    await panel.waitFor();
    const row = (latin: string) => panel.locator('tbody tr').filter({ hasText: latin });
    await row(ABSENT).getByText(tr('en', 'certificates.reasons.attendance_below_minimum')).waitFor();
    await row(LOW_SCORE).getByText(tr('en', 'certificates.reasons.post_score_below_minimum')).waitFor();
    expect(await panel.getByText(tr('en', 'certificates.cohort.eligible'), { exact: true }).count()).toBe(6);
    const issueAll = panel.getByRole('button', { name: 'Issue all eligible (6)', exact: true });
    await issueAll.waitFor();
    await shot(page, 'training-09-certificates-eligibility');
    await checkA11y(page, 'cohort page (participants and certificates)');

    await issueAll.click();
    await panel.getByText('Done: 6 of 6 issued, 0 failed', { exact: true }).waitFor({ timeout: 60_000 });
    await panel.getByRole('progressbar').waitFor();
    await row(VERIFIED.latin).getByText(tr('en', 'certificates.status.valid'), { exact: true }).waitFor();
    expect(await panel.getByText(tr('en', 'certificates.status.valid'), { exact: true }).count()).toBe(6);
    expect(await row(ABSENT).getByRole('link').count()).toBe(0);
    expect(await row(LOW_SCORE).getByRole('link').count()).toBe(0);
    await toTop(page);
    await shot(page, 'training-10-certificates-issued');
    assertNoPageErrors(s);
  });

  it('downloads a certificate PDF with the native and Latin names, and reads its QR code', async () => {
    const panel = certificatesPanel(page);
    const link = panel.locator('tbody tr').filter({ hasText: VERIFIED.latin }).getByRole('link');
    certificateNumber = ((await link.textContent()) ?? '').trim();
    expect(certificateNumber).not.toBe('');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdfFile = path.join(tmpDir, 'certificate.pdf');
    await download.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');

    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfFile,
      path.join(SCREENSHOT_DIR, 'certificate'),
    ]);
    expect(fs.statSync(path.join(SCREENSHOT_DIR, 'certificate.png')).size).toBeGreaterThan(10_000);

    const text = run('pdftotext', ['-layout', pdfFile, '-']);
    expect(text).toContain(VERIFIED.latin);
    // Arabic script comes out of the PDF in visual order as presentation forms: compare normalized
    // letters in either direction.
    const letters = (x: string) => x.normalize('NFKC').replace(/[^\u0600-\u06FF]/g, '');
    const nativeLetters = letters(VERIFIED.native);
    const pdfLetters = letters(text);
    expect(
      pdfLetters.includes(nativeLetters) || pdfLetters.includes([...nativeLetters].reverse().join('')),
      `native name in the PDF text:\n${text}`,
    ).toBe(true);
    expect(text).toContain(certificateNumber);
    expect(text).toContain(PROGRAMME.en);

    // The URL printed under the QR code (without its scheme) …
    const printed = new RegExp(
      `${server.url.replace(/^https?:\/\//, '').replace(/[.]/g, '\\.')}/verify/([A-Za-z0-9_-]{10,})`,
    ).exec(text.replace(/\s+/g, ''));
    expect(printed, `verification URL in the PDF text:\n${text}`).not.toBeNull();
    verifyUrl = `${server.url}/verify/${printed?.[1]}`;
    // … is what the QR code encodes, module for module.
    run('pdfimages', ['-f', '1', '-l', '1', pdfFile, path.join(tmpDir, 'img')]);
    const images = fs
      .readdirSync(tmpDir)
      .filter((f) => f.startsWith('img-'))
      .map((f) => path.join(tmpDir, f));
    expect(images.length).toBeGreaterThan(0);
    expect(images.some((f) => qrImageEncodes(f, verifyUrl))).toBe(true);
    // … and the certificate record the API keeps agrees.
    const list = await page.request.get(
      `/api/v1/certificates?q=${encodeURIComponent(certificateNumber)}&page=1&pageSize=5`,
    );
    expect(list.status()).toBe(200);
    const found = ((await list.json()) as { data: { number: string; verifyUrl: string }[] }).data.find(
      (c) => c.number === certificateNumber,
    );
    expect(found?.verifyUrl).toBe(verifyUrl);
    assertNoPageErrors(s);
  });

  it('opens the QR code URL without a session: valid (English and Arabic); after revocation: revoked', async () => {
    expect(verifyUrl).toMatch(/\/verify\//);
    const visitor = await openSession(browser, server.url);
    try {
      const v = visitor.page;
      await v.goto(verifyUrl);
      await v.getByRole('heading', { level: 1, name: tr('en', 'certificates.verify.title') }).waitFor();
      await v
        .getByRole('status')
        .filter({ hasText: tr('en', 'certificates.verify.result.valid') })
        .waitFor();
      await v.getByRole('heading', { name: VERIFIED.native }).waitFor();
      await v.getByText(VERIFIED.latin, { exact: true }).waitFor();
      await v.getByText(PROGRAMME.en, { exact: true }).waitFor();
      await v.getByText(certificateNumber, { exact: true }).waitFor();
      await shot(v, 'training-11-verify-valid-en');
      await checkA11y(v, 'public verification page (valid, en)');

      await switchLanguage(v, 'en', 'ar');
      expect(await htmlLangDir(v)).toEqual(['ar', 'rtl']);
      await v
        .getByRole('status')
        .filter({ hasText: tr('ar', 'certificates.verify.result.valid') })
        .waitFor();
      await shot(v, 'training-12-verify-valid-ar');
      await checkA11y(v, 'public verification page (valid, ar)');
      await switchLanguage(v, 'ar', 'en');

      // The coordinator revokes it from the certificates register, giving a reason.
      await page.goto('/certificates');
      await page.getByRole('heading', { level: 1, name: tr('en', 'certificates.title') }).waitFor();
      await page
        .getByRole('textbox', { name: tr('en', 'certificates.search'), exact: true })
        .fill(certificateNumber);
      const register = page.getByRole('table', { name: tr('en', 'certificates.title'), exact: true });
      const row = register.locator('tbody tr').filter({ hasText: certificateNumber });
      await row.waitFor();
      // The list follows the search as it answers (the previous page stays shown until then).
      await expect.poll(() => register.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
      await row.getByRole('button', { name: tr('en', 'certificates.revoke'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Revoke certificate ${certificateNumber}` });
      const reason = 'Issued to the wrong cohort; replaced by a new certificate.';
      await dialog.getByRole('textbox', { name: tr('en', 'certificates.fields.reason') }).fill(reason);
      await shot(page, 'training-13-revoke-dialog');
      await dialog.getByRole('button', { name: tr('en', 'certificates.revoke'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText(tr('en', 'certificates.status.revoked'), { exact: true }).waitFor();
      await row.getByText(reason, { exact: true }).waitFor();

      await v.reload();
      await v
        .getByRole('status')
        .filter({ hasText: tr('en', 'certificates.verify.result.revoked') })
        .waitFor();
      await v.getByRole('status').getByText(reason).waitFor();
      await v.getByText(tr('en', 'certificates.status.revoked'), { exact: true }).first().waitFor();
      await shot(v, 'training-14-verify-revoked-en');
      await checkA11y(v, 'public verification page (revoked)');
      assertNoPageErrors(visitor);
    } finally {
      await visitor.close();
    }
    assertNoPageErrors(s);
  });

  it('issues a portal link; the participant opens it without a session and sees schedule and certificate in Arabic', async () => {
    await page.goto(cohortUrl);
    await page.getByRole('tab', { name: tr('en', 'training.cohort.enrolments'), exact: true }).click();
    await enrolmentRow(page, PORTAL.latin)
      .getByRole('button', { name: tr('en', 'training.portal.issue'), exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: tr('en', 'training.portal.linkTitle') });
    const portalUrl = ((await dialog.locator('pre, code').first().textContent()) ?? '').trim();
    expect(portalUrl).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/portal/[A-Za-z0-9_-]{20,}$`));
    await dialog.getByRole('button', { name: tr('en', 'training.portal.copy'), exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await enrolmentRow(page, PORTAL.latin)
      .getByRole('button', { name: tr('en', 'training.portal.reissue'), exact: true })
      .waitFor();

    const participant = await openSession(browser, server.url);
    try {
      const p = participant.page;
      await p.goto(portalUrl);
      await p.getByRole('heading', { level: 1, name: new RegExp(PORTAL.latin) }).waitFor();
      await switchLanguage(p, 'en', 'ar');
      expect(await htmlLangDir(p)).toEqual(['ar', 'rtl']);
      await p.getByRole('heading', { name: tr('ar', 'training.portal.schedule'), exact: true }).waitFor();
      for (const session of SESSIONS) {
        await p.getByText(session.title, { exact: true }).waitFor();
      }
      await p.getByRole('link', { name: tr('ar', 'training.portal.joinOnline'), exact: true }).waitFor();
      await p.getByRole('heading', { name: tr('ar', 'training.portal.certificate'), exact: true }).waitFor();
      await p.getByText(tr('ar', 'certificates.status.valid'), { exact: true }).waitFor();
      const certLink = p.getByRole('link', {
        name: tr('ar', 'training.portal.downloadCertificate'),
        exact: true,
      });
      const href = await certLink.getAttribute('href');
      expect(href).toMatch(/\/api\/v1\/public\/portal\/[^/]+\/certificate\/pdf$/);
      const pdf = await participant.context.request.get(href ?? '');
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await shot(p, 'training-15-portal-ar');
      await checkA11y(p, 'participant portal (ar)');
      assertNoPageErrors(participant);
    } finally {
      await participant.close();
    }
    assertNoPageErrors(s);
  });
});
