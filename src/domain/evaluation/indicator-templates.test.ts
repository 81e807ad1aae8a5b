import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../contracts/common.js';
import { findIndicatorTemplate, INDICATOR_TEMPLATES, indicatorFromTemplate } from './indicator-templates.js';
import { INDICATOR_SOURCES, indicatorProgress, validateIndicator } from './results-framework.js';

describe('indicator templates', () => {
  it('cover the usual kinds of work, each key once', () => {
    const keys = INDICATOR_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'participants_trained',
        'teachers_trained',
        'partner_colleges_reached',
        'standards_adopted_abroad',
        'graduates_employed_overseas',
        'medals_won',
      ]),
    );
  });

  it.each(INDICATOR_TEMPLATES.map((t) => [t.key, t] as const))(
    '%s has every text in every locale',
    (_key, t) => {
      for (const text of [t.title, t.definition, t.meansOfVerification, t.unitLabel]) {
        for (const locale of LOCALES) {
          expect(text?.[locale]?.trim().length ?? 0, `${locale}`).toBeGreaterThan(0);
        }
      }
    },
  );

  it('sources are platform figures or null, and every platform figure feeds some template', () => {
    for (const t of INDICATOR_TEMPLATES) {
      expect(t.source === null || (INDICATOR_SOURCES as readonly string[]).includes(t.source)).toBe(true);
    }
    expect(new Set(INDICATOR_TEMPLATES.map((t) => t.source).filter((s) => s !== null))).toEqual(
      new Set(INDICATOR_SOURCES),
    );
  });

  it.each([
    ['participants_trained', 'output', 'training.completed_participants'],
    ['teachers_trained', 'output', 'certificates.issued'],
    ['partner_colleges_reached', 'output', null],
    ['standards_adopted_abroad', 'outcome', null],
    ['graduates_employed_overseas', 'outcome', 'talent.placements'],
    ['medals_won', 'outcome', 'competitions.medals'],
  ])('%s: %s fed by %s', (key, resultType, source) => {
    expect(findIndicatorTemplate(key)).toMatchObject({ resultType, source });
  });

  it('an indicator made from each template validates once given a baseline and a period', () => {
    for (const t of INDICATOR_TEMPLATES) {
      const dimension = t.disaggregations[0];
      const breakdown = dimension
        ? [{ dimensions: [{ name: dimension.name, value: dimension.values[0] ?? 'KE' }], value: 4 }]
        : [];
      const ind = {
        ...indicatorFromTemplate(t, 'X1'),
        baseline: { year: 2024, isoDate: null, value: 0, comment: null },
        periods: [
          {
            start: '2025-01-01',
            end: '2025-12-31',
            target: { value: 10, comment: null, breakdown: [] },
            actual: { value: 4, comment: null, breakdown },
          },
        ],
      };
      expect(validateIndicator(ind), t.key).toEqual([]);
      expect(indicatorProgress(ind).overall.progress).toMatchObject({ kind: 'ratio', ratio: 0.4 });
    }
  });

  it('indicatorFromTemplate copies, so editing the indicator leaves the template alone', () => {
    const t = findIndicatorTemplate('participants_trained');
    expect(t).not.toBeNull();
    if (t) {
      const ind = indicatorFromTemplate(t);
      (ind.title as Record<string, string>).en = 'changed';
      expect(t.title.en).toBe('Participants trained');
      expect(ind).toMatchObject({
        code: null,
        baseline: null,
        periods: [],
        measure: 'unit',
        aggregation: 'sum',
      });
    }
    expect(findIndicatorTemplate('nope')).toBeNull();
  });
});
