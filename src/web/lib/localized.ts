/** Localized text maps `{ en: '...', 'zh-CN': '...' }`: pick the best entry for a locale. */

const FALLBACKS: Record<string, string[]> = {
  'zh-CN': ['zh-CN', 'zh', 'en'],
  fr: ['fr', 'en'],
  ar: ['ar', 'en'],
  en: ['en'],
};

export function pickLocalized(text: Record<string, string> | null | undefined, locale: string): string {
  if (!text) {
    return '';
  }
  const chain = FALLBACKS[locale] ?? [locale, 'en'];
  for (const key of chain) {
    const v = text[key];
    if (v?.trim()) {
      return v;
    }
  }
  for (const v of Object.values(text)) {
    if (v?.trim()) {
      return v;
    }
  }
  return '';
}
