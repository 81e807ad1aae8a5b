import { Permission } from '../../../contracts/roles.js';
import {
  LIKERT_TYPES,
  type TComparison,
  type TGainAnalytics,
  type TQuestion,
  type TSurveyAnalytics,
  type TSurveyOverview,
} from '../../../contracts/surveys.js';
import { compareGroups, type RespondentMetric } from '../../../domain/evaluation/comparisons.js';
import { cohortGain, matchPrePost } from '../../../domain/evaluation/learning-gain.js';
import {
  applicationRate,
  type MoneyAmount,
  phillipsRoi,
  responseRate,
} from '../../../domain/evaluation/roi.js';
import {
  ACCEPTABLE_ALPHA,
  type LikertPoints,
  likertItemStats,
  mean,
  netPromoterScore,
  reverseCode,
  sampleSd,
  scaleAlpha,
  scoreTest,
  type TestAnswers,
  type TestQuestion,
  testStats,
} from '../../../domain/evaluation/survey-stats.js';
import { currencyExponent } from '../../../domain/projects/money.js';
import { effectiveBudgetTotals, spentTotals } from '../../../domain/projects/project-rules.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import { notFound } from '../../platform/errors.js';
import { presentQuestion } from './surveys.presenter.js';
import * as repo from './surveys.repository.js';

type Texts = Record<string, string>;
type Sheet = repo.ResponseWithAnswers;

interface Value {
  number: number | null;
  text: string | null;
  choices: string[] | null;
}

/** Answer values of a sheet by question id. */
function valuesOf(sheet: Sheet): Map<string, Value> {
  return new Map(
    sheet.answers.map((a) => [
      a.questionId,
      {
        number: a.valueNumber === null ? null : Number(a.valueNumber),
        text: a.valueText,
        choices: a.valueChoicesJson === null ? null : parseJson<string[]>(a.valueChoicesJson, []),
      },
    ]),
  );
}

function pointsOf(q: TQuestion): LikertPoints {
  return q.type === 'likert7' ? 7 : 5;
}

function testQuestions(questions: readonly TQuestion[]): TestQuestion[] {
  return questions
    .filter((q) => q.scored)
    .map((q) => ({
      id: q.id,
      kind: q.type === 'multiple' ? 'multiple' : 'single',
      correct: q.correct,
      points: q.points,
    }));
}

function testSheet(values: Map<string, Value>): TestAnswers {
  return Object.fromEntries([...values].map(([id, v]) => [id, v.choices]));
}

/** Percentage score of each named sheet of a scored test (for pre/post matching). */
function scoresOf(questions: readonly TQuestion[], sheets: readonly Sheet[]) {
  const tq = testQuestions(questions);
  return sheets.flatMap((s) => {
    const percent = scoreTest(tq, testSheet(valuesOf(s))).percent;
    return s.participantId && percent !== null
      ? [{ participantId: s.participantId, score: percent, sheet: s }]
      : [];
  });
}

interface Loaded {
  row: repo.SurveyContextRow;
  questions: TQuestion[];
  sheets: Sheet[];
  counts: repo.SurveyCounts;
}

async function loadSurveys(db: Executor, orgId: string, rows: repo.SurveyContextRow[]): Promise<Loaded[]> {
  const ids = rows.map((r) => r.id);
  const [questions, sheets, counts] = await Promise.all([
    repo.questionsOf(db, orgId, ids),
    repo.responsesWithAnswers(db, orgId, ids),
    repo.countsOf(db, orgId, ids),
  ]);
  return rows.map((row) => ({
    row,
    questions: questions.filter((q) => q.surveyId === row.id).map(presentQuestion),
    sheets: sheets.filter((s) => s.surveyId === row.id),
    counts: counts.get(row.id) ?? { invited: 0, responded: 0, responses: 0 },
  }));
}

function countsOut(c: repo.SurveyCounts) {
  const invited = c.invited;
  const responded = Math.min(c.responded, invited);
  return { invited, responded, responseRate: responseRate(responded, invited), responses: c.responses };
}

