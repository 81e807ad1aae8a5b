/**
 * Tracking and evaluation of a cooperation project (issue 5), in a real Chromium against the real
 * product started with the demo workspace. The demo admin works on the demo project "East Africa TVET
 * Teacher Training Centre", which has no surveys of its own, so every figure on its evaluation page
 * comes from the answers given here:
 *
 * 1. on the project's Results tab, a result with the "participants trained" template indicator and a
 *    custom percentage indicator (baseline, two yearly periods with targets, one actual), with the
 *    progress and status the domain computes;
 * 2. an L1 reaction survey from the builder's template (a Likert scale with a reverse-coded item, NPS)
 *    and an L2 knowledge pre-test whose placeholder questions the trainer replaces with real ones, for
 *    a cohort of three: each opened and sent to the cohort, the invitation list in their languages;
 * 3. the personal links from the outbox, opened without signing in: the reaction survey answered in
 *    French, in Arabic (right to left) and in English; the pre-test, then the post-test the builder
 *    derives from it;
 * 4. NPS, Cronbach's alpha and the Hake gains on the survey results pages and on the project's
 *    evaluation page, as the domain functions compute them from the answers given; the portfolio
 *    dashboard;
 * 5. the bilingual evaluation report as a PDF, page 1 rendered to an image.
 *
 * Set-up through the API (not what this journey is about): the course, its cohort and the three
 * participants with the languages they speak.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cohortGain,
  type Indicator,
  indicatorStatus,
  matchPrePost,
  netPromoterScore,
  scaleAlpha,
  scoreTest,
  type TestQuestion,
} from '../src/domain/evaluation/index.js';
import { dateInZone, htmlLangDir, LOCALE_LABELS, type Locale, literal, signIn, tr } from './support/app.js';
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
import { type RunningServer, startServer } from './support/server.js';

const COLLEGE_TZ = 'Asia/Shanghai';
const PROJECT_CODE = 'EA-TTC';
const PROJECT_TITLE = 'East Africa TVET Teacher Training Centre';
const YEAR = Number(dateInZone(COLLEGE_TZ).slice(0, 4));

const PROGRAMME = {
  en: 'Mechatronics train-the-trainer course',
  'zh-CN': '机电一体化师资培训班',
  fr: 'Formation de formateurs en mécatronique',
  ar: 'دورة تدريب المدربين في الميكاترونكس',
};
const COHORT = 'Mechatronics trainers, cohort A';

type Who = 'fr' | 'ar' | 'en';
/** The cohort: the first language the platform speaks decides the invitation's language. */
const PEOPLE: Record<
  Who,
  {
    latin: string;
    native: string;
    gender: 'female' | 'male';
    country: string;
    org: string;
    languages: string[];
  }
> = {
  fr: {
    latin: 'Aline Uwimana',
    native: '',
    gender: 'female',
    country: 'RW',
    org: 'IPRC Kigali',
    languages: ['rw', 'fr', 'en'],
  },
  ar: {
    latin: 'Amira Osman',
    native: 'أميرة عثمان',
    gender: 'female',
    country: 'SD',
    org: 'Khartoum Technical College',
    languages: ['ar', 'en'],
  },
  en: {
    latin: 'Brian Kiptoo',
    native: '',
    gender: 'male',
    country: 'KE',
    org: 'Kisumu National Polytechnic',
    languages: ['sw', 'en'],
  },
};
const WHO: Who[] = ['fr', 'ar', 'en'];
const email = (w: Who) => `${PEOPLE[w].latin.toLowerCase().replace(/\W+/g, '.')}@participants.example`;

// --- 1. results framework ------------------------------------------------------------------------

const RESULT = {
  en: 'Teachers of partner colleges trained in mechatronics',
  'zh-CN': '合作院校教师接受机电一体化培训',
  fr: 'Enseignants des établissements partenaires formés en mécatronique',
  ar: 'تدريب معلمي الكليات الشريكة في الميكاترونكس',
};
const CUSTOM = {
  code: 'OP3.2',
  title: {
    en: 'Trained teachers passing the practical assessment',
    'zh-CN': '通过实操考核的受训教师比例',
    fr: "Enseignants formés réussissant l'évaluation pratique",
    ar: 'نسبة المعلمين المدرَّبين الناجحين في التقييم العملي',
  },
  definition:
    'Share of the teachers trained in the year who pass the practical assessment at the first attempt.',
  verification: 'Practical assessment records of the training centre.',
  baseline: { year: YEAR - 2, value: 40 },
  /** [year, target, actual] */
  periods: [
    [YEAR - 1, 55, 55],
    [YEAR, 70, null],
  ] as [number, number, number | null][],
};
const TEMPLATE_TARGET = 3;

// --- 2/3. surveys and answers --------------------------------------------------------------------

