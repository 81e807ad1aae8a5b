import type { TConcept, TGlossary, TGlossaryInput, TTermInput } from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { checkEntries, entryKey, groupByConcept, normalizeTerm } from '../../../domain/glossary/terms.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import {
  creationStamps,
  type VersionedEntity,
  versionedChange,
  versionedCreate,
} from '../../platform/db/versioned-change.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { presentGlossary, presentTerm } from './library.presenter.js';
import * as repo from './library.repository.js';
import type { GlossaryRow, GlossaryTermRow } from './library.tables.js';

function abilitiesFor(ctx: ServiceContext): TGlossary['abilities'] {
  return { update: can(ctx, Permission.GlossaryWrite), approve: can(ctx, Permission.GlossaryApprove) };
}

async function presentMany(ctx: ServiceContext, db: Executor, rows: GlossaryRow[]) {
  const counts = await repo.glossaryCounts(
    db,
    ctx.actor.organizationId,
    rows.map((r) => r.id),
  );
  const abilities = abilitiesFor(ctx);
  return rows.map((row) => {
    const c = counts.find((x) => x.glossaryId === row.id);
    return presentGlossary(
      row,
      {
        conceptCount: c?.conceptCount ?? 0,
        termCount: c?.termCount ?? 0,
        approvedCount: c?.approvedCount ?? 0,
      },
      abilities,
    );
  });
}

/** The glossary row of the actor's organization. @throws NOT_FOUND */
export async function glossaryRow(ctx: ServiceContext, db: Executor, id: string): Promise<GlossaryRow> {
  const row = await repo.getGlossary(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Glossary');
  }
  return row;
}

async function loadGlossary(ctx: ServiceContext, db: Executor, id: string): Promise<TGlossary> {
  const [presented] = await presentMany(ctx, db, [await glossaryRow(ctx, db, id)]);
  if (!presented) {
    throw notFound('Glossary');
  }
  return presented;
}

const snapshot = ({
  abilities: _a,
  conceptCount: _c,
  termCount: _t,
  approvedCount: _p,
  ...rest
}: TGlossary) => rest;

export async function findGlossaries(ctx: ServiceContext, q: string | undefined) {
  requirePermission(ctx, Permission.GlossaryRead);
  const rows = await repo.findGlossaries(ctx.deps.db, ctx.actor.organizationId, q);
  return { data: await presentMany(ctx, ctx.deps.db, rows) };
}

export async function getGlossary(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.GlossaryRead);
  return loadGlossary(ctx, ctx.deps.db, id);
}

const glossaryEntity: VersionedEntity<TGlossary> = {
  table: 'glossaries',
  entityType: 'glossary',
  load: loadGlossary,
  snapshot,
};

export async function createGlossary(ctx: ServiceContext, input: TGlossaryInput) {
  requirePermission(ctx, Permission.GlossaryWrite);
  return versionedCreate(ctx, glossaryEntity, async (trx) => {
    const id = newId();
    await trx
      .insertInto('glossaries')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.glossaryColumns(input),
        ...creationStamps(ctx),
      })
      .execute();
    return id;
  });
}

export async function updateGlossary(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TGlossaryInput },
) {
  requirePermission(ctx, Permission.GlossaryWrite);
  return versionedChange(ctx, glossaryEntity, id, input.version, {
    set: async (trx) => {
      const used = await trx
        .selectFrom('glossaryTerms')
        .select('language')
        .distinct()
        .where('organizationId', '=', ctx.actor.organizationId)
        .where('glossaryId', '=', id)
        .execute();
      const dropped = used.map((u) => u.language).filter((l) => !input.data.languages.includes(l as never));
      if (dropped.length > 0) {
        throw new AppError('INVALID_INPUT', 'Languages in use cannot be removed', {
          issues: [{ path: ['data', 'languages'], message: 'language_in_use' }],
          languages: dropped,
        });
      }
      return repo.glossaryColumns(input.data);
    },
  });
}

