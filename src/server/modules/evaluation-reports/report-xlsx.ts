import type { Locale } from '../../../contracts/common.js';
import type { TEvaluationSummary } from '../../../contracts/evaluation-reports.js';
import type { CellGrid, CellValue } from '../../../domain/competitions/cis-workbook.js';
import { minorToDecimal } from '../../../domain/projects/money.js';
import { type GridSheet, writeCellGrids } from '../../platform/spreadsheets/cis-workbook-files.js';
import type { Evidence, PortfolioReport, ProjectReport } from './evaluation-reports.service.js';
import { label, type ReportKey } from './report-catalog.js';

// The data behind the evaluation report as a workbook: one sheet per kind of figure, numbers as
// numbers, headers in the report's first language, codes next to labels so the sheets can be
// filtered in any language. Texts go through writeCellGrids, which neutralises formula injection.
// The per-participant learning gain sheet is written only with survey.results_read.

export const SHEETS = {
  summary: 'Summary',
  projects: 'Projects',
  indicators: 'Indicators',
  surveys: 'Surveys',
  items: 'Items',
  scales: 'Scales',
  gain: 'Learning gain',
} as const;

type V = CellValue | undefined;
const cell = (v: V): CellValue =>
  v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v;
const row = (...values: V[]): CellValue[] => values.map(cell);

function pick(text: Record<string, string>, lang: Locale): string {
  return (text[lang] || text.en || Object.values(text).find((v) => v.trim()) || '').trim();
}

function sheet(name: string, header: string[], rows: CellValue[][], widths: number[]): GridSheet {
  const grid: CellGrid = [header, ...rows];
  return { name, rows: grid, boldRows: new Set([1]), widths };
}

function summaryRows(lang: Locale, s: TEvaluationSummary): CellValue[][] {
  const tr = (k: ReportKey) => label(lang, k);
  const out: CellValue[][] = [
    row(tr('projects'), s.projects),
    row(tr('participants'), s.participants),
    row(tr('x.completed'), s.completed),
    row(tr('indicators'), s.indicators.total),
  ];
  for (const [status, n] of Object.entries(s.indicators.byStatus)) {
    out.push(row(`${tr('indicators')}: ${tr(`status.${status}` as ReportKey)}`, n));
  }
  out.push(
    row(tr('x.survey'), s.surveys.total),
    row(tr('surveyResponses'), s.surveys.responses),
    row(tr('nps'), s.nps?.score ?? null),
    row(`${tr('nps')}: ${tr('n')}`, s.nps?.n ?? null),
    row(`${tr('alpha')} (min)`, s.alpha?.min ?? null),
    row(`${tr('alpha')} (max)`, s.alpha?.max ?? null),
    row(tr('classGain'), s.gain?.classGain ?? null),
    row(tr('meanGain'), s.gain?.meanIndividualGain ?? null),
    row(tr('preMean'), s.gain?.preMean ?? null),
    row(tr('postMean'), s.gain?.postMean ?? null),
    row(tr('applicationRate'), s.application?.applicationRate ?? null),
    row(tr('x.responseRate'), s.application?.responseRate ?? null),
    row(tr('roi'), s.roi?.ok ? s.roi.roiPercent : null),
    row(tr('bcr'), s.roi?.ok ? s.roi.benefitCostRatio : null),
    row(
      tr('benefits'),
      s.roi?.ok && s.roi.currency && s.roi.benefitsMinor !== null
        ? Number(minorToDecimal(s.roi.benefitsMinor, s.roi.currency))
        : null,
    ),
    row(
      tr('costs'),
      s.roi?.ok && s.roi.currency && s.roi.costsMinor !== null
        ? Number(minorToDecimal(s.roi.costsMinor, s.roi.currency))
        : null,
    ),
    row(tr('x.currency'), s.roi?.currency ?? null),
  );
  return out;
}

function indicatorRows(lang: Locale, e: Evidence): CellValue[][] {
  const out: CellValue[][] = [];
  for (const { projectId, framework } of e.frameworks) {
    const project = e.projects.find((p) => p.id === projectId);
    for (const r of framework.results) {
      for (const i of r.indicators) {
        const base = [
          project?.code,
          r.type,
          pick(r.title, lang),
          i.code,
          pick(i.title, lang),
          i.measure,
          i.status.status,
          label(lang, `status.${i.status.status}` as ReportKey),
          i.baseline?.year ?? null,
          i.baseline?.value ?? null,
        ];
        if (i.periods.length === 0) {
          out.push(
            row(...base, null, null, null, null, i.progress.kind === 'ratio' ? i.progress.percent : null),
          );
        }
        for (const p of i.periods) {
          out.push(
            row(
              ...base,
              p.start,
              p.end,
              p.target.value,
              p.actual?.value ?? null,
              p.progress.kind === 'ratio' ? p.progress.percent : null,
            ),
          );
        }
      }
    }
  }
  return out;
}

