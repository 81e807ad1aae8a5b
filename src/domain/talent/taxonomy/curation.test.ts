import { describe, expect, it } from 'vitest';
import { curatedLabel, escoState, isEscoUri, taxonomyItem, translatableLocales } from './curation.js';

const SKILL = 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000a';
const OCCUPATION = 'http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d';

describe('ESCO confirmation state', () => {
  it.each([
    [null, null, 'none'],
    [null, '2026-11-29T00:00:00Z', 'none'],
    [SKILL, null, 'unconfirmed'],
    [SKILL, '2026-11-29T00:00:00Z', 'confirmed'],
  ] as const)('%s confirmed at %s is %s', (uri, at, state) => {
    expect(escoState(uri, at)).toBe(state);
  });

  it('checks the URI against the kind of concept', () => {
    expect(isEscoUri('skill', SKILL)).toBe(true);
    expect(isEscoUri('occupation', SKILL)).toBe(false);
    expect(isEscoUri('occupation', OCCUPATION)).toBe(true);
    expect(isEscoUri('skill', `${SKILL}x`)).toBe(false);
    expect(isEscoUri('skill', SKILL.replace('http:', 'https:'))).toBe(false);
  });
});

describe('taxonomy items', () => {
  it('names ISCO-08 groups and starter entries, nothing else', () => {
    expect(taxonomyItem('isco:7212')).toEqual({
      kind: 'isco',
      code: '7212',
      title: 'Welders and flame cutters',
    });
    expect(taxonomyItem('isco:72')).toMatchObject({ kind: 'isco', code: '72' });
    expect(taxonomyItem('isco:7299')).toBeUndefined();
    expect(taxonomyItem('college:weld.gmaw')).toMatchObject({ kind: 'starter', entry: { kind: 'skill' } });
    expect(taxonomyItem(OCCUPATION)).toMatchObject({ kind: 'starter', entry: { kind: 'occupation' } });
    expect(taxonomyItem('college:not-shipped')).toBeUndefined();
  });

  it('keeps the ILO English title of ISCO-08 groups', () => {
    const isco = taxonomyItem('isco:7212');
    const starter = taxonomyItem('college:weld.gmaw');
    expect(isco && translatableLocales(isco)).toEqual(['zh-CN', 'fr', 'ar']);
    expect(starter && translatableLocales(starter)).toEqual(['en', 'zh-CN', 'fr', 'ar']);
  });
});

describe('curated labels', () => {
  const shipped = { en: 'Welders and flame cutters', fr: 'Soudeurs' };
  it.each([
    [{ fr: 'Soudeurs et oxycoupeurs' }, 'fr', 'Soudeurs et oxycoupeurs'],
    [{}, 'fr', 'Soudeurs'],
    [{ fr: '  ' }, 'fr', 'Soudeurs'],
    [{}, 'ar', 'Welders and flame cutters'],
    [{ en: 'Welders' }, 'ar', 'Welders'],
    [{ 'zh-CN': '焊工' }, 'zh-CN', '焊工'],
  ] as const)('college %j in %s shows %s', (college, locale, expected) => {
    expect(curatedLabel(shipped, college, locale)).toBe(expected);
  });
});