export async function deleteGlossary(ctx: ServiceContext, id: string, version: number) {
  requirePermission(ctx, Permission.GlossaryWrite);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadGlossary(ctx, trx, id);
    if (before.version !== version) {
      throw versionConflict(before.version);
    }
    const terms = await repo.termsOf(trx, ctx.actor.organizationId, id);
    await trx
      .deleteFrom('glossaries')
      .where('id', '=', id)
      .where('organizationId', '=', ctx.actor.organizationId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'glossary',
      entityId: id,
      before: { ...snapshot(before), terms: terms.map(presentTerm) },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Concepts and terms

function toConcepts(glossaryId: string, rows: GlossaryTermRow[]): TConcept[] {
  return [...groupByConcept(rows)].map(([conceptId, terms]) => ({
    conceptId,
    glossaryId,
    terms: terms.map(presentTerm),
  }));
}

/**
 * The concepts of a glossary, each with its terms in every language. `q` matches a term,
 * definition or context in any language, and the whole concept is returned, so a search in
 * Chinese shows the French equivalent. A glossary holds thousands of terms at most, so the
 * grouping and the page are cut here.
 */
export async function findConcepts(
  ctx: ServiceContext,
  glossaryId: string,
  query: {
    q?: string | undefined;
    status?: 'draft' | 'approved' | undefined;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(ctx, Permission.GlossaryRead);
  await glossaryRow(ctx, ctx.deps.db, glossaryId);
  let concepts = toConcepts(
    glossaryId,
    await repo.termsOf(ctx.deps.db, ctx.actor.organizationId, glossaryId),
  );
  if (query.q) {
    const needle = normalizeTerm(query.q);
    concepts = concepts.filter((c) =>
      c.terms.some((t) =>
        [t.term, t.definition, t.context].some((text) => normalizeTerm(text).includes(needle)),
      ),
    );
  }
  if (query.status) {
    const status = query.status;
    concepts = concepts.filter((c) => c.terms.some((t) => t.status === status));
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    data: concepts.slice(start, start + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    total: concepts.length,
  };
}

/** Terms across every glossary of the organization: the first 50 matching concepts, whole. */
export async function searchTerms(ctx: ServiceContext, q: string) {
  requirePermission(ctx, Permission.GlossaryRead);
  const org = ctx.actor.organizationId;
  const keys = await repo.conceptsMatching(ctx.deps.db, org, q, null, 50);
  const rows = await repo.termsOfConcepts(ctx.deps.db, org, keys);
  return {
    data: keys.map((k) => ({
      conceptId: k.conceptId,
      glossaryId: k.glossaryId,
      terms: rows
        .filter((r) => r.glossaryId === k.glossaryId && r.conceptId === k.conceptId)
        .map(presentTerm),
    })),
  };
}

async function checkTerm(
  ctx: ServiceContext,
  trx: Executor,
  glossary: GlossaryRow,
  input: TTermInput & { conceptId: string },
  exceptTermId: string | null,
) {
  const existing = (await repo.termsOf(trx, ctx.actor.organizationId, glossary.id)).filter(
    (t) => t.id !== exceptTermId,
  );
  const problems = checkEntries([{ ...input, status: 'draft' }], {
    glossaryLanguages: parseJson<string[]>(glossary.languagesJson, []),
    existingKeys: new Set(existing.map(entryKey)),
    canApprove: false,
  });
  const issues = problems.map((p) => ({
    path: [p.field],
    message: p.code === 'duplicate_existing' ? 'duplicate_term' : p.code,
  }));
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', 'The term is not valid in this glossary', { issues });
  }
}

function termColumns(input: TTermInput & { conceptId: string }) {
  return {
    conceptId: input.conceptId,
    language: input.language,
    term: input.term,
    termNorm: normalizeTerm(input.term),
    definition: input.definition,
    context: input.context,
    partOfSpeech: input.partOfSpeech,
    note: input.note,
  };
}

async function termRow(ctx: ServiceContext, db: Executor, glossaryId: string, termId: string) {
  const row = await repo.getTerm(db, ctx.actor.organizationId, glossaryId, termId);
  if (!row) {
    throw notFound('Term');
  }
  return row;
}

/** Adds a term (a new concept when `conceptId` is null), always as a draft. */
export async function createTerm(ctx: ServiceContext, glossaryId: string, input: TTermInput) {
  requirePermission(ctx, Permission.GlossaryWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const glossary = await glossaryRow(ctx, trx, glossaryId);
    const withConcept = { ...input, conceptId: input.conceptId ?? `c${newId().replace(/-/g, '')}` };
    await checkTerm(ctx, trx, glossary, withConcept, null);
    const id = newId();
    await trx
      .insertInto('glossaryTerms')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        glossaryId,
        ...termColumns(withConcept),
        status: 'draft',
        approvedBy: null,
        approvedAt: null,
        ...creationStamps(ctx),
      })
      .execute();
    const created = presentTerm(await termRow(ctx, trx, glossaryId, id));
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'glossary_term',
      entityId: id,
      after: { glossaryId, ...created },
    });
    return created;
  });
}

