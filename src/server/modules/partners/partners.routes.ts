import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZPage } from '../../../contracts/common.js';
import { ZImportCommitQuerySchema } from '../../../contracts/imports.js';
import {
  ZArchivePartnerRequestSchema,
  ZCreatePartnerRequestSchema,
  ZFindPartnersQuerySchema,
  ZImportPreviewSchema,
  ZImportResultSchema,
  ZPartnerCountryCountsSchema,
  ZPartnerSchema,
  ZPartnerSummarySchema,
  ZUpdatePartnerRequestSchema,
} from '../../../contracts/partners.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import { TABULAR_CONTENT_TYPES } from '../../platform/spreadsheets/tabular-files.js';
import * as partners from './partners.service.js';
import * as transfer from './partners.transfer.js';

const tags = ['partners'];
const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export async function partnersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/partners',
    {
      schema: {
        tags,
        querystring: ZFindPartnersQuerySchema,
        response: { 200: ZPage(ZPartnerSummarySchema) },
      },
    },
    async (req) => partners.findPartners(ctxOf(req), req.query),
  );

  r.get(
    '/partners/countries',
    {
      schema: { tags, querystring: ZFindPartnersQuerySchema, response: { 200: ZPartnerCountryCountsSchema } },
    },
    async (req) => partners.countPartnersByCountry(ctxOf(req), req.query),
  );

  r.get(
    '/partners/export',
    { schema: { tags, querystring: ZFindPartnersQuerySchema.extend(ZFormat.shape) } },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const bytes = await transfer.exportPartners(ctxOf(req), q, format);
      return reply
        .type(TABULAR_CONTENT_TYPES[format])
        .header('content-disposition', attachment(`partners.${format}`))
        .send(bytes);
    },
  );

  r.get('/partners/import/sample', { schema: { tags, querystring: ZFormat } }, async (req, reply) => {
    const bytes = await transfer.partnerImportSample(ctxOf(req), req.query.format);
    return reply
      .type(TABULAR_CONTENT_TYPES[req.query.format])
      .header('content-disposition', attachment(`partners-import-sample.${req.query.format}`))
      .send(bytes);
  });

  r.post(
    '/partners/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZImportPreviewSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.PartnerImport });
      return transfer.previewPartnerImport(ctx, file.fileName, file.bytes);
    },
  );

  r.post(
    '/partners/import',
    {
      schema: {
        tags,
        querystring: ZImportCommitQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResultSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.PartnerImport });
      return transfer.importPartners(ctx, file.fileName, file.bytes, {
        allowRepeat: req.query.allowRepeat === 'true',
      });
    },
  );

  r.get(
    '/partners/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZPartnerSchema } } },
    async (req) => partners.getPartner(ctxOf(req), req.params.id),
  );

  r.post(
    '/partners',
    { schema: { tags, body: ZCreatePartnerRequestSchema, response: { 201: ZPartnerSchema } } },
    async (req, reply) => reply.code(201).send(await partners.createPartner(ctxOf(req), req.body)),
  );

  r.put(
    '/partners/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdatePartnerRequestSchema,
        response: { 200: ZPartnerSchema },
      },
    },
    async (req) => partners.updatePartner(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/partners/:id/archive',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZArchivePartnerRequestSchema,
        response: { 200: ZPartnerSchema },
      },
    },
    async (req) => partners.archivePartner(ctxOf(req), req.params.id, req.body),
  );
}
