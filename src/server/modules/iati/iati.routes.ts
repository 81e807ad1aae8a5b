import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IATI_IMPORT_MAX_BYTES,
  ZIatiExportPreviewSchema,
  ZIatiExportRequestSchema,
  ZIatiImportPreviewSchema,
  ZIatiImportResultSchema,
  ZIatiPublisherSchema,
  ZUpdateIatiPublisherRequestSchema,
} from '../../../contracts/iati.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import * as imports from './iati.import.js';
import * as iati from './iati.service.js';

const tags = ['iati'];

export async function iatiRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/iati/publisher', { schema: { tags, response: { 200: ZIatiPublisherSchema } } }, async (req) =>
    iati.getPublisher(ctxOf(req)),
  );

  r.put(
    '/iati/publisher',
    { schema: { tags, body: ZUpdateIatiPublisherRequestSchema, response: { 200: ZIatiPublisherSchema } } },
    async (req) => iati.updatePublisher(ctxOf(req), req.body),
  );

  r.post(
    '/iati/export/preview',
    { schema: { tags, body: ZIatiExportRequestSchema, response: { 200: ZIatiExportPreviewSchema } } },
    async (req) => iati.previewExport(ctxOf(req), req.body),
  );

  r.post(
    '/iati/export',
    {
      schema: {
        tags,
        body: ZIatiExportRequestSchema,
        description: 'The iati-activities XML, only when it validates (else 409 with the problems)',
      },
    },
    async (req, reply) => {
      const file = await iati.downloadExport(ctxOf(req), req.body);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachment(file.fileName))
        .send(file.xml);
    },
  );

  r.post(
    '/iati/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZIatiImportPreviewSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, IATI_IMPORT_MAX_BYTES, {
        requires: [Permission.IatiImport, Permission.ProjectWrite],
      });
      return imports.previewImport(ctx, file.fileName, file.bytes);
    },
  );

  r.post(
    '/iati/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'Fields: plan (the preview plan as JSON, first), then file',
        response: { 200: ZIatiImportResultSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, IATI_IMPORT_MAX_BYTES, {
        requires: [Permission.IatiImport, Permission.ProjectWrite],
      });
      return imports.runImport(ctx, file.fileName, file.bytes, imports.parseExpectedPlan(file.fields.plan));
    },
  );
}
