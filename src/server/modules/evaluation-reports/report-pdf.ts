import { PDFDocument, type PDFPage, type RGB, rgb } from 'pdf-lib';
import type { Locale } from '../../../contracts/common.js';
import type { TEvaluationProject, TEvaluationSummary } from '../../../contracts/evaluation-reports.js';
import type { TIndicator, TResult } from '../../../contracts/results-frameworks.js';
import type { TSurveyAnalytics } from '../../../contracts/surveys.js';
import {
  DEFAULT_STATUS_THRESHOLDS,
  INDICATOR_STATUSES,
} from '../../../domain/evaluation/results-framework.js';
import { ACCEPTABLE_ALPHA } from '../../../domain/evaluation/survey-stats.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { embedFontBook, type FontBook, isRtl, scriptsIn } from '../../platform/pdf/fonts.js';
import { drawText, measureText } from '../../platform/pdf/text.js';
import { wrap } from '../exchanges/invitation-letter.js';
import type { Evidence, PortfolioReport, ProjectReport } from './evaluation-reports.service.js';
import { FORMULAS, label, REPORT_CATALOGS, type ReportKey } from './report-catalog.js';

// The evaluation report as a PDF: bilingual (every heading, label and narrative in the two chosen
// languages, each in its own direction), charts drawn as vector graphics (rectangles and lines, no
// images), a summary page, tables per result and indicator, a section per survey, the methods note,
// and on every page the college, the generation date and "page n of N".

const A4: [number, number] = [595.28, 841.89];
const M = 46;
const W = A4[0] - 2 * M;
const TOP = A4[1] - M;
const BOTTOM = M + 22;

const INK = rgb(0.11, 0.13, 0.17);
const GREY = rgb(0.42, 0.44, 0.5);
const LIGHT = rgb(0.86, 0.87, 0.9);
const PANEL = rgb(0.955, 0.96, 0.975);
const ACCENT = rgb(0.1, 0.3, 0.55);
const TARGET = rgb(0.16, 0.42, 0.78);
const ACTUAL = rgb(0.05, 0.6, 0.53);
const PRE = rgb(0.62, 0.65, 0.7);

const STATUS_COLORS: Record<(typeof INDICATOR_STATUSES)[number], RGB> = {
  achieved: rgb(0.09, 0.47, 0.3),
  on_track: rgb(0.2, 0.66, 0.36),
  at_risk: rgb(0.95, 0.6, 0.12),
  off_track: rgb(0.86, 0.22, 0.2),
  not_started: rgb(0.55, 0.65, 0.8),
  no_data: rgb(0.8, 0.81, 0.84),
  not_assessable: rgb(0.62, 0.63, 0.66),
};
const BAND_COLORS = { low: rgb(0.86, 0.22, 0.2), medium: rgb(0.95, 0.6, 0.12), high: rgb(0.2, 0.66, 0.36) };

/** Likert colours from the lowest (red) to the highest (green) point of a 5- or 7-point scale. */
function likertColor(i: number, points: number): RGB {
  const t = points <= 1 ? 1 : i / (points - 1);
  const stops = [
    [0.84, 0.26, 0.22],
    [0.96, 0.62, 0.3],
    [0.85, 0.85, 0.82],
    [0.5, 0.76, 0.56],
    [0.13, 0.55, 0.36],
  ];
  const pos = t * (stops.length - 1);
  const a = stops[Math.floor(pos)] as number[];
  const b = stops[Math.min(stops.length - 1, Math.floor(pos) + 1)] as number[];
  const f = pos - Math.floor(pos);
  return rgb(
    (a[0] as number) + ((b[0] as number) - (a[0] as number)) * f,
    (a[1] as number) + ((b[1] as number) - (a[1] as number)) * f,
    (a[2] as number) + ((b[2] as number) - (a[2] as number)) * f,
  );
}

function npsColor(score: number): RGB {
  return score >= 9 ? BAND_COLORS.high : score >= 7 ? rgb(0.75, 0.76, 0.78) : BAND_COLORS.low;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const NUMBER_LOCALE = 'en-US';

export function num(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return '—';
  }
  return new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: digits }).format(v);
}

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${num(v, digits)} %`;
}

function signed(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${num(v, 1)}`;
}

function money(minor: number | null, currency: string | null): string {
  return minor === null || currency === null ? '—' : formatMinor(minor, currency, NUMBER_LOCALE);
}

// ---------------------------------------------------------------------------------------------
// Texts in the report's languages

/** A data text (title, question) in a language, falling back to English and then any language. */
function pick(text: Record<string, string>, lang: Locale): string {
  return (text[lang] || text.en || Object.values(text).find((v) => v.trim()) || '').trim();
}

/** The data text in the first language, and in the second when it is written and differs. */
function picks(text: Record<string, string>, langs: readonly Locale[]): string[] {
  const out: string[] = [];
  for (const l of langs) {
    const v = (text[l] ?? '').trim() || (out.length === 0 ? pick(text, l) : '');
    if (v && !out.includes(v)) {
      out.push(v);
    }
  }
  return out.length ? out : ['—'];
}

interface Column {
  head: ReportKey;
  weight: number;
  align?: 'start' | 'end' | 'center';
}
type Cell = string | string[];

