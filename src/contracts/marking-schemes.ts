import { z } from 'zod';
import { ZId, ZVersion } from './common.js';
import { ENTRY_STATUSES, EXPERT_ROLES, SCHEME_SOURCES, SCHEME_STATUSES, TEAM_ROLES } from './competitions.js';

// Marking schemes (one JSON document per version, src/domain/competitions/marking-scheme.ts) and
// the marking teams of their sub-criteria. The document is checked here only for its shape: a draft
// may be saved while it is still invalid (total not 100, descriptors missing …); the domain
// validation (scheme-validation.ts) lists those problems and blocks the lock.

const text = (max: number) => z.string().max(max);
/** A mark, weight or percentage as exact decimal text ("1.25"); its value is checked by validation. */
const ZDecimalText = z.string().trim().max(32);
const ZKey = z.string().trim().min(1, 'required').max(32);

export const ZWsosSectionSchema = z.object({
  number: z.number().int().min(1).max(99),
  name: text(500),
  weight: ZDecimalText,
});

export const ZCriterionSchema = z.object({
  key: ZKey,
  name: text(500),
});

export const ZSubCriterionSchema = z.object({
  key: ZKey,
  criterionKey: ZKey,
  name: text(1000),
  dayOfMarking: z.string().trim().max(32),
});

export const MEASUREMENT_KINDS = [
  'PASS_FAIL',
  'NUMBER_COMPLETED',
  'CHOICE',
  'RANGED_SCORE',
  'DEDUCT',
] as const;

export const ZMeasurementCalculationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PASS_FAIL') }),
  z.object({ kind: z.literal('NUMBER_COMPLETED'), possible: z.number().int().min(0).max(100_000) }),
  z.object({
    kind: z.literal('CHOICE'),
    choices: z.array(z.object({ label: text(500), deductionPct: ZDecimalText })).max(20),
  }),
  z.object({
    kind: z.literal('RANGED_SCORE'),
    target: ZDecimalText,
    ranges: z
      .array(z.object({ lower: ZDecimalText, upper: ZDecimalText, deductionPct: ZDecimalText }))
      .max(20),
  }),
  z.object({ kind: z.literal('DEDUCT'), perError: ZDecimalText }),
]);

const aspectBase = {
  key: ZKey,
  subCriterionKey: ZKey,
  description: text(2000),
  extraDescription: text(4000),
  maxMark: ZDecimalText,
  wsosSection: z.number().int().min(0).max(99),
};

export const ZAspectSchema = z.discriminatedUnion('type', [
  z.object({
    ...aspectBase,
    type: z.literal('M'),
    requirement: text(2000),
    calculation: ZMeasurementCalculationSchema,
  }),
  z.object({
    ...aspectBase,
    type: z.literal('J'),
    descriptors: z.tuple([text(4000), text(4000), text(4000), text(4000)]),
  }),
]);

export const ZMarkingSchemeSchema = z.object({
  sections: z.array(ZWsosSectionSchema).max(50),
  criteria: z.array(ZCriterionSchema).max(60),
  subCriteria: z.array(ZSubCriterionSchema).max(500),
  aspects: z.array(ZAspectSchema).max(3000),
});
export type TMarkingScheme = z.infer<typeof ZMarkingSchemeSchema>;
export type TAspect = z.infer<typeof ZAspectSchema>;
export type TMeasurementCalculation = z.infer<typeof ZMeasurementCalculationSchema>;

// ----- Validation and summary (as computed by the domain) -------------------------------------

export const ZSchemeProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  sectionNumber: z.number().int().optional(),
  criterionKey: z.string().optional(),
  subCriterionKey: z.string().optional(),
  aspectKey: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type TSchemeProblem = z.infer<typeof ZSchemeProblemSchema>;

const ZTally = z.object({
  measurement: z.string(),
  judgement: z.string(),
  total: z.string(),
  measurementAspects: z.number().int(),
  judgementAspects: z.number().int(),
});

