/**
 * Fuzzing the IATI activities reader: arbitrary bytes, arbitrary text, and a valid file (the rich
 * activity written by the platform's own writer) with byte- and text-level damage all give a parse
 * result whose findings carry a path and a code, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richIatiActivity } from '../../../domain/iati/testing/rich-activity.js';
import { buildIatiActivitiesXml } from '../../../domain/iati/xml-writer.js';
import { cellArb, fuzzRuns, mutatedBytesArb } from '../spreadsheets/fuzz.test-support.js';
import { parseIatiActivities } from './xml-reader.js';

function parsesWithFindings(input: string | Uint8Array): void {
  const r = parseIatiActivities(input);
  expect(Array.isArray(r.activities)).toBe(true);
  for (const m of [...r.errors, ...r.warnings]) {
    expect(m.path, JSON.stringify(m)).toMatch(/^\//);
    expect(m.code).toMatch(/^[a-z0-9_]+$/);
    expect(typeof m.message).toBe('string');
  }
}

const valid = buildIatiActivitiesXml([richIatiActivity()], { generatedDatetime: '2025-02-01T08:00:00Z' });

/** The valid file with some text nodes or attribute values replaced by hostile texts. */
const textMutatedArb = fc.array(fc.tuple(fc.nat(), cellArb), { minLength: 1, maxLength: 6 }).map((edits) => {
  let xml = valid;
  const spots = [...xml.matchAll(/>([^<]+)</g), ...xml.matchAll(/="([^"]*)"/g)];
  for (const [n, text] of edits) {
    const m = spots[n % spots.length];
    if (m?.index !== undefined && m[1] !== undefined) {
      const safe = text.replace(/[<&"]/g, (c) => ({ '<': '&lt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
      const start = m.index + m[0].indexOf(m[1]);
      xml = xml.slice(0, start) + safe + xml.slice(start + m[1].length);
    }
  }
  return xml;
});

describe('parseIatiActivities under fuzzing', () => {
  it('reads the valid starting point cleanly', () => {
    expect(parseIatiActivities(valid).errors).toEqual([]);
  });

  it('damage the validator lets through but the parser throws on (found fuzzing the TBX reader)', () => {
    const damaged = valid.replace(/version="1\.0"/, 'version=\u00001.0"');
    expect(damaged).not.toBe(valid);
    parsesWithFindings(damaged);
    expect(parseIatiActivities(damaged).errors.map((e) => e.code)).toEqual(['unreadable_xml']);
  });

  it('arbitrary bytes and text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), parsesWithFindings), fuzzRuns(300));
    fc.assert(fc.property(fc.string({ maxLength: 500 }), parsesWithFindings), fuzzRuns(300));
  });

  it('a valid file with damaged bytes', () => {
    fc.assert(fc.property(mutatedBytesArb(Buffer.from(valid, 'utf8')), parsesWithFindings), fuzzRuns(300));
  });

  it('a valid file with hostile values in its texts and attributes', () => {
    fc.assert(fc.property(textMutatedArb, parsesWithFindings), fuzzRuns(300));
  });
});
