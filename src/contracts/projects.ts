import { z } from 'zod';
import { ZCountryCode, ZId, ZIsoDate, ZLocalizedText, ZPageQuery, ZSort, ZVersion } from './common.js';

/** Kinds of international work a college runs. */
export const PROJECT_TYPES = [
  'capacity_building',
  'teacher_training',
  'exchange_delegation',
  'worldskills_base',
  'joint_training_base',
  'skills_competition',
  'distance_education',
  'standards_export',
  'other',
] as const;
export const ZProjectType = z.enum(PROJECT_TYPES);
export type ProjectType = z.infer<typeof ZProjectType>;

/** Where a training base is: at the college (home) or abroad (overseas). */
export const BASE_LOCATIONS = ['home', 'overseas'] as const;

/**
 * IATI 2.03 ActivityStatus: 1 Pipeline/identification, 2 Implementation, 3 Finalisation,
 * 4 Closed, 5 Cancelled, 6 Suspended.
 */
export const PROJECT_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;
export const ZProjectStatus = z.enum(PROJECT_STATUSES).describe('IATI ActivityStatus code');
export type ProjectStatus = z.infer<typeof ZProjectStatus>;

/** IATI OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
export const PARTICIPANT_ROLES = ['1', '2', '3', '4'] as const;
export const ZParticipantRole = z.enum(PARTICIPANT_ROLES).describe('IATI OrganisationRole code');

/** IATI BudgetType (1 Original, 2 Revised) and BudgetStatus (1 Indicative, 2 Committed). */
export const BUDGET_TYPES = ['1', '2'] as const;
export const BUDGET_STATUSES = ['1', '2'] as const;

/**
 * IATI TransactionType: 1 Incoming Funds, 2 Outgoing Commitment, 3 Disbursement, 4 Expenditure,
 * 5 Interest Payment, 6 Loan Repayment, 7 Reimbursement, 8 Purchase of Equity, 9 Sale of Equity,
 * 10 Credit Guarantee, 11 Incoming Commitment, 12 Outgoing Pledge, 13 Incoming Pledge.
 */
export const TRANSACTION_TYPES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
] as const;
export const ZTransactionType = z.enum(TRANSACTION_TYPES).describe('IATI TransactionType code');
/** Transaction types that count as money spent: Disbursement and Expenditure. */
export const SPENDING_TRANSACTION_TYPES = ['3', '4'] as const;

export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency_code')
  .describe('ISO 4217 alphabetic code');

/** Integer minor units (fen, cents, fils…); the currency's exponent says how many per unit. */
export const ZMinorUnits = z
  .number()
  .int('integer_minor_units')
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .describe('Amount in integer minor units of the currency (ISO 4217 exponent)');

/** A percentage with at most two decimals, as IATI reports it (e.g. 33.33). */
export const ZPercentage = z
  .number()
  .min(0, 'percentage_range')
  .max(100, 'percentage_range')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, { message: 'percentage_precision' });

/** DAC 5-digit purpose code; membership in the codelist is checked by the domain rule. */
export const ZSectorCode = z.string().regex(/^\d{5}$/, 'sector_code');

export const ZParticipantInput = z.object({
  partnerId: ZId.nullable().describe('Partner id, or null for the own college'),
  role: ZParticipantRole,
});

export const ZCountryShareInput = z.object({
  country: ZCountryCode,
  percentage: ZPercentage.nullable().default(null),
});

export const ZSectorShareInput = z.object({
  vocabulary: z.literal('1').default('1').describe('IATI SectorVocabulary 1 = OECD DAC CRS 5-digit'),
  code: ZSectorCode,
  percentage: ZPercentage.nullable().default(null),
});

export const ZBudgetInput = z.object({
  type: z.enum(BUDGET_TYPES).default('1'),
  status: z.enum(BUDGET_STATUSES).default('1'),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  valueMinor: ZMinorUnits,
  currency: ZCurrency,
  valueDate: ZIsoDate.nullable().default(null),
});
export type TBudgetInput = z.infer<typeof ZBudgetInput>;

export const ZTransactionInput = z.object({
  type: ZTransactionType,
  date: ZIsoDate,
  valueMinor: ZMinorUnits,
  currency: ZCurrency,
  description: z.string().trim().max(500).default(''),
  providerOrg: z.string().trim().max(200).default(''),
  receiverOrg: z.string().trim().max(200).default(''),
});
export type TTransactionInput = z.infer<typeof ZTransactionInput>;

