/**
 * Glossary entries and the rules shared by every way they arrive (form, CSV, TBX): term
 * normalization, duplicate detection within a concept and language, and field checks.
 * Pure: the caller supplies the glossary's languages and the keys already stored.
 */
import {
  CONCEPT_ID_PATTERN,
  LIBRARY_LANGUAGES,
  PARTS_OF_SPEECH,
  TERM_LIMITS,
  TERM_STATUSES,
  type TermStatus,
} from '../../contracts/library.js';

export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** One term of one concept in one language, as stored and exchanged. */
export interface GlossaryEntry {
  conceptId: string;
  language: string;
  term: string;
  definition: string;
  context: string;
  partOfSpeech: PartOfSpeech | null;
  status: TermStatus;
  note: string;
}

/** Problem codes the glossary rules can report (the web translates each one). */
export const GLOSSARY_PROBLEM_CODES = [
  'required',
  'too_long',
  'unknown_language',
  'language_not_in_glossary',
  'invalid_status',
  'invalid_part_of_speech',
  'concept_id_format',
  'duplicate_in_file',
  'duplicate_existing',
  'approval_not_permitted',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'empty_file',
  'too_many_rows',
  'unreadable_file',
  'malformed_xml',
  'not_tbx',
  'missing_element',
  'unexpected_element',
] as const;
export type GlossaryProblemCode = (typeof GLOSSARY_PROBLEM_CODES)[number];

/**
 * The form of a term used to detect duplicates: Unicode NFKC (full-width and half-width forms
 * agree), whitespace collapsed, case folded. "Circuit  Breaker" and "circuit breaker" are one term.
 */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('und');
}

/** The identity of an entry: a concept may have several terms per language, but not the same one twice. */
export function entryKey(e: Pick<GlossaryEntry, 'conceptId' | 'language' | 'term'>): string {
  return `${e.conceptId}\u0001${e.language}\u0001${normalizeTerm(e.term)}`;
}

const knownLanguages: ReadonlySet<string> = new Set(LIBRARY_LANGUAGES);

export function isKnownLanguage(tag: string): boolean {
  return knownLanguages.has(tag);
}

/**
 * Resolves a language tag case-insensitively to the spelling of the known list (`ZH-cn` → `zh-CN`,
 * `zh_CN` → `zh-CN`); null when it is not a known tag.
 */
export function canonicalLanguage(tag: string): string | null {
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  return LIBRARY_LANGUAGES.find((l) => l.toLowerCase() === wanted) ?? null;
}

export function parseStatus(value: string): TermStatus | null {
  const v = value.trim().toLowerCase();
  if (v === '') {
    return 'draft';
  }
  return (TERM_STATUSES as readonly string[]).includes(v) ? (v as TermStatus) : null;
}

export function parsePartOfSpeech(value: string): PartOfSpeech | null | 'invalid' {
  const v = value.trim();
  if (v === '') {
    return null;
  }
  const found = PARTS_OF_SPEECH.find((p) => p.toLowerCase() === v.toLowerCase());
  return found ?? 'invalid';
}

/** Field of an entry a problem refers to. */
export type EntryField =
  | 'conceptId'
  | 'language'
  | 'term'
  | 'definition'
  | 'context'
  | 'status'
  | 'partOfSpeech'
  | 'note';

export interface EntryProblem {
  /** Index of the entry in the list checked. */
  index: number;
  field: EntryField;
  code: GlossaryProblemCode;
  value?: string;
}

export interface EntryCheckOptions {
  /** Languages of the glossary the entries go into. */
  glossaryLanguages: readonly string[];
  /** `entryKey` of every entry already stored in the glossary. */
  existingKeys: ReadonlySet<string>;
  /** Whether the importer may mark entries approved. */
  canApprove: boolean;
}

/**
 * Checks entries that are about to be added to a glossary together: every field, duplicates within
 * the list and against what is stored, and approval rights. Lists every problem found.
 */
export function checkEntries(entries: readonly GlossaryEntry[], opts: EntryCheckOptions): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const seen = new Set<string>();
  const glossaryLanguages = new Set(opts.glossaryLanguages);
  entries.forEach((e, index) => {
    const add = (field: EntryField, code: GlossaryProblemCode, value?: string) =>
      problems.push({ index, field, code, ...(value === undefined ? {} : { value }) });
    if (e.conceptId === '') {
      add('conceptId', 'required');
    } else if (!CONCEPT_ID_PATTERN.test(e.conceptId)) {
      add('conceptId', 'concept_id_format', e.conceptId);
    }
    if (e.language === '') {
      add('language', 'required');
    } else if (!isKnownLanguage(e.language)) {
      add('language', 'unknown_language', e.language);
    } else if (!glossaryLanguages.has(e.language)) {
      add('language', 'language_not_in_glossary', e.language);
    }
    if (e.term.trim() === '') {
      add('term', 'required');
    }
    for (const field of ['term', 'definition', 'context', 'note'] as const) {
      if (e[field].length > TERM_LIMITS[field]) {
        add(field, 'too_long');
      }
    }
    if (e.status === 'approved' && !opts.canApprove) {
      add('status', 'approval_not_permitted');
    }
    if (e.term.trim() !== '' && e.conceptId !== '' && e.language !== '') {
      const key = entryKey(e);
      if (opts.existingKeys.has(key)) {
        add('term', 'duplicate_existing', e.term);
      } else if (seen.has(key)) {
        add('term', 'duplicate_in_file', e.term);
      }
      seen.add(key);
    }
  });
  return problems;
}

/** Groups entries by concept, concepts in first-seen order, entries in the given order. */
export function groupByConcept<E extends Pick<GlossaryEntry, 'conceptId'>>(
  entries: readonly E[],
): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const e of entries) {
    const list = groups.get(e.conceptId);
    if (list) {
      list.push(e);
    } else {
      groups.set(e.conceptId, [e]);
    }
  }
  return groups;
}
