import { useTranslation } from 'react-i18next';
import type { TIndicator } from '../../../contracts/results-frameworks.js';
import { BarChart } from '../../components/bar-chart';
import { formatDate, formatNumber } from '../../lib/format';

const SERIES = [
  { key: 'target', color: 'var(--mantine-color-blue-6)', variant: 'outline' as const },
  { key: 'actual', color: 'var(--mantine-color-teal-6)' },
];

/**
 * Target and actual per period as paired bars (target outlined, actual filled), with the baseline
 * dashed for level indicators. The table beside it carries the same numbers, so the chart is a
 * picture for those who prefer one.
 */
export function ProgressChart({ indicator, locale }: { indicator: TIndicator; locale: string }) {
  const { t } = useTranslation();
  const periods = indicator.periods.filter((p) => p.target.value !== null || p.actual?.value != null);
  if (periods.length === 0 || indicator.measure === 'qualitative' || indicator.measure === 'nominal') {
    return null;
  }
  const baseline = indicator.baseline?.value ?? null;
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
    <BarChart
      orientation="vertical"
      ariaLabel={label}
      series={SERIES}
      groups={periods.map((p) => ({
        key: p.id,
        label: p.end.slice(0, 7),
        values: {
          target: p.target.value === null ? null : Math.max(0, p.target.value),
          actual: p.actual?.value == null ? null : Math.max(0, p.actual.value),
        },
      }))}
      reference={baseline !== null && indicator.aggregation === 'level' ? baseline : null}
      formatValue={(v) => formatNumber(v, locale)}
    />
  );
}
