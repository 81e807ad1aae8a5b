/**
 * Validation of a college-skills file (CSV or XLSX already read into rows of strings). Pure: the
 * caller supplies the skills already stored and the taxonomy checks.
 *
 * The first non-blank row is the header (COLLEGE_SKILL_FILE_COLUMNS, case-insensitive; `code` and
 * `label_en` are required, the export's other columns optional). Rows are numbered as a spreadsheet
 * shows them. A row whose code exists updates that skill, any other row creates one. Every problem
 * is listed with its row and column; the file imports only when there is none (all or nothing).
 * The per-skill rules (code format, English label, ISCO-08 unit group, ESCO URI format and
 * uniqueness) are the domain's `validateCollegeSkills`, so the form and the file agree.
 */
import { COLLEGE_SKILL_FILE_COLUMNS } from '../../../contracts/talent-skills.js';
import { cellText, isBlankRow } from '../../../domain/imports/grid.js';
import {
  type CollegeSkill,
  type CollegeSkillIssueCode,
  TAXONOMY_LOCALES,
  type TaxonomyLocale,
  validateCollegeSkills,
} from '../../../domain/talent/taxonomy/index.js';

export type SkillFileColumn = (typeof COLLEGE_SKILL_FILE_COLUMNS)[number];

export const SKILL_IMPORT_PROBLEM_CODES = [
  'required',
  'too_long',
  'invalid_code',
  'duplicate_code',
  'code_taken',
  'label_blank',
  'invalid_isco_group',
  'invalid_esco_uri',
  'duplicate_esco_uri',
  'esco_uri_taken',
  'yes_or_no',
  'confirmation_without_uri',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'too_many_rows',
  'unreadable_file',
] as const;
export type SkillImportProblemCode = (typeof SKILL_IMPORT_PROBLEM_CODES)[number];

export interface SkillImportProblem {
  row: number;
  column: string;
  code: SkillImportProblemCode;
  value?: string;
}

export interface StoredSkill {
  code: string;
  escoUri: string | null;
}

export interface SkillImportContext {
  /** The organization's skills, by code. */
  existing: ReadonlyMap<string, StoredSkill>;
  /** Codes of the shipped starter set (`college:<code>` keys): a college skill cannot take them. */
  reservedCodes: ReadonlySet<string>;
  maxRows: number;
}

export interface SkillImportRow {
  row: number;
  code: string;
  labels: Partial<Record<TaxonomyLocale, string>>;
  category: string;
  iscoGroup: string | null;
  escoUri: string | null;
  escoConfirmed: boolean;
  escoNote: string;
  archived: boolean;
  action: 'create' | 'update';
}

export interface SkillImportResult {
  problems: SkillImportProblem[];
  rows: SkillImportRow[];
  rowCount: number;
}

const REQUIRED: readonly SkillFileColumn[] = ['code', 'label_en'];
const MAX = { label: 200, category: 60, note: 500 } as const;
const clip = (v: string) => (v.length > 200 ? `${v.slice(0, 200)}…` : v);

/** 'yes'/'no' and the usual spellings a spreadsheet produces; null when neither. */
export function yesNo(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (['', 'no', 'n', 'false', '0'].includes(s)) {
    return false;
  }
  return ['yes', 'y', 'true', '1'].includes(s) ? true : null;
}

const ISSUE_COLUMN: Record<string, SkillFileColumn> = {
  code: 'code',
  'labels.en': 'label_en',
  'labels.zh-CN': 'label_zh-CN',
  'labels.fr': 'label_fr',
  'labels.ar': 'label_ar',
  iscoGroup: 'isco_group',
  escoUri: 'esco_uri',
};
const ISSUE_CODE: Record<CollegeSkillIssueCode, SkillImportProblemCode> = {
  invalid_code: 'invalid_code',
  duplicate_code: 'duplicate_code',
  label_required: 'required',
  label_blank: 'label_blank',
  unknown_locale: 'unknown_column',
  invalid_isco_group: 'invalid_isco_group',
  invalid_esco_uri: 'invalid_esco_uri',
  duplicate_esco_uri: 'duplicate_esco_uri',
};

