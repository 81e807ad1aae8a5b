import {
  beginText,
  endText,
  type PDFFont,
  PDFHexString,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import { type FontBook, type FontScript, type FontWeight, orderRuns } from './fonts.js';

export interface DrawTextOptions {
  x: number;
  y: number;
  size: number;
  fonts: FontBook;
  weight?: FontWeight;
  color?: RGB;
  /** Where `x` is: the left edge (default), the centre, or the right edge of the text. */
  align?: 'left' | 'center' | 'right';
  /** Shrinks the size until the text fits this width. */
  maxWidth?: number;
}

/**
 * Scripts whose runs are drawn with fontkit's GPOS positions (mark offsets, e.g. the Bengali
 * ra-phala that GPOS moves ~700 units left under its consonant, Khmer signs above the base).
 * pdf-lib's own `drawText` advances by each glyph's hmtx width and drops those offsets. Latin, CJK
 * and Arabic keep pdf-lib's path (unchanged output, and no per-glyph positioning cost).
 */
const POSITIONED: ReadonlySet<FontScript> = new Set<FontScript>(['bengali', 'khmer']);

interface ShapedGlyph {
  advanceWidth: number;
}
interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: GlyphPosition[];
}

/**
 * The fontkit font behind a pdf-lib custom font: the same (layout-memoized) instance that
 * pdf-lib's `encodeText` lays text out with, so both see the same glyph run. `embedder` is
 * private in pdf-lib's typings but stable in 1.17.
 */
function shape(font: PDFFont, text: string): { run: ShapedRun; unitsPerEm: number } {
  const fk = (font as unknown as { embedder: { font: AnyFontkitFont } }).embedder.font;
  return { run: fk.layout(text) as ShapedRun, unitsPerEm: fk.unitsPerEm };
}
type AnyFontkitFont = { layout(text: string): unknown; unitsPerEm: number };

function runWidth(script: FontScript, text: string, font: PDFFont, size: number): number {
  if (!POSITIONED.has(script)) {
    return font.widthOfTextAtSize(text, size);
  }
  const { run, unitsPerEm } = shape(font, text);
  let advance = 0;
  for (const p of run.positions) {
    advance += p.xAdvance;
  }
  return (advance * size) / unitsPerEm;
}

/**
 * Draws a shaped run glyph by glyph where GPOS moved a glyph (x/y offset or a changed advance),
 * in a single text object; glyphs at their default place are shown together in one `Tj`.
 */
function drawPositionedRun(
  page: PDFPage,
  text: string,
  font: PDFFont,
  x: number,
  y: number,
  size: number,
  color: RGB,
): void {
  const { run, unitsPerEm } = shape(font, text);
  // Registers the glyphs in the subset and gives their subset ids, 4 hex digits per glyph.
  const hex = font.encodeText(text).asString();
  const scale = size / unitsPerEm;
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops = [pushGraphicsState(), beginText(), setFillingColor(color), setFontAndSize(key, size)];
  let pen = 0;
  let chunk = '';
  let chunkX = 0;
  const flush = () => {
    if (chunk) {
      ops.push(setTextMatrix(1, 0, 0, 1, x + chunkX * scale, y), showText(PDFHexString.of(chunk)));
      chunk = '';
    }
  };
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i] ?? { xAdvance: glyph.advanceWidth, xOffset: 0, yOffset: 0 };
    const code = hex.slice(i * 4, i * 4 + 4);
    if (p.xOffset === 0 && p.yOffset === 0) {
      if (!chunk) {
        chunkX = pen;
      }
      chunk += code;
      if (p.xAdvance !== glyph.advanceWidth) {
        flush(); // the next glyph starts where GPOS put the pen, not where the PDF widths would
      }
    } else {
      flush();
      ops.push(
        setTextMatrix(1, 0, 0, 1, x + (pen + p.xOffset) * scale, y + p.yOffset * scale),
        showText(PDFHexString.of(code)),
      );
    }
    pen += p.xAdvance;
  });
  flush();
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** Width of mixed-script text at a size, measured run by run with the font each run uses. */
export function measureText(
  text: string,
  size: number,
  fonts: FontBook,
  weight: FontWeight = 'regular',
): number {
  let width = 0;
  for (const run of orderRuns(text)) {
    width += runWidth(run.script, run.text, fonts.font(run.script, weight), size);
  }
  return width;
}

/**
 * Draws one line of mixed Latin / Chinese / Arabic / Bengali / Khmer text, picking the font per
 * script run. Runs are shaped by fontkit's layout (see fonts.ts); an Arabic paragraph draws its
 * runs right to left; Bengali and Khmer runs are placed with their GPOS offsets.
 * Returns the drawn width and the size used.
 */
export function drawText(
  page: PDFPage,
  text: string,
  opts: DrawTextOptions,
): { width: number; size: number } {
  const weight = opts.weight ?? 'regular';
  let size = opts.size;
  let width = measureText(text, size, opts.fonts, weight);
  if (opts.maxWidth && width > opts.maxWidth) {
    size = Math.max(4, (size * opts.maxWidth) / width);
    width = measureText(text, size, opts.fonts, weight);
  }
  let x = opts.x;
  if (opts.align === 'center') {
    x -= width / 2;
  } else if (opts.align === 'right') {
    x -= width;
  }
  const color = opts.color ?? rgb(0, 0, 0);
  for (const run of orderRuns(text)) {
    const font = opts.fonts.font(run.script, weight);
    if (POSITIONED.has(run.script)) {
      drawPositionedRun(page, run.text, font, x, opts.y, size, color);
    } else {
      page.drawText(run.text, { x, y: opts.y, size, font, color });
    }
    x += runWidth(run.script, run.text, font, size);
  }
  return { width, size };
}
