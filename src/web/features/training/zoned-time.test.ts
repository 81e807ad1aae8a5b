import { describe, expect, it } from 'vitest';
import { instantToWallTime, monthGrid, wallTimeToInstant, weekOf } from './zoned-time';

describe('zoned wall time', () => {
  it('converts a local time in a zone to an instant and back', () => {
    expect(wallTimeToInstant('2026-04-01', '09:00', 'Asia/Dhaka')).toBe('2026-04-01T03:00:00.000Z');
    expect(wallTimeToInstant('2026-04-01', '09:00', 'Asia/Karachi')).toBe('2026-04-01T04:00:00.000Z');
    expect(wallTimeToInstant('2026-03-29', '12:00', 'Europe/Paris')).toBe('2026-03-29T10:00:00.000Z'); // after DST
    expect(instantToWallTime('2026-04-01T03:00:00.000Z', 'Asia/Dhaka')).toEqual({
      date: '2026-04-01',
      time: '09:00',
    });
    expect(instantToWallTime('2026-03-31T23:30:00.000Z', 'Asia/Shanghai')).toEqual({
      date: '2026-04-01',
      time: '07:30',
    });
  });
});

describe('calendar grids', () => {
  it('covers a month in Monday-first weeks', () => {
    const weeks = monthGrid(2026, 3);
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.at(-1)).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat()).toContain('2026-03-31');
  });
  it('gives the week of a date', () => {
    expect(weekOf('2026-03-15')).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
  });
});
