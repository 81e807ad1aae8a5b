import { type ExpressionBuilder, sql } from 'kysely';
import type {
  TFindMobilitiesQuery,
  TMobilityCountsQuery,
  TMobilityInput,
} from '../../../contracts/exchanges.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive, fromBool } from '../../platform/db/sql-helpers.js';
import { newId } from '../../platform/ids.js';

type MobilityEb = ExpressionBuilder<Database & { m: Database['mobilities'] }, 'm'>;

/** The partner on the other side of the trip (the side that is not the own college). */
export function counterpartPartnerId(eb: MobilityEb) {
  return sql<
    string | null
  >`case when ${eb.ref('m.homeIsOwn')} = 1 then ${eb.ref('m.hostPartnerId')} else ${eb.ref('m.homePartnerId')} end`;
}

export type MobilityFilters = Omit<TMobilityCountsQuery, never>;

function filtered(db: Executor, organizationId: string, f: MobilityFilters) {
  let q = db.selectFrom('mobilities as m').where('m.organizationId', '=', organizationId);
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => containsInsensitive(eb.ref('m.searchText'), needle));
  }
  if (f.direction) {
    q = q.where('m.direction', '=', f.direction);
  }
  if (f.category) {
    q = q.where('m.category', '=', f.category);
  }
  if (f.stage) {
    q = q.where('m.stage', '=', f.stage);
  }
  if (f.year !== undefined) {
    const from = `${f.year}-01-01`;
    const to = `${f.year}-12-31`;
    q = q
      .where((eb) => eb(eb.fn.coalesce('m.actualStartOn', 'm.plannedStartOn'), '>=', from))
      .where((eb) => eb(eb.fn.coalesce('m.actualStartOn', 'm.plannedStartOn'), '<=', to));
  }
  if (f.partnerId) {
    const pid = f.partnerId;
    q = q.where((eb) => eb.or([eb('m.homePartnerId', '=', pid), eb('m.hostPartnerId', '=', pid)]));
  }
  if (f.projectId) {
    q = q.where('m.projectId', '=', f.projectId);
  }
  return q;
}

