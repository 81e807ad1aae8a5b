import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AGREEMENT_DOCUMENT_MAX_BYTES } from '../contracts/agreements.js';
import { agreementsRoutes } from './modules/agreements/agreements.routes.js';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { basesRoutes } from './modules/bases/bases.routes.js';
import { certificatesRoutes } from './modules/certificates/certificates.routes.js';
import { competitionResultsRoutes } from './modules/competition-results/competition-results.routes.js';
import { competitionsRoutes } from './modules/competitions/competitions.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { evaluationReportsRoutes } from './modules/evaluation-reports/evaluation-reports.routes.js';
import { exchangesRoutes } from './modules/exchanges/exchanges.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { iatiRoutes } from './modules/iati/iati.routes.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { registerSessionHook } from './modules/identity/session.hook.js';
import { libraryRoutes } from './modules/library/library.routes.js';
import { markingRoutes } from './modules/marking/marking.routes.js';
import { markingSchemesRoutes } from './modules/marking-schemes/marking-schemes.routes.js';
import { partnersRoutes } from './modules/partners/partners.routes.js';
import { portfolioRoutes } from './modules/portfolio/portfolio.routes.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import { resultsFrameworksRoutes } from './modules/results-frameworks/results-frameworks.routes.js';
import { showcasePages } from './modules/showcase/showcase.pages.js';
import { showcaseRoutes } from './modules/showcase/showcase.routes.js';
import { surveysRoutes } from './modules/surveys/surveys.routes.js';
import { talentRoutes } from './modules/talent/talent.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import type { Deps } from './platform/context.js';
import { frameworkErrorHandler, notFoundBody, registerErrorHandler } from './platform/http/error-handler.js';
import { registerNulRejection } from './platform/http/reject-nul.js';
import { newId } from './platform/ids.js';
import { createAppMetrics, type PoolStats } from './platform/observability/metrics.js';
import {
  loggerOptions,
  RequestLogController,
  registerObservability,
} from './platform/observability/observability.js';

export interface BuildOptions {
  /** Pino logger options, or false for silence in tests. */
  logger?: boolean | object;
  /** Folder with the built web app (index.html); the API alone is served when absent. */
  webRoot?: string;
  /** The PostgreSQL pool, for its connection counts in /metrics. */
  dbPool?: PoolStats;
}

/** Assembles the HTTP server around injected dependencies; `listen` is the caller's business. */
export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    // One line per request with the route pattern, never the raw URL.
    logController: new RequestLogController(),
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : newId();
    },
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerNulRejection(app);
  registerObservability(app, {
    metrics: createAppMetrics(deps, { pool: opts.dbPool }),
    metricsToken: deps.config.metricsToken,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects CSS variables through style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // A college server is often reached over plain http on a LAN; TLS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.trustProxy,
  });
  await app.register(rateLimit, {
    global: true,
    max: deps.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
  });
  await app.register(multipart, { limits: { fileSize: AGREEMENT_DOCUMENT_MAX_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TVET Bridge API',
        version: '1',
        description: 'International cooperation for TVET colleges',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tvet_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerSessionHook(app);
  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(identityRoutes);
      await api.register(usersRoutes);
      await api.register(auditRoutes);
      await api.register(partnersRoutes);
      await api.register(agreementsRoutes);
      await api.register(libraryRoutes);
      await api.register(basesRoutes);
      await api.register(projectsRoutes);
      await api.register(iatiRoutes);
      await api.register(resultsFrameworksRoutes);
      await api.register(exchangesRoutes);
      await api.register(trainingRoutes);
      await api.register(surveysRoutes);
      await api.register(certificatesRoutes);
      await api.register(competitionsRoutes);
      await api.register(attachmentsRoutes);
      await api.register(dashboardRoutes);
      await api.register(evaluationReportsRoutes);
      await api.register(portfolioRoutes);
      await api.register(competitionResultsRoutes);
      await api.register(markingSchemesRoutes);
      await api.register(markingRoutes);
      await api.register(showcaseRoutes);
      await api.register(talentRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webRoot = opts.webRoot;
  const hasWeb = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    app.get('/', (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  // Public showcase pages (server-rendered head and content for crawlers), sitemaps, robots.txt.
  await showcasePages(app, { webRoot: hasWeb ? (webRoot ?? null) : null });
  // Client-side routes: any GET outside /api that is not a file gets the app shell.
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(request.method, request.url));
  });
  return app;
}
