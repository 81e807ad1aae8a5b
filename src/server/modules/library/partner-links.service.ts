import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { existingPartnerIds } from '../partners/partners.repository.js';

/**
 * Staff accounts of a partner institution: users holding the `partner` role in this organization,
 * linked by an admin to the partner they work for. The link is what lets them see the resources
 * shared with that partner.
 */
export async function listPartnerUserLinks(ctx: ServiceContext, partnerId: string) {
  requirePermission(ctx, Permission.UserManage);
  await requirePartner(ctx, partnerId);
  const rows = await ctx.deps.db
    .selectFrom('partnerUserLinks as l')
    .innerJoin('users as u', 'u.id', 'l.userId')
    .select(['l.partnerId', 'l.userId', 'u.email', 'u.displayName', 'l.createdAt'])
    .where('l.organizationId', '=', ctx.actor.organizationId)
    .where('l.partnerId', '=', partnerId)
    .orderBy('u.email')
    .execute();
  return { data: rows };
}

/** Active members with the `partner` role, who may be linked to a partner. */
export async function listPartnerAccountCandidates(ctx: ServiceContext) {
  requirePermission(ctx, Permission.UserManage);
  const rows = await ctx.deps.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id as userId', 'u.email', 'u.displayName'])
    .where('m.organizationId', '=', ctx.actor.organizationId)
    .where('m.role', '=', 'partner')
    .where('m.status', '=', 'active')
    .orderBy('u.email')
    .execute();
  return { data: rows };
}

async function requirePartner(ctx: ServiceContext, partnerId: string) {
  const known = await existingPartnerIds(ctx.deps.db, ctx.actor.organizationId, [partnerId]);
  if (!known.has(partnerId)) {
    throw notFound('Partner');
  }
}

export async function linkPartnerUser(ctx: ServiceContext, input: { partnerId: string; userId: string }) {
  requirePermission(ctx, Permission.UserManage);
  await requirePartner(ctx, input.partnerId);
  const member = await ctx.deps.db
    .selectFrom('memberships')
    .select(['role'])
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('userId', '=', input.userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (member?.role !== 'partner') {
    throw new AppError('INVALID_INPUT', 'Only members with the partner role can be linked', {
      issues: [{ path: ['userId'], message: 'not_partner_member' }],
    });
  }
  await ctx.deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('partnerUserLinks')
      .select('userId')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('userId', '=', input.userId)
      .where('partnerId', '=', input.partnerId)
      .executeTakeFirst();
    if (existing) {
      return;
    }
    await trx
      .insertInto('partnerUserLinks')
      .values({
        organizationId: ctx.actor.organizationId,
        userId: input.userId,
        partnerId: input.partnerId,
        createdBy: ctx.actor.userId,
        createdAt: ctx.deps.clock.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'partner_user_link',
      entityId: input.userId,
      after: input,
    });
  });
  return listPartnerUserLinks(ctx, input.partnerId);
}

export async function unlinkPartnerUser(ctx: ServiceContext, partnerId: string, userId: string) {
  requirePermission(ctx, Permission.UserManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('partnerUserLinks')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('partnerId', '=', partnerId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) {
      throw notFound('Link');
    }
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'partner_user_link',
      entityId: userId,
      before: { partnerId, userId },
    });
  });
}
