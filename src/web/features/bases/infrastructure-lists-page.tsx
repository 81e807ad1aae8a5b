import { Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TInfrastructureList, TInfrastructureListSummary } from '../../../contracts/bases.js';
import { Permission } from '../../../contracts/roles.js';
import { FullPageLoader, useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useInfrastructureList, useInfrastructureLists } from './api';

export function InfrastructureListsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const lists = useInfrastructureLists();
  const columns: Column<TInfrastructureListSummary>[] = [
    {
      key: 'name',
      header: t('bases.lists.name'),
      render: (l) => (
        <Anchor component={Link} to={`/bases/lists/${l.id}`} fw={500}>
          {l.name}
        </Anchor>
      ),
    },
    { key: 'skill', header: t('bases.skill'), render: (l) => `${l.skillNumber} ${l.skillName}`.trim() },
    { key: 'revision', header: t('bases.lists.revision'), noWrap: true, render: (l) => l.revision },
    {
      key: 'items',
      header: t('bases.lists.items'),
      noWrap: true,
      render: (l) => formatNumber(l.itemCount, locale),
    },
    {
      key: 'file',
      header: t('bases.lists.sourceFile'),
      render: (l) => <span dir="auto">{l.sourceFileName}</span>,
    },
    {
      key: 'at',
      header: t('bases.lists.importedAt'),
      noWrap: true,
      render: (l) => formatDateTime(l.importedAt, locale),
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={t('bases.lists.title')}
        subtitle={t('bases.lists.intro')}
        actions={
          can(Permission.BaseWrite) && (
            <Button component={Link} to="/bases/lists/import">
              {t('bases.lists.import')}
            </Button>
          )
        }
      />
      <DataTable
        label={t('bases.lists.title')}
        columns={columns}
        rows={lists.data?.data}
        rowKey={(l) => l.id}
        loading={lists.isFetching}
        error={lists.error}
        onRetry={() => void lists.refetch()}
        empty={<Text c="dimmed">{t('bases.lists.emptyHint')}</Text>}
      />
    </Stack>
  );
}

export function InfrastructureListDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const list = useInfrastructureList(id);
  if (list.isPending) {
    return <FullPageLoader />;
  }
  if (list.error) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  }
  const l = list.data;
  type Item = TInfrastructureList['items'][number];
  const columns: Column<Item>[] = [
    {
      key: 'category',
      header: t('bases.compliance.category'),
      render: (i) => <span dir="auto">{i.category}</span>,
    },
    { key: 'item', header: t('bases.compliance.item'), render: (i) => <span dir="auto">{i.item}</span> },
    {
      key: 'spec',
      header: t('bases.compliance.specification'),
      render: (i) => <span dir="auto">{i.specification}</span>,
    },
    { key: 'quantity', header: t('bases.compliance.quantity'), noWrap: true, render: (i) => i.quantity },
    { key: 'basis', header: t('bases.compliance.basis'), render: (i) => t(`bases.basis.${i.basis}`) },
  ];
  return (
    <Stack>
      <PageHeader
        title={l.name}
        subtitle={t('bases.lists.subtitle', {
          skill: `${l.skillNumber} ${l.skillName}`.trim(),
          revision: l.revision,
        })}
      />
      <Anchor component={Link} to="/bases/lists">
        {t('bases.lists.back')}
      </Anchor>
      <Card withBorder>
        <DataTable label={l.name} columns={columns} rows={l.items} rowKey={(i) => i.id} />
      </Card>
    </Stack>
  );
}