export const ZProjectInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'code_required')
    .max(50)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'code_format')
    .describe('Local project code, unique in the organization (no spaces, as IATI identifiers)'),
  parentId: ZId.nullable().default(null).describe('The programme this project belongs to'),
  type: ZProjectType,
  baseLocation: z.enum(BASE_LOCATIONS).nullable().default(null),
  title: ZLocalizedText,
  description: z.record(z.string().min(2).max(10), z.string().max(10000)).default({}),
  status: ZProjectStatus.default('1'),
  plannedStart: ZIsoDate.nullable().default(null),
  plannedEnd: ZIsoDate.nullable().default(null),
  actualStart: ZIsoDate.nullable().default(null),
  actualEnd: ZIsoDate.nullable().default(null),
  defaultCurrency: ZCurrency.default('CNY'),
  responsibleUserId: ZId.nullable().default(null),
  participants: z.array(ZParticipantInput).max(30).default([]),
  countries: z.array(ZCountryShareInput).max(60).default([]),
  sectors: z.array(ZSectorShareInput).max(20).default([]),
  agreementIds: z.array(ZId).max(30).default([]),
  budgets: z.array(ZBudgetInput).max(60).default([]),
  transactions: z.array(ZTransactionInput).max(500).default([]),
});
export type TProjectInput = z.infer<typeof ZProjectInput>;

export const ZCreateProjectRequestSchema = ZProjectInput;
export const ZUpdateProjectRequestSchema = z.object({ version: ZVersion, data: ZProjectInput });
export const ZArchiveProjectRequestSchema = z.object({ version: ZVersion, archived: z.boolean() });

const ZMoney = z.object({ currency: z.string(), valueMinor: z.number().int() });

export const ZProjectSummarySchema = z.object({
  id: ZId,
  code: z.string(),
  parentId: ZId.nullable(),
  type: ZProjectType,
  title: z.record(z.string(), z.string()),
  status: ZProjectStatus,
  plannedStart: ZIsoDate.nullable(),
  plannedEnd: ZIsoDate.nullable(),
  actualStart: ZIsoDate.nullable(),
  actualEnd: ZIsoDate.nullable(),
  countries: z.array(z.string()),
  budgetTotals: z.array(ZMoney),
  archived: z.boolean(),
  updatedAt: z.string(),
});
export type TProjectSummary = z.infer<typeof ZProjectSummarySchema>;

export const ZProjectSchema = ZProjectSummarySchema.extend({
  baseLocation: z.enum(BASE_LOCATIONS).nullable(),
  description: z.record(z.string(), z.string()),
  defaultCurrency: z.string(),
  responsible: z.object({ id: ZId, displayName: z.string() }).nullable(),
  parent: z.object({ id: ZId, code: z.string(), title: z.record(z.string(), z.string()) }).nullable(),
  participants: z.array(
    z.object({
      partnerId: ZId.nullable(),
      role: ZParticipantRole,
      names: z.record(z.string(), z.string()).nullable().describe('null for the own college'),
      country: z.string().nullable(),
    }),
  ),
  countryShares: z.array(z.object({ country: z.string(), percentage: z.number().nullable() })),
  sectors: z.array(z.object({ vocabulary: z.string(), code: z.string(), percentage: z.number().nullable() })),
  agreements: z.array(z.object({ id: ZId, title: z.record(z.string(), z.string()), type: z.string() })),
  budgets: z.array(ZBudgetInput.extend({ id: ZId })),
  transactions: z.array(ZTransactionInput.extend({ id: ZId })),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), archive: z.boolean() }),
});
export type TProject = z.infer<typeof ZProjectSchema>;

export const ZSpendingLineSchema = z.object({
  currency: z.string(),
  budgetMinor: z.number().int(),
  spentMinor: z.number().int(),
  remainingMinor: z.number().int(),
  spentPercent: z.number().nullable().describe('Spent as % of budget, null without a budget'),
});

/** The project page: the project and everything linked to it. */
export const ZProjectPageSchema = z.object({
  project: ZProjectSchema,
  subProjects: z.array(ZProjectSummarySchema),
  spending: z.array(ZSpendingLineSchema),
});
export type TProjectPage = z.infer<typeof ZProjectPageSchema>;

export const PROJECT_SORT_FIELDS = ['title', 'code', 'plannedStart', 'status', 'updatedAt'] as const;
export const ZFindProjectsQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Search in code and titles'),
  type: ZProjectType.optional(),
  status: ZProjectStatus.optional(),
  country: ZCountryCode.optional(),
  partnerId: ZId.optional(),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe('Projects whose planned or actual period overlaps this calendar year'),
  parentId: ZId.optional().describe('Only the sub-projects of this programme'),
  topLevel: z.enum(['true', 'false']).optional().describe('true: only projects without a parent'),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  sort: ZSort(PROJECT_SORT_FIELDS).default('title'),
});
export type TFindProjectsQuery = z.infer<typeof ZFindProjectsQuerySchema>;

export const ZProjectPortfolioSchema = z.object({
  total: z.number().int(),
  byType: z.array(z.object({ type: ZProjectType, count: z.number().int() })),
  byStatus: z.array(z.object({ status: ZProjectStatus, count: z.number().int() })),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
  budgetByCurrency: z.array(ZMoney),
});
export type TProjectPortfolio = z.infer<typeof ZProjectPortfolioSchema>;
