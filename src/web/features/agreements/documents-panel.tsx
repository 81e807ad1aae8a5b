import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_DOCUMENT_MAX_BYTES, type TAgreement } from '../../../contracts/agreements.js';
import { type Column, DataTable } from '../../components/data-table';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { documentUrl, useDeleteDocument, useUploadDocument } from './api';

type Doc = TAgreement['documents'][number];

/** Client-side check before upload; the server checks again (type sniffing, size). */
export function checkPdf(file: File): 'ok' | 'type' | 'size' {
  const isPdf = file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
  if (!isPdf) {
    return 'type';
  }
  if (file.size > AGREEMENT_DOCUMENT_MAX_BYTES) {
    return 'size';
  }
  return 'ok';
}

/** The i18n key explaining why the server refused an upload (FILE_REJECTED `details.reason`). */
export function rejectionKey(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'FILE_REJECTED') {
    return null;
  }
  switch (error.details.reason) {
    case 'type':
      return 'agreements.documents.notPdf';
    case 'too_large':
      return 'agreements.documents.tooLarge';
    case 'size':
      return 'agreements.documents.emptyOrTooLarge';
    default:
      return null;
  }
}

export function DocumentsPanel({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadDocument(agreement.id);
  const remove = useDeleteDocument(agreement.id);
  const canRead = agreement.abilities.readDocuments;
  const canEdit = agreement.abilities.update;

  const max = formatBytes(AGREEMENT_DOCUMENT_MAX_BYTES, locale);
  const uploadError = (e: unknown) => {
    const key = rejectionKey(e);
    return key ? t(key, { max }) : errorMessage(t, e);
  };

  function onFile(file: File | null) {
    if (!file) {
      return;
    }
    upload.reset();
    const check = checkPdf(file);
    if (check !== 'ok') {
      notifications.show({
        color: 'red',
        message: t(check === 'type' ? 'agreements.documents.pdfOnly' : 'agreements.documents.tooLarge', {
          max,
        }),
      });
      return;
    }
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'green', message: t('agreements.documents.uploaded') }),
    });
  }

  const columns: Column<Doc>[] = [
    {
      key: 'name',
      header: t('agreements.documents.file'),
      render: (d) =>
        canRead ? (
          <Anchor href={documentUrl(agreement.id, d.id)} target="_blank" rel="noopener" dir="auto">
            {d.fileName}
          </Anchor>
        ) : (
          <span dir="auto">{d.fileName}</span>
        ),
    },
    { key: 'size', header: t('agreements.documents.size'), render: (d) => formatBytes(d.sizeBytes, locale) },
    {
      key: 'at',
      header: t('agreements.documents.uploadedAt'),
      render: (d) => formatDateTime(d.uploadedAt, locale),
    },
    {
      key: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      render: (d) =>
        canEdit && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('agreements.documents.delete', { name: d.fileName })}
            loading={remove.isPending && remove.variables === d.id}
            onClick={() => {
              if (window.confirm(t('agreements.documents.confirmDelete', { name: d.fileName }))) {
                remove.mutate(d.id, {
                  onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
                });
              }
            }}
          >
            ×
          </ActionIcon>
        ),
    },
  ];

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('agreements.documents.title')}
          </Title>
          {canEdit && (
            <FileButton onChange={onFile} accept="application/pdf,.pdf">
              {(props) => (
                <Button {...props} variant="default" size="xs" loading={upload.isPending}>
                  {t('agreements.documents.upload')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {canEdit && (
          <Text size="xs" c="dimmed">
            {t('agreements.documents.hint', { max })}
          </Text>
        )}
        {upload.error && (
          <Alert
            color="red"
            role="alert"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => upload.reset()}
          >
            {uploadError(upload.error)}
          </Alert>
        )}
        <DataTable
          label={t('agreements.documents.title')}
          columns={columns}
          rows={agreement.documents}
          rowKey={(d) => d.id}
          empty={t('agreements.documents.empty')}
        />
      </Stack>
    </Card>
  );
}
