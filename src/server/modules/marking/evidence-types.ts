import { EVIDENCE_FILE_EXTENSIONS } from '../../../contracts/marking.js';

// Dispute evidence is photos of the work or the marking sheet, or a PDF: decided by the file's
// extension *and* its first bytes, never by the type the client claims.

const SIGNATURES: Record<
  (typeof EVIDENCE_FILE_EXTENSIONS)[number],
  { type: string; test: (b: Buffer) => boolean }
> = {
  png: {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  jpg: { type: 'image/jpeg', test: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  jpeg: { type: 'image/jpeg', test: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  webp: {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  pdf: { type: 'application/pdf', test: (b) => b.subarray(0, 1024).includes(Buffer.from('%PDF-', 'latin1')) },
};

/** The content type of an accepted evidence file, or null when the name and the bytes disagree. */
export function evidenceContentType(fileName: string, bytes: Buffer): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (!(EVIDENCE_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
    return null;
  }
  const sig = SIGNATURES[ext as keyof typeof SIGNATURES];
  return sig.test(bytes) ? sig.type : null;
}