function surveyRows(lang: Locale, e: Evidence): CellValue[][] {
  return e.surveys.map(({ projectId, analytics: a }) =>
    row(
      e.projects.find((p) => p.id === projectId)?.code,
      pick(a.survey.title, lang),
      a.survey.level,
      a.survey.testPhase,
      a.survey.cohortName,
      a.counts.invited,
      a.counts.responded,
      a.counts.responseRate,
      a.counts.responses,
      a.questions.find((q) => q.nps)?.nps?.score ?? null,
      a.scales[0]?.alpha ?? null,
      a.survey.testPhase === 'post' ? (a.gain?.classGain ?? null) : null,
      a.survey.testPhase === 'post' ? (a.gain?.meanIndividualGain ?? null) : null,
      a.application?.applicationRate ?? null,
      a.roi?.ok ? a.roi.roiPercent : null,
    ),
  );
}

function itemRows(lang: Locale, e: Evidence): CellValue[][] {
  const out: CellValue[][] = [];
  for (const { projectId, analytics: a } of e.surveys) {
    const code = e.projects.find((p) => p.id === projectId)?.code;
    for (const q of a.questions) {
      const n = q.likert?.n ?? q.nps?.n ?? q.number?.n ?? q.answered;
      const mean = q.likert?.mean ?? q.number?.mean ?? null;
      const sd = q.likert?.sd ?? q.number?.sd ?? null;
      const counts = q.likert?.counts ?? q.nps?.counts ?? q.choices?.map((c) => c.count) ?? null;
      out.push(
        row(
          code,
          pick(a.survey.title, lang),
          pick(q.text, lang),
          q.type,
          q.reverseCoded ? 1 : 0,
          n,
          mean,
          sd,
          q.likert?.alignedMean ?? null,
          q.nps?.score ?? null,
          q.nps?.promoterPercent ?? null,
          q.nps?.detractorPercent ?? null,
          q.percentCorrect,
          counts ? counts.join(' | ') : null,
        ),
      );
    }
  }
  return out;
}

function scaleRows(lang: Locale, e: Evidence): CellValue[][] {
  const out: CellValue[][] = [];
  for (const { projectId, analytics: a } of e.surveys) {
    for (const s of a.scales) {
      out.push(
        row(
          e.projects.find((p) => p.id === projectId)?.code,
          pick(a.survey.title, lang),
          s.key,
          s.k,
          s.n,
          s.excluded,
          s.alpha,
          s.standardizedAlpha,
          s.acceptable === null ? null : s.acceptable ? 1 : 0,
          s.reason,
        ),
      );
    }
  }
  return out;
}

function gainRows(lang: Locale, e: Evidence): CellValue[][] {
  const out: CellValue[][] = [];
  for (const { projectId, analytics: a } of e.surveys) {
    if (!a.gain || a.survey.testPhase !== 'post') {
      continue;
    }
    for (const p of a.gain.participants ?? []) {
      out.push(
        row(
          e.projects.find((x) => x.id === projectId)?.code,
          pick(a.gain.preTest.title, lang),
          pick(a.gain.postTest.title, lang),
          p.name,
          p.pre,
          p.post,
          p.g,
          p.band,
          p.reason,
        ),
      );
    }
  }
  return out;
}

