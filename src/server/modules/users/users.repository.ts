import type { z } from 'zod';
import type { ZFindUsersQuerySchema } from '../../../contracts/users.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive } from '../../platform/db/sql-helpers.js';

type FindUsersQuery = z.infer<typeof ZFindUsersQuerySchema>;

const memberColumns = [
  'm.id as membershipId',
  'm.role',
  'm.status',
  'm.version',
  'm.createdAt',
  'm.partnerId',
  'pa.namesJson as partnerNamesJson',
  'pa.type as partnerType',
  'u.id',
  'u.email',
  'u.displayName',
  'u.locale',
  'u.lastSignInAt',
] as const;

function membersOf(db: Executor, organizationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .leftJoin('partners as pa', (j) =>
      j.onRef('pa.id', '=', 'm.partnerId').onRef('pa.organizationId', '=', 'm.organizationId'),
    )
    .where('m.organizationId', '=', organizationId);
}

export async function findMembers(db: Executor, organizationId: string, q: FindUsersQuery) {
  let base = membersOf(db, organizationId);
  if (q.q) {
    const needle = q.q;
    base = base.where((eb) =>
      eb.or([
        containsInsensitive(eb.ref('u.email'), needle),
        containsInsensitive(eb.ref('u.displayName'), needle),
      ]),
    );
  }
  if (q.role) {
    base = base.where('m.role', '=', q.role);
  }
  if (q.status) {
    base = base.where('m.status', '=', q.status);
  }
  const desc = q.sort.startsWith('-');
  const field = q.sort.replace(/^-/, '');
  const column =
    field === 'displayName' ? 'u.displayName' : field === 'createdAt' ? 'm.createdAt' : 'u.email';
  const [rows, total] = await Promise.all([
    base
      .select(memberColumns)
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('u.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function getMember(db: Executor, organizationId: string, userId: string) {
  return membersOf(db, organizationId).select(memberColumns).where('u.id', '=', userId).executeTakeFirst();
}

export type MemberRow = NonNullable<Awaited<ReturnType<typeof getMember>>>;

export async function countActiveAdmins(db: Executor, organizationId: string): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organizationId', '=', organizationId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A partner of the organization (any other organization's partner is simply not found). */
export async function getPartner(db: Executor, organizationId: string, partnerId: string) {
  return db
    .selectFrom('partners')
    .select(['id', 'type', 'namesJson'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', partnerId)
    .executeTakeFirst();
}
