import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontBytes, fontkitForPdfLib } from './fonts.js';

// biome-ignore lint/suspicious/noExplicitAny: fontkit's runtime objects are untyped here.
type AnyFont = any;

/** A bare CFF table wrapped as an OpenType font with that one table, enough for fontkit's outlines. */
function otfOf(cff: Uint8Array): Buffer {
  const head = Buffer.alloc(12 + 16);
  head.write('OTTO', 0, 'latin1');
  head.writeUInt16BE(1, 4); // numTables
  head.writeUInt16BE(16, 6); // searchRange
  head.writeUInt16BE(0, 8); // entrySelector
  head.writeUInt16BE(0, 10); // rangeShift
  head.write('CFF ', 12, 'latin1');
  head.writeUInt32BE(0, 16); // checksum (not checked)
  head.writeUInt32BE(head.length, 20); // offset
  head.writeUInt32BE(cff.length, 24); // length
  return Buffer.concat([head, Buffer.from(cff)]);
}

describe('desubroutinized CFF subsets', () => {
  it('draw every glyph exactly as the full font does, with no subroutines left', () => {
    for (const weight of ['regular', 'bold'] as const) {
      const font: AnyFont = fontkitForPdfLib.create(fontBytes('cjk', weight));
      const text = '结业证书 张伟 Zhang Wei 数控加工技术培训 Élodie 2026-03-12 · 共 40 学时';
      const glyphs = font.layout(text).glyphs as AnyFont[];
      const subset = font.createSubset();
      for (const g of glyphs) {
        subset.includeGlyph(g);
      }
      const bytes: Uint8Array = subset.encode();
      const sub: AnyFont = (fontkit as AnyFont).create(otfOf(bytes));
      expect(sub['CFF '].globalSubrIndex).toHaveLength(0);
      for (const fd of sub['CFF '].topDict.FDArray) {
        expect(fd.Private?.Subrs ?? []).toHaveLength(0);
      }
      // The subset renumbers glyphs in the order they were included (0 is .notdef).
      const ids = [0, ...new Set(glyphs.map((g) => g.id as number).filter((id) => id !== 0))];
      ids.forEach((gid, newId) => {
        expect(sub.getGlyph(newId).path.toSVG(), `glyph ${gid}`).toBe(font.getGlyph(gid).path.toSVG());
      });
      // Small: a few dozen glyphs, not the 22,293-entry subroutine index of the full font.
      expect(bytes.length).toBeLessThan(30_000);
    }
  });
});