function sheetsOf(lang: Locale, e: Evidence, summary: TEvaluationSummary, personal: boolean): GridSheet[] {
  const tr = (k: ReportKey) => label(lang, k);
  const sheets = [
    sheet(SHEETS.summary, [tr('x.figure'), tr('x.value')], summaryRows(lang, summary), [40, 18]),
    sheet(
      SHEETS.indicators,
      [
        tr('x.project'),
        tr('x.resultType'),
        tr('x.result'),
        tr('x.indicatorCode'),
        tr('indicator'),
        tr('x.measure'),
        tr('x.statusCode'),
        tr('status'),
        tr('x.baselineYear'),
        tr('baseline'),
        tr('x.periodStart'),
        tr('x.periodEnd'),
        tr('target'),
        tr('actual'),
        tr('x.progressPercent'),
      ],
      indicatorRows(lang, e),
      [12, 10, 30, 10, 40, 11, 14, 16, 10, 10, 12, 12, 10, 10, 11],
    ),
    sheet(
      SHEETS.surveys,
      [
        tr('x.project'),
        tr('x.survey'),
        tr('x.level'),
        tr('x.phase'),
        tr('x.cohort'),
        tr('x.invited'),
        tr('x.responded'),
        tr('x.responseRate'),
        tr('surveyResponses'),
        tr('nps'),
        tr('x.alpha'),
        tr('classGain'),
        tr('meanGain'),
        tr('applicationRate'),
        tr('roi'),
      ],
      surveyRows(lang, e),
      [12, 34, 7, 9, 18, 9, 10, 12, 10, 9, 9, 10, 10, 12, 9],
    ),
    sheet(
      SHEETS.items,
      [
        tr('x.project'),
        tr('x.survey'),
        tr('x.question'),
        tr('x.type'),
        tr('reverseCoded'),
        tr('n'),
        tr('mean'),
        tr('sd'),
        `${tr('mean')} (R)`,
        tr('nps'),
        tr('x.promoterPercent'),
        tr('x.detractorPercent'),
        tr('x.percentCorrect'),
        tr('distribution'),
      ],
      itemRows(lang, e),
      [12, 30, 50, 10, 8, 7, 9, 9, 9, 8, 11, 11, 10, 30],
    ),
    sheet(
      SHEETS.scales,
      [
        tr('x.project'),
        tr('x.survey'),
        tr('scale'),
        tr('items'),
        tr('n'),
        tr('x.excluded'),
        tr('x.alpha'),
        tr('x.standardizedAlpha'),
        tr('acceptable'),
        tr('x.reason'),
      ],
      scaleRows(lang, e),
      [12, 30, 16, 8, 8, 12, 10, 12, 10, 20],
    ),
  ];
  if (personal) {
    sheets.push(
      sheet(
        SHEETS.gain,
        [
          tr('x.project'),
          tr('x.preTest'),
          tr('x.postTest'),
          tr('x.participant'),
          tr('x.pre'),
          tr('x.post'),
          tr('x.g'),
          tr('x.band'),
          tr('x.reason'),
        ],
        gainRows(lang, e),
        [12, 26, 26, 28, 10, 10, 9, 9, 16],
      ),
    );
  }
  return sheets;
}

export function renderProjectReportXlsx(r: ProjectReport): Promise<Buffer> {
  const lang = r.languages[0] as Locale;
  return writeCellGrids(sheetsOf(lang, r.evidence, r.summary, r.personalData));
}

export function renderPortfolioReportXlsx(r: PortfolioReport): Promise<Buffer> {
  const lang = r.languages[0] as Locale;
  const tr = (k: ReportKey) => label(lang, k);
  const [summary, ...rest] = sheetsOf(lang, r.evidence, r.summary, r.personalData);
  const projects = sheet(
    SHEETS.projects,
    [
      tr('x.project'),
      tr('x.projectTitle'),
      tr('x.projectStatus'),
      tr('participants'),
      tr('x.completed'),
      tr('indicators'),
      tr('status.achieved'),
      tr('status.on_track'),
      tr('status.at_risk'),
      tr('status.off_track'),
      tr('surveyResponses'),
      tr('nps'),
      tr('classGain'),
      tr('applicationRate'),
      tr('roi'),
    ],
    r.perProject.map(({ project: p, summary: s }) =>
      row(
        p.code,
        pick(p.title, lang),
        p.status,
        s.participants,
        s.completed,
        s.indicators.total,
        s.indicators.byStatus.achieved,
        s.indicators.byStatus.on_track,
        s.indicators.byStatus.at_risk,
        s.indicators.byStatus.off_track,
        s.surveys.responses,
        s.nps?.score ?? null,
        s.gain?.classGain ?? null,
        s.application?.applicationRate ?? null,
        s.roi?.ok ? s.roi.roiPercent : null,
      ),
    ),
    [12, 40, 8, 12, 10, 10, 10, 10, 10, 10, 12, 9, 10, 12, 9],
  );
  return writeCellGrids([summary as GridSheet, projects, ...rest]);
}
