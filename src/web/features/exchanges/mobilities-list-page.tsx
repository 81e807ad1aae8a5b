import { Anchor, Badge, Button, type MantineColor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  MOBILITY_CATEGORIES,
  MOBILITY_DIRECTIONS,
  MOBILITY_STAGES,
  type MobilityStage,
  type TMobilitySummary,
} from '../../../contracts/exchanges.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import type { Column } from '../../components/data-table';
import { ChoiceFilter, ListFilterBar, ListTable, SearchFilter } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { OnePartnerPicker } from '../partners/partner-picker';
import { useMobilities } from './api';

const FILTER_KEYS = ['q', 'direction', 'category', 'stage', 'year', 'partnerId'] as const;

/** Distinct colours per stage; the label is always text, never colour alone. */
const STAGE_COLORS: Record<MobilityStage, MantineColor> = {
  proposed: 'gray',
  approved: 'blue',
  invitation_visa: 'violet',
  travelling: 'orange',
  returned: 'teal',
  report_received: 'green',
  cancelled: 'dark',
};

export function StageBadge({ stage }: { stage: MobilityStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STAGE_COLORS[stage]}
      variant={stage === 'cancelled' ? 'filled' : 'light'}
      styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {t(`exchanges.stages.${stage}`)}
    </Badge>
  );
}

function counterpart(m: TMobilitySummary, locale: string): string {
  const p = m.home.isOwn ? m.host.partner : m.home.partner;
  return p ? pickLocalized(p.names, locale) : '';
}

export function MobilitiesListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const params = useListParams(FILTER_KEYS, { sort: '-startOn' });
  const { values, page, pageSize, update } = params;
  const list = useMobilities({ ...values, page, pageSize });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));

  const columns: Column<TMobilitySummary>[] = [
    {
      key: 'title',
      header: t('exchanges.title'),
      sortField: 'title',
      render: (m) => (
        <Anchor component={Link} to={`/exchanges/${m.id}`} fw={500}>
          {m.title}
        </Anchor>
      ),
    },
    {
      key: 'direction',
      header: t('exchanges.direction'),
      noWrap: true,
      render: (m) => t(`exchanges.directions.${m.direction}`),
    },
    {
      key: 'category',
      header: t('exchanges.category'),
      render: (m) => t(`exchanges.categories.${m.category}`),
    },
    {
      key: 'partner',
      header: t('exchanges.partner'),
      render: (m) =>
        [counterpart(m, locale), m.country ? countryName(m.country, locale) : ''].filter(Boolean).join(' — '),
    },
    {
      key: 'stage',
      header: t('exchanges.stage'),
      noWrap: true,
      render: (m) => <StageBadge stage={m.stage} />,
    },
    {
      key: 'dates',
      header: t('exchanges.dates'),
      sortField: 'startOn',
      noWrap: true,
      render: (m) =>
        `${formatDate(m.actualStartOn ?? m.plannedStartOn, locale)} – ${formatDate(m.actualEndOn ?? m.plannedEndOn, locale)}`,
    },
    { key: 'people', header: t('exchanges.people'), noWrap: true, render: (m) => String(m.memberCount) },
    {
      key: 'checklist',
      header: t('exchanges.checklist'),
      noWrap: true,
      render: (m) => t('exchanges.checklistProgress', { done: m.checklistDone, total: m.checklistTotal }),
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('nav.exchanges')}
        actions={
          can(Permission.MobilityWrite) && (
            <Button component={Link} to="/exchanges/new">
              {t('exchanges.new')}
            </Button>
          )
        }
      />
      <ListFilterBar label={t('exchanges.filters')}>
        <SearchFilter initial={values.q} onSearch={(q) => update({ q })} w={200} />
        <ChoiceFilter
          label={t('exchanges.direction')}
          data={MOBILITY_DIRECTIONS.map((s) => ({ value: s, label: t(`exchanges.directions.${s}`) }))}
          value={values.direction}
          onChange={(direction) => update({ direction })}
          w={140}
        />
        <ChoiceFilter
          label={t('exchanges.category')}
          data={MOBILITY_CATEGORIES.map((s) => ({ value: s, label: t(`exchanges.categories.${s}`) }))}
          value={values.category}
          onChange={(category) => update({ category })}
          w={180}
        />
        <ChoiceFilter
          label={t('exchanges.stage')}
          data={MOBILITY_STAGES.map((s) => ({ value: s, label: t(`exchanges.stages.${s}`) }))}
          value={values.stage}
          onChange={(stage) => update({ stage })}
          w={180}
        />
        <ChoiceFilter
          label={t('exchanges.year')}
          data={years}
          value={values.year}
          onChange={(year) => update({ year })}
          w={110}
        />
        <OnePartnerPicker
          label={t('exchanges.partner')}
          value={values.partnerId}
          onChange={(id) => update({ partnerId: id ?? '' })}
          w={240}
        />
      </ListFilterBar>
      <ListTable
        label={t('nav.exchanges')}
        columns={columns}
        list={list}
        params={params}
        rowKey={(m) => m.id}
        empty={<Text c="dimmed">{t('exchanges.empty')}</Text>}
      />
    </Stack>
  );
}
