import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZPage } from '../../../contracts/common.js';
import { ZImportCommitQuerySchema } from '../../../contracts/imports.js';
import { Permission } from '../../../contracts/roles.js';
import {
  ZChangeEnrolmentStatusRequestSchema,
  ZCohortSchema,
  ZCompletionListSchema,
  ZCreateCohortRequestSchema,
  ZCreateProgrammeRequestSchema,
  ZCreateSessionRequestSchema,
  ZEnrolmentExportQuerySchema,
  ZEnrolmentImportPreviewSchema,
  ZEnrolmentImportResultSchema,
  ZEnrolmentSchema,
  ZEnrolRequestSchema,
  ZEnterScoresRequestSchema,
  ZFindProgrammesQuerySchema,
  ZMarkAttendanceRequestSchema,
  ZParticipantSchema,
  ZPortalLinkSchema,
  ZPortalParams,
  ZPortalSchema,
  ZProgrammeSchema,
  ZProgrammeSummarySchema,
  ZSessionAttendanceSchema,
  ZTrainerSchema,
  ZUpdateCohortRequestSchema,
  ZUpdateParticipantRequestSchema,
  ZUpdateProgrammeRequestSchema,
  ZUpdateSessionRequestSchema,
} from '../../../contracts/training.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import { TABULAR_CONTENT_TYPES } from '../../platform/spreadsheets/tabular-files.js';
import * as calendar from './training.calendar.js';
import { downloadPortalMaterial, getPortal } from './training.portal.js';
import * as training from './training.service.js';
import * as transfer from './training.transfer.js';

const tags = ['training'];
const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
const ICS_TYPE = 'text/calendar; charset=utf-8';

