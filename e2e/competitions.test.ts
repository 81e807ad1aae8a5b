/**
 * A skills competition marked to the WorldSkills standard (issue 4), in a real Chromium against the real
 * product started with the demo workspace. The journey runs its own competition (the demo invitational
 * keeps its state), marked by the demo's chief experts and experts with their own accounts:
 *
 * 1. the chief expert of skill 17 Web Technologies imports the real EuroSkills 2025 CIS workbook, sees
 *    the totals its README publishes, creates and locks the version, and builds a marking team on the
 *    teams page, where the compatriot gaps are shown until a fourth judge covers them;
 * 2. in skill 34 Cooking, three experts mark sub-criterion A1 (two pass/fail measurements and one
 *    judgement aspect) at the same time in three browser contexts, keyboard only, one competitor after
 *    another, with the live total; each meets their own member's competitor, whom they may not mark;
 * 3. scores 0 and 3 on one aspect: the bench shows the spread violation and checking is refused until
 *    the judge re-scores;
 * 4. the chief expert checks (a second person), signs and bulk-locks the forms;
 * 5. the chief expert signs off the results (still embargoed on the public page), the demo admin
 *    publishes them, and the venue scoreboard, already open, announces them without a reload;
 * 6. the public results page and its medal table, anonymously, in English and in Arabic (right to left).
 *
 * Set-up through the API, as the people concerned (it is not what this journey is about): the
 * competition with eight members, two skills, their entrants and experts (admin); Cooking's scheme of two
 * sub-criteria and its teams (its chief expert); the fourth judge's three scores (her own account); and
 * sub-criterion B1 (48 pass/fail aspects) marked, checked and signed, so that every form can be locked.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone, htmlLangDir, literal, signIn, switchLanguage, tr } from './support/app.js';
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

const WORKBOOK = path.resolve(
  ROOT,
  '../shared/fixtures/cis-marking-scheme/ES2025_Marking_Scheme_Web_Development_17.xlsx',
);
type Code = 'AT' | 'IE' | 'KH' | 'BD' | 'PK' | 'ZA' | 'KE' | 'CN';

/** The competition of this journey, set up through the API (the demo invitational keeps its own state). */
const COMPETITION = {
  slug: 'pearl-river-skills-cup-2026',
  names: {
    en: 'Pearl River Skills Cup 2026',
    'zh-CN': '2026 珠江技能杯',
    fr: 'Coupe des compétences de la rivière des Perles 2026',
    ar: 'كأس نهر اللؤلؤ للمهارات 2026',
  },
};
/** The demo invitational, whose expert accounts (seed-demo-competitions.ts) mark here too. */
const DEMO_SLUG = 'gba-invitational-2026';
const COLLEGE_TZ = 'Asia/Shanghai';
const CHIEF_17 = 'chief.17@pearl-river-tc.example.cn';
const CHIEF_34 = 'chief.34@pearl-river-tc.example.cn';
/** The three Cooking experts who mark on the bench. */
const MARKERS = ['AT', 'KH', 'ZA'] as const;
type Marker = (typeof MARKERS)[number];
const JUDGE_NAMES: Record<Marker, string> = {
  AT: 'Christina Leitner',
  KH: 'Sophal Meas',
  ZA: 'Zanele Ndlovu',
};
const expertEmail = (code: string, skill = '34') => `expert.${skill}.${code.toLowerCase()}@experts.example`;
/** The Irish expert (of the demo's skill 44): Cooking's fourth judge, so each competitor has three others. */
const FOURTH = expertEmail('IE', '44');
/** Experts per skill: the chief expert (independent) and member experts, by their demo accounts. */
const SKILL_EXPERTS: Record<'17' | '34', string[]> = {
  '17': [CHIEF_17, expertEmail('IE', '17'), expertEmail('KE', '17'), expertEmail('BD', '17')],
  '34': [CHIEF_34, expertEmail('AT'), expertEmail('KH'), expertEmail('ZA'), FOURTH],
};
const SKILLS = {
  '17': { en: 'Web Technologies', 'zh-CN': '网站技术', fr: 'Technologies du web', ar: 'تقنيات الويب' },
  '34': { en: 'Cooking', 'zh-CN': '烹饪（西餐）', fr: 'Cuisine', ar: 'الطهي' },
};
/** Members in bench order, with their competitor in skill 17 and in skill 34: [given, family, native]. */
const MEMBERS: { code: Code; names: Record<string, string>; people: [string, string, string][] }[] = [
  {
    code: 'AT',
    names: { en: 'Austria', 'zh-CN': '奥地利', fr: 'Autriche', ar: 'النمسا' },
    people: [
      ['Sophie', 'Wagner', ''],
      ['Jakob', 'Pichler', ''],
    ],
  },
  {
    code: 'IE',
    names: { en: 'Ireland', 'zh-CN': '爱尔兰', fr: 'Irlande', ar: 'أيرلندا' },
    people: [
      ['Niamh', 'Kelly', ''],
      ['Darragh', 'Byrne', ''],
    ],
  },
  {
    code: 'KH',
    names: { en: 'Cambodia', 'zh-CN': '柬埔寨', fr: 'Cambodge', ar: 'كمبوديا' },
    people: [
      ['Sreyneang', 'Kim', 'គីម ស្រីនាង'],
      ['Vannak', 'Heng', 'ហេង វណ្ណៈ'],
    ],
  },
  {
    code: 'BD',
    names: { en: 'Bangladesh', 'zh-CN': '孟加拉国', fr: 'Bangladesh', ar: 'بنغلاديش' },
    people: [
      ['Arif', 'Rahman', 'আরিফ রহমান'],
      ['Sadia', 'Islam', 'সাদিয়া ইসলাম'],
    ],
  },
  {
    code: 'PK',
    names: { en: 'Pakistan', 'zh-CN': '巴基斯坦', fr: 'Pakistan', ar: 'باكستان' },
    people: [
      ['Bilal', 'Qureshi', 'بلال قریشی'],
      ['Fatima', 'Raza', 'فاطمہ رضا'],
    ],
  },
  {
    code: 'ZA',
    names: { en: 'South Africa', 'zh-CN': '南非', fr: 'Afrique du Sud', ar: 'جنوب أفريقيا' },
    people: [
      ['Sipho', 'Dlamini', ''],
      ['Naledi', 'Khumalo', ''],
    ],
  },
  {
    code: 'KE',
    names: { en: 'Kenya', 'zh-CN': '肯尼亚', fr: 'Kenya', ar: 'كينيا' },
    people: [
      ['Achieng', 'Odhiambo', ''],
      ['Kipchoge', 'Kiprotich', ''],
    ],
  },
  {
    code: 'CN',
    names: { en: 'China', 'zh-CN': '中国', fr: 'Chine', ar: 'الصين' },
    people: [
      ['Yuting', 'Chen', '陈雨婷'],
      ['Zihan', 'Wang', '王子涵'],
    ],
  },
];

