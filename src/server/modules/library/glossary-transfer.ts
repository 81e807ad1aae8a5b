import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { GLOSSARY_CSV_COLUMNS, type TGlossaryImportProblem } from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { glossaryCsvRows, readGlossaryCsv } from '../../../domain/glossary/glossary-csv.js';
import {
  glossaryToTbx,
  TBX_NAMESPACE,
  tbxToEntries,
  type XmlElement,
  type XmlNode,
} from '../../../domain/glossary/tbx.js';
import { entryKey, type GlossaryEntry, normalizeTerm } from '../../../domain/glossary/terms.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { restoreNeutralized } from '../../platform/spreadsheets/formula-injection.js';
import {
  readTabularFile,
  sniffTabularFormat,
  writeTabularFile,
} from '../../platform/spreadsheets/tabular-files.js';
import { glossaryRow } from './glossaries.service.js';
import * as repo from './library.repository.js';
import type { GlossaryTermRow } from './library.tables.js';

export type GlossaryFileFormat = 'csv' | 'tbx';

const toEntry = (r: GlossaryTermRow): GlossaryEntry => ({
  conceptId: r.conceptId,
  language: r.language,
  term: r.term,
  definition: r.definition,
  context: r.context,
  partOfSpeech: r.partOfSpeech as GlossaryEntry['partOfSpeech'],
  status: r.status,
  note: r.note,
});

/** Writes a neutral element tree as XML text (xmlbuilder2 escapes text and attribute values). */
export function serialize(root: XmlElement): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const { xmlns, ...rootAttrs } = root.attrs;
  const write = (parent: ReturnType<typeof doc.ele>, node: XmlNode) => {
    if (typeof node === 'string') {
      parent.txt(node);
      return;
    }
    const child = parent.ele(node.name, node.attrs);
    for (const c of node.children) {
      write(child, c);
    }
  };
  const top = doc.ele(xmlns ?? TBX_NAMESPACE, root.name, rootAttrs);
  for (const c of root.children) {
    write(top, c);
  }
  return doc.end({ prettyPrint: true });
}

type Ordered = Record<string, unknown>;

/** fast-xml-parser's ordered output → neutral element tree (whitespace-only text dropped). */
function toTree(nodes: Ordered[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if ('#text' in node) {
      const text = String(node['#text']);
      if (text.trim() !== '') {
        out.push(text);
      }
      continue;
    }
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name.startsWith('?') || name.startsWith('#')) {
      continue;
    }
    const attrs = Object.fromEntries(
      Object.entries((node[':@'] as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [
        k,
        String(v),
      ]),
    );
    out.push({ name, attrs, children: toTree((node[name] as Ordered[]) ?? []) });
  }
  return out;
}

/** Parses TBX text into its root element, or returns the problem that prevents it. */
export function parseTbx(text: string): XmlElement | TGlossaryImportProblem {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    // No document types: entity expansion is a denial-of-service vector and TBX v3 needs none.
    return { path: '/', code: 'unreadable_file' };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { path: '/', code: 'malformed_xml', value: `line ${valid.err.line}: ${valid.err.msg}` };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: false,
    processEntities: true,
  });
  let tree: Ordered[];
  try {
    tree = parser.parse(text) as Ordered[];
  } catch (err) {
    // The validator lets some damage through that the parser then throws on (found by fuzzing:
    // a NUL inside the XML declaration).
    return { path: '/', code: 'malformed_xml', value: (err as Error).message };
  }
  const root = toTree(tree).find((n): n is XmlElement => typeof n !== 'string');
  return root ?? { path: '/', code: 'not_tbx' };
}

function fileBaseName(nameJson: string): string {
  const names = parseJson<Record<string, string>>(nameJson, {});
  const name = names.en || Object.values(names).find(Boolean) || 'glossary';
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'glossary';
}

