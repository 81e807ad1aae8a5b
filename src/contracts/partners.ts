import { z } from 'zod';
import { ZEmail } from './auth.js';
import { ZCountryCode, ZHttpUrl, ZId, ZLocalizedText, ZPageQuery, ZSort, ZVersion } from './common.js';

/** IATI 2.03 OrganisationType codelist (non-embedded), the codes a partner can have. */
export const IATI_ORGANISATION_TYPES = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
] as const;
export const ZOrganisationType = z.enum(IATI_ORGANISATION_TYPES).describe('IATI OrganisationType code');

export const IDENTIFIER_SCHEMES = ['iati', 'schac', 'other'] as const;
export const ZPartnerIdentifier = z.object({
  scheme: z.enum(IDENTIFIER_SCHEMES),
  value: z.string().trim().min(1).max(200),
});

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export const ZLanguageSkill = z.object({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'language_tag'),
  level: z.enum(CEFR_LEVELS),
});

export const ZContactInput = z.object({
  id: ZId.optional().describe('Present when updating an existing contact'),
  nameNative: z.string().trim().max(200).default(''),
  nameLatin: z.string().trim().min(1).max(200),
  position: z.string().trim().max(200).default(''),
  email: ZEmail.or(z.literal('')).default(''),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[+0-9 ()./-]*$/, 'phone_format')
    .default(''),
  languages: z.array(ZLanguageSkill).max(10).default([]),
});
export type TContactInput = z.infer<typeof ZContactInput>;

export const ZPartnerInput = z.object({
  names: ZLocalizedText.refine((n) => (n.en ?? '').trim().length > 0, { message: 'english_name_required' }),
  nativeName: z.string().trim().max(300).default(''),
  country: ZCountryCode,
  city: z.string().trim().max(200).default(''),
  type: ZOrganisationType,
  identifiers: z.array(ZPartnerIdentifier).max(10).default([]),
  website: ZHttpUrl(500).or(z.literal('')).default(''),
  networkIds: z.array(ZId).max(20).default([]).describe('Alliances/networks this partner belongs to'),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  notes: z.string().max(10000).default(''),
  contacts: z.array(ZContactInput).max(50).default([]),
});
export type TPartnerInput = z.infer<typeof ZPartnerInput>;

export const ZCreatePartnerRequestSchema = ZPartnerInput;
export const ZUpdatePartnerRequestSchema = z.object({ version: ZVersion, data: ZPartnerInput });

export const ZContactSchema = z.object({
  id: ZId,
  nameNative: z.string(),
  nameLatin: z.string(),
  position: z.string(),
  email: z.string(),
  phone: z.string(),
  languages: z.array(ZLanguageSkill),
});

export const ZPartnerSummarySchema = z.object({
  id: ZId,
  names: z.record(z.string(), z.string()),
  nativeName: z.string(),
  country: z.string(),
  city: z.string(),
  type: ZOrganisationType,
  tags: z.array(z.string()),
  archived: z.boolean(),
  activeAgreements: z.number().int(),
  updatedAt: z.string(),
});
export type TPartnerSummary = z.infer<typeof ZPartnerSummarySchema>;

export const ZPartnerSchema = ZPartnerSummarySchema.extend({
  identifiers: z.array(ZPartnerIdentifier),
  website: z.string(),
  networks: z.array(z.object({ id: ZId, names: z.record(z.string(), z.string()) })),
  members: z.array(z.object({ id: ZId, names: z.record(z.string(), z.string()) })),
  notes: z.string(),
  contacts: z.array(ZContactSchema),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), archive: z.boolean() }),
});
export type TPartner = z.infer<typeof ZPartnerSchema>;

export const PARTNER_SORT_FIELDS = ['name', 'country', 'type', 'updatedAt'] as const;
export const ZFindPartnersQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Search in names, native name, city, identifiers'),
  country: ZCountryCode.optional(),
  type: ZOrganisationType.optional(),
  tag: z.string().trim().max(50).optional(),
  hasActiveAgreement: z.enum(['true', 'false']).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  sort: ZSort(PARTNER_SORT_FIELDS).default('name'),
});
export type TFindPartnersQuery = z.infer<typeof ZFindPartnersQuerySchema>;

export const ZPartnerCountryCountsSchema = z.object({
  data: z.array(z.object({ country: z.string(), count: z.number().int() })),
});

export const ZArchivePartnerRequestSchema = z.object({ version: ZVersion, archived: z.boolean() });

/** One problem found in an import file. `row` is the 1-based spreadsheet row (header = 1). */
export const ZImportProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  value: z.string().optional(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportPreviewSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  problems: z.array(ZImportProblem),
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      country: z.string(),
      type: z.string(),
      action: z.enum(['create', 'skip']),
    }),
  ),
  canImport: z.boolean(),
});
export type TImportPreview = z.infer<typeof ZImportPreviewSchema>;

export const ZImportResultSchema = z.object({ imported: z.number().int(), ids: z.array(ZId) });

/** Columns of the partner import and export files, in order. */
export const PARTNER_FILE_COLUMNS = [
  'name_en',
  'name_native',
  'name_zh',
  'name_fr',
  'name_ar',
  'country',
  'city',
  'type',
  'iati_org_id',
  'schac_code',
  'website',
  'tags',
  'contact_name_latin',
  'contact_name_native',
  'contact_position',
  'contact_email',
  'contact_phone',
  'notes',
] as const;