/** What the EuroSkills workbook's README says its import must show (criterion → M, J, total, #M, #J). */
const README_CRITERIA: [string, string, string, string, number, number][] = [
  ['A', '9.75', '6.75', '16.50', 26, 7],
  ['B', '17.00', '6.00', '23.00', 38, 6],
  ['C', '16.75', '0.00', '16.75', 29, 0],
  ['D', '17.00', '5.00', '22.00', 55, 3],
  ['E', '15.25', '1.50', '16.75', 22, 3],
  ['F', '5.00', '0.00', '5.00', 3, 0],
];
const README_SECTION_SUMS = ['5.00', '5.25', '24.75', '24.75', '40.25'];

// Cooking, sub-criterion A1 as the bench marks it, per competitor's member: each judge's score on the
// judgement aspect A1.3 (IE: the fourth judge, entered through the API) and who enters the two
// pass/fail measurements A1.1 and A1.2. CN's first scores are 0 (AT), 3 (KH) and 2 (ZA): a spread of
// 3 where 1 is allowed; AT re-scores 2.
const A1: Record<
  Code,
  { judges: Partial<Record<Marker | 'IE', number>>; by: Marker; passed: [boolean, boolean] }
> = {
  AT: { judges: { KH: 2, ZA: 2, IE: 3 }, by: 'KH', passed: [true, true] },
  IE: { judges: { AT: 2, KH: 1, ZA: 2 }, by: 'ZA', passed: [true, false] },
  KH: { judges: { AT: 3, ZA: 3, IE: 2 }, by: 'AT', passed: [true, true] },
  BD: { judges: { AT: 1, KH: 2, ZA: 1 }, by: 'KH', passed: [true, false] },
  PK: { judges: { AT: 2, KH: 2, ZA: 2 }, by: 'ZA', passed: [false, true] },
  ZA: { judges: { AT: 3, KH: 2, IE: 3 }, by: 'AT', passed: [true, true] },
  KE: { judges: { AT: 1, KH: 1, ZA: 2 }, by: 'KH', passed: [false, false] },
  CN: { judges: { AT: 0, KH: 3, ZA: 2 }, by: 'ZA', passed: [true, true] },
};
const CN_RESCORE = 2;
/** B1 aspects failed per member (48 aspects of 2 marks). */
const B1_FAILS: Record<Code, number> = { AT: 2, IE: 6, KH: 9, BD: 4, PK: 12, ZA: 1, KE: 15, CN: 7 };

/** A1's total with the final scores: measurements + 2 × Σ scores / (3 judges × 3). */
function a1Total(code: Code): number {
  const a = A1[code];
  const scores = { ...a.judges, ...(code === 'CN' ? { AT: CN_RESCORE } : {}) };
  const sum = Object.values(scores).reduce((x, y) => x + y, 0);
  return a.passed.filter(Boolean).length + (2 * sum) / 9;
}
const total = (code: Code) => a1Total(code) + 2 * (48 - B1_FAILS[code]);

