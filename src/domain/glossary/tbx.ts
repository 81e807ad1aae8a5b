/**
 * Mapping between glossary entries and a TBX document (ISO 30042:2019, TBX-Basic dialect, DCA
 * style), on a neutral element tree; the server turns the tree into XML text and back.
 *
 *   <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 *     <tbxHeader><fileDesc><titleStmt><title/></titleStmt><sourceDesc><p/></sourceDesc></fileDesc></tbxHeader>
 *     <text><body>
 *       <conceptEntry id="…">
 *         <descrip type="subjectField">…</descrip>
 *         <langSec xml:lang="zh-CN">
 *           <descrip type="definition">…</descrip>
 *           <termSec>
 *             <term>…</term>
 *             <termNote type="partOfSpeech">noun</termNote>
 *             <termNote type="processStatus">finalized</termNote>
 *             <descrip type="context">…</descrip>
 *             <note>…</note>
 *
 * The definition belongs to the language section: terms of one concept and language share it.
 * Review status travels as `processStatus` (approved ↔ finalized, draft ↔ provisionallyProcessed).
 */
import type { TGlossaryImportProblem } from '../../contracts/library.js';
import {
  canonicalLanguage,
  checkEntries,
  type EntryCheckOptions,
  type EntryField,
  type GlossaryEntry,
  groupByConcept,
  parsePartOfSpeech,
} from './terms.js';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const el = (name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement => ({
  name,
  attrs,
  children,
});

export interface TbxGlossaryInfo {
  title: string;
  subject: string;
  /** Main language of the file (`tbx/@xml:lang`). */
  language: string;
}

/** The TBX tree of a glossary. Entries are grouped by concept and by language in the order given. */
export function glossaryToTbx(info: TbxGlossaryInfo, entries: readonly GlossaryEntry[]): XmlElement {
  const concepts: XmlElement[] = [];
  for (const [conceptId, terms] of groupByConcept(entries)) {
    const children: XmlNode[] = [];
    if (info.subject) {
      children.push(el('descrip', { type: 'subjectField' }, [info.subject]));
    }
    const byLanguage = new Map<string, GlossaryEntry[]>();
    for (const t of terms) {
      byLanguage.set(t.language, [...(byLanguage.get(t.language) ?? []), t]);
    }
    for (const [language, list] of byLanguage) {
      const langChildren: XmlNode[] = [];
      const definition = list.find((t) => t.definition !== '')?.definition ?? '';
      if (definition) {
        langChildren.push(el('descrip', { type: 'definition' }, [definition]));
      }
      for (const t of list) {
        const termChildren: XmlNode[] = [el('term', {}, [t.term])];
        if (t.partOfSpeech) {
          termChildren.push(el('termNote', { type: 'partOfSpeech' }, [t.partOfSpeech]));
        }
        termChildren.push(
          el('termNote', { type: 'processStatus' }, [
            t.status === 'approved' ? 'finalized' : 'provisionallyProcessed',
          ]),
        );
        if (t.context) {
          termChildren.push(el('descrip', { type: 'context' }, [t.context]));
        }
        if (t.note) {
          termChildren.push(el('note', {}, [t.note]));
        }
        langChildren.push(el('termSec', {}, termChildren));
      }
      children.push(el('langSec', { 'xml:lang': language }, langChildren));
    }
    concepts.push(el('conceptEntry', { id: conceptId }, children));
  }
  return el('tbx', { type: 'TBX-Basic', style: 'dca', 'xml:lang': info.language, xmlns: TBX_NAMESPACE }, [
    el('tbxHeader', {}, [
      el('fileDesc', {}, [
        el('titleStmt', {}, [el('title', {}, [info.title])]),
        el('sourceDesc', {}, [el('p', {}, ['TVET Bridge'])]),
      ]),
    ]),
    el('text', {}, [el('body', {}, concepts)]),
  ]);
}

/** The text content of an element (inline markup such as <hi> flattened). */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

const elements = (parent: XmlElement, name: string) =>
  parent.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

export interface TbxReadResult {
  problems: TGlossaryImportProblem[];
  entries: GlossaryEntry[];
}

/**
 * Reads glossary entries from a parsed TBX document and checks them. Problems name the element by
 * its path with 1-based positions, e.g. `/tbx/text/body/conceptEntry[2]/langSec[1]/termSec[1]/term`.
 */
export function tbxToEntries(root: XmlElement, opts: EntryCheckOptions): TbxReadResult {
  if (root.name !== 'tbx' || root.attrs.xmlns !== TBX_NAMESPACE) {
    return { problems: [{ path: `/${root.name}`, code: 'not_tbx' }], entries: [] };
  }
  const text = elements(root, 'text')[0];
  const body = text ? elements(text, 'body')[0] : undefined;
  if (!body) {
    return {
      problems: [{ path: text ? '/tbx/text/body' : '/tbx/text', code: 'missing_element' }],
      entries: [],
    };
  }
  const problems: TGlossaryImportProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const paths: Record<EntryField, string>[] = [];
  const concepts = elements(body, 'conceptEntry');
  if (concepts.length === 0) {
    return { problems: [{ path: '/tbx/text/body/conceptEntry', code: 'empty_file' }], entries: [] };
  }
  concepts.forEach((concept, ci) => {
    const cPath = `/tbx/text/body/conceptEntry[${ci + 1}]`;
    const conceptId = (concept.attrs.id ?? '').trim();
    const langSecs = elements(concept, 'langSec');
    if (langSecs.length === 0) {
      problems.push({ path: `${cPath}/langSec`, code: 'missing_element' });
    }
    langSecs.forEach((langSec, li) => {
      const lPath = `${cPath}/langSec[${li + 1}]`;
      const rawLanguage = (langSec.attrs['xml:lang'] ?? '').trim();
      const definitionEl = elements(langSec, 'descrip').find((d) => d.attrs.type === 'definition');
      const definition = definitionEl ? textOf(definitionEl).trim() : '';
      const termSecs = elements(langSec, 'termSec');
      if (termSecs.length === 0) {
        problems.push({ path: `${lPath}/termSec`, code: 'missing_element' });
      }
      termSecs.forEach((termSec, ti) => {
        const tPath = `${lPath}/termSec[${ti + 1}]`;
        const termEl = elements(termSec, 'term')[0];
        const notes = elements(termSec, 'termNote');
        const posEl = notes.find((n) => n.attrs.type === 'partOfSpeech');
        const statusEl = notes.find((n) => n.attrs.type === 'processStatus');
        const contextEl = elements(termSec, 'descrip').find((d) => d.attrs.type === 'context');
        const noteEl = elements(termSec, 'note')[0];
        const pos = parsePartOfSpeech(posEl ? textOf(posEl) : '');
        if (pos === 'invalid') {
          problems.push({
            path: `${tPath}/termNote[@type='partOfSpeech']`,
            code: 'invalid_part_of_speech',
            value: posEl ? textOf(posEl).trim() : '',
          });
        }
        entries.push({
          conceptId,
          language: canonicalLanguage(rawLanguage) ?? rawLanguage,
          term: termEl ? textOf(termEl).trim() : '',
          definition,
          context: contextEl ? textOf(contextEl).trim() : '',
          partOfSpeech: pos === 'invalid' ? null : pos,
          status: statusEl && textOf(statusEl).trim() === 'finalized' ? 'approved' : 'draft',
          note: noteEl ? textOf(noteEl).trim() : '',
        });
        paths.push({
          conceptId: `${cPath}/@id`,
          language: `${lPath}/@xml:lang`,
          term: `${tPath}/term`,
          definition: `${lPath}/descrip[@type='definition']`,
          context: `${tPath}/descrip[@type='context']`,
          status: `${tPath}/termNote[@type='processStatus']`,
          partOfSpeech: `${tPath}/termNote[@type='partOfSpeech']`,
          note: `${tPath}/note`,
        });
      });
    });
  });
  for (const p of checkEntries(entries, opts)) {
    problems.push({
      path: paths[p.index]?.[p.field] ?? '/tbx',
      code: p.code,
      ...(p.value === undefined ? {} : { value: p.value }),
    });
  }
  return problems.length > 0 ? { problems, entries: [] } : { problems, entries };
}
