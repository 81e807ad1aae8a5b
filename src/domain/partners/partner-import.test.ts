import { describe, expect, it } from 'vitest';
import { PARTNER_FILE_COLUMNS, type TImportProblem, ZPartnerInput } from '../../contracts/partners.js';
import {
  IATI_ORG_ID_RE,
  normalizeWebsite,
  type PartnerImportContext,
  parseOrganisationType,
  splitTags,
  validatePartnerImport,
} from './partner-import.js';

const context: PartnerImportContext = {
  knownCountryCodes: new Set(['CN', 'DE', 'FR', 'KE', 'MA', 'TH', 'GB']),
  existingIdentifiers: new Set(['iati:cn-usci-existing1', 'schac:uni-existing.de']),
  maxRows: 5,
};

type Fields = Partial<Record<(typeof PARTNER_FILE_COLUMNS)[number], string>>;

/** A file with all columns in the standard order. */
function file(...rows: Fields[]): string[][] {
  return [[...PARTNER_FILE_COLUMNS], ...rows.map((r) => PARTNER_FILE_COLUMNS.map((c) => r[c] ?? ''))];
}

const minimal: Fields = { name_en: 'Nairobi Technical Training Institute', country: 'KE', type: '80' };

describe('validatePartnerImport: a good file', () => {
  it('parses every column into a TPartnerInput that the API schema accepts', () => {
    const result = validatePartnerImport(
      file({
        name_en: 'Shenzhen Polytechnic University',
        name_native: '深圳职业技术大学',
        name_zh: '深圳职业技术大学',
        name_fr: 'Université polytechnique de Shenzhen',
        name_ar: 'جامعة شنتشن للفنون التطبيقية',
        country: ' cn ',
        city: 'Shenzhen',
        type: 'Academic, Training and Research',
        iati_org_id: 'CN-USCI-12440300455755726K',
        schac_code: 'szpu.edu.cn',
        website: 'https://www.szpu.edu.cn/',
        tags: 'TVET; mechatronics, ; tvet',
        contact_name_latin: 'Li Ming',
        contact_name_native: '李明',
        contact_position: 'Director, International Office',
        contact_email: 'Li.Ming@Example.edu.cn',
        contact_phone: '+86 755 1234 5678',
        notes: 'Met at the 2025 forum.',
      }),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.rowCount).toBe(1);
    expect(result.rows).toHaveLength(1);
    const { row, partner } = result.rows[0] as (typeof result.rows)[number];
    expect(row).toBe(2);
    expect(partner).toEqual({
      names: {
        en: 'Shenzhen Polytechnic University',
        'zh-CN': '深圳职业技术大学',
        fr: 'Université polytechnique de Shenzhen',
        ar: 'جامعة شنتشن للفنون التطبيقية',
      },
      nativeName: '深圳职业技术大学',
      country: 'CN',
      city: 'Shenzhen',
      type: '80',
      identifiers: [
        { scheme: 'iati', value: 'CN-USCI-12440300455755726K' },
        { scheme: 'schac', value: 'szpu.edu.cn' },
      ],
      website: 'https://www.szpu.edu.cn/',
      networkIds: [],
      tags: ['TVET', 'mechatronics'],
      notes: 'Met at the 2025 forum.',
      contacts: [
        {
          nameLatin: 'Li Ming',
          nameNative: '李明',
          position: 'Director, International Office',
          email: 'li.ming@example.edu.cn',
          phone: '+86 755 1234 5678',
          languages: [],
        },
      ],
    });
    expect(ZPartnerInput.parse(partner)).toEqual(partner);
  });

  it('keeps only non-empty names and no contact without a Latin contact name', () => {
    const result = validatePartnerImport(file(minimal), context);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]?.partner).toMatchObject({
      names: { en: 'Nairobi Technical Training Institute' },
      identifiers: [],
      contacts: [],
      tags: [],
      website: '',
    });
    expect(ZPartnerInput.safeParse(result.rows[0]?.partner).success).toBe(true);
  });

  it('matches headers case-insensitively, trimmed, in any order, with a BOM and empty trailing cells', () => {
    const rows = [
      ['\uFEFFType', ' COUNTRY ', 'Name_EN', '', ''],
      ['80', 'ke', 'Kenya Institute'],
    ];
    const result = validatePartnerImport(rows, context);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({ row: 2, partner: expect.objectContaining({ country: 'KE' }) }),
    ]);
  });

  it('skips fully blank rows but keeps spreadsheet row numbers', () => {
    const rows = file(minimal, {}, { ...minimal, name_en: 'Second' });
    rows.splice(2, 0, ['', '  ', '']);
    const result = validatePartnerImport([[], ...rows], context);
    // row 1 blank, header on row 2, data on 3, blanks on 4 and 5, data on 6
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.row)).toEqual([3, 6]);
    expect(result.rowCount).toBe(2);
  });

  it('treats missing cells of short rows and null cells as empty', () => {
    const rows = [
      ['name_en', 'country', 'type', 'city'],
      ['Short row', 'DE', '21'],
      ['Nulls', 'FR', '22', null],
    ];
    const result = validatePartnerImport(rows, context);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.partner.city)).toEqual(['', '']);
  });
});

