import type { ExpressionBuilder } from 'kysely';
import type { TFindProjectsQuery, TProjectInput } from '../../../contracts/projects.js';
import { toHundredths } from '../../../domain/projects/project-rules.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive, toJson } from '../../platform/db/sql-helpers.js';
import { newId } from '../../platform/ids.js';

type ProjectsEb = ExpressionBuilder<Database & { p: Database['projects'] }, 'p'>;
export type ProjectFilters = Omit<TFindProjectsQuery, 'page' | 'pageSize' | 'sort'>;

/**
 * A period [start, end] (either side open when null, absent when both are) overlaps the year.
 * The same rule as `projectInYear` in the domain; a test checks that they agree.
 */
function periodOverlaps(
  eb: ProjectsEb,
  start: 'p.plannedStart' | 'p.actualStart',
  end: 'p.plannedEnd' | 'p.actualEnd',
  year: number,
) {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  return eb.and([
    eb.or([eb(start, 'is not', null), eb(end, 'is not', null)]),
    eb.or([eb(start, 'is', null), eb(start, '<=', last)]),
    eb.or([eb(end, 'is', null), eb(end, '>=', first)]),
  ]);
}

/**
 * The projects matching the list filters, in one organization or (for the provincial portfolio) in
 * several: a non-empty list of organization ids.
 */
export function filteredProjects(
  db: Executor,
  organizationId: string | readonly string[],
  f: ProjectFilters,
) {
  let q = db
    .selectFrom('projects as p')
    .where((eb) =>
      typeof organizationId === 'string'
        ? eb('p.organizationId', '=', organizationId)
        : eb('p.organizationId', 'in', [...organizationId]),
    );
  if (f.archived === 'false') {
    q = q.where('p.archivedAt', 'is', null);
  }
  if (f.archived === 'true') {
    q = q.where('p.archivedAt', 'is not', null);
  }
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => containsInsensitive(eb.ref('p.searchText'), needle));
  }
  if (f.type) {
    q = q.where('p.type', '=', f.type);
  }
  if (f.status) {
    q = q.where('p.status', '=', f.status);
  }
  if (f.parentId) {
    q = q.where('p.parentId', '=', f.parentId);
  }
  if (f.topLevel === 'true') {
    q = q.where('p.parentId', 'is', null);
  }
  if (f.country) {
    const country = f.country;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectCountries as pc')
          .select('pc.projectId')
          .whereRef('pc.projectId', '=', 'p.id')
          .where('pc.country', '=', country),
      ),
    );
  }
  if (f.partnerId) {
    const partnerId = f.partnerId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectParticipants as pp')
          .select('pp.projectId')
          .whereRef('pp.projectId', '=', 'p.id')
          .where('pp.partnerId', '=', partnerId),
      ),
    );
  }
  if (f.year !== undefined) {
    const year = f.year;
    q = q.where((eb) =>
      eb.or([
        periodOverlaps(eb, 'p.plannedStart', 'p.plannedEnd', year),
        periodOverlaps(eb, 'p.actualStart', 'p.actualEnd', year),
      ]),
    );
  }
  return q;
}

const SORT_COLUMNS = {
  title: 'p.titleSort',
  code: 'p.code',
  plannedStart: 'p.plannedStart',
  status: 'p.status',
  updatedAt: 'p.updatedAt',
} as const;

