/**
 * Compatriot marking (worldskills.md §1.6, §6.4): an Expert does not mark an entrant of his/her own
 * Member unless the skill allows compatriot marking (CIS `skill.compatriot_marking`). Checked when a
 * marking team is formed and again when a mark is entered.
 */
import type { MarkingScheme } from './marking-scheme.js';

export interface MarkerRef {
  expertId: string;
  /** The Expert's Member; null = no Member (e.g. an independent Skill Competition Manager): never a compatriot. */
  memberId: string | null;
}

export interface EntrantRef {
  entrantId: string;
  memberId: string | null;
}

/** §1.6/§6.4: may this Expert mark this entrant? Setting: skill.allowCompatriotMarking. */
export function mayMark(marker: MarkerRef, entrant: EntrantRef, allowCompatriotMarking: boolean): boolean {
  if (allowCompatriotMarking || marker.memberId === null || entrant.memberId === null) {
    return true;
  }
  return marker.memberId !== entrant.memberId;
}

/**
 * §1.5/§6.4 markers a form needs per entrant: numJudges when the sub-criterion has a judgement aspect
 * (setting: skill.numJudges), else 1.
 */
export function requiredMarkers(scheme: MarkingScheme, subCriterionKey: string, numJudges: number): number {
  const hasJudgement = scheme.aspects.some((a) => a.subCriterionKey === subCriterionKey && a.type === 'J');
  return hasJudgement ? numJudges : 1;
}

export interface MarkerShortage {
  entrantId: string;
  /** Team members who may mark this entrant. */
  eligibleMarkers: string[];
  required: number;
  /** required − eligible. */
  missing: number;
}

/**
 * §6.4 for a marking team of one sub-criterion: the entrants that lack `required` non-compatriot
 * markers (see requiredMarkers), in input order. Empty = the team can mark everyone. Setting:
 * skill.allowCompatriotMarking.
 */
export function compatriotShortages(
  team: readonly MarkerRef[],
  entrants: readonly EntrantRef[],
  required: number,
  allowCompatriotMarking: boolean,
): MarkerShortage[] {
  const distinctTeam = [...new Map(team.map((m) => [m.expertId, m])).values()];
  const shortages: MarkerShortage[] = [];
  for (const entrant of entrants) {
    const eligibleMarkers = distinctTeam
      .filter((m) => mayMark(m, entrant, allowCompatriotMarking))
      .map((m) => m.expertId);
    if (eligibleMarkers.length < required) {
      shortages.push({
        entrantId: entrant.entrantId,
        eligibleMarkers,
        required,
        missing: required - eligibleMarkers.length,
      });
    }
  }
  return shortages;
}