describe('validatePartnerImport: file-level problems', () => {
  const cases: [string, (string | null)[][], TImportProblem[]][] = [
    ['no rows at all', [], [{ row: 1, column: '', code: 'empty_file' }]],
    ['only blank rows', [[''], ['', ' ']], [{ row: 1, column: '', code: 'empty_file' }]],
    [
      'a header and no data',
      [
        ['name_en', 'country', 'type'],
        ['', ''],
      ],
      [{ row: 2, column: '', code: 'empty_file' }],
    ],
    [
      'missing required columns',
      [
        ['name_en', 'city'],
        ['X', 'Y'],
      ],
      [
        { row: 1, column: 'country', code: 'missing_column' },
        { row: 1, column: 'type', code: 'missing_column' },
      ],
    ],
    [
      'unknown and duplicate columns (rows still checked)',
      [
        ['name_en', 'country', 'type', 'Fax', 'COUNTRY'],
        ['X', 'ZZ', '80', '123', 'DE'],
      ],
      [
        { row: 1, column: 'Fax', code: 'unknown_column', value: 'Fax' },
        { row: 1, column: 'country', code: 'duplicate_column', value: 'COUNTRY' },
        { row: 2, column: 'country', code: 'unknown_country', value: 'ZZ' },
      ],
    ],
  ];
  it.each(cases)('%s', (_label, rows, problems) => {
    const result = validatePartnerImport(rows, context);
    expect(result.problems).toEqual(problems);
    expect(result.rows).toEqual([]);
  });

  it('rejects more data rows than maxRows, naming the first row beyond the limit', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ ...minimal, name_en: `P${i}` }));
    const result = validatePartnerImport(file(...six), context);
    expect(result.problems).toEqual([{ row: 7, column: '', code: 'too_many_rows', value: '6' }]);
    expect(result.rows).toEqual([]);
    expect(result.rowCount).toBe(6);
    expect(validatePartnerImport(file(...six.slice(0, 5)), context).problems).toEqual([]);
  });
});

