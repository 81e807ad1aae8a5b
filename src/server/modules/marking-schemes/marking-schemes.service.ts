import type { SchemeSource } from '../../../contracts/competitions.js';
import type {
  TCreateSchemeRequest,
  TReplaceSchemeRequest,
  TSchemeVersion,
  TSchemeVersionList,
  TUnlockSchemeRequest,
} from '../../../contracts/marking-schemes.js';
import type { MarkingScheme } from '../../../domain/competitions/marking-scheme.js';
import { validateMarkingScheme } from '../../../domain/competitions/scheme-validation.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toBool, toJson } from '../../platform/db/sql-helpers.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { requireSkillSupervisor } from '../competitions/competition-access.js';
import type { MarkingSchemeRow } from '../competitions/competitions.tables.js';
import { findLockedScheme } from '../competitions/schemes.repository.js';
import {
  loadSchemeVersion,
  requireSchemeEditor,
  requireSchemeReader,
  ruleSettings,
  type SchemeAccess,
} from './marking-schemes.access.js';
import { EMPTY_SCHEME, presentScheme, presentSchemeSummary, schemeOf } from './marking-schemes.presenter.js';
import * as repo from './marking-schemes.repository.js';

// Scheme versions of a skill: draft → locked → superseded (worldskills.md §1.3, §6.3, §9.7 item 9).
// At most one draft per skill. A draft may be saved invalid; only a valid one locks. Locking starts
// marking: it creates a marking form per sub-criterion × marked entry and supersedes the previous
// locked version (only while that one has no marks). A locked version without marks can be unlocked
// back to a draft by the skill supervisor, with a reason that is audited.

const invalidState = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('INVALID_STATE', message, { reason, ...details });

function checkVersion(row: MarkingSchemeRow, version: number): void {
  if (row.version !== version) {
    throw versionConflict(row.version);
  }
}

function requireDraft(row: MarkingSchemeRow): void {
  if (row.status !== 'draft') {
    throw invalidState(
      'not_draft',
      `Version ${row.versionNo} is ${row.status}; only a draft can be changed`,
      {
        status: row.status,
      },
    );
  }
}

async function present(
  ctx: ServiceContext,
  db: Executor,
  row: MarkingSchemeRow,
  access: SchemeAccess,
): Promise<TSchemeVersion> {
  const org = ctx.actor.organizationId;
  // One after the other: inside a transaction they share one connection.
  const settings = await ruleSettings(ctx, access.skill, db);
  const withMarks = await repo.schemesWithMarks(db, org, [row.id]);
  const formCount = await repo.countForms(db, org, row.id);
  const all = await repo.listSchemes(db, org, row.skillId);
  return presentScheme(
    row,
    settings,
    {
      hasMarks: withMarks.has(row.id),
      formCount,
      hasOtherDraft: all.some((s) => s.status === 'draft' && s.id !== row.id),
    },
    access,
  );
}

/** What the audit log keeps of a version. */
const snapshot = (row: MarkingSchemeRow) => ({
  skillId: row.skillId,
  versionNo: row.versionNo,
  status: row.status,
  source: row.source,
  sourceFileName: row.sourceFileName,
  scheme: schemeOf(row),
});
const stateSnapshot = (row: MarkingSchemeRow) => ({
  versionNo: row.versionNo,
  status: row.status,
  lockedAt: row.lockedAt,
  lockedBy: row.lockedBy,
  lockReason: row.lockReason,
});

export async function listSchemeVersions(ctx: ServiceContext, skillId: string): Promise<TSchemeVersionList> {
  const access = await requireSchemeReader(ctx, skillId);
  const db = ctx.deps.db;
  const org = ctx.actor.organizationId;
  const rows = (await repo.listSchemes(db, org, skillId)).filter((r) => access.edit || r.status !== 'draft');
  const settings = await ruleSettings(ctx, access.skill);
  const withMarks = await repo.schemesWithMarks(
    db,
    org,
    rows.filter((r) => r.status !== 'draft').map((r) => r.id),
  );
  const { skill } = access;
  return {
    skill: {
      id: skill.id,
      competitionId: skill.competitionId,
      number: skill.number,
      names: parseJson<Record<string, string>>(skill.namesJson, {}),
      numJudges: skill.numJudges,
      allowCompatriotMarking: toBool(skill.allowCompatriotMarking),
    },
    data: rows.map((r) =>
      presentSchemeSummary(r, validateMarkingScheme(schemeOf(r), settings), withMarks.has(r.id)),
    ),
    abilities: {
      create: access.edit && !rows.some((r) => r.status === 'draft'),
      import: access.edit && !rows.some((r) => r.status === 'draft'),
      assignTeams: access.supervise,
    },
  };
}

/** @throws NOT_FOUND (absent, another college, or a draft the actor may not see) */
export async function getSchemeVersion(ctx: ServiceContext, skillId: string, schemeId: string) {
  const access = await requireSchemeReader(ctx, skillId);
  const row = await loadSchemeVersion(ctx, ctx.deps.db, skillId, schemeId, access.edit);
  return present(ctx, ctx.deps.db, row, access);
}