/** Cooking's marking scheme: 3 WSOS sections, A1 on C1 (bench), B1 on C2 (48 pass/fail aspects). */
function cookingScheme() {
  const components = [
    'Chicken supreme',
    'Pommes Anna',
    'Glazed carrots',
    'Beurre blanc',
    'French beans',
    'Chicken jus',
    'Tuile',
    'Vanilla panna cotta',
  ];
  const checks: [string, number][] = [
    ['cooked to the specification', 2],
    ['seasoned correctly', 2],
    ['at the right temperature at the pass', 2],
    ['portion to the specification', 3],
    ['presented as on the drawing', 3],
    ['ready at the set time', 1],
  ];
  const b1 = components.flatMap((component, i) =>
    checks.map(([check, section], j) => ({
      key: `B1.${i * checks.length + j + 1}`,
      subCriterionKey: 'B1',
      type: 'M' as const,
      description: `${component}: ${check}`,
      extraDescription: '',
      requirement: '',
      maxMark: '2',
      wsosSection: section,
      calculation: { kind: 'PASS_FAIL' as const },
    })),
  );
  return {
    sections: [
      { number: 1, name: 'Work organisation and management', weight: '20' },
      { number: 2, name: 'Cooking techniques', weight: '48' },
      { number: 3, name: 'Presentation', weight: '32' },
    ],
    criteria: [
      { key: 'A', name: 'Mise en place and hygiene' },
      { key: 'B', name: 'Main course and dessert' },
    ],
    subCriteria: [
      { key: 'A1', criterionKey: 'A', name: 'Mise en place', dayOfMarking: 'C1' },
      { key: 'B1', criterionKey: 'B', name: 'Main course and dessert', dayOfMarking: 'C2' },
    ],
    aspects: [
      {
        key: 'A1.1',
        subCriterionKey: 'A1',
        type: 'M' as const,
        description: 'Uniform and personal hygiene',
        extraDescription: 'Clean whites, hat, no jewellery',
        requirement: 'Complete at the start of the module',
        maxMark: '1',
        wsosSection: 1,
        calculation: { kind: 'PASS_FAIL' as const },
      },
      {
        key: 'A1.2',
        subCriterionKey: 'A1',
        type: 'M' as const,
        description: 'Fridge temperatures logged',
        extraDescription: '',
        requirement: 'Every two hours, at or below 5 °C',
        maxMark: '1',
        wsosSection: 1,
        calculation: { kind: 'PASS_FAIL' as const },
      },
      {
        key: 'A1.3',
        subCriterionKey: 'A1',
        type: 'J' as const,
        description: 'Organisation of the workstation',
        extraDescription: 'Against the industry standard',
        maxMark: '2',
        wsosSection: 1,
        descriptors: [
          'Below the industry standard: cluttered, risks of cross-contamination',
          'Meets the industry standard',
          'Meets the industry standard and exceeds it in some respects',
          'Excellent: clean, logical, everything ready ahead of time',
        ] as [string, string, string, string],
      },
      ...b1,
    ],
  };
}

interface MatrixEntry {
  id: string;
  displayName: string;
  bench: string;
  memberCode: string;
}
interface FormSummary {
  id: string;
  subCriterionKey: string;
  entryId: string;
  state: string;
  version: number;
  total: string;
}
interface Matrix {
  entries: MatrixEntry[];
  forms: FormSummary[];
}
interface TeamsView {
  schemeId: string;
  experts: { id: string; firstName: string; lastName: string; memberCode: string | null }[];
  teams: { subCriterionKey: string; revision: string; problems: unknown[] }[];
}

let server: RunningServer;
let browser: Browser;
let admin: Session;
let chief17: Session;
let chief34: Session;
const experts = {} as Record<Marker, Session>;
let fourth: BrowserContext;
const sessions: Session[] = [];

let competitionId = '';
let organizationId = '';
let skill17 = '';
let skill34 = '';
let cookingEntries: (MatrixEntry & { code: Code })[] = [];
let a1Forms = new Map<Code, string>();

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

async function signedIn(email: string): Promise<Session> {
  const s = await openSession(browser, server.url);
  sessions.push(s);
  await signIn(s.page, email, server.demo.password);
  return s;
}

const skillBase = (skillId: string) => `/competitions/${competitionId}/skills/${skillId}`;
const publicPath = () => `/public/competitions/${organizationId}/${COMPETITION.slug}`;
const batchId = () => crypto.randomUUID();
/** "12.35": how the product shows a mark (2 decimals; never a half, as these are ninths). */
const marks = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** The cell of one form in the form matrix. */
function matrixCell(p: Page, sub: string, name: string): Locator {
  return p
    .locator('td')
    .filter({ has: p.getByRole('button', { name: `Open form ${sub} · ${name}`, exact: true }) });
}

/** The live total on the bench ("2.00 / 4.00"). */
function liveTotal(p: Page): Locator {
  return p.locator('.mantine-Paper-root[aria-live="polite"]');
}

async function focusedAspect(p: Page): Promise<string | null> {
  return p.evaluate(
    () =>
      (
        globalThis as unknown as {
          document: { activeElement: { getAttribute(n: string): string | null } | null };
        }
      ).document.activeElement?.getAttribute('data-aspect') ?? null,
  );
}

/**
 * A picture of the whole page for readers: the window is made as tall as the page first, so the app's
 * fixed header and navigation stay whole instead of being stitched into the middle; scrolled tables
 * are shown from their start.
 */
async function pageShot(p: Page, name: string): Promise<void> {
  const size = p.viewportSize() ?? { width: 1400, height: 900 };
  await settle(p);
  const height = await p.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: {
          documentElement: { scrollHeight: number };
          querySelectorAll(s: string): ArrayLike<{ scrollLeft: number }>;
        };
      }
    ).document;
    for (const el of Array.from(d.querySelectorAll('*'))) {
      if (el.scrollLeft > 0) {
        el.scrollLeft = 0;
      }
    }
    return d.documentElement.scrollHeight;
  });
  await p.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  try {
    await shot(p, name, { fullPage: false, withoutToasts: true });
  } finally {
    await p.setViewportSize(size);
  }
}

/** A picture without waiting for the network to go quiet (the scoreboard keeps its event stream open). */
async function liveShot(p: Page, name: string): Promise<void> {
  await p.waitForTimeout(400);
  await p.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await signedIn(server.demo.email);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
    const tag = task.name.slice(0, 30).replace(/\W+/g, '-');
    for (const [i, s] of sessions.entries()) {
      await shot(s.page, `FAILED-competitions-${tag}-${i}`, { fullPage: false }).catch(() => undefined);
    }
  }
});

