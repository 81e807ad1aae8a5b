/**
 * Cross-site scripting across the product (issue 7, "Attacks"), in a real Chromium: script-shaped
 * texts go in through the API (as an import or a careless colleague would put them) into the text
 * fields of every feature, then the pages that show them are opened, the signed-in ones and the
 * public ones (the server-rendered showcase, a survey link, public results). Every page must show the
 * payload as text, run none of it (window.__xss stays unset, no dialog), offer no `javascript:` link,
 * and every HTML answer must carry the Content-Security-Policy.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { APIResponse, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/app.js';
import { launchBrowser, openSession, SCREENSHOT_DIR, type Session, settle, shot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const TEMPLATE = '{{7*7}}';
const RTL = '\u202Egnp.exe\u202C';
/** Replacement patterns of String.replace: they must reach the page as typed. */
const DOLLARS = "$` $& $'";
const JS_URL = 'javascript:window.__xss=1';

let server: RunningServer;
let browser: Browser;
let s: Session;
let page: Page;
const dialogs: string[] = [];
/** Every HTML document the browser loaded, with its CSP header. */
const documents: { url: string; csp: string | undefined }[] = [];
/** Pages to visit: path and a text the page must show literally. */
const visits: { name: string; path: string; shows: string[] }[] = [];

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of a dozen endpoints, read field by field
async function api(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<any> {
  const cookies = await s.context.cookies();
  const csrf = cookies.find((c) => c.name === 'tvet_csrf')?.value ?? '';
  const res: APIResponse = await s.context.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': csrf, origin: server.url },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await res.text();
  if (res.status() >= 300) {
    throw new Error(`${method} ${url} -> ${res.status()}: ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : null;
}

// biome-ignore lint/suspicious/noExplicitAny: an error body, searched as text
async function refused(method: 'POST', url: string, body: unknown): Promise<any> {
  const cookies = await s.context.cookies();
  const csrf = cookies.find((c) => c.name === 'tvet_csrf')?.value ?? '';
  const res = await s.context.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    data: body,
  });
  expect(res.status(), await res.text()).toBe(400);
  return res.json();
}

/** What the page did with the payloads: nothing ran, nothing became markup or a script link. */
async function expectInert(name: string) {
  const state = await page.evaluate(() => {
    const g = globalThis as unknown as {
      __xss?: unknown;
      document: {
        querySelectorAll: (s: string) => ArrayLike<{ getAttribute(n: string): string | null; href?: string }>;
      };
    };
    const all = (sel: string) => Array.from(g.document.querySelectorAll(sel));
    return {
      xss: g.__xss,
      injectedImages: all('img[src="x"]').length,
      injectedSvg: all('svg[onload]').length + all('[onerror]').length,
      scriptLinks: all('a[href], area[href]')
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
      iframes: all('iframe').length,
    };
  });
  expect(state, name).toEqual({
    xss: undefined,
    injectedImages: 0,
    injectedSvg: 0,
    scriptLinks: [],
    iframes: 0,
  });
  expect(dialogs, name).toEqual([]);
}

const field = (tag: string, payload: string) => `${tag} ${payload}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  s = await openSession(browser, server.url);
  page = s.page;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  s.context.on('response', (r) => {
    if (r.request().resourceType() === 'document') {
      documents.push({ url: r.url(), csp: r.headers()['content-security-policy'] });
    }
  });
  await signIn(page, server.demo.email, server.demo.password);

  // ----- the data, through the API (one batch) -----
  const partner = await api('POST', '/partners', {
    names: { en: field('Partner', `${IMG} ${TEMPLATE}`) },
    nativeName: RTL,
    country: 'KE',
    city: SCRIPT,
    type: '80',
    identifiers: [],
    website: 'https://ktti.example.org/',
    networkIds: [],
    tags: [],
    notes: field('Notes', SVG),
    contacts: [
      {
        nameLatin: field('Contact', SCRIPT),
        nameNative: RTL,
        position: SVG,
        email: 'contact@ktti.example.org',
        phone: '',
        languages: [],
      },
    ],
  });
  // The API refuses a script address in a link field...
  const bad = await refused('POST', '/partners', {
    names: { en: 'Script link' },
    nativeName: '',
    country: 'KE',
    city: '',
    type: '80',
    identifiers: [],
    website: JS_URL,
    networkIds: [],
    tags: [],
    notes: '',
    contacts: [],
  });
  expect(JSON.stringify(bad)).toContain('url_format');
  // ...and the page must not make one clickable even when an older record holds it.
  const db = new Database(path.join(server.dataDir, 'tvet-bridge.db'));
  db.prepare('UPDATE partners SET website = ? WHERE id = ?').run(JS_URL, partner.id);
  visits.push({
    name: 'partner',
    path: `/partners/${partner.id}`,
    shows: [IMG, TEMPLATE, SCRIPT, SVG, JS_URL],
  });
  visits.push({ name: 'partners-list', path: `/partners?q=${encodeURIComponent('Partner')}`, shows: [IMG] });

  const agreement = await api('POST', '/agreements', {
    type: 'mou',
    title: { en: field('Agreement', `${SVG} ${SCRIPT}`) },
    scope: IMG,
    partnerIds: [partner.id],
    signatories: [],
    stage: 'signed',
    signedOn: '2025-01-10',
    startsOn: '2025-01-10',
    endsOn: '2028-01-09',
    autoRenewal: false,
    renewalMonths: null,
    expiringWindowDays: 90,
    notes: TEMPLATE,
  });
  visits.push({ name: 'agreement', path: `/agreements/${agreement.id}`, shows: [SVG, IMG] });
  visits.push({ name: 'agreements-list', path: '/agreements', shows: [SVG] });

  const code = `XSS-${Date.now().toString(36).toUpperCase()}`;
  const project = await api('POST', '/projects', {
    code,
    type: 'teacher_training',
    title: { en: field('Project', `${IMG} ${DOLLARS}`) },
    description: { en: `${SCRIPT}\n\n${SVG} ${TEMPLATE}` },
    plannedStart: '2026-01-01',
    plannedEnd: '2027-12-31',
  });
  const result = await api('POST', `/projects/${project.id}/results`, {
    type: 'output',
    title: { en: field('Result', SVG) },
  });
  const indicator = await api('POST', `/projects/${project.id}/results/${result.id}/indicators`, {
    title: { en: field('Indicator', IMG) },
    measure: 'unit',
    unitLabel: { en: SCRIPT },
    baseline: { year: 2025, value: 0 },
  });
  await api('POST', `/projects/${project.id}/results/indicators/${indicator.id}/periods`, {
    start: '2026-01-01',
    end: '2026-12-31',
    target: { value: 100 },
    actual: { value: 40, comment: { en: TEMPLATE } },
  });
  visits.push({ name: 'project', path: `/projects/${project.id}`, shows: [IMG, DOLLARS] });

  const programme = await api('POST', '/training/programmes', {
    projectId: project.id,
    title: { en: field('Programme', IMG) },
    description: SCRIPT,
    modules: [{ kind: 'teacher_workshop', title: { en: SVG }, hours: 20 }],
    learningOutcomes: [{ en: TEMPLATE }],
    languages: ['en'],
    interpretationNeeds: RTL,
    completionRule: { minAttendancePercent: 80, minPostScore: 60, requirePostTest: false },
  });
  const cohort = await api('POST', `/training/programmes/${programme.id}/cohorts`, {
    name: field('Cohort', SVG),
    startsOn: '2026-03-02',
    endsOn: '2026-03-13',
    capacity: 20,
  });
  const sessionBody = {
    moduleId: null,
    title: field('Session', SCRIPT),
    startsAt: '2026-03-03T09:00:00+08:00',
    endsAt: '2026-03-03T12:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    venue: '',
    onlineUrl: 'https://meet.example.org/x',
    trainerUserId: null,
    language: 'en',
    interpreter: IMG,
  };
  expect(
    JSON.stringify(
      await refused('POST', `/training/cohorts/${cohort.id}/sessions`, { ...sessionBody, onlineUrl: JS_URL }),
    ),
  ).toContain('url_format');
  const trainingSession = await api('POST', `/training/cohorts/${cohort.id}/sessions`, sessionBody);
  db.prepare('UPDATE training_sessions SET online_url = ? WHERE id = ?').run(JS_URL, trainingSession.id);
  db.close();
  await api('POST', `/training/cohorts/${cohort.id}/enrolments`, {
    participant: {
      nameLatin: field('Participant', IMG),
      nameNative: RTL,
      country: 'KE',
      gender: 'female',
      email: '',
      organizationName: SCRIPT,
      position: SVG,
    },
  });
  visits.push({ name: 'programme', path: `/training/programmes/${programme.id}`, shows: [IMG, SCRIPT] });
  visits.push({ name: 'cohort', path: `/training/cohorts/${cohort.id}`, shows: [SVG, SCRIPT] });

  const mobility = await api('POST', '/mobilities', {
    direction: 'inbound',
    category: 'official_delegation',
    title: field('Mobility', IMG),
    purpose: SCRIPT,
    home: { isOwn: false, partnerId: partner.id },
    host: { isOwn: true, partnerId: null },
    destinationCity: SVG,
    plannedStartOn: '2026-03-01',
    plannedEndOn: '2026-03-08',
    actualStartOn: null,
    actualEndOn: null,
    fundingSource: TEMPLATE,
    fundingAmountMinor: 100,
    fundingCurrency: 'CNY',
    costsBorneBy: 'host',
    projectId: null,
    agreementId: null,
    notes: '',
    members: [
      {
        nameNative: RTL,
        nameLatin: field('Member', SCRIPT),
        gender: 'male',
        position: SVG,
        nationality: 'KE',
        passportNumber: 'AB1234567',
      },
    ],
  });
  visits.push({ name: 'mobility', path: `/exchanges/${mobility.id}`, shows: [IMG, SCRIPT] });

  const base = await api('POST', '/bases', {
    kind: 'worldskills',
    names: { en: field('Base', IMG) },
    skillNumber: '04',
    skillName: SVG,
    location: 'at_home',
    siteAddress: SCRIPT,
    country: 'CN',
    partnerId: null,
    workstations: 2,
    establishedOn: '2024-09-01',
    status: 'active',
    facilities: TEMPLATE,
    notes: '',
  });
  visits.push({ name: 'base', path: `/bases/${base.id}`, shows: [IMG, SCRIPT] });

  const resource = await api('POST', '/resources', {
    kind: 'curriculum',
    title: { en: field('Resource', IMG) },
    description: SCRIPT,
    subject: SVG,
    tags: [],
  });
  await api('POST', `/resources/${resource.id}/versions`, {
    label: '1.0',
    changelog: TEMPLATE,
    publishedOn: '2026-02-01',
  });
  visits.push({ name: 'resource', path: `/library/resources/${resource.id}`, shows: [IMG, SCRIPT] });

  const competition = await api('POST', '/competitions', {
    names: { en: field('Competition', IMG) },
    slug: `xss-${Date.now().toString(36)}`,
    startsOn: '2026-05-12',
    endsOn: '2026-05-15',
    venue: SCRIPT,
    city: SVG,
    country: 'CN',
    hostName: TEMPLATE,
    hostPartnerId: null,
    status: 'planning',
    registrationOpensOn: '2026-03-01',
    registrationClosesOn: '2026-04-15',
    description: RTL,
  });
  const skill = await api('POST', `/competitions/${competition.id}/skills`, {
    number: '99',
    names: { en: field('Skill', SVG) },
    skillType: 'official',
    teamBased: false,
    teamSize: 1,
    maxEntriesPerMember: 1,
    allowCompatriotMarking: false,
    generateResultsAndMedals: true,
    excludeFromMemberComparison: false,
    excludeFromAlbertVidal: false,
    numJudges: 3,
    maxJudgeSpread: 1,
    markingSuspended: false,
  });
  visits.push({ name: 'competition', path: `/competitions/${competition.id}`, shows: [IMG, SVG] });
  visits.push({ name: 'skill', path: `/competitions/${competition.id}/skills/${skill.id}`, shows: [SVG] });

  const survey = await api('POST', '/surveys', {
    cohortId: cohort.id,
    level: 'L1',
    title: { en: field('Survey', IMG) },
    anonymous: false,
    questions: [
      { type: 'nps', text: { en: field('Question', SCRIPT) } },
      { type: 'text', text: { en: SVG }, required: false },
      {
        type: 'single',
        text: { en: TEMPLATE },
        options: [
          { key: 'a', label: { en: IMG } },
          { key: 'b', label: { en: RTL } },
        ],
      },
    ],
  });
  const opened = await api('POST', `/surveys/${survey.id}/status`, {
    version: survey.version,
    status: 'open',
  });
  expect(opened.status).toBe('open');
  await api('POST', `/surveys/${survey.id}/invitations`, {});
  const invitations = (await api('GET', `/surveys/${survey.id}/invitations`)).data;
  const link = await api('POST', `/surveys/invitations/${invitations[0].id}/link`);
  visits.push({ name: 'survey', path: `/surveys/${survey.id}`, shows: [IMG, SCRIPT] });
  visits.push({ name: 'public-survey', path: new URL(link.url).pathname, shows: [SCRIPT, SVG, IMG] });

  const profile = await api('POST', '/talent/profiles', {
    nameLatin: field('Talent', IMG),
    nameNative: RTL,
    email: 'talent.xss@example.cn',
    iscoCode: '7212',
    skills: [],
    languages: [{ code: 'en', cefr: 'B1' }],
    countries: ['AE'],
    availableFrom: '2026-06-01',
    headline: { en: SCRIPT },
    summary: { en: SVG },
    education: [{ iscedLevel: 3, field: TEMPLATE, institution: SCRIPT, completedYear: 2025 }],
    experienceYears: 2,
  });
  visits.push({ name: 'talent', path: `/talent/${profile.id}`, shows: [IMG, SCRIPT, SVG] });
  const collegeSkill = await api('POST', '/talent/college-skills', {
    code: `xss.${Date.now().toString(36)}`,
    labels: { en: field('CollegeSkill', SVG) },
    iscoGroup: null,
  });
  const skillKey = collegeSkill.key;
  const posting = await api('POST', '/talent/demand', {
    enterpriseName: field('Enterprise', IMG),
    country: 'AE',
    site: SCRIPT,
    iscoCode: '7212',
    headcount: 3,
    startDate: '2026-09-01',
    contract: { type: 'fixed_term', durationMonths: 24 },
    requiredSkills: [{ skillKey, minLevel: 2, weight: 1 }],
    optionalSkills: [],
    requiredLanguages: [],
    optionalLanguages: [],
  });
  visits.push({ name: 'posting', path: `/talent/demand/${posting.id}`, shows: [IMG, SVG] });

  const settings = await api('GET', '/showcase/settings');
  const saved = await api('PUT', '/showcase/settings', {
    version: settings.version,
    data: {
      enabled: true,
      slug: settings.slug || 'pearl-river-tc',
      names: { en: field('College', `${IMG} ${DOLLARS}`) },
      intro: { en: `${SCRIPT} ${SVG} ${TEMPLATE}` },
      sections: ['figures', 'projects', 'partners', 'competitions', 'resources'],
      figures: ['projects', 'partner_countries'],
      contactEmail: 'intl@pearl-river.example.cn',
    },
  });
  await api('PUT', `/showcase/projects/${project.id}`, { public: true, version: project.version });
  const freshResource = await api('GET', `/resources/${resource.id}`);
  await api('PUT', `/showcase/resources/${resource.id}`, { public: true, version: freshResource.version });
  visits.push({ name: 'showcase-settings', path: '/admin/showcase', shows: [] });
  visits.push({ name: 'showcase', path: saved.path, shows: [IMG, DOLLARS, SCRIPT] });
  visits.push({
    name: 'showcase-project',
    path: `${saved.path}/projects/${encodeURIComponent(code)}`,
    shows: [IMG, SCRIPT],
  });
}, 240_000);

afterAll(async () => {
  await s?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('XSS payloads are shown as text everywhere', () => {
  it('signed-in and public pages run none of them and link nowhere but http(s)', async () => {
    for (const v of visits) {
      await page.goto(v.path);
      await settle(page);
      const body = page.locator('body');
      for (const text of v.shows) {
        await body
          .getByText(text, { exact: false })
          .first()
          .waitFor({ timeout: 15_000 })
          .catch((e: Error) => {
            throw new Error(
              `${v.name} (${v.path}) does not show ${JSON.stringify(text)} as text: ${e.message}`,
            );
          });
      }
      await expectInert(v.name);
      if (['partner', 'cohort', 'public-survey', 'showcase', 'project', 'talent'].includes(v.name)) {
        await shot(page, `xss-${v.name}`);
      }
    }
    // A template expression is never evaluated (no 49 where {{7*7}} was typed).
    await page.goto(visits.find((v) => v.name === 'partner')?.path ?? '/');
    await page.locator('body').getByText(TEMPLATE, { exact: false }).first().waitFor();
    expect(await page.locator('h1').first().textContent()).toContain(TEMPLATE);
  });

  it('every HTML answer carries the Content-Security-Policy, the server-rendered showcase included', async () => {
    expect(documents.length).toBeGreaterThanOrEqual(visits.length);
    const missing = documents.filter((d) => !d.csp?.includes("script-src 'self'"));
    expect(missing).toEqual([]);
    const shell = await s.context.request.get('/');
    const indexScripts = ((await shell.text()).match(/<script/g) ?? []).length;
    for (const p of [
      '/',
      '/sign-in',
      visits.find((v) => v.name === 'showcase')?.path ?? '',
      visits.find((v) => v.name === 'showcase-project')?.path ?? '',
      visits.find((v) => v.name === 'public-survey')?.path ?? '',
      '/showcase/no-such-college',
    ]) {
      const res = await s.context.request.get(p);
      expect(res.headers()['content-type'], p).toContain('text/html');
      const csp = res.headers()['content-security-policy'] ?? '';
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).toContain("object-src 'none'");
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).not.toContain('unsafe-eval');
      const html = await res.text();
      // Server-rendered text is escaped: the payload arrives as text, and no extra script tag.
      expect(html, p).not.toContain('<img src=x');
      expect(html, p).not.toContain('<svg onload');
      expect(html, p).not.toContain('<script>window.__xss');
      expect((html.match(/<script/g) ?? []).length, p).toBe(indexScripts);
    }
    const showcase = await (
      await s.context.request.get(visits.find((v) => v.name === 'showcase')?.path ?? '')
    ).text();
    expect(showcase).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(showcase).toContain('$` $&amp; $&#39;');
  });

  it('the server-rendered showcase stays inert before the app takes over (no JavaScript)', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, baseURL: server.url });
    const p = await plain.newPage();
    const showcase = visits.find((v) => v.name === 'showcase')?.path ?? '';
    await p.goto(showcase);
    await p.getByText(IMG, { exact: false }).first().waitFor();
    expect(await p.locator('img[src="x"]').count()).toBe(0);
    await p.screenshot({ path: path.join(SCREENSHOT_DIR, 'xss-showcase-no-js.png'), fullPage: true });
    await plain.close();
  });
});
