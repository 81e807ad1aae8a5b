/**
 * The college's own skills and its curation of the shipped taxonomy (issue 6). Reading needs
 * talent.manage or talent.read (enterprises need the labels of the skills they see); every change
 * needs talent.manage, is compare-and-set on `version` (409 when stale) and is audited in the same
 * transaction. Another organization's skill is simply not found (404).
 */
import { Permission } from '../../../contracts/roles.js';
import type { TCollegeWording } from '../../../contracts/talent.js';
import type {
  TCollegeSkillDetail,
  TCollegeSkillInput,
  TCreateCollegeSkillRequest,
  TEscoConfirmation,
  TFindCollegeSkillsQuery,
  TTaxonomyItem,
  TTaxonomyOverview,
} from '../../../contracts/talent-skills.js';
import {
  ESCO_STARTER,
  escoState,
  ISCO08_GROUPS,
  iscoItemKey,
  isEscoUri,
  isIscoUnitGroupCode,
  type StarterEntry,
  taxonomyItem,
  translatableLocales,
} from '../../../domain/talent/taxonomy/index.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toJson } from '../../platform/db/sql-helpers.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import * as repo from './skills.repository.js';
import type { TaxonomyOverrideRow } from './skills.tables.js';

type Issue = { path: (string | number)[]; message: string };
const invalid = (issues: Issue[]) => new AppError('INVALID_INPUT', 'Invalid taxonomy input', { issues });

/** Codes of starter entries keyed `college:<code>`: a college skill cannot take them. */
export const RESERVED_SKILL_CODES: ReadonlySet<string> = new Set(
  ESCO_STARTER.filter((e) => e.key.startsWith('college:')).map((e) => e.key.slice('college:'.length)),
);

function requireReader(ctx: ServiceContext) {
  if (!can(ctx, Permission.TalentManage)) {
    requirePermission(ctx, Permission.TalentRead);
  }
}

function confirmation(
  uri: string | null,
  at: string | null,
  by: string | null,
  note: string,
  names: ReadonlyMap<string, string>,
): TEscoConfirmation {
  const state = escoState(uri, at);
  return {
    state,
    confirmedAt: state === 'confirmed' ? at : null,
    confirmedBy: state === 'confirmed' && by ? (names.get(by) ?? by) : null,
    note: state === 'confirmed' ? note : '',
  };
}

