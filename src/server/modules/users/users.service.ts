import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.js';
import { Permission, type Role } from '../../../contracts/roles.js';
import {
  PARTNER_LINKED_ROLES,
  PRIVATE_SECTOR_TYPES,
  type TUser,
  type ZFindUsersQuerySchema,
  type ZUpdateMembershipRequestSchema,
} from '../../../contracts/users.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId, newToken } from '../../platform/ids.js';
import { renderMail } from '../../platform/mail/templates.js';
import * as identityRepo from '../identity/identity.repository.js';
import { INVITATION_TOKEN_MS } from '../identity/identity.service.js';
import * as repo from './users.repository.js';

function presentUser(m: repo.MemberRow): TUser {
  return {
    id: m.id,
    email: m.email,
    displayName: m.displayName,
    locale: m.locale as Locale,
    role: m.role,
    status: m.status,
    lastSignInAt: m.lastSignInAt,
    createdAt: m.createdAt,
    version: m.version,
    partner:
      m.partnerId && m.partnerNamesJson !== null
        ? {
            id: m.partnerId,
            names: parseJson<Record<string, string>>(m.partnerNamesJson, {}),
            type: m.partnerType ?? '',
          }
        : null,
  };
}

const linkIssue = (message: string) =>
  new AppError('INVALID_INPUT', 'This partner cannot be linked to this user', {
    issues: [{ path: ['partnerId'], message }],
  });

/**
 * Checks that a membership of `role` may act for the partner: only enterprise and partner users are
 * linked, to a partner of the same college (another college's partner is not found: 404), and an
 * enterprise to a private-sector partner (IATI 70, 71, 72).
 * @throws INVALID_INPUT role_not_linkable | partner_not_private_sector, NOT_FOUND
 */
async function checkPartnerLink(
  db: Executor,
  organizationId: string,
  role: Role,
  partnerId: string | null,
): Promise<void> {
  if (partnerId === null) {
    return;
  }
  if (!(PARTNER_LINKED_ROLES as readonly string[]).includes(role)) {
    throw linkIssue('role_not_linkable');
  }
  const partner = await repo.getPartner(db, organizationId, partnerId);
  if (!partner) {
    throw notFound('Partner');
  }
  if (role === 'enterprise' && !(PRIVATE_SECTOR_TYPES as readonly string[]).includes(partner.type)) {
    throw linkIssue('partner_not_private_sector');
  }
}

export async function findUsers(ctx: ServiceContext, q: z.infer<typeof ZFindUsersQuerySchema>) {
  requirePermission(ctx, Permission.UserRead);
  const { rows, total } = await repo.findMembers(ctx.deps.db, ctx.actor.organizationId, q);
  return { data: rows.map(presentUser), page: q.page, pageSize: q.pageSize, total };
}

/**
 * Invites a person by e-mail: creates the account if it does not exist, adds an invited
 * membership and e-mails a link valid for 7 days. Re-inviting an invited member sends a new link.
 * @throws ALREADY_EXISTS when the person is already an active or deactivated member
 */
