import type { TFormDetail, TFormMatrix } from '../../../contracts/marking.js';
import { Permission } from '../../../contracts/roles.js';
import { computeFormTotal } from '../../../domain/competitions/form-total.js';
import { can } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { findLockedScheme, parseScheme } from '../competitions/schemes.repository.js';
import {
  entryBlocker,
  type FormContext,
  judgeIsCompatriot,
  judgesTypableBy,
  loadFormContext,
  mayEnterMeasurements,
  mayWorkOnForm,
  requireSkillMarker,
} from './marking.access.js';
import {
  parseObservation,
  personOf,
  presentEntry,
  presentFormSummary,
  presentOutcome,
  presentSkill,
  presentSubCriterion,
} from './marking.presenter.js';
import * as repo from './marking.repository.js';

/**
 * The form matrix of a skill: every form of its locked scheme (sub-criterion × entrant) with state,
 * who entered/checked/signed/locked, completeness and the total the domain computes. Forms missing
 * for entrants added after the scheme was locked are created here first.
 * @throws FORBIDDEN | NOT_FOUND
 */
export async function formMatrix(ctx: ServiceContext, skillId: string): Promise<TFormMatrix> {
  const org = ctx.actor.organizationId;
  const db = ctx.deps.db;
  const actor = await requireSkillMarker(ctx, skillId);
  const entries = await repo.skillEntries(db, org, skillId);
  const abilities = { supervise: actor.supervisor, raiseDispute: can(ctx, Permission.DisputeRaise) };
  const schemeRow = await findLockedScheme(db, org, skillId);
  if (!schemeRow) {
    return {
      skill: presentSkill(actor.skill),
      scheme: null,
      subCriteria: [],
      entries: entries.map(presentEntry),
      forms: [],
      abilities,
    };
  }
  await repo.ensureForms(db, org, skillId, schemeRow, entries, ctx.deps.clock.now().toISOString());
  const scheme = parseScheme(schemeRow);
  const [forms, marks, rules] = await Promise.all([
    repo.schemeForms(db, org, schemeRow.id),
    repo.marksOf(db, org, { schemeId: schemeRow.id }),
    repo.markingRules(db, actor.skill),
  ]);
  const byForm = <T extends { formId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.formId) ?? [];
      list.push(r);
      map.set(r.formId, list);
    }
    return map;
  };
  const measurements = byForm(marks.measurements);
  const scores = byForm(marks.scores);
  const people = await repo.peopleByIds(
    db,
    forms.flatMap((f) => [f.enteredBy, f.checkedBy, f.signedBy, f.lockedBy]),
  );
  const entryIds = new Set(entries.map((e) => e.id));
  return {
    skill: presentSkill(actor.skill),
    scheme: { id: schemeRow.id, versionNo: schemeRow.versionNo },
    subCriteria: scheme.subCriteria.map((s) => presentSubCriterion(scheme, s)),
    entries: entries.map(presentEntry),
    forms: forms
      .filter((f) => entryIds.has(f.entryId))
      .map((f) => {
        const total = computeFormTotal(
          scheme,
          f.subCriterionKey,
          repo.entrantMarks(measurements.get(f.id) ?? [], scores.get(f.id) ?? []),
          rules,
        );
        return presentFormSummary(f, total, people);
      }),
    abilities,
  };
}

/** The bench view of one form: aspects with what was entered and the computed marks. */
export async function formDetail(ctx: ServiceContext, formId: string): Promise<TFormDetail> {
  const c = await loadFormContext(ctx, ctx.deps.db, formId);
  return presentDetail(ctx, ctx.deps.db, c);
}