function cleanLabels(labels: Partial<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels)
      .map(([l, v]) => [l, (v ?? '').trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}

// ---------------------------------------------------------------------------------------------
// College skills

async function present(
  ctx: ServiceContext,
  db: Executor,
  rows: repo.CollegeSkillRecord[],
): Promise<TCollegeSkillDetail[]> {
  const manage = can(ctx, Permission.TalentManage);
  const keys = rows.map((r) => `college:${r.code}`);
  // Counts include profiles without consent: only the college sees them.
  const usage = manage ? await repo.usageOf(db, ctx.actor.organizationId, keys) : null;
  const names = await repo.userNames(
    db,
    rows.map((r) => r.escoConfirmedBy),
  );
  return rows.map((r) => {
    const used = usage?.get(`college:${r.code}`) ?? null;
    return {
      id: r.id,
      code: r.code,
      key: `college:${r.code}`,
      labels: parseJson<Record<string, string>>(r.labelsJson, {}),
      category: r.category,
      iscoGroup: r.iscoGroup,
      escoUri: r.escoUri,
      esco: confirmation(r.escoUri, r.escoConfirmedAt, r.escoConfirmedBy, r.escoNote, names),
      archived: r.archivedAt !== null,
      archivedAt: r.archivedAt,
      usage: used,
      version: r.version,
      updatedAt: r.updatedAt,
      abilities: {
        update: manage,
        archive: manage,
        delete: manage && used !== null && used.profiles === 0 && used.postings === 0,
      },
    };
  });
}

async function loadSkill(ctx: ServiceContext, db: Executor, id: string): Promise<TCollegeSkillDetail> {
  const row = await repo.getSkill(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('College skill');
  }
  return (await present(ctx, db, [row]))[0] as TCollegeSkillDetail;
}

const SKILL: VersionedEntity<TCollegeSkillDetail> = {
  table: 'collegeSkills',
  entityType: 'college_skill',
  load: loadSkill,
  snapshot: ({ abilities: _a, usage: _u, ...rest }) => rest,
};

export async function findCollegeSkills(ctx: ServiceContext, query: Partial<TFindCollegeSkillsQuery> = {}) {
  requireReader(ctx);
  const rows = await repo.findSkills(ctx.deps.db, ctx.actor.organizationId, query);
  return { data: await present(ctx, ctx.deps.db, rows) };
}

export async function getCollegeSkill(ctx: ServiceContext, id: string) {
  requireReader(ctx);
  return loadSkill(ctx, ctx.deps.db, id);
}

/** Rules beyond the request schema: ISCO-08 unit group, ESCO URI unique in the college. */
async function checkSkillInput(
  ctx: ServiceContext,
  db: Executor,
  input: Pick<TCollegeSkillInput, 'iscoGroup' | 'escoUri'>,
  exceptId: string | null,
) {
  if (input.iscoGroup !== null && !isIscoUnitGroupCode(input.iscoGroup)) {
    throw invalid([{ path: ['iscoGroup'], message: 'unknown_isco' }]);
  }
  if (input.escoUri && (await repo.skillWithEscoUri(db, ctx.actor.organizationId, input.escoUri, exceptId))) {
    throw new AppError('ALREADY_EXISTS', 'Another college skill has this ESCO URI', {
      issues: [{ path: ['escoUri'], message: 'esco_uri_taken' }],
    });
  }
}

/** @throws ALREADY_EXISTS when the code (or the ESCO URI) is taken, INVALID_INPUT */
export async function createCollegeSkill(ctx: ServiceContext, input: TCreateCollegeSkillRequest) {
  requirePermission(ctx, Permission.TalentManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const id = await insertSkill(ctx, trx, input);
    const created = await loadSkill(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'college_skill',
      entityId: id,
      after: SKILL.snapshot(created),
    });
    return created;
  });
}

async function insertSkill(
  ctx: ServiceContext,
  trx: Executor,
  input: TCreateCollegeSkillRequest & { archived?: boolean; escoConfirmed?: boolean; escoNote?: string },
): Promise<string> {
  const orgId = ctx.actor.organizationId;
  const taken = await trx
    .selectFrom('collegeSkills')
    .select('id')
    .where('organizationId', '=', orgId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken || RESERVED_SKILL_CODES.has(input.code)) {
    throw new AppError('ALREADY_EXISTS', 'This skill code is taken', {
      issues: [{ path: ['code'], message: 'skill_code_taken' }],
    });
  }
  await checkSkillInput(ctx, trx, input, null);
  const id = newId();
  const now = ctx.deps.clock.now().toISOString();
  const confirmed = Boolean(input.escoConfirmed && input.escoUri);
  await trx
    .insertInto('collegeSkills')
    .values({
      id,
      organizationId: orgId,
      code: input.code,
      labelsJson: toJson(cleanLabels(input.labels)),
      category: input.category,
      iscoGroup: input.iscoGroup,
      escoUri: input.escoUri,
      escoConfirmedAt: confirmed ? now : null,
      escoConfirmedBy: confirmed ? ctx.actor.userId : null,
      escoNote: confirmed ? (input.escoNote ?? '') : '',
      archivedAt: input.archived ? now : null,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    })
    .execute();
  return id;
}

