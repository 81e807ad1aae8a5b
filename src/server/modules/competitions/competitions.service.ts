import type {
  TCompetition,
  TCompetitionDayInput,
  TCompetitionInput,
  TCompetitionRuleSettings,
  TFindCompetitionsQuery,
  TWorkshopInput,
} from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { toJson } from '../../platform/db/sql-helpers.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { loadCompetition, loadSkill } from './competition-access.js';
import {
  competitionSnapshot,
  presentCompetition,
  presentCompetitionSummary,
  presentWorkshop,
} from './competitions.presenter.js';
import * as repo from './competitions.repository.js';
import {
  deleteVersioned,
  isRegistrarScoped,
  isRegistrationOpen,
  loadVisibleCompetition,
  refused,
  registrarMemberIds,
} from './competitions.scope.js';

export async function findCompetitions(ctx: ServiceContext, q: TFindCompetitionsQuery) {
  requirePermission(ctx, Permission.CompetitionRead);
  const registrar = isRegistrarScoped(ctx) ? ctx.actor.userId : null;
  const { rows, total } = await repo.findCompetitions(ctx.deps.db, ctx.actor.organizationId, q, registrar);
  return { data: rows.map(presentCompetitionSummary), page: q.page, pageSize: q.pageSize, total };
}

/** The competition as the actor sees it (no scope check: callers check first). */
async function loadDetail(ctx: ServiceContext, db: Executor, id: string): Promise<TCompetition> {
  const org = ctx.actor.organizationId;
  const row = await repo.getCompetition(db, org, id);
  if (!row) {
    throw notFound('competition');
  }
  const [days, myMemberIds] = await Promise.all([
    repo.listDays(db, org, id),
    can(ctx, Permission.CompetitionRegister) ? registrarMemberIds(ctx, id, db) : Promise.resolve([]),
  ]);
  return presentCompetition(row, days, {
    registrationOpen: isRegistrationOpen(row, todayFor(ctx)),
    myMemberIds,
    canUpdate: can(ctx, Permission.CompetitionManage) && row.status !== 'cancelled',
    canRegister: can(ctx, Permission.CompetitionManage) || myMemberIds.length > 0,
    viewSensitive: can(ctx, Permission.CompetitorSensitiveRead),
  });
}

/** @throws NOT_FOUND outside the college, or for a registrar of none of its members */
export async function getCompetition(ctx: ServiceContext, id: string): Promise<TCompetition> {
  requirePermission(ctx, Permission.CompetitionRead);
  await loadVisibleCompetition(ctx, id);
  return loadDetail(ctx, ctx.deps.db, id);
}

async function checkCompetition(
  ctx: ServiceContext,
  trx: Executor,
  input: TCompetitionInput,
  selfId: string | null,
) {
  const org = ctx.actor.organizationId;
  if (await repo.slugTaken(trx, org, input.slug, selfId)) {
    throw new AppError('ALREADY_EXISTS', 'Another competition of the college has this slug', {
      issues: [{ path: ['slug'], message: 'competition_slug_taken' }],
    });
  }
  if (input.hostPartnerId && !(await repo.partnerExists(trx, org, input.hostPartnerId))) {
    throw new AppError('INVALID_INPUT', 'Unknown partner', {
      issues: [{ path: ['hostPartnerId'], message: 'unknown_partner' }],
    });
  }
}

export async function createCompetition(
  ctx: ServiceContext,
  input: TCompetitionInput & { settings: TCompetitionRuleSettings },
): Promise<TCompetition> {
  requirePermission(ctx, Permission.CompetitionManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const { settings, ...data } = input;
    await checkCompetition(ctx, trx, data, null);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('competitions')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.competitionColumns(data),
        settingsJson: toJson(settings),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const created = await loadDetail(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition',
      entityId: id,
      after: competitionSnapshot(created),
    });
    return created;
  });
}

const competitionEntity: VersionedEntity<TCompetition> = {
  table: 'competitions',
  entityType: 'competition',
  load: loadDetail,
  snapshot: competitionSnapshot,
};

function requireNotCancelled(c: TCompetition) {
  if (c.status === 'cancelled') {
    throw refused('INVALID_STATE', 'competition_cancelled', 'The competition was cancelled');
  }
}

export async function updateCompetition(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TCompetitionInput },
): Promise<TCompetition> {
  requirePermission(ctx, Permission.CompetitionManage);
  return versionedChange(ctx, competitionEntity, id, input.version, {
    set: async (trx, before) => {
      requireNotCancelled(before);
      await checkCompetition(ctx, trx, input.data, id);
      return repo.competitionColumns(input.data);
    },
  });
}

/** The rule settings tab: saved against the competition's version, audited on their own. */
export async function updateSettings(
  ctx: ServiceContext,
  id: string,
  input: { version: number; settings: TCompetitionRuleSettings },
): Promise<TCompetition> {
  requirePermission(ctx, Permission.CompetitionManage);
  return versionedChange(
    ctx,
    competitionEntity,
    id,
    input.version,
    {
      set: (_trx, before) => {
        requireNotCancelled(before);
        return { settingsJson: toJson(input.settings) };
      },
    },
    { snapshot: (c) => ({ settings: c.settings }) },
  );
}