export async function presentDetail(ctx: ServiceContext, db: Executor, c: FormContext): Promise<TFormDetail> {
  const org = ctx.actor.organizationId;
  const marks = await repo.marksOf(db, org, { formId: c.form.id });
  const total = computeFormTotal(
    c.scheme,
    c.form.subCriterionKey,
    repo.entrantMarks(marks.measurements, marks.scores),
    c.rules,
  );
  const people = await repo.peopleByIds(db, [
    c.form.enteredBy,
    c.form.checkedBy,
    c.form.signedBy,
    c.form.lockedBy,
    ...marks.measurements.map((m) => m.enteredBy),
    ...marks.scores.map((s) => s.enteredBy),
  ]);
  const aspects = c.scheme.aspects.filter((a) => a.subCriterionKey === c.form.subCriterionKey);
  const outcomes = new Map(total.aspects.map((o) => [o.aspectKey, o]));
  const siblings = await db
    .selectFrom('markingForms as f')
    .innerJoin('competitionEntries as e', 'e.id', 'f.entryId')
    .innerJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .select(['f.id'])
    .where('f.organizationId', '=', org)
    .where('f.schemeId', '=', c.form.schemeId)
    .where('f.subCriterionKey', '=', c.form.subCriterionKey)
    .where('e.status', '!=', 'withdrawn')
    .orderBy('e.bench')
    .orderBy('m.code')
    .orderBy('e.displayName')
    .orderBy('e.id')
    .execute();
  const index = siblings.findIndex((s) => s.id === c.form.id);
  const blocker = entryBlocker(c);
  const open = blocker === null;
  const judges = c.team.filter((t) => t.teamRole === 'judge');
  const state = c.form.state;
  const suspended = c.skill.markingSuspended === 1;
  return {
    form: presentFormSummary(c.form, total, people),
    skill: presentSkill(c.skill),
    scheme: { id: c.schemeRow.id, versionNo: c.schemeRow.versionNo, status: c.schemeRow.status },
    subCriterion: presentSubCriterion(c.scheme, c.subCriterion),
    entry: presentEntry(c.entry),
    aspects: aspects.map((aspect) => {
      const m = marks.measurements.find((r) => r.aspectKey === aspect.key);
      const outcome = outcomes.get(aspect.key);
      return {
        aspect,
        observation: m
          ? {
              observation: parseObservation(m.observationJson) as never,
              comment: m.comment,
              version: m.version,
              enteredBy: personOf(people, m.enteredBy) ?? { id: m.enteredBy, name: '' },
              enteredAt: m.enteredAt,
            }
          : null,
        judgeScores: marks.scores
          .filter((s) => s.aspectKey === aspect.key)
          .map((s) => ({
            judgeExpertId: s.judgeExpertId,
            score: s.score,
            version: s.version,
            enteredBy: personOf(people, s.enteredBy) ?? { id: s.enteredBy, name: '' },
            enteredAt: s.enteredAt,
          })),
        outcome: outcome
          ? presentOutcome(outcome)
          : {
              status: 'not_entered' as const,
              mark: null,
              markExact: null,
              maxMark: aspect.maxMark,
              spread: null,
              code: null,
            },
      };
    }),
    judges: [...new Map(judges.map((j) => [j.expertId, j])).values()].map((j) => ({
      expertId: j.expertId,
      name: `${j.firstName} ${j.lastName}`.trim(),
      memberCode: j.memberCode,
      compatriot: judgeIsCompatriot(c, j),
    })),
    rules: c.rules,
    navigation: {
      previousFormId: index > 0 ? (siblings[index - 1]?.id ?? null) : null,
      nextFormId: index >= 0 && index < siblings.length - 1 ? (siblings[index + 1]?.id ?? null) : null,
      position: index + 1,
      count: siblings.length,
    },
    abilities: {
      enterMeasurements: open && mayEnterMeasurements(c),
      enterJudgeScoresFor: open
        ? judgesTypableBy(c).filter((id) => {
            const judge = judges.find((j) => j.expertId === id);
            return judge !== undefined && !judgeIsCompatriot(c, judge);
          })
        : [],
      check: state === 'entered' && !suspended && mayWorkOnForm(c),
      sign: state === 'checked' && !suspended && mayWorkOnForm(c),
      lock: state === 'signed' && c.supervisor,
      unlock: state === 'locked' && c.supervisor && c.skill.resultsState !== 'published',
      returnToEntered: (state === 'checked' || state === 'signed') && mayWorkOnForm(c),
      raiseDispute: can(ctx, Permission.DisputeRaise),
    },
    entryBlockedBy: blocker,
  };
}
