import { Anchor, Badge, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESOURCE_KINDS, type TResource } from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useResources } from './api';
import { ResourceDetailsModal } from './details-modals';
import { languageName, languageOptions } from './languages';

const FILTER_KEYS = ['q', 'kind', 'language'] as const;

export function ResourcesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS);
  const [q, setQ] = useState(values.q);
  const setQDebounced = useDebouncedCallback((v: string) => update({ q: v }), 300);
  const [creating, setCreating] = useState(false);
  const list = useResources({
    q: values.q,
    kind: values.kind,
    language: values.language,
    page,
    pageSize,
  });

  const columns: Column<TResource>[] = [
    {
      key: 'title',
      header: t('library.resources.title'),
      render: (r) => (
        <Anchor component={Link} to={`/library/resources/${r.id}`} fw={500}>
          {pickLocalized(r.title, locale)}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('library.resources.kind'), render: (r) => t(`library.kinds.${r.kind}`) },
    { key: 'subject', header: t('library.subject'), render: (r) => r.subject },
    {
      key: 'version',
      header: t('library.resources.latestVersion'),
      noWrap: true,
      render: (r) => r.latestVersion ?? '—',
    },
    {
      key: 'languages',
      header: t('library.resources.languages'),
      render: (r) => (
        <Group gap={4}>
          {r.languages.map((l) => (
            <Badge key={l} variant="light" title={languageName(l, locale)}>
              {l}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'updatedAt',
      header: t('common.updatedAt'),
      noWrap: true,
      render: (r) => formatDate(r.updatedAt, locale),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('library.resources.heading')}
        subtitle={t('library.resources.subtitle')}
        actions={
          <>
            <Button variant="default" component={Link} to="/library/glossaries">
              {t('library.glossaries.heading')}
            </Button>
            {can(Permission.ResourceWrite) && (
              <Button onClick={() => setCreating(true)}>{t('library.resources.new')}</Button>
            )}
          </>
        }
      />
      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setQDebounced(e.currentTarget.value);
          }}
        />
        <Select
          label={t('library.resources.kind')}
          clearable
          data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) }))}
          value={values.kind || null}
          onChange={(v) => update({ kind: v })}
        />
        <Select
          label={t('library.language')}
          clearable
          searchable
          data={languageOptions(locale)}
          value={values.language || null}
          onChange={(v) => update({ language: v })}
        />
      </Group>
      <DataTable
        label={t('library.resources.heading')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(r) => r.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s, page: 1 })}
        empty={t('library.resources.empty')}
      />
      <ResourceDetailsModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
