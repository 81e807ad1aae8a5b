import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** Liveness and database readiness for load balancers and monitoring. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', { schema: { tags: ['health'] } }, async (_req, reply) => {
    const started = performance.now();
    try {
      await sql`select 1`.execute(app.deps.db);
      return {
        status: 'ok',
        database: app.deps.dialect,
        dbLatencyMs: Math.round(performance.now() - started),
      };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: app.deps.dialect });
    }
  });
}
