import type {
  TReasonRequest,
  TSignOffRequest,
  TSkillResults,
} from '../../../contracts/competition-results.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  isSkillSupervisor,
  loadCompetition,
  loadSkill,
  requireSkillSupervisor,
} from '../competitions/competition-access.js';
import type { CompetitionSkillRow } from '../competitions/competitions.tables.js';
import { loadVisibleSkill } from './results.access.js';
import {
  computeLiveSkill,
  localizedNames,
  presentRows,
  signOffBlockers,
  snapshotToBare,
} from './results.calculate.js';
import * as repo from './results.repository.js';

// A skill's results: live preview (embargoed), sign-off (the snapshot), withdrawal of the sign-off,
// publication (admin) and its withdrawal. Every state change is compare-and-set on the skill's
// version and audited in the same transaction (entity type 'competition_results', id = skill id).

export const RESULTS_ENTITY = 'competition_results';

async function userNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

async function buildSkillResults(
  ctx: ServiceContext,
  db: Executor,
  skill: CompetitionSkillRow,
): Promise<TSkillResults> {
  const orgId = ctx.actor.organizationId;
  const competition = await loadCompetition(ctx, skill.competitionId, db);
  const live = await computeLiveSkill(db, orgId, competition, skill);
  const openDisputes = await repo.countOpenDisputes(db, orgId, skill.id);
  const blockers = signOffBlockers(skill, live, openDisputes);
  const supervisor = await isSkillSupervisor(ctx, skill.id, db);
  const snapshot = skill.resultsState === 'open' ? null : await repo.snapshotRows(db, orgId, [skill.id]);
  const rows = snapshot
    ? await presentRows(db, orgId, live.entries, snapshot.map(snapshotToBare))
    : live.rows;
  const names = await userNames(db, [skill.resultsSignedOffBy, skill.resultsPublishedBy]);
  const publisher = can(ctx, Permission.ResultsPublish);
  return {
    skill: {
      id: skill.id,
      competitionId: skill.competitionId,
      number: skill.number,
      names: localizedNames(skill.namesJson),
      skillType: skill.skillType,
      teamBased: skill.teamBased === 1,
      resultsState: skill.resultsState,
      version: skill.version,
      signedOffAt: skill.resultsSignedOffAt,
      publishedAt: skill.resultsPublishedAt,
    },
    competition: { id: competition.id, names: localizedNames(competition.namesJson), slug: competition.slug },
    source: snapshot ? 'snapshot' : 'live',
    completeness: { formsLocked: live.formsLocked, formsTotal: live.formsTotal },
    openDisputes,
    signOff: { possible: blockers.length === 0, blockers },
    scale: live.results ? live.results.scale : null,
    medalsAwarded: live.results?.medalsAwarded ?? false,
    rows,
    signedOffBy: skill.resultsSignedOffBy ? (names.get(skill.resultsSignedOffBy) ?? null) : null,
    publishedBy: skill.resultsPublishedBy ? (names.get(skill.resultsPublishedBy) ?? null) : null,
    abilities: {
      signOff: supervisor && can(ctx, Permission.MarkingSupervise) && blockers.length === 0,
      withdrawSignOff:
        supervisor && can(ctx, Permission.MarkingSupervise) && skill.resultsState === 'signed_off',
      publish: publisher && skill.resultsState === 'signed_off',
      unpublish: publisher && skill.resultsState === 'published',
      judgeAnalysis: supervisor && can(ctx, Permission.MarkingSupervise),
    },
  };
}

/**
 * The results of a skill: the live computation while open, the signed-off snapshot afterwards.
 * @throws AppError NOT_FOUND (absent, other college, or embargoed for this actor)
 */
export async function getSkillResults(ctx: ServiceContext, skillId: string): Promise<TSkillResults> {
  const { skill } = await loadVisibleSkill(ctx, skillId);
  return buildSkillResults(ctx, ctx.deps.db, skill);
}

function checkVersion(skill: CompetitionSkillRow, version: number): void {
  if (skill.version !== version) {
    throw versionConflict(skill.version);
  }
}

function wrongState(skill: CompetitionSkillRow, expected: string): AppError {
  return new AppError('INVALID_STATE', `The skill's results are ${skill.resultsState}, not ${expected}`, {
    resultsState: skill.resultsState,
    expected,
  });
}

function auditState(skill: CompetitionSkillRow) {
  return {
    resultsState: skill.resultsState,
    signedOffAt: skill.resultsSignedOffAt,
    signedOffBy: skill.resultsSignedOffBy,
    publishedAt: skill.resultsPublishedAt,
    publishedBy: skill.resultsPublishedBy,
  };
}

/**
 * The chief expert signs off: every form locked, no open dispute, marks complete. Writes the
 * snapshot (exact and 2-dp raw total, unrounded scale, points, position, medal) of the ranked entrants.
 * @throws AppError FORBIDDEN | NOT_FOUND | VERSION_CONFLICT | INVALID_STATE (details.blockers)
 */