export async function findProjects(db: Executor, organizationId: string, q: TFindProjectsQuery) {
  const base = filteredProjects(db, organizationId, q);
  const desc = q.sort.startsWith('-');
  const column = SORT_COLUMNS[q.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const [rows, total] = await Promise.all([
    base
      .selectAll('p')
      // Empty values last in either direction, the same on SQLite and PostgreSQL.
      .orderBy((eb) => eb.case().when(column, 'is', null).then(1).else(0).end())
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('p.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Figures for the portfolio cards over the filtered projects. */
export async function portfolio(db: Executor, organizationId: string, f: ProjectFilters) {
  const base = filteredProjects(db, organizationId, f);
  const [byType, byStatus, byCountry, budgets] = await Promise.all([
    base
      .select(['p.type', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('p.type')
      .orderBy('p.type')
      .execute(),
    base
      .select(['p.status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('p.status')
      .orderBy('p.status')
      .execute(),
    db
      .selectFrom('projectCountries as pc')
      .select(['pc.country', (eb) => eb.fn.countAll<number>().as('count')])
      .where('pc.organizationId', '=', organizationId)
      .where('pc.projectId', 'in', base.select('p.id'))
      .groupBy('pc.country')
      .orderBy('pc.country')
      .execute(),
    db
      .selectFrom('projectBudgets as b')
      .select(['b.projectId', 'b.type', 'b.periodStart', 'b.periodEnd', 'b.valueMinor', 'b.currency'])
      .where('b.organizationId', '=', organizationId)
      .where('b.projectId', 'in', base.select('p.id'))
      .execute(),
  ]);
  return { byType, byStatus, byCountry, budgets };
}

/** Whether the project is in the organization; used by the modules that link rows to a project. */
export async function projectExists(db: Executor, organizationId: string, projectId: string) {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', '=', projectId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function getProject(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('projects')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Countries and budgets of many projects in two queries (list rows). */
export async function summaryChildrenOf(db: Executor, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return { countries: [], budgets: [] };
  }
  const [countries, budgets] = await Promise.all([
    db
      .selectFrom('projectCountries')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', 'in', [...ids])
      .orderBy('percentageHundredths', 'desc')
      .orderBy('country')
      .execute(),
    db
      .selectFrom('projectBudgets')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', 'in', [...ids])
      .orderBy('sortOrder')
      .execute(),
  ]);
  return { countries, budgets };
}

/** Everything a single project shows: its child rows and the records it links to. */
export async function detailChildrenOf(db: Executor, organizationId: string, id: string) {
  const [participants, sectors, agreements, transactions, responsible, parent] = await Promise.all([
    db
      .selectFrom('projectParticipants as pp')
      .leftJoin('partners as pa', 'pa.id', 'pp.partnerId')
      .select(['pp.partnerId', 'pp.role', 'pa.namesJson', 'pa.country'])
      .where('pp.organizationId', '=', organizationId)
      .where('pp.projectId', '=', id)
      .orderBy('pp.sortOrder')
      .execute(),
    db
      .selectFrom('projectSectors')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', id)
      .orderBy('percentageHundredths', 'desc')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('projectAgreements as pa')
      .innerJoin('agreements as a', 'a.id', 'pa.agreementId')
      .select(['a.id', 'a.titleJson', 'a.type'])
      .where('pa.organizationId', '=', organizationId)
      .where('pa.projectId', '=', id)
      .orderBy('a.titleSort')
      .execute(),
    db
      .selectFrom('projectTransactions')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('projectId', '=', id)
      .orderBy('transactionDate')
      .orderBy('sortOrder')
      .execute(),
    db
      .selectFrom('projects as p')
      .innerJoin('users as u', 'u.id', 'p.responsibleUserId')
      .select(['u.id', 'u.displayName'])
      .where('p.id', '=', id)
      .where('p.organizationId', '=', organizationId)
      .executeTakeFirst(),
    db
      .selectFrom('projects as p')
      .innerJoin('projects as parent', 'parent.id', 'p.parentId')
      .select(['parent.id', 'parent.code', 'parent.titleJson'])
      .where('p.id', '=', id)
      .where('parent.organizationId', '=', organizationId)
      .executeTakeFirst(),
  ]);
  return {
    participants,
    sectors,
    agreements,
    transactions,
    responsible: responsible ?? null,
    parent: parent ?? null,
  };
}

export function projectColumns(input: TProjectInput) {
  const title = input.title;
  return {
    parentId: input.parentId,
    code: input.code,
    type: input.type,
    baseLocation: input.baseLocation,
    titleJson: toJson(title),
    titleSort: (title.en || Object.values(title).find(Boolean) || '').toLowerCase(),
    descriptionJson: toJson(input.description),
    status: input.status,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    actualStart: input.actualStart,
    actualEnd: input.actualEnd,
    defaultCurrency: input.defaultCurrency,
    responsibleUserId: input.responsibleUserId,
    searchText: [input.code, ...Object.values(title)].join(' \u0001 ').toLowerCase(),
  };
}

/** Replaces the child rows of a project with the input's (the caller owns the transaction). */
export async function replaceChildren(
  trx: Executor,
  organizationId: string,
  projectId: string,
  input: TProjectInput,
) {
  for (const table of [
    'projectParticipants',
    'projectCountries',
    'projectSectors',
    'projectAgreements',
    'projectBudgets',
    'projectTransactions',
  ] as const) {
    await trx
      .deleteFrom(table)
      .where('projectId', '=', projectId)
      .where('organizationId', '=', organizationId)
      .execute();
  }
  const base = { organizationId, projectId };
  if (input.participants.length > 0) {
    await trx
      .insertInto('projectParticipants')
      .values(
        input.participants.map((p, i) => ({
          ...base,
          id: newId(),
          partnerId: p.partnerId,
          role: p.role,
          sortOrder: i,
        })),
      )
      .execute();
  }
  if (input.countries.length > 0) {
    await trx
      .insertInto('projectCountries')
      .values(
        input.countries.map((c) => ({
          ...base,
          country: c.country,
          percentageHundredths: c.percentage === null ? null : toHundredths(c.percentage),
        })),
      )
      .execute();
  }
  if (input.sectors.length > 0) {
    await trx
      .insertInto('projectSectors')
      .values(
        input.sectors.map((s) => ({
          ...base,
          vocabulary: s.vocabulary,
          code: s.code,
          percentageHundredths: s.percentage === null ? null : toHundredths(s.percentage),
        })),
      )
      .execute();
  }
  if (input.agreementIds.length > 0) {
    await trx
      .insertInto('projectAgreements')
      .values([...new Set(input.agreementIds)].map((agreementId) => ({ ...base, agreementId })))
      .execute();
  }
  if (input.budgets.length > 0) {
    await trx
      .insertInto('projectBudgets')
      .values(input.budgets.map((b, i) => ({ ...base, id: newId(), ...b, sortOrder: i })))
      .execute();
  }
  if (input.transactions.length > 0) {
    await trx
      .insertInto('projectTransactions')
      .values(
        input.transactions.map((t, i) => ({
          ...base,
          id: newId(),
          type: t.type,
          transactionDate: t.date,
          valueMinor: t.valueMinor,
          currency: t.currency,
          description: t.description,
          providerOrg: t.providerOrg,
          receiverOrg: t.receiverOrg,
          sortOrder: i,
        })),
      )
      .execute();
  }
}

/** Ids among `ids` that are agreements of the organization. */
export async function existingAgreementIds(db: Executor, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Set<string>();
  }
  const rows = await db
    .selectFrom('agreements')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether the user holds an active membership of the organization. */
export async function isActiveMember(db: Executor, organizationId: string, userId: string) {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

export async function codeTaken(db: Executor, organizationId: string, code: string, exceptId: string | null) {
  let q = db
    .selectFrom('projects')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('code', '=', code);
  if (exceptId) {
    q = q.where('id', '!=', exceptId);
  }
  return (await q.executeTakeFirst()) !== undefined;
}

/** The chain of parent ids above a project, nearest first (stops on a cycle). */
export async function ancestorIds(db: Executor, organizationId: string, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current && chain.length < 50) {
    const row: { parentId: string | null } | undefined = await db
      .selectFrom('projects')
      .select('parentId')
      .where('organizationId', '=', organizationId)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parentId ?? null;
    if (current) {
      if (chain.includes(current)) {
        break;
      }
      chain.push(current);
    }
  }
  return chain;
}
