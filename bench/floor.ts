import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { TFindPartnersQuery } from '../src/contracts/partners.js';
import { agreementInForce } from '../src/server/modules/agreements/agreements.sql.js';
import { presentPartnerSummary } from '../src/server/modules/partners/partners.presenter.js';
import * as repo from '../src/server/modules/partners/partners.repository.js';
import type { Database } from '../src/server/platform/db/database.js';
import { containsInsensitive } from '../src/server/platform/db/sql-helpers.js';

/** The filters the bench scenarios use; `undefined` means "not filtered on". */
export interface BenchFilter {
  country?: string;
  q?: string;
  hasActiveAgreement?: 'true';
}

export const PAGE_SIZE = 25;

/**
 * The rows the list endpoint filters on, written as plainly as possible: tenant, not archived
 * (the endpoint's default), and the scenario's filter.
 */
function where(db: Kysely<Database>, organizationId: string, f: BenchFilter, today: string) {
  let q = db
    .selectFrom('partners as p')
    .where('p.organizationId', '=', organizationId)
    .where('p.archivedAt', 'is', null);
  if (f.country) {
    q = q.where('p.country', '=', f.country);
  }
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => containsInsensitive(eb.ref('p.searchText'), needle));
  }
  if (f.hasActiveAgreement) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreementParties as ap')
          .innerJoin('agreements as a', 'a.id', 'ap.agreementId')
          .select('ap.agreementId')
          .whereRef('ap.partnerId', '=', 'p.id')
          .where((e) => agreementInForce(e as never, today)),
      ),
    );
  }
  return q;
}

/** The floor: one page of whole rows, in name order, one query. */
export function bareRows(db: Kysely<Database>, organizationId: string, f: BenchFilter, today: string) {
  return where(db, organizationId, f, today)
    .selectAll('p')
    .orderBy('p.nameSort')
    .orderBy('p.id')
    .limit(PAGE_SIZE)
    .execute();
}

/** The page plus the per-row count of agreements in force (the endpoint's correlated subquery). */
export function rowsWithActiveCount(
  db: Kysely<Database>,
  organizationId: string,
  f: BenchFilter,
  today: string,
) {
  return where(db, organizationId, f, today)
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('agreementParties as ap')
        .innerJoin('agreements as a', 'a.id', 'ap.agreementId')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ap.partnerId', '=', 'p.id')
        .where((e) => agreementInForce(e as never, today))
        .as('activeAgreements'),
    )
    .orderBy('p.nameSort')
    .orderBy('p.id')
    .limit(PAGE_SIZE)
    .execute();
}

/** The total the endpoint also returns: count(*) over every matching row, not just the page. */
export async function countMatching(
  db: Kysely<Database>,
  organizationId: string,
  f: BenchFilter,
  today: string,
) {
  const row = await where(db, organizationId, f, today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What GET /api/v1/partners passes to the repository once zod has parsed the query string. */
export function findQuery(f: BenchFilter): TFindPartnersQuery {
  return { ...f, archived: 'false', sort: 'name', page: 1, pageSize: PAGE_SIZE };
}

function filterOf(query: unknown): BenchFilter {
  const q = (query ?? {}) as Record<string, string | undefined>;
  return {
    ...(q.country ? { country: q.country } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.hasActiveAgreement === 'true' ? { hasActiveAgreement: 'true' as const } : {}),
  };
}

/**
 * Routes that exist only in the bench process, on the same Fastify instance as the API:
 *
 * - `GET /bench/bare-partners`: the floor. The same filter and page read with one plain
 *   query and sent as JSON; no session, no zod, no presenter, no count.
 * - `GET /bench/repo-partners`: the endpoint's repository call (page + activeAgreements
 *   subquery + count) and presenter, without the session lookup, zod parsing and zod
 *   serialization, to split the gap between query work and request plumbing.
 *
 * Neither is under /api/, so the session hook and the rate limit skip them, as they skip
 * any non-API URL; helmet and the request-id hook still run, as for every route.
 */
export function registerFloorRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  organizationId: string,
  today: () => string,
) {
  app.get('/bench/bare-partners', async (req) => ({
    data: await bareRows(db, organizationId, filterOf(req.query), today()),
  }));
  app.get('/bench/repo-partners', async (req) => {
    const q = findQuery(filterOf(req.query));
    const { rows, total } = await repo.findPartners(db, organizationId, q, today());
    return { data: rows.map(presentPartnerSummary), page: q.page, pageSize: q.pageSize, total };
  });
}
