import { LIBRARY_LANGUAGES } from '../../../contracts/library.js';

/** The name of a language tag in the UI language ("zh-CN" → "Chinese (China)"), or the tag itself. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function languageOptions(locale: string, only?: readonly string[]) {
  return (only ?? LIBRARY_LANGUAGES).map((l) => ({ value: l, label: `${languageName(l, locale)} (${l})` }));
}

/** Right-to-left scripts among the accepted tags, for `dir` on term cells. */
export function directionOfTag(tag: string): 'rtl' | 'ltr' {
  return ['ar', 'fa', 'ur'].includes(tag) ? 'rtl' : 'ltr';
}
