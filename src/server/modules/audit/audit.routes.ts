import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditEntrySchema, ZFindAuditQuerySchema, ZOutboxMessageSchema } from '../../../contracts/audit.js';
import { ZPage, ZPageQuery } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as audit from './audit.service.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    {
      schema: {
        tags: ['admin'],
        querystring: ZFindAuditQuerySchema,
        response: { 200: ZPage(ZAuditEntrySchema) },
      },
    },
    async (req) => audit.findAuditEntries(ctxOf(req), req.query),
  );
  r.get(
    '/outbox',
    { schema: { tags: ['admin'], querystring: ZPageQuery, response: { 200: ZPage(ZOutboxMessageSchema) } } },
    async (req) => audit.findOutboxMessages(ctxOf(req), req.query.page, req.query.pageSize),
  );
}
