import { Anchor, Badge, Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission } from '../../../contracts/roles.js';
import type { TProgrammeSummary } from '../../../contracts/training.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useProgrammes } from './api';

export function ProgrammesListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { values, page, pageSize, update } = useListParams(['q'] as const);
  const list = useProgrammes({ q: values.q || undefined, page, pageSize });
  const columns: Column<TProgrammeSummary>[] = [
    {
      key: 'title',
      header: t('training.programme.title'),
      render: (p) => (
        <Anchor component={Link} to={`/training/programmes/${p.id}`} dir="auto">
          {pickLocalized(p.title, locale)}
        </Anchor>
      ),
    },
    {
      key: 'modules',
      header: t('training.programme.modules'),
      render: (p) => (
        <Group gap={4}>
          {p.moduleKinds.map((k) => (
            <Badge key={k} variant="light" size="sm">
              {t(`training.moduleKinds.${k}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'languages', header: t('training.programme.languages'), render: (p) => p.languages.join(', ') },
    { key: 'cohorts', header: t('training.programme.cohorts'), render: (p) => p.cohortCount, noWrap: true },
    {
      key: 'updatedAt',
      header: t('common.updatedAt'),
      render: (p) => formatDate(p.updatedAt, locale),
      noWrap: true,
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={t('training.title')}
        subtitle={t('training.subtitle')}
        actions={
          can(Permission.TrainingWrite) && (
            <Button component={Link} to="/training/programmes/new">
              {t('training.programme.new')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('common.search')}
        defaultValue={values.q}
        onChange={(e) => update({ q: e.currentTarget.value, page: 1 })}
        w={320}
        maw="100%"
      />
      <DataTable
        label={t('training.programme.listLabel')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(p) => p.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s, page: 1 })}
        testId="programmes-table"
      />
    </Stack>
  );
}
