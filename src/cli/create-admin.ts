import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ZEmail, ZNewPassword } from '../contracts/auth.js';
import { ZCountryCode } from '../contracts/common.js';
import { recordAuditAs } from '../server/platform/audit/record-audit.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import type { Clock } from '../server/platform/clock.js';
import type { Database } from '../server/platform/db/database.js';
import { newId } from '../server/platform/ids.js';
import { CliError } from './support.js';

export const MIN_PASSWORD_LENGTH = 10;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZCreateAdminInput = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, 'name is empty').max(200),
  organization: z.string().trim().min(1, 'organization is empty').max(300),
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(ZCountryCode)
    .default('CN'),
  timeZone: z
    .string()
    .refine(isTimeZone, 'not an IANA time zone (e.g. Asia/Shanghai)')
    .default('Asia/Shanghai'),
  password: ZNewPassword,
  /** Also set the password of an existing user (and clear a sign-in lock). */
  resetPassword: z.boolean().default(false),
});
export type CreateAdminInput = z.input<typeof ZCreateAdminInput>;

export interface CreateAdminResult {
  organization: { id: string; name: string; created: boolean };
  user: { id: string; email: string; created: boolean; passwordSet: boolean };
  membership: { id: string; outcome: 'created' | 'already_admin' | 'promoted' };
}

/** Turns zod's complaints into one line an operator can act on. */
function parseInput(input: CreateAdminInput) {
  const parsed = ZCreateAdminInput.safeParse(input);
  if (parsed.success) {
    return parsed.data;
  }
  const problems = parsed.error.issues.map((i) => {
    const field = i.path.join('.') || 'input';
    if (i.message === 'password_too_short') {
      return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
    }
    if (i.message === 'email_format') {
      return `email: not an e-mail address`;
    }
    if (i.message === 'country_code') {
      return 'country: must be an ISO 3166-1 alpha-2 code such as CN, KE or ZA';
    }
    return `${field}: ${i.message}`;
  });
  throw new CliError(problems.join('; '), 2);
}

/**
 * Creates (or completes) the first administrator of a production install: the organization
 * (reused when one has exactly this name), the user (reused by e-mail) and an active admin
 * membership, with an audit entry, in one transaction. Running it again changes nothing.
 */
export async function createAdmin(
  deps: { db: Kysely<Database>; clock: Clock },
  rawInput: CreateAdminInput,
): Promise<CreateAdminResult> {
  const input = parseInput(rawInput);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();

  return deps.db.transaction().execute(async (trx) => {
    const audit = (
      organizationId: string,
      e: Omit<Parameters<typeof recordAuditAs>[1], 'organizationId' | 'actorId' | 'actorEmail' | 'at'>,
    ) =>
      recordAuditAs(trx, {
        organizationId,
        actorId: null,
        actorEmail: null,
        at: now,
        reason: 'tvet-bridge create-admin',
        ...e,
      });

    const orgs = await trx
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('name', '=', input.organization)
      .execute();
    if (orgs.length > 1) {
      throw new CliError(`${orgs.length} organizations are named "${input.organization}"; rename one first.`);
    }
    let org = orgs[0] ? { ...orgs[0], created: false } : null;
    if (!org) {
      const id = newId();
      const values = {
        id,
        name: input.organization,
        shortName: '',
        country: input.country,
        timeZone: input.timeZone,
        iatiOrgId: null,
      };
      await trx
        .insertInto('organizations')
        .values({ ...values, createdAt: now, updatedAt: now })
        .execute();
      await audit(id, { action: 'create', entityType: 'organization', entityId: id, after: values });
      org = { id, name: input.organization, created: true };
    }

    const existingUser = await trx
      .selectFrom('users')
      .select(['id', 'passwordHash'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    let user: CreateAdminResult['user'];
    if (existingUser) {
      const setPassword = input.resetPassword || existingUser.passwordHash === null;
      if (setPassword) {
        await trx
          .updateTable('users')
          .set((eb) => ({
            passwordHash,
            failedSignIns: 0,
            lockedUntil: null,
            updatedAt: now,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', existingUser.id)
          .execute();
        await audit(org.id, {
          action: 'update',
          entityType: 'user',
          entityId: existingUser.id,
          after: { password: 'set' },
        });
      }
      user = { id: existingUser.id, email: input.email, created: false, passwordSet: setPassword };
    } else {
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          email: input.email,
          displayName: input.name,
          passwordHash,
          locale: 'en',
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await audit(org.id, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        after: { email: input.email, displayName: input.name },
      });
      user = { id, email: input.email, created: true, passwordSet: true };
    }

    const existing = await trx
      .selectFrom('memberships')
      .select(['id', 'role', 'status'])
      .where('organizationId', '=', org.id)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    const after = { userId: user.id, email: user.email, role: 'admin', status: 'active' };
    if (existing?.role === 'admin' && existing.status === 'active') {
      return { organization: org, user, membership: { id: existing.id, outcome: 'already_admin' } };
    }
    if (existing) {
      await trx
        .updateTable('memberships')
        .set((eb) => ({ role: 'admin', status: 'active', updatedAt: now, version: eb('version', '+', 1) }))
        .where('id', '=', existing.id)
        .execute();
      await audit(org.id, {
        action: 'update',
        entityType: 'membership',
        entityId: existing.id,
        before: { userId: user.id, email: user.email, role: existing.role, status: existing.status },
        after,
      });
      return { organization: org, user, membership: { id: existing.id, outcome: 'promoted' } };
    }
    const id = newId();
    await trx
      .insertInto('memberships')
      .values({
        id,
        organizationId: org.id,
        userId: user.id,
        role: 'admin',
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await audit(org.id, { action: 'create', entityType: 'membership', entityId: id, after });
    return { organization: org, user, membership: { id, outcome: 'created' } };
  });
}
