import type { TCollegeSkill } from '../../../contracts/talent.js';
import {
  ESCO_STARTER,
  ISCO08_GROUPS,
  labelIn,
  type TaxonomyLocale,
} from '../../../domain/talent/taxonomy/index.js';

const STARTER_BY_KEY = new Map(ESCO_STARTER.map((e) => [e.key, e]));

function taxonomyLocale(locale: string): TaxonomyLocale {
  return (['en', 'zh-CN', 'fr', 'ar'] as const).find((l) => l === locale) ?? 'en';
}

/** A skill's label: the college's own wording first, then the starter set, else the key itself. */
export function skillLabel(
  key: string,
  locale: string,
  collegeSkills: readonly TCollegeSkill[] = [],
): string {
  const own = collegeSkills.find((s) => s.key === key);
  if (own) {
    return own.labels[locale] || own.labels.en || own.code;
  }
  const starter = STARTER_BY_KEY.get(key);
  return starter ? labelIn(starter.labels, taxonomyLocale(locale)) : key;
}

export interface Option {
  value: string;
  label: string;
}

/** Every skill a profile may hold: the starter set's skills and the college's own. */
export function skillOptions(locale: string, collegeSkills: readonly TCollegeSkill[] = []): Option[] {
  const starter = ESCO_STARTER.filter((e) => e.kind === 'skill').map((e) => ({
    value: e.key,
    label: labelIn(e.labels, taxonomyLocale(locale)),
  }));
  const own = collegeSkills
    .filter((s) => !STARTER_BY_KEY.has(s.key))
    .map((s) => ({ value: s.key, label: s.labels[locale] || s.labels.en || s.code }));
  return [...starter, ...own].sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** ISCO-08 unit groups with their code (titles are the ILO's English ones). */
export const ISCO_UNIT_OPTIONS: Option[] = ISCO08_GROUPS.filter((g) => g.level === 'unit').map((g) => ({
  value: g.code,
  label: `${g.code} · ${g.title}`,
}));

export function iscoLabel(code: string): string {
  return ISCO08_GROUPS.find((g) => g.code === code)?.title ?? code;
}

/** ESCO occupations the platform knows (verified URIs of the starter set), for the given ISCO group. */
export function escoOccupationOptions(isco: string, locale: string): Option[] {
  return ESCO_STARTER.filter((e) => e.kind === 'occupation' && e.escoUri && e.iscoGroup === isco).map(
    (e) => ({
      value: e.escoUri as string,
      label: labelIn(e.labels, taxonomyLocale(locale)),
    }),
  );
}

export const CEFR_OPTIONS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const SKILL_LEVEL_VALUES = ['1', '2', '3', '4'] as const;
