/**
 * Results of one skill and of a whole competition (worldskills.md §6.5–§6.7, §8.1, §8.3): raw totals
 * → WorldSkills Scale → positions → medals, then Best of Nation, Albert Vidal and the Member reports.
 *
 * Excluded entrants (CIS `person_exclusion`, §8.4) keep a row with their raw total but are left out of
 * the scale population, the ranking and the medals. Whether CIS keeps them in the median/MAD is not
 * known (§9.7 item 4); leaving them out is the choice made here.
 */
import {
  type AwardScoreBasis,
  type AwardSkill,
  type AwardWinner,
  albertVidal,
  type BestOfNation,
  bestOfNation,
  type MemberComparisonRow,
  memberComparison,
} from './awards.js';
import type { DecimalString } from './marking-scheme.js';
import { assignMedals, rankEntrants } from './ranking.js';
import { parseRational, type Rational, toFixed, toStorageString } from './rational.js';
import { type ScaleResult, worldSkillsScale } from './scale.js';
import type { CompetitionRuleSettings } from './settings.js';
import { type Medal, type SkillFlags, skillAwardsMedals } from './skill.js';

export interface SkillEntrantInput {
  entrantId: string;
  memberId: string | null;
  /** For the display tie-break (§6.6: raw total, then name). */
  name: string;
  /** Exact raw total: a Rational or its storage string ("72.25", "7/9"). */
  rawTotal: Rational | DecimalString;
  excluded?: boolean;
}

export interface SkillResultRow {
  entrantId: string;
  memberId: string | null;
  name: string;
  /** Exact storage string of the raw total ("88.9", "217/3"). */
  rawTotal: string;
  /** The raw total rounded half-up to 2 decimals, for display. */
  rawTotal2dp: string;
  scaleUnrounded: number | null;
  /** 2-decimal calculated score (CIS `calculated_score`). */
  scaleCalculated: string | null;
  points: number | null;
  position: number | null;
  medal: Medal | null;
  excluded: boolean;
}

export interface SkillResults {
  /** Ranked entrants in display order, then excluded entrants by name. */
  rows: SkillResultRow[];
  scale: Omit<ScaleResult, 'values'>;
  /** The skill generates medals (§2.2). */
  medalsAwarded: boolean;
}

export interface SkillResultsInput {
  skill: Pick<SkillFlags, 'type' | 'generateResultsAndMedals'>;
  settings: CompetitionRuleSettings;
  entrants: readonly SkillEntrantInput[];
}

function toRational(entrant: SkillEntrantInput): Rational {
  if (typeof entrant.rawTotal !== 'string') {
    return entrant.rawTotal;
  }
  const value = parseRational(entrant.rawTotal);
  if (!value) {
    throw new RangeError(`entrant ${entrant.entrantId}: raw total "${entrant.rawTotal}" is not a number`);
  }
  return value;
}

/**
 * §8.1 scale, §6.6 positions and §8.3 medals of one skill. Settings: settings.scale, tieTolerance,
 * medallionThreshold, minEntrantsForAllMedals, noBronzeFromSilverCount; skill.type/generateResultsAndMedals.
 */
export function computeSkillResults(input: SkillResultsInput): SkillResults {
  const { skill, settings } = input;
  const all = input.entrants.map((entrant) => ({ entrant, raw: toRational(entrant) }));
  const ranked = all.filter((e) => !e.entrant.excluded);
  const excluded = all.filter((e) => e.entrant.excluded);
  const scale = worldSkillsScale(
    ranked.map((e) => e.raw),
    settings.scale,
  );
  const byId = new Map(
    ranked.map((e, index) => [e.entrant.entrantId, { ...e, value: scale.values[index] }] as const),
  );
  const order = rankEntrants(
    ranked.map((e, index) => ({
      entrantId: e.entrant.entrantId,
      points: scale.values[index]?.points ?? 0,
      rawTotal: e.raw,
      name: e.entrant.name,
    })),
    settings.tieTolerance,
  );
  const medals = assignMedals(order, settings, skill);
  const rows: SkillResultRow[] = order.map((r, index) => {
    const e = byId.get(r.entrantId);
    if (!e?.value) {
      throw new Error(`computeSkillResults: lost entrant ${r.entrantId}`);
    }
    return {
      entrantId: r.entrantId,
      memberId: e.entrant.memberId,
      name: e.entrant.name,
      rawTotal: toStorageString(e.raw),
      rawTotal2dp: toFixed(e.raw, 2),
      scaleUnrounded: e.value.unrounded,
      scaleCalculated: e.value.calculated,
      points: e.value.points,
      position: r.position,
      medal: medals[index] ?? null,
      excluded: false,
    };
  });
  const excludedRows = excluded
    .sort(
      (a, b) =>
        a.entrant.name.localeCompare(b.entrant.name, 'en') ||
        (a.entrant.entrantId < b.entrant.entrantId ? -1 : a.entrant.entrantId > b.entrant.entrantId ? 1 : 0),
    )
    .map(({ entrant, raw }) => ({
      entrantId: entrant.entrantId,
      memberId: entrant.memberId,
      name: entrant.name,
      rawTotal: toStorageString(raw),
      rawTotal2dp: toFixed(raw, 2),
      scaleUnrounded: null,
      scaleCalculated: null,
      points: null,
      position: null,
      medal: null,
      excluded: true,
    }));
  const { values: _values, ...scaleInfo } = scale;
  return {
    rows: [...rows, ...excludedRows],
    scale: scaleInfo,
    medalsAwarded: skillAwardsMedals(skill),
  };
}

export interface CompetitionSkillResults {
  skillId: string;
  flags: Pick<SkillFlags, 'excludeFromMemberComparison' | 'excludeFromAlbertVidal'>;
  rows: readonly SkillResultRow[];
}

export interface CompetitionAwards {
  bestOfNation: BestOfNation[];
  albertVidal: AwardWinner[];
  memberComparison: MemberComparisonRow[];
}

/**
 * §6.7 competition-level awards from the skills' results: Best of Nation, Albert Vidal Award and the
 * Member comparison. Setting: settings.awardScoreBasis (default 'points').
 */
export function computeCompetitionAwards(
  skills: readonly CompetitionSkillResults[],
  settings: Pick<CompetitionRuleSettings, 'awardScoreBasis'>,
): CompetitionAwards {
  const basis: AwardScoreBasis = settings.awardScoreBasis ?? 'points';
  const awardSkills: AwardSkill[] = skills.map((skill) => ({
    skillId: skill.skillId,
    flags: skill.flags,
    rows: skill.rows.map((row) => ({
      skillId: skill.skillId,
      entrantId: row.entrantId,
      memberId: row.memberId,
      points: row.excluded ? null : row.points,
      calculated: row.excluded ? null : row.scaleCalculated,
      medal: row.medal,
    })),
  }));
  return {
    bestOfNation: bestOfNation(awardSkills, basis),
    albertVidal: albertVidal(awardSkills, basis),
    memberComparison: memberComparison(awardSkills),
  };
}
