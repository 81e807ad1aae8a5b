import { Alert, Badge, Button, Group, type MantineColor, Modal, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CompetitionStatus,
  type EntryStatus,
  type ExpertStatus,
  REGISTRATION_REFUSALS,
} from '../../../contracts/competitions.js';
import { type Column, DataTable } from '../../components/data-table';
import { FormActions } from '../../components/edit-form-page';
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

/** Which record a create/edit modal is open on: a new one, an existing one, or none (closed). */
export type Editing<T> = T | 'new' | null;

/**
 * The records of a competition that organisers keep in a modal (members, skills, workshops):
 * an optional Add button, the last delete's error, the table, and the modal on the chosen record.
 */
export function RecordsTable<T extends { id: string }>({
  label,
  addLabel,
  columns,
  query,
  deleteError,
  empty,
  canManage,
  editing,
  onEdit,
  modal,
}: {
  label: string;
  /** Shown as a button above the table (for those who manage) when given. */
  addLabel?: string;
  columns: Column<T>[];
  query: UseQueryResult<{ data: T[] }>;
  deleteError: unknown;
  empty: string;
  canManage: boolean;
  editing: Editing<T>;
  onEdit: (editing: Editing<T>) => void;
  modal: (props: { record: T | null; opened: boolean; onClose: () => void }) => ReactNode;
}) {
  return (
    <>
      {canManage && addLabel && (
        <Group>
          <Button onClick={() => onEdit('new')}>{addLabel}</Button>
        </Group>
      )}
      <SaveError error={deleteError} onReload={() => void query.refetch()} />
      <DataTable
        label={label}
        columns={columns}
        rows={query.data?.data}
        rowKey={(x) => x.id}
        loading={query.isFetching}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<Text c="dimmed">{empty}</Text>}
      />
      {canManage &&
        modal({
          record: editing === 'new' ? null : editing,
          opened: editing !== null,
          onClose: () => onEdit(null),
        })}
    </>
  );
}

/** The create/edit dialog of such a record: the last save's error on top, the fields, Cancel / Save. */
export function RecordFormModal({
  opened,
  onClose,
  size,
  title,
  onSubmit,
  saveError,
  saving,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  size: 'lg' | 'xl';
  title: string;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  saveError: unknown;
  saving: boolean;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} size={size} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveError error={saveError} onReload={onClose} />
          {children}
          <FormActions saving={saving} onCancel={onClose} cancelVariant="subtle" />
        </Stack>
      </form>
    </Modal>
  );
}