export async function cancelCompetition(
  ctx: ServiceContext,
  id: string,
  input: { version: number; reason: string },
): Promise<TCompetition> {
  requirePermission(ctx, Permission.CompetitionManage);
  return versionedChange(
    ctx,
    competitionEntity,
    id,
    input.version,
    {
      set: (_trx, before) => {
        requireNotCancelled(before);
        return { status: 'cancelled' };
      },
    },
    { reason: input.reason, snapshot: (c) => ({ status: c.status }) },
  );
}

/**
 * Competition days (C-4 … C4) saved as a whole against the competition's version. Codes are
 * unique; preparation days (C-n) fall before the competition ends and competition days (Cn)
 * within it.
 */
export async function replaceDays(
  ctx: ServiceContext,
  id: string,
  input: { version: number; days: TCompetitionDayInput[] },
): Promise<TCompetition> {
  requirePermission(ctx, Permission.CompetitionManage);
  const org = ctx.actor.organizationId;
  return versionedChange(
    ctx,
    competitionEntity,
    id,
    input.version,
    {
      set: (_trx, before) => {
        requireNotCancelled(before);
        const seen = new Set<string>();
        const issues: { path: (string | number)[]; message: string }[] = [];
        input.days.forEach((d, i) => {
          if (seen.has(d.code)) {
            issues.push({ path: ['days', i, 'code'], message: 'day_code_duplicate' });
          }
          seen.add(d.code);
          const preparation = d.code.startsWith('C-');
          if (d.date > before.endsOn) {
            issues.push({ path: ['days', i, 'date'], message: 'day_after_competition' });
          } else if (!preparation && d.date < before.startsOn) {
            issues.push({ path: ['days', i, 'date'], message: 'day_before_competition' });
          }
        });
        if (issues.length > 0) {
          throw new AppError('INVALID_INPUT', 'Invalid competition days', { issues });
        }
        return {};
      },
      afterSet: async (trx) => {
        await trx
          .deleteFrom('competitionDays')
          .where('organizationId', '=', org)
          .where('competitionId', '=', id)
          .execute();
        if (input.days.length > 0) {
          await trx
            .insertInto('competitionDays')
            .values(
              input.days.map((d) => ({
                id: newId(),
                organizationId: org,
                competitionId: id,
                code: d.code,
                date: d.date,
                label: d.label,
              })),
            )
            .execute();
        }
      },
    },
    { snapshot: (c) => ({ days: c.days.map(({ id: _id, ...d }) => d) }) },
  );
}

// ── Workshops ──

export async function listWorkshops(ctx: ServiceContext, competitionId: string) {
  requirePermission(ctx, Permission.CompetitionRead);
  await loadVisibleCompetition(ctx, competitionId);
  const rows = await repo.listWorkshops(ctx.deps.db, ctx.actor.organizationId, competitionId);
  return { data: rows.map(presentWorkshop) };
}

async function checkWorkshopSkill(
  ctx: ServiceContext,
  trx: Executor,
  competitionId: string,
  skillId: string | null,
) {
  if (skillId === null) {
    return;
  }
  const skill = await loadSkill(ctx, skillId, trx).catch(() => null);
  if (!skill || skill.competitionId !== competitionId) {
    throw new AppError('INVALID_INPUT', 'Unknown skill', {
      issues: [{ path: ['skillId'], message: 'competition_unknown_skill' }],
    });
  }
}

async function loadWorkshop(ctx: ServiceContext, db: Executor, id: string) {
  const row = await repo.getWorkshop(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('workshop');
  }
  return presentWorkshop(row);
}

export async function createWorkshop(ctx: ServiceContext, competitionId: string, input: TWorkshopInput) {
  requirePermission(ctx, Permission.CompetitionManage);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await loadCompetition(ctx, competitionId, trx);
    await checkWorkshopSkill(ctx, trx, competitionId, input.skillId);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('competitionWorkshops')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        competitionId,
        ...repo.workshopColumns(input),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const created = await loadWorkshop(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_workshop',
      entityId: id,
      after: created,
    });
    return created;
  });
}

const workshopEntity: VersionedEntity<ReturnType<typeof presentWorkshop>> = {
  table: 'competitionWorkshops',
  entityType: 'competition_workshop',
  load: loadWorkshop,
  snapshot: (w) => w,
};

export async function updateWorkshop(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TWorkshopInput },
) {
  requirePermission(ctx, Permission.CompetitionManage);
  return versionedChange(ctx, workshopEntity, id, input.version, {
    set: async (trx, before) => {
      await checkWorkshopSkill(ctx, trx, before.competitionId, input.data.skillId);
      return repo.workshopColumns(input.data);
    },
  });
}

export async function deleteWorkshop(ctx: ServiceContext, id: string, version: number) {
  requirePermission(ctx, Permission.CompetitionManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadWorkshop(ctx, trx, id);
    await deleteVersioned(ctx, trx, 'competitionWorkshops', id, version, before.version);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'competition_workshop',
      entityId: id,
      before,
    });
  });
  return { ok: true as const };
}
