import { describe, expect, it } from 'vitest';
import { glossaryCsvRows, readGlossaryCsv } from './glossary-csv.js';
import { glossaryToTbx, TBX_NAMESPACE, tbxToEntries, textOf, type XmlElement } from './tbx.js';
import { canonicalLanguage, checkEntries, entryKey, type GlossaryEntry, normalizeTerm } from './terms.js';

const opts = {
  glossaryLanguages: ['en', 'zh-CN', 'fr', 'ar'],
  existingKeys: new Set<string>(),
  canApprove: true,
};

const entry = (over: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  conceptId: 'c1',
  language: 'en',
  term: 'circuit breaker',
  definition: 'A switch that opens on overcurrent',
  context: '',
  partOfSpeech: 'noun',
  status: 'draft',
  note: '',
  ...over,
});

describe('normalizeTerm', () => {
  it.each([
    ['Circuit  Breaker', 'circuit breaker'],
    ['  RCD\t', 'rcd'],
    ['ＲＣＤ', 'rcd'],
    ['断路器', '断路器'],
    ['Disjoncteur', 'disjoncteur'],
    ['قاطع الدائرة', 'قاطع الدائرة'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTerm(input)).toBe(expected);
  });
});

describe('canonicalLanguage', () => {
  it.each([
    ['zh-cn', 'zh-CN'],
    ['ZH_CN', 'zh-CN'],
    ['ar', 'ar'],
    ['xx', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(canonicalLanguage(input)).toBe(expected);
  });
});

describe('checkEntries', () => {
  it.each<[string, Partial<GlossaryEntry>, string, string]>([
    ['missing term', { term: ' ' }, 'term', 'required'],
    ['unknown language', { language: 'klingon' }, 'language', 'unknown_language'],
    ['language outside the glossary', { language: 'de' }, 'language', 'language_not_in_glossary'],
    ['concept id not an XML name', { conceptId: '1abc' }, 'conceptId', 'concept_id_format'],
    ['missing concept id', { conceptId: '' }, 'conceptId', 'required'],
    ['term too long', { term: 'x'.repeat(301) }, 'term', 'too_long'],
  ])('%s', (_name, over, field, code) => {
    expect(checkEntries([entry(over)], opts)).toEqual([expect.objectContaining({ index: 0, field, code })]);
  });

  it('finds duplicates within a concept and language, not across them', () => {
    const problems = checkEntries(
      [
        entry(),
        entry({ term: 'Circuit  Breaker' }),
        entry({ conceptId: 'c2' }),
        entry({ language: 'fr', term: 'circuit breaker' }),
      ],
      opts,
    );
    expect(problems).toEqual([
      { index: 1, field: 'term', code: 'duplicate_in_file', value: 'Circuit  Breaker' },
    ]);
  });

  it('finds duplicates of stored terms and refuses approval without the right', () => {
    const existing = new Set([entryKey(entry())]);
    expect(
      checkEntries([entry({ term: 'CIRCUIT BREAKER', status: 'approved' })], {
        ...opts,
        existingKeys: existing,
        canApprove: false,
      }).map((p) => p.code),
    ).toEqual(['approval_not_permitted', 'duplicate_existing']);
  });
});

describe('readGlossaryCsv', () => {
  const header = ['concept_id', 'language', 'term', 'definition', 'context', 'status'];

  it('reads valid rows, canonicalizes language tags and skips blank rows', () => {
    const r = readGlossaryCsv(
      [header, ['c1', 'EN', 'fuse', 'def', 'ctx', 'approved'], [], ['c1', 'zh-cn', '熔断器', '', '', '']],
      opts,
    );
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.language, e.term, e.status])).toEqual([
      ['en', 'fuse', 'approved'],
      ['zh-CN', '熔断器', 'draft'],
    ]);
  });

  it.each<[string, string[][], object[]]>([
    ['empty file', [], [{ row: 1, column: '', code: 'empty_file' }]],
    ['header only', [header], [{ row: 2, column: '', code: 'empty_file' }]],
    [
      'missing and unknown columns',
      [['concept_id', 'language', 'term', 'colour']],
      [
        { row: 1, column: 'colour', code: 'unknown_column' },
        { row: 1, column: 'definition', code: 'missing_column' },
        { row: 1, column: 'context', code: 'missing_column' },
        { row: 1, column: 'status', code: 'missing_column' },
      ],
    ],
    [
      'bad cells, by row and column',
      [
        header,
        ['c1', 'en', 'fuse', '', '', 'final'],
        ['c1', 'tlh', 'x', '', '', ''],
        ['c1', 'en', 'Fuse', '', '', ''],
      ],
      [
        { row: 2, column: 'status', code: 'invalid_status', value: 'final' },
        { row: 3, column: 'language', code: 'unknown_language', value: 'tlh' },
        { row: 4, column: 'term', code: 'duplicate_in_file', value: 'Fuse' },
      ],
    ],
  ])('%s', (_name, rows, problems) => {
    const r = readGlossaryCsv(rows, opts);
    expect(r.problems).toEqual(problems);
    expect(r.entries).toEqual([]);
  });

  // The apostrophe exports put before formula-like cells is undone by the server on the way in
  // (platform/spreadsheets/formula-injection.ts); this reader sees the cells as they were written.
  it('reads back what it writes, including a formula-like cell', () => {
    const entries = [
      entry({ term: '=SUM(A1)' }),
      entry({ language: 'ar', term: 'قاطع', partOfSpeech: null }),
    ];
    const rows = [header.concat('part_of_speech', 'note'), ...glossaryCsvRows(entries)];
    expect(readGlossaryCsv(rows, opts).entries).toEqual(entries);
  });
});

