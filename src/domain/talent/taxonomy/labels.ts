/** Labels of taxonomy entries in the platform's four languages, each with where it came from. */
export const TAXONOMY_LOCALES = ['en', 'zh-CN', 'fr', 'ar'] as const;
export type TaxonomyLocale = (typeof TAXONOMY_LOCALES)[number];

/**
 * 'esco': the ESCO preferred label, checked against published ESCO data.
 * 'own': written by the platform team (an own translation, or a suggested label not checked
 * against ESCO); the college should review it and may replace it.
 * 'college': entered by the college.
 */
export type LabelSource = 'esco' | 'own' | 'college';

export interface TaxonomyLabel {
  text: string;
  source: LabelSource;
}

export type TaxonomyLabels = Record<TaxonomyLocale, TaxonomyLabel>;

/** The label in `locale`, else in English. */
export function labelIn(
  labels: Partial<Record<TaxonomyLocale, TaxonomyLabel>>,
  locale: TaxonomyLocale,
): string {
  const own = labels[locale]?.text.trim();
  if (own) {
    return own;
  }
  return labels.en?.text.trim() ?? '';
}
