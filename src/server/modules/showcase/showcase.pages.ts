import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES, type Locale, type LocalizedText } from '../../../contracts/common.js';
import type { ShowcaseFigure, TPublicProject, TPublicShowcase } from '../../../contracts/showcase.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { AppError } from '../../platform/errors.js';
import { getPublicProject, getPublicShowcase, loadShowcase } from './showcase.public.js';
import * as repo from './showcase.repository.js';

/**
 * What crawlers and link previews get for the public showcase, without running JavaScript:
 *
 * - `/showcase/:slug` and `/showcase/:slug/projects/:code` answer the web app's index.html with the
 *   right status (404 for an unknown or disabled showcase or a project that is not public, with
 *   `noindex`), `<html lang dir>`, `<title>`, meta description, canonical and hreflang links (one URL
 *   per language: `?lang=fr`), and a minimal semantic rendering of the page inside `#root` (headings,
 *   lists, links), which the app replaces when it starts.
 * - `/showcase/:slug/sitemap.xml`: the overview and every public project page, with their
 *   language alternates.
 * - `/robots.txt`: allows crawling, keeps personal links (`/portal/`, `/s/`) out, and names the
 *   sitemap of every enabled showcase.
 */

const RTL = new Set(['ar']);
const COMMA: Record<Locale, string> = { en: ', ', fr: ', ', 'zh-CN': '，', ar: '، ' };

/** The few words the server-rendered page needs, per language (the app has its own catalogs). */
const WORDS: Record<
  Locale,
  Record<
    | 'figures'
    | 'projects'
    | 'partners'
    | 'competitions'
    | 'resources'
    | 'contact'
    | 'indicators'
    | 'about'
    | 'overview',
    string
  > & { fig: Record<ShowcaseFigure, string> }
> = {
  en: {
    figures: 'Key figures',
    projects: 'Projects',
    partners: 'Partners',
    competitions: 'Competition results',
    resources: 'Resources',
    contact: 'Contact',
    indicators: 'Results',
    about: 'International cooperation of {name}: projects, partners and results.',
    overview: 'All projects',
    fig: {
      projects: 'Projects',
      partner_countries: 'Partner countries',
      participants_trained: 'Participants trained',
      certificates_issued: 'Certificates issued',
      mobilities: 'Mobilities',
      medals: 'Medals',
      budget: 'Budget',
    },
  },
  'zh-CN': {
    figures: '主要数据',
    projects: '项目',
    partners: '合作伙伴',
    competitions: '竞赛成绩',
    resources: '资源',
    contact: '联系方式',
    indicators: '成果',
    about: '{name}的国际合作：项目、合作伙伴与成果。',
    overview: '全部项目',
    fig: {
      projects: '项目',
      partner_countries: '合作国家',
      participants_trained: '培训学员',
      certificates_issued: '颁发证书',
      mobilities: '交流人次',
      medals: '奖牌',
      budget: '预算',
    },
  },
  fr: {
    figures: 'Chiffres clés',
    projects: 'Projets',
    partners: 'Partenaires',
    competitions: 'Résultats des concours',
    resources: 'Ressources',
    contact: 'Contact',
    indicators: 'Résultats',
    about: 'Coopération internationale de {name} : projets, partenaires et résultats.',
    overview: 'Tous les projets',
    fig: {
      projects: 'Projets',
      partner_countries: 'Pays partenaires',
      participants_trained: 'Participants formés',
      certificates_issued: 'Certificats délivrés',
      mobilities: 'Mobilités',
      medals: 'Médailles',
      budget: 'Budget',
    },
  },
  ar: {
    figures: 'أرقام رئيسية',
    projects: 'المشاريع',
    partners: 'الشركاء',
    competitions: 'نتائج المسابقات',
    resources: 'الموارد',
    contact: 'التواصل',
    indicators: 'النتائج',
    about: 'التعاون الدولي لـ {name}: المشاريع والشركاء والنتائج.',
    overview: 'جميع المشاريع',
    fig: {
      projects: 'المشاريع',
      partner_countries: 'البلدان الشريكة',
      participants_trained: 'المتدربون',
      certificates_issued: 'الشهادات الصادرة',
      mobilities: 'التنقلات',
      medals: 'الميداليات',
      budget: 'الميزانية',
    },
  },
};

