/**
 * Wall-clock times in a named time zone, for the session form and the calendar grid. A session
 * "09:00 in Asia/Dhaka" is stored as an instant; these helpers convert both ways with Intl only.
 */

function partsIn(instantMs: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const get = (type: string) =>
    Number(f.formatToParts(new Date(instantMs)).find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (UTC+8 → 8·3600·1000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = partsIn(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** '2026-04-01' + '09:00' in 'Asia/Dhaka' → '2026-04-01T03:00:00.000Z'. */
export function wallTimeToInstant(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let instant = guess - zoneOffsetMs(guess, timeZone);
  // Across a DST change the offset at the result can differ from the guess: correct once.
  instant = guess - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The calendar date and HH:MM of an instant in a zone. */
export function instantToWallTime(instant: string, timeZone: string): { date: string; time: string } {
  const p = partsIn(Date.parse(instant), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Weeks (Monday first) covering a month: each day as 'YYYY-MM-DD', days of other months included. */
export function monthGrid(year: number, month: number): string[][] {
  const first = Date.UTC(year, month - 1, 1);
  const weekday = (new Date(first).getUTCDay() + 6) % 7; // Monday = 0
  const start = first - weekday * 86_400_000;
  const last = Date.UTC(year, month, 0);
  const weeks: string[][] = [];
  for (
    let day = start;
    day <= last || weeks.length === 0 || (weeks.at(-1)?.length ?? 0) < 7;
    day += 86_400_000
  ) {
    if ((weeks.at(-1)?.length ?? 7) === 7) {
      if (day > last) {
        break;
      }
      weeks.push([]);
    }
    weeks.at(-1)?.push(new Date(day).toISOString().slice(0, 10));
  }
  return weeks;
}

/** The seven days (Monday first) of the week holding `date`. */
export function weekOf(date: string): string[] {
  const d = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(d).getUTCDay() + 6) % 7;
  return Array.from({ length: 7 }, (_, i) =>
    new Date(d + (i - weekday) * 86_400_000).toISOString().slice(0, 10),
  );
}
