/**
 * Talent profiles with consent first (issue 6). Two audiences read profiles:
 * - the college (talent.manage): full profiles, consent history, personal links;
 * - enterprises (talent.read): the pool, anonymised, and only people whose current consent stands.
 * The owner reaches their own profile through a personal link (public endpoints, no account).
 */
import { z } from 'zod';
import { isSkillKey } from '../domain/talent/validation.js';
import { ZEmail } from './auth.js';
import { ZId, ZIsoDate, ZLocale, ZPage, ZPageQuery, ZSort, ZVersion } from './common.js';
import { ZResultMedal } from './competition-results.js';
import { ZImportProblem } from './partners.js';

export const SKILL_EVIDENCE = ['certificate', 'competition', 'self', 'employer'] as const;
export const CONSENT_SCOPES = ['match', 'match_and_introduce'] as const;
export const CONSENT_PURPOSES = ['employment_matching'] as const;
export const CONSENT_CHANNELS = ['link', 'account', 'coordinator_on_paper'] as const;
export const CONSENT_STATES = ['none', 'given', 'withdrawn'] as const;
/** The wording of the consent explanation the owner is shown; recorded with every consent. */
export const CONSENT_NOTICE_VERSION = '2026-11';

export const ZSkillEvidence = z.enum(SKILL_EVIDENCE);
export const ZConsentScope = z.enum(CONSENT_SCOPES);
export const ZConsentPurpose = z.enum(CONSENT_PURPOSES);
export const ZConsentChannel = z.enum(CONSENT_CHANNELS);
export const ZConsentState = z.enum(CONSENT_STATES);
export const ZCefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']).describe('CEFR level');
export const ZSkillLevel = z.number().int().min(1, 'skill_level').max(4, 'skill_level');
export const ZIscoCode = z
  .string()
  .regex(/^\d{4}$/, 'isco_unit_group')
  .describe('ISCO-08 unit group');
export const ZSkillKey = z
  .string()
  .max(200)
  .refine((k) => isSkillKey(k), { message: 'skill_key' })
  .describe('ESCO skill URI or college:<code>');
export const ZEscoOccupationUri = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/, 'esco_occupation_uri');
/** ISO 3166-1 alpha-2 (upper case), or 'any'. */
export const ZWillingCountry = z.string().regex(/^([A-Z]{2}|any)$/, 'country_code');
const ZTexts = z.partialRecord(ZLocale, z.string().trim().max(2000));

export const ZProfileSkillInput = z.object({
  skillKey: ZSkillKey,
  level: ZSkillLevel,
  evidence: ZSkillEvidence.default('self'),
});
export const ZProfileLanguageInput = z.object({
  code: z.string().regex(/^[a-z]{2}$/, 'language_code'),
  cefr: ZCefr,
});
export const ZEducationInput = z.object({
  iscedLevel: z.number().int().min(0).max(8),
  field: z.string().trim().max(200).default(''),
  institution: z.string().trim().max(200).default(''),
  completedYear: z.number().int().min(1950).max(2100).nullable().default(null),
});

/** What the owner may change through their link. */
export const ZSelfEditable = z.object({
  skills: z.array(ZProfileSkillInput).max(100),
  languages: z.array(ZProfileLanguageInput).max(20),
  countries: z.array(ZWillingCountry).max(60),
  availableFrom: ZIsoDate,
});

export const ZTalentProfileInput = ZSelfEditable.extend({
  participantId: ZId.nullable().default(null),
  competitorId: ZId.nullable().default(null),
  nameLatin: z.string().trim().min(1, 'required').max(200),
  nameNative: z.string().trim().max(200).default(''),
  email: z.union([ZEmail, z.literal('')]).default(''),
  locale: ZLocale.default('en'),
  iscoCode: ZIscoCode,
  escoUri: ZEscoOccupationUri.nullable().default(null),
  education: z.array(ZEducationInput).max(10).default([]),
  experienceYears: z.number().int().min(0).max(60).default(0),
  headline: ZTexts.default({}),
  summary: ZTexts.default({}),
});
export type TTalentProfileInput = z.infer<typeof ZTalentProfileInput>;
export type TTalentProfileInputRaw = z.input<typeof ZTalentProfileInput>;

export const ZCreateTalentProfileRequestSchema = ZTalentProfileInput;
export const ZUpdateTalentProfileRequestSchema = z.object({ version: ZVersion, data: ZTalentProfileInput });
export const ZUpdateSelfProfileRequestSchema = z.object({ version: ZVersion, data: ZSelfEditable });
export type TSelfEditable = z.infer<typeof ZSelfEditable>;
export type TSelfEditableInput = z.input<typeof ZSelfEditable>;

