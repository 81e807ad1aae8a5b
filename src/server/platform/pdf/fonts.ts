import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { type PDFDocument, type PDFFont, typedArrayFor } from 'pdf-lib';
import { flattenCffSubset } from './cff-flatten.js';

/**
 * Fonts for generated PDFs (certificates, invitation letters).
 *
 * - Latin and CJK: Noto Sans Hans (Noto Sans SC) from @embedpdf/fonts-sc; its Latin glyphs are used
 *   for Latin text, so one font covers "张伟 Zhang Wei".
 * - Arabic: Noto Naskh Arabic from @embedpdf/fonts-arabic.
 * - Bengali and Khmer: Noto Sans Bengali / Noto Sans Khmer (TrueType) from
 *   @expo-google-fonts/noto-sans-bengali and @expo-google-fonts/noto-sans-khmer (OFL-1.1).
 *
 * Every font file is read and parsed only when a document embeds its script (`scriptsIn`), so
 * Latin/Chinese documents never touch the Arabic, Bengali or Khmer files.
 *
 * Arabic shaping: pdf-lib encodes text through `font.layout()` of the fontkit instance it was
 * given. Upstream fontkit 2 applies the OpenType Arabic shaper there (init/medi/fina/rlig joining
 * forms) and returns the glyphs of a right-to-left run already in visual order, so an Arabic run
 * drawn with `page.drawText` comes out joined and correctly ordered. Limits: mark positioning
 * (GPOS offsets of harakat) is ignored because pdf-lib advances by glyph width only, and bidi
 * ordering is per run (see `splitRuns`/`orderRuns`), not the full Unicode Bidi Algorithm.
 *
 * Bengali and Khmer shaping: fontkit 2 runs its Indic shaper for both `beng` and `khmr` in the same
 * `font.layout()` call (syllable reordering such as pre-base vowel signs, conjuncts, reph, coeng
 * subscripts, GSUB). The glyph ids it returns are what pdf-lib draws. Unlike Arabic, these runs
 * also need GPOS mark offsets (the Bengali ra-phala sits ~700 units left of where its zero width
 * would put it), so text.ts draws them glyph by glyph at fontkit's positions (`drawPositionedRun`).
 * Both are TrueType fonts, so `flattenCffSubset` passes their subsets through unchanged.
 */

export type FontScript = 'latin' | 'cjk' | 'arabic' | 'bengali' | 'khmer';
export type FontWeight = 'regular' | 'bold';

const require = createRequire(import.meta.url);

type Family = 'hans' | 'naskh' | 'bengali' | 'khmer';

const FILES: Record<Family, Record<FontWeight, string>> = {
  hans: {
    regular: '@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf',
    bold: '@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf',
  },
  naskh: {
    regular: '@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf',
    bold: '@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Bold.ttf',
  },
  bengali: {
    regular: '@expo-google-fonts/noto-sans-bengali/400Regular/NotoSansBengali_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-bengali/700Bold/NotoSansBengali_700Bold.ttf',
  },
  khmer: {
    regular: '@expo-google-fonts/noto-sans-khmer/400Regular/NotoSansKhmer_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-khmer/700Bold/NotoSansKhmer_700Bold.ttf',
  },
};

/** The font family that draws a script; the script whose font `fontBytes` reads for a family. */
const FAMILY: Record<FontScript, Family> = {
  latin: 'hans',
  cjk: 'hans',
  arabic: 'naskh',
  bengali: 'bengali',
  khmer: 'khmer',
};
const FAMILY_SCRIPT: Record<Family, FontScript> = {
  hans: 'cjk',
  naskh: 'arabic',
  bengali: 'bengali',
  khmer: 'khmer',
};

function familyFor(script: FontScript): Family {
  return FAMILY[script];
}

function resolveFontFile(spec: string): string {
  const [scope, name, ...rest] = spec.split('/');
  if (scope === '@expo-google-fonts') {
    // No `exports` map: the .ttf files resolve directly (the JS entry is for Expo and never loaded).
    return require.resolve(spec);
  }
  // The @embedpdf packages export only their JS entry (dist/index.cjs), so resolve it and go up.
  const entry = require.resolve(`${scope}/${name}`);
  return path.join(path.dirname(entry), '..', ...rest);
}

const byteCache = new Map<string, Uint8Array>();

