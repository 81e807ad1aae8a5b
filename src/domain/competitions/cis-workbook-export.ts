/**
 * Writes a marking scheme as the two cell grids of the CIS "CIS Marking Scheme Import" workbook
 * (layout in cis-workbook.ts), so that `parseCisMarkingScheme(buildCisMarkingSchemeSheets(s))` gives
 * `s` back for a scheme in the form the parser produces:
 * - sub-criteria keep their order; a new aspect header row starts whenever the criterion changes;
 * - aspects are written under their sub-criterion in scheme order, so their keys must be
 *   "<sub-criterion>.<n>" numbered in that order (aspects of unknown sub-criteria are not written);
 * - texts are trimmed, and cell numbers (max marks, weights) have at most 4 decimals;
 * - identical calculations share one row of the Calculations sheet; RANGED_SCORE ranges whose bounds
 *   and deduction are all 0 are CIS's unused slots and do not survive.
 *
 * The aspect sums, variations and criterion totals CIS shows (with formulas) are written as values.
 * Pure: the server turns the grids into an .xlsx (platform/spreadsheets/cis-workbook-files.ts).
 */
import {
  type CellGrid,
  type CellValue,
  CIS_ASPECT_COLUMNS,
  criterionTotal,
  encodeCalculationParameters,
  sectionTotal,
  sumMaxMarks,
} from './cis-workbook.js';
import type { MarkingScheme, MeasurementCalculation } from './marking-scheme.js';
import { abs, add, parseDecimal, type Rational, sub, toDecimalString, ZERO } from './rational.js';

/** Columns A..N of the scheme sheet: A..K the CIS table, L..N the per-criterion totals. */
const WIDTH = 14;
const COL = { A: 0, B: 1, I: 8, J: 9, K: 10, L: 11, M: 12, N: 13 } as const;

export interface CisExportOptions {
  /** Row 1 of the scheme sheet, e.g. "17 Web Development". */
  title?: string;
}

export interface CisExportSheets {
  scheme: CellGrid;
  calculations: CellGrid;
}

function line(cells: Partial<Record<number, CellValue>> = {}): CellValue[] {
  return Array.from({ length: WIDTH }, (_, i) => cells[i] ?? null);
}

/** A decimal string as a cell number (Excel sums it); the parser reads it back to the same string. */
const numberCell = (decimal: string): number => Number(decimal);
const rationalCell = (value: Rational): number => Number(toDecimalString(value) ?? '0');
const textCell = (text: string): CellValue => (text === '' ? null : text);
/** "1" → 1 like CIS writes days; other codes ("C1", "01") stay text. */
const dayCell = (day: string): CellValue => (/^(0|[1-9]\d{0,5})$/.test(day) ? Number(day) : textCell(day));

function calculationRow(calc: MeasurementCalculation): CellValue[] {
  switch (calc.kind) {
    case 'PASS_FAIL':
      return ['Measurement', 'PASS_FAIL', true, ''];
    case 'NUMBER_COMPLETED':
      return [
        `Number Completed ${calc.possible}`,
        'NUMBER_COMPLETED',
        true,
        encodeCalculationParameters([{ name: 'NUM_POSSIBLE', num: String(calc.possible) }]),
      ];
    case 'CHOICE':
      return [
        null,
        'CHOICE',
        false,
        encodeCalculationParameters([
          { name: 'DEDUCTION_TYPE', text: 'PERCENT' },
          ...calc.choices.flatMap((c, i) => [
            { name: `CHOICE${i + 1}_LABEL`, text: c.label },
            { name: `CHOICE${i + 1}_DEDUCTION`, num: c.deductionPct },
          ]),
        ]),
      ];
    case 'RANGED_SCORE':
      return [
        null,
        'RANGED_SCORE',
        false,
        encodeCalculationParameters([
          { name: 'DEDUCTION_TYPE', text: 'PERCENT' },
          { name: 'TARGET_VALUE', num: calc.target },
          ...calc.ranges.flatMap((r, i) => [
            { name: `RANGE${i + 1}_LOWER`, num: r.lower },
            { name: `RANGE${i + 1}_UPPER`, num: r.upper },
            { name: `RANGE${i + 1}_DEDUCTION`, num: r.deductionPct },
          ]),
        ]),
      ];
    case 'DEDUCT':
      return [
        null,
        'DEDUCT',
        false,
        encodeCalculationParameters([{ name: 'PER_ERROR', num: calc.perError }]),
      ];
  }
}

