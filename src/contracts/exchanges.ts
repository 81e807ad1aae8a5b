import { z } from 'zod';
import { ZCountryCode, ZId, ZIsoDate, ZPageQuery, ZSort, ZVersion } from './common.js';

/**
 * Exchanges and delegations: one mobility is one trip of one or more people, inbound (people of a
 * partner come to the college) or outbound (college people go to a partner). Shaped after the EWP
 * omobilities/imobilities and Erasmus+ Beneficiary Module mobility activities: direction,
 * category, sending (home) and receiving (host) organization, planned and actual dates, funding.
 */
export const MOBILITY_DIRECTIONS = ['inbound', 'outbound'] as const;
export const ZMobilityDirection = z.enum(MOBILITY_DIRECTIONS);
export type MobilityDirection = z.infer<typeof ZMobilityDirection>;

export const MOBILITY_CATEGORIES = ['teacher', 'staff', 'student', 'expert', 'official_delegation'] as const;
export const ZMobilityCategory = z.enum(MOBILITY_CATEGORIES);
export type MobilityCategory = z.infer<typeof ZMobilityCategory>;

/** Workflow stages, in order; `cancelled` can end any stage before the return. */
export const MOBILITY_STAGES = [
  'proposed',
  'approved',
  'invitation_visa',
  'travelling',
  'returned',
  'report_received',
  'cancelled',
] as const;
export const ZMobilityStage = z.enum(MOBILITY_STAGES);
export type MobilityStage = z.infer<typeof ZMobilityStage>;

/** Who bears the costs of the stay (printed in the invitation letter). */
export const MOBILITY_COST_BEARERS = ['host', 'home', 'shared'] as const;
export const ZMobilityCostBearer = z.enum(MOBILITY_COST_BEARERS);

export const MEMBER_GENDERS = ['female', 'male', 'unspecified'] as const;

/** Codes of the default checklist items (translated by the web; custom items have no code). */
export const CHECKLIST_CODES = [
  'passport_valid',
  'visa',
  'travel_insurance',
  'flight_booked',
  'fao_approval',
  'work_plan',
  'learning_agreement',
  'agenda_confirmed',
  'invitation_letter_issued',
  'visa_support',
  'accommodation',
  'airport_pickup',
  'local_registration',
  'reception_protocol',
] as const;
export type ChecklistCode = (typeof CHECKLIST_CODES)[number];

/** Why a transition was refused (`details.problem` of the 409 INVALID_STATE answer). */
export const TRANSITION_PROBLEMS = [
  'not_allowed',
  'reason_required',
  'members_required',
  'actual_start_required',
  'actual_end_required',
  'end_before_start',
  'date_in_future',
  'report_required',
] as const;
export type TransitionProblem = (typeof TRANSITION_PROBLEMS)[number];

/** One side of the trip: the own college, or a partner. */
export const ZMobilityParty = z.object({
  isOwn: z.boolean(),
  partnerId: ZId.nullable().default(null),
});

export const ZMobilityMemberInput = z.object({
  id: ZId.optional().describe('Present when updating an existing member'),
  nameNative: z.string().trim().max(200).default(''),
  nameLatin: z.string().trim().min(1, 'name_required').max(200),
  gender: z.enum(MEMBER_GENDERS).default('unspecified'),
  position: z.string().trim().max(200).default(''),
  nationality: ZCountryCode.nullable().default(null),
  passportNumber: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9<]*$/, 'passport_format')
    .default('')
    .describe(
      'Sensitive: returned only with mobility.sensitive_read; kept unchanged when sent empty without it',
    ),
});
export type TMobilityMemberInput = z.infer<typeof ZMobilityMemberInput>;

