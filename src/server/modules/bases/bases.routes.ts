import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBaseSchema,
  ZBaseSummarySchema,
  ZComplianceQuerySchema,
  ZComplianceReportSchema,
  ZCreateBaseRequestSchema,
  ZFindBasesQuerySchema,
  ZFindInfrastructureListsQuerySchema,
  ZImportInfrastructureListQuerySchema,
  ZImportInventoryQuerySchema,
  ZInfrastructureListSchema,
  ZInfrastructureListSummarySchema,
  ZReplaceActivitiesRequestSchema,
  ZReplaceEquipmentRequestSchema,
  ZReplaceTeamRequestSchema,
  ZReplaceTraineesRequestSchema,
  ZTabularImportPreviewSchema,
  ZUpdateBaseRequestSchema,
} from '../../../contracts/bases.js';
import { ZIdParams, ZPage } from '../../../contracts/common.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import { TABULAR_CONTENT_TYPES } from '../../platform/spreadsheets/tabular-files.js';
import * as bases from './bases.service.js';
import * as transfer from './bases.transfer.js';

const tags = ['training bases'];
const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export async function basesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/bases',
    { schema: { tags, querystring: ZFindBasesQuerySchema, response: { 200: ZPage(ZBaseSummarySchema) } } },
    async (req) => bases.findBases(ctxOf(req), req.query),
  );

  r.post(
    '/bases',
    { schema: { tags, body: ZCreateBaseRequestSchema, response: { 201: ZBaseSchema } } },
    async (req, reply) => reply.code(201).send(await bases.createBase(ctxOf(req), req.body)),
  );

  r.get(
    '/bases/samples/:kind',
    {
      schema: {
        tags,
        params: z.object({ kind: z.enum(['list', 'inventory']) }),
        querystring: ZFormat,
        description: 'Sample import file: an Infrastructure List, or a base inventory',
      },
    },
    async (req, reply) => {
      const { kind } = req.params;
      const { format } = req.query;
      const bytes = await transfer.importSample(ctxOf(req), kind, format);
      const name = kind === 'list' ? 'infrastructure-list-sample' : 'base-inventory-sample';
      return reply
        .type(TABULAR_CONTENT_TYPES[format])
        .header('content-disposition', attachment(`${name}.${format}`))
        .send(bytes);
    },
  );

  r.get('/bases/:id', { schema: { tags, params: ZIdParams, response: { 200: ZBaseSchema } } }, async (req) =>
    bases.getBase(ctxOf(req), req.params.id),
  );

  r.put(
    '/bases/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateBaseRequestSchema, response: { 200: ZBaseSchema } } },
    async (req) => bases.updateBase(ctxOf(req), req.params.id, req.body),
  );

  r.put(
    '/bases/:id/equipment',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZReplaceEquipmentRequestSchema,
        response: { 200: ZBaseSchema },
      },
    },
    async (req) => bases.replaceCollection(ctxOf(req), req.params.id, 'equipment', req.body),
  );
  r.put(
    '/bases/:id/team',
    { schema: { tags, params: ZIdParams, body: ZReplaceTeamRequestSchema, response: { 200: ZBaseSchema } } },
    async (req) => bases.replaceCollection(ctxOf(req), req.params.id, 'team', req.body),
  );
  r.put(
    '/bases/:id/trainees',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZReplaceTraineesRequestSchema,
        response: { 200: ZBaseSchema },
      },
    },
    async (req) => bases.replaceCollection(ctxOf(req), req.params.id, 'trainees', req.body),
  );
  r.put(
    '/bases/:id/activities',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZReplaceActivitiesRequestSchema,
        response: { 200: ZBaseSchema },
      },
    },
    async (req) => bases.replaceCollection(ctxOf(req), req.params.id, 'activities', req.body),
  );

  r.post(
    '/bases/:id/equipment/import/preview',
    {
      schema: {
        tags,
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZTabularImportPreviewSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.BaseWrite });
      return transfer.previewInventoryImport(ctx, req.params.id, file.fileName, file.bytes);
    },
  );

  r.post(
    '/bases/:id/equipment/import',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZImportInventoryQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number().int(), base: ZBaseSchema }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.BaseWrite });
      return transfer.importInventory(ctx, req.params.id, req.query.mode, file.fileName, file.bytes);
    },
  );

  r.get(
    '/bases/:id/compliance',
    {
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZComplianceQuerySchema,
        response: { 200: ZComplianceReportSchema },
      },
    },
    async (req) => transfer.computeCompliance(ctxOf(req), req.params.id, req.query),
  );

  r.get(
    '/bases/:id/compliance/export',
    { schema: { tags, params: ZIdParams, querystring: ZComplianceQuerySchema.extend(ZFormat.shape) } },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const bytes = await transfer.exportGapList(ctxOf(req), req.params.id, q, format);
      return reply
        .type(TABULAR_CONTENT_TYPES[format])
        .header('content-disposition', attachment(`gap-list.${format}`))
        .send(bytes);
    },
  );

  r.get(
    '/infrastructure-lists',
    {
      schema: {
        tags,
        querystring: ZFindInfrastructureListsQuerySchema,
        response: { 200: z.object({ data: z.array(ZInfrastructureListSummarySchema) }) },
      },
    },
    async (req) => transfer.findInfrastructureLists(ctxOf(req), req.query.skillNumber),
  );

  r.post(
    '/infrastructure-lists/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZTabularImportPreviewSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.BaseWrite });
      return transfer.previewInfrastructureList(ctx, file.fileName, file.bytes);
    },
  );

  r.post(
    '/infrastructure-lists/import',
    {
      schema: {
        tags,
        querystring: ZImportInfrastructureListQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 201: ZInfrastructureListSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.IMPORT_MAX_BYTES, { requires: Permission.BaseWrite });
      const list = await transfer.importInfrastructureList(ctx, req.query, file.fileName, file.bytes);
      return reply.code(201).send(list);
    },
  );

  r.get(
    '/infrastructure-lists/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZInfrastructureListSchema } } },
    async (req) => transfer.getInfrastructureList(ctxOf(req), req.params.id),
  );
}
