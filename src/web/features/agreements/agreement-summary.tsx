import { Alert, Group, type MantineColor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAgreement } from '../../../contracts/agreements.js';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { timeLeftText } from './time-left';

function timeLeftColor(a: TAgreement): MantineColor {
  if (a.status === 'expired' || (a.daysToEnd !== null && a.daysToEnd <= 30)) {
    return 'red.8';
  }
  return a.status === 'expiring' ? 'orange.9' : 'green.9';
}

/** Status and time left, large, under the agreement's title: the two facts people come to check. */
export function AgreementStatusLine({ agreement: a }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const left = timeLeftText(t, a);
  const end = a.effectiveEndsOn ?? a.endsOn;
  return (
    <Group gap="md" mt={4} align="center">
      <StatusBadge kind="agreement" status={a.status} size="lg" />
      {left && (
        <Text component="span" size="lg" fw={700} c={timeLeftColor(a)} data-testid="agreement-time-left">
          {left}
        </Text>
      )}
      {end && a.status !== 'terminated' && (
        <Text component="span" c="dimmed">
          {t('agreements.endsOnDate', { date: formatDate(end, locale) })}
        </Text>
      )}
    </Group>
  );
}

/** The termination date and reason, once recorded (also when the date is still to come). */
export function TerminationNotice({ agreement: a }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!a.terminatedOn) {
    return null;
  }
  const date = formatDate(a.terminatedOn, locale);
  const done = a.status === 'terminated';
  return (
    <Alert
      color={done ? 'gray' : 'orange'}
      variant={done ? 'light' : 'outline'}
      title={
        done ? t('agreements.terminatedTitle', { date }) : t('agreements.terminationScheduled', { date })
      }
    >
      {a.terminationReason && (
        <Text size="sm">
          <Text component="span" fw={600} size="sm">
            {t('agreements.reasonPrefix')}
          </Text>{' '}
          <Text component="span" size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {a.terminationReason}
          </Text>
        </Text>
      )}
    </Alert>
  );
}
