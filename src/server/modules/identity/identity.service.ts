import type { TSessionResponse } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/common.js';
import { type Permission, type Role, rolePermissions } from '../../../contracts/roles.js';
import { recordAudit, recordAuditAs } from '../../platform/audit/record-audit.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Actor, Deps, ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId, newToken } from '../../platform/ids.js';
import { renderMail } from '../../platform/mail/templates.js';
import * as repo from './identity.repository.js';

const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;
const RESET_TOKEN_MS = 60 * 60 * 1000;
export const INVITATION_TOKEN_MS = 7 * 24 * 60 * 60 * 1000;

export interface ClientMeta {
  ip: string;
  userAgent: string;
  requestId: string;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  session: TSessionResponse;
}

function permissionsOf(role: Role): Permission[] {
  return [...rolePermissions[role]];
}

function sessionExpiry(createdAtMs: number, nowMs: number): string {
  return new Date(Math.min(createdAtMs + SESSION_ABSOLUTE_MS, nowMs + SESSION_IDLE_MS)).toISOString();
}

async function openSession(
  deps: Deps,
  userId: string,
  organizationId: string,
  meta: ClientMeta,
): Promise<NewSession> {
  const now = deps.clock.now();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = sessionExpiry(now.getTime(), now.getTime());
  await repo.insertSession(deps.db, {
    id: newId(),
    tokenHash: hashToken(token),
    userId,
    organizationId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent.slice(0, 300),
  });
  const actor = await loadActor(deps, token);
  if (!actor) {
    throw new AppError('INTERNAL', 'Session could not be opened');
  }
  const session = await describeSession({ deps, actor, requestId: meta.requestId, ip: meta.ip });
  return { token, csrfToken, expiresAt, session };
}

/**
 * Checks e-mail and password and opens a session. Failed attempts count per account; after
 * `login.maxFailures` the account is locked for `login.lockMinutes`, even for the right password,
 * with the same answer as a wrong password.
 * @throws AppError INVALID_CREDENTIALS
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; organizationId?: string | undefined },
  meta: ClientMeta,
): Promise<NewSession> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const user = await repo.findUserByEmail(deps.db, input.email);
  // A locked account answers exactly like an unknown e-mail or a wrong password (OWASP): a distinct
  // "locked" answer would tell an attacker which addresses have accounts. The password is still
  // hashed, so the timing says nothing either, and a right password does not get through.
  const isLocked = Boolean(user?.lockedUntil && user.lockedUntil > nowIso);
  const passwordOk = (await verifyPassword(input.password, user?.passwordHash ?? null)) && !isLocked;
  const memberships = user ? await repo.listUsableMemberships(deps.db, user.id) : [];
  const active = memberships.filter((m) => m.status === 'active');
  if (!user || !passwordOk || active.length === 0) {
    await deps.db.transaction().execute(async (trx) => {
      if (user && !passwordOk && !isLocked) {
        const failures = user.failedSignIns + 1;
        const locked = failures >= deps.config.login.maxFailures;
        await repo.updateUser(trx, user.id, {
          failedSignIns: locked ? 0 : failures,
          lockedUntil: locked
            ? new Date(now.getTime() + deps.config.login.lockMinutes * 60_000).toISOString()
            : null,
        });
      }
      await recordAuditAs(trx, {
        organizationId: active[0]?.organizationId ?? null,
        actorId: user?.id ?? null,
        actorEmail: input.email,
        action: 'sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        requestId: meta.requestId,
        ip: meta.ip,
        at: nowIso,
      });
    });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }
  const chosen =
    (input.organizationId && active.find((m) => m.organizationId === input.organizationId)) || active[0];
  if (!chosen) {
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failedSignIns: 0, lockedUntil: null, lastSignInAt: nowIso });
    await recordAuditAs(trx, {
      organizationId: chosen.organizationId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'sign_in',
      entityType: 'user',
      entityId: user.id,
      requestId: meta.requestId,
      ip: meta.ip,
      at: nowIso,
    });
  });
  return openSession(deps, user.id, chosen.organizationId, meta);
}

/**
 * Resolves a session cookie to the actor, or null when unknown, expired or deactivated.
 * Slides the idle expiry at most every few minutes to keep reads cheap.
 */
export async function loadActor(deps: Deps, token: string): Promise<Actor | null> {
  const row = await repo.findSessionByTokenHash(deps.db, hashToken(token));
  const now = deps.clock.now();
  if (!row || row.expiresAt <= now.toISOString()) {
    return null;
  }
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    await repo.touchSession(
      deps.db,
      row.sessionId,
      now.toISOString(),
      sessionExpiry(Date.parse(row.createdAt), now.getTime()),
    );
  }
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    organizationId: row.organizationId,
    timeZone: row.timeZone,
    role: row.role,
    permissions: new Set(permissionsOf(row.role)),
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
  };
}

export async function describeSession(ctx: ServiceContext): Promise<TSessionResponse> {
  const { db } = ctx.deps;
  const org = await repo.getOrganization(db, ctx.actor.organizationId);
  const memberships = await repo.listUsableMemberships(db, ctx.actor.userId);
  return {
    user: {
      id: ctx.actor.userId,
      email: ctx.actor.email,
      displayName: ctx.actor.displayName,
      locale: ctx.actor.locale as Locale,
    },
    organization: { id: ctx.actor.organizationId, name: org?.name ?? '', timeZone: org?.timeZone ?? 'UTC' },
    role: ctx.actor.role,
    permissions: [...ctx.actor.permissions],
    memberships: memberships
      .filter((m) => m.status === 'active')
      .map((m) => ({ organizationId: m.organizationId, organizationName: m.organizationName, role: m.role })),
    csrfToken: ctx.actor.csrfToken,
  };
}

