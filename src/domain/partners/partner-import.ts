/**
 * Validation of a partner import file (CSV or XLSX already read into rows of strings).
 *
 * The first non-blank row is the header; its cells are matched to PARTNER_FILE_COLUMNS case-insensitively
 * after trimming (a UTF-8 BOM is ignored). Spreadsheet row numbers are reported as people see them:
 * the first row of the file is row 1. Fully blank rows are skipped silently (they keep their number).
 *
 * The result lists every problem found (so a person can fix the file in one go) and, for the rows that
 * have no problem, the partner they describe in the shape of TPartnerInput. The file can be imported only
 * when `problems` is empty. Limits mirror ZPartnerInput so a row that passes here passes the API schema.
 *
 * Pure: the caller supplies the known country codes and the identifiers already in the database.
 */
import { ZEmail } from '../../contracts/auth.js';
import {
  IATI_ORGANISATION_TYPES,
  PARTNER_FILE_COLUMNS,
  type TContactInput,
  type TImportProblem,
  type TPartnerInput,
} from '../../contracts/partners.js';
import { cellText, isBlankRow, readDataRows } from '../imports/grid.js';

export type PartnerFileColumn = (typeof PARTNER_FILE_COLUMNS)[number];
export type OrganisationTypeCode = (typeof IATI_ORGANISATION_TYPES)[number];

/** Problem codes this validator can report (the web translates each one). */
export const PARTNER_IMPORT_PROBLEM_CODES = [
  'required',
  'unknown_country',
  'unknown_type',
  'duplicate_identifier_in_file',
  'duplicate_identifier_existing',
  'email_format',
  'url_format',
  'phone_format',
  'too_long',
  'iati_org_id_format',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'too_many_rows',
] as const;
export type PartnerImportProblemCode = (typeof PARTNER_IMPORT_PROBLEM_CODES)[number];

export const REQUIRED_PARTNER_COLUMNS: readonly PartnerFileColumn[] = ['name_en', 'country', 'type'];

/** English labels of the IATI 2.03 OrganisationType codelist; accepted (case-insensitively) instead of the code. */
export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationTypeCode, string>> = {
  '10': 'Government',
  '11': 'Local Government',
  '15': 'Other Public Sector',
  '21': 'International NGO',
  '22': 'National NGO',
  '23': 'Regional NGO',
  '24': 'Partner Country based NGO',
  '30': 'Public Private Partnership',
  '40': 'Multilateral',
  '60': 'Foundation',
  '70': 'Private Sector',
  '71': 'Private Sector in Provider Country',
  '72': 'Private Sector in Aid Recipient Country',
  '73': 'Private Sector in Third Country',
  '80': 'Academic, Training and Research',
  '90': 'Other',
};

/** Maximum lengths per column, matching ZPartnerInput / ZContactInput / ZEmail. */
const MAX_LENGTH: Readonly<Record<PartnerFileColumn, number>> = {
  name_en: 300,
  name_native: 300,
  name_zh: 300,
  name_fr: 300,
  name_ar: 300,
  country: 2,
  city: 200,
  type: 100,
  iati_org_id: 200,
  schac_code: 200,
  website: 500,
  tags: 2000,
  contact_name_latin: 200,
  contact_name_native: 200,
  contact_position: 200,
  contact_email: 254,
  contact_phone: 50,
  notes: 10000,
};
const MAX_TAG_LENGTH = 50;
const MAX_TAGS = 30;
/** Problem values are cut to this length so that a preview of a bad file stays small. */
const MAX_PROBLEM_VALUE_LENGTH = 200;

/**
 * IATI organisation identifier: registration agency prefix (country code, then agency parts, e.g.
 * CN-USCI, GB-COH, XM-DAC, XI-IATI) followed by '-' and the identifier in that register. No whitespace.
 */
export const IATI_ORG_ID_RE = /^[A-Z]{2}(-[A-Z0-9]+)+-[^\s-][^\s]*$/i;
const PHONE_RE = /^[+0-9 ()./-]*$/;

export interface PartnerImportContext {
  /** ISO 3166-1 alpha-2 codes, upper case. */
  knownCountryCodes: ReadonlySet<string>;
  /** Identifiers already held by partners of the organization, as `${scheme}:${value.toLowerCase()}`. */
  existingIdentifiers: ReadonlySet<string>;
  /** Most data rows (non-blank rows after the header) accepted in one file. */
  maxRows: number;
}

export interface ParsedPartnerRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  partner: TPartnerInput;
}

export interface PartnerImportResult {
  problems: TImportProblem[];
  /** Rows without any problem, in file order. */
  rows: ParsedPartnerRow[];
  /** Non-blank data rows in the file (valid or not). */
  rowCount: number;
}

