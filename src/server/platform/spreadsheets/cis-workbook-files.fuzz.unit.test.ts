/**
 * Fuzzing the CIS marking-scheme workbook reader and parser: a mutated real workbook, arbitrary bytes
 * and arbitrary grids give either sheets and a parse result with its own problems, or the reader's
 * AppError, never another exception.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCisMarkingScheme } from '../../../domain/competitions/cis-workbook.js';
import { AppError } from '../errors.js';
import { readCisWorkbook } from './cis-workbook-files.js';
import { fuzzRuns, mutatedBytesArb } from './fuzz.test-support.js';

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../../samples/marking-schemes/ES2025_Marking_Scheme_Web_Development_17.xlsx',
);

async function readsOrRefuses(bytes: Buffer): Promise<void> {
  let sheets: Awaited<ReturnType<typeof readCisWorkbook>>;
  try {
    sheets = await readCisWorkbook(bytes);
  } catch (err) {
    expect(err, String((err as Error)?.stack)).toBeInstanceOf(AppError);
    expect(['IMPORT_INVALID', 'FILE_REJECTED']).toContain((err as AppError).code);
    return;
  }
  const result = parseCisMarkingScheme(sheets);
  for (const p of result.problems) {
    expect(Number.isInteger(p.row) && p.row >= 1, JSON.stringify(p)).toBe(true);
    expect(typeof p.sheet).toBe('string');
    expect(p.code).toMatch(/^[a-z_]+$/);
  }
}

describe('CIS workbook under fuzzing', () => {
  it('mutated real workbook bytes', async () => {
    const base = fs.readFileSync(SAMPLE);
    await fc.assert(fc.asyncProperty(mutatedBytesArb(base), readsOrRefuses), fuzzRuns(40));
  });

  it('arbitrary bytes, ZIP-looking or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1500 }), fc.boolean(), (b, zip) =>
        readsOrRefuses(Buffer.concat([Buffer.from(zip ? [0x50, 0x4b, 0x03, 0x04] : []), Buffer.from(b)])),
      ),
      fuzzRuns(150),
    );
  });
});
