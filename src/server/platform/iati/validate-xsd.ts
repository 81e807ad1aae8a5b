import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memoryPages, validateXML } from 'xmllint-wasm';

/**
 * Validates an `iati-activities` document against the official IATI 2.03 XSDs, offline.
 *
 * The schemas are the repository's own copies in ./schemas/2.03 (CC BY 4.0, "IATI Standard
 * (http://iatistandard.org/)"; see the README there). Validation runs libxml2's xmllint compiled
 * to WebAssembly (npm `xmllint-wasm`, MIT) in a worker thread: no native build, no network (the
 * schema's include/import are served from memory and `--nonet` forbids fetching anything else).
 *
 * The XSD checks structure and data types only; codes are checked by checkActivityCodes and IATI
 * rules by checkActivityRules (src/domain/iati).
 */

export const IATI_SCHEMA_DIR = fileURLToPath(new URL('./schemas/2.03/', import.meta.url));
export const IATI_SCHEMA_FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'] as const;

export interface XsdValidationError {
  /** 1-based line in the validated document, null when xmllint gave none. */
  line: number | null;
  /** 1-based column: exact for parser errors; for schema errors the start of the element's tag on
   * that line (xmllint reports lines only), null when it cannot be found. */
  column: number | null;
  /** 'schema': the document breaks the XSD; 'parser': it is not well-formed XML. */
  kind: 'schema' | 'parser';
  /** The element concerned, when xmllint names it. */
  element: string | null;
  /** xmllint's message without its file/line prefix, e.g. "Element 'title': This element is not
   * expected. Expected is ( reporting-org )." */
  message: string;
}

export interface XsdValidationResult {
  valid: boolean;
  errors: XsdValidationError[];
}

const DOC_NAME = 'iati-activities.xml';

let schemas: { fileName: string; contents: string }[] | null = null;

function schemaFiles() {
  schemas ??= IATI_SCHEMA_FILES.map((fileName) => ({
    fileName,
    contents: readFileSync(`${IATI_SCHEMA_DIR}${fileName}`, 'utf8'),
  }));
  return schemas;
}

const LOCATED_RE = new RegExp(`^${DOC_NAME.replace(/[.-]/g, '\\$&')}:(\\d+): (.*)$`);

/** Column of `<element` on a line (1-based), or null. */
function elementColumn(sourceLine: string | undefined, element: string | null): number | null {
  if (sourceLine === undefined || element === null) {
    return null;
  }
  const m = new RegExp(`<${element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s/>])`).exec(sourceLine);
  return m ? m.index + 1 : null;
}

/** xmllint's stderr → errors with positions. Parser errors are followed by a context line and a
 * caret line ("   ^"); the caret gives the column within the context snippet. */
export function parseXmllintOutput(output: string, xml: string): XsdValidationError[] {
  const sourceLines = xml.split(/\r?\n/);
  const lines = output.split('\n');
  const errors: XsdValidationError[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = LOCATED_RE.exec(lines[i] ?? '');
    if (!m) {
      continue;
    }
    const line = Number(m[1]);
    const rest = m[2] ?? '';
    const sourceLine = sourceLines[line - 1];
    const parser =
      /^(?:namespace |)parser error : /.exec(rest) ?? /^(?:validity|namespace) error : /.exec(rest);
    if (parser) {
      const message = rest.slice(parser[0].length).trim();
      let column: number | null = null;
      const context = lines[i + 1];
      const caret = lines[i + 2];
      if (context !== undefined && caret !== undefined && /^\s*\^\s*$/.test(caret)) {
        const offset = sourceLine?.indexOf(context) ?? -1;
        column = offset >= 0 ? offset + caret.indexOf('^') + 1 : null;
        i += 2;
      }
      errors.push({ line, column, kind: 'parser', element: null, message });
      continue;
    }
    const message = rest.replace(/^Schemas validity error : /, '').trim();
    const element = /^Element '([^']+)'/.exec(message)?.[1] ?? null;
    errors.push({ line, column: elementColumn(sourceLine, element), kind: 'schema', element, message });
  }
  return errors;
}

/**
 * Validates `xml` (the text of an iati-activities document) against the IATI 2.03 schema.
 * Resolves with `valid` and every error xmllint reports; rejects only when xmllint itself fails
 * (for example out of memory), which is not a verdict on the document.
 */
export async function validateIatiActivitiesXml(xml: string): Promise<XsdValidationResult> {
  const [root, ...preload] = schemaFiles();
  if (!root) {
    throw new Error('IATI schema files are missing');
  }
  const result = await validateXML({
    xml: [{ fileName: DOC_NAME, contents: xml }],
    schema: [root],
    preload,
    // Large exports (thousands of activities) need more than the 32 MiB default.
    maxMemoryPages: 512 * memoryPages.MiB,
    modifyArguments: (args) => ['--nonet', ...args],
  });
  if (result.valid) {
    return { valid: true, errors: [] };
  }
  const errors = parseXmllintOutput(result.rawOutput, xml);
  if (errors.length === 0) {
    // xmllint said "fails to validate" without a located message; keep its words.
    errors.push({
      line: null,
      column: null,
      kind: 'schema',
      element: null,
      message: result.rawOutput.trim() || 'The document does not validate against the IATI 2.03 schema',
    });
  }
  return { valid: false, errors };
}
