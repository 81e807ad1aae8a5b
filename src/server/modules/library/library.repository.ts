import type { TFindResourcesQuery, TGlossaryInput, TResourceInput } from '../../../contracts/library.js';
import { normalizeTerm } from '../../../domain/glossary/terms.js';
import type { Executor } from '../../platform/db/executor.js';
import { containsInsensitive, toJson } from '../../platform/db/sql-helpers.js';

/**
 * Who is looking: staff see every resource of the organization; a partner user sees only what
 * was shared, by a grant row, with a partner they are linked to.
 */
export interface ResourceViewer {
  organizationId: string;
  /** Set for partner users: only resources shared with a partner this user is linked to. */
  sharedWithUserId: string | null;
}

function resourcesOf(db: Executor, viewer: ResourceViewer) {
  let q = db
    .selectFrom('resources as r')
    .selectAll('r')
    .where('r.organizationId', '=', viewer.organizationId);
  const userId = viewer.sharedWithUserId;
  if (userId !== null) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resourceShares as rs')
          .innerJoin('partnerUserLinks as pul', (j) =>
            j
              .onRef('pul.partnerId', '=', 'rs.partnerId')
              .onRef('pul.organizationId', '=', 'rs.organizationId'),
          )
          .select('rs.resourceId')
          .whereRef('rs.resourceId', '=', 'r.id')
          .where('rs.organizationId', '=', viewer.organizationId)
          .where('pul.userId', '=', userId),
      ),
    );
  }
  return q;
}

export async function findResources(db: Executor, viewer: ResourceViewer, f: TFindResourcesQuery) {
  let q = resourcesOf(db, viewer);
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => containsInsensitive(eb.ref('r.searchText'), needle));
  }
  if (f.kind) {
    q = q.where('r.kind', '=', f.kind);
  }
  if (f.language) {
    const language = f.language;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resourceFiles as rf')
          .select('rf.id')
          .whereRef('rf.resourceId', '=', 'r.id')
          .where('rf.organizationId', '=', viewer.organizationId)
          .where('rf.language', '=', language),
      ),
    );
  }
  if (f.partnerId) {
    const partnerId = f.partnerId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resourceShares as s')
          .select('s.resourceId')
          .whereRef('s.resourceId', '=', 'r.id')
          .where('s.organizationId', '=', viewer.organizationId)
          .where('s.partnerId', '=', partnerId),
      ),
    );
  }
  const { count } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('r.titleSort')
    .orderBy('r.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(count) };
}

export async function getResource(db: Executor, viewer: ResourceViewer, id: string) {
  return resourcesOf(db, viewer).where('r.id', '=', id).executeTakeFirst();
}