describe('TBX mapping', () => {
  const entries = [
    entry({ term: 'plug & socket <IEC 60309>', context: 'Use a "blue" 230 V plug', status: 'approved' }),
    entry({ language: 'zh-CN', term: '插头和插座', definition: '连接电器的装置', partOfSpeech: null }),
    entry({ conceptId: 'c2', language: 'fr', term: 'disjoncteur', note: 'n', partOfSpeech: 'noun' }),
  ];
  const tree = glossaryToTbx(
    { title: 'Electrical', subject: 'Electrical Installations', language: 'en' },
    entries,
  );

  it('builds the TBX-Basic root with the ISO 30042 namespace', () => {
    expect(tree.name).toBe('tbx');
    expect(tree.attrs).toEqual({ type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en', xmlns: TBX_NAMESPACE });
    const body = (tree.children[1] as XmlElement).children[0] as XmlElement;
    expect(body.children).toHaveLength(2);
    const first = body.children[0] as XmlElement;
    expect(first.attrs.id).toBe('c1');
    expect(first.children.map((c) => (c as XmlElement).name)).toEqual(['descrip', 'langSec', 'langSec']);
  });

  it('round-trips entries', () => {
    expect(tbxToEntries(tree, opts)).toEqual({ problems: [], entries });
  });

  it('reports problems by element path', () => {
    const bad = glossaryToTbx({ title: 'x', subject: '', language: 'en' }, [
      entry(),
      entry({ conceptId: 'c2', language: 'tlh' }),
    ]);
    expect(tbxToEntries(bad, opts).problems).toEqual([
      { path: '/tbx/text/body/conceptEntry[2]/langSec[1]/@xml:lang', code: 'unknown_language', value: 'tlh' },
    ]);
    expect(tbxToEntries({ name: 'martif', attrs: {}, children: [] }, opts).problems).toEqual([
      { path: '/martif', code: 'not_tbx' },
    ]);
    expect(
      textOf({ name: 'term', attrs: {}, children: ['a', { name: 'hi', attrs: {}, children: ['b'] }] }),
    ).toBe('ab');
  });
});
