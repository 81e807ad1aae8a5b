import { z } from 'zod';
import { ZCountryCode, ZId, ZIsoDate, ZLocalizedText, ZPageQuery, ZSort, ZVersion } from './common.js';
import { ZImportProblem } from './partners.js';

export const BASE_KINDS = ['worldskills', 'joint'] as const;
export const BASE_LOCATIONS = ['at_home', 'abroad'] as const;
export const BASE_STATUSES = ['planned', 'active', 'suspended', 'closed'] as const;
export const TEAM_ROLES = ['expert', 'coach', 'assistant'] as const;
export const TRAINEE_STATUSES = ['active', 'alumni', 'withdrawn'] as const;
export const ACTIVITY_TYPES = [
  'training_camp',
  'mock_competition',
  'technical_exchange_abroad',
  'other',
] as const;
export const INFRASTRUCTURE_BASES = ['per_workstation', 'per_competitor', 'per_workshop'] as const;
export type InfrastructureBasis = (typeof INFRASTRUCTURE_BASES)[number];
export const EQUIPMENT_CONDITIONS = ['new', 'good', 'fair', 'poor', 'out_of_service'] as const;
export type EquipmentCondition = (typeof EQUIPMENT_CONDITIONS)[number];
export const COMPLIANCE_STATUSES = ['matched', 'short', 'missing'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
/** Which count stands for "competitors" when a list item is per competitor. */
export const COMPETITOR_SOURCES = ['workstations', 'trainees'] as const;

/** WorldSkills skill number: CIS allows up to 4 characters, letters included. */
export const ZSkillNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{1,4}$/, 'skill_number_format');

const text = (max: number) => z.string().trim().max(max);

export const ZBaseInput = z
  .object({
    kind: z.enum(BASE_KINDS),
    names: ZLocalizedText.refine((n) => (n.en ?? '').trim().length > 0, { message: 'english_name_required' }),
    skillNumber: ZSkillNumber.or(z.literal('')).default(''),
    skillName: text(200).default(''),
    location: z.enum(BASE_LOCATIONS),
    siteAddress: text(500).default(''),
    country: ZCountryCode,
    partnerId: ZId.nullable()
      .default(null)
      .describe('Partner college or enterprise hosting or co-running the base'),
    workstations: z.number().int().min(1).max(1000),
    establishedOn: ZIsoDate.nullable().default(null),
    status: z.enum(BASE_STATUSES).default('active'),
    facilities: text(10000).default(''),
    notes: text(10000).default(''),
  })
  .refine((b) => b.kind !== 'worldskills' || b.skillNumber !== '', {
    message: 'skill_number_required',
    path: ['skillNumber'],
  });
export type TBaseInput = z.infer<typeof ZBaseInput>;

export const ZCreateBaseRequestSchema = ZBaseInput;
export const ZUpdateBaseRequestSchema = z.object({ version: ZVersion, data: ZBaseInput });

export const ZEquipmentInput = z.object({
  itemName: text(300).min(1),
  specification: text(1000).default(''),
  quantity: z.number().int().min(0).max(1_000_000),
  unit: text(50).default(''),
  condition: z.enum(EQUIPMENT_CONDITIONS).default('good'),
  notes: text(2000).default(''),
});
export type TEquipmentInput = z.infer<typeof ZEquipmentInput>;

export const ZTeamMemberInput = z.object({
  nameNative: text(200).default(''),
  nameLatin: text(200).min(1),
  role: z.enum(TEAM_ROLES),
  userId: ZId.nullable().default(null),
});
export type TTeamMemberInput = z.infer<typeof ZTeamMemberInput>;

export const ZTraineeInput = z.object({
  nameNative: text(200).default(''),
  nameLatin: text(200).min(1),
  country: ZCountryCode.or(z.literal('')).default(''),
  since: ZIsoDate.nullable().default(null),
  status: z.enum(TRAINEE_STATUSES).default('active'),
});
export type TTraineeInput = z.infer<typeof ZTraineeInput>;

