import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPETITION_STATUSES, type TCompetitionSummary } from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { CountrySelect } from '../../components/country-select';
import type { Column } from '../../components/data-table';
import { ChoiceFilter, ListFilterBar, ListTable, SearchFilter } from '../../components/list-page';
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
  const params = useListParams(FILTER_KEYS, { sort: '-startsOn' });
  const { values, page, pageSize, update } = params;
  const list = useCompetitions({ ...values, page, pageSize });
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
      <ListFilterBar label={t('competitions.filters')}>
        <SearchFilter initial={values.q} onSearch={(q) => update({ q })} w={240} />
        <ChoiceFilter
          label={t('competitions.status')}
          data={COMPETITION_STATUSES.map((s) => ({
            value: s,
            label: t(`competitions.competitionStatus.${s}`),
          }))}
          value={values.status}
          onChange={(status) => update({ status })}
          w={190}
        />
        <CountrySelect
          label={t('competitions.country')}
          value={values.country || null}
          onChange={(v) => update({ country: v ?? '' })}
          w={220}
        />
      </ListFilterBar>
      <ListTable
        label={t('nav.competitions')}
        columns={columns}
        list={list}
        params={params}
        rowKey={(c) => c.id}
        empty={<Text c="dimmed">{t('competitions.empty')}</Text>}
      />
    </Stack>
  );
}