function questionAnalytics(
  q: TQuestion,
  sheets: readonly Sheet[],
  values: Map<string, Value>[],
  personal: boolean,
) {
  const answers = values.map((v) => v.get(q.id) ?? null);
  const numbers = answers.map((a) => a?.number ?? null);
  const answered = answers.filter((a) => a !== null).length;
  const out: TSurveyAnalytics['questions'][number] = {
    id: q.id,
    type: q.type,
    text: q.text,
    purpose: q.purpose,
    reverseCoded: q.reverseCoded,
    scaleKey: q.scaleKey,
    scored: q.scored,
    answered,
    likert: null,
    nps: null,
    choices: null,
    number: null,
    texts: null,
    percentCorrect: null,
  };
  if (LIKERT_TYPES.includes(q.type)) {
    const raw = likertItemStats(numbers, pointsOf(q));
    const aligned = q.reverseCoded ? likertItemStats(numbers, pointsOf(q), true) : raw;
    out.likert = {
      points: raw.points,
      n: raw.n,
      missing: raw.missing,
      mean: raw.mean,
      sd: raw.sd,
      alignedMean: aligned.mean,
      counts: raw.counts,
      percents: raw.percents,
    };
  } else if (q.type === 'nps') {
    const counts = Array.from({ length: 11 }, () => 0);
    for (const n of numbers) {
      if (n !== null && Number.isInteger(n) && n >= 0 && n <= 10) {
        counts[n] = (counts[n] ?? 0) + 1;
      }
    }
    const r = netPromoterScore(numbers);
    out.nps = {
      n: r.n,
      missing: r.missing,
      promoters: r.promoters,
      passives: r.passives,
      detractors: r.detractors,
      promoterPercent: r.promoterPercent,
      detractorPercent: r.detractorPercent,
      score: r.score,
      counts,
    };
  } else if (q.type === 'single' || q.type === 'multiple') {
    const chosenSheets = answers.filter((a) => a?.choices && a.choices.length > 0);
    out.choices = q.options.map((o) => {
      const count = chosenSheets.filter((a) => a?.choices?.includes(o.key)).length;
      return {
        key: o.key,
        label: o.label,
        count,
        percent: chosenSheets.length === 0 ? null : (count * 100) / chosenSheets.length,
        correct: q.scored
          ? q.correct.includes(o.key)
          : q.purpose === 'application' && q.applied.includes(o.key),
      };
    });
  } else if (q.type === 'number') {
    const valid = numbers.filter((n): n is number => n !== null);
    out.number = {
      n: valid.length,
      mean: mean(valid),
      sd: sampleSd(valid),
      min: valid.length ? Math.min(...valid) : null,
      max: valid.length ? Math.max(...valid) : null,
      sum: valid.reduce((s, v) => s + v, 0),
    };
  } else if (q.type === 'text') {
    out.texts = personal ? answers.flatMap((a) => (a?.text ? [a.text] : [])) : null;
  }
  void sheets;
  return out;
}

async function projectCosts(db: Executor, orgId: string, projectId: string) {
  const [transactions, budgets] = await Promise.all([
    db
      .selectFrom('projectTransactions')
      .select(['type', 'valueMinor', 'currency'])
      .where('organizationId', '=', orgId)
      .where('projectId', '=', projectId)
      .execute(),
    db
      .selectFrom('projectBudgets')
      .select(['type', 'periodStart', 'periodEnd', 'valueMinor', 'currency'])
      .where('organizationId', '=', orgId)
      .where('projectId', '=', projectId)
      .execute(),
  ]);
  const spent = spentTotals(
    transactions.map((t) => ({
      type: t.type as never,
      valueMinor: Number(t.valueMinor),
      currency: t.currency,
    })),
  );
  if (spent.some((s) => s.valueMinor > 0)) {
    return { source: 'spending' as const, totals: spent };
  }
  const budget = effectiveBudgetTotals(
    budgets.map((b) => ({ ...b, type: b.type as never, valueMinor: Number(b.valueMinor) })),
  );
  return { source: 'budget' as const, totals: budget };
}