export const ZActivityInput = z
  .object({
    type: z.enum(ACTIVITY_TYPES),
    title: text(300).min(1),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate.nullable().default(null),
    location: text(300).default(''),
    participants: z.number().int().min(0).max(100_000).default(0),
    summary: text(10000).default(''),
  })
  .refine((a) => a.endsOn === null || a.endsOn >= a.startsOn, {
    message: 'end_before_start',
    path: ['endsOn'],
  });
export type TActivityInput = z.infer<typeof ZActivityInput>;

/** Each collection of a base is saved as a whole, against the base's version. */
export const ZReplaceEquipmentRequestSchema = z.object({
  version: ZVersion,
  items: z.array(ZEquipmentInput).max(2000),
});
export const ZReplaceTeamRequestSchema = z.object({
  version: ZVersion,
  items: z.array(ZTeamMemberInput).max(200),
});
export const ZReplaceTraineesRequestSchema = z.object({
  version: ZVersion,
  items: z.array(ZTraineeInput).max(500),
});
export const ZReplaceActivitiesRequestSchema = z.object({
  version: ZVersion,
  items: z.array(ZActivityInput).max(2000),
});

export const ZEquipmentSchema = z.object({
  id: ZId,
  itemName: z.string(),
  specification: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  condition: z.enum(EQUIPMENT_CONDITIONS),
  notes: z.string(),
});
export const ZTeamMemberSchema = z.object({
  id: ZId,
  nameNative: z.string(),
  nameLatin: z.string(),
  role: z.enum(TEAM_ROLES),
  userId: z.string().nullable(),
});
export const ZTraineeSchema = z.object({
  id: ZId,
  nameNative: z.string(),
  nameLatin: z.string(),
  country: z.string(),
  since: z.string().nullable(),
  status: z.enum(TRAINEE_STATUSES),
});
export const ZActivitySchema = z.object({
  id: ZId,
  type: z.enum(ACTIVITY_TYPES),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  location: z.string(),
  participants: z.number().int(),
  summary: z.string(),
});
export type TEquipment = z.infer<typeof ZEquipmentSchema>;
export type TTeamMember = z.infer<typeof ZTeamMemberSchema>;
export type TTrainee = z.infer<typeof ZTraineeSchema>;
export type TActivity = z.infer<typeof ZActivitySchema>;

export const ZBaseSummarySchema = z.object({
  id: ZId,
  kind: z.enum(BASE_KINDS),
  names: z.record(z.string(), z.string()),
  skillNumber: z.string(),
  skillName: z.string(),
  location: z.enum(BASE_LOCATIONS),
  country: z.string(),
  partner: z.object({ id: ZId, names: z.record(z.string(), z.string()), country: z.string() }).nullable(),
  workstations: z.number().int(),
  status: z.enum(BASE_STATUSES),
  updatedAt: z.string(),
});
export type TBaseSummary = z.infer<typeof ZBaseSummarySchema>;

export const ZBaseSchema = ZBaseSummarySchema.extend({
  siteAddress: z.string(),
  establishedOn: z.string().nullable(),
  facilities: z.string(),
  notes: z.string(),
  equipment: z.array(ZEquipmentSchema),
  team: z.array(ZTeamMemberSchema),
  trainees: z.array(ZTraineeSchema),
  activities: z.array(ZActivitySchema),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean() }),
});
export type TBase = z.infer<typeof ZBaseSchema>;

export const BASE_SORT_FIELDS = ['name', 'skill', 'country', 'updatedAt'] as const;
export const ZFindBasesQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Search in names, skill, site address'),
  kind: z.enum(BASE_KINDS).optional(),
  location: z.enum(BASE_LOCATIONS).optional(),
  status: z.enum(BASE_STATUSES).optional(),
  skillNumber: z.string().trim().max(4).optional(),
  partnerId: ZId.optional(),
  sort: ZSort(BASE_SORT_FIELDS).default('name'),
});
export type TFindBasesQuery = z.infer<typeof ZFindBasesQuerySchema>;

// ----- Infrastructure Lists -------------------------------------------------------------------

