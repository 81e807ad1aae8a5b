import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOk } from '../../../contracts/common.js';
import { ZImportCommitQuerySchema } from '../../../contracts/imports.js';
import { Permission } from '../../../contracts/roles.js';
import {
  ZAnonymisedProfileSchema,
  ZCreateTalentProfileRequestSchema,
  ZFindTalentPoolQuerySchema,
  ZFindTalentProfilesQuerySchema,
  ZGiveConsentRequestSchema,
  ZLinkAccountRequestSchema,
  ZRecordConsentRequestSchema,
  ZSelfProfileSchema,
  ZSendLinkResultSchema,
  ZTalentImportPreviewSchema,
  ZTalentImportResultSchema,
  ZTalentPoolPage,
  ZTalentProfilePage,
  ZTalentProfileSchema,
  ZUpdateSelfProfileRequestSchema,
  ZUpdateTalentProfileRequestSchema,
  ZWithdrawConsentRequestSchema,
} from '../../../contracts/talent.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment, readUpload } from '../../platform/http/uploads.js';
import { TABULAR_CONTENT_TYPES } from '../../platform/spreadsheets/tabular-files.js';
import { demandRoutes } from './demand.routes.js';
import { skillsRoutes } from './skills.routes.js';
import * as self from './talent.self.js';
import * as talent from './talent.service.js';
import * as transfer from './talent.transfer.js';

