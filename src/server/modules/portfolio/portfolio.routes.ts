import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPortfolioQuerySchema, ZPortfolioSchema } from '../../../contracts/portfolio.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { getPortfolio } from './portfolio.service.js';

export async function portfolioRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/portfolio',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Portfolio figures (counts only) for the college, or every college for a provincial observer',
        querystring: ZPortfolioQuerySchema,
        response: { 200: ZPortfolioSchema },
      },
    },
    async (req) => getPortfolio(ctxOf(req), req.query),
  );
}
