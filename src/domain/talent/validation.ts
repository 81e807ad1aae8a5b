/**
 * Checks on the matcher's inputs. Each issue names the field (a path such as
 * `requiredSkills[2].weight`) and a code the web translates; the matcher refuses input with issues
 * rather than guessing.
 */
import { tryParseCalendarDate } from '../dates/calendar-date.js';
import { isCefr, isSkillLevel } from './scales.js';
import type { DemandPosting, LanguageRequirement, SkillRequirement, TalentProfile } from './types.js';

export type TalentIssueCode =
  | 'required'
  | 'duplicate_id'
  | 'invalid_isco_unit_group'
  | 'invalid_skill_key'
  | 'invalid_skill_level'
  | 'invalid_weight'
  | 'duplicate_skill'
  | 'invalid_language_code'
  | 'invalid_cefr'
  | 'duplicate_language'
  | 'invalid_country'
  | 'invalid_date'
  | 'invalid_headcount'
  | 'invalid_experience'
  | 'consent_inconsistent';

export interface TalentIssue {
  path: string;
  code: TalentIssueCode;
}

const ISCO_UNIT = /^\d{4}$/;
const ESCO_SKILL = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;
const COLLEGE_SKILL = /^college:[a-z0-9][a-z0-9._-]{0,63}$/;
const LANGUAGE = /^[a-z]{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** An ESCO skill URI or `college:<code>` (lower-case letters, digits, '.', '_', '-'; up to 64). */
export function isSkillKey(key: string): boolean {
  return ESCO_SKILL.test(key) || COLLEGE_SKILL.test(key);
}

export function isIscoUnitGroup(code: string): boolean {
  return ISCO_UNIT.test(code);
}

function isDate(value: string | null | undefined): boolean {
  return typeof value === 'string' && tryParseCalendarDate(value) !== null;
}

function checkRequirements(
  list: readonly SkillRequirement[],
  field: string,
  seen: Set<string>,
  issues: TalentIssue[],
) {
  list.forEach((r, i) => {
    const at = `${field}[${i}]`;
    if (!isSkillKey(r.skillKey)) {
      issues.push({ path: `${at}.skillKey`, code: 'invalid_skill_key' });
    } else if (seen.has(r.skillKey)) {
      issues.push({ path: `${at}.skillKey`, code: 'duplicate_skill' });
    }
    seen.add(r.skillKey);
    if (!isSkillLevel(r.minLevel)) {
      issues.push({ path: `${at}.minLevel`, code: 'invalid_skill_level' });
    }
    if (!(Number.isFinite(r.weight) && r.weight > 0)) {
      issues.push({ path: `${at}.weight`, code: 'invalid_weight' });
    }
  });
}

function checkLanguages(
  list: readonly LanguageRequirement[],
  field: string,
  seen: Set<string>,
  issues: TalentIssue[],
) {
  list.forEach((l, i) => {
    const at = `${field}[${i}]`;
    if (!LANGUAGE.test(l.code)) {
      issues.push({ path: `${at}.code`, code: 'invalid_language_code' });
    } else if (seen.has(l.code)) {
      issues.push({ path: `${at}.code`, code: 'duplicate_language' });
    }
    seen.add(l.code);
    if (!isCefr(l.minCefr)) {
      issues.push({ path: `${at}.minCefr`, code: 'invalid_cefr' });
    }
  });
}

export function validatePosting(p: DemandPosting): TalentIssue[] {
  const issues: TalentIssue[] = [];
  if (!p.id) {
    issues.push({ path: 'id', code: 'required' });
  }
  if (!COUNTRY.test(p.country)) {
    issues.push({ path: 'country', code: 'invalid_country' });
  }
  if (!isIscoUnitGroup(p.occupation.isco)) {
    issues.push({ path: 'occupation.isco', code: 'invalid_isco_unit_group' });
  }
  const skills = new Set<string>();
  checkRequirements(p.requiredSkills, 'requiredSkills', skills, issues);
  checkRequirements(p.optionalSkills, 'optionalSkills', skills, issues);
  const languages = new Set<string>();
  checkLanguages(p.requiredLanguages, 'requiredLanguages', languages, issues);
  checkLanguages(p.optionalLanguages, 'optionalLanguages', languages, issues);
  if (!(Number.isInteger(p.headcount) && p.headcount >= 1)) {
    issues.push({ path: 'headcount', code: 'invalid_headcount' });
  }
  if (!isDate(p.startDate)) {
    issues.push({ path: 'startDate', code: 'invalid_date' });
  }
  return issues;
}

export function validateProfile(p: TalentProfile): TalentIssue[] {
  const issues: TalentIssue[] = [];
  if (!p.id) {
    issues.push({ path: 'id', code: 'required' });
  }
  if (!isIscoUnitGroup(p.occupation.isco)) {
    issues.push({ path: 'occupation.isco', code: 'invalid_isco_unit_group' });
  }
  p.skills.forEach((s, i) => {
    if (!isSkillKey(s.skillKey)) {
      issues.push({ path: `skills[${i}].skillKey`, code: 'invalid_skill_key' });
    }
    if (!isSkillLevel(s.level)) {
      issues.push({ path: `skills[${i}].level`, code: 'invalid_skill_level' });
    }
  });
  const languages = new Set<string>();
  p.languages.forEach((l, i) => {
    if (!LANGUAGE.test(l.code)) {
      issues.push({ path: `languages[${i}].code`, code: 'invalid_language_code' });
    } else if (languages.has(l.code)) {
      issues.push({ path: `languages[${i}].code`, code: 'duplicate_language' });
    }
    languages.add(l.code);
    if (!isCefr(l.cefr)) {
      issues.push({ path: `languages[${i}].cefr`, code: 'invalid_cefr' });
    }
  });
  p.countries.forEach((c, i) => {
    if (c !== 'any' && !COUNTRY.test(c)) {
      issues.push({ path: `countries[${i}]`, code: 'invalid_country' });
    }
  });
  if (!isDate(p.availableFrom)) {
    issues.push({ path: 'availableFrom', code: 'invalid_date' });
  }
  if (!(Number.isFinite(p.experienceYears) && p.experienceYears >= 0)) {
    issues.push({ path: 'experienceYears', code: 'invalid_experience' });
  }
  const { consent } = p;
  if (consent.given && !isDate(consent.givenOn)) {
    issues.push({ path: 'consent.givenOn', code: 'invalid_date' });
  }
  if (consent.withdrawnOn != null && !isDate(consent.withdrawnOn)) {
    issues.push({ path: 'consent.withdrawnOn', code: 'invalid_date' });
  }
  if (!consent.given && consent.scope === 'match_and_introduce') {
    issues.push({ path: 'consent.scope', code: 'consent_inconsistent' });
  }
  return issues;
}

/** Thrown by the matcher on invalid input; `issues` says which record and field. */
export class TalentInputError extends Error {
  constructor(
    readonly record: string,
    readonly issues: TalentIssue[],
  ) {
    super(`${record}: ${issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
    this.name = 'TalentInputError';
  }
}
