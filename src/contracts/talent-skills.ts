/**
 * Curation of the talent taxonomy by the college (issue 6): its own skills (labels, category,
 * archive, ESCO URI and who confirmed it), its own translations of ISCO-08 titles and of the shipped
 * starter entries, and its confirmation (or replacement) of their ESCO URIs.
 * Read: talent.manage or talent.read; write: talent.manage.
 */
import { z } from 'zod';
import { ESCO_STATES, ESCO_URI_PATTERNS } from '../domain/talent/taxonomy/curation.js';
import { ZLocale, ZVersion } from './common.js';
import { ZImportProblem } from './partners.js';
import { ZIscoCode } from './talent.js';

export const ZEscoState = z.enum(ESCO_STATES).describe('none: no URI; unconfirmed; confirmed by the college');
export const ZEscoSkillUri = z.string().trim().regex(ESCO_URI_PATTERNS.skill, 'esco_skill_uri');
const ZNote = z.string().trim().max(500);
const ZLabel = z.string().trim().max(200);
export const ZSkillLabels = z.partialRecord(ZLocale, ZLabel);
export const ZSkillCategory = z.string().trim().max(60);

/** Where an ESCO URI stands: who confirmed it, when, and why. */
export const ZEscoConfirmation = z.object({
  state: ZEscoState,
  confirmedAt: z.string().nullable(),
  /** The display name (or e-mail) of who confirmed it; null when not confirmed. */
  confirmedBy: z.string().nullable(),
  note: z.string(),
});
export type TEscoConfirmation = z.infer<typeof ZEscoConfirmation>;

export const ZCollegeSkillDetailSchema = z.object({
  id: z.string(),
  code: z.string(),
  key: z.string(),
  labels: z.record(z.string(), z.string()),
  category: z.string(),
  iscoGroup: z.string().nullable(),
  escoUri: z.string().nullable(),
  esco: ZEscoConfirmation,
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  /** How many profiles and postings of the college use the skill (null for readers without talent.manage). */
  usage: z.object({ profiles: z.number().int(), postings: z.number().int() }).nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), archive: z.boolean(), delete: z.boolean() }),
});
export type TCollegeSkillDetail = z.infer<typeof ZCollegeSkillDetailSchema>;

export const ZFindCollegeSkillsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(60).optional(),
  /** Without it: every skill (archived ones still label existing profiles and postings). */
  status: z.enum(['active', 'archived', 'all']).optional(),
  esco: ZEscoState.optional(),
});
export type TFindCollegeSkillsQuery = z.infer<typeof ZFindCollegeSkillsQuerySchema>;

const labelsWithEnglish = ZSkillLabels.refine((l) => Boolean(l.en), {
  message: 'english_label_required',
  path: ['en'],
});

export const ZCollegeSkillInput = z.object({
  labels: labelsWithEnglish,
  category: ZSkillCategory.default(''),
  iscoGroup: ZIscoCode.nullable().default(null),
  escoUri: ZEscoSkillUri.nullable().default(null),
});
export const ZCreateCollegeSkillRequest = ZCollegeSkillInput.extend({
  code: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'college_skill_code'),
});
export type TCreateCollegeSkillRequest = z.infer<typeof ZCreateCollegeSkillRequest>;
/** The code is the key profiles and postings store: it never changes. */
export const ZUpdateCollegeSkillRequest = z.object({ version: ZVersion, data: ZCollegeSkillInput });
export type TCollegeSkillInput = z.infer<typeof ZCollegeSkillInput>;
export const ZVersionRequest = z.object({ version: ZVersion });
export const ZDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
/** Confirms the URI (the current one, or `escoUri` in its place) as checked in the ESCO portal. */
export const ZConfirmEscoRequest = z.object({
  version: ZVersion,
  escoUri: z.string().trim().max(200),
  note: ZNote.default(''),
});

/** An ISCO-08 group or a starter entry, as the college sees it (its translations, its confirmation). */
export const ZTaxonomyItemSchema = z.object({
  /** 'isco:<code>' or the starter entry's key. */
  item: z.string(),
  kind: z.enum(['isco', 'occupation', 'skill']),
  code: z.string().nullable(),
  iscoGroup: z.string().nullable(),
  field: z.string().nullable(),
  /** The shipped labels (ISCO: the ILO's English title). */
  shipped: z.record(z.string(), z.string()),
  /** The college's own labels, shown before the shipped ones. */
  college: z.record(z.string(), z.string()),
  /** The URI as shipped, and whether the platform team found it in published ESCO data. */
  shippedEscoUri: z.string().nullable(),
  shippedVerified: z.boolean(),
  /** The URI the college uses: its confirmed one, else the shipped one. */
  escoUri: z.string().nullable(),
  esco: ZEscoConfirmation,
  /** 0 when the college has recorded nothing for this item yet. */
  version: z.number().int(),
});
export type TTaxonomyItem = z.infer<typeof ZTaxonomyItemSchema>;

export const ZTaxonomyOverviewSchema = z.object({
  /** Starter entries, each with what the college recorded. */
  entries: z.array(ZTaxonomyItemSchema),
  /** Only ISCO-08 groups the college has translated (619 groups otherwise). */
  isco: z.array(ZTaxonomyItemSchema),
});
export type TTaxonomyOverview = z.infer<typeof ZTaxonomyOverviewSchema>;

export const ZTaxonomyItemQuery = z.object({ item: z.string().min(1).max(200) });
export const ZSetTaxonomyLabelsRequest = z.object({
  item: z.string().min(1).max(200),
  /** 0 when nothing is recorded yet. */
  version: z.number().int().min(0),
  labels: ZSkillLabels,
});
export const ZConfirmTaxonomyEscoRequest = ZConfirmEscoRequest.extend({
  item: z.string().min(1).max(200),
  version: z.number().int().min(0),
});

/** Import and export columns, in this order. */
export const COLLEGE_SKILL_FILE_COLUMNS = [
  'code',
  'label_en',
  'label_zh-CN',
  'label_fr',
  'label_ar',
  'category',
  'isco_group',
  'esco_uri',
  'esco_confirmed',
  'esco_confirmed_at',
  'esco_confirmed_by',
  'esco_note',
  'archived',
] as const;

export const ZCollegeSkillImportPreviewSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  problems: z.array(ZImportProblem),
  rows: z.array(z.object({ row: z.number().int(), code: z.string(), action: z.enum(['create', 'update']) })),
  canImport: z.boolean(),
});
export type TCollegeSkillImportPreview = z.infer<typeof ZCollegeSkillImportPreviewSchema>;
export const ZCollegeSkillImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
});
