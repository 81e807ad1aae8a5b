/**
 * Matching talent profiles to a demand posting: hard filters, relevance, explainable score,
 * deterministic ranking (scoring.ts has the rules and the formula).
 *
 * Three entry points return the same result for the same data:
 * - `matchCandidates(posting, profiles, options)`: one posting, a linear scan (the reference).
 * - `buildTalentIndex(profiles)` + `matchWithIndex(index, posting, options)`: for many postings over
 *   a large pool. The index maps each skill key and each ISCO-08 minor group to the profiles holding
 *   it, so only relevant profiles are visited (a profile sharing no skill and no minor group with
 *   the posting is never looked at); it keeps the hard-filter inputs in typed columns (consent and
 *   availability as day numbers, countries as bit sets, a CEFR rank array per language), so a filter
 *   check is a few array reads; scoring is numbers only, the best `limit` are kept in a bounded heap
 *   (O(n log limit)), and reasons are computed for those alone. Country and language lists are not
 *   intersected up front: every relevant profile has to be visited anyway to count exclusions by
 *   reason, and the column check costs about as much as a list step. The index holds scratch
 *   space, so one index serves one matching at a time (JavaScript runs it synchronously).
 * - `naiveMatchAll(postings, profiles, options)`: every pair scored, every list fully sorted; the
 *   bench's floor.
 *
 * Ranking: score descending, then the components in SCORE_COMPONENTS order (required skills first)
 * descending, then profile id ascending (code-unit order), so equal inputs always rank alike.
 *
 * Exclusions: `excluded` lists the relevant profiles that failed a hard filter, with every reason,
 * for the college's coordinator. A caller serving an enterprise must pass `exclusions: 'counts'` (or
 * drop the list): an enterprise may learn how many were filtered out and why, never who.
 */

import { cefrRank } from './scales.js';
import {
  type ComponentCents,
  type ComponentScores,
  type ComponentWeights,
  centsToComponents,
  EXCLUSION_CODES,
  type ExclusionCode,
  type ExclusionReason,
  exclusionMask,
  exclusionReasons,
  explainPrepared,
  isRelevant,
  newComponentCents,
  type PreparedPosting,
  type PreparedProfile,
  preparePosting,
  prepareProfile,
  type ScoreReason,
  scoreInto,
} from './scoring.js';
import { TopK } from './top-k.js';
import type { DemandPosting, TalentProfile } from './types.js';
import { TalentInputError } from './validation.js';

export interface MatchOptions {
  /** 'YYYY-MM-DD': consent given after today does not count yet. */
  today: string;
  /** How many candidates to return (top-N), a whole number ≥ 0. */
  limit: number;
  weights?: Partial<ComponentWeights>;
  /**
   * 'list' (default): excluded profiles with their reasons (coordinators only);
   * 'counts': only the number per reason (what an enterprise may see).
   */
  exclusions?: 'list' | 'counts';
}

export interface CandidateMatch {
  profileId: string;
  /** 0..100, hundredths; the sum of `components`. */
  score: number;
  components: ComponentScores;
  reasons: ScoreReason[];
}

export interface ExcludedProfile {
  profileId: string;
  reasons: ExclusionReason[];
}

export interface MatchResult {
  postingId: string;
  /** Best first, at most `limit`. */
  candidates: CandidateMatch[];
  /** Relevant profiles that passed every hard filter (the candidates are the best of these). */
  eligibleCount: number;
  /** Relevant profiles that failed a hard filter. */
  excludedCount: number;
  /** Per reason, how many excluded profiles have it (a profile can have several). */
  excludedByReason: Record<ExclusionCode, number>;
  /** With `exclusions: 'list'`: the excluded profiles by id, each with every reason. */
  excluded?: ExcludedProfile[];
  /** Profiles sharing no skill and no ISCO-08 minor group with the posting. */
  notRelevantCount: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkOptions(options: MatchOptions): void {
  if (!DATE.test(options.today)) {
    throw new RangeError(`today must be 'YYYY-MM-DD', got ${options.today}`);
  }
  if (!Number.isInteger(options.limit) || options.limit < 0) {
    throw new RangeError(`limit must be a whole number ≥ 0, got ${options.limit}`);
  }
}

function emptyCounts(): Record<ExclusionCode, number> {
  const counts = {} as Record<ExclusionCode, number>;
  for (const code of EXCLUSION_CODES) {
    counts[code] = 0;
  }
  return counts;
}

interface Ranked {
  profile: PreparedProfile;
  total: number;
  cents: ComponentCents;
}

/** True when a ranks before b: score, then components in order, then id. */
export function ranksBefore(a: Ranked, b: Ranked): boolean {
  if (a.total !== b.total) {
    return a.total > b.total;
  }
  for (let i = 0; i < a.cents.length; i++) {
    const x = a.cents[i] ?? 0;
    const y = b.cents[i] ?? 0;
    if (x !== y) {
      return x > y;
    }
  }
  return a.profile.id < b.profile.id;
}

function toCandidate(r: Ranked, q: PreparedPosting): CandidateMatch {
  const explained = explainPrepared(r.profile, q);
  return {
    profileId: r.profile.id,
    score: r.total / 100,
    components: centsToComponents(r.cents),
    reasons: explained.reasons,
  };
}

function uniqueIds(prepared: readonly PreparedProfile[]): void {
  const seen = new Set<string>();
  for (const p of prepared) {
    if (seen.has(p.id)) {
      throw new TalentInputError(`profile ${p.id}`, [{ path: 'id', code: 'duplicate_id' }]);
    }
    seen.add(p.id);
  }
}

/** Accumulates filter outcomes the same way for every entry point. */
class Tally {
  eligible = 0;
  excludedCount = 0;
  readonly byReason = emptyCounts();
  readonly list: ExcludedProfile[] | null;

