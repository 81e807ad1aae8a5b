/**
 * Faster CFF subsets for fontkit: glyph programs with their subroutines inlined.
 *
 * fontkit's CFF subsetter keeps every subroutine index at full length (an unused subroutine
 * becomes a one-byte `return`), because renumbering would mean rewriting the glyph programs.
 * Noto Sans SC has a local subroutine index of 22,293 entries, so every certificate paid for
 * encoding, compressing and embedding two ~90 KB indexes (regular and bold) of which it used a
 * few dozen entries. Here the glyph programs are desubroutinized instead (each `callsubr` /
 * `callgsubr` replaced by the body it calls), cached per font and glyph, and the subset carries
 * no subroutines at all. The outlines are byte-for-byte the same operators and operands.
 */

// biome-ignore lint/suspicious/noExplicitAny: fontkit's CFF objects are untyped internals.
type AnyObj = any;

interface IndexEntry {
  offset: number;
  length: number;
}

/** The Type 2 charstring bias of a subroutine index of `count` entries. */
function bias(count: number): number {
  if (count < 1240) {
    return 107;
  }
  if (count < 33900) {
    return 1131;
  }
  return 32768;
}

/** The glyph program of `gid` with every subroutine call inlined. @throws on a malformed program */
export function flattenCharString(cff: AnyObj, gid: number): Uint8Array {
  const fd = cff.isCIDFont ? cff.fdForGlyph(gid) : null;
  const priv = fd === null || fd === undefined ? cff.topDict.Private : cff.topDict.FDArray[fd]?.Private;
  const local: IndexEntry[] = priv?.Subrs ?? [];
  const global: IndexEntry[] = cff.globalSubrIndex ?? [];
  const read = (e: IndexEntry): Uint8Array => {
    cff.stream.pos = e.offset;
    return cff.stream.readBuffer(e.length);
  };
  const out: number[] = [];
  /** Output positions and values of the operands on the argument stack. */
  let stack: Array<{ start: number; value: number }> = [];
  let stems = 0;
  let ended = false;

  const run = (bytes: Uint8Array, depth: number): void => {
    if (depth > 10) {
      throw new Error('CFF subroutines nested too deeply');
    }
    let i = 0;
    while (i < bytes.length && !ended) {
      const b0 = bytes[i] as number;
      if (b0 >= 32 || b0 === 28) {
        let len: number;
        let value: number;
        if (b0 === 28) {
          len = 3;
          value = ((((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)) << 16) >> 16;
        } else if (b0 <= 246) {
          len = 1;
          value = b0 - 139;
        } else if (b0 <= 250) {
          len = 2;
          value = (b0 - 247) * 256 + (bytes[i + 1] as number) + 108;
        } else if (b0 <= 254) {
          len = 2;
          value = -(b0 - 251) * 256 - (bytes[i + 1] as number) - 108;
        } else {
          len = 5;
          value =
            (((bytes[i + 1] as number) << 24) |
              ((bytes[i + 2] as number) << 16) |
              ((bytes[i + 3] as number) << 8) |
              (bytes[i + 4] as number)) /
            65536;
        }
        stack.push({ start: out.length, value });
        for (let k = 0; k < len; k++) {
          out.push(bytes[i + k] as number);
        }
        i += len;
        continue;
      }
      if (b0 === 10 || b0 === 29) {
        // callsubr / callgsubr: drop the subroutine number, inline the body.
        const top = stack.pop();
        if (!top) {
          throw new Error('CFF subroutine call without a number');
        }
        out.length = top.start;
        const subrs = b0 === 10 ? local : global;
        const entry = subrs[top.value + bias(subrs.length)];
        if (!entry) {
          throw new Error('CFF subroutine out of range');
        }
        run(read(entry), depth + 1);
        i += 1;
        continue;
      }
      if (b0 === 11) {
        return; // return: back to the caller, operands stay on the stack
      }
      if (b0 === 14) {
        out.push(14); // endchar ends the glyph, even inside a subroutine
        ended = true;
        return;
      }
      if (b0 === 1 || b0 === 3 || b0 === 18 || b0 === 23) {
        stems += stack.length >> 1; // hstem, vstem, hstemhm, vstemhm (an odd first one is the width)
      }
      if (b0 === 19 || b0 === 20) {
        // hintmask / cntrmask: pending operands are an implicit vstemhm; mask bytes follow.
        stems += stack.length >> 1;
        const n = (stems + 7) >> 3;
        out.push(b0);
        for (let k = 1; k <= n; k++) {
          out.push(bytes[i + k] as number);
        }
        i += 1 + n;
        stack = [];
        continue;
      }
      if (b0 === 12) {
        out.push(12, bytes[i + 1] as number);
        i += 2;
        stack = [];
        continue;
      }
      out.push(b0);
      i += 1;
      stack = [];
    }
  };

  run(cff.getCharString(gid) as Uint8Array, 0);
  return Uint8Array.from(out);
}

const flatCache = new WeakMap<object, Map<number, Uint8Array>>();

function flatOf(cff: AnyObj, gid: number): Uint8Array {
  let byGlyph = flatCache.get(cff);
  if (!byGlyph) {
    byGlyph = new Map();
    flatCache.set(cff, byGlyph);
  }
  let flat = byGlyph.get(gid);
  if (!flat) {
    flat = flattenCharString(cff, gid);
    byGlyph.set(gid, flat);
  }
  return flat;
}

function withoutSubrs(priv: AnyObj): AnyObj {
  return priv ? { ...priv, Subrs: null } : priv;
}

/**
 * Makes a fontkit CFF subset write desubroutinized glyph programs and no subroutine indexes.
 * A TrueType subset (no `CFF ` table) is returned unchanged.
 */
export function flattenCffSubset(subset: AnyObj): AnyObj {
  const cff = subset.cff;
  if (!cff) {
    return subset;
  }
  subset.subsetCharstrings = function subsetCharstrings(this: AnyObj) {
    this.charstrings = this.glyphs.map((gid: number) => flatOf(cff, gid));
    this.gsubrs = [];
  };
  subset.subsetFontdict = function subsetFontdict(this: AnyObj, topDict: AnyObj) {
    topDict.FDArray = [];
    topDict.FDSelect = { version: 0, fds: [] };
    const index = new Map<number, number>();
    for (const gid of this.glyphs as number[]) {
      const fd = cff.fdForGlyph(gid);
      if (fd === null || fd === undefined) {
        continue;
      }
      let at = index.get(fd);
      if (at === undefined) {
        const dict = { ...cff.topDict.FDArray[fd] };
        delete dict.FontName;
        dict.Private = withoutSubrs(dict.Private);
        topDict.FDArray.push(dict);
        at = topDict.FDArray.length - 1;
        index.set(fd, at);
      }
      topDict.FDSelect.fds.push(at);
    }
  };
  subset.createCIDFontdict = function createCIDFontdict(this: AnyObj, topDict: AnyObj) {
    topDict.FDArray = [{ Private: withoutSubrs({ ...cff.topDict.Private }) }];
    topDict.FDSelect = {
      version: 3,
      nRanges: 1,
      ranges: [{ first: 0, fd: 0 }],
      sentinel: this.charstrings.length,
    };
    return topDict.FDSelect;
  };
  return subset;
}