/** Edits a term; a change of its wording or meaning sends an approved term back to draft. */
export async function updateTerm(
  ctx: ServiceContext,
  glossaryId: string,
  termId: string,
  input: { version: number; data: TTermInput },
) {
  requirePermission(ctx, Permission.GlossaryWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const glossary = await glossaryRow(ctx, trx, glossaryId);
    const before = presentTerm(await termRow(ctx, trx, glossaryId, termId));
    if (before.version !== input.version) {
      throw versionConflict(before.version);
    }
    const data = { ...input.data, conceptId: input.data.conceptId ?? before.conceptId };
    await checkTerm(ctx, trx, glossary, data, termId);
    const meaningChanged = (
      ['conceptId', 'language', 'term', 'definition', 'context', 'partOfSpeech'] as const
    ).some((k) => data[k] !== before[k]);
    await updateVersioned(ctx, trx, 'glossaryTerms', termId, input.version, {
      ...termColumns(data),
      ...(meaningChanged ? { status: 'draft', approvedBy: null, approvedAt: null } : {}),
    });
    const after = presentTerm(await termRow(ctx, trx, glossaryId, termId));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'glossary_term',
      entityId: termId,
      before: { glossaryId, ...before },
      after: { glossaryId, ...after },
    });
    return after;
  });
}

/** Marks a draft term approved. @throws FORBIDDEN without glossary.approve, INVALID_STATE when already approved */
export async function approveTerm(ctx: ServiceContext, glossaryId: string, termId: string, version: number) {
  requirePermission(ctx, Permission.GlossaryApprove);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = presentTerm(await termRow(ctx, trx, glossaryId, termId));
    if (before.version !== version) {
      throw versionConflict(before.version);
    }
    if (before.status === 'approved') {
      throw new AppError('INVALID_STATE', 'The term is already approved', { status: before.status });
    }
    await updateVersioned(ctx, trx, 'glossaryTerms', termId, version, {
      status: 'approved',
      approvedBy: ctx.actor.userId,
      approvedAt: ctx.deps.clock.now().toISOString(),
    });
    const after = presentTerm(await termRow(ctx, trx, glossaryId, termId));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'glossary_term',
      entityId: termId,
      before: { glossaryId, status: before.status },
      after: { glossaryId, status: after.status, approvedBy: after.approvedBy, approvedAt: after.approvedAt },
      reason: 'approve',
    });
    return after;
  });
}

export async function deleteTerm(ctx: ServiceContext, glossaryId: string, termId: string) {
  requirePermission(ctx, Permission.GlossaryWrite);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = presentTerm(await termRow(ctx, trx, glossaryId, termId));
    await trx
      .deleteFrom('glossaryTerms')
      .where('id', '=', termId)
      .where('organizationId', '=', ctx.actor.organizationId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'glossary_term',
      entityId: termId,
      before: { glossaryId, ...before },
    });
  });
}