async function roiOf(db: Executor, orgId: string, s: Loaded, values: Map<string, Value>[]) {
  const benefitQuestions = s.questions.filter((q) => q.purpose === 'benefit' && q.currency);
  const empty = {
    currency: null,
    benefitsMinor: null,
    costsMinor: null,
    netBenefitsMinor: null,
    benefitCostRatio: null,
    roiPercent: null,
    costsSource: null,
  };
  if (benefitQuestions.length === 0) {
    return { ok: false, problem: 'no_benefit_question', ...empty };
  }
  if (!s.row.projectId) {
    return { ok: false, problem: 'no_project', ...empty };
  }
  const benefits: MoneyAmount[] = [];
  for (const q of benefitQuestions) {
    const currency = q.currency ?? '';
    for (const v of values) {
      const n = v.get(q.id)?.number;
      if (n !== null && n !== undefined) {
        benefits.push({ amountMinor: Math.round(n * 10 ** currencyExponent(currency)), currency });
      }
    }
  }
  const costs = await projectCosts(db, orgId, s.row.projectId);
  const r = phillipsRoi(
    benefits,
    costs.totals.map((t) => ({ amountMinor: t.valueMinor, currency: t.currency })),
  );
  if (!r.ok) {
    return { ok: false, problem: r.code, ...empty, costsSource: costs.source };
  }
  return {
    ok: true,
    problem: null,
    currency: r.currency,
    benefitsMinor: r.benefitsMinor,
    costsMinor: r.costsMinor,
    netBenefitsMinor: r.netBenefitsMinor,
    benefitCostRatio: r.benefitCostRatio,
    roiPercent: r.roiPercent,
    costsSource: costs.source,
  };
}

/** The pre- and post-test pair a survey belongs to, if both exist. */
async function pairOf(db: Executor, orgId: string, row: repo.SurveyContextRow) {
  if (row.level !== 'L2' || !row.testPhase) {
    return null;
  }
  if (row.testPhase === 'post') {
    const pre = row.preTestId ? await repo.getSurveyWithContext(db, orgId, row.preTestId) : undefined;
    return pre ? { pre, post: row } : null;
  }
  const postId = await db
    .selectFrom('surveys')
    .select('id')
    .where('organizationId', '=', orgId)
    .where('preTestId', '=', row.id)
    .orderBy('createdAt')
    .executeTakeFirst();
  const post = postId ? await repo.getSurveyWithContext(db, orgId, postId.id) : undefined;
  return post ? { pre: row, post } : null;
}

function gainOf(pre: Loaded, post: Loaded, personal: boolean): TGainAnalytics {
  const preScores = scoresOf(pre.questions, pre.sheets);
  const postScores = scoresOf(post.questions, post.sheets);
  const match = matchPrePost(preScores, postScores);
  const g = cohortGain(match.pairs);
  const names = new Map([...preScores, ...postScores].map((s) => [s.participantId, s.sheet.nameLatin ?? '']));
  const bands = { low: 0, medium: 0, high: 0 };
  for (const p of g.participants) {
    if (p.band) {
      bands[p.band]++;
    }
  }
  return {
    preTest: { id: pre.row.id, title: parseJson<Texts>(pre.row.titleJson, {}) },
    postTest: { id: post.row.id, title: parseJson<Texts>(post.row.titleJson, {}) },
    n: g.n,
    preMean: g.preMean,
    postMean: g.postMean,
    classGain: g.classGain,
    classGainBand: g.classGainBand,
    meanIndividualGain: g.meanIndividualGain,
    meanIndividualGainBand: g.meanIndividualGainBand,
    nIndividual: g.nIndividual,
    preAtMaximum: g.preAtMaximum,
    preOnly: match.preOnly.length,
    postOnly: match.postOnly.length,
    participants: personal
      ? g.participants.map((p) => ({
          participantId: p.participantId,
          name: names.get(p.participantId) ?? '',
          pre: p.pre,
          post: p.post,
          g: p.g,
          band: p.band,
          reason: p.reason,
        }))
      : null,
    bands,
  };
}

