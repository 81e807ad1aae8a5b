import { describe, expect, it } from 'vitest';
import { computeFormTotal, type EntrantMarks } from './form-total.js';
import { toStorageString } from './rational.js';
import { FORM_SCHEME, judges, RULES } from './test-schemes.js';

const none: EntrantMarks = { measurements: {}, judgements: {} };

describe('computeFormTotal', () => {
  it('a fully marked form: exact total and complete', () => {
    const form = computeFormTotal(
      FORM_SCHEME,
      'A1',
      {
        measurements: {
          'A1.1': { kind: 'PASS_FAIL', passed: true },
          'A1.2': { kind: 'NUMBER_COMPLETED', completed: 2 },
        },
        judgements: { 'A1.3': judges(2, 2, 3) },
      },
      RULES,
    );
    // 0.5 + 2/3 + 35/36 = 18/36 + 24/36 + 35/36 = 77/36
    expect(toStorageString(form.total)).toBe('77/36');
    expect(toStorageString(form.maxTotal)).toBe('2.75');
    expect(form.complete).toBe(true);
    expect(form.markedCount).toBe(3);
    expect(form.aspects.map((a) => a.status)).toEqual(['marked', 'marked', 'marked']);
    expect(form.blockingJudgementAspects).toEqual([]);
  });

  it('an empty form is incomplete with total 0', () => {
    const form = computeFormTotal(FORM_SCHEME, 'A1', none, RULES);
    expect(toStorageString(form.total)).toBe('0');
    expect(form.complete).toBe(false);
    expect(form.aspects.map((a) => a.status)).toEqual(['not_entered', 'not_entered', 'not_entered']);
  });

  it.each<[string, EntrantMarks, string[], string, string[], string[]]>([
    [
      'judges disagree by 2 → blocks',
      {
        measurements: { 'A1.1': { kind: 'PASS_FAIL', passed: true } },
        judgements: { 'A1.3': judges(1, 3, 2) },
      },
      ['marked', 'not_entered', 'rescore_required'],
      '0.5',
      ['A1.3'],
      [],
    ],
    [
      'two of three judges → incomplete',
      { measurements: {}, judgements: { 'A1.3': judges(1, 1) } },
      ['not_entered', 'not_entered', 'incomplete'],
      '0',
      [],
      [],
    ],
    [
      'wrong observation → invalid, not counted',
      {
        measurements: {
          'A1.1': { kind: 'DEDUCT', errors: 1 },
          'A1.2': { kind: 'NUMBER_COMPLETED', completed: 4 },
        },
        judgements: {},
      },
      ['invalid', 'invalid', 'not_entered'],
      '0',
      [],
      ['A1.1', 'A1.2'],
    ],
    [
      'not attempted is a mark of 0',
      {
        measurements: { 'A1.1': { kind: 'NOT_ATTEMPTED' }, 'A1.2': { kind: 'NOT_ATTEMPTED' } },
        judgements: { 'A1.3': judges(0, 0, 1) },
      },
      ['marked', 'marked', 'marked'],
      '5/36',
      [],
      [],
    ],
  ])('%s', (_name, marks, statuses, total, blocking, invalid) => {
    const form = computeFormTotal(FORM_SCHEME, 'A1', marks, RULES);
    expect(form.aspects.map((a) => a.status)).toEqual(statuses);
    expect(toStorageString(form.total)).toBe(total);
    expect(form.blockingJudgementAspects).toEqual(blocking);
    expect(form.invalidAspects).toEqual(invalid);
    expect(form.complete).toBe(!statuses.some((s) => s !== 'marked'));
  });

  it('says why an invalid aspect has no mark', () => {
    const form = computeFormTotal(
      FORM_SCHEME,
      'A1',
      { measurements: { 'A1.2': { kind: 'NUMBER_COMPLETED', completed: 4 } }, judgements: {} },
      RULES,
    );
    expect(form.aspects[1]).toMatchObject({
      aspectKey: 'A1.2',
      status: 'invalid',
      code: 'completed_out_of_range',
      params: { value: '4', possible: 3 },
    });
  });

  it('rounds each aspect to 2 decimals when the setting says so', () => {
    const form = computeFormTotal(
      FORM_SCHEME,
      'A1',
      {
        measurements: {
          'A1.1': { kind: 'PASS_FAIL', passed: true },
          'A1.2': { kind: 'NUMBER_COMPLETED', completed: 2 },
        },
        judgements: { 'A1.3': judges(2, 2, 3) },
      },
      { ...RULES, aspectMarkRounding: 'two_decimals' },
    );
    // 0.5 + 0.67 + 0.97
    expect(toStorageString(form.total)).toBe('2.14');
  });

  it('ignores entries of other forms and prototype keys', () => {
    const measurements = JSON.parse('{"__proto__": {"kind": "PASS_FAIL", "passed": true}}');
    const form = computeFormTotal(
      FORM_SCHEME,
      'B1',
      { measurements: { ...measurements, 'A1.1': { kind: 'PASS_FAIL', passed: true } }, judgements: {} },
      RULES,
    );
    expect(form.aspects.map((a) => a.aspectKey)).toEqual(['B1.1', 'B1.2']);
    expect(form.markedCount).toBe(0);
  });

  it('an unknown form has no aspects and is trivially complete', () => {
    const form = computeFormTotal(FORM_SCHEME, 'Z9', none, RULES);
    expect(form.aspectCount).toBe(0);
    expect(form.complete).toBe(true);
  });
});
