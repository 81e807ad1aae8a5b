/**
 * Survey statistics for Kirkpatrick L1 reaction and L2 knowledge tests (cooperation-and-evaluation.md
 * §4): Likert item statistics (n, mean, SD), reverse coding, Net Promoter Score, Cronbach's alpha
 * per scale (listwise deletion, reverse-coded items, n − 1 variances throughout) and scored
 * knowledge tests. Missing answers are `null`. Pure: no I/O.
 */

export type LikertPoints = 5 | 7;

// ---------------------------------------------------------------------------------------------
// Descriptive helpers
// ---------------------------------------------------------------------------------------------

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Sample variance with the n − 1 estimator (§4, "the same variance estimator throughout"); null for n < 2. */
export function sampleVariance(values: readonly number[]): number | null {
  const n = values.length;
  const m = mean(values);
  if (n < 2 || m === null) {
    return null;
  }
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1);
}

/** Sample standard deviation (n − 1); null for n < 2. */
export function sampleSd(values: readonly number[]): number | null {
  const v = sampleVariance(values);
  return v === null ? null : Math.sqrt(v);
}

// ---------------------------------------------------------------------------------------------
// Likert items (§4, L1: "report n, mean, SD")
// ---------------------------------------------------------------------------------------------

function isLikertValue(value: number, points: LikertPoints): boolean {
  return Number.isInteger(value) && value >= 1 && value <= points;
}

/** Reverse coding of a negatively worded item: 1 ↔ points, 2 ↔ points − 1, … (x → points + 1 − x). */
export function reverseCode(value: number, points: LikertPoints): number {
  if (!isLikertValue(value, points)) {
    throw new RangeError(`not a ${points}-point Likert answer: ${value}`);
  }
  return points + 1 - value;
}

export interface LikertItemStats {
  points: LikertPoints;
  /** Valid answers counted. */
  n: number;
  /** Answers left empty. */
  missing: number;
  /** Answers outside 1…points or not whole numbers (left out; should not happen after validation). */
  invalid: number;
  mean: number | null;
  /** n − 1 standard deviation; null for n < 2. */
  sd: number | null;
  /** counts[i] answers of value i + 1 (index 0 = value 1). */
  counts: number[];
  /** Share of valid answers per value, in percent (0 when n = 0). */
  percents: number[];
}

/**
 * Statistics of one Likert item (§4 L1): n, missing, mean and SD over valid answers, and the
 * distribution. With `reverse` the answers are reverse-coded first, so the mean of a negatively
 * worded item reads in the same direction as the others.
 */
export function likertItemStats(
  answers: readonly (number | null)[],
  points: LikertPoints,
  reverse = false,
): LikertItemStats {
  const counts = Array.from({ length: points }, () => 0);
  const valid: number[] = [];
  let missing = 0;
  let invalid = 0;
  for (const a of answers) {
    if (a === null) {
      missing += 1;
    } else if (!isLikertValue(a, points)) {
      invalid += 1;
    } else {
      const v = reverse ? points + 1 - a : a;
      valid.push(v);
      counts[v - 1] = (counts[v - 1] ?? 0) + 1;
    }
  }
  const n = valid.length;
  return {
    points,
    n,
    missing,
    invalid,
    mean: mean(valid),
    sd: sampleSd(valid),
    counts,
    percents: counts.map((c) => (n === 0 ? 0 : (c * 100) / n)),
  };
}

// ---------------------------------------------------------------------------------------------
// Net Promoter Score (§4)
// ---------------------------------------------------------------------------------------------

export interface NpsResult {
  /** Valid answers (0–10 whole numbers); passives count in the denominator. */
  n: number;
  missing: number;
  invalid: number;
  promoters: number;
  passives: number;
  detractors: number;
  promoterPercent: number | null;
  detractorPercent: number | null;
  /** %promoters − %detractors, −100…100; null when n < 1. */
  score: number | null;
}

/**
 * Net Promoter Score (§4): promoters answer 9–10, passives 7–8, detractors 0–6;
 * NPS = %promoters − %detractors over all valid answers (passives included in the denominator),
 * −100…+100, unrounded. No valid answer → score null.
 */
export function netPromoterScore(answers: readonly (number | null)[]): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let missing = 0;
  let invalid = 0;
  for (const a of answers) {
    if (a === null) {
      missing += 1;
    } else if (!Number.isInteger(a) || a < 0 || a > 10) {
      invalid += 1;
    } else if (a >= 9) {
      promoters += 1;
    } else if (a >= 7) {
      passives += 1;
    } else {
      detractors += 1;
    }
  }
  const n = promoters + passives + detractors;
  const promoterPercent = n < 1 ? null : (promoters * 100) / n;
  const detractorPercent = n < 1 ? null : (detractors * 100) / n;
  return {
    n,
    missing,
    invalid,
    promoters,
    passives,
    detractors,
    promoterPercent,
    detractorPercent,
    score: n < 1 ? null : ((promoters - detractors) * 100) / n,
  };
}