/** The columns an edit sets; a changed ESCO URI loses its confirmation. */
function editColumns(before: TCollegeSkillDetail, data: TCollegeSkillInput) {
  const uriChanged = data.escoUri !== before.escoUri;
  return {
    labelsJson: toJson(cleanLabels(data.labels)),
    category: data.category,
    iscoGroup: data.iscoGroup,
    escoUri: data.escoUri,
    ...(uriChanged ? { escoConfirmedAt: null, escoConfirmedBy: null, escoNote: '' } : {}),
  };
}

/** @throws NOT_FOUND, VERSION_CONFLICT, ALREADY_EXISTS (ESCO URI), INVALID_INPUT */
export async function updateCollegeSkill(
  ctx: ServiceContext,
  id: string,
  body: { version: number; data: TCollegeSkillInput },
) {
  requirePermission(ctx, Permission.TalentManage);
  return versionedChange(ctx, SKILL, id, body.version, {
    set: async (trx, before) => {
      await checkSkillInput(ctx, trx, body.data, before.id);
      return editColumns(before, body.data);
    },
  });
}

/** Archived skills stay on the profiles and postings that have them but are no longer offered. */
export async function setCollegeSkillArchived(
  ctx: ServiceContext,
  id: string,
  version: number,
  archived: boolean,
) {
  requirePermission(ctx, Permission.TalentManage);
  return versionedChange(
    ctx,
    SKILL,
    id,
    version,
    { set: () => ({ archivedAt: archived ? ctx.deps.clock.now().toISOString() : null }) },
    { action: archived ? 'archive' : 'restore' },
  );
}

/**
 * Deletes a skill nothing uses. A skill that profiles or postings use is refused with how many
 * use it (409 INVALID_STATE): archive it instead, so those records keep their meaning.
 * @throws NOT_FOUND, VERSION_CONFLICT, INVALID_STATE
 */
export async function deleteCollegeSkill(ctx: ServiceContext, id: string, version: number) {
  requirePermission(ctx, Permission.TalentManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSkill(ctx, trx, id);
    if (before.version !== version) {
      throw versionConflict(before.version);
    }
    const usage = before.usage ?? { profiles: 0, postings: 0 };
    if (usage.profiles > 0 || usage.postings > 0) {
      throw new AppError('INVALID_STATE', 'The skill is in use; archive it instead', {
        reason: 'skill_in_use',
        profiles: usage.profiles,
        postings: usage.postings,
      });
    }
    await trx
      .deleteFrom('collegeSkills')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('id', '=', id)
      .where('version', '=', version)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'college_skill',
      entityId: id,
      before: SKILL.snapshot(before),
    });
    return { ok: true as const };
  });
}

/** Records that a coordinator checked the ESCO URI (the current one, or a replacement). */
export async function confirmCollegeSkillEsco(
  ctx: ServiceContext,
  id: string,
  body: { version: number; escoUri: string; note: string },
) {
  requirePermission(ctx, Permission.TalentManage);
  if (!isEscoUri('skill', body.escoUri)) {
    throw invalid([{ path: ['escoUri'], message: 'esco_skill_uri' }]);
  }
  return versionedChange(
    ctx,
    SKILL,
    id,
    body.version,
    {
      set: async (trx, before) => {
        await checkSkillInput(ctx, trx, { iscoGroup: null, escoUri: body.escoUri }, before.id);
        return {
          escoUri: body.escoUri,
          escoConfirmedAt: ctx.deps.clock.now().toISOString(),
          escoConfirmedBy: ctx.actor.userId,
          escoNote: body.note,
        };
      },
    },
    { reason: 'esco_confirmed' },
  );
}

// ---------------------------------------------------------------------------------------------
// The shipped taxonomy as the college curates it

function shippedLabels(entry: StarterEntry): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.labels).map(([l, v]) => [l, v.text]));
}