/** Columns of an Infrastructure List file, in order. */
export const INFRASTRUCTURE_LIST_COLUMNS = [
  'item',
  'specification',
  'quantity',
  'basis',
  'category',
] as const;
/** Columns of an equipment inventory file, in order. */
export const INVENTORY_FILE_COLUMNS = [
  'item',
  'specification',
  'quantity',
  'unit',
  'condition',
  'notes',
] as const;

export const ZImportInfrastructureListQuerySchema = z.object({
  name: text(300).min(1),
  skillNumber: ZSkillNumber,
  skillName: text(200).default(''),
});

export const ZInfrastructureListItemSchema = z.object({
  id: ZId,
  item: z.string(),
  specification: z.string(),
  quantity: z.number().int(),
  basis: z.enum(INFRASTRUCTURE_BASES),
  category: z.string(),
});

export const ZInfrastructureListSummarySchema = z.object({
  id: ZId,
  name: z.string(),
  skillNumber: z.string(),
  skillName: z.string(),
  revision: z.number().int().describe('1 for the first list of the skill, then 2, 3 …'),
  sourceFileName: z.string(),
  importedAt: z.string(),
  itemCount: z.number().int(),
});
export type TInfrastructureListSummary = z.infer<typeof ZInfrastructureListSummarySchema>;
export const ZInfrastructureListSchema = ZInfrastructureListSummarySchema.extend({
  items: z.array(ZInfrastructureListItemSchema),
});
export type TInfrastructureList = z.infer<typeof ZInfrastructureListSchema>;
export const ZFindInfrastructureListsQuerySchema = z.object({
  skillNumber: z.string().trim().max(4).optional(),
});

export const ZTabularImportPreviewSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  problems: z.array(ZImportProblem),
  canImport: z.boolean(),
});
export type TTabularImportPreview = z.infer<typeof ZTabularImportPreviewSchema>;

export const ZImportInventoryQuerySchema = z.object({
  mode: z.enum(['append', 'replace']).default('append'),
});

// ----- Compliance ----------------------------------------------------------------------------

export const ZComplianceQuerySchema = z.object({
  listId: ZId,
  competitorsFrom: z.enum(COMPETITOR_SOURCES).default('workstations'),
});
export type TComplianceQuery = z.infer<typeof ZComplianceQuerySchema>;

export const ZComplianceLineSchema = z.object({
  listItemId: ZId,
  item: z.string(),
  specification: z.string(),
  category: z.string(),
  basis: z.enum(INFRASTRUCTURE_BASES),
  quantity: z.number().int(),
  required: z.number().int(),
  available: z.number().int(),
  shortfall: z.number().int(),
  status: z.enum(COMPLIANCE_STATUSES),
  inventorySpecifications: z.array(z.string()),
});

export const ZComplianceReportSchema = z.object({
  base: z.object({ id: ZId, names: z.record(z.string(), z.string()), workstations: z.number().int() }),
  list: ZInfrastructureListSummarySchema,
  settings: z.object({
    workstations: z.number().int(),
    competitors: z.number().int(),
    competitorsFrom: z.enum(COMPETITOR_SOURCES),
  }),
  counts: z.object({
    total: z.number().int(),
    matched: z.number().int(),
    short: z.number().int(),
    missing: z.number().int(),
  }),
  compliancePercent: z.number().describe('Matched items / list items × 100 (by item count)'),
  coveragePercent: z.number().describe('Quantity-weighted: Σ min(available, required) / Σ required × 100'),
  matchesVenueRequirements: z.boolean().describe('No list item is missing (short items do not fail it)'),
  lines: z.array(ZComplianceLineSchema),
  unlistedInventory: z.array(z.string()),
  checkedAt: z.string(),
});
export type TComplianceReport = z.infer<typeof ZComplianceReportSchema>;

/** Columns of the exported gap list, in order. */
export const GAP_LIST_COLUMNS = [
  'status',
  'category',
  'item',
  'specification',
  'basis',
  'quantity',
  'required',
  'available',
  'shortfall',
] as const;
