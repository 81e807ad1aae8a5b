import { describe, expect, it } from 'vitest';
import { parseSkillItem, type TalentImportContext, validateTalentImport } from './talent.import-file.js';

const ctx: TalentImportContext = {
  skillKeys: new Set([
    'college:weld.gmaw',
    'http://data.europa.eu/esco/skill/0b2b8f7c-6b0e-4a4f-9f0e-1d2c3b4a5e6f',
  ]),
  countryCodes: new Set(['AE', 'SA', 'CN']),
  existingEmails: new Set(['taken@example.cn']),
  isIscoUnitGroup: (c) => c === '7212',
  escoOccupation: () => 'unknown',
  maxRows: 3,
};
const HEADER = ['name_latin', 'email', 'isco', 'skills', 'languages', 'countries', 'available_from'];

describe('parseSkillItem', () => {
  it.each([
    ['weld.gmaw:3', { key: 'weld.gmaw', level: 3 }],
    [
      'http://data.europa.eu/esco/skill/0b2b8f7c-6b0e-4a4f-9f0e-1d2c3b4a5e6f:4',
      { key: 'http://data.europa.eu/esco/skill/0b2b8f7c-6b0e-4a4f-9f0e-1d2c3b4a5e6f', level: 4 },
    ],
    ['weld.gmaw:5', null],
    ['weld.gmaw', null],
    [':2', null],
  ])('%s', (item, expected) => {
    expect(parseSkillItem(item)).toEqual(expected);
  });
});

describe('validateTalentImport', () => {
  it('reads a clean row; the college prefix is optional; countries and languages are normalised', () => {
    const r = validateTalentImport(
      [
        HEADER,
        ['Li Wei', 'LI.WEI@example.cn', '7212', 'weld.gmaw:3', 'zh:native; en:b2', 'ae; any', '2026-06-01'],
      ],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.rows[0]?.profile).toMatchObject({
      email: 'li.wei@example.cn',
      skills: [{ skillKey: 'college:weld.gmaw', level: 3, evidence: 'self' }],
      languages: [
        { code: 'zh', cefr: 'native' },
        { code: 'en', cefr: 'B2' },
      ],
      countries: ['AE', 'any'],
    });
  });

  it('lists every problem by row and column and keeps no row that has one', () => {
    const r = validateTalentImport(
      [
        HEADER,
        [],
        ['', 'taken@example.cn', '9999', 'weld.gmaw:3; weld.gmaw:2; x', 'en', 'ZZ', '2026-02-30'],
        ['Ok Person', 'a@example.cn', '7212', '', '', '', '2026-01-01'],
        ['Dup', 'A@example.cn', '7212', '', '', '', '2026-01-01'],
      ],
      ctx,
    );
    expect(r.problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual([
      '3:name_latin:required',
      '3:email:already_in_pool',
      '3:isco:unknown_isco',
      '3:skills:duplicate_skill',
      '3:skills:skill_format',
      '3:languages:language_format',
      '3:countries:unknown_country',
      '3:available_from:date_format',
      '5:email:duplicate_email_in_file',
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([4]);
    expect(r.rowCount).toBe(3);
  });

  it('refuses unknown and missing columns, empty files and too many rows', () => {
    expect(validateTalentImport([['name_latin', 'shoe_size']], ctx).problems.map((p) => p.code)).toEqual([
      'unknown_column',
      'missing_column',
      'missing_column',
      'empty_file',
    ]);
    expect(validateTalentImport([], ctx).problems).toEqual([{ row: 1, column: '', code: 'empty_file' }]);
    const many = Array.from({ length: 4 }, (_, i) => [`P${i}`, '', '7212', '', '', '', '2026-01-01']);
    expect(validateTalentImport([HEADER, ...many], ctx).problems).toEqual([
      { row: 5, column: '', code: 'too_many_rows', value: '4' },
    ]);
  });
});
