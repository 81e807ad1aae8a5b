import type { ExpressionBuilder } from 'kysely';
import type {
  TCompetitionInput,
  TFindCompetitionsQuery,
  TFindEntriesQuery,
  TMemberInput,
  TSkillInput,
  TWorkshopInput,
} from '../../../contracts/competitions.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive, fromBool, toJson } from '../../platform/db/sql-helpers.js';

// Queries of the competitions set-up. Every query filters on the organization; `memberIds`
// (when not null) narrows entries and experts to a registrar's own members.

type Names = Record<string, string>;

function compactNames(names: Names) {
  const kept = Object.fromEntries(Object.entries(names).filter(([, v]) => v.trim() !== ''));
  return { namesJson: toJson(kept), nameSort: (kept.en ?? Object.values(kept)[0] ?? '').toLowerCase() };
}

export function competitionColumns(input: TCompetitionInput) {
  return {
    ...compactNames(input.names),
    slug: input.slug,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    venue: input.venue,
    city: input.city,
    country: input.country,
    hostName: input.hostName,
    hostPartnerId: input.hostPartnerId,
    status: input.status,
    registrationOpensOn: input.registrationOpensOn,
    registrationClosesOn: input.registrationClosesOn,
    description: input.description,
  };
}

export function skillColumns(input: TSkillInput) {
  return {
    number: input.number.toUpperCase(),
    ...compactNames(input.names),
    skillType: input.skillType,
    teamBased: fromBool(input.teamBased),
    teamSize: input.teamSize,
    maxEntriesPerMember: input.maxEntriesPerMember,
    allowCompatriotMarking: fromBool(input.allowCompatriotMarking),
    generateResultsAndMedals: fromBool(input.generateResultsAndMedals),
    excludeFromMemberComparison: fromBool(input.excludeFromMemberComparison),
    excludeFromAlbertVidal: fromBool(input.excludeFromAlbertVidal),
    numJudges: input.numJudges,
    maxJudgeSpread: input.maxJudgeSpread,
    markingSuspended: fromBool(input.markingSuspended),
  };
}

export function memberColumns(input: TMemberInput) {
  return {
    code: input.code,
    ...compactNames(input.names),
    kind: input.kind,
    country: input.country,
    partnerId: input.partnerId,
  };
}

export function workshopColumns(input: TWorkshopInput) {
  return {
    skillId: input.skillId,
    name: input.name,
    location: input.location,
    workstations: input.workstations,
    notes: input.notes,
  };
}

// ── Competitions ──

type Eb = ExpressionBuilder<Database, 'competitions'>;
const skillCount = (eb: Eb) =>
  eb
    .selectFrom('competitionSkills as cs')
    .select((x) => x.fn.countAll<number>().as('n'))
    .whereRef('cs.competitionId', '=', 'competitions.id')
    .as('skillCount');
const memberCount = (eb: Eb) =>
  eb
    .selectFrom('competitionMembers as cm')
    .select((x) => x.fn.countAll<number>().as('n'))
    .whereRef('cm.competitionId', '=', 'competitions.id')
    .as('memberCount');

const COMPETITION_SORT = {
  name: 'competitions.nameSort',
  startsOn: 'competitions.startsOn',
  status: 'competitions.status',
  updatedAt: 'competitions.updatedAt',
} as const;