/** A coordinator records consent given on a signed paper form (the note says where it is filed). */
export const ZRecordConsentRequestSchema = z.object({
  scope: ZConsentScope,
  note: z.string().trim().min(1, 'required').max(1000),
});
/** The owner gives consent on their page, having read the explanation in `locale`. */
export const ZGiveConsentRequestSchema = z.object({
  scope: ZConsentScope,
  locale: ZLocale,
  noticeVersion: z.literal(CONSENT_NOTICE_VERSION),
});
export const ZWithdrawConsentRequestSchema = z.object({ note: z.string().trim().max(1000).default('') });

export const ZConsentRecordSchema = z.object({
  id: ZId,
  purpose: ZConsentPurpose,
  scope: ZConsentScope,
  noticeVersion: z.string(),
  locale: z.string(),
  givenAt: z.string(),
  givenVia: ZConsentChannel,
  givenNote: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnVia: ZConsentChannel.nullable(),
  withdrawnNote: z.string(),
});
export type TConsentRecord = z.infer<typeof ZConsentRecordSchema>;

export const ZVerifiedCertificate = z.object({
  id: ZId,
  number: z.string(),
  title: z.record(z.string(), z.string()),
  issuedOn: z.string(),
});
export const ZVerifiedAchievement = z.object({
  competitionNames: z.record(z.string(), z.string()),
  skillNames: z.record(z.string(), z.string()),
  skillNumber: z.string(),
  year: z.number().int(),
  points: z.number().int(),
  position: z.number().int(),
  medal: ZResultMedal,
});
export const ZVerifiedCredentials = z.object({
  certificates: z.array(ZVerifiedCertificate),
  achievements: z.array(ZVerifiedAchievement),
});
export type TVerifiedCredentials = z.infer<typeof ZVerifiedCredentials>;

const ZSkill = z.object({
  skillKey: z.string(),
  level: z.number().int(),
  evidence: ZSkillEvidence,
  verified: z.boolean(),
});
const ZLanguage = z.object({ code: z.string(), cefr: z.string() });

/** The full profile: the college and the owner only. */
export const ZTalentProfileSchema = z.object({
  id: ZId,
  participantId: ZId.nullable(),
  competitorId: ZId.nullable(),
  /** The participant account that manages the profile signed in ("My talent profile"). */
  userId: ZId.nullable(),
  nameLatin: z.string(),
  nameNative: z.string(),
  email: z.string(),
  locale: ZLocale,
  iscoCode: z.string(),
  escoUri: z.string().nullable(),
  education: z.array(ZEducationInput),
  experienceYears: z.number().int(),
  countries: z.array(z.string()),
  availableFrom: z.string(),
  headline: z.record(z.string(), z.string()),
  summary: z.record(z.string(), z.string()),
  status: z.enum(['active', 'archived']),
  skills: z.array(ZSkill),
  languages: z.array(ZLanguage),
  consentState: ZConsentState,
  consent: ZConsentRecordSchema.nullable(),
  consentHistory: z.array(ZConsentRecordSchema),
  credentials: ZVerifiedCredentials,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    update: z.boolean(),
    manageConsent: z.boolean(),
    sendLink: z.boolean(),
    delete: z.boolean(),
  }),
});
export type TTalentProfile = z.infer<typeof ZTalentProfileSchema>;

export const ZTalentProfileSummarySchema = z.object({
  id: ZId,
  nameLatin: z.string(),
  nameNative: z.string(),
  email: z.string(),
  iscoCode: z.string(),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  skillCount: z.number().int(),
  availableFrom: z.string(),
  consentState: ZConsentState,
  consentScope: ZConsentScope.nullable(),
  updatedAt: z.string(),
});
export type TTalentProfileSummary = z.infer<typeof ZTalentProfileSummarySchema>;

/**
 * What an enterprise sees: no name, e-mail, birth data, photo, links to people, or free text
 * (headline, summary, field of study, institution); only what the matcher compares, credentials by
 * title and medals. `.strict()` so the response schema itself refuses any extra field.
 */