/** The L1 template's items in order: four Likert items of the scale "reaction" (the 4th reverse-coded). */
const L1_ITEM_TEXTS: Record<Who, string[]> = {
  fr: [
    'La formation était utile pour mon travail.',
    'Les formateurs ont expliqué le contenu clairement.',
    "Je suis capable d'utiliser ce que j'ai appris.",
    'Le rythme de la formation était trop difficile à suivre.',
  ],
  ar: [
    'كان التدريب وثيق الصلة بعملي.',
    'شرح المدربون المحتوى بوضوح.',
    'أنا واثق من قدرتي على استخدام ما تعلمته.',
    'كانت وتيرة التدريب صعبة المتابعة.',
  ],
  en: [
    'The training was relevant to my work.',
    'The trainers explained the content clearly.',
    'I am confident I can use what I learned.',
    'The pace of the training was too hard to follow.',
  ],
};
/** Each participant's reaction: four Likert answers as ticked (1–5), the NPS answer and a comment. */
const REACTION: Record<Who, { likert: [number, number, number, number]; nps: number; comment: string }> = {
  fr: {
    likert: [5, 4, 5, 1],
    nps: 10,
    comment: "Plus de temps en atelier sur les cellules robotisées, s'il vous plaît.",
  },
  ar: { likert: [4, 4, 4, 2], nps: 9, comment: 'نرجو مزيدًا من التدريب العملي على وحدات التحكم المنطقية.' },
  en: { likert: [3, 2, 3, 4], nps: 6, comment: '' },
};

/** The knowledge test written over the L2 template's two placeholder questions. */
const TEST_QUESTIONS = [
  {
    type: 'single' as const,
    correct: ['a'],
    text: {
      en: 'Which IEC 61131-3 language is graphical and based on relay circuits?',
      'zh-CN': 'IEC 61131-3 中哪种语言是图形化的、基于继电器电路？',
      fr: 'Quel langage de la norme CEI 61131-3 est graphique et fondé sur les schémas à relais ?',
      ar: 'أي لغة من لغات المعيار IEC 61131-3 رسومية وتعتمد على دوائر المرحلات؟',
    },
    options: {
      a: {
        en: 'Ladder diagram (LD)',
        'zh-CN': '梯形图（LD）',
        fr: 'Langage à contacts (LD)',
        ar: 'المخطط السلمي (LD)',
      },
      b: {
        en: 'Structured text (ST)',
        'zh-CN': '结构化文本（ST）',
        fr: 'Texte structuré (ST)',
        ar: 'النص المهيكل (ST)',
      },
      c: {
        en: 'Instruction list (IL)',
        'zh-CN': '指令表（IL）',
        fr: "Liste d'instructions (IL)",
        ar: 'قائمة التعليمات (IL)',
      },
    },
  },
  {
    type: 'multiple' as const,
    correct: ['a', 'c'],
    text: {
      en: 'What must be done before entering a robot cell? (tick every correct answer)',
      'zh-CN': '进入机器人工作站之前必须做哪些事？（选出所有正确答案）',
      fr: "Que faut-il faire avant d'entrer dans une cellule robotisée ? (cochez toutes les bonnes réponses)",
      ar: 'ما الذي يجب فعله قبل دخول خلية الروبوت؟ (اختر كل الإجابات الصحيحة)',
    },
    options: {
      a: {
        en: 'Lock out the robot and keep the key',
        'zh-CN': '上锁挂牌并保管钥匙',
        fr: 'Consigner le robot et garder la clé',
        ar: 'عزل الروبوت وقفله والاحتفاظ بالمفتاح',
      },
      b: {
        en: 'Reduce the speed to 50 %',
        'zh-CN': '把速度降到 50%',
        fr: 'Réduire la vitesse à 50 %',
        ar: 'خفض السرعة إلى 50 %',
      },
      c: {
        en: 'Check that the emergency stop works',
        'zh-CN': '检查急停按钮是否有效',
        fr: "Vérifier que l'arrêt d'urgence fonctionne",
        ar: 'التحقق من عمل زر إيقاف الطوارئ',
      },
    },
  },
];
type OptionKey = 'a' | 'b' | 'c';
/** Options ticked per question, before and after the course. */
const TEST_ANSWERS: Record<'pre' | 'post', Record<Who, OptionKey[][]>> = {
  pre: { fr: [['a'], ['b']], ar: [['b'], ['b']], en: [['c'], ['a']] },
  post: { fr: [['a'], ['a', 'b']], ar: [['a'], ['a', 'c']], en: [['a'], ['c']] },
};

// --- expected figures, from the domain functions ------------------------------------------------

const SCALE = {
  points: 5 as const,
  items: [0, 1, 2, 3].map((i) => ({ id: `item${i}`, reverse: i === 3 })),
};
const expectedAlpha = scaleAlpha(
  SCALE,
  WHO.map((w) => Object.fromEntries(REACTION[w].likert.map((v, i) => [`item${i}`, v]))),
);
const expectedNps = netPromoterScore(WHO.map((w) => REACTION[w].nps));
const DOMAIN_TEST: TestQuestion[] = TEST_QUESTIONS.map((q, i) => ({
  id: `q${i}`,
  kind: q.type,
  correct: q.correct,
}));
const percentOf = (phase: 'pre' | 'post', w: Who) =>
  scoreTest(DOMAIN_TEST, Object.fromEntries(TEST_ANSWERS[phase][w].map((c, i) => [`q${i}`, c]))).percent ?? 0;
const expectedGain = cohortGain(
  matchPrePost(
    WHO.map((w) => ({ participantId: w, score: percentOf('pre', w) })),
    WHO.map((w) => ({ participantId: w, score: percentOf('post', w) })),
  ).pairs,
);

/** A number as the web app shows it in English (formatNumber with at most `digits` decimals). */
const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined
    ? '—'
    : new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(x);

