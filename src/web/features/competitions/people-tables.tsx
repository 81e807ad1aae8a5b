import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryStatus, TEntry, TExpert } from '../../../contracts/competitions.js';
import { type Column, DataTable } from '../../components/data-table';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useEntryStatus } from './api';
import { CompetitionBadge, memberLabel, SaveError, skillLabel } from './shared';

/** Asks for the reason, then withdraws or excludes an entry (or confirms it, without a reason). */
export function EntryStatusModal({
  entry,
  status,
  onClose,
}: {
  entry: TEntry | null;
  status: EntryStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useEntryStatus();
  const [reason, setReason] = useState('');
  const needsReason = status === 'withdrawn' || status === 'excluded';
  const close = () => {
    setReason('');
    change.reset();
    onClose();
  };
  return (
    <Modal
      opened={entry !== null}
      onClose={close}
      title={entry ? t(`competitions.entries.to.${status}`, { name: entry.displayName }) : ''}
    >
      <Stack>
        <SaveError error={change.error} onReload={close} />
        {needsReason && (
          <Textarea
            label={t('competitions.entries.reason')}
            required
            autosize
            minRows={2}
            dir="auto"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={needsReason ? 'red' : undefined}
            disabled={needsReason && reason.trim().length < 3}
            loading={change.isPending}
            onClick={() =>
              entry &&
              change.mutate(
                { id: entry.id, version: entry.version, status, reason: reason.trim() },
                { onSuccess: close },
              )
            }
          >
            {t(`competitions.entries.actions.${status}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CompetitorsCell({ entry }: { entry: TEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap={2}>
      {entry.competitors.map((c) => (
        <Text key={c.id} size="sm">
          {c.firstName} {c.lastName}
          {c.nameNative && (
            <Text span size="sm" c="dimmed" dir="auto">
              {' '}
              {c.nameNative}
            </Text>
          )}
          {c.birthDate && (
            <Text span size="xs" c="dimmed">
              {' · '}
              {t('competitions.entries.born', { date: formatDate(c.birthDate, locale) })}
            </Text>
          )}
        </Text>
      ))}
    </Stack>
  );
}

interface EntryActions {
  /** Organizers: confirm, withdraw, exclude, reinstate. Registrars: withdraw while open. */
  canEdit: (e: TEntry) => boolean;
  statuses: (e: TEntry) => EntryStatus[];
  onEdit: (e: TEntry) => void;
  onStatus: (e: TEntry, status: EntryStatus) => void;
}

/** Entrants (one competitor or a team) with member, competitors, bench and status. */
export function EntriesTable({
  rows,
  loading,
  error,
  onRetry,
  showSkill,
  actions,
  pagination,
}: {
  rows: TEntry[] | undefined;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  showSkill?: boolean;
  actions?: EntryActions;
  pagination?: Pick<
    Parameters<typeof DataTable<TEntry>>[0],
    'page' | 'pageSize' | 'total' | 'onPageChange' | 'onPageSizeChange' | 'sort' | 'onSortChange'
  >;
}) {
  const { t } = useTranslation();
  const columns: Column<TEntry>[] = [
    ...(showSkill
      ? [
          {
            key: 'skill',
            header: t('competitions.skill'),
            sortField: 'skill',
            render: (e: TEntry) => skillLabel(e.skill),
          },
        ]
      : []),
    {
      key: 'member',
      header: t('competitions.member'),
      sortField: 'member',
      render: (e) => memberLabel(e.member),
    },
    {
      key: 'name',
      header: t('competitions.entries.entrant'),
      sortField: 'name',
      render: (e) => <strong>{e.displayName}</strong>,
    },
    {
      key: 'competitors',
      header: t('competitions.entries.competitors'),
      render: (e) => <CompetitorsCell entry={e} />,
    },
    {
      key: 'bench',
      header: t('competitions.entries.bench'),
      sortField: 'bench',
      noWrap: true,
      render: (e) => e.bench || '—',
    },
    {
      key: 'status',
      header: t('competitions.status'),
      sortField: 'status',
      render: (e) => (
        <Stack gap={2}>
          <CompetitionBadge kind="entry" status={e.status} />
          {e.statusReason && (
            <Text size="xs" c="dimmed">
              {e.statusReason}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  if (actions) {
    columns.push({
      key: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      noWrap: true,
      render: (e) => (
        <Group gap={4}>
          {actions.canEdit(e) && (
            <Button size="xs" variant="default" onClick={() => actions.onEdit(e)}>
              {t('common.edit')}
            </Button>
          )}
          {actions.statuses(e).map((s) => (
            <Button
              key={s}
              size="xs"
              variant={s === 'confirmed' ? 'light' : 'subtle'}
              color={s === 'withdrawn' || s === 'excluded' ? 'red' : undefined}
              onClick={() => actions.onStatus(e, s)}
            >
              {t(`competitions.entries.actions.${s}`)}
            </Button>
          ))}
        </Group>
      ),
    });
  }
  return (
    <DataTable
      label={t('competitions.tabs.entrants')}
      columns={columns}
      rows={rows}
      rowKey={(e) => e.id}
      loading={loading}
      error={error}
      onRetry={onRetry}
      empty={<Text c="dimmed">{t('competitions.entries.empty')}</Text>}
      {...pagination}
    />
  );
}

/** The statuses an organizer can move an entry to from its current one. */
export function organizerStatuses(e: TEntry): EntryStatus[] {
  switch (e.status) {
    case 'registered':
      return ['confirmed', 'withdrawn', 'excluded'];
    case 'confirmed':
      return ['withdrawn', 'excluded'];
    default:
      return ['registered'];
  }
}

/** Experts with role, member, linked account and status. */
export function ExpertsTable({
  rows,
  loading,
  error,
  onRetry,
  showSkill,
  onEdit,
}: {
  rows: TExpert[] | undefined;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  showSkill?: boolean;
  onEdit?: (x: TExpert) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<TExpert>[] = [
    ...(showSkill
      ? [{ key: 'skill', header: t('competitions.skill'), render: (x: TExpert) => skillLabel(x.skill) }]
      : []),
    {
      key: 'name',
      header: t('competitions.experts.name'),
      render: (x) => (
        <Stack gap={0}>
          <strong>
            {x.firstName} {x.lastName}
          </strong>
          {x.email && (
            <Text size="xs" c="dimmed" dir="ltr">
              {x.email}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'role',
      header: t('competitions.experts.role'),
      render: (x) => t(`competitions.expertRoles.${x.role}`),
    },
    {
      key: 'member',
      header: t('competitions.member'),
      render: (x) => (x.member ? memberLabel(x.member) : t('competitions.experts.independent')),
    },
    {
      key: 'user',
      header: t('competitions.experts.user'),
      render: (x) => x.user?.displayName ?? <Text c="dimmed">{t('competitions.experts.noUser')}</Text>,
    },
    {
      key: 'status',
      header: t('competitions.status'),
      render: (x) => <CompetitionBadge kind="expert" status={x.status} />,
    },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      noWrap: true,
      render: (x) => (
        <Button size="xs" variant="default" onClick={() => onEdit(x)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <DataTable
      label={t('competitions.tabs.experts')}
      columns={columns}
      rows={rows}
      rowKey={(x) => x.id}
      loading={loading}
      error={error}
      onRetry={onRetry}
      empty={<Text c="dimmed">{t('competitions.experts.empty')}</Text>}
    />
  );
}
