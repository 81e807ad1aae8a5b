import { z } from 'zod';
import { ZCountryCode, ZId } from './common.js';
import { ZProjectType } from './projects.js';

/**
 * The portfolio dashboard (issue 5, "Dashboards"): counts over a college's cooperation work, or, for
 * an observer in an authority organization, over every college on the platform. Counts only: no
 * names, e-mails, passport data or free text ever cross the wire here.
 */

export const PORTFOLIO_FILTERS = ['year', 'partnerId', 'country', 'type'] as const;
export type PortfolioFilter = (typeof PORTFOLIO_FILTERS)[number];

export const ZPortfolioQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('Calendar year'),
  partnerId: ZId.optional().describe('A partner of the college (not in the provincial view)'),
  country: ZCountryCode.optional(),
  type: ZProjectType.optional().describe('Project type'),
});
export type TPortfolioQuery = z.infer<typeof ZPortfolioQuerySchema>;

export const PORTFOLIO_FIGURES = [
  'projects',
  'participants',
  'agreements',
  'indicators',
  'mobilities',
  'certificates',
  'medals',
  'surveys',
] as const;
export type PortfolioFigure = (typeof PORTFOLIO_FIGURES)[number];

/**
 * Which filters narrow which figure, and how (the web says so beside each figure):
 * - projects, indicators: the project list's own filters (active in the year, a participating
 *   partner, a recipient country, the type); indicators are those of the matching projects.
 * - participants: people with a confirmed, attending or completed enrolment, in cohorts that start
 *   in the year, of projects of the type and with the partner, and from the country.
 * - agreements: in force today (active or expiring by the agreements' own status rule), with the
 *   partner, or a partner in the country. Year and type do not apply.
 * - mobilities: not cancelled, starting in the year, with the partner (home or host) or a partner in
 *   the country, of projects of the type.
 * - certificates: valid, issued in the year, for cohorts of projects of the type and with the
 *   partner, to people from the country.
 * - medals: in published results only, of competitions ending in the year, won by members from the
 *   country or representing the partner. Type does not apply.
 * - surveys: responses submitted in the year to surveys of projects of the type and with the
 *   partner. Country does not apply.
 */
export const FIGURE_FILTERS: Record<PortfolioFigure, readonly PortfolioFilter[]> = {
  projects: ['year', 'partnerId', 'country', 'type'],
  participants: ['year', 'partnerId', 'country', 'type'],
  agreements: ['partnerId', 'country'],
  indicators: ['year', 'partnerId', 'country', 'type'],
  mobilities: ['year', 'partnerId', 'country', 'type'],
  certificates: ['year', 'partnerId', 'country', 'type'],
  medals: ['year', 'partnerId', 'country'],
  surveys: ['year', 'partnerId', 'type'],
};

/** One group of a breakdown; `n` is null when the group is suppressed as too small (provincial view). */
export const ZPortfolioCount = z.object({
  key: z
    .string()
    .nullable()
    .describe('The group (a type, a status, a country, a year …); null = not recorded'),
  n: z.number().int().nullable(),
});
export type TPortfolioCount = z.infer<typeof ZPortfolioCount>;

const counts = z.array(ZPortfolioCount);

export const ZPortfolioFigures = z.object({
  projects: z.object({
    total: z.number().int(),
    byType: counts,
    byStatus: counts,
    byCountry: counts.describe('Projects per recipient country (a project may count in several)'),
  }),
  participants: z.object({
    /** Distinct people; null when suppressed. */
    total: z.number().int().nullable(),
    completed: z.number().int().nullable(),
    byCountry: counts,
    byGender: counts,
    byYear: counts.describe('People per year their cohort started'),
  }),
  agreements: z.object({ active: z.number().int(), expiring: z.number().int() }),
  indicators: z.object({
    total: z.number().int(),
    byStatus: counts.describe('Indicators per status computed today (src/domain/evaluation)'),
    atRisk: z.number().int(),
    offTrack: z.number().int(),
  }),
  mobilities: z.object({ total: z.number().int(), byDirection: counts }),
  certificates: z.object({ total: z.number().int().nullable() }),
  medals: z.object({ total: z.number().int(), byMedal: counts }),
  surveys: z.object({ responses: z.number().int(), byLevel: counts }),
});
export type TPortfolioFigures = z.infer<typeof ZPortfolioFigures>;

/** One college's line in the provincial view; person counts are null when suppressed. */
export const ZPortfolioCollege = z.object({
  id: ZId,
  name: z.string(),
  projects: z.number().int(),
  participants: z.number().int().nullable(),
  agreementsActive: z.number().int(),
  agreementsExpiring: z.number().int(),
  indicatorsAtRisk: z.number().int(),
  indicatorsOffTrack: z.number().int(),
  mobilities: z.number().int(),
  certificates: z.number().int().nullable(),
  medals: z.number().int(),
  surveyResponses: z.number().int(),
});
export type TPortfolioCollege = z.infer<typeof ZPortfolioCollege>;

export const ZPortfolioSchema = z.object({
  /** `college`: the actor's own organization; `province`: every college (authority observers). */
  scope: z.enum(['college', 'province']),
  today: z.string(),
  filters: ZPortfolioQuerySchema,
  /** Smallest group shown in the provincial view (null in a college's own view: nothing is hidden). */
  minGroupSize: z.number().int().nullable(),
  figures: ZPortfolioFigures,
  /** Per college (provincial view only; empty otherwise), largest portfolio first. */
  colleges: z.array(ZPortfolioCollege),
});
export type TPortfolio = z.infer<typeof ZPortfolioSchema>;
