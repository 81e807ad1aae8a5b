/**
 * The college's curation of the taxonomy: whether an ESCO URI is confirmed, which URIs are well
 * formed, and which label to show when the college has added its own translation.
 * Pure: the server stores the overrides, the web shows them.
 */
import { ESCO_STARTER, type StarterEntry } from './esco-starter.js';
import { iscoGroup } from './isco08.js';
import { TAXONOMY_LOCALES, type TaxonomyLocale } from './labels.js';

/**
 * 'none': no ESCO URI; 'unconfirmed': a URI nobody at the college has checked in the ESCO portal
 * (the two shipped URIs the platform team found in public ESCO data included: the college has not
 * confirmed them); 'confirmed': a coordinator checked it (who and when are recorded).
 */
export const ESCO_STATES = ['none', 'unconfirmed', 'confirmed'] as const;
export type EscoState = (typeof ESCO_STATES)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const ESCO_URI_PATTERNS = {
  skill: new RegExp(`^http://data\\.europa\\.eu/esco/skill/${UUID}$`),
  occupation: new RegExp(`^http://data\\.europa\\.eu/esco/occupation/${UUID}$`),
} as const;

export function isEscoUri(kind: 'skill' | 'occupation', uri: string): boolean {
  return ESCO_URI_PATTERNS[kind].test(uri);
}

export function escoState(uri: string | null, confirmedAt: string | null): EscoState {
  if (!uri) {
    return 'none';
  }
  return confirmedAt ? 'confirmed' : 'unconfirmed';
}

/** The key under which the college's labels of an ISCO-08 group are stored. */
export function iscoItemKey(code: string): string {
  return `isco:${code}`;
}

export type TaxonomyItemRef =
  | { kind: 'isco'; code: string; title: string }
  | { kind: 'starter'; entry: StarterEntry };

const STARTER_BY_KEY: ReadonlyMap<string, StarterEntry> = new Map(ESCO_STARTER.map((e) => [e.key, e]));

/** What an override key names: an ISCO-08 group or a starter entry; undefined for anything else. */
export function taxonomyItem(item: string): TaxonomyItemRef | undefined {
  if (item.startsWith('isco:')) {
    const group = iscoGroup(item.slice('isco:'.length));
    return group ? { kind: 'isco', code: group.code, title: group.title } : undefined;
  }
  const entry = STARTER_BY_KEY.get(item);
  return entry ? { kind: 'starter', entry } : undefined;
}

/** Locales a college may translate for an item: ISCO-08 keeps the ILO's English title. */
export function translatableLocales(ref: TaxonomyItemRef): readonly TaxonomyLocale[] {
  return ref.kind === 'isco' ? TAXONOMY_LOCALES.filter((l) => l !== 'en') : TAXONOMY_LOCALES;
}

/**
 * The label to show: the college's own in `locale`, the shipped one in `locale`, the college's
 * English, the shipped English; the first that is not blank.
 */
export function curatedLabel(
  shipped: Partial<Record<string, string>>,
  college: Partial<Record<string, string>>,
  locale: string,
): string {
  for (const text of [college[locale], shipped[locale], college.en, shipped.en]) {
    const t = text?.trim();
    if (t) {
      return t;
    }
  }
  return '';
}
