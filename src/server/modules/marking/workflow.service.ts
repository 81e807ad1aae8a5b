import type { FormState } from '../../../contracts/competitions.js';
import type { TFormDetail } from '../../../contracts/marking.js';
import { Permission } from '../../../contracts/roles.js';
import { computeFormTotal } from '../../../domain/competitions/form-total.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, versionConflict } from '../../platform/errors.js';
import { requireSkillSupervisor } from '../competitions/competition-access.js';
import { findLockedScheme, parseScheme } from '../competitions/schemes.repository.js';
import { presentDetail } from './forms.service.js';
import { type FormContext, loadFormContext, mayWorkOnForm, problem } from './marking.access.js';
import { formSnapshot } from './marking.presenter.js';
import * as repo from './marking.repository.js';

/**
 * The workflow of one marking form (worldskills.md §6.8, §9.7 item 2):
 * not_started → entered → checked (a second person: no one who entered its marks; every aspect
 * marked; no judgement spread over the limit) → signed (the sub-criterion's team or the supervisor)
 * → locked (the skill's chief/deputy chief expert). Unlock (supervisor, reason) and return for
 * correction (team, reason) go back to entered and clear the later stamps. Each step is a
 * compare-and-set on the form's version and one audit entry with before and after.
 */

type Step = (c: FormContext, trx: Executor) => Promise<Record<string, unknown>>;

async function transition(
  ctx: ServiceContext,
  formId: string,
  version: number,
  step: Step,
  reason: string | null = null,
): Promise<TFormDetail> {
  return ctx.deps.db.transaction().execute(async (trx) => {
    const c = await loadFormContext(ctx, trx, formId);
    if (c.form.version !== version) {
      throw versionConflict(c.form.version);
    }
    const set = await step(c, trx);
    await updateVersioned(ctx, trx, 'markingForms', formId, version, set);
    const after = await loadFormContext(ctx, trx, formId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'marking_form',
      entityId: formId,
      before: formSnapshot(c.form),
      after: formSnapshot(after.form),
      reason,
    });
    return presentDetail(ctx, trx, after);
  });
}

function requireState(c: FormContext, ...states: FormState[]): void {
  if (!states.includes(c.form.state)) {
    throw problem('INVALID_STATE', 'form_state', `The form is ${c.form.state}`, {
      state: c.form.state,
      expected: states,
    });
  }
}

function requireNotSuspended(c: FormContext): void {
  if (c.skill.markingSuspended === 1) {
    throw problem('INVALID_STATE', 'marking_suspended', 'Marking of this skill is suspended');
  }
}

function requireTeam(c: FormContext): void {
  if (c.compatriot) {
    throw problem(
      'FORBIDDEN',
      'compatriot_marking',
      'Experts do not mark an entrant of their own member in this skill',
      {
        entryId: c.entry.id,
      },
    );
  }
  if (!mayWorkOnForm(c)) {
    throw problem('FORBIDDEN', 'not_on_team', 'You are not on the marking team of this sub-criterion', {
      subCriterionKey: c.form.subCriterionKey,
    });
  }
}

function requireSupervisor(c: FormContext): void {
  if (!c.supervisor) {
    throw new AppError('FORBIDDEN', 'Only the chief expert of this skill may do this');
  }
}

/**
 * entered → checked, by a second person.
 * @throws FORBIDDEN (checker_must_differ, not_on_team, compatriot_marking) | INVALID_STATE
 *   (form_state, judge_spread_exceeded with `aspects`, invalid_marks, form_incomplete with `aspects`) |
 *   VERSION_CONFLICT | NOT_FOUND
 */
export async function checkForm(ctx: ServiceContext, formId: string, version: number): Promise<TFormDetail> {
  requirePermission(ctx, Permission.MarkEnter);
  return transition(ctx, formId, version, async (c, trx) => {
    requireState(c, 'entered');
    requireNotSuspended(c);
    requireTeam(c);
    const marks = await repo.marksOf(trx, ctx.actor.organizationId, { formId });
    const enterers = new Set([
      c.form.enteredBy,
      ...marks.measurements.map((m) => m.enteredBy),
      ...marks.scores.map((s) => s.enteredBy),
    ]);
    if (enterers.has(ctx.actor.userId)) {
      throw problem(
        'FORBIDDEN',
        'checker_must_differ',
        'A form is checked by someone who did not enter its marks',
      );
    }
    const total = computeFormTotal(
      c.scheme,
      c.form.subCriterionKey,
      repo.entrantMarks(marks.measurements, marks.scores),
      c.rules,
    );
    if (total.blockingJudgementAspects.length > 0) {
      throw problem(
        'INVALID_STATE',
        'judge_spread_exceeded',
        'Judges must re-score: their scores are too far apart',
        {
          aspects: total.blockingJudgementAspects,
          maxSpread: c.rules.maxJudgeSpread,
        },
      );
    }
    if (total.invalidAspects.length > 0) {
      throw problem('INVALID_STATE', 'invalid_marks', 'Some marks do not fit their aspect', {
        aspects: total.invalidAspects,
      });
    }
    if (!total.complete) {
      throw problem('INVALID_STATE', 'form_incomplete', 'Every aspect needs its mark first', {
        aspects: total.aspects.filter((a) => a.status !== 'marked').map((a) => a.aspectKey),
      });
    }
    return { state: 'checked', checkedBy: ctx.actor.userId, checkedAt: ctx.deps.clock.now().toISOString() };
  });
}