type Cells = Readonly<Record<PartnerFileColumn, string>>;

const TYPE_BY_LABEL: ReadonlyMap<string, OrganisationTypeCode> = new Map(
  Object.entries(ORGANISATION_TYPE_LABELS).map(([code, label]) => [
    normalizeLabel(label),
    code as OrganisationTypeCode,
  ]),
);

function normalizeLabel(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** '80', 'Academic, Training and Research', '80 - Academic, Training and Research' → '80'; else null. */
export function parseOrganisationType(text: string): OrganisationTypeCode | null {
  const value = text.trim();
  const codeFirst = /^(\d{1,3})(\s*[-–:]\s*.*)?$/.exec(value);
  if (codeFirst) {
    const code = codeFirst[1] as string;
    return (IATI_ORGANISATION_TYPES as readonly string[]).includes(code)
      ? (code as OrganisationTypeCode)
      : null;
  }
  return TYPE_BY_LABEL.get(normalizeLabel(value)) ?? null;
}

/** Splits 'a; b, c' into ['a', 'b', 'c'], dropping empty entries and repeats (case-insensitive). */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[;,]/)) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag.length > 0 && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/** 'https://x.org/' stays, 'www.x.org' becomes 'https://www.x.org'; null when not an http(s) URL. */
export function normalizeWebsite(text: string): string | null {
  let value = text.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    value = `https://${value}`;
  }
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) {
    return null;
  }
  try {
    const url = new URL(value);
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
      return null;
    }
    return value;
  } catch {
    return null;
  }
}

function clip(value: string): string {
  return value.length > MAX_PROBLEM_VALUE_LENGTH ? `${value.slice(0, MAX_PROBLEM_VALUE_LENGTH)}…` : value;
}

const COLUMN_BY_NAME: ReadonlyMap<string, PartnerFileColumn> = new Map(
  PARTNER_FILE_COLUMNS.map((c) => [c.toLowerCase(), c]),
);

export function validatePartnerImport(
  rows: readonly (readonly (string | null | undefined)[])[],
  context: PartnerImportContext,
): PartnerImportResult {
  const problems: TImportProblem[] = [];
  const headerIndex = rows.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) {
    return { problems: [{ row: 1, column: '', code: 'empty_file' }], rows: [], rowCount: 0 };
  }
  const headerRowNumber = headerIndex + 1;

  // Header: map each known column to its cell index.
  const header = rows[headerIndex] ?? [];
  const columnIndex = new Map<PartnerFileColumn, number>();
  header.forEach((cell, index) => {
    const name = cellText(cell).replace(/^\uFEFF/, '');
    if (name === '') {
      return; // spreadsheets often carry empty trailing header cells
    }
    const column = COLUMN_BY_NAME.get(name.toLowerCase());
    if (!column) {
      problems.push({ row: headerRowNumber, column: name, code: 'unknown_column', value: clip(name) });
    } else if (columnIndex.has(column)) {
      problems.push({ row: headerRowNumber, column, code: 'duplicate_column', value: clip(name) });
    } else {
      columnIndex.set(column, index);
    }
  });
  for (const column of REQUIRED_PARTNER_COLUMNS) {
    if (!columnIndex.has(column)) {
      problems.push({ row: headerRowNumber, column, code: 'missing_column' });
    }
  }

  const dataRows: { row: number; cells: Cells }[] = readDataRows(
    rows,
    headerIndex,
    PARTNER_FILE_COLUMNS,
    columnIndex,
  );

  if (dataRows.length === 0) {
    problems.push({ row: headerRowNumber + 1, column: '', code: 'empty_file' });
    return { problems, rows: [], rowCount: 0 };
  }
  if (dataRows.length > context.maxRows) {
    const firstBeyond = dataRows[context.maxRows] as { row: number };
    problems.push({
      row: firstBeyond.row,
      column: '',
      code: 'too_many_rows',
      value: String(dataRows.length),
    });
    return { problems, rows: [], rowCount: dataRows.length };
  }
  if (problems.some((p) => p.code === 'missing_column')) {
    // Every row would repeat the same complaint; fix the header first.
    return { problems, rows: [], rowCount: dataRows.length };
  }

  const seenIdentifiers = new Set<string>();
  const parsed: ParsedPartnerRow[] = [];
  for (const { row, cells } of dataRows) {
    const rowProblems = validateRow(row, cells, context, seenIdentifiers);
    if (rowProblems.problems.length > 0) {
      problems.push(...rowProblems.problems);
    } else if (rowProblems.partner) {
      parsed.push({ row, partner: rowProblems.partner });
    }
  }
  return { problems, rows: parsed, rowCount: dataRows.length };
}