/** One page of mobilities, sorted and cut in SQL, with the total. */
export async function listMobilities(db: Executor, organizationId: string, q: TFindMobilitiesQuery) {
  const base = filtered(db, organizationId, q);
  const desc = q.sort.startsWith('-');
  const key = q.sort.replace(/^-/, '');
  const dir = desc ? 'desc' : 'asc';
  const column = key === 'title' ? 'm.title' : key === 'updatedAt' ? 'm.updatedAt' : 'm.plannedStartOn';
  const [rows, count] = await Promise.all([
    base
      .selectAll('m')
      .orderBy(column, dir)
      .orderBy('m.id', dir)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function getMobility(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('mobilities')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function partnersByIds(db: Executor, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('partners')
    .select(['id', 'namesJson', 'country'])
    .where('organizationId', '=', organizationId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function membersOf(db: Executor, organizationId: string, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('mobilityMembers')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('mobilityId', 'in', [...mobilityIds])
    .orderBy('sortOrder')
    .execute();
}

export async function checklistOf(db: Executor, organizationId: string, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('mobilityChecklistItems as c')
    .leftJoin('users as u', 'u.id', 'c.doneBy')
    .selectAll('c')
    .select('u.displayName as doneByName')
    .where('c.organizationId', '=', organizationId)
    .where('c.mobilityId', 'in', [...mobilityIds])
    .orderBy('c.sortOrder')
    .orderBy('c.id')
    .execute();
}

export async function eventsOf(db: Executor, organizationId: string, mobilityId: string) {
  return db
    .selectFrom('mobilityEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .selectAll('e')
    .select('u.displayName as actorName')
    .where('e.organizationId', '=', organizationId)
    .where('e.mobilityId', '=', mobilityId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function reportOf(db: Executor, organizationId: string, mobilityId: string) {
  return db
    .selectFrom('mobilityReports as r')
    .leftJoin('users as u', 'u.id', 'r.submittedBy')
    .selectAll('r')
    .select('u.displayName as submittedByName')
    .where('r.organizationId', '=', organizationId)
    .where('r.mobilityId', '=', mobilityId)
    .executeTakeFirst();
}

export async function projectLink(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('projects')
    .select(['id', 'code', 'titleJson'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function agreementLink(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('agreements')
    .select(['id', 'titleJson'])
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Column values of the mobility row from the input (members are written separately). */
export function mobilityColumns(input: TMobilityInput) {
  return {
    direction: input.direction,
    category: input.category,
    title: input.title,
    purpose: input.purpose,
    homeIsOwn: fromBool(input.home.isOwn),
    homePartnerId: input.home.isOwn ? null : input.home.partnerId,
    hostIsOwn: fromBool(input.host.isOwn),
    hostPartnerId: input.host.isOwn ? null : input.host.partnerId,
    destinationCity: input.destinationCity,
    plannedStartOn: input.plannedStartOn,
    plannedEndOn: input.plannedEndOn,
    actualStartOn: input.actualStartOn,
    actualEndOn: input.actualEndOn,
    fundingSource: input.fundingSource,
    fundingAmountMinor: input.fundingAmountMinor,
    fundingCurrency: input.fundingCurrency,
    costsBorneBy: input.costsBorneBy,
    projectId: input.projectId,
    agreementId: input.agreementId,
    notes: input.notes,
    searchText: [
      input.title,
      input.purpose,
      input.destinationCity,
      ...input.members.flatMap((m) => [m.nameLatin, m.nameNative]),
    ]
      .join(' \u0001 ')
      .toLowerCase(),
  };
}

/**
 * Replaces the members of a mobility. Passport numbers are sensitive: when the editor may not read
 * them (`keepPassports`), each existing member keeps the number stored, whatever was sent.
 */
export async function replaceMembers(
  trx: Executor,
  organizationId: string,
  mobilityId: string,
  members: TMobilityInput['members'],
  keepPassports: boolean,
) {
  const existing = await membersOf(trx, organizationId, [mobilityId]);
  const stored = new Map(existing.map((m) => [m.id, m.passportNumber]));
  await trx
    .deleteFrom('mobilityMembers')
    .where('organizationId', '=', organizationId)
    .where('mobilityId', '=', mobilityId)
    .execute();
  if (members.length === 0) {
    return;
  }
  await trx
    .insertInto('mobilityMembers')
    .values(
      members.map((m, i) => {
        const known = m.id !== undefined && stored.has(m.id);
        return {
          id: known && m.id ? m.id : newId(),
          organizationId,
          mobilityId,
          nameNative: m.nameNative,
          nameLatin: m.nameLatin,
          gender: m.gender,
          position: m.position,
          nationality: m.nationality,
          passportNumber: keepPassports ? (known && m.id ? (stored.get(m.id) ?? '') : '') : m.passportNumber,
          sortOrder: i,
        };
      }),
    )
    .execute();
}

/** Counts of the filtered mobilities and their people by direction, category, stage and partner country. */
export async function countMobilities(db: Executor, organizationId: string, f: MobilityFilters) {
  const rows = await filtered(db, organizationId, f)
    .leftJoin('partners as p', (j) => j.on((eb) => eb('p.id', '=', counterpartPartnerId(eb as never))))
    .leftJoin('mobilityMembers as mm', 'mm.mobilityId', 'm.id')
    .select((eb) => [
      'm.direction',
      'm.category',
      'm.stage',
      'p.country',
      eb.fn.count<number | string>('m.id').distinct().as('mobilities'),
      eb.fn.count<number | string>('mm.id').as('people'),
    ])
    .groupBy(['m.direction', 'm.category', 'm.stage', 'p.country'])
    .execute();
  return rows.map((r) => ({
    direction: r.direction,
    category: r.category,
    stage: r.stage,
    country: r.country ?? null,
    mobilities: Number(r.mobilities),
    people: Number(r.people),
  }));
}
