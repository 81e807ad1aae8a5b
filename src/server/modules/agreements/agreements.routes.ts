import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGREEMENT_DOCUMENT_MAX_BYTES,
  ZAgreementDocumentSchema,
  ZAgreementSchema,
  ZCreateAgreementRequestSchema,
  ZFindAgreementsQuerySchema,
  ZTerminateAgreementRequestSchema,
  ZUpdateAgreementRequestSchema,
} from '../../../contracts/agreements.js';
import { ZId, ZIdParams, ZOk, ZPage } from '../../../contracts/common.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import * as documents from './agreement-documents.service.js';
import * as agreements from './agreements.service.js';

const tags = ['agreements'];
const ZDocParams = z.object({ id: ZId, docId: ZId });

export async function agreementsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/agreements',
    { schema: { tags, querystring: ZFindAgreementsQuerySchema, response: { 200: ZPage(ZAgreementSchema) } } },
    async (req) => agreements.findAgreements(ctxOf(req), req.query),
  );

  r.get(
    '/agreements/expiring',
    {
      schema: {
        tags,
        querystring: z.object({ days: z.coerce.number().int().min(1).max(730).default(90) }),
        response: { 200: z.object({ data: z.array(ZAgreementSchema) }) },
      },
    },
    async (req) => agreements.findExpiringAgreements(ctxOf(req), req.query.days),
  );

  r.get(
    '/agreements/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZAgreementSchema } } },
    async (req) => agreements.getAgreement(ctxOf(req), req.params.id),
  );

  r.post(
    '/agreements',
    { schema: { tags, body: ZCreateAgreementRequestSchema, response: { 201: ZAgreementSchema } } },
    async (req, reply) => reply.code(201).send(await agreements.createAgreement(ctxOf(req), req.body)),
  );

  r.put(
    '/agreements/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateAgreementRequestSchema,
        response: { 200: ZAgreementSchema },
      },
    },
    async (req) => agreements.updateAgreement(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/agreements/:id/terminate',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZTerminateAgreementRequestSchema,
        response: { 200: ZAgreementSchema },
      },
    },
    async (req) => agreements.terminateAgreement(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/agreements/:id/documents',
    {
      schema: {
        tags,
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZAgreementDocumentSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, AGREEMENT_DOCUMENT_MAX_BYTES, {
        requires: Permission.AgreementWrite,
      });
      return reply.code(201).send(await documents.uploadAgreementDocument(ctx, req.params.id, file));
    },
  );

  r.get('/agreements/:id/documents/:docId', { schema: { tags, params: ZDocParams } }, async (req, reply) => {
    const doc = await documents.readAgreementDocument(ctxOf(req), req.params.id, req.params.docId);
    return reply
      .type(doc.contentType)
      .header('content-disposition', attachment(doc.fileName))
      .header('cache-control', 'private, no-store')
      .send(doc.bytes);
  });

  r.delete(
    '/agreements/:id/documents/:docId',
    { schema: { tags, params: ZDocParams, response: { 200: ZOk } } },
    async (req) => {
      await documents.deleteAgreementDocument(ctxOf(req), req.params.id, req.params.docId);
      return { ok: true as const };
    },
  );
}