/** checked → signed by the sub-criterion's team or the supervisor. */
export async function signForm(ctx: ServiceContext, formId: string, version: number): Promise<TFormDetail> {
  requirePermission(ctx, Permission.MarkEnter);
  return transition(ctx, formId, version, async (c) => {
    requireState(c, 'checked');
    requireNotSuspended(c);
    requireTeam(c);
    return { state: 'signed', signedBy: ctx.actor.userId, signedAt: ctx.deps.clock.now().toISOString() };
  });
}

/** signed → locked by the skill's chief (or deputy chief) expert. */
export async function lockForm(ctx: ServiceContext, formId: string, version: number): Promise<TFormDetail> {
  requirePermission(ctx, Permission.MarkingSupervise);
  return transition(ctx, formId, version, async (c) => {
    requireSupervisor(c);
    requireState(c, 'signed');
    return { state: 'locked', lockedBy: ctx.actor.userId, lockedAt: ctx.deps.clock.now().toISOString() };
  });
}

const REOPENED = {
  state: 'entered',
  checkedBy: null,
  checkedAt: null,
  signedBy: null,
  signedAt: null,
  lockedBy: null,
  lockedAt: null,
} as const;

/**
 * locked → entered (supervisor, with a reason; re-check required). When the skill's results were
 * signed off they are reopened: results_state back to open and the competition_results snapshot
 * deleted (results engine). Published results are never reopened this way (results_published).
 */
export async function unlockForm(
  ctx: ServiceContext,
  formId: string,
  version: number,
  reason: string,
): Promise<TFormDetail> {
  requirePermission(ctx, Permission.MarkingSupervise);
  return transition(
    ctx,
    formId,
    version,
    async (c, trx) => {
      requireSupervisor(c);
      requireState(c, 'locked');
      if (c.skill.resultsState === 'published') {
        throw problem('INVALID_STATE', 'results_published', 'The results of this skill are published');
      }
      if (c.skill.resultsState === 'signed_off') {
        await reopenResults(ctx, trx, c, reason);
      }
      return { ...REOPENED };
    },
    reason,
  );
}

async function reopenResults(
  ctx: ServiceContext,
  trx: Executor,
  c: FormContext,
  reason: string,
): Promise<void> {
  const org = ctx.actor.organizationId;
  const now = ctx.deps.clock.now().toISOString();
  const r = await trx
    .updateTable('competitionSkills')
    .set((eb) => ({
      resultsState: 'open',
      resultsSignedOffAt: null,
      resultsSignedOffBy: null,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
      version: eb('version', '+', 1),
    }))
    .where('organizationId', '=', org)
    .where('id', '=', c.skill.id)
    .where('resultsState', '=', 'signed_off')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw problem('INVALID_STATE', 'results_published', 'The results of this skill changed meanwhile');
  }
  const removed = await trx
    .deleteFrom('competitionResults')
    .where('organizationId', '=', org)
    .where('skillId', '=', c.skill.id)
    .executeTakeFirst();
  await recordAudit(trx, ctx, {
    action: 'update',
    // The results engine's own audit entity (its sign-off writes the same): the skill's results state.
    entityType: 'competition_results',
    entityId: c.skill.id,
    before: {
      resultsState: 'signed_off',
      resultsSignedOffAt: c.skill.resultsSignedOffAt,
      resultsSignedOffBy: c.skill.resultsSignedOffBy,
    },
    after: {
      resultsState: 'open',
      resultsRowsDeleted: Number(removed.numDeletedRows),
      unlockedFormId: c.form.id,
    },
    reason,
  });
}

/** checked or signed → entered, for a correction (the team or the supervisor, with a reason). */
export async function returnForm(
  ctx: ServiceContext,
  formId: string,
  version: number,
  reason: string,
): Promise<TFormDetail> {
  requirePermission(ctx, Permission.MarkEnter);
  return transition(
    ctx,
    formId,
    version,
    async (c) => {
      requireState(c, 'checked', 'signed');
      requireTeam(c);
      return { ...REOPENED };
    },
    reason,
  );
}

/** Locks every signed form of one sub-criterion of the skill's locked scheme (supervisor). */
export async function lockSubCriterion(
  ctx: ServiceContext,
  skillId: string,
  subCriterionKey: string,
): Promise<{ lockedFormIds: string[] }> {
  await requireSkillSupervisor(ctx, skillId);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const scheme = await findLockedScheme(trx, org, skillId);
    if (!scheme) {
      throw problem('INVALID_STATE', 'scheme_not_locked', 'The skill has no locked marking scheme');
    }
    if (!parseScheme(scheme).subCriteria.some((s) => s.key === subCriterionKey)) {
      throw new AppError('NOT_FOUND', 'Sub-criterion not found');
    }
    const forms = await trx
      .selectFrom('markingForms')
      .selectAll()
      .where('organizationId', '=', org)
      .where('schemeId', '=', scheme.id)
      .where('subCriterionKey', '=', subCriterionKey)
      .where('state', '=', 'signed')
      .execute();
    const now = ctx.deps.clock.now().toISOString();
    const locked: string[] = [];
    for (const form of forms) {
      await updateVersioned(ctx, trx, 'markingForms', form.id, form.version, {
        state: 'locked',
        lockedBy: ctx.actor.userId,
        lockedAt: now,
      });
      await recordAudit(trx, ctx, {
        action: 'update',
        entityType: 'marking_form',
        entityId: form.id,
        before: formSnapshot(form),
        after: formSnapshot({ ...form, state: 'locked', lockedBy: ctx.actor.userId }),
      });
      locked.push(form.id);
    }
    return { lockedFormIds: locked };
  });
}
