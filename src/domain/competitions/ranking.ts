/**
 * Positions and medals of one skill (worldskills.md §6.6, §8.3, §2.2).
 *
 * Positions: sort by points (descending); an entrant ties with the FIRST entrant of the current group
 * when their points differ by at most settings.tieTolerance (comparing with the group's first avoids
 * chains 710-709-708-… all tying at tolerance 1); a group's position is 1 + the number of entrants in
 * earlier groups ("1-1-3"). Inside a group the display order is raw total (descending), then name, then
 * id, which never changes a position.
 *
 * Medals follow the levels model of §8.3: the first group takes gold; a gold group of two or more skips
 * the silver level; the next group takes the next level; bronze is always awarded after a gold group
 * (so ≥ 3 golds still leave a bronze: the 2015 "within two points" clause is not confirmed and left out);
 * after a silver group of settings.noBronzeFromSilverCount (default 3, WSC2013 [S2]) or more no bronze is
 * awarded. Non-medallists at or above settings.medallionThreshold (700, inclusive) get the Medallion for
 * Excellence. settings.minEntrantsForAllMedals = N > 0 limits the levels (national example §2.2, N = 6):
 * n ≥ N → gold, silver, bronze; n = N − 1 → gold and silver; fewer → gold only.
 */
import { compare, type Rational } from './rational.js';
import type { CompetitionRuleSettings } from './settings.js';
import { MEDAL_LEVELS, type Medal, type SkillFlags, skillAwardsMedals } from './skill.js';

export interface RankingEntrant {
  entrantId: string;
  points: number;
  rawTotal: Rational;
  /** Display name for the final tie-break of the display order. */
  name: string;
}

export interface RankedEntrant {
  entrantId: string;
  points: number;
  /** "1-1-3" competition ranking. */
  position: number;
  /** 0-based index of the tie group. */
  group: number;
}

function displayOrder(a: RankingEntrant, b: RankingEntrant): number {
  if (a.points !== b.points) {
    return b.points - a.points;
  }
  const byRaw = compare(b.rawTotal, a.rawTotal);
  if (byRaw !== 0) {
    return byRaw;
  }
  const byName = a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  if (byName !== 0) {
    return byName;
  }
  return a.entrantId < b.entrantId ? -1 : a.entrantId > b.entrantId ? 1 : 0;
}

/** §6.6 positions with ties against the first of each group; setting: settings.tieTolerance (points). Returns display order. */
export function rankEntrants(entrants: readonly RankingEntrant[], tieTolerance: number): RankedEntrant[] {
  const sorted = [...entrants].sort(displayOrder);
  const ranked: RankedEntrant[] = [];
  let groupFirst: RankingEntrant | undefined;
  let group = -1;
  let position = 0;
  sorted.forEach((entrant, index) => {
    if (!groupFirst || groupFirst.points - entrant.points > tieTolerance) {
      groupFirst = entrant;
      group++;
      position = index + 1;
    }
    ranked.push({ entrantId: entrant.entrantId, points: entrant.points, position, group });
  });
  return ranked;
}

export type MedalSettings = Pick<
  CompetitionRuleSettings,
  'medallionThreshold' | 'minEntrantsForAllMedals' | 'noBronzeFromSilverCount'
>;

/** §2.2 national example: how many medal levels a field of n entrants gets; setting: minEntrantsForAllMedals (0 = always 3). */
export function medalLevelsAvailable(n: number, minEntrantsForAllMedals: number): number {
  if (minEntrantsForAllMedals <= 0 || n >= minEntrantsForAllMedals) {
    return 3;
  }
  return n >= minEntrantsForAllMedals - 1 ? 2 : 1;
}

/**
 * §8.3 levels model + Medallion for Excellence, aligned with `ranked` (as rankEntrants returns it).
 * All null when the skill gives no medals (§2.2: type official/demonstration and generateResultsAndMedals).
 * Settings: medallionThreshold, minEntrantsForAllMedals, noBronzeFromSilverCount.
 */
export function assignMedals(
  ranked: readonly RankedEntrant[],
  settings: MedalSettings,
  skill: Pick<SkillFlags, 'type' | 'generateResultsAndMedals'>,
): (Medal | null)[] {
  if (!skillAwardsMedals(skill)) {
    return ranked.map(() => null);
  }
  const groupSizes: number[] = [];
  for (const r of ranked) {
    groupSizes[r.group] = (groupSizes[r.group] ?? 0) + 1;
  }
  const levels = medalLevelsAvailable(ranked.length, settings.minEntrantsForAllMedals);
  const noBronzeFrom = settings.noBronzeFromSilverCount ?? 3;
  const medalOfGroup = new Map<number, Medal>();
  let level = 0;
  for (let group = 0; group < groupSizes.length && level < levels; group++) {
    const size = groupSizes[group] ?? 0;
    const medal = MEDAL_LEVELS[level];
    if (!medal) {
      break;
    }
    medalOfGroup.set(group, medal);
    if (medal === 'GOLD') {
      level = size >= 2 ? 2 : 1;
    } else if (medal === 'SILVER') {
      level = noBronzeFrom > 0 && size >= noBronzeFrom ? MEDAL_LEVELS.length : 2;
    } else {
      level = MEDAL_LEVELS.length;
    }
  }
  return ranked.map(
    (r) =>
      medalOfGroup.get(r.group) ??
      (r.points >= settings.medallionThreshold ? 'MEDALLION_FOR_EXCELLENCE' : null),
  );
}
