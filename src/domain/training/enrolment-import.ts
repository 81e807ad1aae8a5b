/**
 * Validation of an enrolment import file (CSV or XLSX already read into rows of strings).
 *
 * The first non-blank row is the header, matched to ENROLMENT_FILE_COLUMNS case-insensitively.
 * Rows are numbered as a spreadsheet shows them (the first row of the file is row 1); fully blank
 * rows are skipped but keep their number. Every problem is listed with its row and column, so a
 * person fixes the file in one go; the file is importable only when there is none.
 *
 * Pure: the caller supplies the known country codes and the e-mails already enrolled in the cohort.
 */
import { ZEmail } from '../../contracts/auth.js';
import {
  ENROLMENT_FILE_COLUMNS,
  GENDERS,
  type TParticipantInput,
  ZLanguageTag,
} from '../../contracts/training.js';
import { isCalendarDate } from '../dates/calendar-date.js';
import { cellText, isBlankRow, readDataRows } from '../imports/grid.js';

export type EnrolmentFileColumn = (typeof ENROLMENT_FILE_COLUMNS)[number];

export const ENROLMENT_IMPORT_PROBLEM_CODES = [
  'required',
  'unknown_country',
  'unknown_gender',
  'email_format',
  'language_tag',
  'passport_format',
  'date_format',
  'too_long',
  'duplicate_email_in_file',
  'already_enrolled',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'too_many_rows',
  'unreadable_file',
] as const;
export type EnrolmentImportProblemCode = (typeof ENROLMENT_IMPORT_PROBLEM_CODES)[number];

export interface EnrolmentImportProblem {
  row: number;
  column: string;
  code: EnrolmentImportProblemCode;
  value?: string;
}

export const REQUIRED_ENROLMENT_COLUMNS: readonly EnrolmentFileColumn[] = ['name_latin', 'country'];

const MAX_LENGTH: Readonly<Record<EnrolmentFileColumn, number>> = {
  name_latin: 200,
  name_native: 200,
  gender: 20,
  country: 2,
  organization: 300,
  position: 200,
  email: 254,
  languages: 200,
  passport_number: 30,
  date_of_birth: 10,
};
const MAX_VALUE = 200;

/** Gender words accepted besides the codes (case-insensitive). */
const GENDER_WORDS: Readonly<Record<string, (typeof GENDERS)[number]>> = {
  f: 'female',
  woman: 'female',
  m: 'male',
  man: 'male',
  '': 'undisclosed',
  x: 'other',
};

export interface EnrolmentImportContext {
  knownCountryCodes: ReadonlySet<string>;
  /** Lower-case e-mails of participants already enrolled in the target cohort. */
  enrolledEmails: ReadonlySet<string>;
  maxRows: number;
}

export interface EnrolmentImportResult {
  problems: EnrolmentImportProblem[];
  rows: { row: number; participant: TParticipantInput }[];
  rowCount: number;
}

const clip = (v: string) => (v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v);
const COLUMN_BY_NAME: ReadonlyMap<string, EnrolmentFileColumn> = new Map(
  ENROLMENT_FILE_COLUMNS.map((c) => [c, c]),
);

/** 'bn; en, ur' → ['bn', 'en', 'ur'] (repeats dropped). */
export function splitLanguages(value: string): string[] {
  return [...new Set(value.split(/[;,\s]+/).filter((s) => s.length > 0))];
}

export function parseGender(value: string): (typeof GENDERS)[number] | null {
  const v = value.trim().toLowerCase();
  if ((GENDERS as readonly string[]).includes(v)) {
    return v as (typeof GENDERS)[number];
  }
  return GENDER_WORDS[v] ?? null;
}