// --- state ----------------------------------------------------------------------------------------

let server: RunningServer;
let browser: Browser;
let admin: Session;
const sessions: Session[] = [];
let tmpDir = '';

let projectId = '';
const seenMessages = new Set<string>();
let l1Id = '';
let preId = '';
let postId = '';

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
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

/**
 * The personal links mailed since the last look, per participant: read from the outbox (no mail
 * server in this run) as the admin's outbox page shows them.
 */
async function newLinks(): Promise<Record<Who, string>> {
  const page = await call<{ data: OutboxMessage[] }>(admin.context, 'GET', '/outbox?pageSize=200');
  const out: Partial<Record<Who, string>> = {};
  for (const m of page.data) {
    if (seenMessages.has(m.id) || m.kind !== 'survey_invitation') {
      continue;
    }
    seenMessages.add(m.id);
    const who = WHO.find((w) => email(w) === m.to);
    const url = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(m.text)?.[0];
    if (who && url) {
      expect(out[who], `one new invitation for ${who}`).toBeUndefined();
      out[who] = url;
    }
  }
  expect(Object.keys(out).sort()).toEqual([...WHO].sort());
  return out as Record<Who, string>;
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

/** Fills the per-language inputs of a LocalizedTextEditor (a fieldset named by its legend). */
async function fillLocalized(group: Locator, texts: Partial<Record<Locale, string>>) {
  for (const [locale, text] of Object.entries(texts) as [Locale, string][]) {
    await group.getByRole('textbox', { name: LOCALE_LABELS[locale], exact: true }).fill(text);
  }
}

/** A card of the page that holds no other card (the innermost one) and contains `has`. */
function leafCard(scope: Page | Locator, has: Locator): Locator {
  return scope
    .locator('.mantine-Card-root')
    .filter({ has })
    .filter({ hasNot: scope.locator('.mantine-Card-root .mantine-Card-root') });
}

/**
 * The texts of a headline figure card: [label, value, hint], as in the DOM (a band badge's text
 * follows the number without a space, whatever case the badge is drawn in).
 */
async function figure(scope: Page | Locator, p: Page, label: string): Promise<string[]> {
  const card = leafCard(scope, p.getByText(label, { exact: true })).first();
  await card.waitFor();
  return (await card.locator(':scope > *').allTextContents()).map((x) => x.trim());
}

/**
 * A picture of the whole page for readers: the window is made as tall as the page first, so the app's
 * fixed header and navigation stay whole instead of being stitched into the middle.
 */
async function pageShot(p: Page, name: string): Promise<void> {
  const size = p.viewportSize() ?? { width: 1400, height: 900 };
  await settle(p);
  const height = await p.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
        .documentElement.scrollHeight,
  );
  await p.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  try {
    await dismissToasts(p);
    await shot(p, name, { fullPage: false });
  } finally {
    await p.setViewportSize(size);
  }
}

/** Closes the "saved" notifications of earlier steps, so that a picture shows the page only. */
async function dismissToasts(p: Page) {
  const close = p.locator('.mantine-Notification-root .mantine-Notification-closeButton');
  while ((await close.count()) > 0) {
    await close
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }
}

/** A picture of one part of the page, taken in a window as tall as the page (no sticky header over it). */
async function partShot(p: Page, part: Locator, name: string): Promise<void> {
  const size = p.viewportSize() ?? { width: 1400, height: 900 };
  await settle(p);
  await dismissToasts(p);
  await p.mouse.move(1, 1);
  const height = await p.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
        .documentElement.scrollHeight,
  );
  await p.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  try {
    await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
  } finally {
    await p.setViewportSize(size);
  }
}

/** Opens a survey's page, opens it for answers and invites its cohort, as the admin. */
async function openAndInvite(p: Page, surveyId: string) {
  if (!p.url().endsWith(`/surveys/${surveyId}`)) {
    await p.goto(`/surveys/${surveyId}`);
  }
  await p.getByText(tr('en', 'surveys.detail.openFirst'), { exact: true }).waitFor();
  await p.getByRole('button', { name: tr('en', 'surveys.detail.to_open'), exact: true }).click();
  await p.getByText(tr('en', 'surveys.detail.openFirst'), { exact: true }).waitFor({ state: 'detached' });
  await p.getByRole('button', { name: tr('en', 'surveys.detail.inviteCohort'), exact: true }).click();
  await p
    .getByText('3 invited, 0 already invited, 0 without e-mail (copy their link).', { exact: true })
    .waitFor();
  const table = p.getByRole('table', { name: tr('en', 'surveys.detail.invitations') });
  for (const w of WHO) {
    const row = table.locator('tbody tr').filter({ hasText: PEOPLE[w].latin });
    await row.getByText(LOCALE_LABELS[w], { exact: true }).waitFor();
    await row.getByText(tr('en', 'surveys.detail.waiting'), { exact: true }).waitFor();
  }
  await p.getByText('0 % (0 of 3)', { exact: true }).waitFor();
}

/**
 * Opens a personal link in a fresh browser context (nobody signed in), checks that the page speaks
 * the participant's language, lets `answer` fill it in, sends it and waits for the thanks.
 */