export async function versionsOf(db: Executor, organizationId: string, resourceIds: readonly string[]) {
  if (resourceIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('resourceVersions')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('resourceId', 'in', [...resourceIds])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function filesOf(db: Executor, organizationId: string, resourceIds: readonly string[]) {
  if (resourceIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('resourceFiles')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('resourceId', 'in', [...resourceIds])
    .orderBy('language')
    .execute();
}

export async function sharesOf(db: Executor, organizationId: string, resourceIds: readonly string[]) {
  if (resourceIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('resourceShares as s')
    .innerJoin('partners as p', 'p.id', 's.partnerId')
    .select(['s.resourceId', 's.partnerId', 's.sharedAt', 'p.namesJson', 'p.country'])
    .where('s.organizationId', '=', organizationId)
    .where('s.resourceId', 'in', [...resourceIds])
    .orderBy('p.nameSort')
    .execute();
}

export function resourceColumns(input: TResourceInput) {
  const title = input.title;
  const tags = [...new Set(input.tags)];
  return {
    kind: input.kind,
    titleJson: toJson(title),
    titleSort: (title.en || Object.values(title).find(Boolean) || '').toLowerCase(),
    description: input.description,
    subject: input.subject,
    tagsJson: toJson(tags),
    searchText: [...Object.values(title), input.description, input.subject, ...tags]
      .join(' \u0001 ')
      .toLowerCase(),
  };
}

// ---------------------------------------------------------------------------------------------
// Glossaries

export async function findGlossaries(db: Executor, organizationId: string, q: string | undefined) {
  let query = db.selectFrom('glossaries').selectAll().where('organizationId', '=', organizationId);
  if (q) {
    query = query.where((eb) =>
      eb.or([containsInsensitive(eb.ref('nameJson'), q), containsInsensitive(eb.ref('subject'), q)]),
    );
  }
  return query.orderBy('nameSort').orderBy('id').execute();
}

export async function getGlossary(db: Executor, organizationId: string, id: string) {
  return db
    .selectFrom('glossaries')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Concepts, terms and approved terms per glossary. */
export async function glossaryCounts(db: Executor, organizationId: string, glossaryIds: readonly string[]) {
  if (glossaryIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('glossaryTerms')
    .select(['glossaryId', 'conceptId', 'status'])
    .where('organizationId', '=', organizationId)
    .where('glossaryId', 'in', [...glossaryIds])
    .execute();
  return glossaryIds.map((glossaryId) => {
    const mine = rows.filter((r) => r.glossaryId === glossaryId);
    return {
      glossaryId,
      conceptCount: new Set(mine.map((r) => r.conceptId)).size,
      termCount: mine.length,
      approvedCount: mine.filter((r) => r.status === 'approved').length,
    };
  });
}

export function glossaryColumns(input: TGlossaryInput) {
  return {
    nameJson: toJson(input.name),
    nameSort: (input.name.en || Object.values(input.name).find(Boolean) || '').toLowerCase(),
    subject: input.subject,
    description: input.description,
    languagesJson: toJson(input.languages),
  };
}

export async function termsOf(db: Executor, organizationId: string, glossaryId: string) {
  return db
    .selectFrom('glossaryTerms')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('glossaryId', '=', glossaryId)
    .orderBy('conceptId')
    .orderBy('language')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function getTerm(db: Executor, organizationId: string, glossaryId: string, termId: string) {
  return db
    .selectFrom('glossaryTerms')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('glossaryId', '=', glossaryId)
    .where('id', '=', termId)
    .executeTakeFirst();
}

/** Concept ids (of one glossary, or of all) with a term, definition or context containing `q`. */
export async function conceptsMatching(
  db: Executor,
  organizationId: string,
  q: string,
  glossaryId: string | null,
  limit: number,
) {
  let query = db
    .selectFrom('glossaryTerms')
    .select(['glossaryId', 'conceptId'])
    .distinct()
    .where('organizationId', '=', organizationId)
    .where((eb) =>
      eb.or([
        containsInsensitive(eb.ref('termNorm'), normalizeTerm(q)),
        containsInsensitive(eb.ref('definition'), q),
        containsInsensitive(eb.ref('context'), q),
      ]),
    );
  if (glossaryId) {
    query = query.where('glossaryId', '=', glossaryId);
  }
  return query.orderBy('glossaryId').orderBy('conceptId').limit(limit).execute();
}

export async function termsOfConcepts(
  db: Executor,
  organizationId: string,
  keys: readonly { glossaryId: string; conceptId: string }[],
) {
  if (keys.length === 0) {
    return [];
  }
  const glossaryIds = [...new Set(keys.map((k) => k.glossaryId))];
  const conceptIds = [...new Set(keys.map((k) => k.conceptId))];
  const wanted = new Set(keys.map((k) => `${k.glossaryId}\u0001${k.conceptId}`));
  const rows = await db
    .selectFrom('glossaryTerms')
    .selectAll()
    .where('organizationId', '=', organizationId)
    .where('glossaryId', 'in', glossaryIds)
    .where('conceptId', 'in', conceptIds)
    .orderBy('language')
    .orderBy('createdAt')
    .execute();
  return rows.filter((r) => wanted.has(`${r.glossaryId}\u0001${r.conceptId}`));
}
