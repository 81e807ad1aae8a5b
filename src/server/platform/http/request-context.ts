import type { FastifyRequest } from 'fastify';
import type { Actor, Deps, ServiceContext } from '../context.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    deps: Deps;
  }
}

/** The service context for a signed-in request. @throws AppError UNAUTHENTICATED */
export function ctxOf(request: FastifyRequest): ServiceContext {
  if (!request.actor) {
    throw new AppError('UNAUTHENTICATED', 'Sign in first');
  }
  return { deps: request.server.deps, actor: request.actor, requestId: request.id, ip: request.ip };
}
