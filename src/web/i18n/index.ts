import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common.js';
import { type Catalog, englishFeatureParts, loadFeatureParts, mergeCatalogs } from './catalog-parts';
import en from './locales/en.json';

export { LOCALES, type Locale };

/** Names of the languages in themselves, for the language switcher. */
export const LOCALE_LABELS: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '中文',
  fr: 'Français',
  ar: 'العربية',
};

const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);
const STORAGE_KEY = 'tvet.locale';

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalog }>> = {
  'zh-CN': () => import('./locales/zh-CN.json'),
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

/** Stored choice, else the first browser language we support, else English. */
export function detectLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) {
      return stored;
    }
  } catch {
    // storage may be blocked; fall through
  }
  const langs = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const l of langs) {
    if (isLocale(l)) {
      return l;
    }
    const base = l.split('-')[0];
    if (base === 'zh') {
      return 'zh-CN';
    }
    if (isLocale(base)) {
      return base;
    }
  }
  return 'en';
}

function applyToDocument(locale: Locale): void {
  if (typeof document === 'undefined') {
    return;
  }
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

async function ensureLoaded(locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.hasResourceBundle(locale, 'translation')) {
    return;
  }
  const [mod, parts] = await Promise.all([loaders[locale](), loadFeatureParts(locale)]);
  i18n.addResourceBundle(locale, 'translation', mergeCatalogs(mod.default, ...parts), true, true);
}

/** Switch language: loads the catalog, sets <html lang dir>, remembers the choice locally. */
export async function setLocale(locale: Locale): Promise<void> {
  await ensureLoaded(locale);
  await i18n.changeLanguage(locale);
  applyToDocument(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

export async function initI18n(): Promise<typeof i18n> {
  const locale = detectLocale();
  await i18n
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: mergeCatalogs(en, ...englishFeatureParts()) } },
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  await setLocale(locale);
  return i18n;
}

export default i18n;