export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/training/programmes',
    {
      schema: {
        tags,
        querystring: ZFindProgrammesQuerySchema,
        response: { 200: ZPage(ZProgrammeSummarySchema) },
      },
    },
    async (req) => training.findProgrammes(ctxOf(req), req.query),
  );
  r.post(
    '/training/programmes',
    { schema: { tags, body: ZCreateProgrammeRequestSchema, response: { 201: ZProgrammeSchema } } },
    async (req, reply) => reply.code(201).send(await training.createProgramme(ctxOf(req), req.body)),
  );
  r.get(
    '/training/programmes/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZProgrammeSchema } } },
    async (req) => training.getProgramme(ctxOf(req), req.params.id),
  );
  r.put(
    '/training/programmes/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateProgrammeRequestSchema,
        response: { 200: ZProgrammeSchema },
      },
    },
    async (req) => training.updateProgramme(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/training/programmes/:id/cohorts',
    {
      schema: { tags, params: ZIdParams, body: ZCreateCohortRequestSchema, response: { 201: ZCohortSchema } },
    },
    async (req, reply) =>
      reply.code(201).send(await training.createCohort(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/training/trainers',
    { schema: { tags, response: { 200: z.object({ data: z.array(ZTrainerSchema) }) } } },
    async (req) => training.listTrainers(ctxOf(req)),
  );
  r.get(
    '/training/trainers/:id/calendar.ics',
    { schema: { tags, params: ZIdParams } },
    async (req, reply) => {
      const text = await calendar.trainerCalendar(ctxOf(req), req.params.id);
      return reply
        .type(ICS_TYPE)
        .header('content-disposition', attachment('training-sessions.ics'))
        .send(text);
    },
  );

  r.get(
    '/training/cohorts/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZCohortSchema } } },
    async (req) => training.getCohort(ctxOf(req), req.params.id),
  );
  r.put(
    '/training/cohorts/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateCohortRequestSchema, response: { 200: ZCohortSchema } },
    },
    async (req) => training.updateCohort(ctxOf(req), req.params.id, req.body),
  );
  r.get('/training/cohorts/:id/calendar.ics', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const text = await calendar.cohortCalendar(ctxOf(req), req.params.id);
    return reply.type(ICS_TYPE).header('content-disposition', attachment('cohort.ics')).send(text);
  });
  r.post(
    '/training/cohorts/:id/sessions',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZCreateSessionRequestSchema,
        response: { 201: ZCohortSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await training.createSession(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/training/sessions/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateSessionRequestSchema,
        response: { 200: ZCohortSchema },
      },
    },
    async (req) => training.updateSession(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    '/training/sessions/:id/attendance',
    { schema: { tags, params: ZIdParams, response: { 200: ZSessionAttendanceSchema } } },
    async (req) => training.getSessionAttendance(ctxOf(req), req.params.id),
  );
  r.put(
    '/training/sessions/:id/attendance',
    {
      schema: {
        tags,
        description: 'Marks many enrolments at once; sending the same marks again changes nothing.',
        params: ZIdParams,
        body: ZMarkAttendanceRequestSchema,
        response: { 200: ZSessionAttendanceSchema.extend({ changed: z.number().int() }) },
      },
    },
    async (req) => training.markAttendance(ctxOf(req), req.params.id, req.body.marks),
  );

  r.get(
    '/training/cohorts/:id/enrolments',
    { schema: { tags, params: ZIdParams, response: { 200: z.object({ data: z.array(ZEnrolmentSchema) }) } } },
    async (req) => training.listEnrolments(ctxOf(req), req.params.id),
  );
  r.post(
    '/training/cohorts/:id/enrolments',
    { schema: { tags, params: ZIdParams, body: ZEnrolRequestSchema, response: { 201: ZEnrolmentSchema } } },
    async (req, reply) => reply.code(201).send(await training.enrol(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/training/cohorts/:id/completion',
    { schema: { tags, params: ZIdParams, response: { 200: ZCompletionListSchema } } },
    async (req) => ({ data: await training.listCohortCompletion(ctxOf(req), req.params.id) }),
  );
  r.get(
    '/training/cohorts/:id/enrolments/export',
    { schema: { tags, params: ZIdParams, querystring: ZEnrolmentExportQuerySchema } },
    async (req, reply) => {
      const { format, includeSensitive } = req.query;
      const bytes = await transfer.exportEnrolments(
        ctxOf(req),
        req.params.id,
        format,
        includeSensitive === 'true',
      );
      return reply
        .type(TABULAR_CONTENT_TYPES[format])
        .header('content-disposition', attachment(`enrolments.${format}`))
        .send(bytes);
    },
  );
  r.get(
    '/training/enrolments/import/sample',
    { schema: { tags, querystring: ZFormat } },
    async (req, reply) => {
      const bytes = await transfer.enrolmentImportSample(ctxOf(req), req.query.format);
      return reply
        .type(TABULAR_CONTENT_TYPES[req.query.format])
        .header('content-disposition', attachment(`enrolments-import-sample.${req.query.format}`))
        .send(bytes);
    },
  );
  r.post(
    '/training/cohorts/:id/enrolments/import/preview',
    {
      schema: {
        tags,
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZEnrolmentImportPreviewSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.TrainingImport });
      return transfer.previewEnrolmentImport(ctx, req.params.id, file.fileName, file.bytes);
    },
  );
  r.post(
    '/training/cohorts/:id/enrolments/import',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZImportCommitQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: ZEnrolmentImportResultSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.TrainingImport });
      return transfer.importEnrolments(ctx, req.params.id, file.fileName, file.bytes, {
        allowRepeat: req.query.allowRepeat === 'true',
      });
    },
  );

  r.post(
    '/training/enrolments/:id/status',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZChangeEnrolmentStatusRequestSchema,
        response: { 200: ZEnrolmentSchema },
      },
    },
    async (req) => training.changeEnrolmentStatus(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/training/enrolments/:id/scores',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZEnterScoresRequestSchema,
        response: { 200: ZEnrolmentSchema },
      },
    },
    async (req) => training.enterScores(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/training/enrolments/:id/portal-link',
    { schema: { tags, params: ZIdParams, response: { 200: ZPortalLinkSchema } } },
    async (req) => training.issuePortalLink(ctxOf(req), req.params.id),
  );
  r.put(
    '/training/participants/:id',
    {
      schema: {
        tags,
        params: z.object({ id: ZId }),
        body: ZUpdateParticipantRequestSchema,
        response: { 200: ZParticipantSchema },
      },
    },
    async (req) => training.updateParticipant(ctxOf(req), req.params.id, req.body),
  );

  // The participant portal: no session (the personal link is the credential), so a tighter
  // per-address rate limit than the API's, against guessing.
  r.get(
    '/portal/:token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['portal'], security: [], params: ZPortalParams, response: { 200: ZPortalSchema } },
    },
    async (req) => getPortal(req.server.deps, req.params.token),
  );
  r.get(
    '/portal/:token/materials/:materialId',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        security: [],
        params: ZPortalParams.extend({ materialId: ZId }),
      },
    },
    async (req, reply) => {
      const f = await downloadPortalMaterial(req.server.deps, req.params.token, req.params.materialId);
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );
}
