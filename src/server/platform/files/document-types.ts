/**
 * The document types the platform accepts for uploads (library resources, project documents,
 * programme materials), decided by extension *and* content, never by the type the client claims.
 */

import { DOCUMENT_FILE_EXTENSIONS } from '../../../contracts/attachments.js';

/** Accepted extensions, lower case, without the dot (shared with the web through the contracts). */
export { DOCUMENT_FILE_EXTENSIONS };
export type DocumentFileExtension = (typeof DOCUMENT_FILE_EXTENSIONS)[number];

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const CONTENT_TYPES: Record<DocumentFileExtension, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  zip: 'application/zip',
};

/**
 * The content type of an accepted document, decided by extension *and* content: a PDF starts
 * with `%PDF-` within its first KiB; the office formats and ZIP are ZIP archives (`PK\3\4`), the
 * OOXML ones naming `[Content_Types].xml` and the OpenDocument ones their `mimetype` entry.
 * Null when the name and the bytes do not agree or the type is not accepted.
 */
export function documentContentType(fileName: string, bytes: Buffer): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (!(DOCUMENT_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    return null;
  }
  const type = CONTENT_TYPES[ext as DocumentFileExtension];
  if (ext === 'pdf') {
    return bytes.subarray(0, 1024).includes(PDF_MAGIC) ? type : null;
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    return null;
  }
  if (ext === 'docx' || ext === 'xlsx' || ext === 'pptx') {
    return bytes.includes(Buffer.from('[Content_Types].xml', 'latin1')) ? type : null;
  }
  if (ext.startsWith('od')) {
    return bytes.subarray(0, 200).includes(Buffer.from(`mimetype${type}`, 'latin1')) ? type : null;
  }
  return type;
}

/**
 * Keeps a file name displayable and harmless in a Content-Disposition header: the last path
 * segment, control characters dropped, at most 200 characters; `fallback` when nothing is left.
 */
export function cleanFileName(name: string, fallback = 'document'): string {
  const base = name.split(/[\\/]/).pop() ?? fallback;
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f').join('');
  return printable.slice(0, 200).trim() || fallback;
}
