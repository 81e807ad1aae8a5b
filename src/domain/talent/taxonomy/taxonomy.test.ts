import { describe, expect, it } from 'vitest';
import { isSkillKey } from '../validation.js';
import { type CollegeSkill, skillKeyResolver, validateCollegeSkills } from './college-skills.js';
import { COLLEGE_FIELDS, ESCO_STARTER } from './esco-starter.js';
import { ISCO08_GROUPS, iscoAncestry, iscoGroup, isIscoUnitGroupCode } from './isco08.js';
import { labelIn, TAXONOMY_LOCALES } from './labels.js';

describe('ISCO-08', () => {
  it('has the published structure: 10 major, 43 sub-major, 130 minor, 436 unit groups', () => {
    const count = (level: string) => ISCO08_GROUPS.filter((g) => g.level === level).length;
    expect([count('major'), count('subMajor'), count('minor'), count('unit')]).toEqual([10, 43, 130, 436]);
  });

  it('codes are unique, well formed, and every group has its parent', () => {
    const codes = ISCO08_GROUPS.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of ISCO08_GROUPS) {
      expect(g.code).toMatch(/^\d{1,4}$/);
      expect(g.title.trim()).not.toBe('');
      if (g.parent !== null) {
        expect(iscoGroup(g.parent), g.code).toBeDefined();
      }
    }
  });

  it('every non-unit group has at least one child', () => {
    const parents = new Set(ISCO08_GROUPS.map((g) => g.parent));
    for (const g of ISCO08_GROUPS.filter((x) => x.level !== 'unit')) {
      expect(parents.has(g.code), g.code).toBe(true);
    }
  });

  it('looks up a unit group and its ancestry', () => {
    expect(iscoGroup('7212')?.title).toBe('Welders and flame cutters');
    expect(iscoAncestry('7212').map((g) => g.code)).toEqual(['7', '72', '721', '7212']);
    expect(isIscoUnitGroupCode('7212')).toBe(true);
    expect(isIscoUnitGroupCode('721')).toBe(false);
    expect(isIscoUnitGroupCode('7299')).toBe(false);
  });
});

describe('ESCO starter set', () => {
  it('keys are unique and usable as skill keys', () => {
    const keys = ESCO_STARTER.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of ESCO_STARTER.filter((x) => x.kind === 'skill')) {
      expect(isSkillKey(e.key), e.key).toBe(true);
    }
  });

  it("every entry's ISCO-08 group exists and is a unit group", () => {
    for (const e of ESCO_STARTER) {
      expect(isIscoUnitGroupCode(e.iscoGroup), `${e.key} → ${e.iscoGroup}`).toBe(true);
    }
  });

  it('every label in every language is non-empty', () => {
    for (const e of ESCO_STARTER) {
      for (const locale of TAXONOMY_LOCALES) {
        expect(e.labels[locale].text.trim(), `${e.key} ${locale}`).not.toBe('');
      }
    }
  });

  it('only verified entries carry an ESCO URI, the URI is the key, and the English label is ESCO’s', () => {
    for (const e of ESCO_STARTER) {
      if (e.uriVerified) {
        expect(e.escoUri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/[0-9a-f-]{36}$/);
        expect(e.escoUri).toContain(`/esco/${e.kind}/`);
        expect(e.key).toBe(e.escoUri);
        expect(e.labels.en.source).toBe('esco');
      } else {
        expect(e.escoUri).toBeNull();
        expect(e.key.startsWith('college:')).toBe(true);
        expect(e.labels.en.source).toBe('own');
      }
      // No translation is presented as ESCO's: ESCO has no Chinese, and ours are our own.
      expect(e.labels['zh-CN'].source).toBe('own');
    }
  });

  it('covers every college field with at least one occupation and one skill', () => {
    for (const field of COLLEGE_FIELDS) {
      const inField = ESCO_STARTER.filter((e) => e.field === field);
      expect(
        inField.some((e) => e.kind === 'occupation'),
        field,
      ).toBe(true);
      expect(
        inField.some((e) => e.kind === 'skill'),
        field,
      ).toBe(true);
    }
    expect(ESCO_STARTER.length).toBeGreaterThanOrEqual(40);
    expect(ESCO_STARTER.length).toBeLessThanOrEqual(80);
  });
});

describe('college skills', () => {
  const ok: CollegeSkill = {
    code: 'weld.gmaw',
    labels: {
      en: { text: 'MIG/MAG welding', source: 'college' },
      'zh-CN': { text: '熔化极气体保护焊', source: 'college' },
    },
    iscoGroup: '7212',
    escoUri: null,
  };

  it('accepts a valid list', () => {
    expect(validateCollegeSkills([ok])).toEqual([]);
  });

  it('reports each problem with its row and field', () => {
    const uri = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000001';
    expect(
      validateCollegeSkills([
        { ...ok, escoUri: uri },
        { ...ok, escoUri: uri },
        {
          code: 'Bad Code',
          labels: { en: { text: '  ', source: 'college' } },
          iscoGroup: '721',
          escoUri: 'x',
        },
        { ...ok, code: 'other', labels: { en: ok.labels.en, fr: { text: ' ', source: 'college' } } },
      ]),
    ).toEqual([
      { index: 1, field: 'code', code: 'duplicate_code' },
      { index: 1, field: 'escoUri', code: 'duplicate_esco_uri' },
      { index: 2, field: 'code', code: 'invalid_code' },
      { index: 2, field: 'labels.en', code: 'label_required' },
      { index: 2, field: 'iscoGroup', code: 'invalid_isco_group' },
      { index: 2, field: 'escoUri', code: 'invalid_esco_uri' },
      { index: 3, field: 'labels.fr', code: 'label_blank' },
    ]);
  });

  it('resolves a college key with a confirmed ESCO URI to that URI', () => {
    const uri = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000002';
    const resolve = skillKeyResolver([
      { ...ok, escoUri: uri },
      { ...ok, code: 'weld.tig' },
    ]);
    expect(resolve('college:weld.gmaw')).toBe(uri);
    expect(resolve('college:weld.tig')).toBe('college:weld.tig');
    expect(resolve(uri)).toBe(uri);
  });

  it('labels fall back to English', () => {
    expect(labelIn(ok.labels, 'zh-CN')).toBe('熔化极气体保护焊');
    expect(labelIn(ok.labels, 'ar')).toBe('MIG/MAG welding');
  });
});
