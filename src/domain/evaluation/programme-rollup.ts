/**
 * Figures of several surveys (one project's, or a programme's with its sub-projects, or a
 * portfolio's) pooled into one headline figure each, by feeding the pooled counts back into the
 * formulas of this folder; nothing here restates a formula.
 *
 * What pools and what does not:
 * - NPS: the 0–10 answer counts of every recommendation question are added up and scored once
 *   (`netPromoterScore`), so a survey with more respondents weighs more.
 * - Hake class gain ⟨g⟩: class averages are pooled over matched pairs (n-weighted, which is exact
 *   because each cohort's average is over its n pairs), then `normalizedGain(⟨pre⟩, ⟨post⟩)`.
 *   The mean individual gain g_avg is the nIndividual-weighted mean of the cohorts' g_avg, which
 *   equals the mean over all individual gains.
 * - L3 application rate: invited, responded and applied are added up (`applicationRate`).
 * - Phillips ROI: benefits of every benefit survey are added; the costs of each project count once
 *   however many surveys it has (`phillipsRoi`, one currency only).
 * - Cronbach's alpha does not pool: a scale belongs to one instrument. Only the range and how many
 *   scales reach the acceptable level are given; each scale is reported on its own.
 * - Indicators do not pool either (each has its own unit and definition): statuses are counted.
 */
import { type GainBand, gainBand, normalizedGain } from './learning-gain.js';
import { type ApplicationRate, applicationRate, type MoneyAmount, phillipsRoi } from './roi.js';
import { ACCEPTABLE_ALPHA, type NpsResult, netPromoterScore } from './survey-stats.js';

/** NPS from answer counts per score 0…10 of several questions. */
export function pooledNps(countsPerQuestion: readonly (readonly number[])[]): NpsResult | null {
  const answers: number[] = [];
  for (const counts of countsPerQuestion) {
    counts.forEach((c, score) => {
      for (let i = 0; i < c; i++) {
        answers.push(score);
      }
    });
  }
  return answers.length === 0 ? null : netPromoterScore(answers);
}

export interface CohortGainFigures {
  /** Matched pairs counted in the class averages. */
  n: number;
  preMean: number | null;
  postMean: number | null;
  meanIndividualGain: number | null;
  nIndividual: number;
}

export interface PooledGain {
  cohorts: number;
  n: number;
  preMean: number | null;
  postMean: number | null;
  classGain: number | null;
  classGainBand: GainBand | null;
  meanIndividualGain: number | null;
  meanIndividualGainBand: GainBand | null;
  nIndividual: number;
}

function weightedMean(parts: readonly { value: number; weight: number }[]): number | null {
  const weight = parts.reduce((s, p) => s + p.weight, 0);
  return weight === 0 ? null : parts.reduce((s, p) => s + p.value * p.weight, 0) / weight;
}

/** Hake gains of several pre/post pairs of tests (percent scores), pooled. */
export function pooledGain(cohorts: readonly CohortGainFigures[]): PooledGain | null {
  if (cohorts.length === 0) {
    return null;
  }
  const withMeans = cohorts.filter((c) => c.n > 0 && c.preMean !== null && c.postMean !== null);
  const preMean = weightedMean(withMeans.map((c) => ({ value: c.preMean as number, weight: c.n })));
  const postMean = weightedMean(withMeans.map((c) => ({ value: c.postMean as number, weight: c.n })));
  const classGain = preMean === null || postMean === null ? null : normalizedGain(preMean, postMean).g;
  const meanIndividualGain = weightedMean(
    cohorts.flatMap((c) =>
      c.meanIndividualGain === null || c.nIndividual === 0
        ? []
        : [{ value: c.meanIndividualGain, weight: c.nIndividual }],
    ),
  );
  return {
    cohorts: cohorts.length,
    n: withMeans.reduce((s, c) => s + c.n, 0),
    preMean,
    postMean,
    classGain,
    classGainBand: classGain === null ? null : gainBand(classGain),
    meanIndividualGain,
    meanIndividualGainBand: meanIndividualGain === null ? null : gainBand(meanIndividualGain),
    nIndividual: cohorts.reduce((s, c) => s + c.nIndividual, 0),
  };
}

/** L3 application counts of several follow-up surveys, pooled. */
export function pooledApplication(
  surveys: readonly { invited: number; responded: number; applied: number }[],
): ApplicationRate | null {
  if (surveys.length === 0) {
    return null;
  }
  return applicationRate({
    invited: surveys.reduce((s, x) => s + Math.max(x.invited, x.responded), 0),
    responded: surveys.reduce((s, x) => s + x.responded, 0),
    applied: surveys.reduce((s, x) => s + x.applied, 0),
  });
}

/** Phillips ROI over several benefit surveys; each project's costs are counted once. */
export function pooledRoi(
  benefits: readonly MoneyAmount[],
  costsByProject: ReadonlyMap<string, MoneyAmount>,
): ReturnType<typeof phillipsRoi> | null {
  if (benefits.length === 0) {
    return null;
  }
  return phillipsRoi(benefits, [...costsByProject.values()]);
}

export interface AlphaRange {
  scales: number;
  /** Scales whose alpha could be computed. */
  computed: number;
  min: number | null;
  max: number | null;
  /** Scales with alpha ≥ ACCEPTABLE_ALPHA. */
  acceptable: number;
  threshold: number;
}

/** The spread of Cronbach's alpha over several scales (alpha itself does not pool). */
export function alphaRange(alphas: readonly (number | null)[]): AlphaRange | null {
  if (alphas.length === 0) {
    return null;
  }
  const computed = alphas.filter((a): a is number => a !== null);
  return {
    scales: alphas.length,
    computed: computed.length,
    min: computed.length ? Math.min(...computed) : null,
    max: computed.length ? Math.max(...computed) : null,
    acceptable: computed.filter((a) => a >= ACCEPTABLE_ALPHA).length,
    threshold: ACCEPTABLE_ALPHA,
  };
}