class Writer {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: FontBook,
    readonly langs: readonly Locale[],
    readonly runningTitle: string,
    readonly college: string,
  ) {}

  l(key: ReportKey, vars: Record<string, string | number> = {}): string[] {
    return this.langs.map((lang) => label(lang, key, vars));
  }

  /** Both languages in one line, e.g. "Target / 目标" (for chart legends and short labels). */
  l1(key: ReportKey, vars: Record<string, string | number> = {}): string {
    return [...new Set(this.l(key, vars))].join(' / ');
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = TOP;
    if (this.pages.length > 1) {
      this.text(this.college, M, TOP + 14, 7.5, { color: GREY, maxWidth: W / 2 - 10 });
      this.text(this.runningTitle, M + W, TOP + 14, 7.5, {
        color: GREY,
        align: 'right',
        maxWidth: W / 2 - 10,
      });
      this.rule(TOP + 8, LIGHT);
      this.y = TOP - 6;
    }
  }

  ensure(height: number): void {
    if (this.y - height < BOTTOM) {
      this.newPage();
    }
  }

  text(
    text: string,
    x: number,
    y: number,
    size: number,
    o: { bold?: boolean; color?: RGB; align?: 'left' | 'right' | 'center'; maxWidth?: number } = {},
  ) {
    if (!text) {
      return;
    }
    // The CJK font draws ’ and − full-width; Latin text reads better with ' and -.
    drawText(this.page, text.replace(/\u2019/g, "'").replace(/\u2212/g, '-'), {
      x,
      y,
      size,
      fonts: this.fonts,
      weight: o.bold ? 'bold' : 'regular',
      color: o.color ?? INK,
      align: o.align,
      maxWidth: o.maxWidth,
    });
  }

  /** One line inside [x, x + width], placed at the start of its own direction (right for Arabic). */
  directional(
    text: string,
    x: number,
    y: number,
    width: number,
    size: number,
    o: { bold?: boolean; color?: RGB; align?: 'start' | 'end' | 'center' } = {},
  ) {
    const rtl = isRtl(text);
    const align = o.align ?? 'start';
    // start: the reading start (right for Arabic); end: the right edge in every script (numbers).
    const side =
      align === 'center' ? 'center' : align === 'end' || rtl ? ('right' as const) : ('left' as const);
    const at = side === 'center' ? x + width / 2 : side === 'left' ? x : x + width;
    this.text(text, at, y, size, { bold: o.bold, color: o.color, align: side, maxWidth: width });
  }

  rule(y: number, color = LIGHT, x = M, width = W): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6, color });
  }

  /** Wrapped lines of a text in a width. */
  lines(text: string, width: number, size: number): string[] {
    return text ? wrap(text, width, size, this.fonts) : [];
  }

  paragraph(text: string, size = 9, o: { color?: RGB; x?: number; width?: number; gap?: number } = {}) {
    const x = o.x ?? M;
    const width = o.width ?? W;
    for (const line of this.lines(text, width, size)) {
      this.ensure(size * 1.5);
      this.y -= size * 1.45;
      this.directional(line, x, this.y, width, size, { color: o.color });
    }
    this.y -= o.gap ?? 4;
  }

  /** A heading in each language: the first large, the second smaller under it. */
  heading(key: ReportKey, level: 1 | 2 | 3, vars: Record<string, string | number> = {}) {
    this.headingTexts(this.l(key, vars), level);
  }

  headingTexts(texts: readonly string[], level: 1 | 2 | 3) {
    const sizes = { 1: [15, 10.5], 2: [11.5, 9], 3: [9.5, 8.5] }[level];
    const [big, small] = sizes as [number, number];
    const unique = [...new Set(texts.filter(Boolean))];
    const height = big * 1.5 + (unique.length - 1) * small * 1.5 + (level === 1 ? 14 : 8);
    this.ensure(height + 40);
    this.y -= level === 1 ? 10 : 6;
    unique.forEach((t, i) => {
      const size = i === 0 ? big : small;
      this.y -= size * 1.4;
      this.directional(t, M, this.y, W, size, {
        bold: i === 0,
        color: i === 0 ? (level === 1 ? ACCENT : INK) : GREY,
      });
    });
    if (level === 1) {
      this.y -= 5;
      this.rule(this.y, ACCENT);
    }
    this.y -= level === 1 ? 8 : 5;
  }

  /** A table whose header row repeats on each page; cells may hold several lines (languages). */
  table(
    columns: Column[],
    rows: Cell[][],
    o: { size?: number; zebra?: boolean; x?: number; width?: number } = {},
  ) {
    const size = o.size ?? 8;
    const lh = size * 1.35;
    const left = o.x ?? M;
    const tableW = o.width ?? W;
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const xs: { x: number; w: number }[] = [];
    let x = left;
    for (const c of columns) {
      const w = (tableW * c.weight) / total;
      xs.push({ x, w });
      x += w;
    }
    const layout = (cells: Cell[]) =>
      cells.map((cell, i) => {
        const w = (xs[i]?.w ?? 40) - 8;
        const texts = Array.isArray(cell) ? cell : [cell];
        return texts.flatMap((t, j) => this.lines(t, w, size).map((line) => ({ line, secondary: j > 0 })));
      });
    const heightOf = (laid: ReturnType<typeof layout>) => Math.max(1, ...laid.map((c) => c.length)) * lh + 6;
    const head = layout(columns.map((c) => this.l(c.head)));
    const drawRow = (laid: ReturnType<typeof layout>, header: boolean, shade: boolean) => {
      const h = heightOf(laid);
      if (header || shade) {
        this.page.drawRectangle({
          x: left,
          y: this.y - h,
          width: tableW,
          height: h,
          color: header ? PANEL : rgb(0.985, 0.985, 0.99),
        });
      }
      laid.forEach((cellLines, i) => {
        const { x: cx, w } = xs[i] as { x: number; w: number };
        const align = columns[i]?.align ?? 'start';
        cellLines.forEach((l, j) => {
          this.directional(l.line, cx + 4, this.y - 3 - (j + 1) * lh + lh * 0.25, w - 8, size, {
            bold: header && !l.secondary,
            color: l.secondary ? GREY : INK,
            align,
          });
        });
      });
      this.y -= h;
      this.rule(this.y, header ? GREY : LIGHT, left, tableW);
    };
    this.ensure(heightOf(head) + heightOf(layout(rows[0] ?? [])) + 4);
    drawRow(head, true, false);
    rows.forEach((r, i) => {
      const laid = layout(r);
      if (this.y - heightOf(laid) < BOTTOM) {
        this.newPage();
        drawRow(head, true, false);
      }
      drawRow(laid, false, Boolean(o.zebra) && i % 2 === 1);
    });
    this.y -= 8;
  }

  /** The height a table would take (for keeping a chart and its table side by side). */
  tableHeight(columns: Column[], rows: Cell[][], size: number, width: number): number {
    const lh = size * 1.35;
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const heightOf = (cells: Cell[]) =>
      Math.max(
        1,
        ...cells.map((cell, i) => {
          const w = (width * (columns[i]?.weight ?? 1)) / total - 8;
          return (Array.isArray(cell) ? cell : [cell]).reduce((n, t) => n + this.lines(t, w, size).length, 0);
        }),
      ) *
        lh +
      6;
    return heightOf(columns.map((c) => this.l(c.head))) + rows.reduce((h, row) => h + heightOf(row), 0) + 8;
  }

  /** Key figures as boxes, three to a row: label in each language, value, detail lines. */
  figures(items: { label: ReportKey; value: string; detail?: string[]; color?: RGB }[]) {
    const cols = 3;
    const gap = 8;
    const bw = (W - gap * (cols - 1)) / cols;
    for (let i = 0; i < items.length; i += cols) {
      const row = items.slice(i, i + cols);
      const details = Math.max(0, ...row.map((f) => f.detail?.length ?? 0));
      const bh = 34 + this.langs.length * 9.5 + details * 8.5;
      this.ensure(bh + gap);
      const top = this.y;
      row.forEach((f, j) => {
        const x = M + j * (bw + gap);
        this.page.drawRectangle({ x, y: top - bh, width: bw, height: bh, color: PANEL });
        this.page.drawRectangle({ x, y: top - bh, width: 3, height: bh, color: f.color ?? ACCENT });
        let y = top - 12;
        this.l(f.label).forEach((t, k) => {
          this.directional(t, x + 10, y, bw - 16, k === 0 ? 7.5 : 7, {
            bold: k === 0,
            color: k === 0 ? INK : GREY,
          });
          y -= 9.5;
        });
        y -= 13;
        this.text(f.value, x + 10, y, 15, { bold: true, maxWidth: bw - 16 });
        y -= 11;
        for (const d of f.detail ?? []) {
          this.directional(d, x + 10, y, bw - 16, 6.8, { color: GREY });
          y -= 8.5;
        }
      });
      this.y = top - bh - gap;
    }
  }

  /** A legend row of coloured squares and labels. */
  legend(entries: { text: string; color: RGB; outline?: boolean }[], x: number, y: number) {
    let at = x;
    for (const e of entries) {
      if (e.outline) {
        this.page.drawRectangle({
          x: at,
          y: y - 1,
          width: 8,
          height: 7,
          borderColor: e.color,
          borderWidth: 1.2,
        });
      } else {
        this.page.drawRectangle({ x: at, y: y - 1, width: 8, height: 7, color: e.color });
      }
      this.text(e.text, at + 11, y, 7, { color: GREY });
      at += 11 + measureText(e.text, 7, this.fonts) + 12;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Charts (vector)

/** Target (outlined) and actual (filled) per period, the baseline dashed, with a value axis. */
function targetActualChart(
  w: Writer,
  ind: TIndicator,
  x: number,
  top: number,
  width: number,
  height: number,
) {
  const periods = ind.periods.filter((p) => p.target.value !== null || p.actual?.value != null);
  const baseline = ind.baseline?.value ?? null;
  const values = periods.flatMap((p) => [p.target.value ?? 0, p.actual?.value ?? 0]);
  const rawMax = Math.max(...values, baseline ?? 0, 0);
  const max = niceMax(rawMax);
  const axisW = 30;
  const plotX = x + axisW;
  const plotW = width - axisW - 4;
  const plotTop = top - 16;
  const plotBottom = top - height + 16;
  const yOf = (v: number) => plotBottom + ((plotTop - plotBottom) * Math.max(0, v)) / max;
  for (const t of [0, 0.5, 1]) {
    const v = max * t;
    const y = yOf(v);
    w.page.drawLine({
      start: { x: plotX, y },
      end: { x: plotX + plotW, y },
      thickness: t === 0 ? 0.8 : 0.4,
      color: t === 0 ? GREY : LIGHT,
    });
    w.text(num(v, 1), plotX - 4, y - 2.5, 6.5, { color: GREY, align: 'right' });
  }
  if (baseline !== null && ind.aggregation === 'level') {
    w.page.drawLine({
      start: { x: plotX, y: yOf(baseline) },
      end: { x: plotX + plotW, y: yOf(baseline) },
      thickness: 0.8,
      color: GREY,
      dashArray: [3, 2],
    });
  }
  const slot = plotW / Math.max(1, periods.length);
  const bar = Math.min(18, slot / 3);
  periods.forEach((p, i) => {
    const cx = plotX + slot * i + slot / 2;
    if (p.target.value !== null) {
      w.page.drawRectangle({
        x: cx - bar - 1,
        y: plotBottom,
        width: bar,
        height: Math.max(0.5, yOf(p.target.value) - plotBottom),
        borderColor: TARGET,
        borderWidth: 1.1,
      });
    }
    const actual = p.actual?.value ?? null;
    if (actual !== null) {
      w.page.drawRectangle({
        x: cx + 1,
        y: plotBottom,
        width: bar,
        height: Math.max(0.5, yOf(actual) - plotBottom),
        color: ACTUAL,
      });
      w.text(num(actual, 1), cx + 1 + bar / 2, yOf(actual) + 2, 6, { align: 'center', color: INK });
    }
    w.text(p.end.slice(0, 7), cx, plotBottom - 9, 6.5, { align: 'center', color: GREY });
  });
  w.legend(
    [
      { text: w.l1('legendTarget'), color: TARGET, outline: true },
      { text: w.l1('legendActual'), color: ACTUAL },
      ...(baseline !== null && ind.aggregation === 'level'
        ? [{ text: w.l1('legendBaseline'), color: GREY }]
        : []),
    ],
    plotX,
    top - 7,
  );
}

function niceMax(v: number): number {
  if (v <= 0) {
    return 1;
  }
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (m * p >= v) {
      return m * p;
    }
  }
  return 10 * p;
}

/** One horizontal bar split by the shares of each part (indicator statuses). */
function stackedBar(
  w: Writer,
  parts: { value: number; color: RGB }[],
  x: number,
  y: number,
  width: number,
  h: number,
) {
  const total = parts.reduce((s, p) => s + p.value, 0);
  if (total === 0) {
    w.page.drawRectangle({ x, y, width, height: h, borderColor: LIGHT, borderWidth: 0.6 });
    return;
  }
  let at = x;
  for (const p of parts) {
    if (p.value > 0) {
      const pw = (width * p.value) / total;
      w.page.drawRectangle({ x: at, y, width: pw, height: h, color: p.color });
      if (pw > 12) {
        w.text(String(p.value), at + pw / 2, y + h / 2 - 2.5, 7, {
          align: 'center',
          color: rgb(1, 1, 1),
          bold: true,
        });
      }
      at += pw;
    }
  }
}

function statusParts(byStatus: TEvaluationSummary['indicators']['byStatus']) {
  return INDICATOR_STATUSES.map((s) => ({ status: s, value: byStatus[s] ?? 0, color: STATUS_COLORS[s] }));
}

function statusLegend(w: Writer, byStatus: TEvaluationSummary['indicators']['byStatus']) {
  const present = statusParts(byStatus).filter((p) => p.value > 0);
  // Wrap the legend over rows of the page width.
  let row: typeof present = [];
  let width = 0;
  const flush = () => {
    if (row.length) {
      w.ensure(12);
      w.y -= 11;
      w.legend(
        row.map((p) => ({ text: `${p.value} · ${w.l1(`status.${p.status}` as ReportKey)}`, color: p.color })),
        M,
        w.y,
      );
      row = [];
      width = 0;
    }
  };
  for (const p of present) {
    const t = `${p.value} · ${w.l1(`status.${p.status}` as ReportKey)}`;
    const tw = measureText(t, 7, w.fonts) + 23;
    if (width + tw > W) {
      flush();
    }
    row.push(p);
    width += tw;
  }
  flush();
}

/** Likert items as 100 % stacked bars of their answer counts, one row each, with mean and n. */
function likertChart(w: Writer, items: TSurveyAnalytics['questions']) {
  const rows = items.filter((q) => q.likert && q.likert.n > 0);
  if (rows.length === 0) {
    return;
  }
  const labelW = W * 0.42;
  const barX = M + labelW + 6;
  const barW = W - labelW - 70;
  const rowH = 15;
  w.ensure(18 + rowH * Math.min(rows.length, 4));
  w.y -= 4;
  w.directional(w.l1('distribution'), M, w.y - 8, W, 7.5, { color: GREY });
  w.y -= 14;
  for (const q of rows) {
    const l = q.likert as NonNullable<typeof q.likert>;
    w.ensure(rowH);
    const y = w.y - rowH + 3;
    const text = pick(q.text, w.langs[0] as Locale) + (q.reverseCoded ? ' (R)' : '');
    w.directional(text, M, y + 3, labelW, 7.5);
    stackedBar(
      w,
      l.counts.map((c, i) => ({ value: c, color: likertColor(i, l.points) })),
      barX,
      y,
      barW,
      10,
    );
    w.text(`${num(l.mean)} (n=${l.n})`, barX + barW + 6, y + 2.5, 7, { color: GREY });
    w.y -= rowH;
  }
  const first = rows[0]?.likert;
  if (first) {
    w.ensure(12);
    w.y -= 10;
    w.legend(
      first.counts.map((_, i) => ({ text: String(i + 1), color: likertColor(i, first.points) })),
      barX,
      w.y,
    );
  }
  w.y -= 8;
}

/** Columns of the 0–10 answers of an NPS question, coloured by group. */
function npsChart(w: Writer, nps: NonNullable<TSurveyAnalytics['questions'][number]['nps']>) {
  const height = 78;
  w.ensure(height + 8);
  const top = w.y;
  const colW = 18;
  const gap = 5;
  const x0 = M + 4;
  const maxC = Math.max(1, ...nps.counts);
  const base = top - height + 14;
  const span = height - 30;
  nps.counts.forEach((c, i) => {
    const x = x0 + i * (colW + gap);
    const h = (c / maxC) * span;
    w.page.drawRectangle({ x, y: base, width: colW, height: Math.max(0.5, h), color: npsColor(i) });
    if (c > 0) {
      w.text(String(c), x + colW / 2, base + h + 2, 6.5, { align: 'center', color: INK });
    }
    w.text(String(i), x + colW / 2, base - 9, 6.5, { align: 'center', color: GREY });
  });
  w.page.drawLine({
    start: { x: x0 - 2, y: base },
    end: { x: x0 + 11 * (colW + gap) - gap + 2, y: base },
    thickness: 0.6,
    color: GREY,
  });
  // Beside the columns: the score and the three groups.
  const sx = x0 + 11 * (colW + gap) + 18;
  w.text(`NPS ${signed(nps.score)}`, sx, top - 20, 14, { bold: true });
  const groups: [ReportKey, number, number | null, RGB][] = [
    ['promoters', nps.promoters, nps.promoterPercent, BAND_COLORS.high],
    ['passives', nps.passives, nps.n ? (nps.passives * 100) / nps.n : null, rgb(0.75, 0.76, 0.78)],
    ['detractors', nps.detractors, nps.detractorPercent, BAND_COLORS.low],
  ];
  groups.forEach(([key, n, p, color], i) => {
    const y = top - 36 - i * 11;
    w.page.drawRectangle({ x: sx, y: y - 1, width: 7, height: 7, color });
    w.text(`${n} · ${pct(p, 0)} · ${w.l1(key)}`, sx + 11, y, 7, { color: GREY, maxWidth: M + W - sx - 11 });
  });
  w.y = top - height - 4;
}

/** Horizontal bars on a 0–100 % scale (pre/post means, application rate). */
function percentBars(w: Writer, bars: { label: string; value: number | null; color: RGB }[]) {
  const labelW = 150;
  const barX = M + labelW + 6;
  const barW = W - labelW - 60;
  const rowH = 15;
  w.ensure(rowH * bars.length + 14);
  for (const b of bars) {
    const y = w.y - rowH + 3;
    w.directional(b.label, M, y + 3, labelW, 7.5);
    w.page.drawRectangle({ x: barX, y, width: barW, height: 10, color: PANEL });
    if (b.value !== null) {
      w.page.drawRectangle({
        x: barX,
        y,
        width: (barW * Math.max(0, Math.min(100, b.value))) / 100,
        height: 10,
        color: b.color,
      });
    }
    w.text(pct(b.value), barX + barW + 6, y + 2.5, 7.5, { bold: true });
    w.y -= rowH;
  }
  for (const t of [0, 50, 100]) {
    w.text(`${t}`, barX + (barW * t) / 100, w.y - 4, 6, { align: 'center', color: GREY });
  }
  w.y -= 12;
}

// ---------------------------------------------------------------------------------------------
// Sections

function keyFigures(w: Writer, s: TEvaluationSummary, withProjects: boolean) {
  const band = (b: 'low' | 'medium' | 'high' | null) => (b ? [w.l1(`band.${b}` as ReportKey)] : []);
  const roi = s.roi;
  const by = s.indicators.byStatus;
  const figures: Parameters<Writer['figures']>[0] = [
    ...(withProjects ? [{ label: 'projects' as ReportKey, value: String(s.projects) }] : []),
    { label: 'participants', value: num(s.participants, 0), detail: w.l('completedOf', { n: s.completed }) },
    {
      label: 'indicators',
      value: num(s.indicators.total, 0),
      detail: [
        `${by.achieved ?? 0} · ${by.on_track ?? 0} · ${by.at_risk ?? 0} · ${by.off_track ?? 0}`,
        ...w
          .l('status.achieved')
          .map((_, k) =>
            (['achieved', 'on_track', 'at_risk', 'off_track'] as const)
              .map((st) => label(w.langs[k] as Locale, `status.${st}` as ReportKey))
              .join(' · '),
          ),
      ],
      color: STATUS_COLORS.on_track,
    },
    {
      label: 'surveyResponses',
      value: num(s.surveys.responses, 0),
      detail: w.l('surveysCount', { n: s.surveys.total }),
    },
    {
      label: 'nps',
      value: s.nps ? signed(s.nps.score) : '—',
      detail: s.nps ? w.l('npsDetail', { n: s.nps.n }) : [],
    },
    {
      label: 'alpha',
      value: s.alpha
        ? s.alpha.min === s.alpha.max
          ? num(s.alpha.min)
          : `${num(s.alpha.min)} – ${num(s.alpha.max)}`
        : '—',
      detail: s.alpha
        ? w.l('alphaDetail', { ok: s.alpha.acceptable, n: s.alpha.scales, threshold: num(s.alpha.threshold) })
        : [],
    },
    {
      label: 'classGain',
      value: s.gain ? num(s.gain.classGain) : '—',
      detail: s.gain ? [...band(s.gain.classGainBand), ...w.l('gainDetail', { n: s.gain.n })] : [],
      color: s.gain?.classGainBand ? BAND_COLORS[s.gain.classGainBand] : undefined,
    },
    {
      label: 'meanGain',
      value: s.gain ? num(s.gain.meanIndividualGain) : '—',
      detail: s.gain ? [...band(s.gain.meanIndividualGainBand), `n = ${s.gain.nIndividual}`] : [],
      color: s.gain?.meanIndividualGainBand ? BAND_COLORS[s.gain.meanIndividualGainBand] : undefined,
    },
    {
      label: 'applicationRate',
      value: s.application ? pct(s.application.applicationRate) : '—',
      detail: s.application
        ? w.l('applicationDetail', { applied: s.application.applied, responded: s.application.responded })
        : [],
    },
    {
      label: 'roi',
      value: roi?.ok ? pct(roi.roiPercent) : roi ? w.l1('notComputable') : '—',
      detail: roi?.ok
        ? w.l('roiDetail', { bcr: num(roi.benefitCostRatio) })
        : roi?.problem
          ? [roi.problem]
          : [],
    },
  ];
  w.figures(figures);
}

function indicatorStatusSummary(w: Writer, s: TEvaluationSummary) {
  if (s.indicators.total === 0) {
    return;
  }
  w.heading('indicatorStatus', 2);
  w.ensure(30);
  stackedBar(
    w,
    statusParts(s.indicators.byStatus).map((p) => ({ value: p.value, color: p.color })),
    M,
    w.y - 14,
    W,
    14,
  );
  w.y -= 18;
  statusLegend(w, s.indicators.byStatus);
  w.y -= 6;
}

function progressText(i: TIndicator | TIndicator['periods'][number]): string {
  return i.progress.kind === 'ratio' ? pct(i.progress.percent, 0) : '—';
}

function indicatorStatusTable(w: Writer, e: Evidence, multi: boolean) {
  const rows: Cell[][] = [];
  for (const { projectId, framework } of e.frameworks) {
    const project = e.projects.find((p) => p.id === projectId);
    for (const r of framework.results) {
      for (const i of r.indicators) {
        rows.push([
          ...(multi ? [project?.code ?? ''] : []),
          picks(i.title, w.langs),
          w.l(`status.${i.status.status}` as ReportKey),
          progressText(i),
        ]);
      }
    }
  }
  if (rows.length === 0) {
    return;
  }
  w.table(
    [
      ...(multi ? [{ head: 'code' as ReportKey, weight: 1.1 }] : []),
      { head: 'indicator', weight: 5 },
      { head: 'status', weight: 1.6 },
      { head: 'progress', weight: 1.1, align: 'end' },
    ],
    rows,
    { zebra: true },
  );
}

function periodRows(w: Writer, ind: TIndicator): Cell[][] {
  const rows: Cell[][] = [];
  if (ind.baseline) {
    rows.push([w.l('baseline').map((t) => `${t} ${ind.baseline?.year}`), '', num(ind.baseline.value), '']);
  }
  for (const p of ind.periods) {
    rows.push([
      `${p.start} – ${p.end}`,
      num(p.target.value),
      p.actual ? num(p.actual.value) : '—',
      progressText(p),
    ]);
  }
  return rows;
}

const PERIOD_COLUMNS: Column[] = [
  { head: 'period', weight: 2.3 },
  { head: 'target', weight: 1, align: 'end' },
  { head: 'actual', weight: 1, align: 'end' },
  { head: 'progress', weight: 1, align: 'end' },
];

function indicatorBlock(w: Writer, ind: TIndicator) {
  const title = picks(ind.title, w.langs);
  const rows = periodRows(w, ind);
  const chartable =
    ind.measure !== 'qualitative' &&
    ind.measure !== 'nominal' &&
    ind.periods.some((p) => p.target.value !== null || p.actual?.value != null);
  const chartW = W * 0.5;
  const tableX = M + chartW + 14;
  const tableW = W - chartW - 14;
  const chartH = 118;
  const tableH = rows.length ? w.tableHeight(PERIOD_COLUMNS, rows, 7.5, tableW) : 0;
  const sideBySide = chartable && tableH <= TOP - BOTTOM - 60;
  w.ensure(14 * title.length + 12 + (sideBySide ? Math.max(chartH, tableH) : 40));
  w.y -= 4;
  title.forEach((t, i) => {
    w.y -= i === 0 ? 11 : 10;
    w.directional(`${i === 0 && ind.code ? `${ind.code} ` : ''}${t}`, M, w.y, W - 120, i === 0 ? 9 : 8, {
      bold: i === 0,
      color: i === 0 ? INK : GREY,
    });
  });
  // The status badge on the other end of the title line.
  const status = ind.status.status;
  const badge = w.l1(`status.${status}` as ReportKey);
  const bw = measureText(badge, 7, w.fonts) + 10;
  const bx = isRtl(title[0] ?? '') ? M : M + W - bw;
  const by = w.y + (title.length - 1) * 10 - 2;
  w.page.drawRectangle({ x: bx, y: by, width: bw, height: 11, color: STATUS_COLORS[status] });
  w.text(badge, bx + bw / 2, by + 3, 7, { align: 'center', color: rgb(1, 1, 1), bold: true });
  w.y -= 8;
  if (rows.length === 0) {
    return;
  }
  if (sideBySide) {
    const top = w.y;
    targetActualChart(w, ind, M, top, chartW, chartH);
    w.table(PERIOD_COLUMNS, rows, { size: 7.5, x: tableX, width: tableW });
    w.y = Math.min(w.y, top - chartH) - 6;
    return;
  }
  if (chartable) {
    w.ensure(chartH + 10);
    targetActualChart(w, ind, M, w.y, W, chartH);
    w.y -= chartH + 4;
  }
  w.table(PERIOD_COLUMNS, rows, { size: 7.5 });
}

function resultsSection(w: Writer, e: Evidence, multi: boolean) {
  w.newPage();
  w.heading('resultsAndIndicators', 1);
  let any = false;
  for (const { projectId, framework } of e.frameworks) {
    const project = e.projects.find((p) => p.id === projectId);
    if (multi && project) {
      w.headingTexts(
        picks(project.title, w.langs).map((t, i) => (i === 0 ? `${project.code} · ${t}` : t)),
        2,
      );
    }
    if (framework.results.length === 0 && multi) {
      for (const t of w.l('noIndicators')) {
        w.paragraph(t, 8, { color: GREY, gap: 0 });
      }
    }
    for (const r of framework.results) {
      any = true;
      resultHeading(w, r);
      for (const ind of r.indicators) {
        indicatorBlock(w, ind);
      }
    }
  }
  if (!any && !multi) {
    for (const t of w.l('noIndicators')) {
      w.paragraph(t, 9, { color: GREY, gap: 0 });
    }
  }
}

function resultHeading(w: Writer, r: TResult) {
  const type = w.l(`result.${r.type}` as ReportKey);
  const titles = picks(r.title, w.langs);
  w.headingTexts(
    titles.map((t, i) => `${type[Math.min(i, type.length - 1)]}: ${t}`),
    3,
  );
}

function surveyBlock(
  w: Writer,
  a: TSurveyAnalytics,
  project: TEvaluationProject | undefined,
  multi: boolean,
) {
  const titles = picks(a.survey.title, w.langs);
  const first = w.langs[0] as Locale;
  const phase = a.survey.testPhase
    ? label(first, a.survey.testPhase === 'pre' ? 'phasePre' : 'phasePost')
    : null;
  const extra = [phase, a.survey.cohortName, multi ? project?.code : null].filter(Boolean).join(' · ');
  w.ensure(90);
  w.headingTexts(
    titles.map((t, i) => (i === 0 && extra ? `${t} (${extra})` : t)),
    3,
  );
  const c = a.counts;
  for (const line of w.langs.map((lang) =>
    c.invited > 0
      ? label(lang, 'responses', { responded: c.responded, invited: c.invited, rate: pct(c.responseRate, 0) })
      : label(lang, 'responsesAnonymous', { n: c.responses }),
  )) {
    w.paragraph(line, 7.5, { color: GREY, gap: 0 });
  }
  if (a.test) {
    for (const lang of w.langs) {
      w.paragraph(label(lang, 'testMean', { mean: pct(a.test.meanPercent), n: a.test.n }), 7.5, { gap: 0 });
    }
  }
  w.y -= 4;

  const likert = a.questions.filter((q) => q.likert);
  if (likert.length > 0) {
    w.table(
      [
        { head: 'item', weight: 6 },
        { head: 'n', weight: 0.7, align: 'end' },
        { head: 'mean', weight: 1, align: 'end' },
        { head: 'sd', weight: 1, align: 'end' },
      ],
      likert.map((q) => [
        picks(q.text, w.langs).map((t, i) => (i === 0 && q.reverseCoded ? `${t} (R)` : t)),
        String(q.likert?.n ?? 0),
        num(q.likert?.mean ?? null),
        num(q.likert?.sd ?? null),
      ]),
      { size: 7.5, zebra: true },
    );
    likertChart(w, likert);
  }
  for (const q of a.questions) {
    if (q.nps && q.nps.n > 0) {
      w.ensure(100);
      w.paragraph(picks(q.text, w.langs)[0] ?? '', 7.5, { color: GREY, gap: 2 });
      npsChart(w, q.nps);
    }
  }
  if (a.scales.length > 0) {
    w.table(
      [
        { head: 'scale', weight: 3 },
        { head: 'items', weight: 1, align: 'end' },
        { head: 'n', weight: 1, align: 'end' },
        { head: 'alpha', weight: 1.4, align: 'end' },
        { head: 'status', weight: 2.4 },
      ],
      a.scales.map((s) => [
        s.key,
        String(s.k),
        String(s.n),
        num(s.alpha),
        s.alpha === null
          ? w.l(
              s.reason === 'too_few_items'
                ? 'reasonTooFewItems'
                : s.reason === 'zero_total_variance'
                  ? 'reasonZeroVariance'
                  : 'reasonTooFewRespondents',
            )
          : s.acceptable
            ? w.l('acceptable')
            : w.l('belowThreshold', { threshold: num(ACCEPTABLE_ALPHA) }),
      ]),
      { size: 7.5 },
    );
  }
  // A pre/post pair's gain is shown once, with its post-test.
  if (a.gain && a.survey.testPhase === 'post') {
    const g = a.gain;
    w.ensure(120);
    w.heading('prePost', 3);
    percentBars(w, [
      { label: w.l1('preMean'), value: g.preMean, color: PRE },
      { label: w.l1('postMean'), value: g.postMean, color: ACTUAL },
    ]);
    w.table(
      [
        { head: 'classGain', weight: 2 },
        { head: 'meanGain', weight: 2 },
        { head: 'bandCounts', weight: 3 },
      ],
      [
        [
          [
            `${num(g.classGain)}  ${g.classGainBand ? w.l1(`band.${g.classGainBand}` as ReportKey) : ''}`,
            ...w.l('gainDetail', { n: g.n }),
          ],
          [
            `${num(g.meanIndividualGain)}  ${g.meanIndividualGainBand ? w.l1(`band.${g.meanIndividualGainBand}` as ReportKey) : ''}`,
            `n = ${g.nIndividual}`,
          ],
          w.langs.map((lang) =>
            (['low', 'medium', 'high'] as const)
              .map((b) => `${label(lang, `band.${b}` as ReportKey)} ${g.bands[b]}`)
              .join(' · '),
          ),
        ],
      ],
      { size: 7.5 },
    );
  }
  if (a.application) {
    percentBars(w, [{ label: w.l1('applicationRate'), value: a.application.applicationRate, color: ACTUAL }]);
  }
  if (a.roi) {
    const r = a.roi;
    w.table(
      [
        { head: 'benefits', weight: 1.5, align: 'end' },
        { head: 'costs', weight: 1.5, align: 'end' },
        { head: 'netBenefits', weight: 1.5, align: 'end' },
        { head: 'bcr', weight: 1.2, align: 'end' },
        { head: 'roi', weight: 1.2, align: 'end' },
      ],
      [
        r.ok
          ? [
              money(r.benefitsMinor, r.currency),
              money(r.costsMinor, r.currency),
              money(r.netBenefitsMinor, r.currency),
              num(r.benefitCostRatio),
              pct(r.roiPercent),
            ]
          : [w.l1('notComputable'), r.problem ?? '', '', '', ''],
      ],
      { size: 7.5 },
    );
  }
  w.y -= 6;
}

function surveysSection(w: Writer, e: Evidence, multi: boolean) {
  w.newPage();
  w.heading('surveys', 1);
  if (e.surveys.length === 0) {
    for (const t of w.l('noSurveys')) {
      w.paragraph(t, 9, { color: GREY, gap: 0 });
    }
    return;
  }
  for (const level of ['L1', 'L2', 'L3', 'L4'] as const) {
    const of = e.surveys.filter((s) => s.analytics.survey.level === level);
    if (of.length === 0) {
      continue;
    }
    w.heading(`level.${level}` as ReportKey, 2);
    for (const s of of) {
      surveyBlock(
        w,
        s.analytics,
        e.projects.find((p) => p.id === s.projectId),
        multi,
      );
    }
  }
}

function methodsSection(w: Writer, pooled: boolean) {
  w.newPage();
  w.heading('methods', 1);
  const vars = {
    onTrack: Math.round(DEFAULT_STATUS_THRESHOLDS.onTrackMaxShortfall * 100),
    atRisk: Math.round(DEFAULT_STATUS_THRESHOLDS.atRiskMaxShortfall * 100),
    alpha: num(ACCEPTABLE_ALPHA),
  };
  const methods: [string, string[]][] = [
    ['kirkpatrick', []],
    ['progress', [FORMULAS.progress]],
    ['nps', [FORMULAS.nps]],
    ['alpha', [FORMULAS.alpha]],
    ['hake', [FORMULAS.hakeClass, FORMULAS.hakeIndividual]],
    ['application', [FORMULAS.application]],
    ['roi', [FORMULAS.bcr, FORMULAS.roi]],
  ];
  for (const [key, formulas] of methods) {
    w.heading(`method.${key}.title` as ReportKey, 3);
    for (const text of w.l(`method.${key}.text` as ReportKey, vars)) {
      w.paragraph(text, 7.6, { gap: 1.5 });
    }
    if (formulas.length > 0) {
      const h = formulas.length * 11 + 4;
      w.ensure(h + 4);
      w.y -= 2;
      w.page.drawRectangle({ x: M, y: w.y - h, width: W, height: h, color: PANEL });
      for (const f of formulas) {
        w.y -= 11;
        w.text(f, M + 8, w.y + 1, 7.8, { color: ACCENT, maxWidth: W - 16 });
      }
      w.y -= 4;
    }
    w.y -= 3;
  }
  if (pooled) {
    w.heading('pooling', 3);
    for (const text of w.l('pooledNote')) {
      w.paragraph(text, 7.6, { gap: 1.5 });
    }
  }
}

function titleBlock(w: Writer, titles: string[], subject: string[], lines: string[]) {
  w.newPage();
  w.text(w.college, M, w.y - 8, 9, { color: GREY, bold: true, maxWidth: W });
  w.y -= 22;
  w.page.drawRectangle({ x: M, y: w.y - 4, width: 40, height: 3, color: ACCENT });
  w.y -= 10;
  titles.forEach((t, i) => {
    w.y -= i === 0 ? 22 : 17;
    w.directional(t, M, w.y, W, i === 0 ? 20 : 14, { bold: i === 0, color: i === 0 ? ACCENT : GREY });
  });
  w.y -= 8;
  subject.forEach((t, i) => {
    w.y -= i === 0 ? 17 : 14;
    w.directional(t, M, w.y, W, i === 0 ? 13 : 11, { bold: i === 0, color: i === 0 ? INK : GREY });
  });
  w.y -= 8;
  for (const l of lines) {
    w.y -= 11;
    w.directional(l, M, w.y, W, 8, { color: GREY });
  }
  w.y -= 6;
  w.rule(w.y);
  w.y -= 4;
}

function footers(w: Writer, generated: string[]) {
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    w.page = page;
    w.rule(M + 4, LIGHT);
    w.text(`${w.college} · ${generated[0] ?? ''}`, M, M - 8, 7, { color: GREY, maxWidth: W * 0.6 });
    w.text(
      [...new Set(w.langs.map((lang) => label(lang, 'page', { n: i + 1, total })))].join(' · '),
      M + W,
      M - 8,
      7,
      { color: GREY, align: 'right', maxWidth: W * 0.38 },
    );
  });
}