function validateRow(
  row: number,
  cells: Cells,
  context: PartnerImportContext,
  seenIdentifiers: Set<string>,
): { problems: TImportProblem[]; partner: TPartnerInput | null } {
  const problems: TImportProblem[] = [];
  const report = (column: PartnerFileColumn, code: PartnerImportProblemCode, value?: string): void => {
    problems.push(value === undefined ? { row, column, code } : { row, column, code, value: clip(value) });
  };

  for (const column of PARTNER_FILE_COLUMNS) {
    const value = cells[column];
    if (value.length > MAX_LENGTH[column]) {
      // Country and type have their own, more helpful codes below.
      if (column !== 'country' && column !== 'type') {
        report(column, 'too_long', value);
      }
    }
  }

  if (cells.name_en === '') {
    report('name_en', 'required');
  }

  const country = cells.country.toUpperCase();
  if (cells.country === '') {
    report('country', 'required');
  } else if (!/^[A-Z]{2}$/.test(country) || !context.knownCountryCodes.has(country)) {
    report('country', 'unknown_country', cells.country);
  }

  const type = cells.type === '' ? null : parseOrganisationType(cells.type);
  if (cells.type === '') {
    report('type', 'required');
  } else if (type === null) {
    report('type', 'unknown_type', cells.type);
  }

  const identifiers: TPartnerInput['identifiers'] = [];
  const identifierColumns = [
    ['iati_org_id', 'iati'],
    ['schac_code', 'schac'],
  ] as const;
  for (const [column, scheme] of identifierColumns) {
    const value = cells[column];
    if (value === '' || value.length > MAX_LENGTH[column]) {
      continue;
    }
    if (scheme === 'iati' && !IATI_ORG_ID_RE.test(value)) {
      report(column, 'iati_org_id_format', value);
      continue;
    }
    const key = `${scheme}:${value.toLowerCase()}`;
    if (context.existingIdentifiers.has(key)) {
      report(column, 'duplicate_identifier_existing', value);
    } else if (seenIdentifiers.has(key)) {
      report(column, 'duplicate_identifier_in_file', value);
    }
    seenIdentifiers.add(key);
    identifiers.push({ scheme, value });
  }

  let website = '';
  if (cells.website !== '' && cells.website.length <= MAX_LENGTH.website) {
    const normalized = normalizeWebsite(cells.website);
    if (normalized === null || normalized.length > MAX_LENGTH.website) {
      report('website', 'url_format', cells.website);
    } else {
      website = normalized;
    }
  }

  const tags = splitTags(cells.tags);
  for (const tag of tags) {
    if (tag.length > MAX_TAG_LENGTH) {
      report('tags', 'too_long', tag);
    }
  }
  if (tags.length > MAX_TAGS) {
    report('tags', 'too_long', cells.tags);
  }

  const contacts: TContactInput[] = [];
  const hasContactDetails =
    cells.contact_name_native !== '' ||
    cells.contact_position !== '' ||
    cells.contact_email !== '' ||
    cells.contact_phone !== '';
  if (cells.contact_name_latin === '' && hasContactDetails) {
    report('contact_name_latin', 'required');
  }
  let email = '';
  if (cells.contact_email !== '' && cells.contact_email.length <= MAX_LENGTH.contact_email) {
    const parsedEmail = ZEmail.safeParse(cells.contact_email);
    if (parsedEmail.success) {
      email = parsedEmail.data;
    } else {
      report('contact_email', 'email_format', cells.contact_email);
    }
  }
  if (cells.contact_phone !== '' && !PHONE_RE.test(cells.contact_phone)) {
    report('contact_phone', 'phone_format', cells.contact_phone);
  }
  if (cells.contact_name_latin !== '') {
    contacts.push({
      nameLatin: cells.contact_name_latin,
      nameNative: cells.contact_name_native,
      position: cells.contact_position,
      email,
      phone: cells.contact_phone,
      languages: [],
    });
  }

  if (problems.length > 0 || type === null) {
    return { problems, partner: null };
  }

  const names: Record<string, string> = { en: cells.name_en };
  if (cells.name_zh !== '') {
    names['zh-CN'] = cells.name_zh;
  }
  if (cells.name_fr !== '') {
    names.fr = cells.name_fr;
  }
  if (cells.name_ar !== '') {
    names.ar = cells.name_ar;
  }

  return {
    problems,
    partner: {
      names,
      nativeName: cells.name_native,
      country,
      city: cells.city,
      type,
      identifiers,
      website,
      networkIds: [],
      tags,
      notes: cells.notes,
      contacts,
    },
  };
}
