import { z } from 'zod';
import { ZCountryCode, ZId, ZIsoDate, ZVersion } from './common.js';
import { PROJECT_STATUSES, PROJECT_TYPES } from './projects.js';

/**
 * The public showcase of a college (issue 5): a page per college, in every supported language,
 * showing only what the college marked public. What "marked public" means:
 *
 * - the showcase itself: `enabled` (off: every public address answers 404);
 * - sections: which parts of the page are shown (`SHOWCASE_SECTIONS`);
 * - projects: each project's own "shown publicly" flag; archived projects never show;
 * - partners: those taking part in a public project, with name, country, city and type only;
 * - competitions: those with at least one skill whose results are published (the embargo holds);
 * - resources: each library resource's own "shown publicly" flag (listed, not downloadable);
 * - figures: the figure keys the college ticks (`SHOWCASE_FIGURES`), counts computed from public
 *   projects only where the figure belongs to a project; the budget only when `budget` is ticked.
 */
export const SHOWCASE_SECTIONS = ['figures', 'projects', 'partners', 'competitions', 'resources'] as const;
export type ShowcaseSection = (typeof SHOWCASE_SECTIONS)[number];

/**
 * - projects: public projects (not archived).
 * - partner_countries: distinct countries of the partners of public projects.
 * - participants_trained: distinct people whose enrolment is completed in a cohort of a public project.
 * - certificates_issued: valid (not revoked) certificates of those cohorts.
 * - mobilities: mobilities of public projects that came back (returned or report received).
 * - medals: medals (gold, silver, bronze, medallion for excellence) in the published results of the
 *   college's competitions (competitions belong to no project).
 * - budget: the effective budget of public projects per currency (revised budgets replace originals).
 */
export const SHOWCASE_FIGURES = [
  'projects',
  'partner_countries',
  'participants_trained',
  'certificates_issued',
  'mobilities',
  'medals',
  'budget',
] as const;
export type ShowcaseFigure = (typeof SHOWCASE_FIGURES)[number];

/** Lower-case letters, digits and single hyphens, 3–60 characters: the page's public address. */
export const ZShowcaseSlug = z
  .string()
  .trim()
  .min(3, 'showcase_slug_format')
  .max(60, 'showcase_slug_format')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'showcase_slug_format')
  .describe('Public address part: /showcase/<slug>');

/** Text per language where every entry may be empty (optional texts). */
const ZOptionalText = z.record(z.string().min(2).max(10), z.string().trim().max(2000));

export const ZShowcaseInput = z.object({
  enabled: z.boolean(),
  slug: ZShowcaseSlug,
  /** The college's name per language on the page; empty: the organization's name. */
  names: z.record(z.string().min(2).max(10), z.string().trim().max(200)).default({}),
  intro: ZOptionalText.default({}),
  sections: z.array(z.enum(SHOWCASE_SECTIONS)).max(SHOWCASE_SECTIONS.length).default([]),
  figures: z.array(z.enum(SHOWCASE_FIGURES)).max(SHOWCASE_FIGURES.length).default([]),
  contactEmail: z.union([z.literal(''), z.string().trim().max(200).email('email_format')]).default(''),
});
export type TShowcaseInput = z.infer<typeof ZShowcaseInput>;

/** `version` 0 creates the settings (first save); otherwise compare-and-set. */
export const ZSaveShowcaseRequestSchema = z.object({
  version: z.number().int().min(0),
  data: ZShowcaseInput,
});

export const ZShowcaseSettingsSchema = z.object({
  enabled: z.boolean(),
  slug: z.string(),
  names: z.record(z.string(), z.string()),
  intro: z.record(z.string(), z.string()),
  sections: z.array(z.enum(SHOWCASE_SECTIONS)),
  figures: z.array(z.enum(SHOWCASE_FIGURES)),
  contactEmail: z.string(),
  /** 0 while never saved. */
  version: z.number().int(),
  organizationName: z.string(),
  /** Where the page is (relative), whether or not it is enabled. */
  path: z.string(),
  counts: z.object({ publicProjects: z.number().int(), publicResources: z.number().int() }),
  abilities: z.object({ manage: z.boolean() }),
});
export type TShowcaseSettings = z.infer<typeof ZShowcaseSettingsSchema>;

/** Toggle of one project's or resource's "shown publicly" flag (compare-and-set on its version). */
export const ZSetPublicRequestSchema = z.object({ public: z.boolean(), version: ZVersion });