export const ZSchemeSummarySchema = z.object({
  criteria: z.array(ZTally.extend({ key: z.string(), name: z.string() })),
  totals: ZTally,
  sections: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      weight: z.string(),
      sum: z.string(),
      variation: z.string(),
    }),
  ),
  totalVariation: z.string(),
  subCriteria: z.array(
    z.object({
      key: z.string(),
      criterionKey: z.string(),
      dayOfMarking: z.string(),
      total: z.string(),
      measurementAspects: z.number().int(),
      judgementAspects: z.number().int(),
    }),
  ),
});
export type TSchemeSummary = z.infer<typeof ZSchemeSummarySchema>;

export const ZSchemeValidationSchema = z.object({
  valid: z.boolean(),
  problems: z.array(ZSchemeProblemSchema),
  summary: ZSchemeSummarySchema,
});
export type TSchemeValidation = z.infer<typeof ZSchemeValidationSchema>;

// ----- Scheme versions ------------------------------------------------------------------------

export const ZSchemeAbilitiesSchema = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  lock: z.boolean(),
  unlock: z.boolean(),
  assignTeams: z.boolean(),
});

export const ZSchemeVersionSummarySchema = z.object({
  id: ZId,
  skillId: ZId,
  versionNo: z.number().int(),
  status: z.enum(SCHEME_STATUSES),
  source: z.enum(SCHEME_SOURCES),
  sourceFileName: z.string(),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  lockReason: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: ZVersion,
  /** Σ aspect max marks, exact ("100.00"). */
  total: z.string(),
  valid: z.boolean(),
  /** Marks (measurement marks or judge scores) entered on its forms; a version with marks stays locked. */
  hasMarks: z.boolean(),
});
export type TSchemeVersionSummary = z.infer<typeof ZSchemeVersionSummarySchema>;

export const ZSchemeVersionListSchema = z.object({
  skill: z.object({
    id: ZId,
    competitionId: ZId,
    number: z.string(),
    names: z.record(z.string(), z.string()),
    numJudges: z.number().int(),
    allowCompatriotMarking: z.boolean(),
  }),
  data: z.array(ZSchemeVersionSummarySchema),
  abilities: z.object({ create: z.boolean(), import: z.boolean(), assignTeams: z.boolean() }),
});
export type TSchemeVersionList = z.infer<typeof ZSchemeVersionListSchema>;

export const ZSchemeVersionSchema = ZSchemeVersionSummarySchema.extend({
  scheme: ZMarkingSchemeSchema,
  validation: ZSchemeValidationSchema,
  /** Marking forms created for it (at lock). */
  formCount: z.number().int(),
  abilities: ZSchemeAbilitiesSchema,
  settings: z.object({ sectionTolerance: z.number(), maxAspectMark: z.number() }),
});
export type TSchemeVersion = z.infer<typeof ZSchemeVersionSchema>;

export const ZSkillParams = z.object({ skillId: ZId });
export const ZSchemeParams = z.object({ skillId: ZId, schemeId: ZId });
export const ZTeamParams = ZSchemeParams.extend({ subCriterionKey: ZKey });

export const ZCreateSchemeRequestSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('empty') }),
  z.object({ from: z.literal('copy') }),
  z.object({ from: z.literal('json'), scheme: ZMarkingSchemeSchema }),
]);
export type TCreateSchemeRequest = z.infer<typeof ZCreateSchemeRequestSchema>;

export const ZReplaceSchemeRequestSchema = z.object({ version: ZVersion, scheme: ZMarkingSchemeSchema });
export type TReplaceSchemeRequest = z.infer<typeof ZReplaceSchemeRequestSchema>;

export const ZVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const ZLockSchemeRequestSchema = z.object({ version: ZVersion });

export const ZUnlockSchemeRequestSchema = z.object({
  version: ZVersion,
  reason: z.string().trim().min(1, 'reason_required').max(1000),
});
export type TUnlockSchemeRequest = z.infer<typeof ZUnlockSchemeRequestSchema>;

// ----- CIS workbook import --------------------------------------------------------------------

export const ZCisFindingSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  value: z.string().optional(),
});

export const ZSchemeImportPreviewSchema = z.object({
  fileName: z.string(),
  canImport: z.boolean(),
  /** Problems of the file (by sheet, row, column): any one blocks the import. */
  problems: z.array(ZCisFindingSchema),
  /** Findings that do not block the import. */
  warnings: z.array(ZCisFindingSchema),
  /** What the scheme would be, and its validation (a scheme that imports may still be invalid to lock). */
  scheme: ZMarkingSchemeSchema,
  validation: ZSchemeValidationSchema,
  settings: z.object({ sectionTolerance: z.number(), maxAspectMark: z.number() }),
});
export type TSchemeImportPreview = z.infer<typeof ZSchemeImportPreviewSchema>;