export async function exportGlossary(ctx: ServiceContext, glossaryId: string, format: GlossaryFileFormat) {
  requirePermission(ctx, Permission.GlossaryRead);
  const glossary = await glossaryRow(ctx, ctx.deps.db, glossaryId);
  const entries = (await repo.termsOf(ctx.deps.db, ctx.actor.organizationId, glossaryId)).map(toEntry);
  const base = fileBaseName(glossary.nameJson);
  if (format === 'csv') {
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: await writeTabularFile('csv', GLOSSARY_CSV_COLUMNS, glossaryCsvRows(entries), 'Glossary'),
    };
  }
  const names = parseJson<Record<string, string>>(glossary.nameJson, {});
  const languages = parseJson<string[]>(glossary.languagesJson, []);
  const tree = glossaryToTbx(
    {
      title: names.en || Object.values(names).find(Boolean) || 'Glossary',
      subject: glossary.subject,
      language: languages[0] ?? 'en',
    },
    entries,
  );
  return {
    fileName: `${base}.tbx`,
    contentType: 'application/x-tbx+xml',
    bytes: Buffer.from(serialize(tree), 'utf8'),
  };
}

/**
 * Adds every term of a CSV or TBX file to the glossary, or none: any problem (listed by row and
 * column, or by element path) answers IMPORT_INVALID and nothing is written.
 * @throws IMPORT_INVALID, NOT_FOUND, FORBIDDEN
 */
export async function importGlossary(
  ctx: ServiceContext,
  glossaryId: string,
  format: GlossaryFileFormat,
  file: { fileName: string; bytes: Buffer },
) {
  requirePermission(ctx, Permission.GlossaryWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const glossary = await glossaryRow(ctx, trx, glossaryId);
    const existing = await repo.termsOf(trx, ctx.actor.organizationId, glossaryId);
    const opts = {
      glossaryLanguages: parseJson<string[]>(glossary.languagesJson, []),
      existingKeys: new Set(existing.map(entryKey)),
      canApprove: can(ctx, Permission.GlossaryApprove),
    };
    let result: { problems: TGlossaryImportProblem[]; entries: GlossaryEntry[] };
    if (format === 'csv') {
      if (sniffTabularFormat(file.bytes) !== 'csv') {
        result = { problems: [{ row: 1, column: '', code: 'unreadable_file' }], entries: [] };
      } else {
        // A glossary exported here and edited comes back with its formula guard: undo it.
        const rows = (await readTabularFile(file.bytes)).map((r) => r.map(restoreNeutralized));
        result = readGlossaryCsv(rows, opts);
      }
    } else {
      const root = parseTbx(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
      result = 'name' in root ? tbxToEntries(root, opts) : { problems: [root], entries: [] };
    }
    if (result.problems.length > 0) {
      throw new AppError('IMPORT_INVALID', 'The file has problems; nothing was imported', {
        problems: result.problems.slice(0, 500),
        problemCount: result.problems.length,
      });
    }
    const now = ctx.deps.clock.now().toISOString();
    // Ids advance by a millisecond per row so that terms keep the order of the file (UUIDv7 sorts by time).
    const base = ctx.deps.clock.now().getTime();
    const rows = result.entries.map((e, i) => ({
      id: newId(base + i),
      organizationId: ctx.actor.organizationId,
      glossaryId,
      conceptId: e.conceptId,
      language: e.language,
      term: e.term,
      termNorm: normalizeTerm(e.term),
      definition: e.definition,
      context: e.context,
      partOfSpeech: e.partOfSpeech,
      status: e.status,
      approvedBy: e.status === 'approved' ? ctx.actor.userId : null,
      approvedAt: e.status === 'approved' ? now : null,
      note: e.note,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
      version: 1,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('glossaryTerms')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'import',
      entityType: 'glossary',
      entityId: glossaryId,
      after: { format, fileName: file.fileName, imported: rows.length },
    });
    return { imported: rows.length };
  });
}