export async function signOff(
  ctx: ServiceContext,
  skillId: string,
  input: TSignOffRequest,
): Promise<TSkillResults> {
  await requireSkillSupervisor(ctx, skillId);
  const orgId = ctx.actor.organizationId;
  const skill = await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSkill(ctx, skillId, trx);
    checkVersion(before, input.version);
    if (before.resultsState !== 'open') {
      throw wrongState(before, 'open');
    }
    const competition = await loadCompetition(ctx, before.competitionId, trx);
    const live = await computeLiveSkill(trx, orgId, competition, before);
    const blockers = signOffBlockers(before, live, await repo.countOpenDisputes(trx, orgId, skillId));
    if (blockers.length > 0 || !live.results) {
      throw new AppError('INVALID_STATE', `Results cannot be signed off yet: ${blockers.join(', ')}`, {
        blockers,
      });
    }
    const now = ctx.deps.clock.now().toISOString();
    await repo.deleteSnapshot(trx, orgId, skillId);
    const ranked = live.rows.filter((r) => !r.excluded && r.points !== null && r.position !== null);
    for (const row of ranked) {
      await trx
        .insertInto('competitionResults')
        .values({
          id: newId(),
          organizationId: orgId,
          competitionId: before.competitionId,
          skillId,
          entryId: row.entryId,
          memberId: row.member.id,
          rawTotalExact: row.rawTotalExact,
          rawTotal: row.rawTotal,
          scaleUnrounded: row.scaleUnrounded ?? '',
          points: row.points ?? 0,
          position: row.position ?? 0,
          medal: row.medal,
          calculatedAt: now,
        })
        .execute();
    }
    await updateVersioned(ctx, trx, 'competitionSkills', skillId, input.version, {
      resultsState: 'signed_off',
      resultsSignedOffAt: now,
      resultsSignedOffBy: ctx.actor.userId,
    });
    const after = await loadSkill(ctx, skillId, trx);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: RESULTS_ENTITY,
      entityId: skillId,
      before: auditState(before),
      after: {
        ...auditState(after),
        scale: live.results.scale,
        results: ranked.map((r) => ({
          entryId: r.entryId,
          rawTotal: r.rawTotalExact,
          points: r.points,
          position: r.position,
          medal: r.medal,
        })),
      },
    });
    return after;
  });
  return buildSkillResults(ctx, ctx.deps.db, skill);
}

async function changeState(
  ctx: ServiceContext,
  skillId: string,
  version: number,
  from: CompetitionSkillRow['resultsState'],
  set: Record<string, unknown>,
  reason: string | null,
  alsoInTransaction?: (trx: Executor) => Promise<void>,
): Promise<TSkillResults> {
  const skill = await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadSkill(ctx, skillId, trx);
    checkVersion(before, version);
    if (before.resultsState !== from) {
      throw wrongState(before, from);
    }
    await alsoInTransaction?.(trx);
    await updateVersioned(ctx, trx, 'competitionSkills', skillId, version, set);
    const after = await loadSkill(ctx, skillId, trx);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: RESULTS_ENTITY,
      entityId: skillId,
      before: auditState(before),
      after: auditState(after),
      reason,
    });
    return after;
  });
  return buildSkillResults(ctx, ctx.deps.db, skill);
}

/** The chief expert reopens signed-off (unpublished) results: the snapshot is deleted. Reason required. */
export async function withdrawSignOff(ctx: ServiceContext, skillId: string, input: TReasonRequest) {
  await requireSkillSupervisor(ctx, skillId);
  return changeState(
    ctx,
    skillId,
    input.version,
    'signed_off',
    { resultsState: 'open', resultsSignedOffAt: null, resultsSignedOffBy: null },
    input.reason,
    (trx) => repo.deleteSnapshot(trx, ctx.actor.organizationId, skillId),
  );
}

/** An admin lifts the embargo of signed-off results. */
export async function publish(ctx: ServiceContext, skillId: string, input: TSignOffRequest) {
  requirePermission(ctx, Permission.ResultsPublish);
  await loadSkill(ctx, skillId);
  return changeState(
    ctx,
    skillId,
    input.version,
    'signed_off',
    {
      resultsState: 'published',
      resultsPublishedAt: ctx.deps.clock.now().toISOString(),
      resultsPublishedBy: ctx.actor.userId,
    },
    null,
  );
}

/** An admin takes published results back under embargo (they stay signed off). Reason required. */
export async function unpublish(ctx: ServiceContext, skillId: string, input: TReasonRequest) {
  requirePermission(ctx, Permission.ResultsPublish);
  await loadSkill(ctx, skillId);
  return changeState(
    ctx,
    skillId,
    input.version,
    'published',
    { resultsState: 'signed_off', resultsPublishedAt: null, resultsPublishedBy: null },
    input.reason,
  );
}

/** The presented results of a skill the caller has already checked the actor may see. */
export function skillResultsFor(ctx: ServiceContext, skill: CompetitionSkillRow): Promise<TSkillResults> {
  return buildSkillResults(ctx, ctx.deps.db, skill);
}