const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** The text for a language, else its base language, else English, else any. */
function pick(t: LocalizedText | undefined, locale: Locale): string {
  if (!t) {
    return '';
  }
  const order = [locale, locale.split('-')[0] ?? locale, 'en', ...Object.keys(t)];
  return order.map((k) => t[k]?.trim() ?? '').find((v) => v.length > 0) ?? '';
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function summary(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

interface Head {
  status: number;
  locale: Locale;
  title: string;
  description: string;
  /** Absolute URL without the language parameter; null: not indexable. */
  canonical: string | null;
  body: string;
}

/** index.html with the page's head and the server-rendered body put in. */
function render(indexHtml: string, h: Head): string {
  const dir = RTL.has(h.locale) ? 'rtl' : 'ltr';
  const meta: string[] = [`<title>${escapeHtml(h.title)}</title>`];
  meta.push(`<meta name="description" content="${escapeHtml(h.description)}" />`);
  if (h.canonical) {
    const withLang = (l: Locale) =>
      l === 'en' ? h.canonical : `${h.canonical}?lang=${encodeURIComponent(l)}`;
    meta.push(`<link rel="canonical" href="${escapeHtml(withLang(h.locale) ?? '')}" />`);
    for (const l of LOCALES) {
      meta.push(`<link rel="alternate" hreflang="${l}" href="${escapeHtml(withLang(l) ?? '')}" />`);
    }
    meta.push(`<link rel="alternate" hreflang="x-default" href="${escapeHtml(h.canonical)}" />`);
    meta.push(`<meta property="og:type" content="website" />`);
    meta.push(`<meta property="og:title" content="${escapeHtml(h.title)}" />`);
    meta.push(`<meta property="og:description" content="${escapeHtml(h.description)}" />`);
    meta.push(`<meta property="og:url" content="${escapeHtml(withLang(h.locale) ?? '')}" />`);
  } else {
    meta.push('<meta name="robots" content="noindex" />');
  }
  // Replacer functions, not strings: in a replacement string `$&`, `$\`` and `$'` are patterns, so a
  // college name containing them would copy parts of index.html (its script tags) into the page.
  return indexHtml
    .replace(/<html[^>]*>/, () => `<html lang="${h.locale}" dir="${dir}">`)
    .replace(/<title>[^<]*<\/title>/, () => meta.join('\n    '))
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${h.body}</div>`);
}

function collegeName(data: { college: TPublicShowcase['college'] }, locale: Locale) {
  return pick(data.college.names, locale);
}

function overviewBody(data: TPublicShowcase, locale: Locale, base: string): string {
  const w = WORDS[locale];
  const name = collegeName(data, locale);
  const q = locale === 'en' ? '' : `?lang=${encodeURIComponent(locale)}`;
  const parts: string[] = [`<main><h1>${escapeHtml(name)}</h1>`];
  const intro = pick(data.college.intro, locale);
  if (intro) {
    parts.push(...intro.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p.trim())}</p>`));
  }
  if (data.figures.length > 0) {
    parts.push(`<h2>${escapeHtml(w.figures)}</h2><dl>`);
    for (const f of data.figures) {
      const value =
        f.key === 'budget'
          ? (f.amounts ?? []).map((a) => formatMinor(a.valueMinor, a.currency, locale)).join(' · ')
          : new Intl.NumberFormat(locale).format(f.value ?? 0);
      parts.push(`<dt>${escapeHtml(w.fig[f.key])}</dt><dd>${escapeHtml(value || '—')}</dd>`);
    }
    parts.push('</dl>');
  }
  if (data.projects.length > 0) {
    parts.push(`<h2>${escapeHtml(w.projects)}</h2><ul>`);
    for (const p of data.projects) {
      const href = `${base}/projects/${encodeURIComponent(p.code)}${q}`;
      const countries = p.countries.map((c) => countryName(c, locale)).join(COMMA[locale]);
      parts.push(
        `<li><a href="${escapeHtml(href)}">${escapeHtml(pick(p.title, locale))}</a>${countries ? ` — ${escapeHtml(countries)}` : ''}</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (data.partners.length > 0) {
    parts.push(`<h2>${escapeHtml(w.partners)}</h2><ul>`);
    for (const p of data.partners) {
      const where = [p.city, countryName(p.country, locale)].filter(Boolean).join(COMMA[locale]);
      parts.push(`<li>${escapeHtml(pick(p.names, locale))} (${escapeHtml(where)})</li>`);
    }
    parts.push('</ul>');
  }
  if (data.competitions.length > 0) {
    parts.push(`<h2>${escapeHtml(w.competitions)}</h2><ul>`);
    for (const c of data.competitions) {
      parts.push(
        `<li><a href="${escapeHtml(c.path)}">${escapeHtml(pick(c.names, locale))}</a> (${c.startsOn} – ${c.endsOn})</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (data.resources.length > 0) {
    parts.push(`<h2>${escapeHtml(w.resources)}</h2><ul>`);
    for (const r of data.resources) {
      parts.push(`<li>${escapeHtml(pick(r.title, locale))}</li>`);
    }
    parts.push('</ul>');
  }
  if (data.college.contactEmail) {
    const mail = escapeHtml(data.college.contactEmail);
    parts.push(`<h2>${escapeHtml(w.contact)}</h2><p><a href="mailto:${mail}">${mail}</a></p>`);
  }
  parts.push('</main>');
  return parts.join('');
}

function projectBody(data: TPublicProject, locale: Locale, base: string): string {
  const w = WORDS[locale];
  const p = data.project;
  const q = locale === 'en' ? '' : `?lang=${encodeURIComponent(locale)}`;
  const parts: string[] = [
    `<header><a href="${escapeHtml(base + q)}">${escapeHtml(collegeName(data, locale))}</a></header>`,
    `<main><h1>${escapeHtml(pick(p.title, locale))}</h1>`,
  ];
  if (p.start || p.end) {
    parts.push(`<p>${escapeHtml([p.start ?? '', p.end ?? ''].join(' – '))}</p>`);
  }
  const description = pick(p.description, locale);
  if (description) {
    parts.push(...description.split(/\n{2,}/).map((x) => `<p>${escapeHtml(x.trim())}</p>`));
  }
  if (p.countries.length > 0) {
    parts.push(`<p>${escapeHtml(p.countries.map((c) => countryName(c, locale)).join(COMMA[locale]))}</p>`);
  }
  if (p.partners.length > 0) {
    parts.push(`<h2>${escapeHtml(w.partners)}</h2><ul>`);
    for (const x of p.partners) {
      parts.push(
        `<li>${escapeHtml(pick(x.names, locale))} (${escapeHtml(countryName(x.country, locale))})</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (p.indicators.length > 0) {
    parts.push(`<h2>${escapeHtml(w.indicators)}</h2><ul>`);
    for (const i of p.indicators) {
      const figures = [i.actual, i.target].map((v) =>
        v === null ? '—' : new Intl.NumberFormat(locale).format(v),
      );
      parts.push(`<li>${escapeHtml(pick(i.title, locale))}: ${escapeHtml(figures.join(' / '))}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push(`<p><a href="${escapeHtml(base + q)}">${escapeHtml(w.overview)}</a></p></main>`);
  return parts.join('');
}

function xmlEscape(s: string) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

function sitemapEntry(url: string, lastmod: string): string {
  const alt = LOCALES.map(
    (l) =>
      `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(l === 'en' ? url : `${url}?lang=${l}`)}"/>`,
  ).join('');
  return `<url><loc>${xmlEscape(url)}</loc><lastmod>${lastmod}</lastmod>${alt}</url>`;
}

const notFoundStatus = (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND';

export interface ShowcasePagesOptions {
  /** Folder with the built web app; without it only the sitemap and robots.txt are served. */
  webRoot: string | null;
}

/** Non-API routes of the showcase: server-rendered shells, the sitemap and robots.txt. */
export async function showcasePages(app: FastifyInstance, opts: ShowcasePagesOptions): Promise<void> {
  const { db, config } = app.deps;
  const origin = config.publicUrl;

  app.get('/robots.txt', async (_req, reply) => {
    const lines = ['User-agent: *', 'Disallow: /portal/', 'Disallow: /s/', 'Allow: /', ''];
    for (const s of await repo.enabledSlugs(db)) {
      lines.push(`Sitemap: ${origin}/showcase/${encodeURIComponent(s.slug)}/sitemap.xml`);
    }
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(`${lines.join('\n')}\n`);
  });

  app.get<{ Params: { slug: string } }>('/showcase/:slug/sitemap.xml', async (req, reply) => {
    try {
      const s = await loadShowcase(db, req.params.slug);
      const projects = s.has('projects') ? await repo.publicProjects(db, s.row.organizationId) : [];
      const lastmod = s.row.updatedAt.slice(0, 10);
      const base = `${origin}/showcase/${encodeURIComponent(s.row.slug)}`;
      const urls = [
        sitemapEntry(base, lastmod),
        ...projects.map((p) => sitemapEntry(`${base}/projects/${encodeURIComponent(p.code)}`, lastmod)),
      ];
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls.join('')}</urlset>\n`,
        );
    } catch (e) {
      if (notFoundStatus(e)) {
        return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
      }
      throw e;
    }
  });

  const webRoot = opts.webRoot;
  if (!webRoot) {
    return;
  }
  const indexHtml = () => fs.readFile(path.join(webRoot, 'index.html'), 'utf8');

  async function page(
    req: FastifyRequest<{ Params: { slug: string; projectCode?: string }; Querystring: { lang?: string } }>,
    reply: FastifyReply,
  ) {
    const locale: Locale = isLocale(req.query.lang) ? req.query.lang : 'en';
    const { slug, projectCode } = req.params;
    const base = `/showcase/${encodeURIComponent(slug)}`;
    let head: Head;
    try {
      if (projectCode === undefined) {
        const data = await getPublicShowcase(app.deps, slug);
        const name = collegeName(data, locale);
        head = {
          status: 200,
          locale,
          title: name,
          description: summary(
            pick(data.college.intro, locale) || WORDS[locale].about.replace('{name}', name),
          ),
          canonical: `${origin}${base}`,
          body: overviewBody(data, locale, base),
        };
      } else {
        const data = await getPublicProject(app.deps, slug, projectCode);
        const title = pick(data.project.title, locale);
        head = {
          status: 200,
          locale,
          title: `${title} · ${collegeName(data, locale)}`,
          description: summary(pick(data.project.description, locale) || title),
          canonical: `${origin}${base}/projects/${encodeURIComponent(projectCode)}`,
          body: projectBody(data, locale, base),
        };
      }
    } catch (e) {
      if (!notFoundStatus(e)) {
        throw e;
      }
      head = { status: 404, locale, title: 'TVET Bridge', description: '', canonical: null, body: '' };
    }
    return reply
      .code(head.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', head.status === 200 ? 'public, max-age=60' : 'no-cache')
      .send(render(await indexHtml(), head));
  }

  app.get('/showcase/:slug', page);
  app.get('/showcase/:slug/projects/:projectCode', page);
}