const mobilityFields = z.object({
  direction: ZMobilityDirection,
  category: ZMobilityCategory,
  title: z.string().trim().min(1, 'title_required').max(300),
  purpose: z.string().trim().max(5000).default(''),
  home: ZMobilityParty.describe('Sending organization'),
  host: ZMobilityParty.describe('Receiving organization'),
  destinationCity: z.string().trim().max(200).default(''),
  plannedStartOn: ZIsoDate,
  plannedEndOn: ZIsoDate,
  actualStartOn: ZIsoDate.nullable().default(null),
  actualEndOn: ZIsoDate.nullable().default(null),
  fundingSource: z.string().trim().max(500).default(''),
  fundingAmountMinor: z.number().int().min(0).max(1e13).nullable().default(null).describe('Minor units'),
  fundingCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency_code')
    .nullable()
    .default(null),
  costsBorneBy: ZMobilityCostBearer.default('host'),
  projectId: ZId.nullable().default(null),
  agreementId: ZId.nullable().default(null),
  notes: z.string().max(10000).default(''),
  members: z.array(ZMobilityMemberInput).max(100).default([]),
});

function checkMobility(m: z.infer<typeof mobilityFields>, ctx: z.RefinementCtx) {
  if (m.plannedEndOn < m.plannedStartOn) {
    ctx.addIssue({ code: 'custom', path: ['plannedEndOn'], message: 'end_before_start' });
  }
  if (m.actualStartOn && m.actualEndOn && m.actualEndOn < m.actualStartOn) {
    ctx.addIssue({ code: 'custom', path: ['actualEndOn'], message: 'end_before_start' });
  }
  const own = m.direction === 'inbound' ? 'host' : 'home';
  if (!m[own].isOwn) {
    ctx.addIssue({ code: 'custom', path: [own, 'isOwn'], message: 'own_side_required' });
  }
  for (const side of ['home', 'host'] as const) {
    const p = m[side];
    if (p.isOwn && p.partnerId) {
      ctx.addIssue({ code: 'custom', path: [side, 'partnerId'], message: 'own_has_no_partner' });
    }
    if (!p.isOwn && !p.partnerId) {
      ctx.addIssue({ code: 'custom', path: [side, 'partnerId'], message: 'partner_required' });
    }
  }
  if ((m.fundingAmountMinor === null) !== (m.fundingCurrency === null)) {
    ctx.addIssue({ code: 'custom', path: ['fundingCurrency'], message: 'amount_and_currency' });
  }
}

export const ZMobilityInput = mobilityFields.superRefine(checkMobility);
export type TMobilityInput = z.infer<typeof ZMobilityInput>;

export const ZCreateMobilityRequestSchema = ZMobilityInput;
export const ZUpdateMobilityRequestSchema = z.object({ version: ZVersion, data: ZMobilityInput });

export const ZTransitionMobilityRequestSchema = z
  .object({
    version: ZVersion,
    to: ZMobilityStage,
    note: z.string().trim().max(2000).default(''),
    actualStartOn: ZIsoDate.optional().describe('Sets the actual start (when moving to travelling)'),
    actualEndOn: ZIsoDate.optional().describe('Sets the actual end (when moving to returned)'),
  })
  .superRefine((b, ctx) => {
    if (b.to === 'cancelled' && b.note.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'reason_required' });
    }
  });
export type TTransitionMobilityRequest = z.infer<typeof ZTransitionMobilityRequestSchema>;

export const ZSubmitMobilityReportRequestSchema = z.object({
  version: ZVersion.describe('Version of the mobility'),
  summary: z.string().trim().min(1, 'summary_required').max(10000),
  outcomes: z.string().trim().max(10000).default(''),
  followUpActions: z.string().trim().max(10000).default(''),
});

export const ZAddChecklistItemRequestSchema = z.object({
  label: z.string().trim().min(1, 'label_required').max(300),
});
export const ZTickChecklistItemRequestSchema = z.object({ done: z.boolean() });
export const ZChecklistParams = z.object({ id: ZId, itemId: ZId });

const ZPartyOut = z.object({
  isOwn: z.boolean(),
  partner: z.object({ id: ZId, names: z.record(z.string(), z.string()), country: z.string() }).nullable(),
});

export const ZMobilityMemberSchema = z.object({
  id: ZId,
  nameNative: z.string(),
  nameLatin: z.string(),
  gender: z.enum(MEMBER_GENDERS),
  position: z.string(),
  nationality: z.string().nullable(),
  passportNumber: z.string().nullable().describe('null when the caller may not read sensitive fields'),
});

