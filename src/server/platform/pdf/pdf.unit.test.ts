import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  embedFontBook,
  fontBytes,
  fontkitForPdfLib,
  isRtl,
  scriptOf,
  scriptsIn,
  splitRuns,
} from './fonts.js';
import { drawText } from './text.js';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function renderSmokePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const fonts = await embedFontBook(pdf);
  drawText(page, '结业证书 Certificate of Completion', {
    x: 297,
    y: 760,
    size: 22,
    fonts,
    weight: 'bold',
    align: 'center',
  });
  drawText(page, '张伟 Zhang Wei', { x: 60, y: 680, size: 18, fonts });
  drawText(page, 'محمد عبد الله', { x: 535, y: 630, size: 20, fonts, align: 'right' });
  drawText(page, 'Mohammed Abdullah — محمد', { x: 60, y: 580, size: 14, fonts, color: rgb(0.2, 0.2, 0.4) });
  drawText(page, 'Tiếng Việt: Nguyễn Văn An; Français: Élodie Crémieux', { x: 60, y: 540, size: 12, fonts });
  // Bangladesh (Bengali: conjunct ম্ম, pre-base ে/ি, split vowel ো) and Cambodia (Khmer: coeng, ុ, ៉).
  drawText(page, 'মোহাম্মদ করিম Mohammad Karim', { x: 60, y: 480, size: 24, fonts });
  drawText(page, 'শিক্ষার্থী প্রশিক্ষণ', { x: 60, y: 440, size: 24, fonts, weight: 'bold' });
  drawText(page, 'សុខ ដារ៉ា Sok Dara', { x: 60, y: 390, size: 24, fonts });
  drawText(page, 'ស្រីពេជ្រ ខ្មែរ', { x: 60, y: 350, size: 24, fonts, weight: 'bold' });
  return pdf.save();
}

