/**
 * The college's own skills: records the server stores per organization, keyed `college:<code>`,
 * with a label per language and, once the college has checked it, the ESCO skill URI it
 * corresponds to. The starter set (esco-starter.ts) seeds these records; the college corrects the
 * labels, adds its own skills and confirms ESCO URIs.
 *
 * Matching compares skill keys as written, so the server resolves every college key that has a
 * confirmed ESCO URI to that URI (`skillKeyResolver`) before building the index: a profile saying
 * `college:weld.gmaw` and a posting saying the ESCO URI then meet.
 */
import { isSkillKey } from '../validation.js';
import { iscoGroup } from './isco08.js';
import { TAXONOMY_LOCALES, type TaxonomyLabel, type TaxonomyLocale } from './labels.js';

export interface CollegeSkill {
  /** Without the prefix: lower-case letters, digits, '.', '_', '-' (e.g. 'weld.gmaw'). */
  code: string;
  /** English is required; other languages fall back to it. */
  labels: Partial<Record<TaxonomyLocale, TaxonomyLabel>>;
  /** ISCO-08 unit group the college teaches the skill for, if any. */
  iscoGroup: string | null;
  /** The ESCO skill this corresponds to, once the college has checked it in the ESCO portal. */
  escoUri: string | null;
}

export type CollegeSkillIssueCode =
  | 'invalid_code'
  | 'duplicate_code'
  | 'label_required'
  | 'label_blank'
  | 'unknown_locale'
  | 'invalid_isco_group'
  | 'invalid_esco_uri'
  | 'duplicate_esco_uri';

export interface CollegeSkillIssue {
  /** Position in the list given, so an import can say which row. */
  index: number;
  field: string;
  code: CollegeSkillIssueCode;
}

const ESCO_SKILL_URI =
  /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function collegeSkillKey(code: string): string {
  return `college:${code}`;
}

/** Checks a whole list (an organization's skills, or an import): codes and ESCO URIs unique. */
export function validateCollegeSkills(skills: readonly CollegeSkill[]): CollegeSkillIssue[] {
  const issues: CollegeSkillIssue[] = [];
  const codes = new Set<string>();
  const uris = new Set<string>();
  skills.forEach((s, index) => {
    if (!isSkillKey(collegeSkillKey(s.code))) {
      issues.push({ index, field: 'code', code: 'invalid_code' });
    } else if (codes.has(s.code)) {
      issues.push({ index, field: 'code', code: 'duplicate_code' });
    }
    codes.add(s.code);
    if (!s.labels.en?.text.trim()) {
      issues.push({ index, field: 'labels.en', code: 'label_required' });
    }
    for (const [locale, label] of Object.entries(s.labels)) {
      if (!(TAXONOMY_LOCALES as readonly string[]).includes(locale)) {
        issues.push({ index, field: `labels.${locale}`, code: 'unknown_locale' });
      } else if (locale !== 'en' && label && !label.text.trim()) {
        issues.push({ index, field: `labels.${locale}`, code: 'label_blank' });
      }
    }
    if (s.iscoGroup !== null && iscoGroup(s.iscoGroup)?.level !== 'unit') {
      issues.push({ index, field: 'iscoGroup', code: 'invalid_isco_group' });
    }
    if (s.escoUri !== null) {
      if (!ESCO_SKILL_URI.test(s.escoUri)) {
        issues.push({ index, field: 'escoUri', code: 'invalid_esco_uri' });
      } else if (uris.has(s.escoUri)) {
        issues.push({ index, field: 'escoUri', code: 'duplicate_esco_uri' });
      }
      uris.add(s.escoUri);
    }
  });
  return issues;
}

/**
 * A function mapping a skill key to the key matching should use: a college key with a confirmed
 * ESCO URI becomes that URI; every other key is returned unchanged.
 */
export function skillKeyResolver(skills: readonly CollegeSkill[]): (key: string) => string {
  const aliases = new Map<string, string>();
  for (const s of skills) {
    if (s.escoUri) {
      aliases.set(collegeSkillKey(s.code), s.escoUri);
    }
  }
  return (key) => aliases.get(key) ?? key;
}
