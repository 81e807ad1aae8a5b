import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../../../contracts/agreements.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { getDashboardSummary } from './dashboard.service.js';

export const ZDashboardSummarySchema = z.object({
  partners: z.number().int(),
  countries: z.number().int(),
  agreementsByStatus: z.record(z.enum(AGREEMENT_STATUSES), z.number().int()),
  expiringSoon: z.number().int(),
});

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/dashboard/summary',
      { schema: { tags: ['dashboard'], response: { 200: ZDashboardSummarySchema } } },
      async (req) => getDashboardSummary(ctxOf(req)),
    );
}
