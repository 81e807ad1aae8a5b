import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCertificateBatchSchema,
  ZCertificateSchema,
  ZCohortCertificatesSchema,
  ZFindCertificatesQuerySchema,
  ZIssueBatchRequestSchema,
  ZIssueCertificateRequestSchema,
  ZIssuerKeysSchema,
  ZRevokeCertificateRequestSchema,
  ZVerificationSchema,
  ZVerifyJwtRequestSchema,
} from '../../../contracts/certificates.js';
import { ZId, ZIdParams, ZPage } from '../../../contracts/common.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment } from '../../platform/http/uploads.js';
import * as certificates from './certificates.service.js';
import * as issuer from './issuer.service.js';

const tags = ['certificates'];
const publicTags = ['public verification'];
const ZFormat = z.enum(['pdf', 'json', 'jwt']);
const ZOrgParams = z.object({ organizationId: ZId });
const publicSchema = { security: [] as never[] };

export async function certificatesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/certificates',
    {
      schema: {
        tags,
        querystring: ZFindCertificatesQuerySchema,
        response: { 200: ZPage(ZCertificateSchema) },
      },
    },
    async (req) => certificates.findCertificates(ctxOf(req), req.query),
  );

  r.post(
    '/certificates',
    { schema: { tags, body: ZIssueCertificateRequestSchema, response: { 201: ZCertificateSchema } } },
    async (req, reply) => reply.code(201).send(await certificates.issueCertificate(ctxOf(req), req.body)),
  );

  r.get(
    '/certificates/issuer-keys',
    { schema: { tags, response: { 200: ZIssuerKeysSchema } } },
    async (req) => issuer.listIssuerKeys(ctxOf(req)),
  );

  r.post(
    '/certificates/issuer-keys/rotate',
    { schema: { tags, response: { 200: ZIssuerKeysSchema } } },
    async (req) => issuer.rotateIssuerKey(ctxOf(req)),
  );

  r.post(
    '/certificates/batches',
    { schema: { tags, body: ZIssueBatchRequestSchema, response: { 202: ZCertificateBatchSchema } } },
    async (req, reply) => reply.code(202).send(await certificates.startBatch(ctxOf(req), req.body)),
  );

  r.get(
    '/certificates/batches/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZCertificateBatchSchema } } },
    async (req) => certificates.getBatch(ctxOf(req), req.params.id),
  );

  r.get(
    '/certificates/cohorts/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZCohortCertificatesSchema } } },
    async (req) => certificates.cohortCertificates(ctxOf(req), req.params.id),
  );

  r.get(
    '/certificates/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZCertificateSchema } } },
    async (req) => certificates.getCertificate(ctxOf(req), req.params.id),
  );

  r.post(
    '/certificates/:id/revoke',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZRevokeCertificateRequestSchema,
        response: { 200: ZCertificateSchema },
      },
    },
    async (req) => certificates.revokeCertificate(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/certificates/:id/download/:format',
    { schema: { tags, params: z.object({ id: ZId, format: ZFormat }) } },
    async (req, reply) => {
      const f = await certificates.downloadCertificate(ctxOf(req), req.params.id, req.params.format);
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );

  /* ---------- public: no session ---------- */

  r.get(
    '/public/certificates/:publicId/verification',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: z.object({ publicId: z.string().min(1).max(64) }),
        response: { 200: ZVerificationSchema },
      },
    },
    async (req) => certificates.publicVerification(req.server.deps, req.params.publicId),
  );

  r.post(
    '/public/verify',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        body: ZVerifyJwtRequestSchema,
        response: { 200: ZVerificationSchema },
      },
    },
    async (req) => issuer.verifyJwt(req.server.deps, req.body.jwt),
  );

  r.get(
    '/public/organizations/:organizationId/profile',
    { schema: { tags: publicTags, ...publicSchema, params: ZOrgParams } },
    async (req) => issuer.issuerProfile(req.server.deps, req.params.organizationId),
  );

  r.get(
    '/public/organizations/:organizationId/jwks.json',
    { schema: { tags: publicTags, ...publicSchema, params: ZOrgParams } },
    async (req, reply) =>
      reply
        .type('application/jwk-set+json')
        .header('cache-control', 'public, max-age=300')
        .send(await issuer.issuerJwks(req.server.deps, req.params.organizationId)),
  );

  r.get(
    '/public/organizations/:organizationId/keys/:keyId',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: ZOrgParams.extend({ keyId: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) =>
      reply
        .type('application/jwk+json')
        .send(await issuer.issuerKey(req.server.deps, req.params.organizationId, req.params.keyId)),
  );

  r.get(
    '/public/organizations/:organizationId/revocations',
    { schema: { tags: publicTags, ...publicSchema, params: ZOrgParams } },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .send(await issuer.revocationList(req.server.deps, req.params.organizationId)),
  );

  r.get(
    '/public/portal/:token/certificate/:format',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: z.object({ token: z.string().min(10).max(200), format: ZFormat }),
      },
    },
    async (req, reply) => {
      const f = await certificates.downloadForPortal(
        req.server.deps,
        hashToken(req.params.token),
        req.params.format,
      );
      return reply
        .type(f.contentType)
        .header('content-disposition', attachment(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );
}