export const ZAnonymisedProfileSchema = z
  .object({
    id: ZId,
    iscoCode: z.string(),
    escoUri: z.string().nullable(),
    skills: z.array(z.object({ skillKey: z.string(), level: z.number().int(), verified: z.boolean() })),
    languages: z.array(ZLanguage),
    countries: z.array(z.string()),
    availableFrom: z.string(),
    experienceYears: z.number().int(),
    educationLevels: z.array(z.number().int()),
    credentials: z.array(z.object({ title: z.record(z.string(), z.string()), issuedYear: z.number().int() })),
    medals: z.array(
      z.object({
        skillNames: z.record(z.string(), z.string()),
        year: z.number().int(),
        medal: ZResultMedal,
        points: z.number().int(),
      }),
    ),
    consentScope: ZConsentScope,
  })
  .strict();
export type TAnonymisedProfile = z.infer<typeof ZAnonymisedProfileSchema>;

export const ZFindTalentProfilesQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  isco: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional()
    .describe('ISCO-08 code or a prefix of it'),
  skill: z.string().max(200).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  consent: ZConsentState.optional(),
  sort: ZSort(['name', 'availableFrom', 'updatedAt'] as const).default('name'),
});
export type TFindTalentProfilesQuery = z.infer<typeof ZFindTalentProfilesQuerySchema>;

export const ZFindTalentPoolQuerySchema = ZPageQuery.extend({
  isco: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  skill: z.string().max(200).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  availableBy: ZIsoDate.optional(),
});
export type TFindTalentPoolQuery = z.infer<typeof ZFindTalentPoolQuerySchema>;

export const ZTalentProfilePage = ZPage(ZTalentProfileSummarySchema);
export const ZTalentPoolPage = ZPage(ZAnonymisedProfileSchema);

export const ZSendLinkResultSchema = z.object({ sentTo: z.string(), expiresAt: z.string() });

/**
 * A coordinator links the profile to the participant account with the same e-mail (or unlinks it);
 * the owner then manages consent and introductions signed in.
 */
export const ZLinkAccountRequestSchema = z.object({ version: ZVersion, linked: z.boolean() });

export const ZCollegeSkillSchema = z.object({
  id: ZId,
  code: z.string(),
  key: z.string(),
  labels: z.record(z.string(), z.string()),
  iscoGroup: z.string().nullable(),
  escoUri: z.string().nullable(),
});
export type TCollegeSkill = z.infer<typeof ZCollegeSkillSchema>;

/**
 * The college's wording of the taxonomy, sent with the owner's page: neither the personal link (no
 * session) nor a participant account may read the taxonomy pages, yet the owner should see their
 * occupation and skills in the college's words. The web applies the same fallback as everywhere.
 */
export const ZCollegeWordingSchema = z.object({
  /** The college's own labels by taxonomy item ('isco:<code>' or a starter entry's key), by language. */
  labels: z.record(z.string(), z.record(z.string(), z.string())),
  /** The college's own skills (archived ones still label the profiles that have them). */
  collegeSkills: z.array(ZCollegeSkillSchema.extend({ archived: z.boolean() })),
});
export type TCollegeWording = z.infer<typeof ZCollegeWordingSchema>;

/** The owner's page behind their personal link. */
export const ZSelfProfileSchema = z.object({
  organizationName: z.string(),
  /** Null when the owner is signed in with their account rather than through a link. */
  linkExpiresAt: z.string().nullable(),
  noticeVersion: z.string(),
  profile: ZTalentProfileSchema.omit({ abilities: true }),
  taxonomy: ZCollegeWordingSchema,
});
export type TSelfProfile = z.infer<typeof ZSelfProfileSchema>;

export const ZCreateCollegeSkillRequestSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'college_skill_code'),
  labels: z.partialRecord(ZLocale, z.string().trim().max(200)).refine((l) => Boolean(l.en), {
    message: 'english_label_required',
  }),
  iscoGroup: ZIscoCode.nullable().default(null),
});

/** Import file columns, in the order of the sample file. */
export const TALENT_FILE_COLUMNS = [
  'name_latin',
  'name_native',
  'email',
  'isco',
  'esco_occupation',
  'skills',
  'languages',
  'countries',
  'available_from',
] as const;

export const ZTalentImportPreviewSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  problems: z.array(ZImportProblem),
  rows: z.array(
    z.object({
      row: z.number().int(),
      nameLatin: z.string(),
      email: z.string(),
      iscoCode: z.string(),
      skills: z.number().int(),
      languages: z.number().int(),
    }),
  ),
  canImport: z.boolean(),
});
export type TTalentImportPreview = z.infer<typeof ZTalentImportPreviewSchema>;
export const ZTalentImportResultSchema = z.object({ imported: z.number().int() });
