import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/** One series of bars: filled, or outlined (e.g. a target beside its actual). */
export interface BarSeries {
  key: string;
  color: string;
  variant?: 'fill' | 'outline';
}

/** One category: its label, a value per series (null = no bar), and where clicking it leads. */
export interface BarGroup {
  key: string;
  label: string;
  values: Record<string, number | null>;
  /** A link inside the app (the filtered list behind the bar). */
  href?: string;
  /** The accessible name of the link (defaults to the label and the values). */
  linkLabel?: string;
}

interface Props {
  groups: readonly BarGroup[];
  /** Default: one filled series named `value`. */
  series?: readonly BarSeries[];
  /** `horizontal`: one row per group with its label and value (lists of countries, types). */
  orientation?: 'horizontal' | 'vertical';
  /** The chart's accessible name: say what it shows, with the numbers (screen readers get no bars). */
  ariaLabel: string;
  formatValue: (value: number) => string;
  /** Shown instead of a value that is null in a one-series horizontal chart (e.g. "hidden"). */
  nullLabel?: string;
  /** A dashed horizontal line at this value (vertical charts), e.g. a baseline. */
  reference?: number | null;
  /** Vertical charts: the viewBox size. */
  width?: number;
  height?: number;
}

const SINGLE: readonly BarSeries[] = [{ key: 'value', color: 'var(--mantine-color-blue-6)' }];

/**
 * A small SVG bar chart, horizontal (labelled rows) or vertical (grouped columns), without a chart
 * library. Bars with an `href` are links to the list behind them. The numbers should also be on
 * the page in text (a table or the labels), the chart being a picture for those who prefer one.
 */
export function BarChart({
  groups,
  series = SINGLE,
  orientation = 'horizontal',
  ariaLabel,
  formatValue,
  nullLabel = '—',
  reference = null,
  width = 320,
  height = 140,
}: Props) {
  const navigate = useNavigate();
  const max =
    Math.max(0, reference ?? 0, ...groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0))) || 1;
  const follow = (href: string) => (e: MouseEvent) => {
    if (e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
      e.preventDefault();
      navigate(href);
    }
  };
  const linked = (g: BarGroup, body: React.ReactNode) =>
    g.href ? (
      <a key={g.key} href={g.href} onClick={follow(g.href)} aria-label={g.linkLabel ?? g.label}>
        {body}
      </a>
    ) : (
      <g key={g.key}>{body}</g>
    );

  if (orientation === 'horizontal') {
    const row = 24;
    const labelW = 150;
    const valueW = 70;
    const w = 480;
    const barMax = w - labelW - valueW;
    const h = Math.max(row, groups.length * row);
    const s = series[0] ?? (SINGLE[0] as BarSeries);
    return (
      <svg
        viewBox={`0 0 ${w} ${h}`}
        width="100%"
        role="img"
        aria-label={ariaLabel}
        style={{ direction: 'ltr', maxWidth: w }}
      >
        {groups.map((g, i) => {
          const v = g.values[s.key] ?? null;
          const y = i * row;
          const len = v === null ? 0 : Math.max(v > 0 ? 2 : 0, (v / max) * barMax);
          return linked(
            g,
            <>
              <title>{g.linkLabel ?? `${g.label}: ${v === null ? nullLabel : formatValue(v)}`}</title>
              <text x={0} y={y + row / 2 + 4} fontSize={12} fill="currentColor">
                {g.label.length > 24 ? `${g.label.slice(0, 23)}…` : g.label}
              </text>
              <rect
                x={labelW}
                y={y + 5}
                width={len}
                height={row - 10}
                fill={s.variant === 'outline' ? 'none' : s.color}
                stroke={s.variant === 'outline' ? s.color : 'none'}
              />
              <text x={labelW + len + 6} y={y + row / 2 + 4} fontSize={12} fill="currentColor">
                {v === null ? nullLabel : formatValue(v)}
              </text>
            </>,
          );
        })}
      </svg>
    );
  }

  const pad = { top: 10, bottom: 28, left: 8, right: 8 };
  const slot = (width - pad.left - pad.right) / Math.max(1, groups.length);
  const bar = Math.min(28, slot / (series.length + 1));
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={ariaLabel}
    >
      <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-5)" />
      {reference !== null && (
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(reference)}
          y2={y(reference)}
          stroke="var(--mantine-color-gray-6)"
          strokeDasharray="4 3"
        />
      )}
      {groups.map((g, i) => {
        const center = pad.left + slot * i + slot / 2;
        const first = center - (bar * series.length + (series.length - 1) * 2) / 2;
        return linked(
          g,
          <>
            {g.href && <title>{g.linkLabel ?? g.label}</title>}
            {series.map((s, k) => {
              const v = g.values[s.key];
              if (v === null || v === undefined) {
                return null;
              }
              const top = y(Math.max(0, v));
              return (
                <rect
                  key={s.key}
                  x={first + k * (bar + 2)}
                  y={top}
                  width={bar}
                  height={Math.max(0, y(0) - top)}
                  fill={s.variant === 'outline' ? 'none' : s.color}
                  stroke={s.variant === 'outline' ? s.color : 'none'}
                  strokeWidth={s.variant === 'outline' ? 1.5 : 0}
                />
              );
            })}
            <text x={center} y={height - 10} textAnchor="middle" fontSize={10} fill="currentColor">
              {g.label}
            </text>
          </>,
        );
      })}
    </svg>
  );
}