// ---------------------------------------------------------------------------------------------
// Cronbach's alpha (§4)
// ---------------------------------------------------------------------------------------------

export type AlphaUnavailableReason = 'too_few_items' | 'too_few_respondents' | 'zero_total_variance';

export interface ScaleItem {
  id: string;
  /** Negatively worded: reverse-coded before anything is computed. */
  reverse: boolean;
}

export interface ScaleDefinition {
  points: LikertPoints;
  items: readonly ScaleItem[];
}

export interface CronbachAlphaResult {
  /** k/(k−1) · (1 − Σ s²(Yᵢ) / s²(X)); null with `reason` when undefined. */
  alpha: number | null;
  reason: AlphaUnavailableReason | null;
  /** Standardised alpha k·r̄ / (1 + (k−1)·r̄); null when any item has zero variance (r undefined). */
  standardizedAlpha: number | null;
  /** Number of items. */
  k: number;
  /** Respondents kept after listwise deletion. */
  n: number;
  /** Respondents dropped because at least one item was missing or invalid. */
  excluded: number;
  itemVariances: number[];
  totalVariance: number | null;
  /** Alpha of the scale without item i (null where undefined); empty when k < 3. */
  alphaIfItemDeleted: (number | null)[];
}

function alphaFromRows(rows: readonly (readonly number[])[], k: number) {
  const n = rows.length;
  const columns = Array.from({ length: k }, (_, i) => rows.map((r) => r[i] ?? 0));
  const itemVariances = columns.map((c) => sampleVariance(c) ?? 0);
  const totalVariance = sampleVariance(rows.map((r) => r.reduce((s, v) => s + v, 0)));
  let alpha: number | null = null;
  let reason: AlphaUnavailableReason | null = null;
  if (k < 2) {
    reason = 'too_few_items';
  } else if (n < 2 || totalVariance === null) {
    reason = 'too_few_respondents';
  } else if (totalVariance === 0) {
    reason = 'zero_total_variance';
  } else {
    const sumItem = itemVariances.reduce((s, v) => s + v, 0);
    alpha = (k / (k - 1)) * (1 - sumItem / totalVariance);
  }
  return { alpha, reason, itemVariances, totalVariance: n < 2 ? null : totalVariance, columns };
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const mx = mean(x);
  const my = mean(y);
  if (mx === null || my === null) {
    return null;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Cronbach's alpha of a respondents × items matrix (§4):
 * `α = k/(k−1) · (1 − Σᵢ s²(Yᵢ) / s²(X))` with X the row total and n − 1 variances throughout.
 * Rows with any missing (null) or invalid answer are deleted listwise; items flagged in
 * `reverse` are reverse-coded first (requires `points`). Undefined cases return `alpha: null`
 * with a reason: fewer than 2 items, fewer than 2 complete respondents, zero total variance.
 * Also the standardised alpha `k·r̄ / (1 + (k−1)·r̄)` (r̄ = mean inter-item Pearson correlation)
 * and alpha-if-item-deleted.
 */
export function cronbachAlpha(
  matrix: readonly (readonly (number | null)[])[],
  options: { k?: number; reverse?: readonly boolean[]; points?: LikertPoints } = {},
): CronbachAlphaResult {
  const k = options.k ?? matrix[0]?.length ?? 0;
  const reverse = options.reverse ?? [];
  if (reverse.some((r) => r) && options.points === undefined) {
    throw new RangeError('reverse coding needs the number of points');
  }
  const complete: number[][] = [];
  let excluded = 0;
  for (const row of matrix) {
    const values: number[] = [];
    let ok = row.length === k;
    for (let i = 0; ok && i < k; i++) {
      const v = row[i];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        ok = false;
      } else if (reverse[i] && options.points !== undefined) {
        if (!isLikertValue(v, options.points)) {
          ok = false;
        } else {
          values.push(options.points + 1 - v);
        }
      } else {
        values.push(v);
      }
    }
    if (ok) {
      complete.push(values);
    } else {
      excluded += 1;
    }
  }
  const base = alphaFromRows(complete, k);
  let standardizedAlpha: number | null = null;
  if (base.alpha !== null) {
    const rs: (number | null)[] = [];
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        rs.push(pearson(base.columns[i] ?? [], base.columns[j] ?? []));
      }
    }
    const defined = rs.filter((r): r is number => r !== null);
    const rBar = defined.length === rs.length ? mean(defined) : null;
    standardizedAlpha = rBar === null ? null : (k * rBar) / (1 + (k - 1) * rBar);
  }
  const alphaIfItemDeleted =
    k < 3
      ? []
      : Array.from(
          { length: k },
          (_, drop) =>
            alphaFromRows(
              complete.map((r) => r.filter((_, i) => i !== drop)),
              k - 1,
            ).alpha,
        );
  return {
    alpha: base.alpha,
    reason: base.reason,
    standardizedAlpha,
    k,
    n: complete.length,
    excluded,
    itemVariances: base.itemVariances,
    totalVariance: base.totalVariance,
    alphaIfItemDeleted,
  };
}