function presentItem(
  item: string,
  row: TaxonomyOverrideRow | undefined,
  names: ReadonlyMap<string, string>,
): TTaxonomyItem {
  const ref = taxonomyItem(item);
  if (!ref) {
    throw notFound('Taxonomy item');
  }
  const college = parseJson<Record<string, string>>(row?.labelsJson, {});
  if (ref.kind === 'isco') {
    return {
      item,
      kind: 'isco',
      code: ref.code,
      iscoGroup: ref.code,
      field: null,
      shipped: { en: ref.title },
      college,
      shippedEscoUri: null,
      shippedVerified: false,
      escoUri: null,
      esco: confirmation(null, null, null, '', names),
      version: row?.version ?? 0,
    };
  }
  const e = ref.entry;
  const uri = row?.escoUri ?? e.escoUri;
  return {
    item,
    kind: e.kind,
    code: e.key.startsWith('college:') ? e.key.slice('college:'.length) : null,
    iscoGroup: e.iscoGroup,
    field: e.field,
    shipped: shippedLabels(e),
    college,
    shippedEscoUri: e.escoUri,
    shippedVerified: e.uriVerified,
    escoUri: uri,
    esco: confirmation(
      uri,
      row?.escoConfirmedAt ?? null,
      row?.escoConfirmedBy ?? null,
      row?.escoNote ?? '',
      names,
    ),
    version: row?.version ?? 0,
  };
}

/** Every starter entry, and the ISCO-08 groups the college has translated, with its curation. */
export async function taxonomyOverview(ctx: ServiceContext): Promise<TTaxonomyOverview> {
  requireReader(ctx);
  const rows = await repo.overrides(ctx.deps.db, ctx.actor.organizationId);
  const byItem = new Map(rows.map((r) => [r.itemKey, r]));
  const names = await repo.userNames(
    ctx.deps.db,
    rows.map((r) => r.escoConfirmedBy),
  );
  const isco = ISCO08_GROUPS.map((g) => iscoItemKey(g.code))
    .filter((k) => byItem.has(k))
    .map((k) => presentItem(k, byItem.get(k), names));
  return { entries: ESCO_STARTER.map((e) => presentItem(e.key, byItem.get(e.key), names)), isco };
}

/**
 * Writes the college's record of one taxonomy item: inserts it when the client read none
 * (version 0), else compare-and-set on the version read.
 */
async function changeItem(
  ctx: ServiceContext,
  item: string,
  version: number,
  set: Record<string, unknown>,
  reason: string | null,
): Promise<TTaxonomyItem> {
  const orgId = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await repo.getOverride(trx, orgId, item);
    const names = new Map([[ctx.actor.userId, ctx.actor.displayName || ctx.actor.email]]);
    if ((before?.version ?? 0) !== version) {
      throw versionConflict(before?.version ?? 0);
    }
    let id = before?.id;
    if (!before) {
      id = newId();
      const now = ctx.deps.clock.now().toISOString();
      await trx
        .insertInto('talentTaxonomyOverrides')
        .values({
          id,
          organizationId: orgId,
          itemKey: item,
          createdAt: now,
          updatedAt: now,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
          ...set,
        })
        .execute();
    } else {
      await updateVersioned(ctx, trx, 'talentTaxonomyOverrides', before.id, version, set);
    }
    const after = await repo.getOverride(trx, orgId, item);
    const beforeNames = await repo.userNames(trx, [before?.escoConfirmedBy ?? null]);
    const presented = presentItem(item, after, new Map([...beforeNames, ...names]));
    await recordAudit(trx, ctx, {
      action: before ? 'update' : 'create',
      entityType: 'talent_taxonomy_override',
      entityId: id as string,
      before: before ? presentItem(item, before, beforeNames) : null,
      after: presented,
      reason,
    });
    return presented;
  });
}

function refOrThrow(item: string) {
  const ref = taxonomyItem(item);
  if (!ref) {
    throw invalid([{ path: ['item'], message: 'unknown_taxonomy_item' }]);
  }
  return ref;
}

