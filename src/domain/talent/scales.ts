/**
 * The two ordinal scales the matcher compares: CEFR language levels and the platform's skill levels
 * (documented on `SkillLevel` in types.ts).
 */
import type { Cefr, SkillLevel } from './types.js';

export const CEFR_LEVELS: readonly Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];

const CEFR_RANK: Readonly<Record<Cefr, number>> = {
  A1: 1,
  A2: 2,
  B1: 3,
  B2: 4,
  C1: 5,
  C2: 6,
  native: 7,
};

/** 1 (A1) .. 6 (C2), 7 for a native speaker. */
export function cefrRank(level: Cefr): number {
  return CEFR_RANK[level];
}

export function isCefr(value: unknown): value is Cefr {
  return typeof value === 'string' && Object.hasOwn(CEFR_RANK, value);
}

export const SKILL_LEVELS: readonly SkillLevel[] = [1, 2, 3, 4];

/** English wording of each level; the web translates by level number. */
export const SKILL_LEVEL_DESCRIPTIONS: Readonly<Record<SkillLevel, string>> = {
  1: 'Basic: knows the fundamentals; carries out simple tasks under direct supervision.',
  2: 'Intermediate: carries out routine tasks on their own, in a known context.',
  3: 'Advanced: handles non-routine tasks and unforeseen problems; can guide others.',
  4: 'Expert: masters the field; solves complex problems, sets methods and trains others.',
};

export function isSkillLevel(value: unknown): value is SkillLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The ISCO-08 minor group (first 3 digits) of a unit group code. */
export function iscoMinorGroup(unitGroup: string): string {
  return unitGroup.slice(0, 3);
}
