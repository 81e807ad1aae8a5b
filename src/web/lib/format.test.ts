import { describe, expect, it } from 'vitest';
import { toQueryString } from './api';
import { countryName, numericToAlpha2 } from './countries';
import { formatBytes, formatDate, formatNumber, todayIso } from './format';
import { pickLocalized } from './localized';

describe('format', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('Mar 1, 2026');
    expect(formatDate('2026-03-01', 'zh-CN')).toContain('2026');
    expect(formatDate('', 'en')).toBe('');
  });
  it('formats numbers per locale', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'fr').replace(/\s/g, ' ')).toBe('12 345');
  });
  it('gives today as an ISO date', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('formatBytes', () => {
  it.each([
    [619, 'en', '619 bytes'],
    [1, 'en', '1 byte'],
    [619, 'fr', '619 octets'],
    [1536, 'en', '1.5 kB'],
    [5 * 1024 * 1024, 'fr', '5 Mo'],
  ])('%i in %s → %s', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale).replace(/[\u00a0\u202f]/g, ' ')).toBe(text);
  });
});

describe('query strings', () => {
  it('drops empty values', () => {
    expect(toQueryString({ a: 1, b: '', c: undefined, d: 'x y', e: false })).toBe('?a=1&d=x+y&e=false');
    expect(toQueryString({})).toBe('');
  });
});

describe('localized text', () => {
  it('follows the fallback chain', () => {
    expect(pickLocalized({ en: 'College', 'zh-CN': '学院' }, 'zh-CN')).toBe('学院');
    expect(pickLocalized({ en: 'College', 'zh-CN': '学院' }, 'fr')).toBe('College');
    expect(pickLocalized({ ar: 'كلية' }, 'fr')).toBe('كلية');
    expect(pickLocalized(undefined, 'en')).toBe('');
  });
});

describe('countries', () => {
  it('maps numeric ids and names countries per locale', () => {
    expect(numericToAlpha2('156')).toBe('CN');
    expect(numericToAlpha2(4)).toBe('AF');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'zh-CN')).toBe('德国');
  });
});
