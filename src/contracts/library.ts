import { z } from 'zod';
import { DOCUMENT_FILE_EXTENSIONS } from './attachments.js';
import { ZId, ZIsoDate, ZLocalizedText, ZPageQuery, ZVersion } from './common.js';

/**
 * Language tags (BCP 47) the library and the glossaries accept for files and terms. A tag outside
 * this list is rejected (`unknown_language`), so exports never carry a tag nobody can read.
 */
export const LIBRARY_LANGUAGES = [
  'en',
  'zh-CN',
  'zh-TW',
  'fr',
  'ar',
  'es',
  'pt',
  'ru',
  'de',
  'it',
  'sw',
  'am',
  'ha',
  'yo',
  'th',
  'vi',
  'id',
  'ms',
  'lo',
  'km',
  'my',
  'kk',
  'uz',
  'ur',
  'fa',
  'tr',
] as const;
export type LibraryLanguage = (typeof LIBRARY_LANGUAGES)[number];
export const ZLibraryLanguage = z.enum(LIBRARY_LANGUAGES, { message: 'unknown_language' });

export const RESOURCE_KINDS = [
  'curriculum',
  'teaching_standard',
  'course_material',
  'occupational_standard',
  'other',
] as const;
export const ZResourceKind = z.enum(RESOURCE_KINDS);

/** Uploads: PDF and ZIP-based office documents, at most 50 MiB, checked by content and name. */
export const RESOURCE_FILE_MAX_BYTES = 50 * 1024 * 1024;
export const RESOURCE_FILE_EXTENSIONS = DOCUMENT_FILE_EXTENSIONS;

// ---------------------------------------------------------------------------------------------
// Resources

export const ZResourceInput = z.object({
  kind: ZResourceKind,
  title: ZLocalizedText,
  description: z.string().max(10000).default(''),
  subject: z.string().trim().max(300).default('').describe('Skill or programme the resource belongs to'),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
});
export type TResourceInput = z.infer<typeof ZResourceInput>;

export const ZCreateResourceRequestSchema = ZResourceInput;
export const ZUpdateResourceRequestSchema = z.object({ version: ZVersion, data: ZResourceInput });

export const ZCreateResourceVersionRequestSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'required')
    .max(40)
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]*$/, 'version_label_format'),
  changelog: z.string().max(10000).default(''),
  publishedOn: ZIsoDate.nullable().default(null),
});

export const ZShareResourceRequestSchema = z.object({ partnerId: ZId });

export const ZResourceFileSchema = z.object({
  id: ZId,
  language: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type TResourceFile = z.infer<typeof ZResourceFileSchema>;

export const ZResourceVersionSchema = z.object({
  id: ZId,
  label: z.string(),
  changelog: z.string(),
  publishedOn: ZIsoDate.nullable(),
  createdAt: z.string(),
  files: z.array(ZResourceFileSchema),
});
export type TResourceVersion = z.infer<typeof ZResourceVersionSchema>;

export const ZResourceShareSchema = z.object({
  partnerId: ZId,
  names: z.record(z.string(), z.string()),
  country: z.string(),
  sharedAt: z.string(),
});

export const ZResourceSchema = z.object({
  id: ZId,
  kind: ZResourceKind,
  title: z.record(z.string(), z.string()),
  description: z.string(),
  subject: z.string(),
  tags: z.array(z.string()),
  languages: z.array(z.string()).describe('Languages with at least one file, in any version'),
  latestVersion: z.string().nullable(),
  versions: z.array(ZResourceVersionSchema).describe('Newest first'),
  shares: z.array(ZResourceShareSchema).describe('Only for users who may share'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), share: z.boolean() }),
});
export type TResource = z.infer<typeof ZResourceSchema>;

export const ZFindResourcesQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: ZResourceKind.optional(),
  language: ZLibraryLanguage.optional(),
  partnerId: ZId.optional().describe('Only resources shared with this partner'),
});
export type TFindResourcesQuery = z.infer<typeof ZFindResourcesQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Partner staff accounts (which partner a `partner` user works for)