/** Every text the document may draw, to embed only the scripts it needs. */
function textsOf(langs: readonly Locale[], e: Evidence, college: string): string[] {
  const texts: string[] = [college];
  for (const l of langs) {
    texts.push(...Object.values(REPORT_CATALOGS[l]));
  }
  const all = (t: Record<string, string>) => Object.values(t);
  for (const p of e.projects) {
    texts.push(...all(p.title));
  }
  for (const { framework } of e.frameworks) {
    for (const r of framework.results) {
      texts.push(...all(r.title));
      for (const i of r.indicators) {
        texts.push(...all(i.title), i.code ?? '');
      }
    }
  }
  for (const { analytics: a } of e.surveys) {
    texts.push(...all(a.survey.title), a.survey.cohortName ?? '');
    for (const q of a.questions) {
      texts.push(...all(q.text));
    }
  }
  return texts;
}

async function start(langs: readonly Locale[], e: Evidence, college: string, title: string) {
  const pdf = await PDFDocument.create();
  const fonts = await embedFontBook(pdf, { scripts: scriptsIn(textsOf(langs, e, college)) });
  pdf.setTitle(title);
  pdf.setAuthor(college);
  pdf.setCreator('TVET Bridge');
  pdf.setProducer('TVET Bridge (pdf-lib)');
  return { pdf, fonts };
}

