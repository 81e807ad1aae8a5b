import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../../contracts/common.js';
import {
  ZArchiveProjectRequestSchema,
  ZCreateProjectRequestSchema,
  ZFindProjectsQuerySchema,
  ZProjectPageSchema,
  ZProjectPortfolioSchema,
  ZProjectSchema,
  ZProjectSummarySchema,
  ZUpdateProjectRequestSchema,
} from '../../../contracts/projects.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as projects from './projects.service.js';

const tags = ['projects'];

export async function projectsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/projects',
    {
      schema: {
        tags,
        querystring: ZFindProjectsQuerySchema,
        response: { 200: ZPage(ZProjectSummarySchema) },
      },
    },
    async (req) => projects.findProjects(ctxOf(req), req.query),
  );

  r.get(
    '/projects/portfolio',
    { schema: { tags, querystring: ZFindProjectsQuerySchema, response: { 200: ZProjectPortfolioSchema } } },
    async (req) => projects.getPortfolio(ctxOf(req), req.query),
  );

  r.get(
    '/projects/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZProjectSchema } } },
    async (req) => projects.getProject(ctxOf(req), req.params.id),
  );

  r.get(
    '/projects/:id/page',
    { schema: { tags, params: ZIdParams, response: { 200: ZProjectPageSchema } } },
    async (req) => projects.getProjectPage(ctxOf(req), req.params.id),
  );

  r.post(
    '/projects',
    { schema: { tags, body: ZCreateProjectRequestSchema, response: { 201: ZProjectSchema } } },
    async (req, reply) => reply.code(201).send(await projects.createProject(ctxOf(req), req.body)),
  );

  r.put(
    '/projects/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateProjectRequestSchema,
        response: { 200: ZProjectSchema },
      },
    },
    async (req) => projects.updateProject(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/projects/:id/archive',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZArchiveProjectRequestSchema,
        response: { 200: ZProjectSchema },
      },
    },
    async (req) => projects.archiveProject(ctxOf(req), req.params.id, req.body),
  );
}