/** The scheme document of a version the actor may read (export). */
export async function readSchemeDocument(ctx: ServiceContext, skillId: string, schemeId: string) {
  const access = await requireSchemeReader(ctx, skillId);
  const row = await loadSchemeVersion(ctx, ctx.deps.db, skillId, schemeId, access.edit);
  return { row, scheme: schemeOf(row), skill: access.skill };
}

/**
 * Inserts a new draft version (the caller checked the editor's rights) after checking that the
 * skill has no draft and that its locked version (if any) has no marks yet.
 * @throws AppError INVALID_STATE (draft_exists | marks_exist)
 */
export async function insertDraft(
  ctx: ServiceContext,
  trx: Executor,
  access: SchemeAccess,
  scheme: MarkingScheme,
  source: SchemeSource,
  sourceFileName = '',
  copyTeamsFrom: string | null = null,
): Promise<MarkingSchemeRow> {
  const org = ctx.actor.organizationId;
  const skillId = access.skill.id;
  const existing = await repo.listSchemes(trx, org, skillId);
  const draft = existing.find((r) => r.status === 'draft');
  if (draft) {
    throw invalidState(
      'draft_exists',
      `Version ${draft.versionNo} is already a draft; edit or delete it first`,
      {
        schemeId: draft.id,
      },
    );
  }
  const locked = existing.find((r) => r.status === 'locked');
  if (locked && (await repo.schemesWithMarks(trx, org, [locked.id])).has(locked.id)) {
    throw invalidState(
      'marks_exist',
      `Marks were entered on version ${locked.versionNo}; it stays the scheme of this skill`,
      { schemeId: locked.id },
    );
  }
  const id = newId();
  const now = ctx.deps.clock.now().toISOString();
  await trx
    .insertInto('markingSchemes')
    .values({
      id,
      organizationId: org,
      skillId,
      versionNo: await repo.nextVersionNo(trx, org, skillId),
      status: 'draft',
      source,
      sourceFileName,
      schemeJson: toJson(scheme),
      lockedAt: null,
      lockedBy: null,
      lockReason: '',
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
      version: 1,
    })
    .execute();
  if (copyTeamsFrom) {
    await repo.copyTeams(
      trx,
      org,
      copyTeamsFrom,
      { skillId, schemeId: id, subCriterionKeys: new Set(scheme.subCriteria.map((s) => s.key)) },
      { at: now, by: ctx.actor.userId },
      newId,
    );
  }
  const row = await loadSchemeVersion(ctx, trx, skillId, id, true);
  await recordAudit(trx, ctx, {
    action: 'create',
    entityType: 'marking_scheme',
    entityId: id,
    after: snapshot(row),
    reason: sourceFileName ? `import ${sourceFileName}` : null,
  });
  return row;
}

/**
 * A new draft: empty, from a JSON document, or a copy of the latest version (with its teams).
 * @throws AppError INVALID_STATE (draft_exists | marks_exist | nothing_to_copy)
 */
export async function createSchemeVersion(ctx: ServiceContext, skillId: string, input: TCreateSchemeRequest) {
  const access = await requireSchemeEditor(ctx, skillId);
  return ctx.deps.db.transaction().execute(async (trx) => {
    let row: MarkingSchemeRow;
    if (input.from === 'copy') {
      const [latest] = await repo.listSchemes(trx, ctx.actor.organizationId, skillId);
      if (!latest) {
        throw invalidState('nothing_to_copy', 'The skill has no scheme version to copy');
      }
      row = await insertDraft(ctx, trx, access, schemeOf(latest), 'copy', '', latest.id);
    } else {
      const scheme = input.from === 'json' ? (input.scheme as MarkingScheme) : EMPTY_SCHEME;
      row = await insertDraft(ctx, trx, access, scheme, 'manual');
    }
    return present(ctx, trx, row, access);
  });
}

/**
 * Replaces the whole document of a draft (the web edits the document and saves it whole).
 * Validation problems come back with it; a draft may be saved invalid.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | INVALID_STATE (not_draft)
 */
export async function replaceSchemeVersion(
  ctx: ServiceContext,
  skillId: string,
  schemeId: string,
  input: TReplaceSchemeRequest,
) {
  const access = await requireSchemeEditor(ctx, skillId);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    checkVersion(before, input.version);
    requireDraft(before);
    const scheme = input.scheme as MarkingScheme;
    await updateVersioned(ctx, trx, 'markingSchemes', schemeId, input.version, {
      schemeJson: toJson(scheme),
    });
    await repo.deleteTeamsOutside(
      trx,
      org,
      schemeId,
      scheme.subCriteria.map((s) => s.key),
    );
    const after = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'marking_scheme',
      entityId: schemeId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return present(ctx, trx, after, access);
  });
}

/** @throws AppError NOT_FOUND | VERSION_CONFLICT | INVALID_STATE (not_draft) */
export async function deleteSchemeVersion(
  ctx: ServiceContext,
  skillId: string,
  schemeId: string,
  version: number,
) {
  await requireSchemeEditor(ctx, skillId);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    checkVersion(before, version);
    requireDraft(before);
    await trx
      .deleteFrom('markingTeamMembers')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('schemeId', '=', schemeId)
      .execute();
    await trx
      .deleteFrom('markingSchemes')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('id', '=', schemeId)
      .where('version', '=', version)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'marking_scheme',
      entityId: schemeId,
      before: snapshot(before),
    });
  });
  return { ok: true as const };
}