function metaLines(w: Writer, r: ProjectReport | PortfolioReport): string[] {
  return [
    ...new Set([
      ...w.l('generated', { date: r.generatedAt, zone: r.timeZone }),
      ...w.l('asOf', { date: r.today }),
    ]),
  ];
}

/** One project's report, or a programme's with its sub-projects. */
export async function renderProjectReportPdf(r: ProjectReport): Promise<Uint8Array> {
  const titleKey: ReportKey = r.scope === 'programme' ? 'programmeReportTitle' : 'reportTitle';
  const subject = picks(r.project.title, r.languages);
  const running = `${label(r.languages[0] as Locale, titleKey)} · ${r.project.code}`;
  const { pdf, fonts } = await start(r.languages, r.evidence, r.college, `${running} ${subject[0] ?? ''}`);
  const w = new Writer(pdf, fonts, r.languages, running, r.college);
  const multi = r.evidence.projects.length > 1;
  titleBlock(
    w,
    [...new Set(w.l(titleKey))],
    subject.map((t, i) => (i === 0 ? `${r.project.code} · ${t}` : t)),
    [
      ...(r.scope === 'programme'
        ? [...new Set(w.l('programmeSubtitle', { n: r.evidence.projects.length - 1 }))]
        : []),
      `${w.l1('status')}: ${w.l1(`projectStatus.${r.project.status}` as ReportKey)}`,
      ...metaLines(w, r),
    ],
  );
  w.heading('summary', 1);
  keyFigures(w, r.summary, multi);
  indicatorStatusSummary(w, r.summary);
  indicatorStatusTable(w, r.evidence, multi);
  if (r.evidence.surveys.length > 1 || multi) {
    for (const t of w.l('pooledNote')) {
      w.paragraph(t, 7.2, { color: GREY, gap: 1 });
    }
  }
  resultsSection(w, r.evidence, multi);
  surveysSection(w, r.evidence, multi);
  methodsSection(w, r.evidence.surveys.length > 1 || multi);
  footers(w, [...new Set(w.l('generated', { date: r.generatedAt, zone: r.timeZone }))]);
  return pdf.save();
}