export function validateEnrolmentImport(
  rows: readonly (readonly (string | null | undefined)[])[],
  context: EnrolmentImportContext,
): EnrolmentImportResult {
  const problems: EnrolmentImportProblem[] = [];
  const headerIndex = rows.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) {
    return { problems: [{ row: 1, column: '', code: 'empty_file' }], rows: [], rowCount: 0 };
  }
  const headerRow = headerIndex + 1;
  const columnIndex = new Map<EnrolmentFileColumn, number>();
  (rows[headerIndex] ?? []).forEach((cell, index) => {
    const name = cellText(cell).replace(/^\uFEFF/, '');
    if (name === '') {
      return;
    }
    const column = COLUMN_BY_NAME.get(name.toLowerCase());
    if (!column) {
      problems.push({ row: headerRow, column: name, code: 'unknown_column', value: clip(name) });
    } else if (columnIndex.has(column)) {
      problems.push({ row: headerRow, column, code: 'duplicate_column' });
    } else {
      columnIndex.set(column, index);
    }
  });
  for (const column of REQUIRED_ENROLMENT_COLUMNS) {
    if (!columnIndex.has(column)) {
      problems.push({ row: headerRow, column, code: 'missing_column' });
    }
  }

  const data = readDataRows(rows, headerIndex, ENROLMENT_FILE_COLUMNS, columnIndex);
  if (data.length === 0) {
    problems.push({ row: headerRow + 1, column: '', code: 'empty_file' });
    return { problems, rows: [], rowCount: 0 };
  }
  if (data.length > context.maxRows) {
    const beyond = data[context.maxRows] as { row: number };
    problems.push({ row: beyond.row, column: '', code: 'too_many_rows', value: String(data.length) });
    return { problems, rows: [], rowCount: data.length };
  }
  if (problems.some((p) => p.code === 'missing_column')) {
    return { problems, rows: [], rowCount: data.length };
  }

  const seenEmails = new Set<string>();
  const parsed: EnrolmentImportResult['rows'] = [];
  for (const { row, cells } of data) {
    const rowProblems: EnrolmentImportProblem[] = [];
    const report = (column: EnrolmentFileColumn, code: EnrolmentImportProblemCode, value?: string) =>
      rowProblems.push(
        value === undefined ? { row, column, code } : { row, column, code, value: clip(value) },
      );

    for (const column of ENROLMENT_FILE_COLUMNS) {
      if (cells[column].length > MAX_LENGTH[column] && column !== 'country' && column !== 'date_of_birth') {
        report(column, 'too_long', cells[column]);
      }
    }
    if (cells.name_latin === '') {
      report('name_latin', 'required');
    }
    const country = cells.country.toUpperCase();
    if (cells.country === '') {
      report('country', 'required');
    } else if (!context.knownCountryCodes.has(country)) {
      report('country', 'unknown_country', cells.country);
    }
    const gender = parseGender(cells.gender);
    if (gender === null) {
      report('gender', 'unknown_gender', cells.gender);
    }
    let email = '';
    if (cells.email !== '') {
      const parsedEmail = ZEmail.safeParse(cells.email);
      if (!parsedEmail.success) {
        report('email', 'email_format', cells.email);
      } else {
        email = parsedEmail.data;
        if (context.enrolledEmails.has(email)) {
          report('email', 'already_enrolled', cells.email);
        } else if (seenEmails.has(email)) {
          report('email', 'duplicate_email_in_file', cells.email);
        }
        seenEmails.add(email);
      }
    }
    const languages = splitLanguages(cells.languages);
    const badLanguage = languages.find((l) => !ZLanguageTag.safeParse(l).success);
    if (badLanguage !== undefined) {
      report('languages', 'language_tag', badLanguage);
    } else if (languages.length > 10) {
      report('languages', 'too_long', cells.languages);
    }
    if (cells.passport_number !== '' && !/^[A-Za-z0-9]+$/.test(cells.passport_number)) {
      report('passport_number', 'passport_format', cells.passport_number);
    }
    if (cells.date_of_birth !== '' && !isCalendarDate(cells.date_of_birth)) {
      report('date_of_birth', 'date_format', cells.date_of_birth);
    }
    if (rowProblems.length > 0 || gender === null) {
      problems.push(...rowProblems);
      continue;
    }
    parsed.push({
      row,
      participant: {
        nameLatin: cells.name_latin,
        nameNative: cells.name_native,
        gender,
        country,
        organizationName: cells.organization,
        position: cells.position,
        email,
        languages,
        passportNumber: cells.passport_number.toUpperCase(),
        dateOfBirth: cells.date_of_birth === '' ? null : cells.date_of_birth,
      },
    });
  }
  return { problems, rows: parsed, rowCount: data.length };
}
