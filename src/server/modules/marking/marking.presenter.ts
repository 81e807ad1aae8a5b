import type { TFormSummary, TMarkingSubCriterion, TPersonRef } from '../../../contracts/marking.js';
import type { AspectOutcome, FormTotal } from '../../../domain/competitions/form-total.js';
import type {
  MarkingScheme,
  MeasurementObservation,
  SubCriterion,
} from '../../../domain/competitions/marking-scheme.js';
import { add, parseDecimal, toFixed, toStorageString, ZERO } from '../../../domain/competitions/rational.js';
import type { CompetitionSkillRow, MarkingFormRow } from '../competitions/competitions.tables.js';
import type { EntryRow } from './marking.repository.js';

// Shapes rows and the domain's results for the wire. Marks are decimal strings: rounded to 2
// decimals for display, and the exact value ("7/9" when it does not terminate).

export function personOf(people: Map<string, TPersonRef>, id: string | null): TPersonRef | null {
  if (!id) {
    return null;
  }
  return people.get(id) ?? { id, name: '' };
}

export function presentSkill(skill: CompetitionSkillRow) {
  return {
    id: skill.id,
    competitionId: skill.competitionId,
    number: skill.number,
    names: JSON.parse(skill.namesJson) as Record<string, string>,
    numJudges: skill.numJudges,
    maxJudgeSpread: skill.maxJudgeSpread,
    allowCompatriotMarking: skill.allowCompatriotMarking === 1,
    markingSuspended: skill.markingSuspended === 1,
    resultsState: skill.resultsState,
  };
}

export function presentEntry(e: EntryRow) {
  return {
    id: e.id,
    displayName: e.displayName,
    bench: e.bench,
    memberId: e.memberId,
    memberCode: e.memberCode,
    status: e.status,
  };
}

export function presentSubCriterion(scheme: MarkingScheme, s: SubCriterion): TMarkingSubCriterion {
  const aspects = scheme.aspects.filter((a) => a.subCriterionKey === s.key);
  const max = aspects.reduce((acc, a) => add(acc, parseDecimal(a.maxMark) ?? ZERO), ZERO);
  return {
    key: s.key,
    criterionKey: s.criterionKey,
    name: s.name,
    dayOfMarking: s.dayOfMarking,
    aspectCount: aspects.length,
    maxTotal: toStorageString(max),
    hasJudgement: aspects.some((a) => a.type === 'J'),
  };
}

export function presentFormSummary(
  form: MarkingFormRow,
  total: FormTotal,
  people: Map<string, TPersonRef>,
): TFormSummary {
  return {
    id: form.id,
    subCriterionKey: form.subCriterionKey,
    entryId: form.entryId,
    state: form.state,
    version: form.version,
    enteredBy: personOf(people, form.enteredBy),
    enteredAt: form.enteredAt,
    checkedBy: personOf(people, form.checkedBy),
    checkedAt: form.checkedAt,
    signedBy: personOf(people, form.signedBy),
    signedAt: form.signedAt,
    lockedBy: personOf(people, form.lockedBy),
    lockedAt: form.lockedAt,
    complete: total.complete,
    markedCount: total.markedCount,
    aspectCount: total.aspectCount,
    total: toFixed(total.total, 2),
    totalExact: toStorageString(total.total),
    maxTotal: toStorageString(total.maxTotal),
    blockingAspects: total.blockingJudgementAspects,
    invalidAspects: total.invalidAspects,
  };
}

export function presentOutcome(o: AspectOutcome) {
  return {
    status: o.status,
    mark: o.status === 'marked' ? toFixed(o.mark, 2) : null,
    markExact: o.status === 'marked' ? toStorageString(o.mark) : null,
    maxMark: toStorageString(o.maxMark),
    spread: o.status === 'marked' || o.status === 'rescore_required' ? (o.spread ?? null) : null,
    code: o.status === 'invalid' ? o.code : null,
  };
}

/** What the audit log keeps of a form's workflow state. */
export function formSnapshot(form: MarkingFormRow) {
  return {
    skillId: form.skillId,
    subCriterionKey: form.subCriterionKey,
    entryId: form.entryId,
    state: form.state,
    enteredBy: form.enteredBy,
    checkedBy: form.checkedBy,
    signedBy: form.signedBy,
    lockedBy: form.lockedBy,
  };
}

export function parseObservation(json: string): MeasurementObservation {
  return JSON.parse(json) as MeasurementObservation;
}
