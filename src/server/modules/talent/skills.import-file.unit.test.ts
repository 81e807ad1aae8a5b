import { describe, expect, it } from 'vitest';
import { validateSkillImport, yesNo } from './skills.import-file.js';

const URI = 'http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000a';
const ctx = {
  existing: new Map([['cook.wok', { code: 'cook.wok', escoUri: URI }]]),
  reservedCodes: new Set(['weld.gmaw']),
  maxRows: 3,
};
const header = ['Code', 'label_en', 'label_fr', 'isco_group', 'esco_uri', 'esco_confirmed', 'archived'];

describe('college skills file', () => {
  it('reads creates and updates by code', () => {
    const r = validateSkillImport(
      [
        [],
        header,
        ['new.one', 'New', 'Nouveau', '7212', '', '', ''],
        [],
        ['college:cook.wok', 'Wok', '', '', URI, 'yes', 'yes'],
      ],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'new.one',
        labels: { en: 'New', fr: 'Nouveau' },
        action: 'create',
      }),
      expect.objectContaining({
        row: 5,
        code: 'cook.wok',
        escoConfirmed: true,
        archived: true,
        action: 'update',
      }),
    ]);
  });

  it('reports every problem by row and column and keeps no rows', () => {
    const r = validateSkillImport(
      [
        header,
        ['weld.gmaw', 'Taken', '', '', '', '', ''],
        ['other', 'Other', '', '721', URI, 'perhaps', ''],
        ['other', '', '', '', '', 'yes', ''],
      ],
      ctx,
    );
    expect(r.rows).toEqual([]);
    expect(r.problems.map((p) => `${p.row}:${p.column}:${p.code}`).sort()).toEqual(
      [
        '2:code:code_taken',
        '3:esco_confirmed:yes_or_no',
        '3:esco_uri:esco_uri_taken',
        '3:isco_group:invalid_isco_group',
        '4:code:duplicate_code',
        '4:esco_confirmed:confirmation_without_uri',
        '4:label_en:required',
      ].sort(),
    );
  });

  it('refuses an unknown, duplicate or missing column, an empty file and too many rows', () => {
    expect(validateSkillImport([['code', 'code', 'colour']], ctx).problems.map((p) => p.code)).toEqual([
      'duplicate_column',
      'unknown_column',
      'missing_column',
    ]);
    expect(validateSkillImport([[], ['']], ctx).problems).toEqual([
      { row: 1, column: '', code: 'empty_file' },
    ]);
    const many = Array.from({ length: 5 }, (_, i) => [`s${i}`, `S${i}`]);
    expect(validateSkillImport([['code', 'label_en'], ...many], ctx).problems).toEqual([
      { row: 5, column: '', code: 'too_many_rows', value: '3' },
    ]);
  });

  it.each([
    ['yes', true],
    ['Y', true],
    ['1', true],
    ['', false],
    ['No', false],
    ['maybe', null],
  ] as const)('reads %s as %s', (v, expected) => {
    expect(yesNo(v)).toBe(expected);
  });
});
