import type { TCollegeSkill } from '../../../contracts/talent.js';
import type { TTaxonomyOverview } from '../../../contracts/talent-skills.js';
import {
  curatedLabel,
  ESCO_STARTER,
  type EscoState,
  ISCO08_GROUPS,
  iscoItemKey,
} from '../../../domain/talent/taxonomy/index.js';
import i18n, { currentLocale } from '../../i18n';

const STARTER_BY_KEY = new Map(ESCO_STARTER.map((e) => [e.key, e]));
const shippedTexts = (key: string) =>
  Object.fromEntries(Object.entries(STARTER_BY_KEY.get(key)?.labels ?? {}).map(([l, v]) => [l, v.text]));

/**
 * The college's curation of the taxonomy (its translations, its ESCO confirmations), loaded once
 * per session by useTaxonomyCuration (skills-api.ts) and read by the label functions below, so
 * every talent page shows the college's wording without threading it through each component.
 */
let curation: { labels: Map<string, Record<string, string>>; esco: Map<string, EscoState> } = {
  labels: new Map(),
  esco: new Map(),
};

export function setTaxonomyCuration(overview: TTaxonomyOverview): void {
  const items = [...overview.entries, ...overview.isco];
  const esco = new Map<string, EscoState>();
  for (const e of overview.entries) {
    if (e.escoUri) {
      esco.set(e.escoUri, e.esco.state);
    }
  }
  curation = { labels: new Map(items.map((i) => [i.item, i.college])), esco };
}

/** Where an ESCO URI shown on a talent page stands for this college; unknown URIs are unconfirmed. */
export function escoStateOf(
  uri: string | null,
  collegeSkills: readonly TCollegeSkillWithState[] = [],
): EscoState {
  if (!uri) {
    return 'none';
  }
  const own = collegeSkills.find((s) => s.escoUri === uri);
  return own?.esco?.state ?? curation.esco.get(uri) ?? 'unconfirmed';
}

type TCollegeSkillWithState = TCollegeSkill & { archived?: boolean; esco?: { state: EscoState } };

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
  return starter ? curatedLabel(shippedTexts(key), curation.labels.get(key) ?? {}, locale) : key;
}

export interface Option {
  value: string;
  label: string;
}

/** Every skill a profile may take: the starter set's skills and the college's own (not archived). */
export function skillOptions(
  locale: string,
  collegeSkills: readonly TCollegeSkillWithState[] = [],
): Option[] {
  const starter = ESCO_STARTER.filter((e) => e.kind === 'skill').map((e) => ({
    value: e.key,
    label: skillLabel(e.key, locale),
  }));
  const own = collegeSkills
    .filter((s) => !STARTER_BY_KEY.has(s.key) && !s.archived)
    .map((s) => ({ value: s.key, label: s.labels[locale] || s.labels.en || s.code }));
  return [...starter, ...own].sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** ISCO-08 unit groups with their code (the college's translation of the title, else the ILO's English). */
export function iscoUnitOptions(locale: string = currentLocale()): Option[] {
  return ISCO08_GROUPS.filter((g) => g.level === 'unit').map((g) => ({
    value: g.code,
    label: `${g.code} · ${iscoLabel(g.code, locale)}`,
  }));
}

/** The college's translation of the ISCO-08 title in the current language, else the ILO's English one. */
export function iscoLabel(code: string, locale: string = currentLocale()): string {
  const title = ISCO08_GROUPS.find((g) => g.code === code)?.title;
  return title ? curatedLabel({ en: title }, curation.labels.get(iscoItemKey(code)) ?? {}, locale) : code;
}

/** ESCO occupations the platform knows (verified URIs of the starter set), for the given ISCO group. */
export function escoOccupationOptions(isco: string, locale: string): Option[] {
  return ESCO_STARTER.filter((e) => e.kind === 'occupation' && e.escoUri && e.iscoGroup === isco).map(
    (e) => ({
      value: e.escoUri as string,
      // The state travels with the label: a Select option cannot carry a badge.
      label: `${skillLabel(e.key, locale)} · ${i18n.t(`talentSkills.esco.${escoStateOf(e.escoUri)}`)}`,
    }),
  );
}

export const CEFR_OPTIONS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const SKILL_LEVEL_VALUES = ['1', '2', '3', '4'] as const;
