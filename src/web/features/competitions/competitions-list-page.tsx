import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPETITION_STATUSES, type TCompetitionSummary } from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useCompetitions } from './api';
import { CompetitionBadge } from './shared';

const FILTER_KEYS = ['q', 'status', 'country'] as const;

export function CompetitionsListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS, { sort: '-startsOn' });
  const list = useCompetitions({ ...values, page, pageSize });
  const [q, setQ] = useState(values.q);
  const pushQ = useDebouncedCallback((v: string) => update({ q: v }), 350);
  const registrarOnly = !can(Permission.CompetitionManage) && can(Permission.CompetitionRegister);

  const columns: Column<TCompetitionSummary>[] = [
    {
      key: 'name',
      header: t('competitions.name'),
      sortField: 'name',
      render: (c) => (
        <Anchor component={Link} to={`/competitions/${c.id}${registrarOnly ? '/register' : ''}`} fw={500}>
          {pickLocalized(c.names, locale)}
        </Anchor>
      ),
    },
    {
      key: 'dates',
      header: t('competitions.dates'),
      sortField: 'startsOn',
      noWrap: true,
      render: (c) => `${formatDate(c.startsOn, locale)} – ${formatDate(c.endsOn, locale)}`,
    },
    {
      key: 'place',
      header: t('competitions.place'),
      render: (c) => [c.city, countryName(c.country, locale)].filter(Boolean).join(', '),
    },
    { key: 'skills', header: t('competitions.skillCount'), noWrap: true, render: (c) => c.skillCount },
    { key: 'members', header: t('competitions.memberCount'), noWrap: true, render: (c) => c.memberCount },
    {
      key: 'status',
      header: t('competitions.status'),
      sortField: 'status',
      noWrap: true,
      render: (c) => <CompetitionBadge kind="competition" status={c.status} />,
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('nav.competitions')}
        subtitle={registrarOnly ? t('competitions.registrarIntro') : undefined}
        actions={
          can(Permission.CompetitionManage) && (
            <Button component={Link} to="/competitions/new">
              {t('competitions.new')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" role="search" aria-label={t('competitions.filters')}>
        <TextInput
          type="search"
          label={t('common.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          w={240}
        />
        <Select
          label={t('competitions.status')}
          data={COMPETITION_STATUSES.map((s) => ({
            value: s,
            label: t(`competitions.competitionStatus.${s}`),
          }))}
          value={values.status || null}
          onChange={(v) => update({ status: v ?? '' })}
          clearable
          w={190}
        />
        <CountrySelect
          label={t('competitions.country')}
          value={values.country || null}
          onChange={(v) => update({ country: v ?? '' })}
          w={220}
        />
      </Group>
      <DataTable
        label={t('nav.competitions')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(c) => c.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s })}
        sort={values.sort}
        onSortChange={(s) => update({ sort: s })}
        empty={<Text c="dimmed">{t('competitions.empty')}</Text>}
      />
    </Stack>
  );
}