/** The college's own wording of an ISCO-08 title (not English) or of a starter entry. */
export async function setTaxonomyLabels(
  ctx: ServiceContext,
  body: { item: string; version: number; labels: Partial<Record<string, string>> },
) {
  requirePermission(ctx, Permission.TalentManage);
  const ref = refOrThrow(body.item);
  const allowed: readonly string[] = translatableLocales(ref);
  const issues = Object.keys(body.labels)
    .filter((l) => !allowed.includes(l))
    .map((l) => ({ path: ['labels', l], message: 'not_translatable' }));
  if (issues.length > 0) {
    throw invalid(issues);
  }
  return changeItem(ctx, body.item, body.version, { labelsJson: toJson(cleanLabels(body.labels)) }, null);
}

/** Confirms a starter entry's ESCO URI (the shipped one, or a replacement) for this college. */
export async function confirmTaxonomyEsco(
  ctx: ServiceContext,
  body: { item: string; version: number; escoUri: string; note: string },
) {
  requirePermission(ctx, Permission.TalentManage);
  const ref = refOrThrow(body.item);
  if (ref.kind === 'isco') {
    throw invalid([{ path: ['item'], message: 'unknown_taxonomy_item' }]);
  }
  if (!isEscoUri(ref.entry.kind, body.escoUri)) {
    throw invalid([
      { path: ['escoUri'], message: ref.entry.kind === 'skill' ? 'esco_skill_uri' : 'esco_occupation_uri' },
    ]);
  }
  return changeItem(
    ctx,
    body.item,
    body.version,
    {
      escoUri: body.escoUri,
      escoConfirmedAt: ctx.deps.clock.now().toISOString(),
      escoConfirmedBy: ctx.actor.userId,
      escoNote: body.note,
    },
    'esco_confirmed',
  );
}

/**
 * The college's wording of the taxonomy for the owner's page (personal link or participant account),
 * which may not read the taxonomy itself: the labels the overview calls `college`, only those
 * recorded, and the college's own skills. Nothing in it is personal.
 */
export async function collegeWording(db: Executor, organizationId: string): Promise<TCollegeWording> {
  const labels: TCollegeWording['labels'] = {};
  for (const o of await repo.overrides(db, organizationId)) {
    const texts = cleanLabels(parseJson<Record<string, string>>(o.labelsJson, {}));
    if (taxonomyItem(o.itemKey) && Object.keys(texts).length > 0) {
      labels[o.itemKey] = texts;
    }
  }
  const collegeSkills = (await repo.findSkills(db, organizationId)).map((r) => ({
    id: r.id,
    code: r.code,
    key: `college:${r.code}`,
    labels: parseJson<Record<string, string>>(r.labelsJson, {}),
    iscoGroup: r.iscoGroup,
    escoUri: r.escoUri,
    archived: r.archivedAt !== null,
  }));
  return { labels, collegeSkills };
}

/**
 * Skill keys matching should treat as one: a college skill, or a starter skill, whose ESCO URI the
 * college confirmed becomes that URI. Unconfirmed URIs are not used.
 */
export async function confirmedSkillAliases(
  db: Executor,
  organizationId: string,
): Promise<Map<string, string>> {
  const aliases = new Map<string, string>();
  const skills = await db
    .selectFrom('collegeSkills')
    .select(['code', 'escoUri'])
    .where('organizationId', '=', organizationId)
    .where('escoUri', 'is not', null)
    .where('escoConfirmedAt', 'is not', null)
    .execute();
  for (const s of skills) {
    aliases.set(`college:${s.code}`, s.escoUri as string);
  }
  for (const o of await repo.overrides(db, organizationId)) {
    const ref = taxonomyItem(o.itemKey);
    if (ref?.kind === 'starter' && ref.entry.kind === 'skill' && o.escoUri && o.escoConfirmedAt) {
      aliases.set(o.itemKey, o.escoUri);
    }
  }
  return aliases;
}

export { editColumns, insertSkill, SKILL };
