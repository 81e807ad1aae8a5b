/**
 * Fuzzing the CSV/XLSX reader every import goes through: arbitrary bytes and mutated valid files give
 * either rows of strings or the reader's own AppError (IMPORT_INVALID with a row, FILE_REJECTED),
 * never another exception.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { expectFindings, fuzzRuns, gridArb, mutatedBytesArb } from './fuzz.test-support.js';
import { readTabularFile, writeTabularFile } from './tabular-files.js';

const samples = path.resolve(import.meta.dirname, '../../../../samples');

async function readsOrRefuses(bytes: Buffer): Promise<void> {
  try {
    const rows = await readTabularFile(bytes);
    expect(Array.isArray(rows)).toBe(true);
    for (const r of rows) {
      expect(r.every((c) => typeof c === 'string')).toBe(true);
    }
  } catch (err) {
    expect(err, String((err as Error)?.stack)).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(['IMPORT_INVALID', 'FILE_REJECTED']).toContain(e.code);
    if (e.code === 'IMPORT_INVALID') {
      expectFindings(e.details?.problems as { row: number; column: string; code: string }[]);
    }
  }
}

describe('readTabularFile under fuzzing', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (b) => readsOrRefuses(Buffer.from(b))),
      fuzzRuns(300),
    );
  });

  it('bytes that start like a ZIP (an .xlsx) but are not one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (b) =>
        readsOrRefuses(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)])),
      ),
      fuzzRuns(200),
    );
  });

  it('mutated shipped CSV samples', async () => {
    const files = ['partners-import.csv', 'enrolments-import.csv', 'infrastructure-list-sample.csv'];
    const bases = files.map((f) => fs.readFileSync(path.join(samples, f)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases).chain(mutatedBytesArb), readsOrRefuses),
      fuzzRuns(200),
    );
  });

  it('mutated valid XLSX files, and arbitrary grids written and read back', async () => {
    const xlsx = await writeTabularFile(
      'xlsx',
      ['a', 'b', 'c'],
      [
        ['1', '=x', 'ü'],
        ['', 'b', ''],
      ],
      'S',
    );
    await fc.assert(fc.asyncProperty(mutatedBytesArb(xlsx), readsOrRefuses), fuzzRuns(60));
    await fc.assert(
      fc.asyncProperty(
        gridArb(6, 5),
        fc.constantFrom('csv' as const, 'xlsx' as const),
        async (grid, format) => {
          const header = ['h1', 'h2', 'h3', 'h4', 'h5'];
          await readsOrRefuses(await writeTabularFile(format, header, grid, 'S'));
        },
      ),
      fuzzRuns(60),
    );
  });
});
