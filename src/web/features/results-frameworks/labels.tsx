import { Badge, type MantineColor, Progress, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TProgress } from '../../../contracts/results-frameworks.js';
import type { IndicatorStatus } from '../../../domain/evaluation/results-framework.js';
import { formatNumber } from '../../lib/format';

export const STATUS_COLORS: Record<IndicatorStatus, MantineColor> = {
  achieved: 'green',
  on_track: 'teal',
  at_risk: 'orange',
  off_track: 'red',
  not_started: 'gray',
  no_data: 'gray',
  not_assessable: 'gray',
};

/** An indicator's or result's status; the label is always text, never colour alone. */
export function StatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'off_track' ? 'filled' : 'light'}
      styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {t(`resultsFrameworks.status.${status}`)}
    </Badge>
  );
}

/** A progress bar with the unclamped percentage beside it, or why there is none. */
export function ProgressLine({
  progress,
  status,
  locale,
}: {
  progress: TProgress;
  status: IndicatorStatus;
  locale: string;
}) {
  const { t } = useTranslation();
  if (progress.kind === 'none') {
    return (
      <Text size="sm" c="dimmed">
        {t(`resultsFrameworks.progressGap.${progress.reason}`)}
      </Text>
    );
  }
  const percent = formatNumber(progress.percent, locale, { maximumFractionDigits: 0 });
  return (
    <div>
      <Progress
        value={progress.clampedPercent}
        color={STATUS_COLORS[status] === 'gray' ? 'blue' : STATUS_COLORS[status]}
        aria-label={t('resultsFrameworks.progressOf', { percent })}
      />
      <Text size="xs" c="dimmed" mt={2}>
        {t('resultsFrameworks.progressOf', { percent })}
      </Text>
    </div>
  );
}

/** The catalog key of a platform source: i18next separates keys with dots, the source keys have one. */
export function sourceKey(key: string): string {
  return key.replace(/\./g, '_');
}

/** A number in the UI language, or an em dash. */
export function num(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined
    ? '—'
    : formatNumber(value, locale, { maximumFractionDigits: 2 });
}

/**
 * A problem or validation code in the user's language: the framework's own problem texts first,
 * then the shared validation messages.
 */
export function problemText(t: TFunction, code: string): string {
  const own = `resultsFrameworks.problems.${code}`;
  if (i18n.exists(own)) {
    return t(own);
  }
  const shared = `validation.${code}`;
  return i18n.exists(shared) ? t(shared) : t('validation.invalid');
}