async function answerLink(
  url: string,
  locale: Who,
  answer: (p: Page) => Promise<void>,
  picture?: string,
): Promise<void> {
  const s = await openSession(browser, server.url);
  sessions.push(s);
  const p = s.page;
  await p.goto(url);
  const submit = p.getByRole('button', { name: tr(locale, 'surveys.answer.submit'), exact: true });
  await submit.waitFor();
  await p.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
  expect(await htmlLangDir(p)).toEqual([locale, locale === 'ar' ? 'rtl' : 'ltr']);
  await answer(p);
  if (picture) {
    await pageShot(p, picture);
    await checkA11y(p, `answer page (${locale})`);
  }
  await submit.click();
  await p
    .getByRole('status')
    .filter({ hasText: tr(locale, 'surveys.answer.thanksTitle') })
    .waitFor();
  await p.getByText(tr(locale, 'surveys.answer.thanks'), { exact: true }).waitFor();
  assertNoPageErrors(s);
  await s.close();
}

/** The questions of the answer page, in order. */
const questionsOf = (p: Page) => p.locator('main fieldset[id^="q-"]');

/** Answers the L1 reaction survey (four Likert items, NPS, comment) with the participant's choices. */
function reactionAnswers(w: Who) {
  return async (p: Page) => {
    const qs = questionsOf(p);
    expect(await qs.count()).toBe(6);
    for (const [i, value] of REACTION[w].likert.entries()) {
      const q = qs.nth(i);
      await q
        .locator('legend')
        .getByText(`${i + 1}. ${L1_ITEM_TEXTS[w][i]}`)
        .waitFor();
      await q.getByRole('radio', { name: String(value), exact: true }).check();
    }
    await qs.nth(0).getByText(tr(w, 'surveys.answer.agree'), { exact: true }).waitFor();
    await qs.nth(4).getByText(tr(w, 'surveys.answer.npsHigh'), { exact: true }).waitFor();
    await qs
      .nth(4)
      .getByRole('radio', { name: String(REACTION[w].nps), exact: true })
      .check();
    if (REACTION[w].comment) {
      await qs.nth(5).getByRole('textbox').fill(REACTION[w].comment);
    }
  };
}

/** Answers the knowledge test with the participant's choices, ticking the options by their text. */
function testAnswers(phase: 'pre' | 'post', w: Who) {
  return async (p: Page) => {
    const qs = questionsOf(p);
    expect(await qs.count()).toBe(TEST_QUESTIONS.length);
    for (const [i, q] of TEST_QUESTIONS.entries()) {
      const box = qs.nth(i);
      await box
        .locator('legend')
        .getByText(`${i + 1}. ${q.text[w]}`)
        .waitFor();
      for (const key of TEST_ANSWERS[phase][w][i] ?? []) {
        await box
          .getByRole(q.type === 'single' ? 'radio' : 'checkbox', { name: q.options[key][w], exact: true })
          .check();
      }
    }
  };
}

beforeAll(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-evaluation-'));
  server = await startServer();
  browser = await launchBrowser();
  admin = await openSession(browser, server.url);
  sessions.push(admin);
  await signIn(admin.page, server.demo.email, server.demo.password);
}, 240_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    const tag = task.name.slice(0, 30).replace(/\W+/g, '-');
    for (const [i, s] of sessions.entries()) {
      await shot(s.page, `FAILED-evaluation-${tag}-${i}`, { fullPage: false }).catch(() => undefined);
    }
  }
});

afterAll(async () => {
  for (const s of sessions) {
    await s.close().catch(() => undefined);
  }
  await browser?.close();
  await server?.stop();
  if (tmpDir) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
});

