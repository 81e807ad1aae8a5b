/**
 * Sequential blues, light to dark; index 0 is "no partners". The lightest shade for countries with partners
 * is already clearly darker than the "none" grey (contrast ≥ 1.5:1 against it), and countries with partners
 * also get a dark outline, so even one partner in a small country stands out.
 */
export const SHADES = ['#eef1f5', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c'] as const;

/** Outline of countries with partners, and of the legend swatches. */
export const PARTNER_STROKE = '#08306b';

/** Countries smaller than this on the map (in square pixels of the 960×470 view) also get a dot. */
export const SMALL_COUNTRY_AREA = 80;

/** Bucket 1..5 on a log scale of the maximum, 0 when there are none. */
export function shadeIndex(count: number, max: number): number {
  if (count <= 0 || max <= 0) {
    return 0;
  }
  if (max === 1) {
    return SHADES.length - 1;
  }
  const r = Math.log(count) / Math.log(max);
  return Math.min(SHADES.length - 1, 1 + Math.floor(r * (SHADES.length - 2) + 1e-9));
}
