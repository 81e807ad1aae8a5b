import { Anchor, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, type TAgreement } from '../../../contracts/agreements.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { PartnerPicker } from '../partners/partner-picker';
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
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS, { sort: 'endsOn' });
  const list = useAgreements({ ...values, page, pageSize });
  const columns = useAgreementColumns();
  const [q, setQ] = useState(values.q);
  const pushQ = useDebouncedCallback((v: string) => update({ q: v }), 350);
  const pushDays = useDebouncedCallback((v: string) => update({ expiringWithinDays: v }), 350);

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
      <Group align="flex-end" gap="sm" role="search" aria-label={t('agreements.filters')}>
        <TextInput
          type="search"
          label={t('common.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          w={220}
        />
        <Select
          label={t('agreements.statusLabel')}
          data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          value={values.status || null}
          onChange={(v) => update({ status: v ?? '' })}
          clearable
          w={170}
        />
        <Select
          label={t('agreements.type')}
          data={AGREEMENT_TYPES.map((s) => ({ value: s, label: t(`agreements.types.${s}`) }))}
          value={values.type || null}
          onChange={(v) => update({ type: v ?? '' })}
          clearable
          w={230}
        />
        <PartnerPicker
          label={t('agreements.partner')}
          maxValues={1}
          value={values.partnerId ? [values.partnerId] : []}
          onChange={(ids) => update({ partnerId: ids[0] ?? '' })}
          w={260}
        />
        <NumberInput
          label={t('agreements.expiringWithin')}
          min={1}
          max={730}
          defaultValue={values.expiringWithinDays ? Number(values.expiringWithinDays) : ''}
          onChange={(v) => pushDays(v === '' ? '' : String(v))}
          w={170}
          allowDecimal={false}
        />
      </Group>
      <DataTable
        label={t('nav.agreements')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(a) => a.id}
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
        empty={<Text c="dimmed">{t('agreements.empty')}</Text>}
      />
    </Stack>
  );
}