async function analyticsOf(
  db: Executor,
  orgId: string,
  s: Loaded,
  personal: boolean,
): Promise<TSurveyAnalytics> {
  const values = s.sheets.map(valuesOf);
  const questions = s.questions.map((q) => questionAnalytics(q, s.sheets, values, personal));

  const scaleKeys = [
    ...new Set(s.questions.filter((q) => q.scaleKey && LIKERT_TYPES.includes(q.type)).map((q) => q.scaleKey)),
  ];
  const records = values.map((v) => Object.fromEntries([...v].map(([id, x]) => [id, x.number])));
  const scales = scaleKeys.map((key) => {
    const items = s.questions.filter((q) => q.scaleKey === key);
    const points = pointsOf(items[0] as TQuestion);
    const r = scaleAlpha(
      { points, items: items.map((q) => ({ id: q.id, reverse: q.reverseCoded })) },
      records,
    );
    return {
      key,
      points,
      questionIds: items.map((q) => q.id),
      alpha: r.alpha,
      reason: r.reason,
      standardizedAlpha: r.standardizedAlpha,
      k: r.k,
      n: r.n,
      excluded: r.excluded,
      alphaIfItemDeleted: r.alphaIfItemDeleted,
      acceptable: r.alpha === null ? null : r.alpha >= ACCEPTABLE_ALPHA,
    };
  });

  const tq = testQuestions(s.questions);
  let test: TSurveyAnalytics['test'] = null;
  if (tq.length > 0) {
    const stats = testStats(tq, values.map(testSheet));
    for (const qs of stats.questions) {
      const q = questions.find((x) => x.id === qs.id);
      if (q) {
        q.percentCorrect = qs.percentCorrect;
      }
    }
    test = {
      n: stats.n,
      meanPercent: stats.meanPercent,
      sdPercent: stats.sdPercent,
      maxPoints: tq.reduce((sum, q) => sum + (q.points ?? 1), 0),
    };
  }

  let gain: TGainAnalytics | null = null;
  const pair = await pairOf(db, orgId, s.row);
  if (pair) {
    const other = await loadSurveys(db, orgId, [pair.pre.id === s.row.id ? pair.post : pair.pre]);
    const otherLoaded = other[0] as Loaded;
    gain = pair.pre.id === s.row.id ? gainOf(s, otherLoaded, personal) : gainOf(otherLoaded, s, personal);
  }

  let application: TSurveyAnalytics['application'] = null;
  const appQuestion = s.questions.find((q) => q.purpose === 'application');
  if (appQuestion) {
    const chosen = values.flatMap((v) => {
      const c = v.get(appQuestion.id)?.choices;
      return c && c.length > 0 ? [c] : [];
    });
    const responded = chosen.length;
    const applied = chosen.filter((c) => c.some((k) => appQuestion.applied.includes(k))).length;
    application = applicationRate({ invited: Math.max(s.counts.invited, responded), responded, applied });
  }

  const roi = s.questions.some((q) => q.purpose === 'benefit') ? await roiOf(db, orgId, s, values) : null;

  return {
    survey: {
      id: s.row.id,
      level: s.row.level,
      testPhase: s.row.testPhase,
      title: parseJson<Texts>(s.row.titleJson, {}),
      anonymous: toBool(s.row.anonymous),
      cohortName: s.row.cohortName ?? null,
      status: s.row.status,
    },
    counts: countsOut(s.counts),
    questions,
    scales,
    test,
    gain,
    application,
    roi: roi as TSurveyAnalytics['roi'],
  };
}

/**
 * Everything the results page shows for one survey, computed on read from the answers with the
 * domain formulas (§4). Personal data (free-text answers, per-participant gains with names) only
 * with survey.results_read.
 */
export async function surveyAnalytics(ctx: ServiceContext, id: string): Promise<TSurveyAnalytics> {
  requirePermission(ctx, Permission.SurveyRead);
  const orgId = ctx.actor.organizationId;
  const row = await repo.getSurveyWithContext(ctx.deps.db, orgId, id);
  if (!row) {
    throw notFound('Survey');
  }
  const [loaded] = await loadSurveys(ctx.deps.db, orgId, [row]);
  return analyticsOf(ctx.deps.db, orgId, loaded as Loaded, can(ctx, Permission.SurveyResultsRead));
}

