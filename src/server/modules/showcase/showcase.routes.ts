import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZPublicProjectParams,
  ZPublicProjectSchema,
  ZPublicShowcaseSchema,
  ZPublicSlugParams,
  ZSaveShowcaseRequestSchema,
  ZSetPublicRequestSchema,
  ZShowcaseItemsSchema,
  ZShowcaseSettingsSchema,
  ZShowcaseToggleSchema,
} from '../../../contracts/showcase.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { getPublicProject, getPublicShowcase } from './showcase.public.js';
import * as showcase from './showcase.service.js';

const tags = ['showcase'];
const publicTags = ['public showcase'];
const publicSchema = { security: [] as never[] };
/** Public answers may be cached briefly by browsers and proxies; a change shows within a minute. */
const PUBLIC_CACHE = 'public, max-age=60';

export async function showcaseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/showcase/settings', { schema: { tags, response: { 200: ZShowcaseSettingsSchema } } }, async (req) =>
    showcase.getShowcaseSettings(ctxOf(req)),
  );

  r.put(
    '/showcase/settings',
    { schema: { tags, body: ZSaveShowcaseRequestSchema, response: { 200: ZShowcaseSettingsSchema } } },
    async (req) => showcase.saveShowcaseSettings(ctxOf(req), req.body),
  );

  r.get('/showcase/projects', { schema: { tags, response: { 200: ZShowcaseItemsSchema } } }, async (req) =>
    showcase.listShowcaseProjects(ctxOf(req)),
  );

  r.put(
    '/showcase/projects/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZSetPublicRequestSchema,
        response: { 200: ZShowcaseToggleSchema },
      },
    },
    async (req) => showcase.setProjectPublic(ctxOf(req), req.params.id, req.body),
  );

  r.get('/showcase/resources', { schema: { tags, response: { 200: ZShowcaseItemsSchema } } }, async (req) =>
    showcase.listShowcaseResources(ctxOf(req)),
  );

  r.put(
    '/showcase/resources/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZSetPublicRequestSchema,
        response: { 200: ZShowcaseToggleSchema },
      },
    },
    async (req) => showcase.setResourcePublic(ctxOf(req), req.params.id, req.body),
  );

  /* ---------- public: no session; only what the college marked public ---------- */

  r.get(
    '/public/showcase/:slug',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: ZPublicSlugParams,
        response: { 200: ZPublicShowcaseSchema },
      },
    },
    async (req, reply) =>
      reply
        .header('cache-control', PUBLIC_CACHE)
        .send(await getPublicShowcase(req.server.deps, req.params.slug)),
  );

  r.get(
    '/public/showcase/:slug/projects/:projectCode',
    {
      schema: {
        tags: publicTags,
        ...publicSchema,
        params: ZPublicProjectParams,
        response: { 200: ZPublicProjectSchema },
      },
    },
    async (req, reply) =>
      reply
        .header('cache-control', PUBLIC_CACHE)
        .send(await getPublicProject(req.server.deps, req.params.slug, req.params.projectCode)),
  );
}