/** The font file's bytes, read once per process. */
export function fontBytes(script: FontScript, weight: FontWeight = 'regular'): Uint8Array {
  const spec = FILES[familyFor(script)][weight];
  let bytes = byteCache.get(spec);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(resolveFontFile(spec)));
    byteCache.set(spec, bytes);
  }
  return bytes;
}

// biome-ignore lint/suspicious/noExplicitAny: fontkit's runtime object is patched (STACK.md pitfall 9).
type AnyFont = any;
const parsedFonts = new WeakMap<Uint8Array, AnyFont>();

/**
 * Upstream fontkit wrapped for pdf-lib (STACK.md pitfall 9): @pdf-lib/fontkit writes corrupt CJK
 * subsets; upstream fontkit's subset encoder is synchronous, pdf-lib expects a stream. Parsed fonts
 * are cached per byte buffer (parsing the 8 MB OTF for every document is the dominant cost), which
 * is safe because pdf-lib only calls `layout`, `createSubset` and read-only metrics on it. CFF
 * subsets carry desubroutinized glyph programs and no subroutine indexes (see cff-flatten.ts).
 */
export const fontkitForPdfLib = {
  create(buf: Uint8Array, postscriptName?: string): AnyFont {
    const cached = parsedFonts.get(buf);
    if (cached) {
      return cached;
    }
    const font: AnyFont = (fontkit as AnyFont).create(buf, postscriptName);
    const makeSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = flattenCffSubset(makeSubset());
      subset.encodeStream = () => {
        const ee = new EventEmitter();
        setImmediate(() => {
          ee.emit('data', subset.encode());
          ee.emit('end');
        });
        return ee;
      };
      return subset;
    };
    memoizeLayout(font);
    parsedFonts.set(buf, font);
    return font;
  },
};

const LAYOUT_MEMO_SIZE = 4000;

/**
 * pdf-lib lays out every string two or three times (width, then glyph ids), and a certificate's
 * template strings repeat from one document to the next; fontkit's layout (shaping) is the costly
 * part of drawing text. The glyph runs are only read by pdf-lib, so a bounded memo per font is safe.
 */
function memoizeLayout(font: AnyFont): void {
  const layout = font.layout.bind(font);
  const memo = new Map<string, unknown>();
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || rest.length > 0) {
      return layout(text, features, ...rest);
    }
    const key = `${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`;
    let run = memo.get(key);
    if (run === undefined) {
      run = layout(text, features);
      if (memo.size >= LAYOUT_MEMO_SIZE) {
        memo.delete(memo.keys().next().value as string);
      }
      memo.set(key, run);
    }
    return run;
  };
}

/**
 * pdf-lib compresses embedded streams (font files, ToUnicode maps, images) with pako in
 * JavaScript; Node's zlib writes the same FlateDecode format natively, several times faster.
 */
function deflateNatively(pdf: PDFDocument): void {
  const context = pdf.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
}

/** The script of one code point; 'neutral' for spaces, digits and punctuation. */
export function scriptOf(codePoint: number): FontScript | 'neutral' {
  const c = codePoint;
  if (c >= 0x0980 && c <= 0x09ff) {
    return 'bengali';
  }
  if ((c >= 0x1780 && c <= 0x17ff) || (c >= 0x19e0 && c <= 0x19ff)) {
    return 'khmer';
  }
  if (c === 0x200c || c === 0x200d) {
    return 'neutral'; // ZWNJ/ZWJ: part of the run they are in (see splitRuns)
  }
  if (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  ) {
    return 'arabic';
  }
  if (
    (c >= 0x2e80 && c <= 0x2fdf) || // radicals
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3100 && c <= 0x312f) || // bopomofo
    (c >= 0x3400 && c <= 0x4dbf) || // ext A
    (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x20000 && c <= 0x3134f) // ext B–G
  ) {
    return 'cjk';
  }
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || c >= 0x370) {
    return 'latin';
  }
  return 'neutral';
}

export interface TextRun {
  text: string;
  script: FontScript;
  /** Only spaces and punctuation between an Arabic run and another run. */
  neutral?: boolean;
}

/**
 * Splits text into runs of one script. Digits count as Latin (left to right, never reversed). A
 * space between two Arabic letters stays in the Arabic run (fontkit shapes and reverses the whole
 * run). Other neutral characters join a neighbouring Latin/CJK run, except next to Arabic text,
 * where they form a run of their own (drawn with the Latin font) so that an Arabic paragraph can
 * place them between its runs.
 */
