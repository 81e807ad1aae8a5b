/**
 * Test support for the fast-check fuzzing of the import parsers (*.fuzz.unit.test.ts): hostile
 * cells, grids and byte mutations, run settings, and the check that a parser's answer is its own
 * typed finding (row and column), never a stray exception.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Bounded runs; a fixed seed in CI (FUZZ_SEED overrides) so a red build replays exactly, a fresh
 * one locally so every run explores a little more. fast-check prints the seed of a failure.
 */
export function fuzzRuns(numRuns: number): fc.Parameters<unknown> {
  const fixed = process.env.FUZZ_SEED ?? (process.env.CI ? '20261129' : undefined);
  return { numRuns, ...(fixed === undefined ? {} : { seed: Number(fixed) }) };
}

/** Texts that break naive parsers: formulas, markup, bidi controls, BOMs, huge numbers, dates. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202Eevil\u202C',
  '=HYPERLINK("http://x","y")',
  "'=1",
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '0',
  '-1',
  '1e309',
  'NaN',
  '9999999999999999999999',
  '2026-02-30',
  '31/12/2026',
  '__proto__',
  'constructor',
  'toString',
  ';;;',
  '"',
  '\r\n',
  'a'.repeat(5000),
] as const;

export const cellArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

export const gridArb = (maxRows = 25, maxCols = 14): fc.Arbitrary<string[][]> =>
  fc.array(fc.array(cellArb, { maxLength: maxCols }), { maxLength: maxRows });

type Mutation =
  | { kind: 'set'; r: number; c: number; v: string }
  | { kind: 'dropRow' | 'dupRow' | 'truncRow'; r: number; c: number }
  | { kind: 'dropCol'; c: number }
  | { kind: 'insertRow'; r: number; row: string[] };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), r: fc.nat(60), c: fc.nat(20), v: cellArb }),
  fc.record({
    kind: fc.constantFrom('dropRow' as const, 'dupRow' as const, 'truncRow' as const),
    r: fc.nat(60),
    c: fc.nat(20),
  }),
  fc.record({ kind: fc.constant('dropCol' as const), c: fc.nat(20) }),
  fc.record({
    kind: fc.constant('insertRow' as const),
    r: fc.nat(60),
    row: fc.array(cellArb, { maxLength: 12 }),
  }),
);

function mutate(base: readonly (readonly string[])[], mutations: readonly Mutation[]): string[][] {
  const grid = base.map((r) => [...r]);
  for (const m of mutations) {
    const r = grid.length === 0 ? 0 : ('r' in m ? m.r : 0) % grid.length;
    const row = grid[r];
    switch (m.kind) {
      case 'set':
        if (row) {
          row[m.c % (row.length + 1)] = m.v;
        }
        break;
      case 'dropRow':
        grid.splice(r, 1);
        break;
      case 'dupRow':
        if (row) {
          grid.splice(r, 0, [...row]);
        }
        break;
      case 'truncRow':
        if (row) {
          row.length = m.c % (row.length + 1);
        }
        break;
      case 'dropCol':
        for (const x of grid) {
          x.splice(m.c % Math.max(1, x.length), 1);
        }
        break;
      case 'insertRow':
        grid.splice(r, 0, m.row);
        break;
    }
  }
  return grid;
}

/** A valid grid (a shipped sample) changed by a few hostile edits. */
export const mutatedGridArb = (base: readonly (readonly string[])[]): fc.Arbitrary<string[][]> =>
  fc.array(mutationArb, { minLength: 1, maxLength: 8 }).map((ms) => mutate(base, ms));

/** Valid bytes with a few byte flips, a cut or an insertion. */
export const mutatedBytesArb = (base: Buffer): fc.Arbitrary<Buffer> =>
  fc
    .array(
      fc.oneof(
        fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }).map((m) => (b: Buffer) => {
          const out = Buffer.from(b);
          if (out.length > 0) {
            out[m.at % out.length] = m.byte;
          }
          return out;
        }),
        fc.nat().map((at) => (b: Buffer) => b.subarray(0, at % (b.length + 1))),
        fc.record({ at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }).map((m) => (b: Buffer) => {
          const at = m.at % (b.length + 1);
          return Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
        }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((fs) => (fs as ((b: Buffer) => Buffer)[]).reduce((b, f) => f(b), base));

/** A finding the user can act on: a positive row number, a column name (may be empty), a code. */
export function expectFindings(findings: readonly { row: number; column: string; code: string }[]): void {
  for (const f of findings) {
    expect(Number.isInteger(f.row) && f.row >= 1, JSON.stringify(f)).toBe(true);
    expect(typeof f.column).toBe('string');
    expect(f.code).toMatch(/^[a-z_]+$/);
  }
}

/** The cells of a shipped sample CSV (samples/<name>), as readTabularFile would give them. */
export function sampleGrid(name: string): string[][] {
  const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
  return (parse(text, { bom: true, relax_column_count: true }) as string[][]).map((r) =>
    r.map((c) => c.trim()),
  );
}

const SAMPLES = path.resolve(import.meta.dirname, '../../../../samples');

interface TabularResult {
  problems: readonly { row: number; column: string; code: string }[];
  rows: readonly unknown[];
  rowCount: number;
}

/**
 * Fuzzes a pure validator of import rows: arbitrary grids, and the shipped sample with hostile
 * edits. Each answer must be a result whose problems name a row and column, with no more rows
 * than the file had; an exception fails the property.
 */
export function fuzzTabularValidator(
  validate: (rows: string[][]) => TabularResult,
  sample: string,
  runs = 300,
): void {
  const check = (grid: string[][]) => {
    const result = validate(grid);
    expectFindings(result.problems);
    expect(result.rows.length).toBeLessThanOrEqual(Math.max(0, grid.length - 1));
    expect(Number.isInteger(result.rowCount)).toBe(true);
  };
  const base = sampleGrid(sample);
  const clean = validate(base);
  // The sample itself is the valid starting point the mutations work from.
  expect(clean.problems).toEqual([]);
  fc.assert(fc.property(gridArb(), check), fuzzRuns(runs));
  fc.assert(fc.property(mutatedGridArb(base), check), fuzzRuns(runs));
}
