import type { Executor } from '../../platform/db/executor.js';
import type { NewUser, UserUpdate } from './identity.tables.js';

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, user: NewUser) {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Executor, id: string, patch: UserUpdate) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Memberships of a user with the organization's name, active or invited only. */
export async function listUsableMemberships(db: Executor, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organizationId')
    .select(['m.id', 'm.organizationId', 'm.role', 'm.status', 'o.name as organizationName'])
    .where('m.userId', '=', userId)
    .where('m.status', '!=', 'deactivated')
    .orderBy('o.name')
    .execute();
}

export async function findMembership(db: Executor, userId: string, organizationId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('userId', '=', userId)
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
}

/** The session with its user and active membership; undefined when any of them is gone or inactive. */
export async function findSessionByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.userId', '=', 's.userId').onRef('m.organizationId', '=', 's.organizationId'),
    )
    .innerJoin('organizations as o', 'o.id', 's.organizationId')
    .select([
      's.id as sessionId',
      's.expiresAt',
      's.lastSeenAt',
      's.createdAt',
      's.csrfToken',
      's.organizationId',
      'u.id as userId',
      'u.email',
      'u.displayName',
      'u.locale',
      'm.role',
      'o.name as organizationName',
      'o.timeZone',
    ])
    .where('s.tokenHash', '=', tokenHash)
    .where('m.status', '=', 'active')
    .executeTakeFirst();
}

export async function insertSession(
  db: Executor,
  s: {
    id: string;
    tokenHash: string;
    userId: string;
    organizationId: string;
    csrfToken: string;
    createdAt: string;
    expiresAt: string;
    ip: string;
    userAgent: string;
  },
) {
  await db
    .insertInto('sessions')
    .values({ ...s, lastSeenAt: s.createdAt })
    .execute();
}

export async function touchSession(db: Executor, id: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string, exceptSessionId?: string) {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptSessionId) {
    q = q.where('id', '!=', exceptSessionId);
  }
  await q.execute();
}

export async function insertAuthToken(
  db: Executor,
  t: {
    id: string;
    kind: 'password_reset' | 'invitation';
    tokenHash: string;
    userId: string;
    organizationId: string | null;
    expiresAt: string;
    createdAt: string;
  },
) {
  await db.insertInto('authTokens').values(t).execute();
}

export async function findUsableAuthToken(
  db: Executor,
  kind: 'password_reset' | 'invitation',
  tokenHash: string,
  now: string,
) {
  return db
    .selectFrom('authTokens')
    .selectAll()
    .where('kind', '=', kind)
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

/** Marks a token used only if it still is unused: the returned count tells whether this call won. */
export async function consumeAuthToken(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('authTokens')
    .set({ usedAt: now })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getOrganization(db: Executor, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}
