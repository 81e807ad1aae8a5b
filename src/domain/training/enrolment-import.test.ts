import { describe, expect, it } from 'vitest';
import { ENROLMENT_FILE_COLUMNS, ZParticipantInput } from '../../contracts/training.js';
import { parseGender, splitLanguages, validateEnrolmentImport } from './enrolment-import.js';

const ctx = {
  knownCountryCodes: new Set(['BD', 'PK', 'CN']),
  enrolledEmails: new Set(['taken@x.example']),
  maxRows: 3,
};
type Fields = Partial<Record<(typeof ENROLMENT_FILE_COLUMNS)[number], string>>;
const file = (...rows: Fields[]) => [
  [...ENROLMENT_FILE_COLUMNS],
  ...rows.map((r) => ENROLMENT_FILE_COLUMNS.map((c) => r[c] ?? '')),
];

describe('validateEnrolmentImport', () => {
  it('parses a good row into a participant the API schema accepts', () => {
    const r = validateEnrolmentImport(
      file({
        name_latin: 'Nasrin Akter',
        name_native: 'নাসরিন আক্তার',
        gender: 'F',
        country: 'bd',
        email: 'Nasrin@X.example',
        languages: 'bn; en',
        passport_number: 'ec2345678',
        date_of_birth: '1981-11-03',
      }),
      ctx,
    );
    expect(r.problems).toEqual([]);
    const p = r.rows[0]?.participant;
    expect(p).toMatchObject({
      gender: 'female',
      country: 'BD',
      email: 'nasrin@x.example',
      languages: ['bn', 'en'],
      passportNumber: 'EC2345678',
    });
    expect(ZParticipantInput.safeParse(p).success).toBe(true);
  });

  it('reports problems by spreadsheet row and column, skipping blank rows', () => {
    const rows = file(
      { name_latin: 'A', country: 'BD' },
      {},
      { country: 'ZZ', email: 'taken@x.example', languages: 'Bengali!' },
    );
    const r = validateEnrolmentImport(rows, ctx);
    expect(r.problems).toEqual([
      { row: 4, column: 'name_latin', code: 'required' },
      { row: 4, column: 'country', code: 'unknown_country', value: 'ZZ' },
      { row: 4, column: 'email', code: 'already_enrolled', value: 'taken@x.example' },
      { row: 4, column: 'languages', code: 'language_tag', value: 'Bengali!' },
    ]);
    expect(r.rowCount).toBe(2);
  });

  it('checks the header and the row limit', () => {
    expect(validateEnrolmentImport([['name_latin', 'nickname']], ctx).problems).toEqual([
      { row: 1, column: 'nickname', code: 'unknown_column', value: 'nickname' },
      { row: 1, column: 'country', code: 'missing_column' },
      { row: 2, column: '', code: 'empty_file' },
    ]);
    const many = file(...Array.from({ length: 4 }, (_, i) => ({ name_latin: `P${i}`, country: 'PK' })));
    expect(validateEnrolmentImport(many, ctx).problems).toEqual([
      { row: 5, column: '', code: 'too_many_rows', value: '4' },
    ]);
    expect(validateEnrolmentImport([], ctx).problems[0]?.code).toBe('empty_file');
  });
});

describe('helpers', () => {
  it('reads genders and language lists', () => {
    expect(parseGender('Male')).toBe('male');
    expect(parseGender('')).toBe('undisclosed');
    expect(parseGender('robot')).toBeNull();
    expect(splitLanguages('ur, pa; en en')).toEqual(['ur', 'pa', 'en']);
  });
});
