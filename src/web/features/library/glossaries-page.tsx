import { Anchor, Badge, Button, Group, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TGlossary } from '../../../contracts/library.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useGlossaries } from './api';
import { GlossaryDetailsModal } from './details-modals';

export function GlossariesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const list = useGlossaries(debounced);
  const columns: Column<TGlossary>[] = [
    {
      key: 'name',
      header: t('library.glossaries.name'),
      render: (g) => (
        <Anchor component={Link} to={`/library/glossaries/${g.id}`} fw={500}>
          {pickLocalized(g.name, locale)}
        </Anchor>
      ),
    },
    { key: 'subject', header: t('library.subject'), render: (g) => g.subject },
    {
      key: 'languages',
      header: t('library.glossaries.languages'),
      render: (g) => (
        <Group gap={4}>
          {g.languages.map((l) => (
            <Badge key={l} variant="light">
              {l}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'counts',
      header: t('library.glossaries.concepts'),
      noWrap: true,
      render: (g) =>
        t('library.glossaries.counts', {
          concepts: formatNumber(g.conceptCount, locale),
          approved: formatNumber(g.approvedCount, locale),
          terms: formatNumber(g.termCount, locale),
        }),
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={t('library.glossaries.heading')}
        subtitle={t('library.glossaries.subtitle')}
        actions={
          <>
            <Button variant="default" component={Link} to="/library">
              {t('library.resources.heading')}
            </Button>
            {can(Permission.GlossaryWrite) && (
              <Button onClick={() => setCreating(true)}>{t('library.glossaries.new')}</Button>
            )}
          </>
        }
      />
      <TextInput
        label={t('common.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={320}
      />
      <DataTable
        label={t('library.glossaries.heading')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(g) => g.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={t('library.glossaries.empty')}
      />
      <GlossaryDetailsModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
