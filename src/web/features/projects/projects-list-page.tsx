import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROJECT_STATUSES, PROJECT_TYPES, type TProjectSummary } from '../../../contracts/projects.js';
import { Permission } from '../../../contracts/roles.js';
import { useCan } from '../../app/session';
import { CountrySelect } from '../../components/country-select';
import type { Column } from '../../components/data-table';
import {
  ChoiceFilter,
  ListFilterBar,
  ListTable,
  NumberFilter,
  SearchFilter,
} from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { OnePartnerPicker } from '../partners/partner-picker';
import { type ProjectFilters, usePortfolio, useProjects } from './api';
import { moneyList, ProjectStatusBadge } from './project-labels';

const FILTER_KEYS = ['q', 'type', 'status', 'country', 'partnerId', 'year', 'archived'] as const;

export function useProjectColumns(): Column<TProjectSummary>[] {
  const { t } = useTranslation();
  const locale = currentLocale();
  return [
    { key: 'code', header: t('projects.code'), sortField: 'code', noWrap: true, render: (p) => p.code },
    {
      key: 'title',
      header: t('projects.titleField'),
      sortField: 'title',
      render: (p) => (
        <Anchor component={Link} to={`/projects/${p.id}`} fw={500}>
          {pickLocalized(p.title, locale) || p.code}
        </Anchor>
      ),
    },
    { key: 'type', header: t('projects.type'), render: (p) => t(`projects.types.${p.type}`) },
    {
      key: 'status',
      header: t('projects.statusLabel'),
      sortField: 'status',
      noWrap: true,
      render: (p) => <ProjectStatusBadge status={p.status} />,
    },
    {
      key: 'countries',
      header: t('projects.countries'),
      render: (p) => p.countries.map((c) => countryName(c, locale)).join(', ') || '—',
    },
    {
      key: 'plannedStart',
      header: t('projects.period'),
      sortField: 'plannedStart',
      noWrap: true,
      render: (p) =>
        `${formatDate(p.actualStart ?? p.plannedStart, locale) || '—'} – ${formatDate(p.actualEnd ?? p.plannedEnd, locale) || '…'}`,
    },
    { key: 'budget', header: t('projects.budget'), render: (p) => moneyList(p.budgetTotals, locale) },
  ];
}

function PortfolioCards({ filters, onCountry }: { filters: ProjectFilters; onCountry: (c: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const portfolio = usePortfolio(filters);
  const data = portfolio.data;
  if (!data) {
    return null;
  }
  const collator = new Intl.Collator(locale);
  const countries = [...data.byCountry].sort(
    (a, b) =>
      b.count - a.count || collator.compare(countryName(a.country, locale), countryName(b.country, locale)),
  );
  return (
    <section aria-labelledby="portfolio-title">
      <Title id="portfolio-title" order={2} size="h4" mb="xs">
        {t('projects.portfolio.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('projects.portfolio.total')}
          </Text>
          <Text fz={28} fw={700}>
            {formatNumber(data.total, locale)}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            {t('projects.portfolio.budget')}
          </Text>
          <Text fw={500}>{moneyList(data.budgetByCurrency, locale)}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed" mb={4}>
            {t('projects.portfolio.byType')}
          </Text>
          {data.byType.map((x) => (
            <Group key={x.type} justify="space-between" gap="xs">
              <Text size="sm">{t(`projects.types.${x.type}`)}</Text>
              <Text size="sm" fw={600}>
                {formatNumber(x.count, locale)}
              </Text>
            </Group>
          ))}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed" mb={4}>
            {t('projects.portfolio.byStatus')}
          </Text>
          {data.byStatus.map((x) => (
            <Group key={x.status} justify="space-between" gap="xs">
              <ProjectStatusBadge status={x.status} />
              <Text size="sm" fw={600}>
                {formatNumber(x.count, locale)}
              </Text>
            </Group>
          ))}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed" mb={4}>
            {t('projects.portfolio.byCountry')}
          </Text>
          <Group gap={6}>
            {countries.map((x) => (
              <Button
                key={x.country}
                size="compact-sm"
                variant={filters.country === x.country ? 'filled' : 'light'}
                aria-pressed={filters.country === x.country}
                onClick={() => onCountry(filters.country === x.country ? '' : x.country)}
              >
                {t('projects.portfolio.countryCount', {
                  country: countryName(x.country, locale),
                  count: x.count,
                })}
              </Button>
            ))}
          </Group>
        </Card>
      </SimpleGrid>
    </section>
  );
}

export function ProjectsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const params = useListParams(FILTER_KEYS, { sort: 'title' });
  const { values, page, pageSize, update } = params;
  const list = useProjects({ ...values, page, pageSize });
  const columns = useProjectColumns();

  return (
    <Stack>
      <PageHeader
        title={t('nav.projects')}
        actions={
          <>
            {can(Permission.IatiExport) && (
              <Button component={Link} to="/projects/iati" variant="default">
                {t('iati.link')}
              </Button>
            )}
            {can(Permission.ProjectWrite) && (
              <Button component={Link} to="/projects/new">
                {t('projects.new')}
              </Button>
            )}
          </>
        }
      />
      <ListFilterBar label={t('projects.filters')}>
        <SearchFilter initial={values.q} onSearch={(q) => update({ q })} w={200} />
        <ChoiceFilter
          label={t('projects.type')}
          data={PROJECT_TYPES.map((x) => ({ value: x, label: t(`projects.types.${x}`) }))}
          value={values.type}
          onChange={(type) => update({ type })}
          w={240}
        />
        <ChoiceFilter
          label={t('projects.statusLabel')}
          data={PROJECT_STATUSES.map((x) => ({ value: x, label: t(`projects.status.${x}`) }))}
          value={values.status}
          onChange={(status) => update({ status })}
          w={190}
        />
        <CountrySelect
          label={t('projects.country')}
          value={values.country || null}
          onChange={(v) => update({ country: v ?? '' })}
          w={200}
        />
        <OnePartnerPicker
          label={t('projects.partner')}
          value={values.partnerId}
          onChange={(id) => update({ partnerId: id ?? '' })}
          w={240}
        />
        <NumberFilter
          label={t('projects.year')}
          min={1900}
          max={2200}
          initial={values.year}
          onChange={(year) => update({ year })}
          w={110}
        />
        <Select
          label={t('projects.archivedFilter')}
          data={[
            { value: 'false', label: t('projects.archived.false') },
            { value: 'true', label: t('projects.archived.true') },
            { value: 'all', label: t('projects.archived.all') },
          ]}
          value={values.archived || 'false'}
          allowDeselect={false}
          onChange={(v) => update({ archived: v === 'false' ? '' : (v ?? '') })}
          w={150}
        />
      </ListFilterBar>
      <PortfolioCards filters={values} onCountry={(c) => update({ country: c })} />
      <ListTable
        label={t('nav.projects')}
        columns={columns}
        list={list}
        params={params}
        rowKey={(p) => p.id}
        empty={<Text c="dimmed">{t('projects.empty')}</Text>}
      />
    </Stack>
  );
}
