import type { MarkingProblem } from '../../../contracts/marking.js';
import { Permission } from '../../../contracts/roles.js';
import { mayMark } from '../../../domain/competitions/compatriot.js';
import type { MarkingRules } from '../../../domain/competitions/form-total.js';
import type { MarkingScheme, SubCriterion } from '../../../domain/competitions/marking-scheme.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { expertOfActor, isSkillSupervisor, loadSkill } from '../competitions/competition-access.js';
import type {
  CompetitionExpertRow,
  CompetitionSkillRow,
  MarkingFormRow,
  MarkingSchemeRow,
} from '../competitions/competitions.tables.js';
import { findScheme, parseScheme } from '../competitions/schemes.repository.js';
import * as repo from './marking.repository.js';

// Who the user is for a skill and for one marking form (worldskills.md §6.4, §9.7 item 6): an expert
// of the skill, a member of the sub-criterion's marking team (marker, judge or supervisor), the
// skill's chief/deputy chief expert (supervisor), and whether the entrant is a compatriot.

export function problem(
  code: 'FORBIDDEN' | 'INVALID_STATE' | 'INVALID_INPUT',
  reason: MarkingProblem,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { reason, ...details });
}

export interface SkillActor {
  skill: CompetitionSkillRow;
  expert: CompetitionExpertRow | null;
  supervisor: boolean;
}

/**
 * Marks are for the skill's own experts: MarkEnter, then the skill (404 outside the college), then an
 * expert record on the skill or the supervisor position.
 * @throws FORBIDDEN (not_skill_expert) | NOT_FOUND
 */
export async function requireSkillMarker(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<SkillActor> {
  requirePermission(ctx, Permission.MarkEnter);
  const skill = await loadSkill(ctx, skillId, db);
  const [expert, supervisor] = await Promise.all([
    expertOfActor(ctx, skillId, db),
    isSkillSupervisor(ctx, skillId, db),
  ]);
  if (!expert && !supervisor) {
    throw problem('FORBIDDEN', 'not_skill_expert', 'Only the experts of this skill see its marking forms');
  }
  return { skill, expert, supervisor };
}

export interface FormContext extends SkillActor {
  form: MarkingFormRow;
  schemeRow: MarkingSchemeRow;
  scheme: MarkingScheme;
  subCriterion: SubCriterion;
  entry: repo.EntryRow;
  rules: MarkingRules;
  team: repo.TeamMemberRow[];
  /** The user's roles in this sub-criterion's marking team. */
  teamRoles: Set<repo.TeamMemberRow['teamRole']>;
  /** The user is an expert of the entrant's member and the skill does not allow compatriot marking. */
  compatriot: boolean;
}

/** Loads a form with everything the rules need; 404 when absent or in another college. */
export async function loadFormContext(
  ctx: ServiceContext,
  db: Executor,
  formId: string,
): Promise<FormContext> {
  const org = ctx.actor.organizationId;
  const form = await repo.getForm(db, org, formId);
  if (!form) {
    throw notFound('Marking form');
  }
  const actor = await requireSkillMarker(ctx, form.skillId, db);
  const [schemeRow, entry] = await Promise.all([
    findScheme(db, org, form.schemeId),
    repo.getEntry(db, org, form.entryId),
  ]);
  if (!schemeRow || !entry) {
    throw notFound('Marking form');
  }
  const scheme = parseScheme(schemeRow);
  const subCriterion = scheme.subCriteria.find((s) => s.key === form.subCriterionKey);
  if (!subCriterion) {
    throw notFound('Sub-criterion');
  }
  const [rules, team] = await Promise.all([
    repo.markingRules(db, actor.skill),
    repo.teamOf(db, org, schemeRow.id, form.subCriterionKey),
  ]);
  const teamRoles = new Set(
    team.filter((t) => actor.expert && t.expertId === actor.expert.id).map((t) => t.teamRole),
  );
  const compatriot =
    actor.expert !== null &&
    !mayMark(
      { expertId: actor.expert.id, memberId: actor.expert.memberId },
      { entrantId: entry.id, memberId: entry.memberId },
      actor.skill.allowCompatriotMarking === 1,
    );
  return { ...actor, form, schemeRow, scheme, subCriterion, entry, rules, team, teamRoles, compatriot };
}

/** A judge of the team may not score a compatriot entrant unless the skill allows it. */
export function judgeIsCompatriot(c: FormContext, judge: repo.TeamMemberRow): boolean {
  return !mayMark(
    { expertId: judge.expertId, memberId: judge.memberId },
    { entrantId: c.entry.id, memberId: c.entry.memberId },
    c.skill.allowCompatriotMarking === 1,
  );
}

/** Why the user may not change marks on this form right now, or null. */
export function entryBlocker(c: FormContext): MarkingProblem | null {
  if (c.skill.markingSuspended === 1) {
    return 'marking_suspended';
  }
  if (c.schemeRow.status !== 'locked') {
    return 'scheme_not_locked';
  }
  if (c.entry.status === 'withdrawn') {
    return 'entry_withdrawn';
  }
  if (c.form.state !== 'not_started' && c.form.state !== 'entered') {
    return 'form_state';
  }
  if (c.compatriot) {
    return 'compatriot_marking';
  }
  if (c.teamRoles.size === 0 && !c.supervisor) {
    return 'not_on_team';
  }
  return null;
}

/**
 * The sub-criterion's marking team enters observations: markers, judges (an expert has one role per
 * team, and the teams module counts judges as markers of the measurement aspects, so a form of mixed
 * aspects whose team is all judges must still be markable) and the team's supervisor; so may the
 * skill's chief expert.
 */
export function mayEnterMeasurements(c: FormContext): boolean {
  return c.supervisor || c.teamRoles.size > 0;
}

/**
 * The judges whose scores the user may type: a judge their own; the team's supervisor (the expert who
 * coordinates the judges, §1.5) and the skill's chief expert any judge of the team.
 */
export function judgesTypableBy(c: FormContext): string[] {
  const judges = c.team.filter((t) => t.teamRole === 'judge').map((t) => t.expertId);
  if (c.supervisor || c.teamRoles.has('supervisor')) {
    return [...new Set(judges)];
  }
  return c.expert && c.teamRoles.has('judge') ? [c.expert.id] : [];
}

/** Checking and signing are done by the sub-criterion's team (or the supervisor), never for a compatriot. */
export function mayWorkOnForm(c: FormContext): boolean {
  return !c.compatriot && (c.teamRoles.size > 0 || c.supervisor);
}
