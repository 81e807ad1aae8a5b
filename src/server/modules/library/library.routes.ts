import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZOk, ZPage } from '../../../contracts/common.js';
import {
  RESOURCE_FILE_MAX_BYTES,
  ZApproveTermRequestSchema,
  ZConceptSchema,
  ZCreateGlossaryRequestSchema,
  ZCreatePartnerUserLinkRequestSchema,
  ZCreateResourceRequestSchema,
  ZCreateResourceVersionRequestSchema,
  ZCreateTermRequestSchema,
  ZFindConceptsQuerySchema,
  ZFindResourcesQuerySchema,
  ZGlossaryFileFormat,
  ZGlossaryImportResultSchema,
  ZGlossarySchema,
  ZLibraryLanguage,
  ZPartnerAccountCandidateSchema,
  ZPartnerUserLinkSchema,
  ZResourceSchema,
  ZSearchTermsQuerySchema,
  ZShareResourceRequestSchema,
  ZTermSchema,
  ZUpdateGlossaryRequestSchema,
  ZUpdateResourceRequestSchema,
  ZUpdateTermRequestSchema,
} from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import * as glossaries from './glossaries.service.js';
import * as transfer from './glossary-transfer.js';
import * as links from './partner-links.service.js';
import * as resources from './resources.service.js';

const GLOSSARY_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });
const ZFileParams = z.object({ id: ZId, fileId: ZId });
const ZVersionParams = z.object({ id: ZId, versionId: ZId });
const ZShareParams = z.object({ id: ZId, partnerId: ZId });
const ZTermParams = z.object({ id: ZId, termId: ZId });
const ZLinkParams = z.object({ partnerId: ZId, userId: ZId });

