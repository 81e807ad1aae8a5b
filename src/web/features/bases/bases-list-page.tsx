import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BASE_KINDS, BASE_LOCATIONS, BASE_STATUSES, type TBaseSummary } from '../../../contracts/bases.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import type { Column } from '../../components/data-table';
import { ChoiceFilter, ListFilterBar, ListTable, SearchFilter } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useBases } from './api';

const FILTER_KEYS = ['q', 'kind', 'location', 'status'] as const;

export function BasesListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const params = useListParams(FILTER_KEYS, { sort: 'name' });
  const { values, page, pageSize, update } = params;
  const list = useBases({ ...values, page, pageSize });

  const columns: Column<TBaseSummary>[] = [
    {
      key: 'name',
      header: t('bases.name'),
      sortField: 'name',
      render: (b) => (
        <Anchor component={Link} to={`/bases/${b.id}`} fw={500}>
          {pickLocalized(b.names, locale)}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('bases.kind'), render: (b) => t(`bases.kinds.${b.kind}`) },
    {
      key: 'skill',
      header: t('bases.skill'),
      sortField: 'skill',
      render: (b) => [b.skillNumber, b.skillName].filter(Boolean).join(' ') || '—',
    },
    {
      key: 'location',
      header: t('bases.location'),
      sortField: 'country',
      render: (b) => `${t(`bases.locations.${b.location}`)} · ${countryName(b.country, locale)}`,
    },
    {
      key: 'partner',
      header: t('bases.partner'),
      render: (b) => (b.partner ? pickLocalized(b.partner.names, locale) : '—'),
    },
    { key: 'workstations', header: t('bases.workstations'), noWrap: true, render: (b) => b.workstations },
    {
      key: 'status',
      header: t('bases.status'),
      noWrap: true,
      render: (b) => t(`bases.statuses.${b.status}`),
    },
  ];
  const options = (codes: readonly string[], prefix: string) =>
    codes.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }));

  return (
    <Stack>
      <PageHeader
        title={t('nav.bases')}
        actions={
          <>
            <Button component={Link} to="/bases/lists" variant="default">
              {t('bases.lists.title')}
            </Button>
            {can(Permission.BaseWrite) && (
              <Button component={Link} to="/bases/new">
                {t('bases.new')}
              </Button>
            )}
          </>
        }
      />
      <ListFilterBar label={t('bases.filters')}>
        <SearchFilter initial={values.q} onSearch={(q) => update({ q })} w={220} />
        <ChoiceFilter
          label={t('bases.kind')}
          data={options(BASE_KINDS, 'bases.kinds')}
          value={values.kind}
          onChange={(kind) => update({ kind })}
          w={220}
        />
        <ChoiceFilter
          label={t('bases.location')}
          data={options(BASE_LOCATIONS, 'bases.locations')}
          value={values.location}
          onChange={(location) => update({ location })}
          w={170}
        />
        <ChoiceFilter
          label={t('bases.status')}
          data={options(BASE_STATUSES, 'bases.statuses')}
          value={values.status}
          onChange={(status) => update({ status })}
          w={170}
        />
      </ListFilterBar>
      <ListTable
        label={t('nav.bases')}
        columns={columns}
        list={list}
        params={params}
        rowKey={(b) => b.id}
        empty={<Text c="dimmed">{t('bases.empty')}</Text>}
      />
    </Stack>
  );
}
