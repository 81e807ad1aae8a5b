import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentEntityType,
  DOCUMENT_FILE_EXTENSIONS,
  type TAttachment,
  type TAttachmentList,
} from '../../contracts/attachments.js';
import { currentLocale } from '../i18n';
import { ApiError, api, apiUrl } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { formatBytes, formatDateTime } from '../lib/format';
import { type Column, DataTable } from './data-table';

const ACCEPT = DOCUMENT_FILE_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Where the attachments of each entity type live in the API. */
function basePath(type: AttachmentEntityType, id: string): string {
  const e = encodeURIComponent(id);
  return type === 'project' ? `/projects/${e}/documents` : `/training/programmes/${e}/materials`;
}

const keyOf = (type: AttachmentEntityType, id: string) => ['attachments', type, id] as const;

/** The i18n key explaining why the server refused an upload (FILE_REJECTED `details.reason`). */
function rejectionKey(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'FILE_REJECTED') {
    return null;
  }
  if (error.details.reason === 'type') {
    return 'attachments.wrongType';
  }
  return error.details.reason === 'too_large' || error.details.reason === 'size'
    ? 'attachments.tooLarge'
    : null;
}

/**
 * Files kept on a project (its documents) or a training programme (its course materials): list,
 * upload with an optional title, download, delete, and for programmes whether participants see a
 * material in their portal. What the user may do comes from the list's `abilities`.
 */
export function AttachmentsPanel({
  entityType,
  entityId,
}: {
  entityType: AttachmentEntityType;
  entityId: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const qc = useQueryClient();
  const base = basePath(entityType, entityId);
  const key = keyOf(entityType, entityId);
  const q = useQuery({ queryKey: key, queryFn: () => api<TAttachmentList>(base) });
  const refresh = () => void qc.invalidateQueries({ queryKey: key });

  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const upload = useMutation({
    mutationFn: (args: { file: File; title: string }) => {
      const form = new FormData();
      // The title goes first: the server reads the fields sent ahead of the file.
      form.append('title', args.title);
      form.append('file', args.file);
      return api<TAttachment>(base, { method: 'POST', body: form });
    },
    onSuccess: () => {
      setFile(null);
      setTitle('');
      notifications.show({ color: 'green', message: t('attachments.uploaded') });
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<unknown>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
  });
  const visibility = useMutation({
    mutationFn: (args: { id: string; visible: boolean }) =>
      api<TAttachment>(`${base}/${encodeURIComponent(args.id)}`, {
        method: 'PATCH',
        body: { visibleToParticipants: args.visible },
      }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
  });

  const max = formatBytes(ATTACHMENT_MAX_BYTES, locale);
  const heading = t(entityType === 'project' ? 'attachments.projectTitle' : 'attachments.programmeTitle');
  const abilities = q.data?.abilities ?? { upload: false, delete: false };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) {
      return;
    }
    upload.reset();
    if (file.size > ATTACHMENT_MAX_BYTES) {
      notifications.show({ color: 'red', message: t('attachments.tooLarge', { max }) });
      return;
    }
    upload.mutate({ file, title: title.trim() });
  }

  const columns: Column<TAttachment>[] = [
    {
      key: 'title',
      header: t('attachments.name'),
      render: (a) => (
        <Stack gap={0}>
          <Anchor
            href={apiUrl(`${base}/${encodeURIComponent(a.id)}`)}
            target="_blank"
            rel="noopener"
            dir="auto"
          >
            {a.title}
          </Anchor>
          {a.title !== a.fileName && (
            <Text size="xs" c="dimmed" dir="auto">
              {a.fileName}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'size', header: t('attachments.size'), render: (a) => formatBytes(a.sizeBytes, locale) },
    { key: 'at', header: t('attachments.uploadedAt'), render: (a) => formatDateTime(a.uploadedAt, locale) },
  ];
  if (entityType === 'programme') {
    columns.push({
      key: 'visible',
      header: t('attachments.visibleToParticipants'),
      render: (a) => (
        <Switch
          checked={a.visibleToParticipants}
          disabled={!abilities.upload || (visibility.isPending && visibility.variables?.id === a.id)}
          aria-label={t('attachments.visibleFor', { name: a.title })}
          onChange={(e) => visibility.mutate({ id: a.id, visible: e.currentTarget.checked })}
        />
      ),
    });
  }
  columns.push({
    key: 'actions',
    header: <span className="sr-only">{t('common.actions')}</span>,
    render: (a) =>
      abilities.delete && (
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('attachments.delete', { name: a.title })}
          loading={remove.isPending && remove.variables === a.id}
          onClick={() => {
            if (window.confirm(t('attachments.confirmDelete', { name: a.title }))) {
              remove.mutate(a.id);
            }
          }}
        >
          ×
        </ActionIcon>
      ),
  });

  const uploadError = upload.error
    ? (() => {
        const k = rejectionKey(upload.error);
        return k ? t(k, { max, types: DOCUMENT_FILE_EXTENSIONS.join(', ') }) : errorMessage(t, upload.error);
      })()
    : null;

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {heading}
        </Title>
        {entityType === 'programme' && (
          <Text size="sm" c="dimmed">
            {t('attachments.programmeHint')}
          </Text>
        )}
        <DataTable
          label={heading}
          columns={columns}
          rows={q.data?.data}
          rowKey={(a) => a.id}
          loading={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          empty={t('attachments.empty')}
        />
        {abilities.upload && (
          <form onSubmit={submit}>
            <Group align="flex-end" wrap="wrap">
              <FileInput
                label={t('attachments.file')}
                value={file}
                onChange={setFile}
                accept={ACCEPT}
                clearable
                required
                w={260}
              />
              <TextInput
                label={t('attachments.titleLabel')}
                placeholder={t('attachments.titlePlaceholder')}
                value={title}
                maxLength={200}
                onChange={(e) => setTitle(e.currentTarget.value)}
                w={260}
              />
              <Button type="submit" variant="default" disabled={!file} loading={upload.isPending}>
                {t('attachments.upload')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('attachments.hint', { max, types: DOCUMENT_FILE_EXTENSIONS.join(', ') })}
            </Text>
          </form>
        )}
        {uploadError && (
          <Alert
            color="red"
            role="alert"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => upload.reset()}
          >
            {uploadError}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