afterAll(async () => {
  for (const s of sessions) {
    await s.close().catch(() => undefined);
  }
  await fourth?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('competitions journey', () => {
  it('set-up through the API: a running competition, its members, two skills, entrants and experts', async () => {
    const a = admin.context;
    const demo = await call<{ data: { id: string; slug: string }[] }>(a, 'GET', '/competitions?pageSize=100');
    const demoId = demo.data.find((c) => c.slug === DEMO_SLUG)?.id;
    expect(demoId, 'the demo invitational').toBeDefined();
    const demoExperts = await call<{
      data: { user: { id: string } | null; email: string | null; firstName: string; lastName: string }[];
    }>(a, 'GET', `/competitions/${demoId}/experts`);

    const created = await call<{ id: string }>(a, 'POST', '/competitions', {
      names: COMPETITION.names,
      slug: COMPETITION.slug,
      startsOn: dateInZone(COLLEGE_TZ, -1),
      endsOn: dateInZone(COLLEGE_TZ, 1),
      venue: 'Training Restaurant and Software Lab',
      city: 'Guangzhou',
      country: 'CN',
      hostName: 'Guangzhou Pearl River Technician College',
      status: 'running',
      registrationOpensOn: null,
      registrationClosesOn: null,
    });
    competitionId = created.id;
    // The public pages' address (what the competition results page links to).
    const results = await call<{ competition: { organizationId: string } }>(
      a,
      'GET',
      `/competition-results/competitions/${competitionId}`,
    );
    organizationId = results.competition.organizationId;
    expect(organizationId).toMatch(/^[0-9a-f-]{36}$/);
    const memberIds = new Map<string, string>();
    for (const m of MEMBERS) {
      const member = await call<{ id: string }>(a, 'POST', `/competitions/${competitionId}/members`, {
        code: m.code,
        names: m.names,
        kind: 'country',
        country: m.code,
      });
      memberIds.set(m.code, member.id);
    }
    for (const [index, number] of (['17', '34'] as const).entries()) {
      const skill = await call<{ id: string }>(a, 'POST', `/competitions/${competitionId}/skills`, {
        number,
        names: SKILLS[number],
        numJudges: 3,
        maxJudgeSpread: 1,
      });
      if (number === '17') {
        skill17 = skill.id;
      } else {
        skill34 = skill.id;
      }
      for (const [bench, m] of MEMBERS.entries()) {
        const [firstName, lastName, nameNative] = m.people[index] as [string, string, string];
        const entry = await call<{ id: string; version: number }>(
          a,
          'POST',
          `/competitions/${competitionId}/entries`,
          {
            skillId: skill.id,
            memberId: memberIds.get(m.code),
            bench: String(bench + 1),
            competitors: [{ firstName, lastName, nameNative, birthDate: `2004-0${(bench % 9) + 1}-15` }],
          },
        );
        await call(a, 'POST', `/competitions/entries/${entry.id}/status`, {
          version: entry.version,
          status: 'confirmed',
          reason: '',
        });
      }
      for (const email of SKILL_EXPERTS[number]) {
        const known = demoExperts.data.find((x) => x.email === email);
        expect(known?.user, email).toBeTruthy();
        const code = /^expert\.\d+\.([a-z]{2})@/.exec(email)?.[1]?.toUpperCase();
        await call(a, 'POST', `/competitions/${competitionId}/experts`, {
          skillId: skill.id,
          memberId: code ? memberIds.get(code) : null,
          userId: known?.user?.id,
          firstName: known?.firstName,
          lastName: known?.lastName,
          email,
          role: code ? 'expert' : 'chief_expert',
          status: 'confirmed',
        });
      }
    }
  });

  it('the chief expert imports the EuroSkills workbook, sees the README totals, and locks the version', async () => {
    chief17 = await signedIn(CHIEF_17);
    const p = chief17.page;
    await p.goto('/competitions');
    await p.getByRole('link', { name: COMPETITION.names.en, exact: true }).click();
    await p.getByRole('tab', { name: tr('en', 'competitions.tabs.skills'), exact: true }).click();
    await p.getByRole('link', { name: '17 Web Technologies', exact: true }).click();
    await p.waitForURL((url) => url.pathname === skillBase(skill17));
    await p.getByRole('link', { name: tr('en', 'competitions.skillPage.scheme'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: tr('en', 'markingSchemes.title') }).waitFor();
    await p.getByRole('link', { name: tr('en', 'markingSchemes.import.action'), exact: true }).click();
    await p.getByRole('heading', { level: 1, name: tr('en', 'markingSchemes.import.title') }).waitFor();

    await p.locator('input[type="file"]').setInputFiles(WORKBOOK);
    await p
      .getByRole('heading', { name: `What ${path.basename(WORKBOOK)} would import` })
      .waitFor({ timeout: 60_000 });
    await p.getByText(/^6 criteria, 31 sub-criteria, 192 aspects$/).waitFor();
    await p.getByText('No problems', { exact: true }).waitFor();
    const panel = p.getByTestId('validation-panel');
    await panel.getByTestId('scheme-total').getByText('100.00', { exact: true }).waitFor();
    await panel
      .getByRole('status')
      .filter({ hasText: /^The scheme is valid and can be locked/ })
      .waitFor();
    const criteria = panel.getByRole('table', { name: tr('en', 'markingSchemes.validation.criteria') });
    for (const [key, m, j, totalMarks, mCount, jCount] of README_CRITERIA) {
      const cells = criteria
        .locator('tbody tr')
        .filter({ has: p.getByRole('cell', { name: key, exact: true }) });
      const texts = (await cells.first().locator('td').allInnerTexts()).map((x) => x.trim());
      expect(texts, `criterion ${key}`).toEqual([
        key,
        expect.any(String),
        m,
        j,
        totalMarks,
        String(mCount),
        String(jCount),
      ]);
    }
    const totals = (await criteria.locator('tbody tr').last().locator('td').allInnerTexts()).map((x) =>
      x.trim(),
    );
    expect(totals.slice(1)).toEqual(['80.75', '19.25', '100.00', '173', '19']);
    const sections = panel.getByRole('table', { name: tr('en', 'markingSchemes.validation.sections') });
    const sums = await sections.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(sums.map((x) => x.trim())).toEqual(README_SECTION_SUMS);
    await pageShot(p, 'competitions-01-import-preview');

    await p.getByRole('button', { name: tr('en', 'markingSchemes.import.run'), exact: true }).click();
    await p.waitForURL(/\/scheme\?v=/);
    await p.getByRole('button', { name: tr('en', 'markingSchemes.lock.action'), exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Lock version 1' });
    await dialog.getByText('31 sub-criteria × 8 competitors', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: tr('en', 'markingSchemes.lock.confirm'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await p.getByText(/248 marking forms/).waitFor();
    expect(
      await p
        .locator('.mantine-Card-root')
        .getByText(tr('en', 'markingSchemes.status.locked'), { exact: true })
        .count(),
    ).toBeGreaterThan(0);
    await shot(p, 'competitions-02-scheme-locked', { fullPage: false });
    assertNoPageErrors(chief17);
  });

  it('assigns a marking team: the compatriot gaps show until a fourth judge covers them', async () => {
    const p = chief17.page;
    await p
      .getByRole('link', { name: tr('en', 'markingSchemes.teamsLink'), exact: true })
      .first()
      .click();
    await p.getByRole('heading', { level: 1, name: tr('en', 'markingSchemes.teams.title') }).waitFor();
    const team = p.getByTestId('team-A1');
    const judges = team.getByRole('combobox', { name: tr('en', 'markingSchemes.teams.roles.judge') });
    for (const name of ['Doyle, Siobhan · IE', 'Mwangi, Peter · KE', 'Akter, Farhana · BD']) {
      await judges.click();
      await p.getByRole('option', { name, exact: true }).click();
    }
    await judges.press('Escape');
    await team.getByRole('button', { name: 'Save team A1', exact: true }).click();
    await p.getByText('Team A1 saved', { exact: true }).waitFor();
    const saved = p.getByTestId('team-A1');
    await saved.getByText(tr('en', 'markingSchemes.teams.problemsTitle'), { exact: true }).waitFor();
    for (const code of ['IE', 'KE', 'BD']) {
      await saved
        .getByText(new RegExp(` · ${code}: 2 of the 3 judges needed are not compatriots\\.$`))
        .waitFor();
    }
    await saved.getByText('3 gaps', { exact: true }).waitFor();
    await p.evaluate('window.scrollTo(0, 0)');
    await shot(p, 'competitions-03-teams-compatriot-warning', { fullPage: false, withoutToasts: true });

    // The chief expert, independent of every member, is the fourth judge: every competitor covered.
    const again = saved.getByRole('combobox', { name: tr('en', 'markingSchemes.teams.roles.judge') });
    await again.click();
    await p.getByRole('option', { name: 'Zhou, Min', exact: true }).click();
    await again.press('Escape');
    await saved.getByRole('button', { name: 'Save team A1', exact: true }).click();
    await p
      .getByTestId('team-A1')
      .getByText(tr('en', 'markingSchemes.teams.covered'), { exact: true })
      .waitFor();
    assertNoPageErrors(chief17);
  });

  it('set-up through the API: Cooking’s scheme locked, its teams, and the marks of day C2', async () => {
    chief34 = await signedIn(CHIEF_34);
    for (const code of MARKERS) {
      experts[code] = await signedIn(expertEmail(code));
    }
    // The chief expert's scheme, locked (this creates the forms), and the two teams.
    const chief = chief34.context;
    const schemes = `/competitions/skills/${skill34}/schemes`;
    const draft = await call<{
      id: string;
      version: number;
      validation: { valid: boolean; problems: unknown[] };
    }>(chief, 'POST', schemes, { from: 'json', scheme: cookingScheme() });
    expect(draft.validation.problems).toEqual([]);
    await call(chief, 'POST', `${schemes}/${draft.id}/lock`, { version: draft.version });
    const teams = await call<TeamsView>(chief, 'GET', `${schemes}/${draft.id}/teams`);
    const expertId = (code: string) => teams.experts.find((x) => x.memberCode === code)?.id ?? '';
    const revision = (key: string) => teams.teams.find((t) => t.subCriterionKey === key)?.revision ?? '';
    const a1Team = await call<TeamsView>(chief, 'PUT', `${schemes}/${draft.id}/teams/A1`, {
      revision: revision('A1'),
      members: ['AT', 'KH', 'ZA', 'IE'].map((code) => ({ expertId: expertId(code), teamRole: 'judge' })),
    });
    expect(a1Team.teams.find((t) => t.subCriterionKey === 'A1')?.problems).toEqual([]);
    await call(chief, 'PUT', `${schemes}/${draft.id}/teams/B1`, {
      revision: revision('B1'),
      members: ['AT', 'KH'].map((code) => ({ expertId: expertId(code), teamRole: 'marker' })),
    });

    const matrix = await call<Matrix>(chief, 'GET', `/marking/skills/${skill34}/forms`);
    cookingEntries = matrix.entries.map((e) => ({ ...e, code: e.memberCode as Code }));
    expect(cookingEntries.map((e) => e.code)).toEqual(['AT', 'IE', 'KH', 'BD', 'PK', 'ZA', 'KE', 'CN']);
    const formOf = (sub: string, entryId: string) =>
      matrix.forms.find((f) => f.subCriterionKey === sub && f.entryId === entryId) as FormSummary;
    a1Forms = new Map(cookingEntries.map((e) => [e.code, formOf('A1', e.id).id]));

    // The fourth judge's scores, from her own account.
    fourth = await browser.newContext({ baseURL: server.url });
    await call(fourth, 'POST', '/auth/sign-in', { email: FOURTH, password: server.demo.password });
    for (const e of cookingEntries) {
      const score = A1[e.code].judges.IE;
      if (score !== undefined) {
        await call(fourth, 'PUT', `/marking/forms/${a1Forms.get(e.code)}/marks`, {
          clientBatchId: batchId(),
          judgeScores: [{ aspectKey: 'A1.3', judgeExpertId: expertId('IE'), score, expectedVersion: 0 }],
        });
      }
    }

    // Day 2 (B1): marked by AT (KH for the Austrian competitor), checked and signed by the chief expert.
    for (const e of cookingEntries) {
      const marker = experts[e.code === 'AT' ? 'KH' : 'AT'].context;
      const form = formOf('B1', e.id);
      await call(marker, 'PUT', `/marking/forms/${form.id}/marks`, {
        clientBatchId: batchId(),
        measurements: Array.from({ length: 48 }, (_, i) => ({
          aspectKey: `B1.${i + 1}`,
          observation: { kind: 'PASS_FAIL', passed: i >= B1_FAILS[e.code] },
          expectedVersion: 0,
        })),
      });
      const checked = await call<{ form: { version: number } }>(
        chief,
        'POST',
        `/marking/forms/${form.id}/check`,
        {
          version: (await call<{ form: { version: number } }>(chief, 'GET', `/marking/forms/${form.id}`)).form
            .version,
        },
      );
      await call(chief, 'POST', `/marking/forms/${form.id}/sign`, { version: checked.form.version });
    }
  });

  it('three experts mark A1 at the same time on the bench, keyboard only, with the live total', async () => {
    expect(cookingEntries).toHaveLength(8);
    const first = cookingEntries[0]?.displayName ?? '';

    const markAs = async (code: Marker) => {
      const s = experts[code];
      const p = s.page;
      await p.goto(`${skillBase(skill34)}/marking`);
      await p.getByRole('button', { name: `Open form A1 · ${first}`, exact: true }).click();
      for (const [i, e] of cookingEntries.entries()) {
        await p
          .getByRole('heading', { level: 1, name: new RegExp(`^${literal(e.displayName).source}`) })
          .waitFor();
        await p.getByText(`${i + 1} of 8`, { exact: true }).waitFor();
        // The first aspect has the focus once the form is there: no click needed.
        await expect.poll(() => focusedAspect(p)).toBe('A1.1');
        if (e.code === code) {
          // Their own member's competitor: the bench says so and offers nothing to type.
          await p.getByText(tr('en', 'marking.problem.compatriot_marking'), { exact: true }).waitFor();
          await p.getByText(tr('en', 'marking.bench.compatriotJudge'), { exact: true }).waitFor();
          if (code === 'KH') {
            await shot(p, 'competitions-04b-bench-compatriot', { fullPage: false });
          }
        } else {
          const plan = A1[e.code];
          const saved = p.waitForResponse(
            (r) => r.url().includes(`/marking/forms/`) && r.request().method() === 'PUT',
          );
          if (plan.by === code) {
            for (const passed of plan.passed) {
              await p.keyboard.press(passed ? 'p' : 'f');
            }
            // The live total follows each key: the two measurements (the judgement set is not complete).
            const m = plan.passed.filter(Boolean).length;
            await liveTotal(p)
              .getByText(new RegExp(`^${m}\\.00 / 4(\\.00)?$`))
              .waitFor();
            if (code === 'AT' && e.code === 'KH') {
              await shot(p, 'competitions-04-bench-live-total', { fullPage: false });
            }
          } else {
            await p.keyboard.press('Enter');
            await p.keyboard.press('Enter');
          }
          await expect.poll(() => focusedAspect(p)).toBe('A1.3');
          await p.keyboard.press(String(plan.judges[code]));
          expect((await saved).status()).toBe(200);
          await p.getByText(tr('en', 'marking.sync.allSaved'), { exact: true }).waitFor();
          await p
            .locator('[data-aspect="A1.3"]')
            .getByRole('button', {
              name: `Score ${plan.judges[code]} for ${JUDGE_NAMES[code]}`,
              exact: true,
              pressed: true,
            })
            .waitFor();
        }
        if (i < cookingEntries.length - 1) {
          await p.keyboard.press('PageDown');
        }
      }
      assertNoPageErrors(s);
    };
    await Promise.all(MARKERS.map((code) => markAs(code)));

    // Every form now holds its marks; the totals the server computes agree with the scores typed.
    const matrix = await call<Matrix>(chief34.context, 'GET', `/marking/skills/${skill34}/forms`);
    for (const e of cookingEntries) {
      const form = matrix.forms.find((f) => f.id === a1Forms.get(e.code));
      expect(form?.state, e.code).toBe('entered');
      if (e.code !== 'CN') {
        expect(form?.total, e.code).toBe(marks(a1Total(e.code)));
      }
    }
  });

  it('catches a spread violation: the bench shows it, checking is refused until the judge re-scores', async () => {
    const cnForm = `${skillBase(skill34)}/marking/forms/${a1Forms.get('CN')}`;
    const spreadText = `The judges' scores are too far apart on A1.3: they explain and re-score first.`;

    // The Austrian judge sees the violation on the last competitor's form.
    const at = experts.AT.page;
    await at.goto(cnForm);
    await at.getByRole('alert').filter({ hasText: spreadText }).waitFor();
    await shot(at, 'competitions-05-spread-violation', { fullPage: false });
    await checkA11y(at, 'bench mark entry (spread violation)');

    // The chief expert tries to check the form: refused.
    const p = chief34.page;
    await p.goto(cnForm);
    await p.getByRole('alert').filter({ hasText: spreadText }).waitFor();
    await p.getByRole('button', { name: tr('en', 'marking.workflow.check'), exact: true }).click();
    const dialog = p.getByRole('dialog', { name: tr('en', 'marking.workflow.check') });
    await dialog.getByRole('button', { name: tr('en', 'marking.workflow.check'), exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: spreadText }).waitFor();
    await shot(p, 'competitions-06-check-refused', { fullPage: false });
    await dialog.getByRole('button', { name: tr('en', 'common.cancel'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The judge re-scores, keyboard only: down to the judgement aspect, 2.
    await expect.poll(() => focusedAspect(at)).toBe('A1.1');
    await at.keyboard.press('Enter');
    await at.keyboard.press('Enter');
    await at.keyboard.press(String(CN_RESCORE));
    await at.getByText(tr('en', 'marking.sync.allSaved'), { exact: true }).waitFor();
    await at.getByRole('alert').filter({ hasText: spreadText }).waitFor({ state: 'detached' });

    // Now the check passes.
    await p.reload();
    await p
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^${literal(cookingEntries[7]?.displayName ?? '').source}`),
      })
      .waitFor();
    expect(await p.getByRole('alert').filter({ hasText: spreadText }).count()).toBe(0);
    await liveTotal(p)
      .getByText(new RegExp(`^${literal(marks(a1Total('CN'))).source} / 4(\\.00)?$`))
      .waitFor();
    await p.getByRole('button', { name: tr('en', 'marking.workflow.check'), exact: true }).click();
    await dialog.getByRole('button', { name: tr('en', 'marking.workflow.check'), exact: true }).click();
    await p.getByText(tr('en', 'marking.workflow.done.check'), { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    assertNoPageErrors(experts.AT);
    assertNoPageErrors(chief34);
  });

  it('the chief expert checks and signs the other forms and locks every signed form of each sub-criterion', async () => {
    const p = chief34.page;
    await p.goto(`${skillBase(skill34)}/marking`);
    await p.getByRole('heading', { level: 1, name: tr('en', 'marking.matrix.title') }).waitFor();
    const step = async (name: string, action: 'check' | 'sign', after: string) => {
      await p.getByRole('button', { name: `Actions for A1 · ${name}`, exact: true }).click();
      await p.getByRole('menuitem', { name: tr('en', `marking.workflow.${action}`), exact: true }).click();
      const dialog = p.getByRole('dialog', { name: tr('en', `marking.workflow.${action}`) });
      await dialog.getByRole('button', { name: tr('en', `marking.workflow.${action}`), exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await matrixCell(p, 'A1', name).getByText(after, { exact: true }).waitFor();
    };
    for (const e of cookingEntries) {
      if (e.code !== 'CN') {
        await step(e.displayName, 'check', tr('en', 'marking.states.checked'));
      }
    }
    for (const e of cookingEntries) {
      await step(e.displayName, 'sign', tr('en', 'marking.states.signed'));
    }
    for (const sub of ['A1 Mise en place', 'B1 Main course and dessert']) {
      const row = p.getByRole('row').filter({ hasText: sub });
      await row.getByRole('button', { name: 'Lock signed (8)', exact: true }).click();
      await p.getByText('8 forms locked.', { exact: true }).first().waitFor();
      await row.getByRole('button', { name: 'Lock signed (0)', exact: true }).waitFor();
    }
    for (const e of cookingEntries) {
      await matrixCell(p, 'A1', e.displayName)
        .getByText(tr('en', 'marking.states.locked'), { exact: true })
        .waitFor();
      await matrixCell(p, 'A1', e.displayName)
        .getByText(marks(a1Total(e.code)), { exact: true })
        .waitFor();
    }
    await pageShot(p, 'competitions-07-forms-locked');
    assertNoPageErrors(chief34);
  });

  it('signs off (still embargoed in public), the admin publishes, the open scoreboard announces it live', async () => {
    const p = chief34.page;
    await p.goto(`${skillBase(skill34)}/results`);
    await p.getByText('16 of 16 forms locked', { exact: true }).waitFor();
    await p.getByText(tr('en', 'competitionResults.readyToSignOff'), { exact: true }).waitFor();
    await p
      .getByRole('button', { name: tr('en', 'competitionResults.actions.signOff'), exact: true })
      .click();
    const dialog = p.getByRole('dialog', { name: tr('en', 'competitionResults.confirm.signOffTitle') });
    await dialog
      .getByRole('button', { name: tr('en', 'competitionResults.actions.signOff'), exact: true })
      .click();
    await p.getByText(tr('en', 'competitionResults.done.signOff'), { exact: true }).waitFor();
    await p.getByText(tr('en', 'competitionResults.state.signed_off'), { exact: true }).first().waitFor();
    const ranked = [...cookingEntries].sort((a, b) => total(b.code) - total(a.code));
    const table = p.getByRole('table', { name: /Results — Skill 34 Cooking/ });
    for (const [i, medal] of (['gold', 'silver', 'bronze'] as const).entries()) {
      const e = ranked[i];
      const row = table.locator('tbody tr').filter({ hasText: e?.displayName ?? '' });
      await row.getByText(tr('en', `competitionResults.medals.${medal}`), { exact: true }).waitFor();
      await row.getByText(marks(total(e?.code ?? 'AT')), { exact: true }).waitFor();
    }
    // The scale's raw centre is the median total, shown as a number (not as the stored fraction).
    const sorted = cookingEntries.map((e) => total(e.code)).sort((x, y) => x - y);
    const median = marks(((sorted[3] ?? 0) + (sorted[4] ?? 0)) / 2);
    await p
      .getByText(
        new RegExp(
          `^WorldSkills Scale \\(median_mad\\): raw centre ${literal(median).source}, spread \\d+(\\.\\d{1,2})?\\.$`,
        ),
      )
      .waitFor();
    await pageShot(p, 'competitions-08-results-signed-off');

    // The public, before publication: nothing of Cooking (the embargo holds), and an open scoreboard.
    const visitor = await openSession(browser, server.url);
    sessions.push(visitor);
    const v = visitor.page;
    await v.goto(publicPath());
    await v.getByRole('heading', { level: 1, name: COMPETITION.names.en }).waitFor();
    await v.getByText(tr('en', 'competitionResults.competition.noneYet'), { exact: true }).waitFor();
    expect(await v.getByRole('heading', { name: 'Skill 34 Cooking' }).count()).toBe(0);
    expect(await v.getByText(ranked[0]?.displayName ?? '-').count()).toBe(0);
    const embargoed = await visitor.context.request.get(`/api/v1${publicPath()}`);
    expect(embargoed.status()).toBe(200);
    expect(JSON.stringify(await embargoed.json())).not.toContain(ranked[0]?.displayName ?? '-');
    const board = await visitor.context.newPage();
    await board.setViewportSize({ width: 1920, height: 1080 });
    await board.goto(`${publicPath()}/scoreboard`);
    await board
      .getByRole('status')
      .filter({ hasText: tr('en', 'competitionResults.scoreboard.live') })
      .waitFor();
    await board.getByRole('heading', { level: 2, name: 'Skill 34 Cooking' }).waitFor();

    // The demo admin publishes.
    const a = admin.page;
    await a.goto(`${skillBase(skill34)}/results`);
    await a
      .getByRole('button', { name: tr('en', 'competitionResults.actions.publish'), exact: true })
      .click();
    const publish = a.getByRole('dialog', { name: tr('en', 'competitionResults.confirm.publishTitle') });
    await publish
      .getByRole('button', { name: tr('en', 'competitionResults.actions.publish'), exact: true })
      .click();
    await a.getByText(tr('en', 'competitionResults.done.publish'), { exact: true }).waitFor();
    await a.getByText(tr('en', 'competitionResults.state.published'), { exact: true }).first().waitFor();

    // The scoreboard, never reloaded, announces it and shows the podium.
    await board.getByText('Results published: Skill 34', { exact: true }).waitFor({ timeout: 30_000 });
    const tile = board
      .locator('article')
      .filter({ has: board.getByRole('heading', { name: 'Skill 34 Cooking' }) });
    for (const [i, medal] of (['gold', 'silver', 'bronze'] as const).entries()) {
      const e = ranked[i];
      await tile.getByText(e?.displayName ?? '', { exact: true }).waitFor();
      await tile.getByText(tr('en', `competitionResults.medals.${medal}`), { exact: true }).waitFor();
    }
    await liveShot(board, 'competitions-11-scoreboard');
    await checkA11y(board, 'venue scoreboard');
    await board.close();
    assertNoPageErrors(visitor);
    assertNoPageErrors(admin);
    assertNoPageErrors(chief34);
  });

  it('shows the public results and the medal table anonymously, in English and in Arabic', async () => {
    // Another visitor (the public page may be cached for 15 s by the browser of the first one).
    const visitor = await openSession(browser, server.url);
    sessions.push(visitor);
    const v = visitor.page;
    const ranked = [...cookingEntries].sort((a, b) => total(b.code) - total(a.code));
    await v.goto(publicPath());
    await v.getByRole('heading', { level: 2, name: 'Skill 34 Cooking' }).waitFor();
    const cooking = v.getByRole('table', { name: 'Skill 34 Cooking' });
    for (const [i, medal] of (['gold', 'silver', 'bronze'] as const).entries()) {
      const row = cooking.locator('tbody tr').filter({ hasText: ranked[i]?.displayName ?? '' });
      await row.getByRole('cell', { name: String(i + 1), exact: true }).waitFor();
      await row.getByText(tr('en', `competitionResults.medals.${medal}`), { exact: true }).waitFor();
    }
    // No raw marks in public: points, positions and medals only.
    expect(await cooking.getByText(marks(total(ranked[0]?.code ?? 'AT')), { exact: true }).count()).toBe(0);
    const medalTable = v.getByRole('table', {
      name: tr('en', 'competitionResults.competition.medalTableCaption'),
    });
    const medalRow = (code: string) =>
      medalTable.locator('tbody tr').filter({ hasText: new RegExp(`^${code} · `) });
    expect(
      await medalRow(ranked[0]?.code ?? '')
        .locator('td')
        .allInnerTexts(),
    ).toEqual(['1', '0', '0', '0']);
    expect(
      await medalRow(ranked[1]?.code ?? '')
        .locator('td')
        .allInnerTexts(),
    ).toEqual(['0', '1', '0', '0']);
    expect(
      await medalRow(ranked[2]?.code ?? '')
        .locator('td')
        .allInnerTexts(),
    ).toEqual(['0', '0', '1', '0']);
    await pageShot(v, 'competitions-09-public-results');
    await checkA11y(v, 'public results (en)');
    await v
      .locator('section')
      .filter({
        has: v.getByRole('heading', { name: tr('en', 'competitionResults.competition.medalTable') }),
      })
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'competitions-10-medal-table.png') });

    await switchLanguage(v, 'en', 'ar');
    expect(await htmlLangDir(v)).toEqual(['ar', 'rtl']);
    await v
      .getByRole('heading', { level: 2, name: tr('ar', 'competitionResults.competition.medalTable') })
      .waitFor();
    await v.getByText(tr('ar', 'competitionResults.medals.gold'), { exact: true }).first().waitFor();
    await pageShot(v, 'competitions-12-public-results-ar');
    await checkA11y(v, 'public results (ar)');
    await settle(v);
    assertNoPageErrors(visitor);
  });
});
