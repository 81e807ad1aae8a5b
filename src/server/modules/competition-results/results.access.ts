import { Permission } from '../../../contracts/roles.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { notFound } from '../../platform/errors.js';
import { isSkillSupervisor, loadSkill } from '../competitions/competition-access.js';
import type { CompetitionSkillRow } from '../competitions/competitions.tables.js';

// The embargo (worldskills.md §6.8): before publication a skill's results (live preview or signed-off
// snapshot) are seen only by an admin or by that skill's own chief / deputy chief expert holding
// ResultsViewEmbargoed. Everyone else gets 404, the same answer as for a skill that does not exist,
// so an unpublished skill's results cannot even be probed.

export async function canViewEmbargoed(ctx: ServiceContext, skillId: string, db: Executor = ctx.deps.db) {
  if (ctx.actor.role === 'admin') {
    return true;
  }
  return (
    ctx.actor.permissions.has(Permission.ResultsViewEmbargoed) && (await isSkillSupervisor(ctx, skillId, db))
  );
}

/**
 * The skill whose results the actor may read: published, or embargoed and the actor may see it.
 * @throws AppError FORBIDDEN (no CompetitionRead) | NOT_FOUND (absent, other college, or embargoed)
 */
export async function loadVisibleSkill(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<{ skill: CompetitionSkillRow; embargoAccess: boolean }> {
  requirePermission(ctx, Permission.CompetitionRead);
  const skill = await loadSkill(ctx, skillId, db);
  const embargoAccess = await canViewEmbargoed(ctx, skillId, db);
  if (skill.resultsState !== 'published' && !embargoAccess) {
    throw notFound('results');
  }
  return { skill, embargoAccess };
}
