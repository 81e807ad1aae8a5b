/**
 * Catalogs come in parts: the shared one in i18n/locales/<locale>.json and one per feature in
 * features/<feature>/locales/<locale>.json, each under its own top-level namespace (so features
 * can be built side by side without editing one big file). They are merged per locale.
 */
export type Catalog = { [key: string]: string | Catalog };

const englishParts = import.meta.glob<{ default: Catalog }>('../features/*/locales/en.json', { eager: true });
const lazyParts = import.meta.glob<{ default: Catalog }>('../features/*/locales/*.json');

function deepMerge(target: Catalog, source: Catalog): Catalog {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') {
      deepMerge(existing, value);
    } else {
      target[key] = typeof value === 'object' ? deepMerge({}, value) : value;
    }
  }
  return target;
}

export function mergeCatalogs(...parts: Catalog[]): Catalog {
  return parts.reduce<Catalog>((acc, part) => deepMerge(acc, part), {});
}

/** The English feature parts, bundled with the app (English is the fallback language). */
export function englishFeatureParts(): Catalog[] {
  return Object.values(englishParts).map((m) => m.default);
}

/** The feature parts of one locale, loaded on demand. */
export async function loadFeatureParts(locale: string): Promise<Catalog[]> {
  const loaders = Object.entries(lazyParts)
    .filter(([file]) => file.endsWith(`/locales/${locale}.json`))
    .map(([, load]) => load());
  return (await Promise.all(loaders)).map((m) => m.default);
}
