import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../../platform/auth/tokens.js';
import { AppError } from '../../platform/errors.js';
import { loadActor, type NewSession } from './identity.service.js';

export const SESSION_COOKIE = 'tvet_session';
export const CSRF_COOKIE = 'tvet_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Reachable before a session exists; protected by the Origin check alone.
const PRE_AUTH = new Set([
  '/api/v1/auth/sign-in',
  '/api/v1/auth/password-reset/request',
  '/api/v1/auth/password-reset/confirm',
  '/api/v1/auth/invitations/accept',
]);

function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, s: NewSession): void {
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure: isSecure(request),
    expires: new Date(s.expiresAt),
  };
  reply.setCookie(SESSION_COOKIE, s.token, { ...common, httpOnly: true });
  // Readable by the page so it can echo the token in a header (double submit).
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** A cross-site Origin on a state-changing request is refused whatever else it carries. */
function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) {
    return true;
  }
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Resolves the session cookie to `request.actor` and enforces CSRF protection:
 * state-changing API requests need a same-site Origin (when the browser sends one) and,
 * once signed in, the session's CSRF token in the `x-csrf-token` header.
 */
export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await loadActor(app.deps, token) : null;
    if (!STATE_CHANGING.has(request.method)) {
      return;
    }
    if (!originAllowed(request)) {
      throw new AppError('CSRF_REJECTED', 'Cross-site request refused');
    }
    const path = request.url.split('?')[0] ?? '';
    if (PRE_AUTH.has(path) || !request.actor) {
      return;
    }
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, request.actor.csrfToken)) {
      throw new AppError('CSRF_REJECTED', 'Missing or wrong CSRF token');
    }
  });
}