export async function signOut(ctx: ServiceContext): Promise<void> {
  await ctx.deps.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, ctx.actor.sessionId);
    await recordAudit(trx, ctx, { action: 'sign_out', entityType: 'user', entityId: ctx.actor.userId });
  });
}

/** Changes the password and ends every other session of the user. @throws INVALID_CREDENTIALS */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
) {
  const user = await repo.findUserById(ctx.deps.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      passwordHash,
      updatedAt: ctx.deps.clock.now().toISOString(),
      version: user.version + 1,
    });
    await repo.deleteSessionsOfUser(trx, user.id, ctx.actor.sessionId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      after: { password: 'changed' },
    });
  });
}

/**
 * Sends a reset link when the e-mail belongs to an account; answers the same either way so
 * the endpoint does not reveal which addresses have accounts.
 */
export async function requestPasswordReset(deps: Deps, email: string, meta: ClientMeta): Promise<void> {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) {
    return;
  }
  const now = deps.clock.now();
  const token = newToken();
  const memberships = await repo.listUsableMemberships(deps.db, user.id);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertAuthToken(trx, {
      id: newId(),
      kind: 'password_reset',
      tokenHash: hashToken(token),
      userId: user.id,
      organizationId: null,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_MS).toISOString(),
      createdAt: now.toISOString(),
    });
    const link = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const mail = renderMail('password_reset', user.locale, { email: user.email, link });
    await deps.mailer.enqueue(trx, {
      organizationId: memberships[0]?.organizationId ?? null,
      to: user.email,
      kind: 'password_reset',
      ...mail,
    });
    await recordAuditAs(trx, {
      organizationId: memberships[0]?.organizationId ?? null,
      actorId: null,
      actorEmail: email,
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      after: { passwordReset: 'requested' },
      requestId: meta.requestId,
      ip: meta.ip,
      at: now.toISOString(),
    });
  });
}

/** Sets a new password from an e-mailed token; ends all sessions. @throws TOKEN_INVALID */
export async function resetPassword(
  deps: Deps,
  input: { token: string; newPassword: string },
  meta: ClientMeta,
) {
  const now = deps.clock.now().toISOString();
  const t = await repo.findUsableAuthToken(deps.db, 'password_reset', hashToken(input.token), now);
  if (!t) {
    throw new AppError('TOKEN_INVALID', 'The link is unknown, used or expired');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.consumeAuthToken(trx, t.id, now))) {
      throw new AppError('TOKEN_INVALID', 'The link was already used');
    }
    await repo.updateUser(trx, t.userId, {
      passwordHash,
      failedSignIns: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await repo.deleteSessionsOfUser(trx, t.userId);
    await recordAuditAs(trx, {
      organizationId: null,
      actorId: t.userId,
      actorEmail: null,
      action: 'update',
      entityType: 'user',
      entityId: t.userId,
      after: { password: 'reset' },
      requestId: meta.requestId,
      ip: meta.ip,
      at: now,
    });
  });
}

/** Completes an invitation: sets name and password, activates the membership, signs in. */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; displayName: string; password: string },
  meta: ClientMeta,
): Promise<NewSession> {
  const now = deps.clock.now().toISOString();
  const t = await repo.findUsableAuthToken(deps.db, 'invitation', hashToken(input.token), now);
  if (!t?.organizationId) {
    throw new AppError('TOKEN_INVALID', 'The invitation is unknown, used or expired');
  }
  const organizationId = t.organizationId;
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.consumeAuthToken(trx, t.id, now))) {
      throw new AppError('TOKEN_INVALID', 'The invitation was already used');
    }
    const membership = await repo.findMembership(trx, t.userId, organizationId);
    if (!membership || membership.status === 'deactivated') {
      throw new AppError('TOKEN_INVALID', 'The invitation was withdrawn');
    }
    await repo.updateUser(trx, t.userId, { passwordHash, displayName: input.displayName, updatedAt: now });
    await trx
      .updateTable('memberships')
      .set({ status: 'active', updatedAt: now, version: membership.version + 1 })
      .where('id', '=', membership.id)
      .execute();
    await recordAuditAs(trx, {
      organizationId,
      actorId: t.userId,
      actorEmail: null,
      action: 'update',
      entityType: 'membership',
      entityId: membership.id,
      before: { status: membership.status },
      after: { status: 'active' },
      requestId: meta.requestId,
      ip: meta.ip,
      at: now,
    });
  });
  return openSession(deps, t.userId, organizationId, meta);
}

export async function updateProfile(
  ctx: ServiceContext,
  input: { displayName?: string | undefined; locale?: Locale | undefined },
) {
  const user = await repo.findUserById(ctx.deps.db, ctx.actor.userId);
  if (!user) {
    throw new AppError('UNAUTHENTICATED', 'Sign in first');
  }
  const after = {
    displayName: input.displayName ?? user.displayName,
    locale: input.locale ?? user.locale,
  };
  await ctx.deps.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      ...after,
      updatedAt: ctx.deps.clock.now().toISOString(),
      version: user.version + 1,
    });
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      before: { displayName: user.displayName, locale: user.locale },
      after,
    });
  });
  return describeSession({ ...ctx, actor: { ...ctx.actor, ...after } });
}

/** Moves the user to another organization they belong to, with a fresh session token. */
export async function switchOrganization(
  ctx: ServiceContext,
  organizationId: string,
  meta: ClientMeta,
): Promise<NewSession> {
  const membership = await repo.findMembership(ctx.deps.db, ctx.actor.userId, organizationId);
  if (membership?.status !== 'active') {
    throw new AppError('NOT_FOUND', 'Organization not found');
  }
  await repo.deleteSession(ctx.deps.db, ctx.actor.sessionId);
  return openSession(ctx.deps, ctx.actor.userId, organizationId, meta);
}
