import { Button, Group, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FullPageLoader } from '../app/session';
import { ApiError } from '../lib/api';
import { serverFieldErrors } from '../lib/errors';
import { ErrorState } from './error-state';
import { PageHeader } from './page-header';
import { VersionConflictAlert } from './version-conflict-alert';

interface Versioned {
  id: string;
  version: number;
}

export interface EditForm<TLoaded, TSaved, TData> {
  id: string | undefined;
  existing: UseQueryResult<TLoaded>;
  save: UseMutationResult<TSaved, Error, { version?: number; data: TData }>;
  loaded: TLoaded | undefined;
  /** True after the server answered 409 VERSION_CONFLICT: someone else saved first. */
  conflict: boolean;
  /** The `<form onSubmit>` handler: validates, saves with the loaded version, then shows the saved record. */
  submit: (event?: React.FormEvent<HTMLFormElement>) => void;
  /** Drops the conflict and the failed save and loads the other person's version. */
  reload: () => void;
}

interface Options<TValues, TLoaded, TSaved, TData> {
  /** Route id of the record being edited; undefined when creating. */
  id: string | undefined;
  form: UseFormReturnType<TValues>;
  existing: UseQueryResult<TLoaded>;
  save: UseMutationResult<TSaved, Error, { version?: number; data: TData }>;
  toValues: (loaded: TLoaded) => TValues;
  /** Extra state to refresh whenever another version of the record arrives. */
  onLoaded?: (loaded: TLoaded) => void;
  /** The validated form values as the body the server takes. */
  toData: (values: TValues) => TData;
  savedMessage: string;
  savedPath: (saved: TSaved) => string;
  /** Server validation issues as form errors; defaults to the shared field mapping. */
  fieldErrors?: (error: unknown) => Record<string, string> | null;
}

/**
 * The create/edit page cycle shared by the record forms: fill the form from the loaded record
 * (again only when another version arrives), save with that version, and on 409 keep the typed
 * values while offering to reload.
 */
export function useEditForm<TValues, TLoaded extends Versioned, TSaved extends { id: string }, TData>({
  id,
  form,
  existing,
  save,
  toValues,
  onLoaded,
  toData,
  savedMessage,
  savedPath,
  fieldErrors,
}: Options<TValues, TLoaded, TSaved, TData>): EditForm<TLoaded, TSaved, TData> {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  const loaded = existing.data;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when another version arrives
  useEffect(() => {
    if (loaded) {
      form.setValues(toValues(loaded));
      form.resetDirty(toValues(loaded));
      onLoaded?.(loaded);
    }
  }, [loaded?.id, loaded?.version]);

  const submit = form.onSubmit((values) => {
    setConflict(false);
    save.mutate(
      { version: loaded?.version, data: toData(values) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: savedMessage });
          navigate(savedPath(saved));
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
            setConflict(true);
          }
          const fields = fieldErrors ? fieldErrors(e) : serverFieldErrors(t, e);
          if (fields) {
            form.setErrors(fields);
          }
        },
      },
    );
  });

  const reload = () => {
    setConflict(false);
    save.reset();
    void existing.refetch();
  };

  return { id, existing, save, loaded, conflict, submit, reload };
}

/**
 * The frame of a create/edit page: a loader or the load error while an existing record is fetched,
 * then the title, the conflict or save error, and the form.
 */
export function EditFormPage<TLoaded, TSaved, TData>({
  editor,
  title,
  saveErrorTitle,
  children,
}: {
  editor: EditForm<TLoaded, TSaved, TData>;
  /** Called only once the record (if any) is loaded. */
  title: (loaded: TLoaded | undefined) => string;
  saveErrorTitle?: (error: Error) => string;
  children: ReactNode;
}) {
  const { id, existing, save, conflict, reload, loaded } = editor;
  if (id && existing.isPending) {
    return <FullPageLoader />;
  }
  if (id && existing.error) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  return (
    <Stack>
      <PageHeader title={title(loaded)} />
      {conflict && <VersionConflictAlert onReload={reload} />}
      {save.error && !conflict && <ErrorState error={save.error} title={saveErrorTitle?.(save.error)} />}
      {children}
    </Stack>
  );
}

/** Cancel and Save at the end of a form, Save last. */
export function FormActions({
  saving,
  onCancel,
  cancelVariant = 'default',
}: {
  saving: boolean;
  onCancel: () => void;
  /** The competition screens show a quieter (subtle) Cancel. */
  cancelVariant?: 'default' | 'subtle';
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant={cancelVariant} onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/**
 * The form of a create/edit modal: refilled (and its last save error dropped) each time it opens
 * on another record, saved with that record's version, closed on success.
 */
export function useModalForm<TValues, TRecord extends Versioned, TData>({
  opened,
  record,
  form,
  save,
  toValues,
  toData,
  onClose,
}: {
  opened: boolean;
  record: TRecord | null;
  form: UseFormReturnType<TValues>;
  save: UseMutationResult<unknown, Error, { id?: string; version?: number; data: TData }>;
  /** The values to show: the record's, or blank ones for a new record (null). */
  toValues: (record: TRecord | null) => TValues;
  toData: (values: TValues) => TData;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on another record
  useEffect(() => {
    if (opened) {
      save.reset();
      form.clearErrors();
      form.setValues(toValues(record));
    }
  }, [opened, record?.id, record?.version]);

  return form.onSubmit((values) =>
    save.mutate(
      { id: record?.id, version: record?.version, data: toData(values) },
      { onSuccess: onClose, onError: (e) => form.setErrors(serverFieldErrors(t, e) ?? {}) },
    ),
  );
}
