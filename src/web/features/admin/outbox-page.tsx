import { Button, Code, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/use-list-params';
import { type TOutboxMessage, useOutbox } from './api';

/** Messages the server would have e-mailed (no SMTP configured) or has sent. */
export function OutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { page, pageSize, update } = useListParams([] as const);
  const outbox = useOutbox({ page, pageSize });
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: Column<TOutboxMessage>[] = [
    { key: 'createdAt', header: t('outbox.createdAt'), render: (m) => formatDateTime(m.createdAt, locale) },
    { key: 'to', header: t('outbox.to'), render: (m) => <span dir="ltr">{m.to}</span> },
    { key: 'subject', header: t('outbox.subject'), render: (m) => <span dir="auto">{m.subject}</span> },
    {
      key: 'kind',
      header: t('outbox.kind'),
      render: (m) => t(`outbox.kinds.${m.kind}`, { defaultValue: m.kind }),
    },
    {
      key: 'status',
      header: t('outbox.statusLabel'),
      render: (m) => <StatusBadge kind="outbox" status={m.status} />,
    },
    {
      key: 'open',
      header: <span className="sr-only">{t('common.actions')}</span>,
      render: (m) => (
        <Button
          size="compact-xs"
          variant="subtle"
          aria-expanded={openId === m.id}
          onClick={() => setOpenId(openId === m.id ? null : m.id)}
        >
          {openId === m.id ? t('outbox.hide') : t('outbox.show')}
        </Button>
      ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('nav.outbox')} subtitle={t('outbox.intro')} />
      <DataTable
        label={t('nav.outbox')}
        columns={columns}
        rows={outbox.data?.data}
        rowKey={(m) => m.id}
        loading={outbox.isFetching}
        error={outbox.error}
        onRetry={() => void outbox.refetch()}
        page={page}
        pageSize={pageSize}
        total={outbox.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s })}
        empty={<Text c="dimmed">{t('outbox.empty')}</Text>}
        renderExpanded={(m) =>
          openId === m.id && (
            <Code block dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {m.text}
            </Code>
          )
        }
      />
    </Stack>
  );
}
