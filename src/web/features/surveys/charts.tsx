import { useMantineTheme } from '@mantine/core';
import { currentLocale, directionOf } from '../../i18n';
import { formatNumber } from '../../lib/format';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar instead of the value (e.g. "3 · 25 %"). */
  caption?: string;
  color?: string;
}

/**
 * A label cut to what fits in `width` pixels at 12 px: about 6.5 px per letter, twice that for the
 * wide characters of Chinese, Japanese and Korean, with an ellipsis when cut. (Cut by letter count
 * alone, a long label ran past the left edge of the chart and lost its first words.)
 */
export function fitLabel(label: string, width: number): string {
  const units = Math.floor(width / 6.5);
  const wide = (c: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c);
  const chars = [...label];
  let used = 0;
  for (const [i, c] of chars.entries()) {
    used += wide(c) ? 2 : 1;
    if (used > units) {
      return `${chars.slice(0, Math.max(0, i - 1)).join('')}…`;
    }
  }
  return label;
}

/**
 * Horizontal bars as plain SVG: one row per bar, the label on the reading side, the caption after
 * the bar. `max` fixes the scale (e.g. 100 for percentages); right-to-left in Arabic.
 */
export function BarChart({ bars, max, title }: { bars: Bar[]; max?: number; title: string }) {
  const theme = useMantineTheme();
  const rtl = directionOf(currentLocale()) === 'rtl';
  const locale = currentLocale();
  const width = 560;
  const labelWidth = 170;
  const captionWidth = 90;
  const row = 26;
  const height = bars.length * row + 4;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const span = width - labelWidth - captionWidth;
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, direction: 'ltr' }}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * row + 2;
        const w = Math.max(0, (b.value / top) * span);
        const barX = rtl ? captionWidth + span - w : labelWidth;
        const labelX = rtl ? width - 4 : labelWidth - 8;
        const captionX = rtl ? captionWidth + span - w - 6 : labelWidth + w + 6;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a static chart: rows are drawn once per render in a fixed order
          <g key={`${b.label}-${i}`}>
            <text
              x={labelX}
              y={y + row / 2 + 4}
              fontSize={12}
              textAnchor="end"
              direction={rtl ? 'rtl' : 'ltr'}
              fill={theme.colors.gray[8]}
            >
              {fitLabel(b.label, labelWidth - 12)}
            </text>
            <rect
              x={barX}
              y={y + 4}
              width={w}
              height={row - 8}
              rx={3}
              fill={b.color ?? theme.colors.blue[6]}
            />
            <text
              x={captionX}
              y={y + row / 2 + 4}
              fontSize={12}
              textAnchor={rtl ? 'end' : 'start'}
              fill={theme.colors.gray[7]}
            >
              {b.caption ?? formatNumber(b.value, locale, { maximumFractionDigits: 1 })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Columns for a 0…10 or 1…k distribution (NPS, Likert), coloured per column. */
export function ColumnChart({
  counts,
  firstValue,
  colorOf,
  title,
}: {
  counts: number[];
  firstValue: number;
  colorOf: (value: number) => string;
  title: string;
}) {
  const theme = useMantineTheme();
  const width = 44 * counts.length + 8;
  const height = 140;
  const top = Math.max(1, ...counts);
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
    >
      <title>{title}</title>
      {counts.map((c, i) => {
        const h = (c / top) * (height - 44);
        const x = 8 + i * 44;
        const value = firstValue + i;
        return (
          <g key={value}>
            <rect x={x} y={height - 22 - h} width={34} height={h} rx={3} fill={colorOf(value)} />
            <text
              x={x + 17}
              y={height - 26 - h}
              fontSize={11}
              textAnchor="middle"
              fill={theme.colors.gray[7]}
            >
              {c}
            </text>
            <text x={x + 17} y={height - 6} fontSize={12} textAnchor="middle" fill={theme.colors.gray[8]}>
              {value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
