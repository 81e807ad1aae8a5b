import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFontBook, isRtl, scriptOf, splitRuns } from './fonts.js';
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
  });

  it('renders Chinese, Latin and Arabic with embedded subset fonts', async () => {
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
    // poppler prints "Embedded font file may be invalid" on stderr for corrupt subsets (pitfall 9).
    const stderr = execFileSync('sh', ['-c', `pdftoppm -r 20 -png "${file}" "${dir}/p" 2>&1 >/dev/null`], {
      encoding: 'utf8',
    });
    expect(stderr).not.toMatch(/invalid|error/i);
  });
});
