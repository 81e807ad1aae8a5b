import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, type TAgreement } from '../../../contracts/agreements.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import type { Column } from '../../components/data-table';
import {
  ChoiceFilter,
  ListFilterBar,
  ListTable,
  NumberFilter,
  SearchFilter,
} from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { OnePartnerPicker } from '../partners/partner-picker';
import { useAgreements } from './api';
import { timeLeftText } from './time-left';

const FILTER_KEYS = ['q', 'status', 'type', 'partnerId', 'expiringWithinDays'] as const;

export function useAgreementColumns(): Column<TAgreement>[] {
  const { t } = useTranslation();
  const locale = currentLocale();
  return [
    {
      key: 'title',
      header: t('agreements.titleField'),
      sortField: 'title',
      render: (a) => (
        <Anchor component={Link} to={`/agreements/${a.id}`} fw={500}>
          {pickLocalized(a.title, locale) || t('agreements.untitled')}
        </Anchor>
      ),
    },
    {
      key: 'partners',
      header: t('agreements.partners'),
      render: (a) => a.partners.map((p) => pickLocalized(p.names, locale)).join(', '),
    },
    { key: 'type', header: t('agreements.type'), render: (a) => t(`agreements.types.${a.type}`) },
    {
      key: 'status',
      header: t('agreements.statusLabel'),
      noWrap: true,
      render: (a) => <StatusBadge kind="agreement" status={a.status} />,
    },
    {
      key: 'startsOn',
      header: t('agreements.startsOn'),
      sortField: 'startsOn',
      noWrap: true,
      render: (a) => formatDate(a.startsOn, locale),
    },
    {
      key: 'endsOn',
      header: t('agreements.endsOn'),
      sortField: 'endsOn',
      noWrap: true,
      render: (a) => formatDate(a.effectiveEndsOn ?? a.endsOn, locale),
    },
    {
      key: 'days',
      header: t('agreements.daysToEnd'),
      noWrap: true,
      render: (a) => timeLeftText(t, a) ?? '—',
    },
  ];
}

export function AgreementsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const params = useListParams(FILTER_KEYS, { sort: 'endsOn' });
  const { values, page, pageSize, update } = params;
  const list = useAgreements({ ...values, page, pageSize });
  const columns = useAgreementColumns();

  return (
    <Stack>
      <PageHeader
        title={t('nav.agreements')}
        actions={
          can(Permission.AgreementWrite) && (
            <Button component={Link} to="/agreements/new">
              {t('agreements.new')}
            </Button>
          )
        }
      />
      <ListFilterBar label={t('agreements.filters')}>
        <SearchFilter initial={values.q} onSearch={(q) => update({ q })} w={220} />
        <ChoiceFilter
          label={t('agreements.statusLabel')}
          data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          value={values.status}
          onChange={(status) => update({ status })}
          w={170}
        />
        <ChoiceFilter
          label={t('agreements.type')}
          data={AGREEMENT_TYPES.map((s) => ({ value: s, label: t(`agreements.types.${s}`) }))}
          value={values.type}
          onChange={(type) => update({ type })}
          w={230}
        />
        <OnePartnerPicker
          label={t('agreements.partner')}
          value={values.partnerId}
          onChange={(id) => update({ partnerId: id ?? '' })}
          w={260}
        />
        <NumberFilter
          label={t('agreements.expiringWithin')}
          min={1}
          max={730}
          initial={values.expiringWithinDays}
          onChange={(expiringWithinDays) => update({ expiringWithinDays })}
          w={170}
        />
      </ListFilterBar>
      <ListTable
        label={t('nav.agreements')}
        columns={columns}
        list={list}
        params={params}
        rowKey={(a) => a.id}
        empty={<Text c="dimmed">{t('agreements.empty')}</Text>}
      />
    </Stack>
  );
}
