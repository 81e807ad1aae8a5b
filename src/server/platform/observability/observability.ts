import { createHash, timingSafeEqual } from 'node:crypto';
import { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { AppError } from '../errors.js';
import { type AppMetrics, UNMATCHED_ROUTE } from './metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

/** Where Prometheus looks by default; outside /api so that the API rate limit and session do not apply. */
export const METRICS_PATH = '/metrics';

/**
 * Header and body fields that must never reach a log line, whatever a handler or an error
 * serializer passes to the logger: session cookies, CSRF tokens, bearer tokens, passwords.
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
  'password',
  'newPassword',
  'currentPassword',
  'csrfToken',
  'token',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.csrfToken',
  '*.token',
  'body.*.password',
];

/**
 * The pino options of the server: the caller's (level, stream, …) plus redaction. `false` stays
 * false (silent tests).
 */
export function loggerOptions(logger: boolean | object | undefined): boolean | object {
  if (!logger) {
    return false;
  }
  const given = logger === true ? {} : (logger as Record<string, unknown>);
  return { ...given, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined &&
    (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'))
  );
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Who may scrape: with METRICS_TOKEN, whoever sends `Authorization: Bearer <token>`; without it,
 * only a process on this machine talking to the server directly. A request relayed by a local
 * reverse proxy also comes from loopback, so any forwarding header refuses it: behind a proxy,
 * set a token (or keep /metrics off the proxy).
 */
function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const sent = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(sent), digest(token))) {
      throw new AppError('UNAUTHENTICATED', 'Metrics need the bearer token (METRICS_TOKEN)');
    }
    return;
  }
  const forwarded =
    request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  if (forwarded || !isLoopback(request.socket.remoteAddress)) {
    throw new AppError('FORBIDDEN', 'Metrics are served to loopback only unless METRICS_TOKEN is set');
  }
}

/** The route pattern of the request (never the raw URL, which carries ids and tokens). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED_ROUTE;
}

/**
 * Fastify's own request lines carry the raw URL (survey links and password-reset tokens are in
 * URLs) and come in pairs. Instead: one line per request when it is answered, with the request id
 * (pino's reqId), the route pattern, status, duration and the actor's user and organization ids;
 * no URL, no names, no e-mails. An unknown route is that same line with route "(unmatched)".
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: routeOf(request),
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      userId: request.actor?.userId ?? null,
      organizationId: request.actor?.organizationId ?? null,
    };
    if (error) {
      reply.log.error({ ...line, err: error }, 'request errored');
    } else {
      reply.log.info(line, 'request completed');
    }
  }
}

/** Request metrics and GET /metrics (see docs/operations.md, "Observability"). */
export function registerObservability(
  app: FastifyInstance,
  opts: { metrics: AppMetrics; metricsToken: string | undefined },
): void {
  const { metrics } = opts;
  app.decorate('metrics', metrics);
  app.addHook('onRequest', async (_request, reply) => {
    metrics.inFlight.inc();
    // 'close' fires for finished and for aborted answers alike, so the gauge cannot drift.
    reply.raw.once('close', () => metrics.inFlight.inc({}, -1));
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, routeOf(request), reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => metrics.close());

  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    assertMayScrape(request, opts.metricsToken);
    const text = await metrics.registry.render();
    return reply
      .type('text/plain; version=0.0.4; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(text);
  });
}
