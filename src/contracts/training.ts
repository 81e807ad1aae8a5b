import { z } from 'zod';
import { ZEmail } from './auth.js';
import { ZCountryCode, ZHttpUrl, ZId, ZIsoDate, ZLocalizedText, ZPageQuery, ZVersion } from './common.js';

/** Kinds of module a training programme is built from. */
export const PROGRAMME_MODULE_KINDS = [
  'education_management',
  'leadership',
  'teacher_workshop',
  'vocational_skills',
  'enterprise_visit',
  'cultural_exchange',
  'cooperation_negotiation',
  'language',
  'custom',
] as const;
export const ZProgrammeModuleKind = z.enum(PROGRAMME_MODULE_KINDS);

export const ENROLMENT_STATUSES = ['invited', 'confirmed', 'attending', 'completed', 'withdrawn'] as const;
export const ZEnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof ZEnrolmentStatus>;

export const ATTENDANCE_MARKS = ['present', 'absent', 'excused'] as const;
export const ZAttendanceMark = z.enum(ATTENDANCE_MARKS);
export type AttendanceMark = z.infer<typeof ZAttendanceMark>;

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const ZGender = z.enum(GENDERS);

/** A BCP 47 language tag such as `en`, `bn`, `ur`, `zh-CN`. */
export const ZLanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'language_tag');

/** An IANA time zone name, checked against the runtime's zone database. */
export const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'time_zone' },
  )
  .describe('IANA time zone, e.g. Asia/Shanghai');

/** An instant with an explicit offset or Z, e.g. 2026-04-01T09:00:00+08:00. Stored in UTC. */
export const ZInstant = z.iso.datetime({ offset: true, message: 'instant_format' });

/** A score in points with at most two decimals, 0 to 100 (stored in hundredths). */
export const ZScore = z
  .number()
  .min(0, 'score_range')
  .max(100, 'score_range')
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'score_precision' });

/**
 * The completion rule of a programme: attendance (excused sessions left out of the count) at
 * least `minAttendancePercent`, and a post-test score of at least `minPostScore` points.
 */
export const ZCompletionRule = z.object({
  minAttendancePercent: z.number().min(0).max(100).default(80),
  minPostScore: ZScore.default(60),
  requirePostTest: z.boolean().default(true),
});
export type TCompletionRule = z.infer<typeof ZCompletionRule>;

export const ZProgrammeModuleInput = z.object({
  id: ZId.optional().describe('Present when updating an existing module'),
  kind: ZProgrammeModuleKind,
  title: ZLocalizedText,
  hours: z.number().int().min(0).max(1000).default(0),
});

export const ZProgrammeInput = z.object({
  projectId: ZId,
  title: ZLocalizedText,
  description: z.string().max(10000).default(''),
  modules: z.array(ZProgrammeModuleInput).max(50).default([]),
  learningOutcomes: z.array(ZLocalizedText).max(30).default([]),
  languages: z.array(ZLanguageTag).max(10).default([]).describe('Languages of instruction'),
  interpretationNeeds: z.string().max(2000).default(''),
  completionRule: ZCompletionRule.default({
    minAttendancePercent: 80,
    minPostScore: 60,
    requirePostTest: true,
  }),
});
export type TProgrammeInput = z.infer<typeof ZProgrammeInput>;

export const ZCreateProgrammeRequestSchema = ZProgrammeInput;
export const ZUpdateProgrammeRequestSchema = z.object({ version: ZVersion, data: ZProgrammeInput });

export const ZProgrammeSummarySchema = z.object({
  id: ZId,
  projectId: ZId,
  title: z.record(z.string(), z.string()),
  languages: z.array(z.string()),
  moduleKinds: z.array(ZProgrammeModuleKind),
  cohortCount: z.number().int(),
  updatedAt: z.string(),
});
export type TProgrammeSummary = z.infer<typeof ZProgrammeSummarySchema>;

export const ZCohortSummarySchema = z.object({
  id: ZId,
  programmeId: ZId,
  name: z.string(),
  startsOn: ZIsoDate.nullable(),
  endsOn: ZIsoDate.nullable(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  waitingCount: z.number().int(),
  version: z.number().int(),
});
export type TCohortSummary = z.infer<typeof ZCohortSummarySchema>;

export const ZProgrammeSchema = ZProgrammeSummarySchema.extend({
  description: z.string(),
  modules: z.array(
    z.object({
      id: ZId,
      kind: ZProgrammeModuleKind,
      title: z.record(z.string(), z.string()),
      hours: z.number(),
    }),
  ),
  learningOutcomes: z.array(z.record(z.string(), z.string())),
  interpretationNeeds: z.string(),
  completionRule: ZCompletionRule,
  cohorts: z.array(ZCohortSummarySchema),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean() }),
});
export type TProgramme = z.infer<typeof ZProgrammeSchema>;

