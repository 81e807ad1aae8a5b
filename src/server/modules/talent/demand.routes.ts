import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../contracts/common.js';
import {
  ZCreateDemandPostingRequestSchema,
  ZDemandPostingPage,
  ZDemandPostingSchema,
  ZFindDemandPostingsQuerySchema,
  ZIntroductionDecisionRequestSchema,
  ZIntroductionsSchema,
  ZMatchRequestSchema,
  ZMatchResultSchema,
  ZMoveStageRequestSchema,
  ZSetPostingStatusRequestSchema,
  ZShortlistEntrySchema,
  ZShortlistRequestSchema,
  ZShortlistSchema,
  ZUpdateDemandPostingRequestSchema,
} from '../../../contracts/talent-demand.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as demand from './demand.service.js';
import * as matching from './matching.service.js';
import * as shortlist from './shortlist.service.js';
import * as self from './talent.self.js';

const tags = ['talent'];

/** Registered by talentRoutes (inside its plugin, so its no-store hook applies). */
export async function demandRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/talent/demand',
    { schema: { tags, querystring: ZFindDemandPostingsQuerySchema, response: { 200: ZDemandPostingPage } } },
    async (req) => demand.findPostings(ctxOf(req), req.query),
  );
  r.post(
    '/talent/demand',
    { schema: { tags, body: ZCreateDemandPostingRequestSchema, response: { 201: ZDemandPostingSchema } } },
    async (req, reply) => reply.code(201).send(await demand.createPosting(ctxOf(req), req.body)),
  );
  r.get(
    '/talent/demand/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZDemandPostingSchema } } },
    async (req) => demand.getPosting(ctxOf(req), req.params.id),
  );
  r.put(
    '/talent/demand/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateDemandPostingRequestSchema,
        response: { 200: ZDemandPostingSchema },
      },
    },
    async (req) => demand.updatePosting(ctxOf(req), req.params.id, req.body.version, req.body.data),
  );
  r.post(
    '/talent/demand/:id/status',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZSetPostingStatusRequestSchema,
        response: { 200: ZDemandPostingSchema },
      },
    },
    async (req) => demand.setPostingStatus(ctxOf(req), req.params.id, req.body.version, req.body.status),
  );
  r.post(
    '/talent/demand/:id/match',
    { schema: { tags, params: ZIdParams, body: ZMatchRequestSchema, response: { 200: ZMatchResultSchema } } },
    async (req) => matching.runMatching(ctxOf(req), req.params.id, req.body.limit),
  );
  r.get(
    '/talent/demand/:id/shortlist',
    { schema: { tags, params: ZIdParams, response: { 200: ZShortlistSchema } } },
    async (req) => shortlist.listShortlist(ctxOf(req), req.params.id),
  );
  r.post(
    '/talent/demand/:id/shortlist',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZShortlistRequestSchema,
        response: { 201: ZShortlistEntrySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await shortlist.shortlist(ctxOf(req), req.params.id, req.body.profileId)),
  );
  r.post(
    '/talent/shortlist/:id/stage',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZMoveStageRequestSchema,
        response: { 200: ZShortlistEntrySchema },
      },
    },
    async (req) => shortlist.moveStage(ctxOf(req), req.params.id, req.body),
  );

  // The owner signed in with their account (talent.self): introductions proposed to enterprises.
  r.get(
    '/talent/me/introductions',
    { schema: { tags, response: { 200: ZIntroductionsSchema } } },
    async (req) => self.selfIntroductions(req.server.deps, self.byAccount(ctxOf(req))),
  );
  r.post(
    '/talent/me/introductions/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZIntroductionDecisionRequestSchema,
        response: { 200: ZIntroductionsSchema },
      },
    },
    async (req) =>
      self.decideSelfIntroduction(req.server.deps, self.byAccount(ctxOf(req)), req.params.id, req.body),
  );

  // The owner's personal link: introductions proposed to enterprises.
  const limited = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  const ZToken = z.string().min(1).max(200);
  r.get(
    '/public/talent/:token/introductions',
    {
      config: limited,
      schema: {
        tags: ['public'],
        security: [],
        params: z.object({ token: ZToken }),
        response: { 200: ZIntroductionsSchema },
      },
    },
    async (req) => self.selfIntroductions(req.server.deps, self.byLink(req.server.deps, req.params.token)),
  );
  r.post(
    '/public/talent/:token/introductions/:id',
    {
      config: limited,
      schema: {
        tags: ['public'],
        security: [],
        params: z.object({ token: ZToken, id: ZId }),
        body: ZIntroductionDecisionRequestSchema,
        response: { 200: ZIntroductionsSchema },
      },
    },
    async (req) =>
      self.decideSelfIntroduction(
        req.server.deps,
        self.byLink(req.server.deps, req.params.token),
        req.params.id,
        req.body,
      ),
  );
}
