import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOk } from '../../../contracts/common.js';
import {
  EVIDENCE_MAX_BYTES,
  ZCopyPlatformFigureRequestSchema,
  ZCreateIndicatorFromTemplateRequestSchema,
  ZCreateIndicatorRequestSchema,
  ZCreatePeriodRequestSchema,
  ZCreateResultRequestSchema,
  ZEvidenceParams,
  ZEvidenceSchema,
  ZIndicatorParams,
  ZPeriodParams,
  ZProjectResultsParams,
  ZResultParams,
  ZResultsFrameworkChangeSchema,
  ZResultsFrameworkSchema,
  ZUpdateIndicatorRequestSchema,
  ZUpdatePeriodRequestSchema,
  ZUpdateResultRequestSchema,
  ZVersionQuery,
} from '../../../contracts/results-frameworks.js';
import { Permission } from '../../../contracts/roles.js';
import { AppError } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import * as evidence from './evidence.service.js';
import * as frameworks from './results-frameworks.service.js';

const tags = ['results frameworks'];
const base = '/projects/:projectId/results';
const changed = { 200: ZResultsFrameworkChangeSchema };
const created = { 201: ZResultsFrameworkChangeSchema };
const ZEvidenceTitle = z.string().trim().max(200);

/**
 * The results framework of a project: results, their indicators, the indicators' periods and the
 * periods' evidence. Every change answers with the whole framework as it now is.
 */
export async function resultsFrameworksRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    base,
    {
      schema: {
        tags,
        params: ZProjectResultsParams,
        response: { 200: ZResultsFrameworkSchema },
        description: 'The framework with progress and status computed at the organization’s today',
      },
    },
    async (req) => frameworks.getFramework(ctxOf(req), req.params.projectId),
  );

  // ── Results ──
  r.post(
    base,
    { schema: { tags, params: ZProjectResultsParams, body: ZCreateResultRequestSchema, response: created } },
    async (req, reply) =>
      reply.code(201).send(await frameworks.createResult(ctxOf(req), req.params.projectId, req.body)),
  );
  r.put(
    `${base}/:resultId`,
    { schema: { tags, params: ZResultParams, body: ZUpdateResultRequestSchema, response: changed } },
    async (req) => frameworks.updateResult(ctxOf(req), req.params.projectId, req.params.resultId, req.body),
  );
  r.delete(
    `${base}/:resultId`,
    { schema: { tags, params: ZResultParams, querystring: ZVersionQuery, response: changed } },
    async (req) =>
      frameworks.deleteResult(ctxOf(req), req.params.projectId, req.params.resultId, req.query.version),
  );

  // ── Indicators ──
  r.post(
    `${base}/:resultId/indicators`,
    { schema: { tags, params: ZResultParams, body: ZCreateIndicatorRequestSchema, response: created } },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await frameworks.createIndicator(ctxOf(req), req.params.projectId, req.params.resultId, req.body),
        ),
  );
  r.post(
    `${base}/:resultId/indicators/from-template`,
    {
      schema: {
        tags,
        params: ZResultParams,
        body: ZCreateIndicatorFromTemplateRequestSchema,
        response: created,
        description: 'Adds an indicator from INDICATOR_TEMPLATES, its texts in the project’s languages',
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await frameworks.createIndicatorFromTemplate(
            ctxOf(req),
            req.params.projectId,
            req.params.resultId,
            req.body,
          ),
        ),
  );
  r.put(
    `${base}/indicators/:indicatorId`,
    { schema: { tags, params: ZIndicatorParams, body: ZUpdateIndicatorRequestSchema, response: changed } },
    async (req) =>
      frameworks.updateIndicator(ctxOf(req), req.params.projectId, req.params.indicatorId, req.body),
  );
  r.delete(
    `${base}/indicators/:indicatorId`,
    { schema: { tags, params: ZIndicatorParams, querystring: ZVersionQuery, response: changed } },
    async (req) =>
      frameworks.deleteIndicator(ctxOf(req), req.params.projectId, req.params.indicatorId, req.query.version),
  );

  // ── Periods ──
  r.post(
    `${base}/indicators/:indicatorId/periods`,
    { schema: { tags, params: ZIndicatorParams, body: ZCreatePeriodRequestSchema, response: created } },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await frameworks.createPeriod(ctxOf(req), req.params.projectId, req.params.indicatorId, req.body),
        ),
  );
  r.put(
    `${base}/periods/:periodId`,
    { schema: { tags, params: ZPeriodParams, body: ZUpdatePeriodRequestSchema, response: changed } },
    async (req) => frameworks.updatePeriod(ctxOf(req), req.params.projectId, req.params.periodId, req.body),
  );
  r.delete(
    `${base}/periods/:periodId`,
    { schema: { tags, params: ZPeriodParams, querystring: ZVersionQuery, response: changed } },
    async (req) =>
      frameworks.deletePeriod(ctxOf(req), req.params.projectId, req.params.periodId, req.query.version),
  );
  r.post(
    `${base}/periods/:periodId/copy-platform-figure`,
    {
      schema: {
        tags,
        params: ZPeriodParams,
        body: ZCopyPlatformFigureRequestSchema,
        response: changed,
        description: 'Copies the figure the platform counted for the period into its actual',
      },
    },
    async (req) =>
      frameworks.copyPlatformFigure(ctxOf(req), req.params.projectId, req.params.periodId, req.body),
  );

  // ── Evidence ──
  r.post(
    `${base}/periods/:periodId/evidence`,
    {
      schema: {
        tags,
        params: ZPeriodParams,
        consumes: ['multipart/form-data'],
        description: 'Multipart: optional text field `title` (before the file), then the file in `file`.',
        response: { 201: ZEvidenceSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const upload = await readUpload(req, EVIDENCE_MAX_BYTES, {
        requires: Permission.ResultsFrameworkWrite,
      });
      const title = ZEvidenceTitle.safeParse(upload.fields.title ?? '');
      if (!title.success) {
        throw new AppError('INVALID_INPUT', 'The title is too long', {
          issues: [{ path: ['title'], message: 'too_long' }],
        });
      }
      const saved = await evidence.uploadEvidence(ctx, req.params.projectId, req.params.periodId, {
        fileName: upload.fileName,
        bytes: upload.bytes,
        title: title.data,
      });
      return reply.code(201).send(saved);
    },
  );
  r.get(
    `${base}/periods/:periodId/evidence/:evidenceId`,
    { schema: { tags, params: ZEvidenceParams } },
    async (req, reply) => {
      const f = await evidence.readEvidence(
        ctxOf(req),
        req.params.projectId,
        req.params.periodId,
        req.params.evidenceId,
      );
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );
  r.delete(
    `${base}/periods/:periodId/evidence/:evidenceId`,
    { schema: { tags, params: ZEvidenceParams, response: { 200: ZOk } } },
    async (req) => {
      await evidence.deleteEvidence(
        ctxOf(req),
        req.params.projectId,
        req.params.periodId,
        req.params.evidenceId,
      );
      return { ok: true as const };
    },
  );
}
