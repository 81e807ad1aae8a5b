/**
 * A guard against "zip bombs" before an .xlsx reaches exceljs, which inflates every part into memory:
 * a 200 KB workbook whose sheet is 200 MB of blanks took 7.5 s and 790 MB of memory to read, so a
 * 5 MB upload could take the server down. The guard walks the ZIP central directory and inflates
 * each entry itself with a hard cap on the output (the sizes a ZIP declares can lie), discarding
 * what it inflates.
 */
import zlib from 'node:zlib';

/** What any spreadsheet the platform imports may expand to; real imports stay far below. */
export const XLSX_MAX_EXPANDED_BYTES = 100 * 1024 * 1024;
export const XLSX_MAX_ENTRIES = 2_000;

export type ZipCheck = 'ok' | 'too_large' | 'corrupt';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      return i;
    }
  }
  return -1;
}

/**
 * Whether a ZIP archive expands within `maxBytes` in at most `maxEntries` entries. Anything this
 * reader cannot follow (ZIP64, encryption, unknown compression, offsets out of range) is `corrupt`:
 * a spreadsheet program never writes those for an ordinary workbook.
 */
export function checkZipExpansion(
  bytes: Buffer,
  maxBytes = XLSX_MAX_EXPANDED_BYTES,
  maxEntries = XLSX_MAX_ENTRIES,
): ZipCheck {
  if (bytes.length < 22) {
    return 'corrupt';
  }
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) {
    return 'corrupt';
  }
  const entries = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries > maxEntries) {
    return 'too_large';
  }
  let budget = maxBytes;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      return 'corrupt';
    }
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1 || localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) {
      return 'corrupt';
    }
    const dataStart =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) {
      return 'corrupt';
    }
    let size: number;
    if (method === 0) {
      size = compressedSize;
    } else if (method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (err) {
        return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'corrupt';
      }
    } else {
      return 'corrupt';
    }
    budget -= size;
    if (budget < 0) {
      return 'too_large';
    }
  }
  return 'ok';
}
