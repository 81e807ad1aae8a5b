/**
 * iCalendar (RFC 5545) text for training sessions.
 *
 * - Lines end with CRLF (3.1) and are folded so that no line is longer than 75 octets of UTF-8;
 *   a continuation line starts with one space, and a multi-byte character is never split.
 * - TEXT values escape backslash, semicolon, comma and newlines (3.3.11).
 * - DTSTART/DTEND are written in the UTC form `19980119T070000Z` (3.3.5, form #2), which needs no
 *   VTIMEZONE; the session's own time zone travels as the `X-TVET-TZID` property for clients that
 *   want to show it. UIDs are stable per session, so re-importing updates instead of duplicating.
 *
 * Pure: the caller passes the instant for DTSTAMP.
 */

export interface CalendarEvent {
  /** Stable id of the session (becomes `<id>@<uidDomain>`). */
  id: string;
  /** UTC instants (ISO 8601). */
  startsAt: string;
  endsAt: string;
  /** IANA zone the session was planned in. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Increases with each edit (the row version), so clients take the newer copy. */
  sequence?: number;
}

export interface CalendarInput {
  name: string;
  /** Instant the file is produced (DTSTAMP). */
  now: string;
  uidDomain: string;
  events: readonly CalendarEvent[];
}

const MAX_OCTETS = 75;
const utf8 = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into CRLF-joined pieces of at most 75 octets each. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  out.push(current);
  return out.join('\r\n');
}

/** 2026-04-01T01:30:00.000Z → 20260401T013000Z */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    throw new RangeError(`not an instant: ${iso}`);
  }
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function buildICalendar(input: CalendarInput): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//TVET Bridge//Training//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  const stamp = formatUtc(input.now);
  for (const e of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}@${input.uidDomain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(e.startsAt)}`,
      `DTEND:${formatUtc(e.endsAt)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.sequence !== undefined) {
      lines.push(`SEQUENCE:${e.sequence}`);
    }
    if (e.description) {
      lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    }
    if (e.location) {
      lines.push(`LOCATION:${escapeText(e.location)}`);
    }
    if (e.url) {
      lines.push(`URL:${e.url}`);
    }
    lines.push(`X-TVET-TZID:${escapeText(e.timeZone)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