export const ZFindProgrammesQuerySchema = ZPageQuery.extend({
  projectId: ZId.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TFindProgrammesQuery = z.infer<typeof ZFindProgrammesQuerySchema>;

export const ZCohortInput = z
  .object({
    name: z.string().trim().min(1, 'required').max(200),
    startsOn: ZIsoDate.nullable().default(null),
    endsOn: ZIsoDate.nullable().default(null),
    capacity: z.number().int().min(1).max(10000),
    notes: z.string().max(10000).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start' });
    }
  });
export type TCohortInput = z.infer<typeof ZCohortInput>;
export const ZCreateCohortRequestSchema = ZCohortInput;
export const ZUpdateCohortRequestSchema = z.object({ version: ZVersion, data: ZCohortInput });

const sessionFields = z.object({
  moduleId: ZId.nullable().default(null),
  title: z.string().trim().min(1, 'required').max(300),
  startsAt: ZInstant,
  endsAt: ZInstant,
  timeZone: ZTimeZone,
  venue: z.string().trim().max(300).default(''),
  onlineUrl: ZHttpUrl(1000).or(z.literal('')).default(''),
  trainerUserId: ZId.nullable().default(null),
  language: ZLanguageTag.or(z.literal('')).default(''),
  interpreter: z.string().trim().max(200).default('').describe('Interpreter name or interpretation pair'),
});
export const ZSessionInput = sessionFields.superRefine((s, ctx) => {
  if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'end_before_start' });
  }
  if (s.venue === '' && s.onlineUrl === '') {
    ctx.addIssue({ code: 'custom', path: ['venue'], message: 'venue_or_link_required' });
  }
});
export type TSessionInput = z.infer<typeof ZSessionInput>;
export const ZCreateSessionRequestSchema = ZSessionInput;
export const ZUpdateSessionRequestSchema = z.object({ version: ZVersion, data: ZSessionInput });

export const ZSessionSchema = z.object({
  id: ZId,
  cohortId: ZId,
  moduleId: ZId.nullable(),
  title: z.string(),
  startsAt: z.string().describe('UTC instant'),
  endsAt: z.string(),
  timeZone: z.string(),
  venue: z.string(),
  onlineUrl: z.string(),
  trainer: z.object({ id: ZId, displayName: z.string() }).nullable(),
  language: z.string(),
  interpreter: z.string(),
  version: z.number().int(),
  /** Coordinators, project managers and admins mark every session; a trainer only their own. */
  abilities: z.object({ markAttendance: z.boolean() }),
});
export type TSession = z.infer<typeof ZSessionSchema>;

export const ZCohortSchema = ZCohortSummarySchema.extend({
  programme: z.object({ id: ZId, title: z.record(z.string(), z.string()), completionRule: ZCompletionRule }),
  notes: z.string(),
  sessions: z.array(ZSessionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    update: z.boolean(),
    /** Marks attendance of at least one session (see each session's abilities). */
    markAttendance: z.boolean(),
    /** Enters pre and post test scores: a trainer only in a cohort where they give a session. */
    enterScores: z.boolean(),
    import: z.boolean(),
    export: z.boolean(),
    readSensitive: z.boolean(),
  }),
});
export type TCohort = z.infer<typeof ZCohortSchema>;

export const ZParticipantInput = z.object({
  nameNative: z.string().trim().max(200).default(''),
  nameLatin: z.string().trim().min(1, 'required').max(200),
  gender: ZGender.default('undisclosed'),
  country: ZCountryCode,
  organizationName: z.string().trim().max(300).default(''),
  position: z.string().trim().max(200).default(''),
  email: ZEmail.or(z.literal('')).default(''),
  languages: z.array(ZLanguageTag).max(10).default([]),
  passportNumber: z
    .string()
    .trim()
    .max(30)
    .regex(/^[A-Za-z0-9]*$/, 'passport_format')
    .default(''),
  dateOfBirth: ZIsoDate.nullable().default(null),
});
export type TParticipantInput = z.infer<typeof ZParticipantInput>;
export const ZUpdateParticipantRequestSchema = z.object({ version: ZVersion, data: ZParticipantInput });

export const ZParticipantSchema = z.object({
  id: ZId,
  nameNative: z.string(),
  nameLatin: z.string(),
  gender: ZGender,
  country: z.string(),
  organizationName: z.string(),
  position: z.string(),
  email: z.string(),
  languages: z.array(z.string()),
  /** Present only for roles holding participant.sensitive_read. */
  sensitive: z.object({ passportNumber: z.string(), dateOfBirth: ZIsoDate.nullable() }).nullable(),
  version: z.number().int(),
});
export type TParticipant = z.infer<typeof ZParticipantSchema>;

