import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntrantMarks } from './form-total.js';
import { compare, toStorageString } from './rational.js';
import { computeRawTotal } from './raw-total.js';
import { FORM_SCHEME, judges, RULES } from './test-schemes.js';

const full: EntrantMarks = {
  measurements: {
    'A1.1': { kind: 'PASS_FAIL', passed: true },
    'A1.2': { kind: 'NUMBER_COMPLETED', completed: 2 },
    'B1.1': { kind: 'DEDUCT', errors: 1 },
  },
  judgements: { 'A1.3': judges(2, 2, 3), 'B1.2': judges(3, 3, 2) },
};

describe('computeRawTotal (§1.7)', () => {
  it('sums every form exactly and summarises per criterion', () => {
    const raw = computeRawTotal(FORM_SCHEME, full, RULES);
    // A: 0.5 + 2/3 + 35/36 = 77/36; B: 1.5 + 1.5 × 8/9 = 1.5 + 4/3 = 17/6
    expect(toStorageString(raw.total)).toBe('179/36');
    expect(toStorageString(raw.maxTotal)).toBe('6.25');
    expect(raw.complete).toBe(true);
    expect(
      raw.criteria.map((c) => [
        c.criterionKey,
        toStorageString(c.measurement),
        toStorageString(c.judgement),
        toStorageString(c.mark),
        toStorageString(c.maxMark),
        c.complete,
      ]),
    ).toEqual([
      ['A', '7/6', '35/36', '77/36', '2.75', true],
      ['B', '1.5', '4/3', '17/6', '3.5', true],
    ]);
    expect(raw.forms.map((f) => f.subCriterionKey)).toEqual(['A1', 'B1']);
  });

  it('reports incomplete forms, blocking judgement and unexpected entries', () => {
    const raw = computeRawTotal(
      FORM_SCHEME,
      {
        measurements: {
          'A1.1': { kind: 'PASS_FAIL', passed: true },
          'A1.3': { kind: 'PASS_FAIL', passed: true },
          'Q.1': { kind: 'NOT_ATTEMPTED' },
        },
        judgements: { 'B1.2': judges(0, 3, 3), 'A1.1': judges(1), 'X.9': [] },
      },
      RULES,
    );
    expect(toStorageString(raw.total)).toBe('0.5');
    expect(raw.complete).toBe(false);
    expect(raw.incompleteForms).toEqual(['A1', 'B1']);
    expect(raw.blockingJudgementAspects).toEqual(['B1.2']);
    expect(raw.unexpectedEntries).toEqual([
      { aspectKey: 'A1.3', reason: 'wrong_aspect_type' },
      { aspectKey: 'Q.1', reason: 'unknown_aspect' },
      { aspectKey: 'A1.1', reason: 'wrong_aspect_type' },
    ]);
    expect(raw.criteria.map((c) => c.complete)).toEqual([false, false]);
  });

  it('raising one judge score never lowers the raw total (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 3 }),
        ),
        fc.integer({ min: 0, max: 2 }),
        (scores, which) => {
          const before = computeRawTotal(
            FORM_SCHEME,
            { ...full, judgements: { 'A1.3': judges(...scores) } },
            RULES,
          );
          const raised = scores.map((s, i) => (i === which ? Math.min(3, s + 1) : s));
          const after = computeRawTotal(
            FORM_SCHEME,
            { ...full, judgements: { 'A1.3': judges(...raised) } },
            RULES,
          );
          // a raise can break the spread rule (then the aspect has no mark yet), otherwise it never lowers the total
          if (after.blockingJudgementAspects.length === 0) {
            expect(compare(after.total, before.total)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