/** The portfolio report: the college's projects running in a year. */
export async function renderPortfolioReportPdf(r: PortfolioReport): Promise<Uint8Array> {
  const running = label(r.languages[0] as Locale, 'portfolioReportTitle', { year: r.year });
  const { pdf, fonts } = await start(r.languages, r.evidence, r.college, running);
  const w = new Writer(pdf, fonts, r.languages, running, r.college);
  titleBlock(
    w,
    [...new Set(w.l('portfolioReportTitle', { year: r.year }))],
    [r.college],
    [...new Set(w.l('portfolioSubtitle', { year: r.year, n: r.perProject.length })), ...metaLines(w, r)],
  );
  w.heading('summary', 1);
  keyFigures(w, r.summary, true);
  indicatorStatusSummary(w, r.summary);
  for (const t of w.l('pooledNote')) {
    w.paragraph(t, 7.2, { color: GREY, gap: 1 });
  }

  w.newPage();
  w.heading('projectsTable', 1);
  w.table(
    [
      { head: 'code', weight: 1.2 },
      { head: 'project', weight: 3.6 },
      { head: 'status', weight: 1.5 },
      { head: 'participants', weight: 1.2, align: 'end' },
      { head: 'nps', weight: 1.1, align: 'end' },
      { head: 'classGain', weight: 1.1, align: 'end' },
      { head: 'applicationRate', weight: 1.2, align: 'end' },
      { head: 'roi', weight: 1.1, align: 'end' },
    ],
    r.perProject.map(({ project, summary: s }) => [
      project.code,
      picks(project.title, r.languages),
      w.l(`projectStatus.${project.status}` as ReportKey),
      num(s.participants, 0),
      s.nps ? signed(s.nps.score) : '—',
      s.gain ? num(s.gain.classGain) : '—',
      s.application ? pct(s.application.applicationRate, 0) : '—',
      s.roi?.ok ? pct(s.roi.roiPercent, 0) : '—',
    ]),
    { size: 7.5, zebra: true },
  );

  // Status of the indicators per project, one stacked bar each.
  const withIndicators = r.perProject.filter((p) => p.summary.indicators.total > 0);
  if (withIndicators.length > 0) {
    w.heading('indicatorStatus', 2);
    const labelW = 90;
    for (const { project, summary } of withIndicators) {
      w.ensure(16);
      w.y -= 15;
      w.text(project.code, M, w.y + 3, 7.5, { maxWidth: labelW - 6 });
      stackedBar(
        w,
        statusParts(summary.indicators.byStatus).map((p) => ({ value: p.value, color: p.color })),
        M + labelW,
        w.y,
        W - labelW,
        11,
      );
    }
    w.y -= 6;
    statusLegend(w, r.summary.indicators.byStatus);
  }

  // Per project: the indicators with status and progress, and the survey figures.
  w.newPage();
  w.heading('resultsAndIndicators', 1);
  for (const { project } of r.perProject) {
    const own: Evidence = {
      ...r.evidence,
      projects: [project],
      frameworks: r.evidence.frameworks.filter((f) => f.projectId === project.id),
      surveys: r.evidence.surveys.filter((s) => s.projectId === project.id),
    };
    w.headingTexts(
      picks(project.title, r.languages).map((t, i) => (i === 0 ? `${project.code} · ${t}` : t)),
      2,
    );
    const before = w.y;
    indicatorStatusTable(w, own, false);
    if (w.y === before) {
      for (const t of w.l('noIndicators')) {
        w.paragraph(t, 8, { color: GREY, gap: 0 });
      }
    }
    if (own.surveys.length > 0) {
      w.table(
        [
          { head: 'x.survey', weight: 3.4 },
          { head: 'x.level', weight: 1.2 },
          { head: 'x.responded', weight: 1, align: 'end' },
          { head: 'nps', weight: 1, align: 'end' },
          { head: 'alpha', weight: 1, align: 'end' },
          { head: 'classGain', weight: 1, align: 'end' },
          { head: 'applicationRate', weight: 1.1, align: 'end' },
        ],
        own.surveys.map(({ analytics: a }) => [
          picks(a.survey.title, r.languages),
          w.l(`level.${a.survey.level}` as ReportKey),
          String(a.counts.responses),
          signed(a.questions.find((q) => q.nps)?.nps?.score ?? null),
          num(a.scales[0]?.alpha ?? null),
          a.survey.testPhase === 'post' ? num(a.gain?.classGain ?? null) : '—',
          a.application ? pct(a.application.applicationRate, 0) : '—',
        ]),
        { size: 7.5 },
      );
    }
  }
  methodsSection(w, true);
  footers(w, [...new Set(w.l('generated', { date: r.generatedAt, zone: r.timeZone }))]);
  return pdf.save();
}
