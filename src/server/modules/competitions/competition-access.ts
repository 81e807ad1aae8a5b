import { Permission } from '../../../contracts/roles.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { CompetitionExpertRow, CompetitionRow, CompetitionSkillRow } from './competitions.tables.js';

// Shared by the competition modules (set-up, marking schemes, marking, results): loading a
// competition or skill inside the actor's college, and who the actor is for a skill. Competition
// roles are per skill (CIS positions): an `expert` membership marks only the skills where the user
// has an expert record, and only a skill's own chief expert supervises it.

export async function loadCompetition(
  ctx: ServiceContext,
  competitionId: string,
  db: Executor = ctx.deps.db,
): Promise<CompetitionRow> {
  const row = await db
    .selectFrom('competitions')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('id', '=', competitionId)
    .executeTakeFirst();
  if (!row) {
    throw notFound('competition');
  }
  return row;
}

export async function loadSkill(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<CompetitionSkillRow> {
  const row = await db
    .selectFrom('competitionSkills')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('id', '=', skillId)
    .executeTakeFirst();
  if (!row) {
    throw notFound('skill');
  }
  return row;
}

/** The actor's own (not withdrawn) expert record on a skill, if any. */
export async function expertOfActor(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<CompetitionExpertRow | null> {
  const row = await db
    .selectFrom('competitionExperts')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('skillId', '=', skillId)
    .where('userId', '=', ctx.actor.userId)
    .where('status', '!=', 'withdrawn')
    .executeTakeFirst();
  return row ?? null;
}

/** Admins, and the skill's own chief or deputy chief expert. */
export async function isSkillSupervisor(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<boolean> {
  if (ctx.actor.role === 'admin') {
    return true;
  }
  if (!ctx.actor.permissions.has(Permission.MarkingSupervise)) {
    return false;
  }
  const expert = await expertOfActor(ctx, skillId, db);
  return expert !== null && (expert.role === 'chief_expert' || expert.role === 'deputy_chief_expert');
}

/**
 * For lock/unlock, team assignment, dispute decisions and sign-off: the permission, then the
 * skill (404 outside the college), then the per-skill position.
 * @throws AppError FORBIDDEN | NOT_FOUND
 */
export async function requireSkillSupervisor(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<CompetitionSkillRow> {
  requirePermission(ctx, Permission.MarkingSupervise);
  const skill = await loadSkill(ctx, skillId, db);
  if (!(await isSkillSupervisor(ctx, skillId, db))) {
    throw new AppError('FORBIDDEN', 'Only the chief expert of this skill may do this');
  }
  return skill;
}
