import { describe, expect, it } from 'vitest';
import { shadeIndex } from './map-shading';

describe('map shading', () => {
  it('is 0 without partners and darkest at the maximum', () => {
    expect(shadeIndex(0, 10)).toBe(0);
    expect(shadeIndex(10, 10)).toBe(5);
    expect(shadeIndex(1, 1)).toBe(5);
    expect(shadeIndex(1, 10)).toBe(1);
  });
  it('grows with the count', () => {
    let last = 0;
    for (let n = 1; n <= 100; n++) {
      const s = shadeIndex(n, 100);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });
});