/**
 * Locks a valid draft: marking starts. Supersedes the locked version (only while it has no marks)
 * and creates one marking form (not_started) per sub-criterion × registered/confirmed entry.
 * Team coverage is not a condition (teams are often completed after the lock); the teams endpoint
 * reports it, and marking checks the compatriot rule again at entry.
 * @throws AppError FORBIDDEN | NOT_FOUND | VERSION_CONFLICT | INVALID_STATE (not_draft | scheme_invalid |
 *   previous_version_has_marks)
 */
export async function lockSchemeVersion(
  ctx: ServiceContext,
  skillId: string,
  schemeId: string,
  version: number,
) {
  const skill = await requireSkillSupervisor(ctx, skillId);
  const access = await requireSchemeReader(ctx, skillId);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    checkVersion(before, version);
    requireDraft(before);
    const scheme = schemeOf(before);
    const validation = validateMarkingScheme(scheme, await ruleSettings(ctx, skill, trx));
    if (!validation.valid) {
      throw invalidState('scheme_invalid', 'The scheme has problems; only a valid scheme can be locked', {
        problems: validation.problems.filter((p) => p.severity === 'error'),
      });
    }
    const now = ctx.deps.clock.now().toISOString();
    const previous = await findLockedScheme(trx, org, skillId);
    if (previous) {
      if ((await repo.schemesWithMarks(trx, org, [previous.id])).has(previous.id)) {
        throw invalidState(
          'previous_version_has_marks',
          `Marks were entered on version ${previous.versionNo}; it cannot be superseded`,
          { schemeId: previous.id },
        );
      }
      await repo.deleteForms(trx, org, previous.id);
      await updateVersioned(ctx, trx, 'markingSchemes', previous.id, previous.version, {
        status: 'superseded',
      });
      await recordAudit(trx, ctx, {
        action: 'update',
        entityType: 'marking_scheme',
        entityId: previous.id,
        before: stateSnapshot(previous),
        after: { ...stateSnapshot(previous), status: 'superseded' },
        reason: `superseded by version ${before.versionNo}`,
      });
    }
    await updateVersioned(ctx, trx, 'markingSchemes', schemeId, version, {
      status: 'locked',
      lockedAt: now,
      lockedBy: ctx.actor.userId,
      lockReason: '',
    });
    const entries = await repo.markedEntries(trx, org, skillId);
    await repo.insertForms(
      trx,
      scheme.subCriteria.flatMap((sc) =>
        entries.map((e) => ({
          id: newId(),
          organizationId: org,
          skillId,
          schemeId,
          subCriterionKey: sc.key,
          entryId: e.id,
          createdAt: now,
          createdBy: ctx.actor.userId,
        })),
      ),
    );
    const after = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'marking_scheme',
      entityId: schemeId,
      before: stateSnapshot(before),
      after: { ...stateSnapshot(after), formsCreated: scheme.subCriteria.length * entries.length },
    });
    return present(ctx, trx, after, access);
  });
}

/**
 * Returns a locked version without marks to a draft (its unmarked forms are removed), with a reason.
 * @throws AppError FORBIDDEN | NOT_FOUND | VERSION_CONFLICT | INVALID_STATE (not_locked | marks_exist |
 *   draft_exists)
 */
export async function unlockSchemeVersion(
  ctx: ServiceContext,
  skillId: string,
  schemeId: string,
  input: TUnlockSchemeRequest,
) {
  await requireSkillSupervisor(ctx, skillId);
  const access = await requireSchemeReader(ctx, skillId);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    checkVersion(before, input.version);
    if (before.status !== 'locked') {
      throw invalidState(
        'not_locked',
        `Version ${before.versionNo} is ${before.status}; only a locked one unlocks`,
        {
          status: before.status,
        },
      );
    }
    if ((await repo.schemesWithMarks(trx, org, [schemeId])).has(schemeId)) {
      throw invalidState('marks_exist', `Marks were entered on version ${before.versionNo}; it stays locked`);
    }
    const draft = (await repo.listSchemes(trx, org, skillId)).find((r) => r.status === 'draft');
    if (draft) {
      throw invalidState('draft_exists', `Version ${draft.versionNo} is already a draft; delete it first`, {
        schemeId: draft.id,
      });
    }
    await repo.deleteForms(trx, org, schemeId);
    await updateVersioned(ctx, trx, 'markingSchemes', schemeId, input.version, {
      status: 'draft',
      lockedAt: null,
      lockedBy: null,
      lockReason: input.reason,
    });
    const after = await loadSchemeVersion(ctx, trx, skillId, schemeId, true);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'marking_scheme',
      entityId: schemeId,
      before: stateSnapshot(before),
      after: stateSnapshot(after),
      reason: input.reason,
    });
    return present(ctx, trx, after, access);
  });
}