export async function libraryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Resources ---------------------------------------------------------------------------------
  const tags = ['library'];
  r.get(
    '/resources',
    { schema: { tags, querystring: ZFindResourcesQuerySchema, response: { 200: ZPage(ZResourceSchema) } } },
    async (req) => resources.findResources(ctxOf(req), req.query),
  );
  r.get(
    '/resources/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZResourceSchema } } },
    async (req) => resources.getResource(ctxOf(req), req.params.id),
  );
  r.post(
    '/resources',
    { schema: { tags, body: ZCreateResourceRequestSchema, response: { 201: ZResourceSchema } } },
    async (req, reply) => reply.code(201).send(await resources.createResource(ctxOf(req), req.body)),
  );
  r.put(
    '/resources/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateResourceRequestSchema,
        response: { 200: ZResourceSchema },
      },
    },
    async (req) => resources.updateResource(ctxOf(req), req.params.id, req.body),
  );
  r.delete(
    '/resources/:id',
    { schema: { tags, params: ZIdParams, querystring: ZVersionQuery, response: { 200: ZOk } } },
    async (req) => {
      await resources.deleteResource(ctxOf(req), req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  r.post(
    '/resources/:id/versions',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZCreateResourceVersionRequestSchema,
        response: { 201: ZResourceSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await resources.createResourceVersion(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/resources/:id/versions/:versionId/files',
    {
      schema: {
        tags,
        params: ZVersionParams,
        querystring: z.object({ language: ZLibraryLanguage }),
        consumes: ['multipart/form-data'],
        response: { 201: ZResourceSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, RESOURCE_FILE_MAX_BYTES, { requires: Permission.ResourceWrite });
      return reply
        .code(201)
        .send(
          await resources.uploadResourceFile(
            ctx,
            req.params.id,
            req.params.versionId,
            req.query.language,
            file,
          ),
        );
    },
  );
  r.get('/resources/:id/files/:fileId', { schema: { tags, params: ZFileParams } }, async (req, reply) => {
    const file = await resources.readResourceFile(ctxOf(req), req.params.id, req.params.fileId);
    return reply
      .type(file.contentType)
      .header('content-disposition', attachment(file.fileName))
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });
  r.delete(
    '/resources/:id/files/:fileId',
    { schema: { tags, params: ZFileParams, response: { 200: ZResourceSchema } } },
    async (req) => resources.deleteResourceFile(ctxOf(req), req.params.id, req.params.fileId),
  );
  r.post(
    '/resources/:id/shares',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZShareResourceRequestSchema,
        response: { 200: ZResourceSchema },
      },
    },
    async (req) => resources.shareResource(ctxOf(req), req.params.id, req.body.partnerId),
  );
  r.delete(
    '/resources/:id/shares/:partnerId',
    { schema: { tags, params: ZShareParams, response: { 200: ZResourceSchema } } },
    async (req) => resources.unshareResource(ctxOf(req), req.params.id, req.params.partnerId),
  );

  // Partner staff accounts --------------------------------------------------------------------
  const linkList = z.object({ data: z.array(ZPartnerUserLinkSchema) });
  r.get(
    '/partner-user-links',
    { schema: { tags, querystring: z.object({ partnerId: ZId }), response: { 200: linkList } } },
    async (req) => links.listPartnerUserLinks(ctxOf(req), req.query.partnerId),
  );
  r.get(
    '/partner-user-links/candidates',
    { schema: { tags, response: { 200: z.object({ data: z.array(ZPartnerAccountCandidateSchema) }) } } },
    async (req) => links.listPartnerAccountCandidates(ctxOf(req)),
  );
  r.post(
    '/partner-user-links',
    { schema: { tags, body: ZCreatePartnerUserLinkRequestSchema, response: { 200: linkList } } },
    async (req) => links.linkPartnerUser(ctxOf(req), req.body),
  );
  r.delete(
    '/partner-user-links/:partnerId/:userId',
    { schema: { tags, params: ZLinkParams, response: { 200: ZOk } } },
    async (req) => {
      await links.unlinkPartnerUser(ctxOf(req), req.params.partnerId, req.params.userId);
      return { ok: true as const };
    },
  );

  // Glossaries --------------------------------------------------------------------------------
  const gTags = ['glossaries'];
  r.get(
    '/glossaries',
    {
      schema: {
        tags: gTags,
        querystring: z.object({ q: z.string().trim().max(200).optional() }),
        response: { 200: z.object({ data: z.array(ZGlossarySchema) }) },
      },
    },
    async (req) => glossaries.findGlossaries(ctxOf(req), req.query.q),
  );
  r.get(
    '/glossaries/search',
    {
      schema: {
        tags: gTags,
        querystring: ZSearchTermsQuerySchema,
        response: { 200: z.object({ data: z.array(ZConceptSchema) }) },
      },
    },
    async (req) => glossaries.searchTerms(ctxOf(req), req.query.q),
  );
  r.get(
    '/glossaries/:id',
    { schema: { tags: gTags, params: ZIdParams, response: { 200: ZGlossarySchema } } },
    async (req) => glossaries.getGlossary(ctxOf(req), req.params.id),
  );
  r.post(
    '/glossaries',
    { schema: { tags: gTags, body: ZCreateGlossaryRequestSchema, response: { 201: ZGlossarySchema } } },
    async (req, reply) => reply.code(201).send(await glossaries.createGlossary(ctxOf(req), req.body)),
  );
  r.put(
    '/glossaries/:id',
    {
      schema: {
        tags: gTags,
        params: ZIdParams,
        body: ZUpdateGlossaryRequestSchema,
        response: { 200: ZGlossarySchema },
      },
    },
    async (req) => glossaries.updateGlossary(ctxOf(req), req.params.id, req.body),
  );
  r.delete(
    '/glossaries/:id',
    { schema: { tags: gTags, params: ZIdParams, querystring: ZVersionQuery, response: { 200: ZOk } } },
    async (req) => {
      await glossaries.deleteGlossary(ctxOf(req), req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  r.get(
    '/glossaries/:id/concepts',
    {
      schema: {
        tags: gTags,
        params: ZIdParams,
        querystring: ZFindConceptsQuerySchema,
        response: { 200: ZPage(ZConceptSchema) },
      },
    },
    async (req) => glossaries.findConcepts(ctxOf(req), req.params.id, req.query),
  );
  r.post(
    '/glossaries/:id/terms',
    {
      schema: {
        tags: gTags,
        params: ZIdParams,
        body: ZCreateTermRequestSchema,
        response: { 201: ZTermSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await glossaries.createTerm(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/glossaries/:id/terms/:termId',
    {
      schema: {
        tags: gTags,
        params: ZTermParams,
        body: ZUpdateTermRequestSchema,
        response: { 200: ZTermSchema },
      },
    },
    async (req) => glossaries.updateTerm(ctxOf(req), req.params.id, req.params.termId, req.body),
  );
  r.post(
    '/glossaries/:id/terms/:termId/approve',
    {
      schema: {
        tags: gTags,
        params: ZTermParams,
        body: ZApproveTermRequestSchema,
        response: { 200: ZTermSchema },
      },
    },
    async (req) => glossaries.approveTerm(ctxOf(req), req.params.id, req.params.termId, req.body.version),
  );
  r.delete(
    '/glossaries/:id/terms/:termId',
    { schema: { tags: gTags, params: ZTermParams, response: { 200: ZOk } } },
    async (req) => {
      await glossaries.deleteTerm(ctxOf(req), req.params.id, req.params.termId);
      return { ok: true as const };
    },
  );
  r.get(
    '/glossaries/:id/export',
    { schema: { tags: gTags, params: ZIdParams, querystring: z.object({ format: ZGlossaryFileFormat }) } },
    async (req, reply) => {
      const file = await transfer.exportGlossary(ctxOf(req), req.params.id, req.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
  r.post(
    '/glossaries/:id/import',
    {
      schema: {
        tags: gTags,
        params: ZIdParams,
        querystring: z.object({ format: ZGlossaryFileFormat }),
        consumes: ['multipart/form-data'],
        response: { 200: ZGlossaryImportResultSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, GLOSSARY_IMPORT_MAX_BYTES, { requires: Permission.GlossaryWrite });
      return transfer.importGlossary(ctx, req.params.id, req.query.format, file);
    },
  );
}
