/**
 * The glossary CSV file: one row per term, columns GLOSSARY_CSV_COLUMNS. The first non-blank row
 * is the header (matched case-insensitively; the optional columns may be left out). Rows are
 * numbered as a spreadsheet shows them (the first row of the file is row 1); blank rows are
 * skipped. Problems name the row and the column, so a person can fix the file in one go.
 */
import { GLOSSARY_CSV_COLUMNS, type TGlossaryImportProblem } from '../../contracts/library.js';
import {
  canonicalLanguage,
  checkEntries,
  type EntryCheckOptions,
  type EntryField,
  type GlossaryEntry,
  parsePartOfSpeech,
  parseStatus,
} from './terms.js';

export type GlossaryCsvColumn = (typeof GLOSSARY_CSV_COLUMNS)[number];
export const REQUIRED_GLOSSARY_COLUMNS: readonly GlossaryCsvColumn[] = [
  'concept_id',
  'language',
  'term',
  'definition',
  'context',
  'status',
];
export const MAX_GLOSSARY_ROWS = 20000;

const columnOf: Record<EntryField, GlossaryCsvColumn> = {
  conceptId: 'concept_id',
  language: 'language',
  term: 'term',
  definition: 'definition',
  context: 'context',
  status: 'status',
  partOfSpeech: 'part_of_speech',
  note: 'note',
};

export interface GlossaryCsvResult {
  problems: TGlossaryImportProblem[];
  entries: GlossaryEntry[];
}

/** Reads and checks the rows of a glossary CSV file (already split into trimmed cells). */
export function readGlossaryCsv(
  rows: readonly (readonly string[])[],
  opts: EntryCheckOptions,
): GlossaryCsvResult {
  const problems: TGlossaryImportProblem[] = [];
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) {
    return { problems: [{ row: 1, column: '', code: 'empty_file' }], entries: [] };
  }
  const header = (rows[headerIndex] ?? []).map((c) =>
    c
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const positions = new Map<GlossaryCsvColumn, number>();
  header.forEach((name, i) => {
    if (name === '') {
      return;
    }
    if (!(GLOSSARY_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ row: headerIndex + 1, column: name, code: 'unknown_column' });
    } else if (positions.has(name as GlossaryCsvColumn)) {
      problems.push({ row: headerIndex + 1, column: name, code: 'duplicate_column' });
    } else {
      positions.set(name as GlossaryCsvColumn, i);
    }
  });
  for (const col of REQUIRED_GLOSSARY_COLUMNS) {
    if (!positions.has(col)) {
      problems.push({ row: headerIndex + 1, column: col, code: 'missing_column' });
    }
  }
  if (problems.length > 0) {
    return { problems, entries: [] };
  }
  const body: { rowNumber: number; cells: readonly string[] }[] = [];
  rows.forEach((cells, i) => {
    if (i > headerIndex && cells.some((c) => c.trim() !== '')) {
      body.push({ rowNumber: i + 1, cells });
    }
  });
  if (body.length === 0) {
    return { problems: [{ row: headerIndex + 2, column: '', code: 'empty_file' }], entries: [] };
  }
  if (body.length > MAX_GLOSSARY_ROWS) {
    return { problems: [{ row: headerIndex + 2, column: '', code: 'too_many_rows' }], entries: [] };
  }
  const cell = (cells: readonly string[], col: GlossaryCsvColumn) => {
    const at = positions.get(col);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const entries: GlossaryEntry[] = [];
  for (const { rowNumber, cells } of body) {
    const rawLanguage = cell(cells, 'language');
    const rawStatus = cell(cells, 'status');
    const rawPos = cell(cells, 'part_of_speech');
    const status = parseStatus(rawStatus);
    const pos = parsePartOfSpeech(rawPos);
    if (status === null) {
      problems.push({ row: rowNumber, column: 'status', code: 'invalid_status', value: rawStatus });
    }
    if (pos === 'invalid') {
      problems.push({
        row: rowNumber,
        column: 'part_of_speech',
        code: 'invalid_part_of_speech',
        value: rawPos,
      });
    }
    entries.push({
      conceptId: cell(cells, 'concept_id'),
      language: canonicalLanguage(rawLanguage) ?? rawLanguage,
      term: cell(cells, 'term'),
      definition: cell(cells, 'definition'),
      context: cell(cells, 'context'),
      partOfSpeech: pos === 'invalid' ? null : pos,
      status: status ?? 'draft',
      note: cell(cells, 'note'),
    });
  }
  for (const p of checkEntries(entries, opts)) {
    problems.push({
      row: body[p.index]?.rowNumber ?? 0,
      column: columnOf[p.field],
      code: p.code,
      ...(p.value === undefined ? {} : { value: p.value }),
    });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return problems.length > 0 ? { problems, entries: [] } : { problems, entries };
}

/** The rows of a glossary CSV export (header first), in the column order of GLOSSARY_CSV_COLUMNS. */
export function glossaryCsvRows(entries: readonly GlossaryEntry[]): string[][] {
  return entries.map((e) => [
    e.conceptId,
    e.language,
    e.term,
    e.definition,
    e.context,
    e.status,
    e.partOfSpeech ?? '',
    e.note,
  ]);
}
