import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { embedFontBook, type FontBook, scriptsIn } from '../../platform/pdf/fonts.js';
import { drawText } from '../../platform/pdf/text.js';

// A paginated table sheet for results and the marks summary: title block, a table whose header row
// repeats on every page, "page x of y", and optionally the signature block experts sign (chief expert,
// then every expert of the skill) — the marks summary sheet of worldskills.md §6.8.

export interface SheetColumn {
  header: string;
  /** Relative width; the table fills the page width. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

export interface SheetInput {
  title: string;
  /** Lines under the title: competition, skill, date … */
  subtitle: string[];
  columns: SheetColumn[];
  rows: string[][];
  orientation: 'portrait' | 'landscape';
  /** Signature lines: [role label, name]. */
  signatures?: Array<[string, string]>;
  footerNote?: string;
  /** ISO date stamped as the document's creation date. */
  date: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const ROW_H = 16;
const HEAD_H = 20;
const TEXT = 8.5;
const GREY = rgb(0.4, 0.4, 0.45);
const LINE = rgb(0.75, 0.75, 0.8);
const HEAD_BG = rgb(0.92, 0.93, 0.96);

class Sheet {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: FontBook,
    private readonly input: SheetInput,
  ) {}

  get size(): [number, number] {
    return this.input.orientation === 'landscape' ? [A4[1], A4[0]] : A4;
  }
  get width(): number {
    return this.size[0] - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.pdf.addPage(this.size);
    this.pages.push(this.page);
    this.y = this.size[1] - MARGIN;
  }

  text(
    text: string,
    x: number,
    size: number,
    opts: {
      bold?: boolean;
      color?: ReturnType<typeof rgb>;
      align?: 'left' | 'right' | 'center';
      maxWidth?: number;
    } = {},
  ) {
    drawText(this.page, text, {
      x,
      y: this.y,
      size,
      fonts: this.fonts,
      weight: opts.bold ? 'bold' : 'regular',
      color: opts.color,
      align: opts.align,
      maxWidth: opts.maxWidth,
    });
  }

  titleBlock(first: boolean): void {
    this.y -= 16;
    this.text(this.input.title, MARGIN, first ? 16 : 11, { bold: true, maxWidth: this.width });
    if (first) {
      for (const line of this.input.subtitle) {
        this.y -= 15;
        this.text(line, MARGIN, 10, { color: GREY, maxWidth: this.width });
      }
    }
    this.y -= 18;
  }

  columnX(): { x: number; w: number }[] {
    const total = this.input.columns.reduce((s, c) => s + c.weight, 0);
    let x = MARGIN;
    return this.input.columns.map((c) => {
      const w = (this.width * c.weight) / total;
      const at = { x, w };
      x += w;
      return at;
    });
  }

  cells(values: string[], bold: boolean): void {
    const xs = this.columnX();
    this.input.columns.forEach((c, i) => {
      const { x, w } = xs[i] as { x: number; w: number };
      const v = values[i] ?? '';
      const align = c.align ?? 'left';
      const at = align === 'right' ? x + w - 3 : align === 'center' ? x + w / 2 : x + 3;
      this.text(v, at, TEXT, { bold, align, maxWidth: w - 6 });
    });
  }

  header(): void {
    this.page.drawRectangle({ x: MARGIN, y: this.y - 6, width: this.width, height: HEAD_H, color: HEAD_BG });
    this.y += 1;
    this.cells(
      this.input.columns.map((c) => c.header),
      true,
    );
    this.y -= HEAD_H - 1;
  }

  row(values: string[]): void {
    this.cells(values, false);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 5 },
      end: { x: MARGIN + this.width, y: this.y - 5 },
      thickness: 0.5,
      color: LINE,
    });
    this.y -= ROW_H;
  }

  fits(height: number): boolean {
    return this.y - height > MARGIN + 20;
  }
}

/** Renders the sheet; returns the PDF bytes. */
export async function renderSheetPdf(input: SheetInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const texts = [
    input.title,
    ...input.subtitle,
    ...input.columns.map((c) => c.header),
    ...input.rows.flat(),
    ...(input.signatures ?? []).flat(),
    input.footerNote,
  ];
  const fonts = await embedFontBook(pdf, { scripts: scriptsIn(texts) });
  pdf.setTitle(input.title);
  pdf.setCreator('TVET Bridge');
  pdf.setProducer('TVET Bridge (pdf-lib)');
  const stamp = new Date(`${input.date}T00:00:00Z`);
  pdf.setCreationDate(stamp);
  pdf.setModificationDate(stamp);

  const sheet = new Sheet(pdf, fonts, input);
  sheet.newPage();
  sheet.titleBlock(true);
  sheet.header();
  for (const r of input.rows) {
    if (!sheet.fits(ROW_H)) {
      sheet.newPage();
      sheet.titleBlock(false);
      sheet.header();
    }
    sheet.row(r);
  }
  if (input.footerNote) {
    sheet.y -= 6;
    sheet.text(input.footerNote, MARGIN, 8, { color: GREY, maxWidth: sheet.width });
    sheet.y -= 12;
  }
  const signatures = input.signatures ?? [];
  if (signatures.length > 0) {
    const perRow = 2;
    const blockH = 44;
    const lines = Math.ceil(signatures.length / perRow);
    if (!sheet.fits(24 + Math.min(lines, 2) * blockH)) {
      sheet.newPage();
      sheet.titleBlock(false);
    }
    sheet.y -= 24;
    const colW = sheet.width / perRow;
    for (let i = 0; i < signatures.length; i += perRow) {
      if (!sheet.fits(blockH)) {
        sheet.newPage();
        sheet.titleBlock(false);
      }
      sheet.y -= 24;
      signatures.slice(i, i + perRow).forEach(([role, name], j) => {
        const x = MARGIN + j * colW;
        sheet.page.drawLine({
          start: { x, y: sheet.y },
          end: { x: x + colW - 30, y: sheet.y },
          thickness: 0.7,
          color: rgb(0.2, 0.2, 0.25),
        });
        const y = sheet.y;
        sheet.y -= 11;
        sheet.text(`${role}: ${name}`, x, 8.5, { maxWidth: colW - 30 });
        sheet.y = y;
      });
      sheet.y -= blockH - 24;
    }
  }
  const total = sheet.pages.length;
  sheet.pages.forEach((page, i) => {
    drawText(page, `${i + 1} / ${total}`, {
      x: page.getWidth() - MARGIN,
      y: MARGIN / 2,
      size: 8,
      fonts,
      align: 'right',
      color: GREY,
    });
  });
  return pdf.save();
}
