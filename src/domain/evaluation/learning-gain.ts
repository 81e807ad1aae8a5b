/**
 * Hake normalised gain for Kirkpatrick L2 learning (cooperation-and-evaluation.md §4, Hake 1998,
 * Am. J. Phys. 66(1) 64–74): per participant, per cohort as the class gain ⟨g⟩ from class averages
 * and as the mean of individual gains g_avg (two different numbers, both named), bands, and the
 * matching of pre- and post-tests. Scores are percentages (0–100) unless a `max` is given for raw
 * scores (§4: "use max in place of 100"). Pure: no I/O.
 */
import { mean } from './survey-stats.js';

export type GainUndefinedReason = 'pre_at_maximum' | 'score_out_of_range';

export type GainResult = { g: number; reason: null } | { g: null; reason: GainUndefinedReason };

/**
 * g = (post − pre) / (max − pre) (§4, per-student gain g_i; max = 100 for percentages).
 * g is undefined when pre = max (§4): `{ g: null, reason: 'pre_at_maximum' }`; such participants
 * are left out of the mean gain and counted separately. A score outside 0…max gives
 * `score_out_of_range`. g ≤ 1 always; g < 0 when the post-test is lower.
 */
export function normalizedGain(pre: number, post: number, max = 100): GainResult {
  if (!(max > 0) || !Number.isFinite(pre) || !Number.isFinite(post)) {
    return { g: null, reason: 'score_out_of_range' };
  }
  if (pre < 0 || pre > max || post < 0 || post > max) {
    return { g: null, reason: 'score_out_of_range' };
  }
  if (pre === max) {
    return { g: null, reason: 'pre_at_maximum' };
  }
  return { g: (post - pre) / (max - pre), reason: null };
}

export type GainBand = 'low' | 'medium' | 'high';

/**
 * Hake's bands (§4): low < 0.3, medium 0.3 up to (not including) 0.7, high ≥ 0.7. §4 writes
 * "high > 0.7"; Hake 1998 defines high-g as ⟨g⟩ ≥ 0.7 and medium-g as 0.7 > ⟨g⟩ ≥ 0.3, which is the
 * rule used here (it only differs at exactly 0.7). Negative gains are `low`.
 */
export function gainBand(g: number): GainBand {
  if (g >= 0.7) {
    return 'high';
  }
  if (g >= 0.3) {
    return 'medium';
  }
  return 'low';
}

export interface ScoreRecord {
  participantId: string;
  /** Percentage (or raw score out of `max`). */
  score: number;
}

export interface PrePostPair {
  participantId: string;
  pre: number;
  post: number;
}

export interface PrePostMatch {
  pairs: PrePostPair[];
  /** Took the pre-test only (drop-outs: §4 warns that they bias g upward). */
  preOnly: string[];
  /** Took the post-test only. */
  postOnly: string[];
  /** Participants with more than one pre- or post-score: ambiguous, left out of `pairs`. */
  duplicates: string[];
}

/**
 * Pairs each participant's pre-test with their post-test by participant id. Only participants with
 * exactly one of each form a pair (sorted by id); the rest are listed so reports can show drop-out.
 */
export function matchPrePost(pre: readonly ScoreRecord[], post: readonly ScoreRecord[]): PrePostMatch {
  const group = (records: readonly ScoreRecord[]) => {
    const m = new Map<string, number[]>();
    for (const r of records) {
      m.set(r.participantId, [...(m.get(r.participantId) ?? []), r.score]);
    }
    return m;
  };
  const before = group(pre);
  const after = group(post);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const result: PrePostMatch = { pairs: [], preOnly: [], postOnly: [], duplicates: [] };
  for (const id of ids) {
    const b = before.get(id) ?? [];
    const a = after.get(id) ?? [];
    if (b.length > 1 || a.length > 1) {
      result.duplicates.push(id);
    } else if (b.length === 1 && a.length === 1) {
      result.pairs.push({ participantId: id, pre: b[0] ?? 0, post: a[0] ?? 0 });
    } else if (b.length === 1) {
      result.preOnly.push(id);
    } else {
      result.postOnly.push(id);
    }
  }
  return result;
}

export interface ParticipantGain extends PrePostPair {
  g: number | null;
  reason: GainUndefinedReason | null;
  band: GainBand | null;
}

export interface CohortGain {
  /** Pairs counted for the class averages (pairs with scores out of range are left out). */
  n: number;
  preMean: number | null;
  postMean: number | null;
  /** Hake's class gain ⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (max − ⟨pre⟩) from class averages; null when ⟨pre⟩ = max or n = 0. */
  classGain: number | null;
  classGainBand: GainBand | null;
  /** g_avg: the mean of the individual gains g_i of participants whose g is defined. */
  meanIndividualGain: number | null;
  meanIndividualGainBand: GainBand | null;
  /** Participants whose g_i is defined (those counted in g_avg). */
  nIndividual: number;
  /** Participants with pre = max (counted in ⟨g⟩'s averages, left out of g_avg). */
  preAtMaximum: number;
  /** Pairs with a score outside 0…max (left out of everything). */
  outOfRange: number;
  participants: ParticipantGain[];
}

/**
 * Gains of a cohort from matched pre/post pairs (§4). Reports both Hake figures under their own
 * names: `classGain` ⟨g⟩ from the class-average scores (Hake's definition) and
 * `meanIndividualGain` g_avg, the mean of per-participant gains; they generally differ.
 * Participants with pre = max have no individual gain but do count in the class averages.
 */
export function cohortGain(pairs: readonly PrePostPair[], max = 100): CohortGain {
  const participants: ParticipantGain[] = pairs.map((p) => {
    const r = normalizedGain(p.pre, p.post, max);
    return { ...p, g: r.g, reason: r.reason, band: r.g === null ? null : gainBand(r.g) };
  });
  const inRange = participants.filter((p) => p.reason !== 'score_out_of_range');
  const preMean = mean(inRange.map((p) => p.pre));
  const postMean = mean(inRange.map((p) => p.post));
  const classGain =
    preMean === null || postMean === null || preMean >= max ? null : (postMean - preMean) / (max - preMean);
  const individual = participants.flatMap((p) => (p.g === null ? [] : [p.g]));
  const meanIndividualGain = mean(individual);
  return {
    n: inRange.length,
    preMean,
    postMean,
    classGain,
    classGainBand: classGain === null ? null : gainBand(classGain),
    meanIndividualGain,
    meanIndividualGainBand: meanIndividualGain === null ? null : gainBand(meanIndividualGain),
    nIndividual: individual.length,
    preAtMaximum: participants.filter((p) => p.reason === 'pre_at_maximum').length,
    outOfRange: participants.length - inRange.length,
    participants,
  };
}