/** Headline figures of every survey of a project or cohort. */
export async function surveyOverview(
  ctx: ServiceContext,
  q: { projectId?: string; cohortId?: string },
): Promise<TSurveyOverview> {
  requirePermission(ctx, Permission.SurveyRead);
  const orgId = ctx.actor.organizationId;
  const rows = await repo.listSurveysWithContext(ctx.deps.db, orgId, q);
  const loaded = await loadSurveys(ctx.deps.db, orgId, rows);
  const data = [];
  for (const s of loaded) {
    const a = await analyticsOf(ctx.deps.db, orgId, s, false);
    data.push({
      id: s.row.id,
      title: a.survey.title,
      level: a.survey.level,
      testPhase: a.survey.testPhase,
      status: a.survey.status,
      cohortName: a.survey.cohortName,
      counts: a.counts,
      nps: a.questions.find((x) => x.nps)?.nps?.score ?? null,
      alpha: a.scales[0]?.alpha ?? null,
      classGain: a.gain?.classGain ?? null,
      meanIndividualGain: a.gain?.meanIndividualGain ?? null,
      applicationRate: a.application?.applicationRate ?? null,
      roiPercent: a.roi?.roiPercent ?? null,
      benefitCostRatio: a.roi?.benefitCostRatio ?? null,
    });
  }
  return { data };
}

/** 0–100 reaction score of a sheet: its Likert answers, reverse-coded, as a share of the scale. */
function reactionScore(questions: readonly TQuestion[], values: Map<string, Value>): number | null {
  const parts: number[] = [];
  for (const q of questions) {
    const n = values.get(q.id)?.number;
    if (!LIKERT_TYPES.includes(q.type) || n === null || n === undefined) {
      continue;
    }
    const points = pointsOf(q);
    const aligned = q.reverseCoded ? reverseCode(n, points) : n;
    parts.push(((aligned - 1) * 100) / (points - 1));
  }
  return mean(parts);
}

function yearOf(row: repo.SurveyContextRow, submittedAt: string): number | null {
  const source = row.cohortEndsOn ?? submittedAt;
  const y = Number(source.slice(0, 4));
  return Number.isInteger(y) && y > 1900 ? y : null;
}

/**
 * A metric per respondent compared across cohorts, countries, years or genders, with small groups
 * suppressed (comparisons.ts). Country and gender come only from named surveys.
 */
export async function compareSurveys(
  ctx: ServiceContext,
  q: {
    metric: 'reaction' | 'post_score' | 'gain';
    dimension: 'cohort' | 'country' | 'year' | 'gender';
    projectId?: string;
  },
): Promise<TComparison> {
  requirePermission(ctx, Permission.SurveyRead);
  const orgId = ctx.actor.organizationId;
  const levels = q.metric === 'reaction' ? ['L1'] : ['L2'];
  const rows = (
    await repo.listSurveysWithContext(ctx.deps.db, orgId, { projectId: q.projectId, levels })
  ).filter((r) => q.metric === 'reaction' || r.testPhase === 'post');
  const loaded = await loadSurveys(ctx.deps.db, orgId, rows);
  const records: RespondentMetric[] = [];
  for (const s of loaded) {
    const meta = (sheet: Sheet) => ({
      cohort: s.row.cohortName ?? null,
      country: sheet.country ?? null,
      gender: sheet.gender ?? null,
      year: yearOf(s.row, sheet.submittedAt),
    });
    if (q.metric === 'reaction') {
      for (const sheet of s.sheets) {
        records.push({ ...meta(sheet), value: reactionScore(s.questions, valuesOf(sheet)) });
      }
    } else if (q.metric === 'post_score') {
      for (const x of scoresOf(s.questions, s.sheets)) {
        records.push({ ...meta(x.sheet), value: x.score });
      }
    } else {
      const pair = await pairOf(ctx.deps.db, orgId, s.row);
      if (!pair) {
        continue;
      }
      const [pre] = await loadSurveys(ctx.deps.db, orgId, [pair.pre]);
      const g = gainOf(pre as Loaded, s, true);
      const sheets = new Map(s.sheets.flatMap((x) => (x.participantId ? [[x.participantId, x]] : [])));
      for (const p of g.participants ?? []) {
        const sheet = sheets.get(p.participantId);
        if (sheet) {
          records.push({ ...meta(sheet), value: p.g });
        }
      }
    }
  }
  const c = compareGroups(records, q.dimension);
  return { metric: q.metric, dimension: q.dimension, ...c };
}