describe('validatePartnerImport: cell problems', () => {
  const cases: [string, Fields, TImportProblem[]][] = [
    ['English name missing', { ...minimal, name_en: ' ' }, [{ row: 2, column: 'name_en', code: 'required' }]],
    ['country missing', { ...minimal, country: '' }, [{ row: 2, column: 'country', code: 'required' }]],
    [
      'country not known',
      { ...minimal, country: 'XK' },
      [{ row: 2, column: 'country', code: 'unknown_country', value: 'XK' }],
    ],
    [
      'country as a name',
      { ...minimal, country: 'Kenya' },
      [{ row: 2, column: 'country', code: 'unknown_country', value: 'Kenya' }],
    ],
    ['type missing', { ...minimal, type: '' }, [{ row: 2, column: 'type', code: 'required' }]],
    [
      'type not a code',
      { ...minimal, type: '99' },
      [{ row: 2, column: 'type', code: 'unknown_type', value: '99' }],
    ],
    [
      'type not a label',
      { ...minimal, type: 'University' },
      [{ row: 2, column: 'type', code: 'unknown_type', value: 'University' }],
    ],
    [
      'IATI id with a space',
      { ...minimal, iati_org_id: 'CN-USCI 1234' },
      [{ row: 2, column: 'iati_org_id', code: 'iati_org_id_format', value: 'CN-USCI 1234' }],
    ],
    [
      'IATI id without agency prefix',
      { ...minimal, iati_org_id: '12440300455755726K' },
      [{ row: 2, column: 'iati_org_id', code: 'iati_org_id_format', value: '12440300455755726K' }],
    ],
    [
      'IATI id already held by a partner (case-insensitive)',
      { ...minimal, iati_org_id: 'CN-USCI-EXISTING1' },
      [{ row: 2, column: 'iati_org_id', code: 'duplicate_identifier_existing', value: 'CN-USCI-EXISTING1' }],
    ],
    [
      'SCHAC code already held by a partner',
      { ...minimal, schac_code: 'Uni-Existing.de' },
      [{ row: 2, column: 'schac_code', code: 'duplicate_identifier_existing', value: 'Uni-Existing.de' }],
    ],
    [
      'website not a URL',
      { ...minimal, website: 'not a website' },
      [{ row: 2, column: 'website', code: 'url_format', value: 'not a website' }],
    ],
    [
      'website with another scheme',
      { ...minimal, website: 'ftp://files.example.org' },
      [{ row: 2, column: 'website', code: 'url_format', value: 'ftp://files.example.org' }],
    ],
    [
      'contact e-mail malformed',
      { ...minimal, contact_name_latin: 'A B', contact_email: 'a@b' },
      [{ row: 2, column: 'contact_email', code: 'email_format', value: 'a@b' }],
    ],
    [
      'contact details without a Latin name',
      { ...minimal, contact_email: 'a@example.org' },
      [{ row: 2, column: 'contact_name_latin', code: 'required' }],
    ],
    [
      'contact phone with letters',
      { ...minimal, contact_name_latin: 'A B', contact_phone: 'call me' },
      [{ row: 2, column: 'contact_phone', code: 'phone_format', value: 'call me' }],
    ],
    [
      'name too long',
      { ...minimal, name_en: 'x'.repeat(301) },
      [{ row: 2, column: 'name_en', code: 'too_long', value: `${'x'.repeat(200)}…` }],
    ],
    [
      'city too long',
      { ...minimal, city: 'c'.repeat(201) },
      [{ row: 2, column: 'city', code: 'too_long', value: `${'c'.repeat(200)}…` }],
    ],
    [
      'a tag too long',
      { ...minimal, tags: `ok;${'t'.repeat(51)}` },
      [{ row: 2, column: 'tags', code: 'too_long', value: 't'.repeat(51) }],
    ],
    [
      'too many tags',
      { ...minimal, tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(',') },
      [
        {
          row: 2,
          column: 'tags',
          code: 'too_long',
          value: Array.from({ length: 31 }, (_, i) => `t${i}`).join(','),
        },
      ],
    ],
    [
      'several problems in one row are all reported',
      { name_en: '', country: 'ZZ', type: 'x', website: 'bad url' },
      [
        { row: 2, column: 'name_en', code: 'required' },
        { row: 2, column: 'country', code: 'unknown_country', value: 'ZZ' },
        { row: 2, column: 'type', code: 'unknown_type', value: 'x' },
        { row: 2, column: 'website', code: 'url_format', value: 'bad url' },
      ],
    ],
  ];
  it.each(cases)('%s', (_label, fields, problems) => {
    const result = validatePartnerImport(file(fields), context);
    expect(result.problems).toEqual(problems);
    expect(result.rows).toEqual([]);
    expect(result.rowCount).toBe(1);
  });

  it('reports an identifier repeated in the file on every later row, and keeps the valid rows', () => {
    const result = validatePartnerImport(
      file(
        { ...minimal, iati_org_id: 'GB-COH-01234567' },
        { ...minimal, name_en: 'Two', iati_org_id: 'gb-coh-01234567' },
        { ...minimal, name_en: 'Three', schac_code: 'x.edu' },
        { ...minimal, name_en: 'Four', schac_code: 'X.EDU', iati_org_id: 'GB-COH-01234567' },
      ),
      context,
    );
    expect(result.problems).toEqual([
      { row: 3, column: 'iati_org_id', code: 'duplicate_identifier_in_file', value: 'gb-coh-01234567' },
      { row: 5, column: 'iati_org_id', code: 'duplicate_identifier_in_file', value: 'GB-COH-01234567' },
      { row: 5, column: 'schac_code', code: 'duplicate_identifier_in_file', value: 'X.EDU' },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('the same value under two schemes is not a duplicate', () => {
    const result = validatePartnerImport(
      file(
        { ...minimal, schac_code: 'XM-DAC-41114' },
        { ...minimal, name_en: 'B', iati_org_id: 'XM-DAC-41114' },
      ),
      context,
    );
    expect(result.problems).toEqual([]);
  });
});

describe('helpers', () => {
  it.each([
    ['80', '80'],
    ['10', '10'],
    [' 21 ', '21'],
    ['academic, training and research', '80'],
    ['ACADEMIC,  TRAINING AND RESEARCH', '80'],
    ['80 - Academic, Training and Research', '80'],
    ['Private Sector in Aid Recipient Country', '72'],
    ['Partner country based NGO', '24'],
    ['Government', '10'],
    ['Other', '90'],
    ['Academic', null],
    ['8', null],
    ['800', null],
    ['99', null],
    ['', null],
  ])('parseOrganisationType(%j) = %j', (text, code) => {
    expect(parseOrganisationType(text)).toBe(code);
  });

  it.each([
    ['CN-USCI-12440300455755726K', true],
    ['GB-COH-01234567', true],
    ['XM-DAC-41114', true],
    ['XI-IATI-EC_INTPA', true],
    ['DE-CR-HRB12345', true],
    ['XM-DAC-7', true],
    ['GB-COH-', false],
    ['GB-COH', false],
    ['GB--123', false],
    ['G-COH-1', false],
    ['GB COH 123', false],
    ['GB-COH-12 34', false],
    ['12345', false],
  ])('IATI org id %s → %s', (id, ok) => {
    expect(IATI_ORG_ID_RE.test(id)).toBe(ok);
  });

  it.each([
    ['https://example.org', 'https://example.org'],
    ['http://example.org/path?q=1', 'http://example.org/path?q=1'],
    ['www.example.org', 'https://www.example.org'],
    ['example.edu.cn/en', 'https://example.edu.cn/en'],
    ['javascript:alert(1)', null],
    ['mailto:a@example.org', null],
    ['https://exa mple.org', null],
    ['nodot', null],
  ])('normalizeWebsite(%j) = %j', (text, expected) => {
    expect(normalizeWebsite(text)).toBe(expected);
  });

  it('splitTags', () => {
    expect(splitTags('a; b,c ;; ,A')).toEqual(['a', 'b', 'c']);
    expect(splitTags('')).toEqual([]);
  });
});