export function splitRuns(text: string): TextRun[] {
  const chars = [...text];
  const scripts = chars.map((ch) => (/[0-9]/.test(ch) ? 'latin' : scriptOf(ch.codePointAt(0) ?? 0)));
  const nextStrong = (i: number): FontScript | null => {
    for (let j = i + 1; j < scripts.length; j++) {
      const s = scripts[j];
      if (s && s !== 'neutral') {
        return s;
      }
    }
    return null;
  };
  const runs: TextRun[] = [];
  chars.forEach((ch, i) => {
    const last = runs[runs.length - 1];
    const own = scripts[i] as FontScript | 'neutral';
    let script: FontScript;
    let neutral = false;
    if (own !== 'neutral') {
      script = own;
    } else if (last && (ch === '\u200c' || ch === '\u200d')) {
      // Zero-width (non-)joiners control shaping inside a Bengali/Arabic/... word: never split it.
      script = last.script;
      neutral = Boolean(last.neutral);
    } else {
      const next = nextStrong(i);
      const prev = [...runs].reverse().find((r) => !r.neutral)?.script ?? null;
      if (/\s/.test(ch) && prev === 'arabic' && next === 'arabic') {
        script = 'arabic';
      } else if (prev !== 'arabic' && next !== 'arabic' && !last?.neutral) {
        script = prev ?? next ?? 'latin';
      } else {
        script = 'latin';
        neutral = true;
      }
    }
    if (last && last.script === script && Boolean(last.neutral) === neutral) {
      last.text += ch;
    } else {
      runs.push(neutral ? { text: ch, script, neutral } : { text: ch, script });
    }
  });
  return runs;
}

/** True when the first strong character is Arabic (the paragraph direction). */
export function isRtl(text: string): boolean {
  for (const ch of text) {
    const s = scriptOf(ch.codePointAt(0) ?? 0);
    if (s !== 'neutral') {
      return s === 'arabic';
    }
  }
  return false;
}

/** Runs in drawing (left-to-right visual) order: an RTL paragraph draws its runs from the end. */
export function orderRuns(text: string): TextRun[] {
  const runs = splitRuns(text);
  return isRtl(text) ? runs.reverse() : runs;
}

/**
 * The fonts embedded in one PDF document. Embed once per document with `embedFontBook`; fonts that
 * the document never uses still cost a few hundred bytes, so ask only for the scripts you need.
 */
export interface FontBook {
  font(script: FontScript, weight?: FontWeight): PDFFont;
}

export interface FontBookOptions {
  /** Scripts to embed; Latin is always embedded (it shares the CJK font). Default: all. */
  scripts?: FontScript[];
  weights?: FontWeight[];
}

/** The scripts that occur in some texts, for `embedFontBook({ scripts })`. */
export function scriptsIn(texts: Array<string | null | undefined>): FontScript[] {
  const found = new Set<FontScript>(['latin']);
  for (const t of texts) {
    for (const run of splitRuns(t ?? '')) {
      found.add(run.script);
    }
  }
  return [...found];
}

export async function embedFontBook(pdf: PDFDocument, options: FontBookOptions = {}): Promise<FontBook> {
  pdf.registerFontkit(fontkitForPdfLib as never);
  deflateNatively(pdf);
  const scripts = new Set<FontScript>(options.scripts ?? ['latin', 'cjk', 'arabic', 'bengali', 'khmer']);
  const weights = options.weights ?? ['regular', 'bold'];
  const embedded = new Map<string, PDFFont>();
  const families = new Set<Family>(['hans']);
  for (const script of scripts) {
    families.add(familyFor(script));
  }
  for (const family of families) {
    for (const weight of weights) {
      const bytes = fontBytes(FAMILY_SCRIPT[family], weight);
      embedded.set(`${family}:${weight}`, await pdf.embedFont(bytes, { subset: true }));
    }
  }
  return {
    font(script, weight = 'regular') {
      const family = familyFor(script);
      const f = embedded.get(`${family}:${weight}`) ?? embedded.get(`${family}:${weights[0]}`);
      if (!f) {
        // Asked for a script without embedding it: fall back to the Latin/CJK font (tofu).
        const fallback = embedded.get(`hans:${weight}`) ?? embedded.get(`hans:${weights[0]}`);
        if (!fallback) {
          throw new Error(`font for ${script}/${weight} was not embedded`);
        }
        return fallback;
      }
      return f;
    },
  };
}
