import { Alert, Badge, type MantineColor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CompetitionStatus,
  type EntryStatus,
  type ExpertStatus,
  REGISTRATION_REFUSALS,
} from '../../../contracts/competitions.js';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { pickLocalized } from '../../lib/localized';

const COLORS: Record<CompetitionStatus | EntryStatus | ExpertStatus, MantineColor> = {
  planning: 'gray',
  registration: 'blue',
  running: 'green',
  completed: 'teal',
  cancelled: 'dark',
  registered: 'blue',
  confirmed: 'green',
  withdrawn: 'gray',
  excluded: 'red',
};

/** A status badge (the label is always text, never colour alone). */
export function CompetitionBadge({
  kind,
  status,
}: {
  kind: 'competition' | 'entry' | 'expert';
  status: CompetitionStatus | EntryStatus | ExpertStatus;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status] ?? 'gray'}
      variant="light"
      styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {t(`competitions.${kind}Status.${status}`)}
    </Badge>
  );
}

/** "17 Web Technologies" in the UI language. */
export function skillLabel(s: { number: string; names: Record<string, string> }, locale = currentLocale()) {
  return `${s.number} ${pickLocalized(s.names, locale)}`;
}

/** "AT · Austria" in the UI language. */
export function memberLabel(m: { code: string; names: Record<string, string> }, locale = currentLocale()) {
  return `${m.code} · ${pickLocalized(m.names, locale)}`;
}

/** The specific refusal of a registration rule (`details.reason`), else the error's own message. */
export function refusalMessage(t: (key: string, vars?: Record<string, unknown>) => string, error: unknown) {
  if (error instanceof ApiError) {
    const reason = error.details.reason;
    if (typeof reason === 'string' && (REGISTRATION_REFUSALS as readonly string[]).includes(reason)) {
      return t(`competitions.refusals.${reason}`, {
        max: Number(error.details.max ?? 0),
        expected: Number(error.details.expected ?? 0),
      });
    }
  }
  return errorMessage(t, error);
}

/** The error of a failed save: the conflict alert with a reload, or the translated refusal. */
export function SaveError({ error, onReload }: { error: unknown; onReload: () => void }): ReactNode {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
    return <VersionConflictAlert onReload={onReload} />;
  }
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{refusalMessage(t, error)}</Text>
    </Alert>
  );
}
