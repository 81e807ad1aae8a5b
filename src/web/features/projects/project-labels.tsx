import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../contracts/projects.js';
import { formatMinor } from '../../../domain/projects/money.js';

const STATUS_COLORS: Record<ProjectStatus, MantineColor> = {
  '1': 'gray',
  '2': 'blue',
  '3': 'teal',
  '4': 'dark',
  '5': 'red',
  '6': 'orange',
};

/** IATI activity status as a coloured badge with its name in the UI language. */
export function ProjectStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status as ProjectStatus] ?? 'gray'}
      variant="light"
      styles={{ root: { minWidth: 'max-content' } }}
    >
      {t(`projects.status.${status}`)}
    </Badge>
  );
}

/** Amounts per currency, one after the other ("CN¥6,800.00 · $1,000.00"); an em dash when empty. */
export function moneyList(
  items: readonly { currency: string; valueMinor: number }[],
  locale: string,
): string {
  return items.length === 0
    ? '—'
    : items.map((m) => formatMinor(m.valueMinor, m.currency, locale)).join(' · ');
}
