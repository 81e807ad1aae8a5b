import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptInvitationSchema,
  ZChangePasswordRequestSchema,
  ZRequestPasswordResetSchema,
  ZResetPasswordSchema,
  ZSessionResponseSchema,
  ZSignInRequestSchema,
  ZUpdateProfileSchema,
} from '../../../contracts/auth.js';
import { ZOk } from '../../../contracts/common.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as identity from './identity.service.js';
import { clearSessionCookies, setSessionCookies } from './session.hook.js';

const meta = (r: FastifyRequest): identity.ClientMeta => ({
  ip: r.ip,
  userAgent: String(r.headers['user-agent'] ?? ''),
  requestId: r.id,
});

const tags = ['auth'];

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Sign-in is limited per client address on top of the per-account lockout.
  const signInLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  r.get('/auth/session', { schema: { tags, response: { 200: ZSessionResponseSchema } } }, async (req) =>
    identity.describeSession(ctxOf(req)),
  );

  r.post(
    '/auth/sign-in',
    {
      config: signInLimit,
      schema: { tags, body: ZSignInRequestSchema, response: { 200: ZSessionResponseSchema } },
    },
    async (req, reply) => {
      const s = await identity.signIn(app.deps, req.body, meta(req));
      // Whatever session the browser brought (a shared computer, a planted cookie) ends here: one
      // browser, one live session, and the new token is always a fresh one.
      if (req.actor) {
        await identity.signOut(ctxOf(req));
      }
      setSessionCookies(req, reply, s);
      return s.session;
    },
  );

  r.post('/auth/sign-out', { schema: { tags, response: { 200: ZOk } } }, async (req, reply) => {
    await identity.signOut(ctxOf(req));
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  r.post(
    '/auth/password',
    { schema: { tags, body: ZChangePasswordRequestSchema, response: { 200: ZOk } } },
    async (req) => {
      await identity.changePassword(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/password-reset/request',
    { config: signInLimit, schema: { tags, body: ZRequestPasswordResetSchema, response: { 200: ZOk } } },
    async (req) => {
      await identity.requestPasswordReset(app.deps, req.body.email, meta(req));
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/password-reset/confirm',
    { config: signInLimit, schema: { tags, body: ZResetPasswordSchema, response: { 200: ZOk } } },
    async (req) => {
      await identity.resetPassword(app.deps, req.body, meta(req));
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/invitations/accept',
    {
      config: signInLimit,
      schema: { tags, body: ZAcceptInvitationSchema, response: { 200: ZSessionResponseSchema } },
    },
    async (req, reply) => {
      const s = await identity.acceptInvitation(app.deps, req.body, meta(req));
      setSessionCookies(req, reply, s);
      return s.session;
    },
  );

  r.patch(
    '/auth/profile',
    { schema: { tags, body: ZUpdateProfileSchema, response: { 200: ZSessionResponseSchema } } },
    async (req) => identity.updateProfile(ctxOf(req), req.body),
  );

  r.post(
    '/auth/switch-organization',
    {
      schema: {
        tags,
        body: z.object({ organizationId: z.string() }),
        response: { 200: ZSessionResponseSchema },
      },
    },
    async (req, reply) => {
      const s = await identity.switchOrganization(ctxOf(req), req.body.organizationId, meta(req));
      setSessionCookies(req, reply, s);
      return s.session;
    },
  );
}
