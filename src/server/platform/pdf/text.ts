import { type PDFPage, type RGB, rgb } from 'pdf-lib';
import { type FontBook, type FontWeight, orderRuns } from './fonts.js';

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

/** Width of mixed-script text at a size, measured run by run with the font each run uses. */
export function measureText(
  text: string,
  size: number,
  fonts: FontBook,
  weight: FontWeight = 'regular',
): number {
  let width = 0;
  for (const run of orderRuns(text)) {
    width += fonts.font(run.script, weight).widthOfTextAtSize(run.text, size);
  }
  return width;
}

/**
 * Draws one line of mixed Latin / Chinese / Arabic text, picking the font per script run. Arabic
 * runs are shaped and put in visual order by fontkit's layout (see fonts.ts); an Arabic paragraph
 * draws its runs right to left. Returns the drawn width and the size used.
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
    page.drawText(run.text, { x, y: opts.y, size, font, color });
    x += font.widthOfTextAtSize(run.text, size);
  }
  return { width, size };
}