/**
 * Cronbach's alpha of a defined scale over answer sheets keyed by item id (§4): picks the scale's
 * items in order, reverse-codes the flagged ones, deletes incomplete sheets listwise.
 */
export function scaleAlpha(
  scale: ScaleDefinition,
  responses: readonly Readonly<Record<string, number | null | undefined>>[],
): CronbachAlphaResult {
  const matrix = responses.map((r) => scale.items.map((item) => r[item.id] ?? null));
  return cronbachAlpha(matrix, {
    k: scale.items.length,
    reverse: scale.items.map((i) => i.reverse),
    points: scale.points,
  });
}

/** §4 convention (unverified in the standard): α ≥ 0.7 is acceptable. */
export const ACCEPTABLE_ALPHA = 0.7;

// ---------------------------------------------------------------------------------------------
// Scored knowledge tests (§4 L2: pre/post tests)
// ---------------------------------------------------------------------------------------------

export interface TestQuestion {
  id: string;
  kind: 'single' | 'multiple';
  /** Option ids that are correct (exactly one for `single`). */
  correct: readonly string[];
  /** Points for a correct answer; default 1. */
  points?: number;
}

/** Chosen option ids per question id; null/absent = not answered. */
export type TestAnswers = Readonly<Record<string, readonly string[] | null | undefined>>;

export interface QuestionScore {
  id: string;
  answered: boolean;
  correct: boolean;
  earned: number;
  max: number;
}

export interface TestScore {
  earned: number;
  max: number;
  /** earned / max × 100; null when the test has no points. */
  percent: number | null;
  answered: number;
  questions: QuestionScore[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/**
 * Scores one answer sheet. A question earns its points only when the chosen options equal the
 * correct ones exactly (all-or-nothing, also for multiple choice: no partial credit). An unanswered
 * question earns 0 and still counts in the maximum, so the percentage is of the whole test.
 */
export function scoreTest(questions: readonly TestQuestion[], answers: TestAnswers): TestScore {
  let earned = 0;
  let max = 0;
  let answeredCount = 0;
  const scored = questions.map((q) => {
    const points = q.points ?? 1;
    const chosen = answers[q.id];
    const answered = !!chosen && chosen.length > 0;
    const correct = answered && sameSet(chosen, q.correct);
    max += points;
    if (answered) {
      answeredCount += 1;
    }
    if (correct) {
      earned += points;
    }
    return { id: q.id, answered, correct, earned: correct ? points : 0, max: points };
  });
  return {
    earned,
    max,
    percent: max > 0 ? (earned * 100) / max : null,
    answered: answeredCount,
    questions: scored,
  };
}

export interface QuestionStats {
  id: string;
  /** Answer sheets counted. */
  n: number;
  answered: number;
  missing: number;
  correct: number;
  /** correct / n × 100 (unanswered counts as not correct: the item's difficulty index); null for n = 0. */
  percentCorrect: number | null;
  /** correct / answered × 100; null when nobody answered. */
  percentCorrectOfAnswered: number | null;
}

export interface TestStats {
  n: number;
  questions: QuestionStats[];
  /** Mean total percentage over the sheets; null for n = 0. */
  meanPercent: number | null;
  sdPercent: number | null;
}

/** Per-question and total statistics of a test over many answer sheets (§4 L2). */
export function testStats(questions: readonly TestQuestion[], sheets: readonly TestAnswers[]): TestStats {
  const scores = sheets.map((s) => scoreTest(questions, s));
  const n = scores.length;
  const perQuestion = questions.map((q, i) => {
    let answered = 0;
    let correct = 0;
    for (const s of scores) {
      const qs = s.questions[i];
      answered += qs?.answered ? 1 : 0;
      correct += qs?.correct ? 1 : 0;
    }
    return {
      id: q.id,
      n,
      answered,
      missing: n - answered,
      correct,
      percentCorrect: n === 0 ? null : (correct * 100) / n,
      percentCorrectOfAnswered: answered === 0 ? null : (correct * 100) / answered,
    };
  });
  const percents = scores.flatMap((s) => (s.percent === null ? [] : [s.percent]));
  return { n, questions: perQuestion, meanPercent: mean(percents), sdPercent: sampleSd(percents) };
}