const tags = ['talent'];
const ZTokenParams = z.object({ token: z.string().min(1).max(200) });
const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** Consent can be withdrawn at any moment: no talent answer may be cached anywhere. */
function noStore(reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

function download(reply: FastifyReply, data: unknown) {
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', attachment('talent-profile-export.json'))
    .send(JSON.stringify(data, null, 2));
}

export async function talentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Encapsulated: applies to this plugin's routes only.
  r.addHook('onSend', async (_req, reply) => {
    noStore(reply);
  });

  // The college (talent.manage): full profiles.
  r.get(
    '/talent/profiles',
    { schema: { tags, querystring: ZFindTalentProfilesQuerySchema, response: { 200: ZTalentProfilePage } } },
    async (req) => talent.findProfiles(ctxOf(req), req.query),
  );
  r.post(
    '/talent/profiles',
    { schema: { tags, body: ZCreateTalentProfileRequestSchema, response: { 201: ZTalentProfileSchema } } },
    async (req, reply) => reply.code(201).send(await talent.createProfile(ctxOf(req), req.body)),
  );
  r.get(
    '/talent/profiles/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZTalentProfileSchema } } },
    async (req) => talent.getProfile(ctxOf(req), req.params.id),
  );
  r.put(
    '/talent/profiles/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateTalentProfileRequestSchema,
        response: { 200: ZTalentProfileSchema },
      },
    },
    async (req) => talent.updateProfile(ctxOf(req), req.params.id, req.body),
  );
  r.delete(
    '/talent/profiles/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (req) => talent.deleteProfile(ctxOf(req), req.params.id),
  );
  r.post(
    '/talent/profiles/:id/consents',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZRecordConsentRequestSchema,
        response: { 200: ZTalentProfileSchema },
      },
    },
    async (req) => talent.recordConsent(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/talent/profiles/:id/consents/withdraw',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZWithdrawConsentRequestSchema,
        response: { 200: ZTalentProfileSchema },
      },
    },
    async (req) => talent.withdrawConsent(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/talent/profiles/:id/link',
    { schema: { tags, params: ZIdParams, response: { 200: ZSendLinkResultSchema } } },
    async (req) => talent.sendSelfLink(ctxOf(req), req.params.id),
  );
  r.get('/talent/profiles/:id/export', { schema: { tags, params: ZIdParams } }, async (req, reply) =>
    download(reply, await talent.exportProfile(ctxOf(req), req.params.id)),
  );

  r.get('/talent/import/sample', { schema: { tags, querystring: ZFormat } }, async (req, reply) => {
    const bytes = await transfer.talentImportSample(ctxOf(req), req.query.format);
    return reply
      .type(TABULAR_CONTENT_TYPES[req.query.format])
      .header('content-disposition', attachment(`talent-import-sample.${req.query.format}`))
      .send(bytes);
  });
  r.post(
    '/talent/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZTalentImportPreviewSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.TALENT_IMPORT_MAX_BYTES, {
        requires: Permission.TalentManage,
      });
      return transfer.previewTalentImport(ctx, file.fileName, file.bytes);
    },
  );
  r.post(
    '/talent/import',
    {
      schema: {
        tags,
        querystring: ZImportCommitQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: ZTalentImportResultSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUpload(req, transfer.TALENT_IMPORT_MAX_BYTES, {
        requires: Permission.TalentManage,
      });
      return transfer.importTalent(ctx, file.fileName, file.bytes, {
        allowRepeat: req.query.allowRepeat === 'true',
      });
    },
  );

  // The college's own skills and its curation of the taxonomy (skills.routes.ts).
  await skillsRoutes(app);

  // Enterprises (talent.read): the consented pool, anonymised.
  r.get(
    '/talent/pool',
    { schema: { tags, querystring: ZFindTalentPoolQuerySchema, response: { 200: ZTalentPoolPage } } },
    async (req) => talent.findPool(ctxOf(req), req.query),
  );
  r.get(
    '/talent/pool/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZAnonymisedProfileSchema } } },
    async (req) => talent.getPoolProfile(ctxOf(req), req.params.id),
  );

  r.put(
    '/talent/profiles/:id/account',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZLinkAccountRequestSchema,
        response: { 200: ZTalentProfileSchema },
      },
    },
    async (req) => talent.linkAccount(ctxOf(req), req.params.id, req.body),
  );

  // The owner signed in with their participant account (talent.self): their own profile only.
  const me = (req: FastifyRequest) => self.byAccount(ctxOf(req));
  r.get('/talent/me', { schema: { tags, response: { 200: ZSelfProfileSchema } } }, async (req) =>
    self.getSelfProfile(req.server.deps, me(req)),
  );
  r.put(
    '/talent/me/profile',
    { schema: { tags, body: ZUpdateSelfProfileRequestSchema, response: { 200: ZSelfProfileSchema } } },
    async (req) => self.updateSelfProfile(req.server.deps, me(req), req.body),
  );
  r.post(
    '/talent/me/consent',
    { schema: { tags, body: ZGiveConsentRequestSchema, response: { 200: ZSelfProfileSchema } } },
    async (req) => self.giveSelfConsent(req.server.deps, me(req), req.body),
  );
  r.post(
    '/talent/me/consent/withdraw',
    { schema: { tags, response: { 200: ZSelfProfileSchema } } },
    async (req) => self.withdrawSelfConsent(req.server.deps, me(req)),
  );
  r.get('/talent/me/export', { schema: { tags } }, async (req, reply) =>
    download(reply, await self.exportSelfData(req.server.deps, me(req))),
  );
  r.delete('/talent/me', { schema: { tags, response: { 200: ZOk } } }, async (req) =>
    self.deleteSelfProfile(req.server.deps, me(req)),
  );

  // The owner's personal link: no session, a tight rate limit.
  const limited = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  const link = (req: FastifyRequest) =>
    self.byLink(req.server.deps, (req.params as z.infer<typeof ZTokenParams>).token);
  const pub = { tags: ['public'], security: [], params: ZTokenParams };
  r.get(
    '/public/talent/:token',
    { config: limited, schema: { ...pub, response: { 200: ZSelfProfileSchema } } },
    async (req) => self.getSelfProfile(req.server.deps, link(req)),
  );
  r.put(
    '/public/talent/:token/profile',
    {
      config: limited,
      schema: { ...pub, body: ZUpdateSelfProfileRequestSchema, response: { 200: ZSelfProfileSchema } },
    },
    async (req) => self.updateSelfProfile(req.server.deps, link(req), req.body),
  );
  r.post(
    '/public/talent/:token/consent',
    {
      config: limited,
      schema: { ...pub, body: ZGiveConsentRequestSchema, response: { 200: ZSelfProfileSchema } },
    },
    async (req) => self.giveSelfConsent(req.server.deps, link(req), req.body),
  );
  r.post(
    '/public/talent/:token/consent/withdraw',
    { config: limited, schema: { ...pub, response: { 200: ZSelfProfileSchema } } },
    async (req) => self.withdrawSelfConsent(req.server.deps, link(req)),
  );
  r.get('/public/talent/:token/export', { config: limited, schema: pub }, async (req, reply) =>
    download(reply, await self.exportSelfData(req.server.deps, link(req))),
  );
  r.delete(
    '/public/talent/:token',
    { config: limited, schema: { ...pub, response: { 200: ZOk } } },
    async (req) => self.deleteSelfProfile(req.server.deps, link(req)),
  );

  // Enterprise demand, matching, the shortlist and the owner's introductions (same hooks).
  await demandRoutes(app);
}
