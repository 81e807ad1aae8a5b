import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../../contracts/common.js';
import {
  ZAddChecklistItemRequestSchema,
  ZChecklistParams,
  ZCreateMobilityRequestSchema,
  ZFindMobilitiesQuerySchema,
  ZMobilityCountsQuerySchema,
  ZMobilityCountsSchema,
  ZMobilitySchema,
  ZMobilitySummarySchema,
  ZSubmitMobilityReportRequestSchema,
  ZTickChecklistItemRequestSchema,
  ZTransitionMobilityRequestSchema,
  ZUpdateMobilityRequestSchema,
} from '../../../contracts/exchanges.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { attachment } from '../../platform/http/uploads.js';
import * as mobilities from './exchanges.service.js';
import { renderInvitationLetter } from './invitation-letter.js';

const tags = ['exchanges'];

export async function exchangesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/mobilities',
    {
      schema: {
        tags,
        querystring: ZFindMobilitiesQuerySchema,
        response: { 200: ZPage(ZMobilitySummarySchema) },
      },
    },
    async (req) => mobilities.findMobilities(ctxOf(req), req.query),
  );

  r.get(
    '/mobilities/counts',
    {
      schema: {
        tags,
        description: 'Mobilities and people by direction, category, stage and partner country',
        querystring: ZMobilityCountsQuerySchema,
        response: { 200: ZMobilityCountsSchema },
      },
    },
    async (req) => mobilities.countMobilities(ctxOf(req), req.query),
  );

  r.get(
    '/mobilities/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZMobilitySchema } } },
    async (req) => mobilities.getMobility(ctxOf(req), req.params.id),
  );

  r.post(
    '/mobilities',
    { schema: { tags, body: ZCreateMobilityRequestSchema, response: { 201: ZMobilitySchema } } },
    async (req, reply) => reply.code(201).send(await mobilities.createMobility(ctxOf(req), req.body)),
  );

  r.put(
    '/mobilities/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateMobilityRequestSchema,
        response: { 200: ZMobilitySchema },
      },
    },
    async (req) => mobilities.updateMobility(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/mobilities/:id/transitions',
    {
      schema: {
        tags,
        description:
          'Moves the mobility to the next stage (or cancels it); 409 INVALID_STATE lists the allowed stages',
        params: ZIdParams,
        body: ZTransitionMobilityRequestSchema,
        response: { 200: ZMobilitySchema },
      },
    },
    async (req) => mobilities.transitionMobility(ctxOf(req), req.params.id, req.body),
  );

  r.put(
    '/mobilities/:id/report',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZSubmitMobilityReportRequestSchema,
        response: { 200: ZMobilitySchema },
      },
    },
    async (req) => mobilities.submitReport(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/mobilities/:id/checklist',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZAddChecklistItemRequestSchema,
        response: { 201: ZMobilitySchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await mobilities.addChecklistItem(ctxOf(req), req.params.id, req.body.label)),
  );

  r.patch(
    '/mobilities/:id/checklist/:itemId',
    {
      schema: {
        tags,
        params: ZChecklistParams,
        body: ZTickChecklistItemRequestSchema,
        response: { 200: ZMobilitySchema },
      },
    },
    async (req) => mobilities.tickChecklistItem(ctxOf(req), req.params.id, req.params.itemId, req.body.done),
  );

  r.get(
    '/mobilities/:id/invitation-letter.pdf',
    {
      schema: {
        tags,
        description: 'Bilingual (Chinese and English) invitation letter of an inbound mobility',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      const data = await mobilities.invitationLetterData(ctxOf(req), req.params.id);
      const bytes = await renderInvitationLetter(data);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`invitation-letter-${data.mobility.plannedStartOn}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes));
    },
  );
}
