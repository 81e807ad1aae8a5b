import { z } from 'zod';

export const LOCALES = ['en', 'zh-CN', 'fr', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const ZLocale = z.enum(LOCALES);

/** Text in several languages: `{ "en": "...", "zh-CN": "..." }`. At least one entry. */
export const ZLocalizedText = z
  .record(z.string().min(2).max(10), z.string().trim().max(2000))
  .refine((v) => Object.values(v).some((s) => s.length > 0), { message: 'at_least_one_language' })
  .describe('Text per language tag, e.g. {"en":"...","zh-CN":"..."}');
export type LocalizedText = z.infer<typeof ZLocalizedText>;

export const ZId = z.string().min(1).max(64).describe('Identifier (UUIDv7)');
export const ZIdParams = z.object({ id: ZId });

/** ISO-8601 calendar date (YYYY-MM-DD). */
export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format');

export const ZCountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country_code')
  .describe('ISO 3166-1 alpha-2');

export const ZVersion = z.number().int().min(1).describe('Optimistic concurrency version');

/**
 * A web address people will click: http(s) only, so a `javascript:` or `data:` address can never
 * become a link (`url_format` otherwise).
 */
export const ZHttpUrl = (max: number) =>
  z
    .string()
    .trim()
    .url({ error: 'url_format', protocol: /^https?$/ })
    .max(max);

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export function ZPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const ZOk = z.object({ ok: z.literal(true) });

/** `?sort=name` or `?sort=-name` (descending). */
export function ZSort<T extends readonly [string, ...string[]]>(fields: T) {
  const allowed = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(allowed);
}