export const ZPartnerUserLinkSchema = z.object({
  partnerId: ZId,
  userId: ZId,
  email: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
});
export type TPartnerUserLink = z.infer<typeof ZPartnerUserLinkSchema>;
export const ZCreatePartnerUserLinkRequestSchema = z.object({ partnerId: ZId, userId: ZId });
export const ZPartnerAccountCandidateSchema = z.object({
  userId: ZId,
  email: z.string(),
  displayName: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Glossaries

export const TERM_STATUSES = ['draft', 'approved'] as const;
export const ZTermStatus = z.enum(TERM_STATUSES);
export type TermStatus = z.infer<typeof ZTermStatus>;

export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'] as const;
export const ZPartOfSpeech = z.enum(PARTS_OF_SPEECH);

/** A concept id is an XML name (it becomes the TBX `conceptEntry/@id`). */
export const CONCEPT_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9._-]{0,63}$/;
export const ZConceptId = z.string().trim().regex(CONCEPT_ID_PATTERN, 'concept_id_format');

export const TERM_LIMITS = { term: 300, definition: 4000, context: 4000, note: 2000 } as const;

export const ZGlossaryInput = z.object({
  name: ZLocalizedText,
  subject: z.string().trim().max(300).default('').describe('Skill or programme'),
  description: z.string().max(10000).default(''),
  languages: z
    .array(ZLibraryLanguage)
    .min(1, 'at_least_one_language')
    .max(12)
    .refine((l) => new Set(l).size === l.length, { message: 'duplicate_language' }),
});
export type TGlossaryInput = z.infer<typeof ZGlossaryInput>;
export const ZCreateGlossaryRequestSchema = ZGlossaryInput;
export const ZUpdateGlossaryRequestSchema = z.object({ version: ZVersion, data: ZGlossaryInput });

export const ZGlossarySchema = z.object({
  id: ZId,
  name: z.record(z.string(), z.string()),
  subject: z.string(),
  description: z.string(),
  languages: z.array(z.string()),
  conceptCount: z.number().int(),
  termCount: z.number().int(),
  approvedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), approve: z.boolean() }),
});
export type TGlossary = z.infer<typeof ZGlossarySchema>;

export const ZTermInput = z.object({
  conceptId: ZConceptId.nullable().default(null).describe('Existing concept, or null for a new one'),
  language: ZLibraryLanguage,
  term: z.string().trim().min(1, 'required').max(TERM_LIMITS.term),
  definition: z.string().trim().max(TERM_LIMITS.definition).default(''),
  context: z.string().trim().max(TERM_LIMITS.context).default(''),
  partOfSpeech: ZPartOfSpeech.nullable().default(null),
  note: z.string().trim().max(TERM_LIMITS.note).default(''),
});
export type TTermInput = z.infer<typeof ZTermInput>;
export const ZCreateTermRequestSchema = ZTermInput;
export const ZUpdateTermRequestSchema = z.object({ version: ZVersion, data: ZTermInput });
export const ZApproveTermRequestSchema = z.object({ version: ZVersion });

export const ZTermSchema = z.object({
  id: ZId,
  conceptId: z.string(),
  language: z.string(),
  term: z.string(),
  definition: z.string(),
  context: z.string(),
  partOfSpeech: ZPartOfSpeech.nullable(),
  status: ZTermStatus,
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  note: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TTerm = z.infer<typeof ZTermSchema>;

export const ZConceptSchema = z.object({
  conceptId: z.string(),
  glossaryId: ZId,
  terms: z.array(ZTermSchema),
});
export type TConcept = z.infer<typeof ZConceptSchema>;

export const ZFindConceptsQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Matches a term, definition or context in any language'),
  status: ZTermStatus.optional(),
});

export const ZSearchTermsQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
});

export const GLOSSARY_FILE_FORMATS = ['csv', 'tbx'] as const;
export const ZGlossaryFileFormat = z.enum(GLOSSARY_FILE_FORMATS);

/** A problem in an import file: by row and column (CSV) or by element path (TBX). */
export const ZGlossaryImportProblem = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  path: z.string().optional(),
  code: z.string(),
  value: z.string().optional(),
});
export type TGlossaryImportProblem = z.infer<typeof ZGlossaryImportProblem>;
export const ZGlossaryImportResultSchema = z.object({ imported: z.number().int() });

/** Columns of the glossary CSV file, in order (the first six are required). */
export const GLOSSARY_CSV_COLUMNS = [
  'concept_id',
  'language',
  'term',
  'definition',
  'context',
  'status',
  'part_of_speech',
  'note',
] as const;