/** `registrarUserId`: only competitions where that user registers for a member. */
export async function findCompetitions(
  db: Executor,
  organizationId: string,
  q: TFindCompetitionsQuery,
  registrarUserId: string | null,
) {
  let base = db.selectFrom('competitions').where('competitions.organizationId', '=', organizationId);
  if (registrarUserId) {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('competitionMemberRegistrars as r')
          .innerJoin('competitionMembers as m', 'm.id', 'r.memberId')
          .select('r.id')
          .whereRef('m.competitionId', '=', 'competitions.id')
          .where('r.userId', '=', registrarUserId)
          .where('r.organizationId', '=', organizationId),
      ),
    );
  }
  if (q.q) {
    const needle = q.q;
    base = base.where((eb) =>
      eb.or([
        containsInsensitive(eb.ref('competitions.namesJson'), needle),
        containsInsensitive(eb.ref('competitions.slug'), needle),
        containsInsensitive(eb.ref('competitions.city'), needle),
        containsInsensitive(eb.ref('competitions.hostName'), needle),
      ]),
    );
  }
  if (q.status) {
    base = base.where('competitions.status', '=', q.status);
  }
  if (q.country) {
    base = base.where('competitions.country', '=', q.country.toUpperCase());
  }
  const desc = q.sort.startsWith('-');
  const column = COMPETITION_SORT[q.sort.replace(/^-/, '') as keyof typeof COMPETITION_SORT];
  const [rows, total] = await Promise.all([
    base
      .selectAll('competitions')
      .select((eb) => [skillCount(eb), memberCount(eb)])
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('competitions.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function getCompetition(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('competitions')
    .leftJoin('partners as p', (j) =>
      j
        .onRef('p.id', '=', 'competitions.hostPartnerId')
        .onRef('p.organizationId', '=', 'competitions.organizationId'),
    )
    .selectAll('competitions')
    .select((eb) => [
      skillCount(eb),
      memberCount(eb),
      'p.namesJson as partnerNamesJson',
      'p.country as partnerCountry',
    ])
    .where('competitions.organizationId', '=', organizationId)
    .where('competitions.id', '=', id)
    .executeTakeFirst();
}
export type CompetitionDetailRow = NonNullable<Awaited<ReturnType<typeof getCompetition>>>;
export type CompetitionListRow = Awaited<ReturnType<typeof findCompetitions>>['rows'][number];

export async function slugTaken(db: Executor, organizationId: string, slug: string, selfId: string | null) {
  let q = db
    .selectFrom('competitions')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('slug', '=', slug);
  if (selfId) {
    q = q.where('id', '!=', selfId);
  }
  return (await q.executeTakeFirst()) !== undefined;
}

export async function partnerExists(db: Executor, organizationId: string, partnerId: string) {
  const row = await db
    .selectFrom('partners')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', '=', partnerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The role of an active member of the organization, or null. */
export async function memberRole(db: Executor, organizationId: string, userId: string) {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('organizationId', '=', organizationId)
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function listDays(db: Executor, organizationId: string, competitionId: string) {
  return db
    .selectFrom('competitionDays')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('competitionId', '=', competitionId)
    .orderBy('date')
    .orderBy('code')
    .execute();
}

export async function listWorkshops(
  db: Executor,
  organizationId: string,
  competitionId: string,
  skillId?: string,
) {
  let q = db
    .selectFrom('competitionWorkshops')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('competitionId', '=', competitionId);
  if (skillId) {
    q = q.where('skillId', '=', skillId);
  }
  return q.orderBy('name').orderBy('id').execute();
}

export async function getWorkshop(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('competitionWorkshops')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ── Skills ──

/** Skills with their (non-withdrawn) entry and expert counts, within `memberIds` when given. */
export async function listSkills(
  db: Executor,
  organizationId: string,
  competitionId: string,
  memberIds: string[] | null,
  skillId?: string,
) {
  let q = db
    .selectFrom('competitionSkills as s')
    .selectAll('s')
    .select((eb) => {
      let entries = eb
        .selectFrom('competitionEntries as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.skillId', '=', 's.id')
        .where('e.status', '!=', 'withdrawn');
      let experts = eb
        .selectFrom('competitionExperts as x')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('x.skillId', '=', 's.id')
        .where('x.status', '!=', 'withdrawn');
      if (memberIds) {
        entries = entries.where('e.memberId', 'in', memberIds);
        experts = experts.where('x.memberId', 'in', memberIds);
      }
      return [entries.as('entryCount'), experts.as('expertCount')];
    })
    .where('s.organizationId', '=', organizationId)
    .where('s.competitionId', '=', competitionId);
  if (skillId) {
    q = q.where('s.id', '=', skillId);
  }
  return q.orderBy('s.number').orderBy('s.id').execute();
}
export type SkillListRow = Awaited<ReturnType<typeof listSkills>>[number];

export async function skillNumberTaken(
  db: Executor,
  competitionId: string,
  number: string,
  selfId: string | null,
) {
  let q = db
    .selectFrom('competitionSkills')
    .select('id')
    .where('competitionId', '=', competitionId)
    .where('number', '=', number.toUpperCase());
  if (selfId) {
    q = q.where('id', '!=', selfId);
  }
  return (await q.executeTakeFirst()) !== undefined;
}

/** Whether anything hangs on a skill or member (entries, experts, marking schemes). */
export async function usageCount(
  db: Executor,
  organizationId: string,
  column: 'skillId' | 'memberId',
  id: string,
) {
  const [entries, experts] = await Promise.all([
    db
      .selectFrom('competitionEntries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizationId', '=', organizationId)
      .where(column, '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('competitionExperts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizationId', '=', organizationId)
      .where(column, '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  let schemes = 0;
  if (column === 'skillId') {
    const r = await db
      .selectFrom('markingSchemes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizationId', '=', organizationId)
      .where('skillId', '=', id)
      .executeTakeFirstOrThrow();
    schemes = Number(r.n);
  }
  return { entries: Number(entries.n), experts: Number(experts.n), schemes };
}

// ── Members ──

export async function listMembers(
  db: Executor,
  organizationId: string,
  competitionId: string,
  memberIds: string[] | null,
  memberId?: string,
) {
  let q = db
    .selectFrom('competitionMembers as m')
    .leftJoin('partners as p', (j) =>
      j.onRef('p.id', '=', 'm.partnerId').onRef('p.organizationId', '=', 'm.organizationId'),
    )
    .selectAll('m')
    .select((eb) => [
      'p.namesJson as partnerNamesJson',
      'p.country as partnerCountry',
      eb
        .selectFrom('competitionEntries as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.memberId', '=', 'm.id')
        .where('e.status', '!=', 'withdrawn')
        .as('entryCount'),
      eb
        .selectFrom('competitionExperts as x')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('x.memberId', '=', 'm.id')
        .where('x.status', '!=', 'withdrawn')
        .as('expertCount'),
    ])
    .where('m.organizationId', '=', organizationId)
    .where('m.competitionId', '=', competitionId);
  if (memberIds) {
    q = q.where('m.id', 'in', memberIds.length > 0 ? memberIds : ['']);
  }
  if (memberId) {
    q = q.where('m.id', '=', memberId);
  }
  return q.orderBy('m.code').orderBy('m.id').execute();
}
export type MemberListRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function registrarsOf(db: Executor, organizationId: string, memberIds: string[]) {
  if (memberIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('competitionMemberRegistrars as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['r.memberId', 'r.userId', 'u.displayName', 'u.email'])
    .where('r.organizationId', '=', organizationId)
    .where('r.memberId', 'in', memberIds)
    .orderBy('u.displayName')
    .execute();
}

export async function memberCodeTaken(
  db: Executor,
  competitionId: string,
  code: string,
  selfId: string | null,
) {
  let q = db
    .selectFrom('competitionMembers')
    .select('id')
    .where('competitionId', '=', competitionId)
    .where('code', '=', code);
  if (selfId) {
    q = q.where('id', '!=', selfId);
  }
  return (await q.executeTakeFirst()) !== undefined;
}

export async function getMemberRow(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('competitionMembers')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ── Entries ──

function entriesBase(db: Executor, organizationId: string) {
  return db
    .selectFrom('competitionEntries as e')
    .innerJoin('competitionSkills as s', 's.id', 'e.skillId')
    .innerJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .where('e.organizationId', '=', organizationId);
}
const ENTRY_COLUMNS = [
  's.number as skillNumber',
  's.namesJson as skillNamesJson',
  's.teamBased as skillTeamBased',
  'm.code as memberCode',
  'm.namesJson as memberNamesJson',
  'm.country as memberCountry',
] as const;

const ENTRY_SORT = {
  skill: 's.number',
  member: 'm.code',
  name: 'e.displayName',
  bench: 'e.bench',
  status: 'e.status',
} as const;

export async function findEntries(
  db: Executor,
  organizationId: string,
  competitionId: string,
  q: TFindEntriesQuery,
  memberIds: string[] | null,
) {
  let base = entriesBase(db, organizationId).where('e.competitionId', '=', competitionId);
  if (memberIds) {
    base = base.where('e.memberId', 'in', memberIds.length > 0 ? memberIds : ['']);
  }
  if (q.skillId) {
    base = base.where('e.skillId', '=', q.skillId);
  }
  if (q.memberId) {
    base = base.where('e.memberId', '=', q.memberId);
  }
  if (q.status) {
    base = base.where('e.status', '=', q.status);
  }
  if (q.q) {
    const needle = q.q;
    base = base.where((eb) =>
      eb.or([
        containsInsensitive(eb.ref('e.displayName'), needle),
        eb.exists(
          eb
            .selectFrom('competitionCompetitors as c')
            .select('c.id')
            .whereRef('c.entryId', '=', 'e.id')
            .where((x) =>
              x.or([
                containsInsensitive(x.ref('c.firstName'), needle),
                containsInsensitive(x.ref('c.lastName'), needle),
                containsInsensitive(x.ref('c.nameNative'), needle),
              ]),
            ),
        ),
      ]),
    );
  }
  const desc = q.sort.startsWith('-');
  const column = ENTRY_SORT[q.sort.replace(/^-/, '') as keyof typeof ENTRY_SORT];
  const [rows, total] = await Promise.all([
    base
      .selectAll('e')
      .select(ENTRY_COLUMNS)
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('m.code')
      .orderBy('e.bench')
      .orderBy('e.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function entriesOfSkill(
  db: Executor,
  organizationId: string,
  skillId: string,
  memberIds: string[] | null,
) {
  let q = entriesBase(db, organizationId).where('e.skillId', '=', skillId);
  if (memberIds) {
    q = q.where('e.memberId', 'in', memberIds.length > 0 ? memberIds : ['']);
  }
  return q
    .selectAll('e')
    .select(ENTRY_COLUMNS)
    .orderBy('m.code')
    .orderBy('e.bench')
    .orderBy('e.id')
    .execute();
}

export async function getEntry(db: Executor, organizationId: string, id: string) {
  return entriesBase(db, organizationId)
    .selectAll('e')
    .select(ENTRY_COLUMNS)
    .where('e.id', '=', id)
    .executeTakeFirst();
}
export type EntryRow = NonNullable<Awaited<ReturnType<typeof getEntry>>>;

export async function competitorsOf(db: Executor, organizationId: string, entryIds: string[]) {
  if (entryIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('competitionCompetitors')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('entryId', 'in', entryIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Non-withdrawn entries of a member in a skill (for the entry limit). */
export async function activeEntryCount(
  db: Executor,
  skillId: string,
  memberId: string,
  exceptEntryId: string | null,
) {
  let q = db
    .selectFrom('competitionEntries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('skillId', '=', skillId)
    .where('memberId', '=', memberId)
    .where('status', 'not in', ['withdrawn', 'excluded']);
  if (exceptEntryId) {
    q = q.where('id', '!=', exceptEntryId);
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Competitors already entered in the skill (not withdrawn), for the duplicate check. */
export async function competitorsInSkill(db: Executor, skillId: string, exceptEntryId: string | null) {
  let q = db
    .selectFrom('competitionCompetitors as c')
    .innerJoin('competitionEntries as e', 'e.id', 'c.entryId')
    .select(['c.id', 'c.firstName', 'c.lastName', 'c.birthDate', 'e.id as entryId'])
    .where('e.skillId', '=', skillId)
    .where('e.status', '!=', 'withdrawn');
  if (exceptEntryId) {
    q = q.where('e.id', '!=', exceptEntryId);
  }
  return q.execute();
}

export async function participantIdsInOrganization(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) {
    return new Set<string>();
  }
  const rows = await db
    .selectFrom('trainingParticipants')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

// ── Experts ──

function expertsBase(db: Executor, organizationId: string) {
  return db
    .selectFrom('competitionExperts as x')
    .innerJoin('competitionSkills as s', 's.id', 'x.skillId')
    .leftJoin('competitionMembers as m', 'm.id', 'x.memberId')
    .leftJoin('users as u', 'u.id', 'x.userId')
    .selectAll('x')
    .select([
      's.number as skillNumber',
      's.namesJson as skillNamesJson',
      's.teamBased as skillTeamBased',
      'm.code as memberCode',
      'm.namesJson as memberNamesJson',
      'm.country as memberCountry',
      'u.displayName as userDisplayName',
    ])
    .where('x.organizationId', '=', organizationId);
}

export async function listExperts(
  db: Executor,
  organizationId: string,
  filter: { competitionId?: string; skillId?: string; memberId?: string },
  memberIds: string[] | null,
) {
  let q = expertsBase(db, organizationId);
  if (filter.competitionId) {
    q = q.where('x.competitionId', '=', filter.competitionId);
  }
  if (filter.skillId) {
    q = q.where('x.skillId', '=', filter.skillId);
  }
  if (filter.memberId) {
    q = q.where('x.memberId', '=', filter.memberId);
  }
  if (memberIds) {
    q = q.where('x.memberId', 'in', memberIds.length > 0 ? memberIds : ['']);
  }
  return q
    .orderBy('s.number')
    .orderBy('x.role')
    .orderBy('m.code')
    .orderBy('x.lastName')
    .orderBy('x.id')
    .execute();
}

export async function getExpert(db: Executor, organizationId: string, id: string) {
  return expertsBase(db, organizationId).where('x.id', '=', id).executeTakeFirst();
}
export type ExpertRow = NonNullable<Awaited<ReturnType<typeof getExpert>>>;

export async function chiefExpertOf(db: Executor, skillId: string, exceptExpertId: string | null) {
  let q = db
    .selectFrom('competitionExperts')
    .select(['id', 'firstName', 'lastName'])
    .where('skillId', '=', skillId)
    .where('role', '=', 'chief_expert')
    .where('status', '!=', 'withdrawn');
  if (exceptExpertId) {
    q = q.where('id', '!=', exceptExpertId);
  }
  return q.executeTakeFirst();
}

/** Experts of the skill (not withdrawn) that are the same person: same account, e-mail or name. */
export async function sameExpertInSkill(
  db: Executor,
  skillId: string,
  person: { userId: string | null; email: string; firstName: string; lastName: string },
  exceptExpertId: string | null,
) {
  let q = db
    .selectFrom('competitionExperts')
    .select(['id', 'userId', 'email', 'firstName', 'lastName'])
    .where('skillId', '=', skillId)
    .where('status', '!=', 'withdrawn');
  if (exceptExpertId) {
    q = q.where('id', '!=', exceptExpertId);
  }
  const rows = await q.execute();
  const norm = (s: string) => s.trim().toLowerCase();
  return rows.find(
    (r) =>
      (person.userId !== null && r.userId === person.userId) ||
      (person.email !== '' && norm(r.email) === norm(person.email)) ||
      (norm(r.firstName) === norm(person.firstName) && norm(r.lastName) === norm(person.lastName)),
  );
}
