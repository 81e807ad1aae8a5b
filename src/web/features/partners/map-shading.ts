/** Sequential blues, light to dark; index 0 is "no partners". */
export const SHADES = ['#eef1f5', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

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
