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
  /** The enterprise or partner college an enterprise or partner user acts for. */
  partner: z.object({ id: ZId, names: z.record(z.string(), z.string()), type: z.string() }).nullable(),
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
  partnerId: ZId.nullable().default(null),
});

export const ZUpdateMembershipRequestSchema = z.object({
  version: z.number().int().min(1),
  role: ZRole.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  /** Links an enterprise or partner user to a partner of the college (null unlinks). */
  partnerId: ZId.nullable().optional(),
});

/** Roles whose membership may point at a partner, and the partner types an enterprise needs. */
export const PARTNER_LINKED_ROLES = ['enterprise', 'partner'] as const;
/** IATI OrganisationType codes of the private sector: an enterprise user's partner is one of them. */
export const PRIVATE_SECTOR_TYPES = ['70', '71', '72'] as const;