export function buildCisMarkingSchemeSheets(
  scheme: MarkingScheme,
  options: CisExportOptions = {},
): CisExportSheets {
  const calculations: CellGrid = [];
  const calcRows = new Map<string, number>();
  const calcRowOf = (calc: MeasurementCalculation) => {
    const id = JSON.stringify(calc);
    let at = calcRows.get(id);
    if (at === undefined) {
      calculations.push(calculationRow(calc));
      at = calculations.length;
      calcRows.set(id, at);
    }
    return at;
  };

  const rows: CellGrid = [line({ [COL.A]: textCell(options.title ?? '') }), line()];

  rows.push(line({ [COL.A]: 'WorldSkills Occupational Standards' }));
  rows.push(
    line({
      [COL.A]: 'Section',
      [COL.B]: 'Name',
      [COL.I]: 'WSOS Marks',
      [COL.J]: 'Aspect Marks',
      [COL.K]: 'Variation',
    }),
  );
  let variation = ZERO;
  for (const s of scheme.sections) {
    const total = sectionTotal(scheme, s.number);
    const diff = abs(sub(parseDecimal(s.weight) ?? ZERO, total));
    variation = add(variation, diff);
    rows.push(
      line({
        [COL.A]: s.number,
        [COL.B]: textCell(s.name),
        [COL.I]: numberCell(s.weight),
        [COL.J]: rationalCell(total),
        [COL.K]: rationalCell(diff),
      }),
    );
  }
  rows.push(line({ [COL.I]: 'Total Variation', [COL.K]: rationalCell(variation) }), line(), line());

  rows.push(line({ [COL.A]: 'Criteria' }));
  rows.push(line({ [COL.A]: 'ID', [COL.B]: 'Name', [COL.K]: 'Mark' }));
  for (const c of scheme.criteria) {
    rows.push(
      line({
        [COL.A]: c.key,
        [COL.B]: textCell(c.name),
        [COL.K]: rationalCell(criterionTotal(scheme, c.key)),
      }),
    );
  }
  rows.push(line(), line());

  const header = CIS_ASPECT_COLUMNS.map((c) => c.header);
  let criterionKey: string | null = null;
  for (const s of scheme.subCriteria) {
    if (s.criterionKey !== criterionKey) {
      if (criterionKey !== null) {
        rows.push(line());
      }
      criterionKey = s.criterionKey;
      rows.push([
        ...header,
        `Criterion ${s.criterionKey}`,
        'Total\nMark',
        rationalCell(criterionTotal(scheme, s.criterionKey)),
      ]);
    }
    rows.push(line({ 0: s.key, 1: textCell(s.name), 2: dayCell(s.dayOfMarking) }));
    for (const a of scheme.aspects) {
      if (a.subCriterionKey !== s.key) {
        continue;
      }
      const common = {
        3: a.type,
        4: textCell(a.description),
        6: textCell(a.extraDescription),
        8: a.wsosSection,
        10: numberCell(a.maxMark),
      };
      if (a.type === 'M') {
        rows.push(line({ ...common, 7: textCell(a.requirement), 9: calcRowOf(a.calculation) }));
      } else {
        rows.push(line(common));
        a.descriptors.forEach((d, score) => {
          rows.push(line({ 5: score, 6: textCell(d) }));
        });
      }
    }
  }
  rows.push(line());
  rows.push(
    line({
      [COL.L]: 'Competition',
      [COL.M]: 'Total\nMark',
      [COL.N]: rationalCell(sumMaxMarks(scheme.aspects)),
    }),
  );
  return { scheme: rows, calculations };
}
