/**
 * Rules that no source confirms are settings per competition (worldskills.md §6, §8), each with the
 * documented default. Stored as JSON on the competition; skills carry their own judge count and
 * spread limit because CIS keeps those per skill (`skill.num_judges`).
 */
export interface CompetitionRuleSettings {
  scale: {
    /** 'median_mad' = 700 + K·(x − median)/(1.4826·MAD) (§8.1, fits two data sets); 'mean_sd' = the older
     *  700 + K·(x − mean)/SD reading (§6.5). */
    method: 'median_mad' | 'mean_sd';
    centre: number; // 700
    pointsPerSpread: number; // 30 for median_mad, 20 for mean_sd
    /** Only for mean_sd. */
    sd: 'population' | 'sample';
  };
  /** Two competitors are tied when their points differ by at most this (0 = identical points only). */
  tieTolerance: number;
  /** Points at or above which a non-medallist gets the Medallion for Excellence. */
  medallionThreshold: number;
  /** Round each aspect mark to 2 decimals as CIS stores it (`decimal(19,2)`), or keep exact. */
  aspectMarkRounding: 'exact' | 'two_decimals';
  /** Allowed |Σ aspect max − section weight| per WSOS section, in marks. */
  sectionTolerance: number;
  /** CIS `MAX_ASPECT_MARK`. */
  maxAspectMark: number;
  /** National example (§2.2): fewer entrants than this get fewer medal levels; 0 = always G/S/B. */
  minEntrantsForAllMedals: number;
  /** A silver group of at least this many entrants leaves no bronze level (§8.3: WSC2013 gold + 3 silvers, no
   *  bronze [S2], unconfirmed as a rule). 0 = bronze always follows silver. Optional; default 3. */
  noBronzeFromSilverCount?: number;
  /** What Best of Nation and the Albert Vidal Award compare (§2.3, §8.1 note): the published integer points
   *  (the ceremony app's "WorldSkills Scale Score") or the 2-decimal calculated score. Optional; default 'points'. */
  awardScoreBasis?: 'points' | 'calculated_score';
}

export const DEFAULT_RULE_SETTINGS: CompetitionRuleSettings = {
  scale: { method: 'median_mad', centre: 700, pointsPerSpread: 30, sd: 'population' },
  tieTolerance: 0,
  medallionThreshold: 700,
  aspectMarkRounding: 'exact',
  sectionTolerance: 5,
  maxAspectMark: 2,
  minEntrantsForAllMedals: 0,
  noBronzeFromSilverCount: 3,
  awardScoreBasis: 'points',
};

export const DEFAULT_JUDGES_PER_ASPECT = 3;
/** "The three scores may differ by at most 1 point" (§1.5, unconfirmed). */
export const DEFAULT_MAX_JUDGE_SPREAD = 1;
