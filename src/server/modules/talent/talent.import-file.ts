/**
 * Validation of a talent import file (CSV or XLSX already read into rows of strings). Pure: the
 * caller supplies the taxonomy checks, the known country codes and the e-mails already in the pool.
 *
 * The first non-blank row is the header (TALENT_FILE_COLUMNS, case-insensitive). Rows are numbered
 * as a spreadsheet shows them; blank rows are skipped but keep their number. Every problem is listed
 * with its row and column, and the file is importable only when there is none (all or nothing).
 *
 * Cell formats: skills `key:level; key:level` (an ESCO skill URI or a college key, with or without
 * the `college:` prefix; level 1..4), languages `code:CEFR; …` (`en:B2; zh:native`), countries
 * `AE; SA` or `any`, available_from `YYYY-MM-DD`.
 */
import { ZEmail } from '../../../contracts/auth.js';
import { TALENT_FILE_COLUMNS, type TTalentProfileInput } from '../../../contracts/talent.js';
import { isCalendarDate } from '../../../domain/dates/calendar-date.js';
import { cellText, isBlankRow, readDataRows } from '../../../domain/imports/grid.js';
import { isCefr } from '../../../domain/talent/scales.js';
import type { Cefr } from '../../../domain/talent/types.js';

export type TalentFileColumn = (typeof TALENT_FILE_COLUMNS)[number];

export const TALENT_IMPORT_PROBLEM_CODES = [
  'required',
  'too_long',
  'email_format',
  'duplicate_email_in_file',
  'already_in_pool',
  'unknown_isco',
  'unknown_esco_occupation',
  'esco_isco_mismatch',
  'skill_format',
  'unknown_skill',
  'duplicate_skill',
  'language_format',
  'duplicate_language',
  'unknown_country',
  'date_format',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'too_many_rows',
  'unreadable_file',
] as const;
export type TalentImportProblemCode = (typeof TALENT_IMPORT_PROBLEM_CODES)[number];

export interface TalentImportProblem {
  row: number;
  column: string;
  code: TalentImportProblemCode;
  value?: string;
}

export interface TalentImportContext {
  skillKeys: ReadonlySet<string>;
  countryCodes: ReadonlySet<string>;
  /** Lower-case e-mails of profiles already in the organization's pool. */
  existingEmails: ReadonlySet<string>;
  isIscoUnitGroup: (code: string) => boolean;
  escoOccupation: (uri: string, isco: string) => 'ok' | 'unknown' | 'other_isco';
  maxRows: number;
}

export interface TalentImportResult {
  problems: TalentImportProblem[];
  rows: { row: number; profile: TTalentProfileInput }[];
  rowCount: number;
}

const REQUIRED: readonly TalentFileColumn[] = ['name_latin', 'isco', 'available_from'];
const MAX_CELL = 2000;
const MAX_NAME = 200;
const clip = (v: string) => (v.length > 200 ? `${v.slice(0, 200)}…` : v);
const list = (v: string) =>
  v
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** `key:level`, split at the last colon (ESCO URIs contain colons). */
export function parseSkillItem(item: string): { key: string; level: number } | null {
  const at = item.lastIndexOf(':');
  if (at <= 0) {
    return null;
  }
  const level = item.slice(at + 1).trim();
  if (!/^[1-4]$/.test(level)) {
    return null;
  }
  return { key: item.slice(0, at).trim(), level: Number(level) };
}

type Report = (column: TalentFileColumn, code: TalentImportProblemCode, value?: string) => void;

function readHeader(
  header: readonly (string | null | undefined)[],
  row: number,
  problems: TalentImportProblem[],
): Map<TalentFileColumn, number> {
  const index = new Map<TalentFileColumn, number>();
  header.forEach((c, i) => {
    const name = cellText(c).replace(/^\uFEFF/, '');
    if (name === '') {
      return;
    }
    const column = TALENT_FILE_COLUMNS.find((k) => k === name.toLowerCase());
    if (!column) {
      problems.push({ row, column: name, code: 'unknown_column', value: clip(name) });
    } else if (index.has(column)) {
      problems.push({ row, column, code: 'duplicate_column' });
    } else {
      index.set(column, i);
    }
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) {
      problems.push({ row, column, code: 'missing_column' });
    }
  }
  return index;
}

function readSkills(text: string, ctx: TalentImportContext, report: Report) {
  const skills: TTalentProfileInput['skills'] = [];
  const seen = new Set<string>();
  for (const item of list(text)) {
    const parsed = parseSkillItem(item);
    if (!parsed) {
      report('skills', 'skill_format', item);
      continue;
    }
    const key = ctx.skillKeys.has(parsed.key)
      ? parsed.key
      : ctx.skillKeys.has(`college:${parsed.key}`)
        ? `college:${parsed.key}`
        : null;
    if (key === null) {
      report('skills', 'unknown_skill', parsed.key);
    } else if (seen.has(key)) {
      report('skills', 'duplicate_skill', parsed.key);
    } else {
      seen.add(key);
      skills.push({ skillKey: key, level: parsed.level, evidence: 'self' });
    }
  }
  return skills;
}