export const ZShowcaseToggleSchema = z.object({ id: ZId, public: z.boolean(), version: z.number().int() });
export type TShowcaseToggle = z.infer<typeof ZShowcaseToggleSchema>;

export const ZShowcaseItemSchema = z.object({
  id: ZId,
  /** Project code, or the resource kind. */
  code: z.string(),
  title: z.record(z.string(), z.string()),
  status: z.string(),
  public: z.boolean(),
  version: z.number().int(),
});
export type TShowcaseItem = z.infer<typeof ZShowcaseItemSchema>;
export const ZShowcaseItemsSchema = z.object({ data: z.array(ZShowcaseItemSchema) });

// ---------------------------------------------------------------------------------------------
// Public answers: built field by field from an allow-list, never from raw rows.

const ZText = z.record(z.string(), z.string());

export const ZPublicSlugParams = z.object({ slug: ZShowcaseSlug });
export const ZPublicProjectParams = ZPublicSlugParams.extend({
  projectCode: z.string().min(1).max(100),
});

export const ZPublicPartnerSchema = z.object({
  id: ZId,
  names: ZText,
  country: z.string(),
  city: z.string(),
  /** IATI OrganisationType code. */
  type: z.string(),
});
export type TPublicPartner = z.infer<typeof ZPublicPartnerSchema>;

export const ZPublicProjectSummarySchema = z.object({
  code: z.string(),
  title: ZText,
  type: z.enum(PROJECT_TYPES),
  status: z.enum(PROJECT_STATUSES),
  start: ZIsoDate.nullable(),
  end: ZIsoDate.nullable(),
  countries: z.array(ZCountryCode),
});
export type TPublicProjectSummary = z.infer<typeof ZPublicProjectSummarySchema>;

export const ZPublicFigureSchema = z.object({
  key: z.enum(SHOWCASE_FIGURES),
  value: z.number().int().nullable(),
  /** Only for `budget`: amounts per currency in minor units. */
  amounts: z.array(z.object({ currency: z.string(), valueMinor: z.number() })).optional(),
});
export type TPublicFigure = z.infer<typeof ZPublicFigureSchema>;

export const ZPublicCompetitionSchema = z.object({
  slug: z.string(),
  names: ZText,
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  city: z.string(),
  country: z.string(),
  publishedSkills: z.number().int(),
  /** The existing public results page (/public/competitions/:orgKey/:slug). */
  path: z.string(),
});

export const ZPublicResourceSchema = z.object({
  id: ZId,
  kind: z.string(),
  title: ZText,
  description: z.string(),
  subject: z.string(),
  latestVersion: z.string().nullable(),
  publishedOn: ZIsoDate.nullable(),
  languages: z.array(z.string()),
});

export const ZPublicCollegeSchema = z.object({
  slug: z.string(),
  names: ZText,
  shortName: z.string(),
  country: z.string(),
  intro: ZText,
  contactEmail: z.string(),
  sections: z.array(z.enum(SHOWCASE_SECTIONS)),
});

export const ZPublicShowcaseSchema = z.object({
  college: ZPublicCollegeSchema,
  figures: z.array(ZPublicFigureSchema),
  projects: z.array(ZPublicProjectSummarySchema),
  partners: z.array(ZPublicPartnerSchema),
  competitions: z.array(ZPublicCompetitionSchema),
  resources: z.array(ZPublicResourceSchema),
});
export type TPublicShowcase = z.infer<typeof ZPublicShowcaseSchema>;

export const ZPublicIndicatorSchema = z.object({
  id: ZId,
  resultType: z.string(),
  resultTitle: ZText,
  title: ZText,
  unit: ZText,
  measure: z.string(),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** Percent of the way from baseline to target (0–100, clamped), null when it cannot be judged. */
  percent: z.number().nullable(),
  status: z.string(),
});

export const ZPublicProjectSchema = z.object({
  college: ZPublicCollegeSchema,
  project: ZPublicProjectSummarySchema.extend({
    description: ZText,
    sectors: z.array(z.string()),
    partners: z.array(ZPublicPartnerSchema.extend({ role: z.string() })),
    indicators: z.array(ZPublicIndicatorSchema),
    /** Only when the college shows the budget figure. */
    budget: z.array(z.object({ currency: z.string(), valueMinor: z.number() })).nullable(),
  }),
});
export type TPublicProject = z.infer<typeof ZPublicProjectSchema>;