export const ZEnrolmentSchema = z.object({
  id: ZId,
  cohortId: ZId,
  participant: ZParticipantSchema,
  status: ZEnrolmentStatus,
  waitlistPosition: z.number().int().nullable().describe('Place on the waiting list; null holds a seat'),
  preScore: z.number().nullable().describe('Points, two decimals'),
  postScore: z.number().nullable(),
  attendance: z.object({
    sessionsHeld: z.number().int(),
    present: z.number().int(),
    excused: z.number().int(),
    percent: z.number().nullable(),
  }),
  completion: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }),
  hasPortalLink: z.boolean(),
  version: z.number().int(),
});
export type TEnrolment = z.infer<typeof ZEnrolmentSchema>;

export const ZEnrolRequestSchema = z.object({
  participantId: ZId.optional(),
  participant: ZParticipantInput.optional(),
  status: ZEnrolmentStatus.exclude(['withdrawn', 'completed']).default('invited'),
});
export const ZChangeEnrolmentStatusRequestSchema = z.object({ version: ZVersion, status: ZEnrolmentStatus });
export const ZEnterScoresRequestSchema = z.object({
  version: ZVersion,
  preScore: ZScore.nullable(),
  postScore: ZScore.nullable(),
});
export const ZPortalLinkSchema = z.object({
  url: z.string().describe('Shown once: only a hash of the token is stored'),
  token: z.string(),
});

export const ZMarkAttendanceRequestSchema = z.object({
  marks: z
    .array(z.object({ enrolmentId: ZId, mark: ZAttendanceMark }))
    .min(1)
    .max(1000),
});
export const ZSessionAttendanceSchema = z.object({
  sessionId: ZId,
  marks: z.array(
    z.object({
      enrolmentId: ZId,
      mark: ZAttendanceMark,
      markedAt: z.string(),
      markedBy: z.string().nullable(),
    }),
  ),
});
export type TSessionAttendance = z.infer<typeof ZSessionAttendanceSchema>;

export const ZEnrolmentListQuerySchema = z.object({
  includeSensitive: z.enum(['true', 'false']).default('false'),
});
export const ZEnrolmentExportQuerySchema = ZEnrolmentListQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

/** One eligible (or not) enrolment, as certificates will consume it. */
export const ZCompletionListSchema = z.object({
  data: z.array(
    z.object({ enrolmentId: ZId, participantId: ZId, eligible: z.boolean(), reasons: z.array(z.string()) }),
  ),
});

export const ZTrainerSchema = z.object({ id: ZId, displayName: z.string(), role: z.string() });

/** Columns of the enrolment import file, in order. */
export const ENROLMENT_FILE_COLUMNS = [
  'name_latin',
  'name_native',
  'gender',
  'country',
  'organization',
  'position',
  'email',
  'languages',
  'passport_number',
  'date_of_birth',
] as const;

export const ZEnrolmentImportPreviewSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  problems: z.array(
    z.object({ row: z.number().int(), column: z.string(), code: z.string(), value: z.string().optional() }),
  ),
  rows: z.array(
    z.object({
      row: z.number().int(),
      nameLatin: z.string(),
      nameNative: z.string(),
      country: z.string(),
      email: z.string(),
    }),
  ),
  canImport: z.boolean(),
});
export type TEnrolmentImportPreview = z.infer<typeof ZEnrolmentImportPreviewSchema>;
export const ZEnrolmentImportResultSchema = z.object({
  imported: z.number().int(),
  waitlisted: z.number().int(),
});

/** What the participant portal shows (no session; reached by a personal link). */
export const ZPortalSchema = z.object({
  participant: z.object({ nameLatin: z.string(), nameNative: z.string() }),
  programme: z.object({
    title: z.record(z.string(), z.string()),
    description: z.string(),
    learningOutcomes: z.array(z.record(z.string(), z.string())),
  }),
  cohort: z.object({ name: z.string(), startsOn: ZIsoDate.nullable(), endsOn: ZIsoDate.nullable() }),
  enrolment: z.object({ status: ZEnrolmentStatus, waitlistPosition: z.number().int().nullable() }),
  schedule: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      timeZone: z.string(),
      venue: z.string(),
      onlineUrl: z.string(),
      language: z.string(),
      interpreter: z.string(),
    }),
  ),
  /** The programme's course materials shown to participants, downloaded through the same link. */
  materials: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      url: z.string(),
    }),
  ),
  /** The enrolment's current certificate: the one in force, else the latest revoked one. */
  certificate: z
    .object({
      status: z.enum(['valid', 'revoked', 'expired']),
      number: z.string(),
      issuedAt: z.string(),
      /** The public verification page ({PUBLIC_URL}/verify/:publicId). */
      verifyUrl: z.string(),
      /** The PDF through the portal link; null once revoked. */
      url: z.string().nullable(),
      /** Every format through the portal link; null once revoked. */
      downloads: z.object({ pdf: z.string(), json: z.string(), jwt: z.string() }).nullable(),
    })
    .nullable(),
});
export type TPortal = z.infer<typeof ZPortalSchema>;
export const ZPortalParams = z.object({ token: z.string().min(1).max(200) });