function readLanguages(text: string, report: Report) {
  const languages: { code: string; cefr: Cefr }[] = [];
  for (const item of list(text)) {
    const [code = '', level = ''] = item.split(':').map((s) => s.trim());
    const cefr = level.toLowerCase() === 'native' ? 'native' : level.toUpperCase();
    if (!/^[a-z]{2}$/i.test(code) || !isCefr(cefr)) {
      report('languages', 'language_format', item);
    } else if (languages.some((l) => l.code === code.toLowerCase())) {
      report('languages', 'duplicate_language', item);
    } else {
      languages.push({ code: code.toLowerCase(), cefr });
    }
  }
  return languages;
}

function readCountries(text: string, ctx: TalentImportContext, report: Report) {
  const out: string[] = [];
  for (const item of list(text.replace(/,/g, ';'))) {
    const code = item.toLowerCase() === 'any' ? 'any' : item.toUpperCase();
    if (code !== 'any' && !ctx.countryCodes.has(code)) {
      report('countries', 'unknown_country', item);
    } else if (!out.includes(code)) {
      out.push(code);
    }
  }
  return out;
}

export function validateTalentImport(
  rows: readonly (readonly (string | null | undefined)[])[],
  ctx: TalentImportContext,
): TalentImportResult {
  const problems: TalentImportProblem[] = [];
  const headerAt = rows.findIndex((r) => !isBlankRow(r));
  if (headerAt < 0) {
    return { problems: [{ row: 1, column: '', code: 'empty_file' }], rows: [], rowCount: 0 };
  }
  const index = readHeader(rows[headerAt] ?? [], headerAt + 1, problems);
  const data = readDataRows(rows, headerAt, TALENT_FILE_COLUMNS, index);
  if (data.length === 0) {
    problems.push({ row: headerAt + 2, column: '', code: 'empty_file' });
    return { problems, rows: [], rowCount: 0 };
  }
  if (data.length > ctx.maxRows) {
    const beyond = data[ctx.maxRows] as { row: number };
    problems.push({ row: beyond.row, column: '', code: 'too_many_rows', value: String(data.length) });
    return { problems, rows: [], rowCount: data.length };
  }
  if (problems.length > 0) {
    return { problems, rows: [], rowCount: data.length };
  }

  const emails = new Set<string>();
  const parsed: TalentImportResult['rows'] = [];
  for (const { row, cells } of data) {
    const own: TalentImportProblem[] = [];
    const report: Report = (column, code, value) =>
      own.push(value === undefined ? { row, column, code } : { row, column, code, value: clip(value) });
    for (const column of TALENT_FILE_COLUMNS) {
      const max = column === 'name_latin' || column === 'name_native' ? MAX_NAME : MAX_CELL;
      if (cells[column].length > max) {
        report(column, 'too_long', cells[column]);
      }
    }
    if (cells.name_latin === '') {
      report('name_latin', 'required');
    }
    let email = '';
    if (cells.email !== '') {
      const e = ZEmail.safeParse(cells.email);
      if (!e.success) {
        report('email', 'email_format', cells.email);
      } else if (ctx.existingEmails.has(e.data)) {
        report('email', 'already_in_pool', cells.email);
      } else if (emails.has(e.data)) {
        report('email', 'duplicate_email_in_file', cells.email);
      } else {
        email = e.data;
      }
      emails.add(e.success ? e.data : cells.email);
    }
    if (cells.isco === '') {
      report('isco', 'required');
    } else if (!ctx.isIscoUnitGroup(cells.isco)) {
      report('isco', 'unknown_isco', cells.isco);
    }
    let escoUri: string | null = null;
    if (cells.esco_occupation !== '') {
      const known = ctx.escoOccupation(cells.esco_occupation, cells.isco);
      if (known === 'ok') {
        escoUri = cells.esco_occupation;
      } else {
        report(
          'esco_occupation',
          known === 'unknown' ? 'unknown_esco_occupation' : 'esco_isco_mismatch',
          cells.esco_occupation,
        );
      }
    }
    const skills = readSkills(cells.skills, ctx, report);
    const languages = readLanguages(cells.languages, report);
    const countries = readCountries(cells.countries, ctx, report);
    if (cells.available_from === '') {
      report('available_from', 'required');
    } else if (!isCalendarDate(cells.available_from)) {
      report('available_from', 'date_format', cells.available_from);
    }
    if (own.length > 0) {
      problems.push(...own);
      continue;
    }
    parsed.push({
      row,
      profile: {
        participantId: null,
        competitorId: null,
        nameLatin: cells.name_latin,
        nameNative: cells.name_native,
        email,
        locale: 'en',
        iscoCode: cells.isco,
        escoUri,
        education: [],
        experienceYears: 0,
        headline: {},
        summary: {},
        skills,
        languages,
        countries,
        availableFrom: cells.available_from,
      },
    });
  }
  return { problems, rows: parsed, rowCount: data.length };
}