function readHeader(
  header: readonly (string | null | undefined)[],
  row: number,
  problems: SkillImportProblem[],
) {
  const index = new Map<SkillFileColumn, number>();
  header.forEach((c, i) => {
    const name = cellText(c).replace(/^\uFEFF/, '');
    if (name === '') {
      return;
    }
    const column = COLLEGE_SKILL_FILE_COLUMNS.find((k) => k.toLowerCase() === name.toLowerCase());
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

export function validateSkillImport(
  rows: readonly (readonly (string | null | undefined)[])[],
  ctx: SkillImportContext,
): SkillImportResult {
  const problems: SkillImportProblem[] = [];
  const headerAt = rows.findIndex((r) => !isBlankRow(r));
  if (headerAt < 0) {
    return { problems: [{ row: 1, column: '', code: 'empty_file' }], rows: [], rowCount: 0 };
  }
  const index = readHeader(rows[headerAt] ?? [], headerAt + 1, problems);
  if (problems.length > 0) {
    return { problems, rows: [], rowCount: 0 };
  }
  const out: SkillImportRow[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const raw = rows[i] ?? [];
    if (isBlankRow(raw)) {
      continue;
    }
    if (out.length >= ctx.maxRows) {
      problems.push({ row: i + 1, column: '', code: 'too_many_rows', value: String(ctx.maxRows) });
      break;
    }
    const row = i + 1;
    const get = (c: SkillFileColumn) => {
      const at = index.get(c);
      return at === undefined ? '' : cellText(raw[at]);
    };
    const report = (column: SkillFileColumn, code: SkillImportProblemCode, value?: string) =>
      problems.push({ row, column, code, ...(value === undefined ? {} : { value: clip(value) }) });

    const code = get('code').replace(/^college:/, '');
    const labels: Partial<Record<TaxonomyLocale, string>> = {};
    for (const locale of TAXONOMY_LOCALES) {
      const text = get(`label_${locale}` as SkillFileColumn);
      if (text.length > MAX.label) {
        report(`label_${locale}` as SkillFileColumn, 'too_long', text);
      }
      if (text) {
        labels[locale] = text;
      }
    }
    const category = get('category');
    if (category.length > MAX.category) {
      report('category', 'too_long', category);
    }
    const escoNote = get('esco_note');
    if (escoNote.length > MAX.note) {
      report('esco_note', 'too_long', escoNote);
    }
    const escoUri = get('esco_uri') || null;
    const confirmed = yesNo(get('esco_confirmed'));
    if (confirmed === null) {
      report('esco_confirmed', 'yes_or_no', get('esco_confirmed'));
    } else if (confirmed && !escoUri) {
      report('esco_confirmed', 'confirmation_without_uri');
    }
    const archived = yesNo(get('archived'));
    if (archived === null) {
      report('archived', 'yes_or_no', get('archived'));
    }
    if (ctx.reservedCodes.has(code)) {
      report('code', 'code_taken', code);
    }
    if (escoUri) {
      const holder = [...ctx.existing.values()].find((s) => s.escoUri === escoUri);
      if (holder && holder.code !== code) {
        report('esco_uri', 'esco_uri_taken', holder.code);
      }
    }
    out.push({
      row,
      code,
      labels,
      category,
      iscoGroup: get('isco_group') || null,
      escoUri,
      escoConfirmed: confirmed === true,
      escoNote,
      archived: archived === true,
      action: ctx.existing.has(code) ? 'update' : 'create',
    });
  }
  // The domain's per-skill rules over the whole file (duplicates included), mapped back to rows.
  const asSkills: CollegeSkill[] = out.map((r) => ({
    code: r.code,
    labels: Object.fromEntries(
      Object.entries({ en: '', ...r.labels }).map(([l, text]) => [l, { text, source: 'college' as const }]),
    ),
    iscoGroup: r.iscoGroup,
    escoUri: r.escoUri,
  }));
  for (const issue of validateCollegeSkills(asSkills)) {
    const r = out[issue.index] as SkillImportRow;
    const column = ISSUE_COLUMN[issue.field] ?? 'code';
    const value =
      column === 'code'
        ? r.code
        : column === 'isco_group'
          ? r.iscoGroup
          : column === 'esco_uri'
            ? r.escoUri
            : undefined;
    problems.push({
      row: r.row,
      column,
      code: ISSUE_CODE[issue.code],
      ...(value ? { value: clip(value) } : {}),
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { problems, rows: problems.length === 0 ? out : [], rowCount: out.length };
}
