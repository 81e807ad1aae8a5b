import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../contracts/agreements.js';

/** Distinct colours per agreement status; the label is always text, never colour alone. */
export const AGREEMENT_STATUS_COLORS: Record<AgreementStatus, MantineColor> = {
  draft: 'gray',
  negotiating: 'blue',
  active: 'green',
  expiring: 'orange',
  expired: 'red',
  terminated: 'dark',
};

const USER_STATUS_COLORS: Record<string, MantineColor> = {
  active: 'green',
  invited: 'blue',
  deactivated: 'gray',
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  outbox: 'gray',
};

/**
 * A status badge: `kind` picks the i18n namespace and colours (`agreements.status`, `users.status`, `outbox.status`).
 * It never truncates: Mantine's Badge shrinks with an ellipsis inside narrow table cells, so its minimum width is
 * the whole label and the column grows to fit it in every language.
 */
const NO_TRUNCATION = {
  root: { minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible' },
} as const;

export function StatusBadge({
  kind,
  status,
  size,
}: {
  kind: 'agreement' | 'user' | 'outbox';
  status: string;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  const color =
    kind === 'agreement'
      ? (AGREEMENT_STATUS_COLORS[status as AgreementStatus] ?? 'gray')
      : (USER_STATUS_COLORS[status] ?? 'gray');
  const ns = kind === 'agreement' ? 'agreements.status' : kind === 'user' ? 'users.status' : 'outbox.status';
  return (
    <Badge
      color={color}
      variant={kind === 'agreement' && status === 'terminated' ? 'filled' : 'light'}
      size={size}
      styles={NO_TRUNCATION}
    >
      {t(`${ns}.${status}`)}
    </Badge>
  );
}
