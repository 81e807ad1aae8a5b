/**
 * An entrant's raw total out of 100 over all marking forms (worldskills.md §1.7: total = Σ aspect
 * marks, exact) and the marks summary per criterion.
 */
import {
  type AspectOutcome,
  aspectOutcome,
  type EntrantMarks,
  type FormTotal,
  type MarkingRules,
  totalOutcomes,
} from './form-total.js';
import type { MarkingScheme } from './marking-scheme.js';
import { add, type Rational, ZERO } from './rational.js';

export interface CriterionMarks {
  criterionKey: string;
  name: string;
  /** Σ marks of marked aspects (measurement + judgement). */
  mark: Rational;
  measurement: Rational;
  judgement: Rational;
  maxMark: Rational;
  complete: boolean;
}

export interface UnexpectedEntry {
  aspectKey: string;
  /** 'unknown_aspect': no aspect has this key; 'wrong_aspect_type': a measurement entry for a J aspect or scores for an M aspect. */
  reason: 'unknown_aspect' | 'wrong_aspect_type';
}

export interface RawTotal {
  total: Rational;
  maxTotal: Rational;
  /** Every aspect of every form has a mark. */
  complete: boolean;
  forms: FormTotal[];
  criteria: CriterionMarks[];
  incompleteForms: string[];
  blockingJudgementAspects: string[];
  invalidAspects: string[];
  /** Entries the scheme cannot place; they count for nothing and should be shown to whoever entered them. */
  unexpectedEntries: UnexpectedEntry[];
}

/**
 * §1.7 raw total: every form of the scheme (scheme order) with computeFormTotal's rules, summed exactly,
 * plus per-criterion M/J marks. Settings: rules (numJudges, maxJudgeSpread, aspectMarkRounding).
 */
export function computeRawTotal(scheme: MarkingScheme, marks: EntrantMarks, rules: MarkingRules): RawTotal {
  const outcomesBySub = new Map<string, AspectOutcome[]>(scheme.subCriteria.map((sc) => [sc.key, []]));
  const typeByAspect = new Map<string, 'M' | 'J'>();
  for (const aspect of scheme.aspects) {
    typeByAspect.set(aspect.key, aspect.type);
    outcomesBySub.get(aspect.subCriterionKey)?.push(aspectOutcome(aspect, marks, rules));
  }
  const forms = scheme.subCriteria.map((sc) => totalOutcomes(sc.key, outcomesBySub.get(sc.key) ?? []));

  const criteria = scheme.criteria.map((criterion) => {
    let measurement = ZERO;
    let judgement = ZERO;
    let maxMark = ZERO;
    let complete = true;
    scheme.subCriteria.forEach((sc, index) => {
      const form = forms[index];
      if (sc.criterionKey !== criterion.key || !form) {
        return;
      }
      complete &&= form.complete;
      for (const outcome of form.aspects) {
        maxMark = add(maxMark, outcome.maxMark);
        if (outcome.status !== 'marked') {
          continue;
        }
        if (outcome.type === 'J') {
          judgement = add(judgement, outcome.mark);
        } else {
          measurement = add(measurement, outcome.mark);
        }
      }
    });
    return {
      criterionKey: criterion.key,
      name: criterion.name,
      mark: add(measurement, judgement),
      measurement,
      judgement,
      maxMark,
      complete,
    };
  });

  const unexpectedEntries: UnexpectedEntry[] = [];
  const check = (keys: string[], expected: 'M' | 'J') => {
    for (const aspectKey of keys) {
      const type = typeByAspect.get(aspectKey);
      if (type === undefined) {
        unexpectedEntries.push({ aspectKey, reason: 'unknown_aspect' });
      } else if (type !== expected) {
        unexpectedEntries.push({ aspectKey, reason: 'wrong_aspect_type' });
      }
    }
  };
  check(Object.keys(marks.measurements), 'M');
  check(
    Object.entries(marks.judgements)
      .filter(([, scores]) => scores.length > 0)
      .map(([key]) => key),
    'J',
  );

  let total = ZERO;
  let maxTotal = ZERO;
  for (const form of forms) {
    total = add(total, form.total);
    maxTotal = add(maxTotal, form.maxTotal);
  }
  return {
    total,
    maxTotal,
    complete: forms.every((f) => f.complete),
    forms,
    criteria,
    incompleteForms: forms.filter((f) => !f.complete).map((f) => f.subCriterionKey),
    blockingJudgementAspects: forms.flatMap((f) => f.blockingJudgementAspects),
    invalidAspects: forms.flatMap((f) => f.invalidAspects),
    unexpectedEntries,
  };
}
