import { Permission } from '../../../contracts/roles.js';
import {
  type CompetitionRuleSettings,
  DEFAULT_RULE_SETTINGS,
} from '../../../domain/competitions/settings.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { AppError, notFound } from '../../platform/errors.js';
import {
  expertOfActor,
  isSkillSupervisor,
  loadCompetition,
  loadSkill,
} from '../competitions/competition-access.js';
import type { CompetitionSkillRow, MarkingSchemeRow } from '../competitions/competitions.tables.js';
import { findScheme } from '../competitions/schemes.repository.js';

// Who sees and edits a skill's marking schemes:
// - drafts: holders of MarkingSchemeManage who are college-wide (admin, coordinator) or the skill's
//   own chief/deputy chief expert; they also see every version;
// - locked and superseded versions: besides them, the experts of the skill and the college-wide
//   read-only roles (observer, trainer, project manager);
// - partner users (member registrars) see nothing of schemes: 404, as if absent;
// - lock, unlock and team assignment: the skill supervisor (requireSkillSupervisor).

const COLLEGE_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'coordinator']);
/** Roles that are per skill (CIS positions): they see a skill only through an expert record on it. */
const PER_SKILL_ROLES: ReadonlySet<string> = new Set(['chief_expert', 'expert']);

export interface SchemeAccess {
  skill: CompetitionSkillRow;
  /** May see and edit drafts (create, replace, import, delete). */
  edit: boolean;
  /** Skill supervisor: lock, unlock, assign teams. */
  supervise: boolean;
}

async function accessFor(
  ctx: ServiceContext,
  skill: CompetitionSkillRow,
  db: Executor,
): Promise<SchemeAccess> {
  const supervise = await isSkillSupervisor(ctx, skill.id, db);
  const edit =
    can(ctx, Permission.MarkingSchemeManage) && (COLLEGE_WIDE_ROLES.has(ctx.actor.role) || supervise);
  return { skill, edit, supervise };
}

/**
 * Read access to a skill's schemes. Partners, and per-skill roles without an expert record on the
 * skill, get 404.
 * @throws AppError FORBIDDEN | NOT_FOUND
 */
export async function requireSchemeReader(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<SchemeAccess> {
  requirePermission(ctx, Permission.CompetitionRead);
  if (ctx.actor.role === 'partner') {
    throw notFound('skill');
  }
  const skill = await loadSkill(ctx, skillId, db);
  const access = await accessFor(ctx, skill, db);
  if (!access.edit && PER_SKILL_ROLES.has(ctx.actor.role) && !(await expertOfActor(ctx, skillId, db))) {
    throw notFound('skill');
  }
  return access;
}

/**
 * Draft editing: MarkingSchemeManage, then the skill (404 outside the college), then the position
 * (a chief expert edits only the schemes of a skill they supervise).
 * @throws AppError FORBIDDEN | NOT_FOUND
 */
export async function requireSchemeEditor(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<SchemeAccess> {
  requirePermission(ctx, Permission.MarkingSchemeManage);
  if (ctx.actor.role === 'partner') {
    throw notFound('skill');
  }
  const skill = await loadSkill(ctx, skillId, db);
  const access = await accessFor(ctx, skill, db);
  if (!access.edit) {
    throw new AppError(
      'FORBIDDEN',
      'Only a coordinator or the chief expert of this skill may edit its scheme',
    );
  }
  return access;
}

/** The competition's rule settings over the documented defaults. */
export async function ruleSettings(
  ctx: ServiceContext,
  skill: CompetitionSkillRow,
  db: Executor = ctx.deps.db,
): Promise<CompetitionRuleSettings> {
  const competition = await loadCompetition(ctx, skill.competitionId, db);
  return {
    ...DEFAULT_RULE_SETTINGS,
    ...parseJson<Partial<CompetitionRuleSettings>>(competition.settingsJson, {}),
  };
}

/**
 * One version of the skill's scheme; a draft only for those who may see drafts, else 404 as if
 * absent. Shared by the scheme and the team services so both hide drafts the same way.
 * @throws AppError NOT_FOUND
 */
export async function loadSchemeVersion(
  ctx: ServiceContext,
  db: Executor,
  skillId: string,
  schemeId: string,
  drafts: boolean,
): Promise<MarkingSchemeRow> {
  const row = await findScheme(db, ctx.actor.organizationId, schemeId, skillId);
  if (!row || (row.status === 'draft' && !drafts)) {
    throw notFound('marking scheme');
  }
  return row;
}
