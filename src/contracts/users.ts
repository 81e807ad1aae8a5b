import { z } from 'zod';
import { ZEmail, ZRole } from './auth.js';
import { ZId, ZLocale, ZPageQuery, ZSort } from './common.js';

export const ZUserSchema = z.object({
  id: ZId,
  email: z.string(),
  displayName: z.string(),
  locale: ZLocale,
  role: ZRole,
  status: z.enum(['active', 'invited', 'deactivated']),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TUser = z.infer<typeof ZUserSchema>;

export const ZFindUsersQuerySchema = ZPageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: ZRole.optional(),
  status: z.enum(['active', 'invited', 'deactivated']).optional(),
  sort: ZSort(['email', 'displayName', 'createdAt'] as const).default('email'),
});

export const ZInviteUserRequestSchema = z.object({
  email: ZEmail,
  role: ZRole,
  locale: ZLocale.default('en'),
});

export const ZUpdateMembershipRequestSchema = z.object({
  version: z.number().int().min(1),
  role: ZRole.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});