// ----- Marking teams --------------------------------------------------------------------------

export const ZTeamMemberInputSchema = z.object({ expertId: ZId, teamRole: z.enum(TEAM_ROLES) });
export type TTeamMemberInput = z.infer<typeof ZTeamMemberInputSchema>;

export const ZReplaceTeamRequestSchema = z.object({
  /** The team's `revision` as read: a team changed since answers 409. */
  revision: z.string().max(128),
  members: z.array(ZTeamMemberInputSchema).max(60),
});
export type TReplaceTeamRequest = z.infer<typeof ZReplaceTeamRequestSchema>;

export const TEAM_PROBLEM_CODES = ['not_enough_non_compatriot_judges', 'no_non_compatriot_marker'] as const;

export const ZSkillExpertSchema = z.object({
  id: ZId,
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(EXPERT_ROLES),
  memberId: z.string().nullable(),
  memberCode: z.string().nullable(),
  memberNames: z.record(z.string(), z.string()).nullable(),
});
export type TSkillExpert = z.infer<typeof ZSkillExpertSchema>;

export const ZTeamEntrySchema = z.object({
  id: ZId,
  displayName: z.string(),
  bench: z.string(),
  status: z.enum(ENTRY_STATUSES),
  memberId: z.string(),
  memberCode: z.string(),
});

export const ZTeamProblemSchema = z.object({
  code: z.enum(TEAM_PROBLEM_CODES),
  entryId: ZId,
  eligible: z.number().int(),
  required: z.number().int(),
});
export type TTeamProblem = z.infer<typeof ZTeamProblemSchema>;

export const ZSubCriterionTeamSchema = z.object({
  subCriterionKey: z.string(),
  criterionKey: z.string(),
  name: z.string(),
  dayOfMarking: z.string(),
  measurementAspects: z.number().int(),
  judgementAspects: z.number().int(),
  revision: z.string(),
  members: z.array(z.object({ expertId: ZId, teamRole: z.enum(TEAM_ROLES) })),
  /** Per entry, who of the team may mark it (compatriots left out unless the skill allows them). */
  coverage: z.array(
    z.object({ entryId: ZId, eligibleMarkerIds: z.array(ZId), eligibleJudgeIds: z.array(ZId) }),
  ),
  problems: z.array(ZTeamProblemSchema),
});
export type TSubCriterionTeam = z.infer<typeof ZSubCriterionTeamSchema>;

export const ZSchemeTeamsSchema = z.object({
  schemeId: ZId,
  schemeStatus: z.enum(SCHEME_STATUSES),
  versionNo: z.number().int(),
  numJudges: z.number().int(),
  allowCompatriotMarking: z.boolean(),
  experts: z.array(ZSkillExpertSchema),
  entries: z.array(ZTeamEntrySchema),
  teams: z.array(ZSubCriterionTeamSchema),
  /** Total of coverage problems over all sub-criteria. */
  problemCount: z.number().int(),
  abilities: z.object({ assign: z.boolean() }),
});
export type TSchemeTeams = z.infer<typeof ZSchemeTeamsSchema>;

export const ZMyAssignmentsSchema = z.object({
  skillId: ZId,
  /** The locked scheme the assignments belong to; null when no version is locked. */
  schemeId: ZId.nullable(),
  versionNo: z.number().int().nullable(),
  expertId: ZId.nullable(),
  assignments: z.array(
    z.object({
      subCriterionKey: z.string(),
      criterionKey: z.string(),
      name: z.string(),
      dayOfMarking: z.string(),
      teamRole: z.enum(TEAM_ROLES),
      /** Entries this expert may mark on this sub-criterion (compatriots left out unless allowed). */
      entryIds: z.array(ZId),
      /** Entries left out as compatriots. */
      compatriotEntryIds: z.array(ZId),
    }),
  ),
});
export type TMyAssignments = z.infer<typeof ZMyAssignmentsSchema>;
