import type { TFindCollegeSkillsQuery } from '../../../contracts/talent-skills.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive } from '../../platform/db/sql-helpers.js';

/** The college's skills, filtered; every query is scoped to the organization. */
export function findSkills(db: Executor, organizationId: string, f: Partial<TFindCollegeSkillsQuery> = {}) {
  let q = db.selectFrom('collegeSkills').selectAll().where('organizationId', '=', organizationId);
  if (f.status === 'active') {
    q = q.where('archivedAt', 'is', null);
  } else if (f.status === 'archived') {
    q = q.where('archivedAt', 'is not', null);
  }
  if (f.category) {
    q = q.where('category', '=', f.category);
  }
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(eb.ref('code'), needle),
        containsInsensitive(eb.ref('labelsJson'), needle),
        containsInsensitive(eb.ref('escoUri'), needle),
      ]),
    );
  }
  if (f.esco === 'none') {
    q = q.where('escoUri', 'is', null);
  } else if (f.esco === 'unconfirmed') {
    q = q.where('escoUri', 'is not', null).where('escoConfirmedAt', 'is', null);
  } else if (f.esco === 'confirmed') {
    q = q.where('escoUri', 'is not', null).where('escoConfirmedAt', 'is not', null);
  }
  return q.orderBy('code').execute();
}

export type CollegeSkillRecord = Awaited<ReturnType<typeof findSkills>>[number];

export function getSkill(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('collegeSkills')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface Usage {
  profiles: number;
  postings: number;
}

/** How many profiles and postings of the organization use each skill key. */
export async function usageOf(
  db: Executor,
  organizationId: string,
  keys: readonly string[],
): Promise<Map<string, Usage>> {
  const out = new Map<string, Usage>(keys.map((k) => [k, { profiles: 0, postings: 0 }]));
  if (keys.length === 0) {
    return out;
  }
  // Chunked: PostgreSQL and SQLite both cap the number of bound parameters.
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const profiles = await db
      .selectFrom('talentProfileSkills')
      .select((eb) => ['skillKey', eb.fn.count<number>('profileId').distinct().as('n')])
      .where('organizationId', '=', organizationId)
      .where('skillKey', 'in', chunk)
      .groupBy('skillKey')
      .execute();
    const postings = await db
      .selectFrom('demandPostingSkills')
      .select((eb) => ['skillKey', eb.fn.count<number>('postingId').distinct().as('n')])
      .where('organizationId', '=', organizationId)
      .where('skillKey', 'in', chunk)
      .groupBy('skillKey')
      .execute();
    for (const r of profiles) {
      (out.get(r.skillKey) as Usage).profiles = Number(r.n);
    }
    for (const r of postings) {
      (out.get(r.skillKey) as Usage).postings = Number(r.n);
    }
  }
  return out;
}

/** Display names of users (who confirmed an ESCO URI). */
export async function userNames(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('users')
    .select(['id', 'displayName', 'email'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName || r.email]));
}

export function overrides(db: Executor, organizationId: string) {
  return db
    .selectFrom('talentTaxonomyOverrides')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .orderBy('itemKey')
    .execute();
}

export function getOverride(db: Executor, organizationId: string, itemKey: string) {
  return db
    .selectFrom('talentTaxonomyOverrides')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('itemKey', '=', itemKey)
    .executeTakeFirst();
}

/** The other college skill of the organization with this ESCO URI, if any. */
export function skillWithEscoUri(db: Executor, organizationId: string, uri: string, exceptId: string | null) {
  let q = db
    .selectFrom('collegeSkills')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('escoUri', '=', uri);
  if (exceptId) {
    q = q.where('id', '!=', exceptId);
  }
  return q.executeTakeFirst();
}
