/**
 * Competition-wide awards and Member reports (worldskills.md §6.7, §2.3, §8.3, §8.4).
 *
 * Every input row is one ranked entrant of one skill; a team is one entrant, so teams count once in
 * every report (§2.3). A team award (Best of Nation, Albert Vidal) goes to the team's entrant row; the
 * caller expands it to the team's people.
 */
import { compare, parseDecimal, type Rational, rational, toFixed, ZERO } from './rational.js';
import type { CompetitionRuleSettings } from './settings.js';
import { MEDAL_POINTS, type Medal, type SkillFlags } from './skill.js';

export interface AwardEntrant {
  skillId: string;
  entrantId: string;
  /** The Member (country/region/college) the entrant represents; null = none (not in Member reports). */
  memberId: string | null;
  /** Published integer points; null = not ranked (excluded, no results). */
  points: number | null;
  /** 2-decimal calculated score ("743.19"); null when not ranked. */
  calculated: string | null;
  medal: Medal | null;
}

export interface AwardSkill {
  skillId: string;
  flags: Pick<SkillFlags, 'excludeFromMemberComparison' | 'excludeFromAlbertVidal'>;
  rows: readonly AwardEntrant[];
}

export type AwardScoreBasis = NonNullable<CompetitionRuleSettings['awardScoreBasis']>;

export interface AwardWinner {
  skillId: string;
  entrantId: string;
  memberId: string | null;
  points: number;
  calculated: string | null;
}

export interface BestOfNation {
  memberId: string;
  /** All entrants of the Member with the Member's best score (ties → all). */
  winners: AwardWinner[];
}

export interface MemberComparisonRow {
  memberId: string;
  /** Distinct skills in which the Member has a ranked entrant. */
  skillsEntered: number;
  /** Ranked entrants (a team counts once). */
  entrants: number;
  gold: number;
  silver: number;
  bronze: number;
  medallions: number;
  /** 4·G + 3·S + 2·B + 1·MfE (CIS medal points). */
  medalPoints: number;
  /** medalPoints ÷ skillsEntered, 2 decimals. */
  averageMedalPoints: string;
  /** Σ points. */
  totalPoints: number;
  /** totalPoints ÷ entrants, 2 decimals. */
  averagePoints: string;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function score(row: AwardEntrant & { points: number }, basis: AwardScoreBasis): Rational {
  if (basis === 'calculated_score' && row.calculated !== null) {
    const value = parseDecimal(row.calculated);
    if (value) {
      return value;
    }
  }
  return rational(row.points);
}

function rankedRows(skills: readonly AwardSkill[], include: (skill: AwardSkill) => boolean) {
  return skills
    .filter(include)
    .flatMap((skill) => skill.rows.map((row) => ({ ...row, skillId: skill.skillId })))
    .filter((row): row is AwardEntrant & { points: number } => row.points !== null);
}

function winnersOf(
  rows: readonly (AwardEntrant & { points: number })[],
  basis: AwardScoreBasis,
): AwardWinner[] {
  let best: Rational | null = null;
  let winners: AwardWinner[] = [];
  for (const row of rows) {
    const value = score(row, basis);
    const c = best === null ? 1 : compare(value, best);
    if (c > 0) {
      best = value;
      winners = [];
    }
    if (c >= 0) {
      winners.push({
        skillId: row.skillId,
        entrantId: row.entrantId,
        memberId: row.memberId,
        points: row.points,
        calculated: row.calculated,
      });
    }
  }
  return winners.sort((a, b) => byText(a.skillId, b.skillId) || byText(a.entrantId, b.entrantId));
}

/**
 * §2.3/§6.7 Best of Nation: per Member the entrant(s) with the highest score over all skills not
 * flagged excludeFromMemberComparison; ties → all. Setting: settings.awardScoreBasis (points | calculated_score).
 */
export function bestOfNation(
  skills: readonly AwardSkill[],
  basis: AwardScoreBasis = 'points',
): BestOfNation[] {
  const byMember = new Map<string, (AwardEntrant & { points: number })[]>();
  for (const row of rankedRows(skills, (s) => !s.flags.excludeFromMemberComparison)) {
    if (row.memberId === null) {
      continue;
    }
    const list = byMember.get(row.memberId) ?? [];
    list.push(row);
    byMember.set(row.memberId, list);
  }
  return [...byMember.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([memberId, rows]) => ({ memberId, winners: winnersOf(rows, basis) }));
}

/**
 * §2.3/§6.7 Albert Vidal Award: every entrant whose score equals the global maximum over skills not
 * flagged excludeFromAlbertVidal (CIS `exclude_from_a_v`); a team wins as one entrant. Setting:
 * settings.awardScoreBasis ('points' = the ceremony app's rule, 'calculated_score' = the §8.1 note).
 */
export function albertVidal(skills: readonly AwardSkill[], basis: AwardScoreBasis = 'points'): AwardWinner[] {
  return winnersOf(
    rankedRows(skills, (s) => !s.flags.excludeFromAlbertVidal),
    basis,
  );
}

/** Member medal points: 4·G + 3·S + 2·B + 1·MfE (§2.3; constants MEDAL_POINTS = CIS config, not settings). */
export function medalPoints(counts: {
  gold: number;
  silver: number;
  bronze: number;
  medallions: number;
}): number {
  return (
    counts.gold * MEDAL_POINTS.GOLD +
    counts.silver * MEDAL_POINTS.SILVER +
    counts.bronze * MEDAL_POINTS.BRONZE +
    counts.medallions * MEDAL_POINTS.MEDALLION_FOR_EXCELLENCE
  );
}

function average(total: number, count: number): string {
  return count === 0 ? toFixed(ZERO, 2) : toFixed(rational(total, count), 2);
}

/**
 * §2.3 Member comparison reports (medal counts and points, totals and averages per skill entered /
 * per entrant), over skills not flagged excludeFromMemberComparison; teams count once. Sorted by Member id.
 */
export function memberComparison(skills: readonly AwardSkill[]): MemberComparisonRow[] {
  const acc = new Map<string, { skills: Set<string>; rows: (AwardEntrant & { points: number })[] }>();
  for (const row of rankedRows(skills, (s) => !s.flags.excludeFromMemberComparison)) {
    if (row.memberId === null) {
      continue;
    }
    const entry = acc.get(row.memberId) ?? { skills: new Set<string>(), rows: [] };
    entry.skills.add(row.skillId);
    entry.rows.push(row);
    acc.set(row.memberId, entry);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([memberId, { skills: entered, rows }]) => {
      const count = (medal: Medal) => rows.filter((r) => r.medal === medal).length;
      const counts = {
        gold: count('GOLD'),
        silver: count('SILVER'),
        bronze: count('BRONZE'),
        medallions: count('MEDALLION_FOR_EXCELLENCE'),
      };
      const points = medalPoints(counts);
      const totalPoints = rows.reduce((s, r) => s + r.points, 0);
      return {
        memberId,
        skillsEntered: entered.size,
        entrants: rows.length,
        ...counts,
        medalPoints: points,
        averageMedalPoints: average(points, entered.size),
        totalPoints,
        averagePoints: average(totalPoints, rows.length),
      };
    });
}
