import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import zh from 'i18n-iso-countries/langs/zh.json';

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(ar);
countries.registerLocale(zh);

/** i18n-iso-countries uses bare language codes. */
function lang(locale: string): string {
  return locale.split('-')[0] ?? 'en';
}

/** The country's name in the UI language, or the code itself when unknown. */
export function countryName(code: string, locale: string): string {
  if (!code) {
    return '';
  }
  return (
    countries.getName(code, lang(locale), { select: 'official' }) ?? countries.getName(code, 'en') ?? code
  );
}

export interface CountryOption {
  value: string;
  label: string;
}

const optionCache = new Map<string, CountryOption[]>();

/** All ISO 3166-1 alpha-2 countries, sorted by their localized name. */
export function countryOptions(locale: string): CountryOption[] {
  const cached = optionCache.get(locale);
  if (cached) {
    return cached;
  }
  const names = countries.getNames(lang(locale), { select: 'official' });
  const collator = new Intl.Collator(locale);
  const options = Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
  optionCache.set(locale, options);
  return options;
}

/** world-atlas ids are ISO 3166-1 numeric codes ("156"); map them to alpha-2 ("CN"). */
export function numericToAlpha2(numeric: string | number | undefined): string | undefined {
  if (numeric === undefined || numeric === null || numeric === '') {
    return undefined;
  }
  return countries.numericToAlpha2(String(numeric).padStart(3, '0'));
}