export const ZMobilityEventSchema = z.object({
  id: ZId,
  fromStage: ZMobilityStage.nullable(),
  toStage: ZMobilityStage,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string(),
});

export const ZChecklistItemSchema = z.object({
  id: ZId,
  code: z.enum(CHECKLIST_CODES).nullable(),
  label: z.string(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type TChecklistItem = z.infer<typeof ZChecklistItemSchema>;

export const ZMobilityReportSchema = z.object({
  summary: z.string(),
  outcomes: z.string(),
  followUpActions: z.string(),
  submittedBy: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
});

export const ZMobilitySummarySchema = z.object({
  id: ZId,
  direction: ZMobilityDirection,
  category: ZMobilityCategory,
  title: z.string(),
  stage: ZMobilityStage,
  home: ZPartyOut,
  host: ZPartyOut,
  country: z.string().nullable().describe('Country of the partner side'),
  plannedStartOn: ZIsoDate,
  plannedEndOn: ZIsoDate,
  actualStartOn: ZIsoDate.nullable(),
  actualEndOn: ZIsoDate.nullable(),
  memberCount: z.number().int(),
  checklistDone: z.number().int(),
  checklistTotal: z.number().int(),
  updatedAt: z.string(),
});
export type TMobilitySummary = z.infer<typeof ZMobilitySummarySchema>;

export const ZMobilitySchema = ZMobilitySummarySchema.extend({
  purpose: z.string(),
  destinationCity: z.string(),
  fundingSource: z.string(),
  fundingAmountMinor: z.number().int().nullable(),
  fundingCurrency: z.string().nullable(),
  costsBorneBy: ZMobilityCostBearer,
  project: z.object({ id: ZId, code: z.string(), title: z.record(z.string(), z.string()) }).nullable(),
  agreement: z.object({ id: ZId, title: z.record(z.string(), z.string()) }).nullable(),
  notes: z.string(),
  cancellationReason: z.string().nullable(),
  members: z.array(ZMobilityMemberSchema),
  events: z.array(ZMobilityEventSchema),
  checklist: z.array(ZChecklistItemSchema),
  report: ZMobilityReportSchema.nullable(),
  nextStages: z.array(ZMobilityStage),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean(),
    transition: z.boolean(),
    readSensitive: z.boolean(),
    invitationLetter: z.boolean(),
  }),
});
export type TMobility = z.infer<typeof ZMobilitySchema>;

const mobilityFilters = {
  q: z.string().trim().max(200).optional().describe('Search in title, purpose and member names'),
  direction: ZMobilityDirection.optional(),
  category: ZMobilityCategory.optional(),
  stage: ZMobilityStage.optional(),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('Year of the (actual, else planned) start'),
  partnerId: ZId.optional(),
  projectId: ZId.optional(),
};

export const ZFindMobilitiesQuerySchema = ZPageQuery.extend({
  ...mobilityFilters,
  sort: ZSort(['startOn', 'title', 'updatedAt'] as const).default('-startOn'),
});
export type TFindMobilitiesQuery = z.infer<typeof ZFindMobilitiesQuerySchema>;

export const ZMobilityCountsQuerySchema = z.object(mobilityFilters);
export type TMobilityCountsQuery = z.infer<typeof ZMobilityCountsQuerySchema>;

/** Counts for dashboards and the evaluation module: mobilities and people travelling. */
export const ZMobilityCountsSchema = z.object({
  total: z.number().int(),
  people: z.number().int(),
  byDirection: z.record(ZMobilityDirection, z.number().int()),
  byCategory: z.record(ZMobilityCategory, z.number().int()),
  byStage: z.record(ZMobilityStage, z.number().int()),
  byCountry: z.array(
    z.object({ country: z.string(), mobilities: z.number().int(), people: z.number().int() }),
  ),
});
export type TMobilityCounts = z.infer<typeof ZMobilityCountsSchema>;