  constructor(mode: 'list' | 'counts') {
    this.list = mode === 'list' ? [] : null;
  }

  /** Records a profile that failed a hard filter (`mask` from exclusionMask, non-zero). */
  exclude(p: PreparedProfile, q: PreparedPosting, today: string, mask: number): void {
    this.excludedCount += 1;
    for (let bit = 0; bit < EXCLUSION_CODES.length; bit++) {
      if (mask & (1 << bit)) {
        this.byReason[EXCLUSION_CODES[bit] as ExclusionCode] += 1;
      }
    }
    this.list?.push({ profileId: p.id, reasons: exclusionReasons(p, q, today) });
  }

  result(postingId: string, candidates: CandidateMatch[], notRelevant: number): MatchResult {
    const result: MatchResult = {
      postingId,
      candidates,
      eligibleCount: this.eligible,
      excludedCount: this.excludedCount,
      excludedByReason: this.byReason,
      notRelevantCount: notRelevant,
    };
    if (this.list) {
      result.excluded = this.list.sort((a, b) =>
        a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0,
      );
    }
    return result;
  }
}

/**
 * Scan with a full sort: the reference semantics, shared by matchCandidates and naiveMatchAll.
 * With `scoreEveryPair` (the bench floor) every profile is scored before relevance and filters are
 * looked at, as a naive implementation would; the result is the same either way.
 */
function scanAndSort(
  prepared: readonly PreparedProfile[],
  q: PreparedPosting,
  options: MatchOptions,
  scoreEveryPair = false,
): MatchResult {
  const tally = new Tally(options.exclusions ?? 'list');
  const scored: Ranked[] = [];
  let notRelevant = 0;
  for (const p of prepared) {
    let cents: ComponentCents | null = null;
    let total = 0;
    if (scoreEveryPair) {
      cents = newComponentCents();
      total = scoreInto(p, q, cents);
    }
    if (!isRelevant(p, q)) {
      notRelevant += 1;
      continue;
    }
    const mask = exclusionMask(p, q, options.today);
    if (mask !== 0) {
      tally.exclude(p, q, options.today, mask);
      continue;
    }
    tally.eligible += 1;
    if (cents === null) {
      cents = newComponentCents();
      total = scoreInto(p, q, cents);
    }
    scored.push({ profile: p, total, cents });
  }
  scored.sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
  const top = scored.slice(0, options.limit).map((r) => toCandidate(r, q));
  return tally.result(q.id, top, notRelevant);
}

/** Matches one posting against a list of profiles (linear scan, full sort). */
export function matchCandidates(
  posting: DemandPosting,
  profiles: readonly TalentProfile[],
  options: MatchOptions,
): MatchResult {
  checkOptions(options);
  const q = preparePosting(posting, options.weights);
  const prepared = profiles.map(prepareProfile);
  uniqueIds(prepared);
  return scanAndSort(prepared, q, options);
}

/**
 * The bench floor: every posting against every profile, every pair scored, every list fully sorted.
 * Given an index, it uses only the index's prepared profiles (so a bench times the matching alone,
 * not the preparation both share).
 */
export function naiveMatchAll(
  postings: readonly DemandPosting[],
  pool: readonly TalentProfile[] | Pick<TalentIndex, 'profiles'>,
  options: MatchOptions,
): MatchResult[] {
  checkOptions(options);
  let prepared: readonly PreparedProfile[];
  if (Array.isArray(pool)) {
    prepared = (pool as readonly TalentProfile[]).map(prepareProfile);
    uniqueIds(prepared);
  } else {
    prepared = (pool as Pick<TalentIndex, 'profiles'>).profiles;
  }
  return postings.map((posting) =>
    scanAndSort(prepared, preparePosting(posting, options.weights), options, true),
  );
}

// ---------------------------------------------------------------------------------------------
// The index.

/**
 * The hard-filter inputs of every profile as typed arrays (one slot per profile position), so the
 * index checks filters with a few array reads instead of map and set lookups.
 */
interface FilterColumns {
  /** 0 given, 1 not given, 2 withdrawn. */
  readonly consent: Uint8Array;
  /** givenOn as YYYYMMDD (0 when not given). */
  readonly consentDay: Int32Array;
  /** availableFrom as YYYYMMDD. */
  readonly availableDay: Int32Array;
  /** 1 when the profile accepts any country. */
  readonly anyCountry: Uint8Array;
  /** Country code → bit number in `countryBits`. */
  readonly countryIds: ReadonlyMap<string, number>;
  /** `countryWords` 32-bit words per profile. */
  readonly countryBits: Uint32Array;
  readonly countryWords: number;
  /** Language code → CEFR rank per profile (0 = does not speak it). */
  readonly languageRank: ReadonlyMap<string, Uint8Array>;
}

export interface TalentIndex {
  readonly profiles: readonly PreparedProfile[];
  /** skillKey → positions in `profiles` of the profiles holding the skill (any level), ascending. */
  readonly bySkill: ReadonlyMap<string, Int32Array>;
  /** ISCO-08 minor group → positions, ascending. */
  readonly byMinorGroup: ReadonlyMap<string, Int32Array>;
  readonly columns: FilterColumns;
  /** Scratch marks for de-duplicating candidates; one slot per profile. */
  readonly marks: Uint32Array;
  /** Mutable epoch for `marks`. */
  epoch: { value: number };
}

function freeze(map: Map<string, number[]>): Map<string, Int32Array> {
  const out = new Map<string, Int32Array>();
  for (const [key, list] of map) {
    out.set(key, Int32Array.from(list));
  }
  return out;
}

/** 'YYYY-MM-DD' → YYYYMMDD, which orders like the text. */
function dayNumber(date: string): number {
  return Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
}

function buildColumns(prepared: readonly PreparedProfile[]): FilterColumns {
  const n = prepared.length;
  const countryIds = new Map<string, number>();
  for (const p of prepared) {
    for (const c of p.countries) {
      if (c !== 'any' && !countryIds.has(c)) {
        countryIds.set(c, countryIds.size);
      }
    }
  }
  const countryWords = Math.max(1, Math.ceil(countryIds.size / 32));
  const columns = {
    consent: new Uint8Array(n),
    consentDay: new Int32Array(n),
    availableDay: new Int32Array(n),
    anyCountry: new Uint8Array(n),
    countryIds,
    countryBits: new Uint32Array(n * countryWords),
    countryWords,
    languageRank: new Map<string, Uint8Array>(),
  };
  prepared.forEach((p, i) => {
    if (p.consentWithdrawn) {
      columns.consent[i] = 2;
    } else if (!p.consentGiven || p.consentGivenOn === null) {
      columns.consent[i] = 1;
    } else {
      columns.consentDay[i] = dayNumber(p.consentGivenOn);
    }
    columns.availableDay[i] = dayNumber(p.availableFrom);
    columns.anyCountry[i] = p.anyCountry ? 1 : 0;
    for (const c of p.countries) {
      const id = countryIds.get(c);
      if (id !== undefined) {
        const word = i * countryWords + (id >>> 5);
        columns.countryBits[word] = ((columns.countryBits[word] ?? 0) | (1 << (id & 31))) >>> 0;
      }
    }
    for (const [code, cefr] of p.languages) {
      let ranks = columns.languageRank.get(code);
      if (!ranks) {
        ranks = new Uint8Array(n);
        columns.languageRank.set(code, ranks);
      }
      ranks[i] = cefrRank(cefr);
    }
  });
  return columns;
}

/** The posting's side of the filters, resolved against the columns once per posting. */
interface FilterQuery {
  todayDay: number;
  startDay: number;
  /** -1 when no profile names the country (then only 'any' passes). */
  countryId: number;
  languages: { ranks: Uint8Array | undefined; minRank: number }[];
}

function filterQuery(c: FilterColumns, q: PreparedPosting, today: string): FilterQuery {
  return {
    todayDay: dayNumber(today),
    startDay: dayNumber(q.startDate),
    countryId: c.countryIds.get(q.country) ?? -1,
    languages: q.requiredLanguages.map((l) => ({ ranks: c.languageRank.get(l.code), minRank: l.minRank })),
  };
}

/** The same bits as `exclusionMask`, from the columns. */
function columnMask(c: FilterColumns, f: FilterQuery, i: number): number {
  let mask = 0;
  const consent = c.consent[i];
  if (consent === 2) {
    mask |= 1 << 1;
  } else if (consent === 1 || (c.consentDay[i] as number) > f.todayDay) {
    mask |= 1 << 0;
  }
  if (c.anyCountry[i] === 0) {
    const id = f.countryId;
    if (id < 0 || ((c.countryBits[i * c.countryWords + (id >>> 5)] as number) & (1 << (id & 31))) === 0) {
      mask |= 1 << 2;
    }
  }
  if ((c.availableDay[i] as number) > f.startDay) {
    mask |= 1 << 3;
  }
  for (const l of f.languages) {
    const rank = l.ranks ? (l.ranks[i] as number) : 0;
    if (rank === 0) {
      mask |= 1 << 4;
    } else if (rank < l.minRank) {
      mask |= 1 << 5;
    }
  }
  return mask;
}

export function buildTalentIndex(profiles: readonly TalentProfile[]): TalentIndex {
  const prepared = profiles.map(prepareProfile);
  uniqueIds(prepared);
  const bySkill = new Map<string, number[]>();
  const byMinor = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const key of p.skills.keys()) {
      let list = bySkill.get(key);
      if (!list) {
        list = [];
        bySkill.set(key, list);
      }
      list.push(i);
    }
    let list = byMinor.get(p.iscoMinor);
    if (!list) {
      list = [];
      byMinor.set(p.iscoMinor, list);
    }
    list.push(i);
  });
  return {
    profiles: prepared,
    bySkill: freeze(bySkill),
    byMinorGroup: freeze(byMinor),
    columns: buildColumns(prepared),
    marks: new Uint32Array(prepared.length),
    epoch: { value: 0 },
  };
}

