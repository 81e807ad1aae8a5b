import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildICalendar, escapeText, foldLine, formatUtc } from './icalendar.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

function sample(summary = 'PLC didactics') {
  return buildICalendar({
    name: 'Cohort 1, spring; 2026',
    now: '2026-03-15T04:00:00Z',
    uidDomain: 'tvet.example',
    events: [
      {
        id: '0190a1b2-0000-7000-8000-000000000001',
        startsAt: '2026-03-02T01:00:00.000Z',
        endsAt: '2026-03-02T04:00:00.000Z',
        timeZone: 'Asia/Shanghai',
        summary,
        description: 'Language: en\nInterpreter: bn',
        location: 'Room 301, Building A',
        sequence: 2,
      },
    ],
  });
}

describe('RFC 5545 text', () => {
  it('ends every line with CRLF and has no bare LF', () => {
    const text = sample();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
  });

  it('writes DTSTART/DTEND in UTC form, a DTSTAMP and a stable UID', () => {
    const text = sample();
    expect(text).toContain('DTSTART:20260302T010000Z\r\n');
    expect(text).toContain('DTEND:20260302T040000Z\r\n');
    expect(text).toContain('DTSTAMP:20260315T040000Z\r\n');
    expect(text).toContain('UID:0190a1b2-0000-7000-8000-000000000001@tvet.example\r\n');
    expect(sample('Other title')).toContain('UID:0190a1b2-0000-7000-8000-000000000001@tvet.example\r\n');
    expect(text).toContain('SEQUENCE:2\r\n');
  });

  it('escapes commas, semicolons, backslashes and newlines in TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const text = sample();
    expect(text).toContain('X-WR-CALNAME:Cohort 1\\, spring\\; 2026\r\n');
    expect(text).toContain('DESCRIPTION:Language: en\\nInterpreter: bn\r\n');
    expect(text).toContain('LOCATION:Room 301\\, Building A\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `SUMMARY:${'智能制造教师研修班 Smart manufacturing teacher workshop '.repeat(4)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) {
        expect(p.startsWith(' ')).toBe(true);
      }
    }
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('unfolds to the original for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `DESCRIPTION:${escapeText(s)}`;
        const folded = foldLine(line);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
        for (const p of folded.split('\r\n')) {
          expect(octets(p)).toBeLessThanOrEqual(75);
        }
      }),
    );
  });

  it('formats instants in UTC basic form', () => {
    expect(formatUtc('2026-04-01T09:30:00+08:00')).toBe('20260401T013000Z');
    expect(() => formatUtc('not a date')).toThrow(RangeError);
  });
});
