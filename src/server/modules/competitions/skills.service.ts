import type { TSkill, TSkillDetail, TSkillInput } from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { loadCompetition, loadSkill } from './competition-access.js';
import {
  presentEntries,
  presentExpert,
  presentSkill,
  presentWorkshop,
  skillSnapshot,
} from './competitions.presenter.js';
import * as repo from './competitions.repository.js';
import { deleteVersioned, isRegistrarScoped, loadVisibleCompetition, refused } from './competitions.scope.js';

/** Whether the reader sees experts' e-mail addresses: organizers, and registrars for their own members. */
export function showsExpertEmail(ctx: ServiceContext): boolean {
  return (
    can(ctx, Permission.CompetitionManage) ||
    can(ctx, Permission.CompetitorSensitiveRead) ||
    isRegistrarScoped(ctx)
  );
}

export async function listSkills(ctx: ServiceContext, competitionId: string) {
  requirePermission(ctx, Permission.CompetitionRead);
  const { scope } = await loadVisibleCompetition(ctx, competitionId);
  const rows = await repo.listSkills(ctx.deps.db, ctx.actor.organizationId, competitionId, scope.memberIds);
  return { data: rows.map(presentSkill) };
}

async function loadSkillView(ctx: ServiceContext, db: Executor, id: string): Promise<TSkill> {
  const skill = await loadSkill(ctx, id, db);
  const [row] = await repo.listSkills(db, ctx.actor.organizationId, skill.competitionId, null, id);
  if (!row) {
    throw notFound('skill');
  }
  return presentSkill(row);
}

async function checkNumber(trx: Executor, competitionId: string, input: TSkillInput, selfId: string | null) {
  if (await repo.skillNumberTaken(trx, competitionId, input.number, selfId)) {
    throw new AppError('ALREADY_EXISTS', 'Another skill of the competition has this number', {
      issues: [{ path: ['number'], message: 'skill_number_taken' }],
    });
  }
}

export async function createSkill(ctx: ServiceContext, competitionId: string, input: TSkillInput) {
  requirePermission(ctx, Permission.CompetitionManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const competition = await loadCompetition(ctx, competitionId, trx);
    if (competition.status === 'cancelled') {
      throw refused('INVALID_STATE', 'competition_cancelled', 'The competition was cancelled');
    }
    await checkNumber(trx, competitionId, input, null);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('competitionSkills')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        competitionId,
        ...repo.skillColumns(input),
        resultsState: 'open',
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const created = await loadSkillView(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_skill',
      entityId: id,
      after: skillSnapshot(created),
    });
    return created;
  });
}

const skillEntity: VersionedEntity<TSkill> = {
  table: 'competitionSkills',
  entityType: 'competition_skill',
  load: loadSkillView,
  snapshot: skillSnapshot,
};

/**
 * Edits a skill. Turning a skill with entries into a team skill of another size (or back) would
 * leave entries of the wrong size: refused while entries exist.
 */
export async function updateSkill(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TSkillInput },
) {
  requirePermission(ctx, Permission.CompetitionManage);
  return versionedChange(ctx, skillEntity, id, input.version, {
    set: async (trx, before) => {
      await checkNumber(trx, before.competitionId, input.data, id);
      const reshaped = before.teamBased !== input.data.teamBased || before.teamSize !== input.data.teamSize;
      if (reshaped && (await repo.usageCount(trx, ctx.actor.organizationId, 'skillId', id)).entries > 0) {
        throw new AppError('INVALID_INPUT', 'The skill already has entries', {
          issues: [{ path: ['teamSize'], message: 'team_size_locked_by_entries' }],
        });
      }
      return repo.skillColumns(input.data);
    },
  });
}

/** Deletes a skill nobody is entered in yet (no entries, experts or marking schemes). */
export async function deleteSkill(ctx: ServiceContext, id: string, version: number) {
  requirePermission(ctx, Permission.CompetitionManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSkillView(ctx, trx, id);
    const usage = await repo.usageCount(trx, ctx.actor.organizationId, 'skillId', id);
    if (usage.entries + usage.experts + usage.schemes > 0) {
      throw refused('INVALID_STATE', 'in_use', 'The skill has entries, experts or marking schemes', usage);
    }
    await deleteVersioned(ctx, trx, 'competitionSkills', id, version, before.version);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'competition_skill',
      entityId: id,
      before: skillSnapshot(before),
    });
  });
  return { ok: true as const };
}

/**
 * A skill with its entrants (member and competitors) and experts: the skill page, and what the
 * marking, marking-scheme and results modules read. A registrar sees only their members' entrants
 * and experts.
 * @throws NOT_FOUND
 */
export async function getSkillDetail(ctx: ServiceContext, skillId: string): Promise<TSkillDetail> {
  requirePermission(ctx, Permission.CompetitionRead);
  const db = ctx.deps.db;
  const org = ctx.actor.organizationId;
  const base = await loadSkill(ctx, skillId);
  const { competition, scope } = await loadVisibleCompetition(ctx, base.competitionId);
  const [[skillRow], entryRows, expertRows, workshops] = await Promise.all([
    repo.listSkills(db, org, competition.id, scope.memberIds, skillId),
    repo.entriesOfSkill(db, org, skillId, scope.memberIds),
    repo.listExperts(db, org, { skillId }, scope.memberIds),
    repo.listWorkshops(db, org, competition.id, skillId),
  ]);
  if (!skillRow) {
    throw notFound('skill');
  }
  const competitors = await repo.competitorsOf(
    db,
    org,
    entryRows.map((e) => e.id),
  );
  const showEmail = showsExpertEmail(ctx);
  return {
    skill: presentSkill(skillRow),
    competition: {
      id: competition.id,
      names: JSON.parse(competition.namesJson) as Record<string, string>,
      slug: competition.slug,
      status: competition.status,
      startsOn: competition.startsOn,
      endsOn: competition.endsOn,
    },
    entries: presentEntries(entryRows, competitors, can(ctx, Permission.CompetitorSensitiveRead)),
    experts: expertRows.map((x) => presentExpert(x, showEmail)),
    workshops: workshops.map(presentWorkshop),
    abilities: {
      manage: can(ctx, Permission.CompetitionManage),
      register: can(ctx, Permission.CompetitionManage) || (scope.memberIds?.length ?? 0) > 0,
    },
  };
}