describe('pdf fonts', () => {
  it('classifies scripts and splits runs', () => {
    expect(scriptOf('张'.codePointAt(0) ?? 0)).toBe('cjk');
    expect(scriptOf('م'.codePointAt(0) ?? 0)).toBe('arabic');
    expect(scriptOf('Z'.codePointAt(0) ?? 0)).toBe('latin');
    expect(scriptOf(' '.codePointAt(0) ?? 0)).toBe('neutral');
    expect(splitRuns('张伟 Zhang Wei')).toEqual([
      { text: '张伟 ', script: 'cjk' },
      { text: 'Zhang Wei', script: 'latin' },
    ]);
    expect(splitRuns('2026 年')).toEqual([
      { text: '2026 ', script: 'latin' },
      { text: '年', script: 'cjk' },
    ]);
    expect(splitRuns('40 ساعة / 40 hours')).toEqual([
      { text: '40', script: 'latin' },
      { text: ' ', script: 'latin', neutral: true },
      { text: 'ساعة', script: 'arabic' },
      { text: ' / ', script: 'latin', neutral: true },
      { text: '40 hours', script: 'latin' },
    ]);
    expect(splitRuns('محمد عبد الله')).toEqual([{ text: 'محمد عبد الله', script: 'arabic' }]);
    expect(isRtl('محمد Ali')).toBe(true);
    expect(isRtl('Ali محمد')).toBe(false);
    expect(scriptOf('ম'.codePointAt(0) ?? 0)).toBe('bengali');
    expect(scriptOf('ស'.codePointAt(0) ?? 0)).toBe('khmer');
    expect(scriptOf(0x19e0)).toBe('khmer');
    expect(splitRuns('মোহাম্মদ করিম Karim')).toEqual([
      { text: 'মোহাম্মদ করিম ', script: 'bengali' },
      { text: 'Karim', script: 'latin' },
    ]);
    // A zero-width non-joiner stays inside its word's run.
    expect(splitRuns('র\u200c্য')).toEqual([{ text: 'র\u200c্য', script: 'bengali' }]);
    expect(splitRuns('សុខ ដារ៉ា')).toEqual([{ text: 'សុខ ដារ៉ា', script: 'khmer' }]);
    expect(scriptsIn(['Zhang Wei', '张伟'])).toEqual(['latin', 'cjk']);
    expect(scriptsIn(['সুখ', 'សុខ'])).toEqual(['latin', 'bengali', 'khmer']);
  });

  it('shapes Bengali and Khmer with fontkit (conjuncts, reordered vowel signs, subscripts)', () => {
    const bengali = fontkitForPdfLib.create(fontBytes('bengali'));
    const cmapOnly = (t: string) => [...t].map((ch) => bengali.glyphForCodePoint(ch.codePointAt(0)).id);
    const shaped = (t: string, font = bengali) => font.layout(t).glyphs.map((g: { id: number }) => g.id);
    // মো = ম + ো (split vowel): shaped as ে-part, ম, া-part, so the first glyph is not ম.
    const mo = shaped('মো');
    expect(mo).toHaveLength(3);
    expect(mo[1]).toBe(cmapOnly('ম')[0]);
    // ম্ম is a conjunct: fewer glyphs than code points.
    expect(shaped('ম্ম').length).toBeLessThan(3);
    const khmer = fontkitForPdfLib.create(fontBytes('khmer'));
    // ស្រី: the coeng + RO subscript is drawn before the base (pre-base form) and is not a bare COENG.
    const sri = shaped('ស្រី', khmer);
    const coeng = khmer.glyphForCodePoint(0x17d2).id;
    expect(sri).not.toContain(coeng);
  });

  it('places Bengali/Khmer marks at their GPOS offsets, not after the base', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([300, 200]);
    const fonts = await embedFontBook(pdf, { scripts: ['bengali'] });
    const ops: string[] = [];
    const push = page.pushOperators.bind(page);
    page.pushOperators = (...o) => {
      ops.push(...o.map(String));
      push(...o);
    };
    // প্র: the ra-phala is a zero-width glyph that GPOS moves ~716 units left under প.
    const { width } = drawText(page, 'প্র', { x: 100, y: 100, size: 20, fonts });
    const xs = ops.filter((o) => o.endsWith(' Tm')).map((o) => Number(o.split(' ')[4]));
    expect(xs).toHaveLength(2);
    expect(xs[0]).toBe(100);
    expect(xs[1]).toBeLessThan(100 + width / 2);
    expect(fonts.font('bengali').name).toMatch(/NotoSansBengali/);
  });

  it('renders Chinese, Latin, Arabic, Bengali and Khmer with embedded subset fonts', async () => {
    const bytes = await renderSmokePdf();
    expect(bytes.length).toBeLessThan(400_000);
    if (!hasTool('pdftotext')) {
      if (process.env.CI) {
        throw new Error('pdftotext (poppler-utils) is required in CI');
      }
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'pdf-smoke-'));
    const file = path.join(dir, 'smoke.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('张伟');
    expect(text).toContain('Zhang Wei');
    expect(text).toContain('结业证书');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansHans/);
    expect(fonts).toMatch(/NotoNaskhArabic/);
    expect(fonts).toMatch(/NotoSansBengali/);
    expect(fonts).toMatch(/NotoSansKhmer/);
    expect(text).toContain('Mohammad Karim');
    expect(text).toContain('Sok Dara');
    // poppler prints "Embedded font file may be invalid" on stderr for corrupt subsets (pitfall 9).
    const stderr = execFileSync('sh', ['-c', `pdftoppm -r 20 -png "${file}" "${dir}/p" 2>&1 >/dev/null`], {
      encoding: 'utf8',
    });
    expect(stderr).not.toMatch(/invalid|error/i);
    if (process.env.PDF_SMOKE_OUT) {
      // Keep the PDF for a visual check: PDF_SMOKE_OUT=/tmp/smoke.pdf npx vitest run ... pdf.unit
      writeFileSync(process.env.PDF_SMOKE_OUT, bytes);
    }
  });
});
