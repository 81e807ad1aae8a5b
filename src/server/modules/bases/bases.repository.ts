import type { Kysely } from 'kysely';
import type {
  TActivityInput,
  TBaseInput,
  TEquipmentInput,
  TFindBasesQuery,
  TTeamMemberInput,
  TTraineeInput,
} from '../../../contracts/bases.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive, toJson } from '../../platform/db/sql-helpers.js';
import { newId } from '../../platform/ids.js';

/** The columns of training_bases that come from the input (plus the derived sort and search text). */
export function baseColumns(input: TBaseInput) {
  const names = Object.fromEntries(Object.entries(input.names).filter(([, v]) => v.trim() !== ''));
  return {
    kind: input.kind,
    namesJson: toJson(names),
    nameSort: (names.en ?? Object.values(names)[0] ?? '').toLowerCase(),
    skillNumber: input.skillNumber.toUpperCase(),
    skillName: input.skillName,
    location: input.location,
    siteAddress: input.siteAddress,
    country: input.country,
    partnerId: input.partnerId,
    workstations: input.workstations,
    establishedOn: input.establishedOn,
    status: input.status,
    facilities: input.facilities,
    notes: input.notes,
    searchText: [...Object.values(names), input.skillNumber, input.skillName, input.siteAddress]
      .join(' ')
      .toLowerCase(),
  };
}

function withPartner(db: Executor, organizationId: string) {
  return db
    .selectFrom('trainingBases as b')
    .leftJoin('partners as p', (j) =>
      j.onRef('p.id', '=', 'b.partnerId').onRef('p.organizationId', '=', 'b.organizationId'),
    )
    .where('b.organizationId', '=', organizationId);
}

const SORT_COLUMNS = {
  name: 'b.nameSort',
  skill: 'b.skillNumber',
  country: 'b.country',
  updatedAt: 'b.updatedAt',
} as const;