export async function inviteUser(
  ctx: ServiceContext,
  input: { email: string; role: Role; locale: Locale; partnerId?: string | null },
): Promise<TUser> {
  requirePermission(ctx, Permission.UserManage);
  const partnerId = input.partnerId ?? null;
  const { db, clock, config, mailer } = ctx.deps;
  const now = clock.now();
  const nowIso = now.toISOString();
  const token = newToken();
  const userId = await db.transaction().execute(async (trx) => {
    let user = await identityRepo.findUserByEmail(trx, input.email);
    if (!user) {
      const id = newId();
      await identityRepo.insertUser(trx, {
        id,
        email: input.email,
        displayName: input.email.split('@')[0] ?? input.email,
        passwordHash: null,
        locale: input.locale,
        createdAt: nowIso,
        updatedAt: nowIso,
      });
      user = await identityRepo.findUserById(trx, id);
    }
    if (!user) {
      throw new AppError('INTERNAL', 'User could not be created');
    }
    const existing = await identityRepo.findMembership(trx, user.id, ctx.actor.organizationId);
    if (existing && existing.status !== 'invited') {
      throw new AppError('ALREADY_EXISTS', 'This person is already a member', { field: 'email' });
    }
    await checkPartnerLink(trx, ctx.actor.organizationId, input.role, partnerId);
    if (existing) {
      await trx
        .updateTable('memberships')
        .set({ role: input.role, partnerId, updatedAt: nowIso, version: existing.version + 1 })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('memberships')
        .values({
          id: newId(),
          organizationId: ctx.actor.organizationId,
          userId: user.id,
          role: input.role,
          partnerId,
          status: 'invited',
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        .execute();
    }
    await identityRepo.insertAuthToken(trx, {
      id: newId(),
      kind: 'invitation',
      tokenHash: hashToken(token),
      userId: user.id,
      organizationId: ctx.actor.organizationId,
      expiresAt: new Date(now.getTime() + INVITATION_TOKEN_MS).toISOString(),
      createdAt: nowIso,
    });
    const org = await identityRepo.getOrganization(trx, ctx.actor.organizationId);
    const link = `${config.publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
    const mail = renderMail('invitation', input.locale, {
      organization: org?.name ?? '',
      inviter: ctx.actor.displayName,
      role: input.role,
      link,
    });
    await mailer.enqueue(trx, {
      organizationId: ctx.actor.organizationId,
      to: input.email,
      kind: 'invitation',
      ...mail,
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'membership',
      entityId: user.id,
      after: { email: input.email, role: input.role, status: 'invited', partnerId },
    });
    return user.id;
  });
  const member = await repo.getMember(db, ctx.actor.organizationId, userId);
  if (!member) {
    throw notFound('User');
  }
  return presentUser(member);
}

/**
 * Changes a member's role or (de)activates them. Deactivation ends their sessions. The last
 * active admin cannot be demoted or deactivated, so an organization is never locked out.
 */
export async function updateMembership(
  ctx: ServiceContext,
  userId: string,
  input: z.infer<typeof ZUpdateMembershipRequestSchema>,
): Promise<TUser> {
  requirePermission(ctx, Permission.UserManage);
  const { db, clock } = ctx.deps;
  await db.transaction().execute(async (trx) => {
    const before = await repo.getMember(trx, ctx.actor.organizationId, userId);
    if (!before) {
      throw notFound('User');
    }
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    const role = input.role ?? before.role;
    const status = input.status ?? before.status;
    // A role that acts for no partner drops the link unless the request names one (then refused).
    const linkable = (PARTNER_LINKED_ROLES as readonly string[]).includes(role);
    const partnerId = input.partnerId !== undefined ? input.partnerId : linkable ? before.partnerId : null;
    await checkPartnerLink(trx, ctx.actor.organizationId, role, partnerId);
    const losesAdmin =
      before.role === 'admin' && before.status === 'active' && (role !== 'admin' || status !== 'active');
    if (losesAdmin && (await repo.countActiveAdmins(trx, ctx.actor.organizationId)) <= 1) {
      throw new AppError('INVALID_STATE', 'The last active admin cannot be demoted or deactivated', {
        reason: 'last_admin',
      });
    }
    const r = await trx
      .updateTable('memberships')
      .set({ role, status, partnerId, updatedAt: clock.now().toISOString(), version: before.version + 1 })
      .where('id', '=', before.membershipId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw versionConflict(before.version + 1);
    }
    if (status === 'deactivated') {
      await trx
        .deleteFrom('sessions')
        .where('userId', '=', userId)
        .where('organizationId', '=', ctx.actor.organizationId)
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'membership',
      entityId: userId,
      before: { role: before.role, status: before.status, partnerId: before.partnerId },
      after: { role, status, partnerId },
    });
  });
  const member = await repo.getMember(db, ctx.actor.organizationId, userId);
  if (!member) {
    throw notFound('User');
  }
  return presentUser(member);
}
