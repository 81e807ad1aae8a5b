/**
 * A skill competition's flags as CIS keeps them (worldskills.md §1.6, §8.4: `compatriot_marking`,
 * `competitor_teams`, `final_results`, `exclude_from_results`, `exclude_from_a_v`, `num_judges`, `type`)
 * and the medal values a result can carry (§2.2: one medal value per competitor).
 */

/** CIS skill types (§1.6). Medals are generated only for official and demonstration skills (§2.2). */
export type SkillType = 'official' | 'demonstration' | 'host_member' | 'presentation' | 'exhibition';

export interface SkillFlags {
  type: SkillType;
  /** CIS "Generate final results and medals". */
  generateResultsAndMedals: boolean;
  /** CIS "Allow compatriot marking" (§1.6): experts may mark their own Member's entrants. */
  allowCompatriotMarking: boolean;
  /** CIS "Competitors are organised in teams": a team is one entrant (§2.3, teams count once). */
  competitorTeams: boolean;
  /** CIS "Exclude from member results comparison" (also leaves the skill out of Best of Nation, §6.7). */
  excludeFromMemberComparison: boolean;
  /** CIS `exclude_from_a_v`: the skill's entrants do not compete for the Albert Vidal Award (§8.4). */
  excludeFromAlbertVidal: boolean;
  /** CIS `skill.num_judges` (§8.2); 3 in practice. */
  numJudges: number;
  /** Largest allowed max − min of one judgement score set (§1.5, unconfirmed; default 1). */
  maxJudgeSpread: number;
}

export type Medal = 'GOLD' | 'SILVER' | 'BRONZE' | 'MEDALLION_FOR_EXCELLENCE';

/** Medal levels in order; the Medallion for Excellence is not a level (§8.3). */
export const MEDAL_LEVELS = ['GOLD', 'SILVER', 'BRONZE'] as const;

/** Member-table medal points, CIS config GOLD/SILVER/BRONZE/MEDALLION_POINTS (§2.3, §8.3). */
export const MEDAL_POINTS: Readonly<Record<Medal, number>> = {
  GOLD: 4,
  SILVER: 3,
  BRONZE: 2,
  MEDALLION_FOR_EXCELLENCE: 1,
};

/** §2.2: medals (and Medallions) only for official/demonstration skills that generate results and medals. */
export function skillAwardsMedals(flags: Pick<SkillFlags, 'type' | 'generateResultsAndMedals'>): boolean {
  return flags.generateResultsAndMedals && (flags.type === 'official' || flags.type === 'demonstration');
}
