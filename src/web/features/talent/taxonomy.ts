import type { TCollegeSkill, TCollegeWording } from '../../../contracts/talent.js';
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
let curation: {
  labels: Map<string, Record<string, string>>;
  esco: Map<string, EscoState>;
  /** The URI the college uses for a starter occupation (confirmed or a replacement), by entry key. */
  occupations: Map<string, string>;
} = { labels: new Map(), esco: new Map(), occupations: new Map() };

export function setTaxonomyCuration(overview: TTaxonomyOverview): void {
  const items = [...overview.entries, ...overview.isco];
  const esco = new Map<string, EscoState>();
  const occupations = new Map<string, string>();
  for (const e of overview.entries) {
    if (e.escoUri) {
      esco.set(e.escoUri, e.esco.state);
      if (e.kind === 'occupation') {
        occupations.set(e.item, e.escoUri);
      }
    }
  }
  curation = { labels: new Map(items.map((i) => [i.item, i.college])), esco, occupations };
}

/**
 * The college's wording as the owner's page receives it (TSelfProfile.taxonomy): the link and a
 * participant account cannot load the taxonomy overview, so the same label functions read this.
 */
export function setCollegeWording(wording: TCollegeWording): void {
  if (wording !== lastWording) {
    lastWording = wording;
    curation = { ...curation, labels: new Map(Object.entries(wording.labels)) };
  }
}
let lastWording: TCollegeWording | undefined;

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

/**
 * ESCO occupations a profile of this ISCO group may name: per occupation of the starter set, the URI
 * the college confirmed or set in its place (taxonomy page), else the shipped one. `current` (the
 * profile's own URI) is kept among them when the college has replaced it since: the server still
 * accepts it.
 */
export function escoOccupationOptions(isco: string, locale: string, current: string | null = null): Option[] {
  const options = new Map<string, Option>();
  for (const e of ESCO_STARTER) {
    if (e.kind !== 'occupation' || e.iscoGroup !== isco) {
      continue;
    }
    for (const uri of [
      curation.occupations.get(e.key) ?? e.escoUri,
      current === e.escoUri ? current : null,
    ]) {
      if (uri) {
        // The state travels with the label: a Select option cannot carry a badge.
        const label = `${skillLabel(e.key, locale)} · ${i18n.t(`talentSkills.esco.${escoStateOf(uri)}`)}`;
        options.set(uri, { value: uri, label });
      }
    }
  }
  return [...options.values()];
}

export const CEFR_OPTIONS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const SKILL_LEVEL_VALUES = ['1', '2', '3', '4'] as const;
