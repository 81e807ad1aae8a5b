import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../../contracts/common.js';
import {
  ZFindUsersQuerySchema,
  ZInviteUserRequestSchema,
  ZUpdateMembershipRequestSchema,
  ZUserSchema,
} from '../../../contracts/users.js';
import { ctxOf } from '../../platform/http/request-context.js';
import * as users from './users.service.js';

const tags = ['admin'];

export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/users',
    { schema: { tags, querystring: ZFindUsersQuerySchema, response: { 200: ZPage(ZUserSchema) } } },
    async (req) => users.findUsers(ctxOf(req), req.query),
  );
  r.post(
    '/users/invitations',
    { schema: { tags, body: ZInviteUserRequestSchema, response: { 201: ZUserSchema } } },
    async (req, reply) => reply.code(201).send(await users.inviteUser(ctxOf(req), req.body)),
  );
  r.patch(
    '/users/:id',
    {
      schema: {
        tags,
        params: ZIdParams,
        body: ZUpdateMembershipRequestSchema,
        response: { 200: ZUserSchema },
      },
    },
    async (req) => users.updateMembership(ctxOf(req), req.params.id, req.body),
  );
}
