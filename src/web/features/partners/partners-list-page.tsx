import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPartnerSummary } from '../../../contracts/partners.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import type { Column } from '../../components/data-table';
import { ListTable } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { exportUrl, type PartnerFilters, usePartnerCountries, usePartners } from './api';
import { CountryList } from './country-list';
import { PartnerFiltersBar } from './partner-filters';

const WorldMap = lazy(() => import('../../components/world-map').then((m) => ({ default: m.WorldMap })));
const FILTER_KEYS = ['q', 'country', 'type', 'tag', 'hasActiveAgreement', 'archived'] as const;

export function PartnersListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const params = useListParams(FILTER_KEYS, { sort: 'name' });
  const { values, page, pageSize, update } = params;
  const filters: PartnerFilters = { ...values, archived: values.archived || 'false' };
  const list = usePartners({ ...filters, page, pageSize });
  const countries = usePartnerCountries(filters);

  const columns: Column<TPartnerSummary>[] = [
    {
      key: 'name',
      header: t('partners.name'),
      sortField: 'name',
      render: (p) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/partners/${p.id}`} fw={500}>
            {pickLocalized(p.names, locale)}
          </Anchor>
          {p.nativeName && (
            <Text size="xs" c="dimmed" dir="auto">
              {p.nativeName}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'country',
      header: t('partners.country'),
      sortField: 'country',
      render: (p) => [countryName(p.country, locale), p.city].filter(Boolean).join(' · '),
    },
    {
      key: 'type',
      header: t('partners.type'),
      sortField: 'type',
      render: (p) => t(`partners.types.${p.type}`),
    },
    {
      key: 'agreements',
      header: t('partners.activeAgreements'),
      render: (p) =>
        p.activeAgreements > 0 ? (
          <Badge color="green" variant="light">
            {p.activeAgreements}
          </Badge>
        ) : (
          '—'
        ),
    },
    {
      key: 'tags',
      header: t('partners.tags'),
      render: (p) => (
        <Group gap={4}>
          {p.archived && <Badge color="gray">{t('partners.archived')}</Badge>}
          {p.tags.map((tag) => (
            <Badge key={tag} variant="outline" size="sm">
              {tag}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'updatedAt',
      header: t('common.updatedAt'),
      sortField: 'updatedAt',
      render: (p) => formatDate(p.updatedAt, locale),
    },
  ];

  const exportFilters = { ...filters, sort: values.sort };

  return (
    <Stack>
      <PageHeader
        title={t('nav.partners')}
        actions={
          <>
            {can(Permission.PartnerWrite) && (
              <Button component={Link} to="/partners/new">
                {t('partners.new')}
              </Button>
            )}
            {can(Permission.PartnerImport) && (
              <Button component={Link} to="/partners/import" variant="default">
                {t('partners.import.button')}
              </Button>
            )}
            {can(Permission.PartnerExport) && (
              <>
                <Button component="a" href={exportUrl('csv', exportFilters)} variant="default" download>
                  {t('partners.exportCsv')}
                </Button>
                <Button component="a" href={exportUrl('xlsx', exportFilters)} variant="default" download>
                  {t('partners.exportXlsx')}
                </Button>
              </>
            )}
          </>
        }
      />
      <PartnerFiltersBar values={filters} onChange={(patch) => update(patch)} />
      <Card withBorder padding="sm">
        <Group justify="space-between" mb={4}>
          <Text fw={600}>{t('partners.map.title')}</Text>
          {values.country && (
            <Button size="compact-sm" variant="subtle" onClick={() => update({ country: '' })}>
              {t('partners.map.clearCountry', { country: countryName(values.country, locale) })}
            </Button>
          )}
        </Group>
        <Suspense fallback={<Text c="dimmed">{t('common.loading')}</Text>}>
          <WorldMap
            counts={countries.data?.data ?? []}
            selected={values.country || undefined}
            onSelect={(c) => update({ country: c })}
          />
        </Suspense>
        <CountryList
          counts={countries.data?.data ?? []}
          selected={values.country || undefined}
          onSelect={(c) => update({ country: c })}
        />
      </Card>
      <ListTable
        label={t('nav.partners')}
        columns={columns}
        list={list}
        params={params}
        rowKey={(p) => p.id}
        empty={t('partners.empty')}
      />
    </Stack>
  );
}
