import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams, ZOk, ZPage } from '../../../contracts/common.js';
import {
  ZCohortOptionsSchema,
  ZComparisonQuerySchema,
  ZComparisonSchema,
  ZCreateSurveyRequestSchema,
  ZFindSurveysQuerySchema,
  ZInvitationSchema,
  ZInviteRequestSchema,
  ZInviteResultSchema,
  ZOverviewQuerySchema,
  ZPublicSurveySchema,
  ZReminderResultSchema,
  ZSubmitResponseRequestSchema,
  ZSurveyAnalyticsSchema,
  ZSurveyDraft,
  ZSurveyLevel,
  ZSurveyLinkSchema,
  ZSurveyOverviewSchema,
  ZSurveySchema,
  ZSurveyStatusRequestSchema,
  ZSurveySummarySchema,
  ZUpdateSurveyRequestSchema,
} from '../../../contracts/surveys.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as analytics from './surveys.analytics.js';
import * as publicSurveys from './surveys.public.js';
import * as surveys from './surveys.service.js';

const tags = ['surveys'];
const ZTokenParams = z.object({ token: z.string().min(1).max(200) });

export async function surveysRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/surveys',
    {
      schema: { tags, querystring: ZFindSurveysQuerySchema, response: { 200: ZPage(ZSurveySummarySchema) } },
    },
    async (req) => surveys.findSurveys(ctxOf(req), req.query),
  );

  r.get(
    '/surveys/templates/:level',
    {
      schema: {
        tags,
        params: z.object({ level: ZSurveyLevel }),
        querystring: z.object({ projectId: ZId.optional(), cohortId: ZId.optional() }),
        response: { 200: ZSurveyDraft },
      },
    },
    async (req) => surveys.getTemplate(ctxOf(req), req.params.level, req.query),
  );

  r.get(
    '/surveys/cohort-options',
    { schema: { tags, response: { 200: ZCohortOptionsSchema } } },
    async (req) => surveys.cohortOptions(ctxOf(req)),
  );

  r.get(
    '/surveys/overview',
    { schema: { tags, querystring: ZOverviewQuerySchema, response: { 200: ZSurveyOverviewSchema } } },
    async (req) => analytics.surveyOverview(ctxOf(req), req.query),
  );

  r.get(
    '/surveys/comparisons',
    { schema: { tags, querystring: ZComparisonQuerySchema, response: { 200: ZComparisonSchema } } },
    async (req) => analytics.compareSurveys(ctxOf(req), req.query),
  );

  r.get(
    '/surveys/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZSurveySchema } } },
    async (req) => surveys.getSurvey(ctxOf(req), req.params.id),
  );

  r.post(
    '/surveys',
    { schema: { tags, body: ZCreateSurveyRequestSchema, response: { 201: ZSurveySchema } } },
    async (req, reply) => reply.code(201).send(await surveys.createSurvey(ctxOf(req), req.body)),
  );

  r.put(
    '/surveys/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateSurveyRequestSchema, response: { 200: ZSurveySchema } },
    },
    async (req) => surveys.updateSurvey(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/surveys/:id/status',
    {
      schema: { tags, params: ZIdParams, body: ZSurveyStatusRequestSchema, response: { 200: ZSurveySchema } },
    },
    async (req) => surveys.setSurveyStatus(ctxOf(req), req.params.id, req.body),
  );

  r.delete('/surveys/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await surveys.deleteSurvey(ctxOf(req), req.params.id);
    return { ok: true as const };
  });

  r.post(
    '/surveys/:id/post-test',
    { schema: { tags, params: ZIdParams, response: { 201: ZSurveySchema } } },
    async (req, reply) => reply.code(201).send(await surveys.createPostTest(ctxOf(req), req.params.id)),
  );

  r.get(
    '/surveys/:id/invitations',
    {
      schema: { tags, params: ZIdParams, response: { 200: z.object({ data: z.array(ZInvitationSchema) }) } },
    },
    async (req) => surveys.listInvitations(ctxOf(req), req.params.id),
  );

  r.post(
    '/surveys/:id/invitations',
    {
      schema: { tags, params: ZIdParams, body: ZInviteRequestSchema, response: { 200: ZInviteResultSchema } },
    },
    async (req) => surveys.inviteToSurvey(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/surveys/:id/reminders',
    { schema: { tags, params: ZIdParams, response: { 200: ZReminderResultSchema } } },
    async (req) => surveys.sendReminders(ctxOf(req), req.params.id),
  );

  r.post(
    '/surveys/invitations/:id/link',
    { schema: { tags, params: ZIdParams, response: { 200: ZSurveyLinkSchema } } },
    async (req) => surveys.issueInvitationLink(ctxOf(req), req.params.id),
  );

  r.get(
    '/surveys/:id/analytics',
    { schema: { tags, params: ZIdParams, response: { 200: ZSurveyAnalyticsSchema } } },
    async (req) => analytics.surveyAnalytics(ctxOf(req), req.params.id),
  );

  // The public answer page: no session (the personal link is the credential), a tighter rate
  // limit, and every unknown or malformed token answers the same 404.
  r.get(
    '/public/surveys/:token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        security: [],
        params: ZTokenParams,
        response: { 200: ZPublicSurveySchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return publicSurveys.getPublicSurvey(req.server.deps, req.params.token);
    },
  );

  r.post(
    '/public/surveys/:token/responses',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        security: [],
        params: ZTokenParams,
        body: ZSubmitResponseRequestSchema,
        response: { 201: ZOk },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await publicSurveys.submitResponse(req.server.deps, req.params.token, req.body)),
  );
}