/** Positions of the relevant profiles, ascending. */
function relevantPositions(index: TalentIndex, q: PreparedPosting): Int32Array {
  index.epoch.value += 1;
  if (index.epoch.value >= 0xffffffff) {
    index.marks.fill(0);
    index.epoch.value = 1;
  }
  const epoch = index.epoch.value;
  const marks = index.marks;
  const lists: Int32Array[] = [];
  const minor = index.byMinorGroup.get(q.iscoMinor);
  if (minor) {
    lists.push(minor);
  }
  for (const key of q.skillKeys) {
    const list = index.bySkill.get(key);
    if (list) {
      lists.push(list);
    }
  }
  const out: number[] = [];
  for (const list of lists) {
    for (let j = 0; j < list.length; j++) {
      const i = list[j] as number;
      if (marks[i] !== epoch) {
        marks[i] = epoch;
        out.push(i);
      }
    }
  }
  // Ascending positions: the pool's own order, and sequential memory access.
  return Int32Array.from(out).sort();
}

/** Matches one posting through the index; the same result as `matchCandidates` on the same data. */
export function matchWithIndex(
  index: TalentIndex,
  posting: DemandPosting,
  options: MatchOptions,
): MatchResult {
  checkOptions(options);
  const q = preparePosting(posting, options.weights);
  const tally = new Tally(options.exclusions ?? 'list');
  const top = new TopK<Ranked>(options.limit, ranksBefore);
  const positions = relevantPositions(index, q);
  const filters = filterQuery(index.columns, q, options.today);
  let scratch = newComponentCents();
  for (let j = 0; j < positions.length; j++) {
    const position = positions[j] as number;
    const mask = columnMask(index.columns, filters, position);
    const p = index.profiles[position] as PreparedProfile;
    if (mask !== 0) {
      tally.exclude(p, q, options.today, mask);
      continue;
    }
    tally.eligible += 1;
    const total = scoreInto(p, q, scratch);
    const ranked: Ranked = { profile: p, total, cents: scratch };
    if (top.wouldKeep(ranked)) {
      top.push(ranked);
      scratch = newComponentCents();
    }
  }
  const candidates = top.sorted().map((r) => toCandidate(r, q));
  return tally.result(q.id, candidates, index.profiles.length - positions.length);
}

/** Every posting through the index. */
export function matchAllWithIndex(
  index: TalentIndex,
  postings: readonly DemandPosting[],
  options: MatchOptions,
): MatchResult[] {
  return postings.map((posting) => matchWithIndex(index, posting, options));
}