describe('evaluation journey', () => {
  it('set-up through the API: a course of the teacher training centre with a cohort of three', async () => {
    const a = admin.context;
    const projects = await call<{ data: { id: string; code: string }[] }>(
      a,
      'GET',
      `/projects?q=${PROJECT_CODE}&pageSize=50`,
    );
    projectId = projects.data.find((x) => x.code === PROJECT_CODE)?.id ?? '';
    expect(projectId, 'the demo project').not.toBe('');
    // The project has no survey yet: its evaluation figures will be this journey's alone.
    const before = await call<{ total: number }>(a, 'GET', `/surveys?projectId=${projectId}`);
    expect(before.total).toBe(0);

    const programme = await call<{ id: string }>(a, 'POST', '/training/programmes', {
      projectId,
      title: PROGRAMME,
      description: 'PLC programming, robot cells and mechatronics didactics for TVET teachers.',
      languages: ['en', 'fr'],
    });
    const cohort = await call<{ id: string }>(a, 'POST', `/training/programmes/${programme.id}/cohorts`, {
      name: COHORT,
      startsOn: dateInZone(COLLEGE_TZ, -12),
      endsOn: dateInZone(COLLEGE_TZ, 2),
      capacity: 12,
    });
    for (const w of WHO) {
      const person = PEOPLE[w];
      await call(a, 'POST', `/training/cohorts/${cohort.id}/enrolments`, {
        status: 'confirmed',
        participant: {
          nameLatin: person.latin,
          nameNative: person.native,
          gender: person.gender,
          country: person.country,
          organizationName: person.org,
          position: 'Mechatronics instructor',
          email: email(w),
          languages: person.languages,
        },
      });
    }
    // Mails already in the outbox (the demo's) are not this journey's.
    const outbox = await call<{ data: OutboxMessage[] }>(a, 'GET', '/outbox?pageSize=200');
    for (const m of outbox.data) {
      seenMessages.add(m.id);
    }
  });

  it('defines the results: a result, the "participants trained" template and a custom indicator', async () => {
    const p = admin.page;
    await p.goto('/projects');
    await p.getByRole('link', { name: PROJECT_TITLE, exact: true }).click();
    await p.getByRole('heading', { level: 1, name: PROJECT_TITLE }).waitFor();
    await p.getByRole('tab', { name: tr('en', 'projects.tabs.results'), exact: true }).click();

    // The result.
    await p.getByRole('button', { name: tr('en', 'resultsFrameworks.addResult'), exact: true }).click();
    let dialog = p.getByRole('dialog', { name: tr('en', 'resultsFrameworks.addResult') });
    await choose(
      dialog,
      p,
      tr('en', 'resultsFrameworks.resultType'),
      tr('en', 'resultsFrameworks.resultTypes.output'),
    );
    await fillLocalized(
      dialog.getByRole('group', { name: tr('en', 'resultsFrameworks.title'), exact: true }),
      RESULT,
    );
    await dialog.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const result = p
      .locator('.mantine-Card-root')
      .filter({ has: p.getByRole('heading', { level: 3, name: RESULT.en, exact: true }) });
    await result.waitFor();

    // The template indicator, with this year's target.
    await choose(result, p, tr('en', 'resultsFrameworks.templates'), 'Participants trained');
    await result
      .getByRole('button', { name: tr('en', 'resultsFrameworks.addFromTemplate'), exact: true })
      .click();
    const template = result
      .locator('.mantine-Card-root')
      .filter({ has: p.getByText('Participants trained', { exact: true }) });
    await template.waitFor();
    await template
      .getByRole('button', { name: tr('en', 'resultsFrameworks.addPeriod'), exact: true })
      .click();
    dialog = p.getByRole('dialog', { name: tr('en', 'resultsFrameworks.addPeriod') });
    await field(dialog, tr('en', 'resultsFrameworks.periodStart')).fill(`${YEAR}-01-01`);
    await field(dialog, tr('en', 'resultsFrameworks.periodEnd')).fill(`${YEAR}-12-31`);
    await field(dialog, tr('en', 'resultsFrameworks.target')).fill(String(TEMPLATE_TARGET));
    await dialog.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await template.getByRole('table', { name: tr('en', 'resultsFrameworks.periods') }).waitFor();

    // The custom indicator: a percentage with a baseline.
    await result
      .getByRole('button', { name: tr('en', 'resultsFrameworks.addIndicator'), exact: true })
      .click();
    dialog = p.getByRole('dialog', { name: tr('en', 'resultsFrameworks.addIndicator') });
    await fillLocalized(
      dialog.getByRole('group', { name: tr('en', 'resultsFrameworks.title'), exact: true }),
      CUSTOM.title,
    );
    await field(dialog, tr('en', 'resultsFrameworks.code')).fill(CUSTOM.code);
    await choose(
      dialog,
      p,
      tr('en', 'resultsFrameworks.measure'),
      tr('en', 'resultsFrameworks.measures.percentage'),
    );
    await fillLocalized(
      dialog.getByRole('group', { name: tr('en', 'resultsFrameworks.definition'), exact: true }),
      { en: CUSTOM.definition },
    );
    await fillLocalized(
      dialog.getByRole('group', { name: tr('en', 'resultsFrameworks.meansOfVerification'), exact: true }),
      { en: CUSTOM.verification },
    );
    await dialog
      .getByRole('checkbox', { name: tr('en', 'resultsFrameworks.hasBaseline'), exact: true })
      .check();
    await field(dialog, tr('en', 'resultsFrameworks.baselineYear')).fill(String(CUSTOM.baseline.year));
    await field(dialog, tr('en', 'resultsFrameworks.baselineValue')).fill(String(CUSTOM.baseline.value));
    await dialog.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const custom = result
      .locator('.mantine-Card-root')
      .filter({ has: p.getByText(CUSTOM.title.en, { exact: true }) });
    await custom
      .getByText(`Baseline ${CUSTOM.baseline.value} (${CUSTOM.baseline.year})`, { exact: true })
      .waitFor();

    for (const [year, target, actual] of CUSTOM.periods) {
      await custom
        .getByRole('button', { name: tr('en', 'resultsFrameworks.addPeriod'), exact: true })
        .click();
      dialog = p.getByRole('dialog', { name: tr('en', 'resultsFrameworks.addPeriod') });
      await field(dialog, tr('en', 'resultsFrameworks.periodStart')).fill(`${year}-01-01`);
      await field(dialog, tr('en', 'resultsFrameworks.periodEnd')).fill(`${year}-12-31`);
      await field(dialog, tr('en', 'resultsFrameworks.target')).fill(String(target));
      if (actual !== null) {
        await dialog
          .getByRole('switch', { name: tr('en', 'resultsFrameworks.actualReported'), exact: true })
          .check();
        await field(dialog, tr('en', 'resultsFrameworks.actual')).fill(String(actual));
      }
      await dialog.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const periods = custom.getByRole('table', { name: tr('en', 'resultsFrameworks.periods') });
    await expect.poll(() => periods.locator('tbody tr').count()).toBe(CUSTOM.periods.length);

    // Progress and status as the domain computes them today, in the college's time zone.
    const indicator: Indicator = {
      code: CUSTOM.code,
      title: CUSTOM.title,
      definition: null,
      measure: 'percentage',
      ascending: true,
      aggregation: 'level',
      unitLabel: null,
      meansOfVerification: null,
      disaggregations: [],
      references: [],
      baseline: { year: CUSTOM.baseline.year, isoDate: null, value: CUSTOM.baseline.value, comment: null },
      periods: CUSTOM.periods.map(([year, target, actual]) => ({
        start: `${year}-01-01`,
        end: `${year}-12-31`,
        target: { value: target, comment: null, breakdown: [] },
        actual: actual === null ? null : { value: actual, comment: null, breakdown: [] },
      })),
      source: null,
      comment: null,
    };
    const status = indicatorStatus(indicator, dateInZone(COLLEGE_TZ));
    expect(status.progress.kind).toBe('ratio');
    const percent = status.progress.kind === 'ratio' ? status.progress.percent : Number.NaN;
    expect(status.status).toBe('on_track');
    const progressText = tr('en', 'resultsFrameworks.progressOf').replace('{percent}', fmt(percent, 0));
    await custom
      .getByText(tr('en', `resultsFrameworks.status.${status.status}`), { exact: true })
      .first()
      .waitFor();
    await custom.getByText(progressText, { exact: true }).first().waitFor();
    await custom.getByRole('progressbar', { name: progressText }).first().waitFor();
    // The last year's period met its target: 100 % of its way; this year's is not reported yet.
    await periods
      .locator('tbody tr')
      .first()
      .getByText(tr('en', 'resultsFrameworks.progressOf').replace('{percent}', '100'), { exact: true })
      .waitFor();
    await periods
      .locator('tbody tr')
      .last()
      .getByText(tr('en', 'resultsFrameworks.progressGap.no_actual'), { exact: true })
      .waitFor();
    // The template indicator counts from the platform: started, nothing reported yet.
    await template.getByText(tr('en', 'resultsFrameworks.status.no_data'), { exact: true }).first().waitFor();
    await template
      .getByText('Participants who completed training: counted by the platform', { exact: false })
      .waitFor();
    await result.getByText(tr('en', 'resultsFrameworks.status.on_track'), { exact: true }).first().waitFor();

    await partShot(p, result, 'evaluation-01-results-framework');
    await checkA11y(p, 'project results tab');
    assertNoPageErrors(admin);
  });

  it('builds the L1 reaction survey for the cohort from its template, opens it and invites the cohort', async () => {
    const p = admin.page;
    await p.goto('/surveys');
    await p.getByRole('button', { name: tr('en', 'surveys.new'), exact: true }).click();
    await p.getByRole('menuitem', { name: tr('en', 'surveys.templates.L1'), exact: true }).click();
    await p.waitForURL(/\/surveys\/new\?level=L1$/);
    await p
      .getByRole('heading', { level: 1, name: `New survey: ${tr('en', 'surveys.levels.L1')}`, exact: true })
      .waitFor();
    await choose(p, p, tr('en', 'surveys.fields.cohort'), `${COHORT} · ${PROGRAMME.en}`, 'cohort A');
    // The template: four Likert items of one scale (the last reverse-coded), NPS, a comment.
    const q4 = p.locator('.mantine-Card-root').filter({ has: p.getByText('Question 4', { exact: true }) });
    expect(
      await q4.getByRole('checkbox', { name: tr('en', 'surveys.builder.reverseCoded') }).isChecked(),
    ).toBe(true);
    expect(await q4.getByRole('textbox', { name: tr('en', 'surveys.builder.scaleKey') }).inputValue()).toBe(
      'reaction',
    );
    await p.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await p.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    l1Id = p.url().split('/').at(-1) ?? '';
    await p.getByRole('heading', { level: 1, name: 'Your opinion of the training' }).waitFor();
    await p.getByText(`${tr('en', 'surveys.fields.cohort')}: ${COHORT}`, { exact: true }).waitFor();
    await p.getByText(`${tr('en', 'surveys.fields.project')}: ${PROJECT_TITLE}`, { exact: true }).waitFor();

    await openAndInvite(p, l1Id);
    await pageShot(p, 'evaluation-02-invitations');
    await checkA11y(p, 'survey detail with invitations');
    assertNoPageErrors(admin);
  });

  it('answers the reaction survey through the personal links: in French, in Arabic (right to left), in English', async () => {
    const links = await newLinks();
    await answerLink(links.fr, 'fr', reactionAnswers('fr'), 'evaluation-03-answer-fr');
    await answerLink(links.ar, 'ar', reactionAnswers('ar'), 'evaluation-04-answer-ar');
    await answerLink(links.en, 'en', reactionAnswers('en'));

    // A personal link answers once.
    const again = await openSession(browser, server.url);
    sessions.push(again);
    await again.page.goto(links.fr);
    await again.page.getByText(tr('fr', 'surveys.answer.already'), { exact: true }).waitFor();
    await again.close();
  });

  it('writes the knowledge pre-test over the L2 template, and the cohort takes it', async () => {
    const p = admin.page;
    await p.goto('/surveys/new?level=L2');
    await p
      .getByRole('heading', { level: 1, name: `New survey: ${tr('en', 'surveys.levels.L2')}`, exact: true })
      .waitFor();
    await choose(p, p, tr('en', 'surveys.fields.cohort'), `${COHORT} · ${PROGRAMME.en}`, 'cohort A');
    for (const [i, q] of TEST_QUESTIONS.entries()) {
      const card = p
        .locator('.mantine-Card-root')
        .filter({ has: p.getByText(`Question ${i + 1}`, { exact: true }) });
      expect(await card.getByRole('checkbox', { name: tr('en', 'surveys.builder.scored') }).isChecked()).toBe(
        true,
      );
      await fillLocalized(
        card.getByRole('group', { name: tr('en', 'surveys.builder.text'), exact: true }),
        q.text,
      );
      const labels = card.getByRole('group', { name: tr('en', 'surveys.builder.optionLabel'), exact: true });
      expect(await labels.count()).toBe(3);
      for (const [j, key] of (['a', 'b', 'c'] as const).entries()) {
        await fillLocalized(labels.nth(j), q.options[key]);
      }
      // The template's correct answers are the ones this test needs.
      for (const key of q.correct) {
        await card.getByText(`${key} · ${q.options[key as OptionKey].en}`, { exact: true }).waitFor();
      }
    }
    await p.getByRole('button', { name: tr('en', 'common.save'), exact: true }).click();
    await p.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    preId = p.url().split('/').at(-1) ?? '';
    await p.getByText(tr('en', 'surveys.phases.pre'), { exact: true }).first().waitFor();
    await p.getByText(TEST_QUESTIONS[0]?.text.en ?? '-', { exact: true }).waitFor();
    await openAndInvite(p, preId);

    const links = await newLinks();
    for (const w of WHO) {
      await answerLink(links[w], w, testAnswers('pre', w));
    }
    assertNoPageErrors(admin);
  });

  it('derives the post-test from the pre-test; after the course the cohort takes it', async () => {
    const p = admin.page;
    await p.goto(`/surveys/${preId}`);
    await p.getByRole('button', { name: tr('en', 'surveys.detail.createPostTest'), exact: true }).click();
    await p.waitForURL(
      (url) => /\/surveys\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(preId),
    );
    postId = p.url().split('/').at(-1) ?? '';
    await p.getByText(tr('en', 'surveys.phases.post'), { exact: true }).first().waitFor();
    await p.getByRole('link', { name: tr('en', 'surveys.detail.preTest'), exact: true }).waitFor();
    await openAndInvite(p, postId);

    const links = await newLinks();
    await answerLink(links.ar, 'ar', testAnswers('post', 'ar'), 'evaluation-05-post-test-ar');
    await answerLink(links.fr, 'fr', testAnswers('post', 'fr'));
    await answerLink(links.en, 'en', testAnswers('post', 'en'));
    assertNoPageErrors(admin);
  });

  it('shows NPS, Cronbach’s alpha and the Hake gains computed from the answers given', async () => {
    const p = admin.page;
    expect(expectedNps.score).not.toBeNull();
    expect(expectedAlpha.alpha).not.toBeNull();
    expect(expectedAlpha.n).toBe(3);
    expect(expectedGain.n).toBe(3);

    // The reaction survey: everyone answered; NPS and the alpha of the "reaction" scale.
    await p.goto(`/surveys/${l1Id}`);
    await p.getByText('100 % (3 of 3)', { exact: true }).waitFor();
    await p.getByRole('link', { name: tr('en', 'surveys.detail.results'), exact: true }).click();
    await p.waitForURL(new RegExp(`/surveys/${l1Id}/results$`));
    await p.getByText(`NPS ${fmt(expectedNps.score, 1)}`, { exact: true }).waitFor();
    await p
      .getByText(
        `${expectedNps.promoters} promoters · ${expectedNps.passives} passives · ${expectedNps.detractors} detractors (n 3)`,
        { exact: true },
      )
      .waitFor();
    const reliability = p.getByRole('table', { name: tr('en', 'surveys.results.reliability') });
    const scaleRow = reliability.locator('tbody tr').filter({ hasText: 'reaction' });
    const cells = (await scaleRow.locator('td').allTextContents()).map((x) => x.trim());
    expect(cells[0]).toBe('reaction');
    expect(cells[1]).toBe(
      `${fmt(expectedAlpha.alpha, 3)}${tr('en', expectedAlpha.alpha !== null && expectedAlpha.alpha >= 0.7 ? 'surveys.results.acceptable' : 'surveys.results.low')}`,
    );
    expect(cells[2]).toBe(fmt(expectedAlpha.standardizedAlpha, 3));
    expect(cells[3]).toBe('4 items · 3 complete (0 left out)');
    // The reverse-coded item reads in the scale's direction.
    const reversed = WHO.map((w) => 6 - REACTION[w].likert[3]);
    await p
      .getByText(
        new RegExp(`reverse-coded mean ${literal(fmt(reversed.reduce((s, x) => s + x, 0) / 3)).source}$`),
      )
      .waitFor();
    // Free text of an anonymous survey, as written (the Arabic one right to left by itself).
    await p.getByText(REACTION.ar.comment, { exact: true }).waitFor();
    await pageShot(p, 'evaluation-06-reaction-results');
    await checkA11y(p, 'L1 survey results');

    // The post-test: the class gain ⟨g⟩ and the mean of the personal gains, per participant.
    await p.goto(`/surveys/${postId}/results`);
    const gainCard = p
      .locator('.mantine-Card-root')
      .filter({ has: p.getByRole('heading', { name: tr('en', 'surveys.results.gainTitle') }) });
    await gainCard.waitFor();
    const band = (b: string | null | undefined) => (b ? tr('en', `surveys.results.bands.${b}`) : '');
    expect((await figure(gainCard, p, tr('en', 'surveys.results.classGain')))[1]).toBe(
      `${fmt(expectedGain.classGain)}${band(expectedGain.classGainBand)}`,
    );
    expect((await figure(gainCard, p, tr('en', 'surveys.results.meanGain')))[1]).toBe(
      `${fmt(expectedGain.meanIndividualGain)}${band(expectedGain.meanIndividualGainBand)}`,
    );
    const pairs = await figure(gainCard, p, tr('en', 'surveys.results.pairs'));
    expect(pairs[1]).toBe('3');
    const perPerson = p.getByRole('table', { name: tr('en', 'surveys.results.perParticipant') });
    for (const w of WHO) {
      const mine = expectedGain.participants.find((x) => x.participantId === w);
      const row = perPerson.locator('tbody tr').filter({ hasText: PEOPLE[w].latin });
      const texts = (await row.locator('td').allTextContents()).map((x) => x.trim());
      expect(texts.slice(1)).toEqual([
        `${fmt(mine?.pre, 1)} %`,
        `${fmt(mine?.post, 1)} %`,
        `${fmt(mine?.g)}${band(mine?.band)}`,
      ]);
    }
    await pageShot(p, 'evaluation-07-gain-results');
    await checkA11y(p, 'L2 post-test results');
    assertNoPageErrors(admin);
  });

  it('the project’s evaluation page pools the same figures; the portfolio dashboard', async () => {
    const p = admin.page;
    await p.goto(`/projects/${projectId}/evaluation`);
    await p.waitForURL((url) => url.search.includes('tab=evaluation'));
    await p
      .getByRole('tab', { name: tr('en', 'projects.tabs.evaluation'), exact: true, selected: true })
      .waitFor();
    const label = (key: string) => tr('en', `evaluationReports.figures.${key}`);
    await leafCard(p, p.getByText(label('nps'), { exact: true }))
      .first()
      .waitFor();
    expect((await figure(p, p, label('nps')))[1]).toBe(fmt(expectedNps.score, 1));
    expect((await figure(p, p, label('alpha')))[1]).toBe(fmt(expectedAlpha.alpha));
    const band = (b: string | null) => (b ? tr('en', `evaluationReports.bands.${b}`) : '');
    expect((await figure(p, p, label('classGain')))[1]).toBe(
      `${fmt(expectedGain.classGain)}${band(expectedGain.classGainBand)}`,
    );
    expect((await figure(p, p, label('meanGain')))[1]).toBe(
      `${fmt(expectedGain.meanIndividualGain)}${band(expectedGain.meanIndividualGainBand)}`,
    );
    expect((await figure(p, p, label('responses')))[1]).toBe('9');
    // The custom indicator is among the indicators, with its status.
    const indicators = p
      .locator('.mantine-Card-root')
      .filter({ has: p.getByRole('heading', { name: tr('en', 'evaluationReports.indicators.title') }) });
    await leafCard(indicators, p.getByText(`${CUSTOM.code} ${CUSTOM.title.en}`, { exact: true }))
      .getByText(tr('en', 'resultsFrameworks.status.on_track'), { exact: true })
      .waitFor();
    await pageShot(p, 'evaluation-08-project-evaluation');
    await checkA11y(p, 'project evaluation page');

    await p.goto('/evaluation');
    await p.getByRole('heading', { level: 1, name: tr('en', 'portfolio.title') }).waitFor();
    await pageShot(p, 'evaluation-09-portfolio-dashboard');
    assertNoPageErrors(admin);
  });

  it('downloads the evaluation report as a bilingual PDF and renders its first page', async () => {
    const p = admin.page;
    await p.goto(`/projects/${projectId}?tab=evaluation`);
    const button = p.getByRole('link', { name: tr('en', 'evaluationReports.downloads.pdf'), exact: true });
    await button.waitFor();
    const href = (await button.getAttribute('href')) ?? '';
    expect(decodeURIComponent(href)).toContain('languages=en,zh-CN');
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^evaluation-${PROJECT_CODE}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`),
    );
    const file = path.join(tmpDir, 'report.pdf');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(1);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(PROJECT_CODE);
    expect(text).toContain(PROJECT_TITLE);
    expect(text).toContain(CUSTOM.title.en);
    // The summary's figures are the journey's.
    for (const figureText of [
      fmt(expectedNps.score, 1),
      fmt(expectedAlpha.alpha),
      fmt(expectedGain.classGain),
      fmt(expectedGain.meanIndividualGain),
    ]) {
      expect(text).toContain(figureText);
    }

    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '100',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(SCREENSHOT_DIR, 'evaluation-10-report-page1'),
    ]);
    expect(fs.statSync(path.join(SCREENSHOT_DIR, 'evaluation-10-report-page1.png')).size).toBeGreaterThan(
      20_000,
    );
    assertNoPageErrors(admin);
  });
});
