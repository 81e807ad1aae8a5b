import { useTranslation } from 'react-i18next';
import type { TIndicator } from '../../../contracts/results-frameworks.js';
import { formatDate, formatNumber } from '../../lib/format';

const W = 320;
const H = 140;
const PAD = { top: 10, bottom: 28, left: 8, right: 8 };

/**
 * Target and actual per period as paired bars (target outlined, actual filled), drawn as SVG. The
 * table beside it carries the same numbers, so the chart is a picture for those who prefer one.
 */
export function ProgressChart({ indicator, locale }: { indicator: TIndicator; locale: string }) {
  const { t } = useTranslation();
  const periods = indicator.periods.filter((p) => p.target.value !== null || p.actual?.value != null);
  if (periods.length === 0 || indicator.measure === 'qualitative' || indicator.measure === 'nominal') {
    return null;
  }
  const values = periods.flatMap((p) => [p.target.value ?? 0, p.actual?.value ?? 0, 0]);
  const baseline = indicator.baseline?.value ?? null;
  const max = Math.max(...values, baseline ?? 0) || 1;
  const slot = (W - PAD.left - PAD.right) / periods.length;
  const bar = Math.min(28, slot / 3);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const label = t('resultsFrameworks.chartLabel', {
    periods: periods
      .map((p) =>
        t('resultsFrameworks.chartPeriod', {
          end: formatDate(p.end, locale),
          target: p.target.value === null ? '—' : formatNumber(p.target.value, locale),
          actual: p.actual?.value == null ? '—' : formatNumber(p.actual.value, locale),
        }),
      )
      .join('; '),
  });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }} role="img" aria-label={label}>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-5)" />
      {baseline !== null && indicator.aggregation === 'level' && (
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(baseline)}
          y2={y(baseline)}
          stroke="var(--mantine-color-gray-6)"
          strokeDasharray="4 3"
        />
      )}
      {periods.map((p, i) => {
        const x = PAD.left + slot * i + slot / 2;
        const target = p.target.value;
        const actual = p.actual?.value ?? null;
        return (
          <g key={p.id}>
            {target !== null && (
              <rect
                x={x - bar - 1}
                y={y(Math.max(0, target))}
                width={bar}
                height={Math.max(0, y(0) - y(Math.max(0, target)))}
                fill="none"
                stroke="var(--mantine-color-blue-6)"
                strokeWidth={1.5}
              />
            )}
            {actual !== null && (
              <rect
                x={x + 1}
                y={y(Math.max(0, actual))}
                width={bar}
                height={Math.max(0, y(0) - y(Math.max(0, actual)))}
                fill="var(--mantine-color-teal-6)"
              />
            )}
            <text x={x} y={H - 10} textAnchor="middle" fontSize={10} fill="currentColor">
              {p.end.slice(0, 7)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