export async function findBases(db: Executor, organizationId: string, q: TFindBasesQuery) {
  let base = withPartner(db, organizationId);
  if (q.q) {
    const needle = q.q;
    base = base.where((eb) => containsInsensitive(eb.ref('b.searchText'), needle));
  }
  if (q.kind) {
    base = base.where('b.kind', '=', q.kind);
  }
  if (q.location) {
    base = base.where('b.location', '=', q.location);
  }
  if (q.status) {
    base = base.where('b.status', '=', q.status);
  }
  if (q.skillNumber) {
    base = base.where('b.skillNumber', '=', q.skillNumber.toUpperCase());
  }
  if (q.partnerId) {
    base = base.where('b.partnerId', '=', q.partnerId);
  }
  const desc = q.sort.startsWith('-');
  const column = SORT_COLUMNS[q.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const [rows, total] = await Promise.all([
    base
      .selectAll('b')
      .select(['p.namesJson as partnerNamesJson', 'p.country as partnerCountry'])
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('b.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function getBase(db: Executor, organizationId: string, id: string) {
  return withPartner(db, organizationId)
    .selectAll('b')
    .select(['p.namesJson as partnerNamesJson', 'p.country as partnerCountry'])
    .where('b.id', '=', id)
    .executeTakeFirst();
}
export type BaseWithPartnerRow = NonNullable<Awaited<ReturnType<typeof getBase>>>;

export async function getBaseChildren(db: Executor, organizationId: string, baseId: string) {
  const [equipment, team, trainees, activities] = await Promise.all([
    db
      .selectFrom('baseEquipment')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('baseId', '=', baseId)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('baseTeam')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('baseId', '=', baseId)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('baseTrainees')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('baseId', '=', baseId)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('baseActivities')
      .selectAll()
      .where('organizationId', '=', organizationId)
      .where('baseId', '=', baseId)
      .orderBy('startsOn', 'desc')
      .orderBy('id')
      .execute(),
  ]);
  return { equipment, team, trainees, activities };
}
export type BaseChildren = Awaited<ReturnType<typeof getBaseChildren>>;

export async function partnerInOrganization(db: Executor, organizationId: string, partnerId: string) {
  const row = await db
    .selectFrom('partners')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', '=', partnerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** User ids among `ids` that are members of the organization. */
export async function memberUserIds(db: Executor, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Set<string>();
  }
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('organizationId', '=', organizationId)
    .where('userId', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.userId));
}

export async function insertEquipment(
  trx: Executor,
  organizationId: string,
  baseId: string,
  items: readonly TEquipmentInput[],
  startAt = 0,
) {
  if (items.length === 0) {
    return;
  }
  await trx
    .insertInto('baseEquipment')
    .values(
      items.map((e, i) => ({
        id: newId(),
        organizationId,
        baseId,
        itemName: e.itemName,
        specification: e.specification,
        quantity: e.quantity,
        unit: e.unit,
        condition: e.condition,
        notes: e.notes,
        sortOrder: startAt + i,
      })),
    )
    .execute();
}

export async function nextEquipmentSortOrder(db: Executor, organizationId: string, baseId: string) {
  const row = await db
    .selectFrom('baseEquipment')
    .select((eb) => eb.fn.max('sortOrder').as('m'))
    .where('organizationId', '=', organizationId)
    .where('baseId', '=', baseId)
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}

/** The per-base lists that are saved as a whole: delete the old rows, insert the new ones. */
type BaseCollection = 'baseEquipment' | 'baseTeam' | 'baseTrainees' | 'baseActivities';

async function clearCollection(trx: Executor, table: BaseCollection, organizationId: string, baseId: string) {
  await trx
    .deleteFrom(table)
    .where('organizationId', '=', organizationId)
    .where('baseId', '=', baseId)
    .execute();
}

async function replaceCollection(
  trx: Executor,
  table: Exclude<BaseCollection, 'baseEquipment'>,
  organizationId: string,
  baseId: string,
  rows: readonly Record<string, unknown>[],
) {
  await clearCollection(trx, table, organizationId, baseId);
  if (rows.length > 0) {
    // The three tables share id/organization/base columns; Kysely cannot type a union of tables for `values`.
    const db = trx as unknown as Kysely<Record<typeof table, Record<string, unknown>>>;
    await db
      .insertInto(table)
      .values(rows.map((r) => ({ id: newId(), organizationId, baseId, ...r })))
      .execute();
  }
}

export async function replaceEquipment(
  trx: Executor,
  organizationId: string,
  baseId: string,
  items: readonly TEquipmentInput[],
) {
  await clearCollection(trx, 'baseEquipment', organizationId, baseId);
  await insertEquipment(trx, organizationId, baseId, items);
}

export async function replaceTeam(
  trx: Executor,
  organizationId: string,
  baseId: string,
  items: readonly TTeamMemberInput[],
) {
  await replaceCollection(
    trx,
    'baseTeam',
    organizationId,
    baseId,
    items.map((m, i) => ({ ...m, sortOrder: i })),
  );
}

export async function replaceTrainees(
  trx: Executor,
  organizationId: string,
  baseId: string,
  items: readonly TTraineeInput[],
) {
  await replaceCollection(
    trx,
    'baseTrainees',
    organizationId,
    baseId,
    items.map((m, i) => ({ ...m, sortOrder: i })),
  );
}

export async function replaceActivities(
  trx: Executor,
  organizationId: string,
  baseId: string,
  items: readonly TActivityInput[],
) {
  await replaceCollection(trx, 'baseActivities', organizationId, baseId, items);
}

// ----- Infrastructure Lists -----------------------------------------------------------------

function listsWithCount(db: Executor, organizationId: string) {
  return db
    .selectFrom('infrastructureLists as l')
    .selectAll('l')
    .select((eb) =>
      eb
        .selectFrom('infrastructureListItems as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.listId', '=', 'l.id')
        .as('itemCount'),
    )
    .where('l.organizationId', '=', organizationId);
}

export async function findLists(db: Executor, organizationId: string, skillNumber?: string) {
  let q = listsWithCount(db, organizationId);
  if (skillNumber) {
    q = q.where('l.skillNumber', '=', skillNumber.toUpperCase());
  }
  return q.orderBy('l.skillNumber').orderBy('l.revision', 'desc').execute();
}

export async function getList(db: Executor, organizationId: string, id: string) {
  return listsWithCount(db, organizationId).where('l.id', '=', id).executeTakeFirst();
}
export type ListWithCountRow = NonNullable<Awaited<ReturnType<typeof getList>>>;

export async function getListItems(db: Executor, organizationId: string, listId: string) {
  return db
    .selectFrom('infrastructureListItems')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('listId', '=', listId)
    .orderBy('sortOrder')
    .execute();
}

export async function nextRevision(db: Executor, organizationId: string, skillNumber: string) {
  const row = await db
    .selectFrom('infrastructureLists')
    .select((eb) => eb.fn.max('revision').as('m'))
    .where('organizationId', '=', organizationId)
    .where('skillNumber', '=', skillNumber)
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 1 : Number(row.m) + 1;
}
