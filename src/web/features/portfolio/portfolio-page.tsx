import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  FIGURE_FILTERS,
  PORTFOLIO_FILTERS,
  type PortfolioFigure,
  type TPortfolio,
  type TPortfolioCount,
} from '../../../contracts/portfolio.js';
import { PROJECT_TYPES } from '../../../contracts/projects.js';
import { useSession } from '../../app/session';
import { BarChart } from '../../components/bar-chart';
import { CountrySelect } from '../../components/country-select';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatNumber } from '../../lib/format';
import { useListParams } from '../../lib/use-list-params';
import { PartnerPicker } from '../partners/partner-picker';
import { type PortfolioFilterValues, usePortfolio } from './api';

const WorldMap = lazy(() => import('../../components/world-map').then((m) => ({ default: m.WorldMap })));

/** A query string of the non-empty values. */
function qs(values: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v) {
      p.set(k, v);
    }
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

function StatCard({
  label,
  value,
  href,
  hiddenText,
  loading,
}: {
  label: string;
  value: number | null | undefined;
  href?: string;
  hiddenText: string;
  loading: boolean;
}) {
  const locale = currentLocale();
  const figure = loading ? (
    <Skeleton h={32} mt={4} />
  ) : (
    <Text fz={28} fw={700}>
      {value === null ? hiddenText : formatNumber(value ?? 0, locale)}
    </Text>
  );
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {href ? (
          <Anchor component={Link} to={href}>
            {label}
          </Anchor>
        ) : (
          label
        )}
      </Text>
      {figure}
    </Card>
  );
}

/** A titled card for one figure, saying which active filters do not narrow it. */
function FigureCard({
  title,
  figure,
  active,
  children,
}: {
  title: string;
  figure: PortfolioFigure;
  active: string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const skipped = active.filter((f) => !(FIGURE_FILTERS[figure] as readonly string[]).includes(f));
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {skipped.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('portfolio.notFiltered', {
            filters: skipped.map((f) => t(`portfolio.filterNames.${f}`)).join(', '),
          })}
        </Text>
      )}
      {children}
    </Card>
  );
}

interface ChartProps {
  title: string;
  counts: TPortfolioCount[];
  labelOf: (key: string | null) => string;
  hrefOf?: (key: string) => string | undefined;
  /** Largest first (countries, types) or in key order (years, statuses). */
  order?: 'size' | 'key';
}

function CountChart({ title, counts, labelOf, hrefOf, order = 'size' }: ChartProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (counts.length === 0) {
    return <Text c="dimmed">{t('portfolio.none')}</Text>;
  }
  const sorted = order === 'size' ? [...counts].sort((a, b) => (b.n ?? -1) - (a.n ?? -1)) : counts;
  const hidden = t('portfolio.hidden');
  const describe = (c: TPortfolioCount) =>
    `${labelOf(c.key)}: ${c.n === null ? hidden : formatNumber(c.n, locale)}`;
  return (
    <BarChart
      ariaLabel={t('portfolio.chartLabel', { title, values: sorted.map(describe).join('; ') })}
      formatValue={(v) => formatNumber(v, locale)}
      nullLabel={hidden}
      groups={sorted.slice(0, 15).map((c) => ({
        key: c.key ?? '∅',
        label: labelOf(c.key),
        values: { value: c.n },
        href: c.key !== null ? hrefOf?.(c.key) : undefined,
        linkLabel: describe(c),
      }))}
    />
  );
}

function CollegesTable({ data }: { data: TPortfolio }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const n = (v: number | null) => (v === null ? t('portfolio.hidden') : formatNumber(v, locale));
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        {t('portfolio.colleges.title')}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portfolio.colleges.college')}</Table.Th>
              <Table.Th>{t('portfolio.figures.projects')}</Table.Th>
              <Table.Th>{t('portfolio.figures.participants')}</Table.Th>
              <Table.Th>{t('portfolio.figures.agreementsActive')}</Table.Th>
              <Table.Th>{t('portfolio.figures.agreementsExpiring')}</Table.Th>
              <Table.Th>{t('portfolio.figures.indicatorsAtRisk')}</Table.Th>
              <Table.Th>{t('portfolio.figures.indicatorsOffTrack')}</Table.Th>
              <Table.Th>{t('portfolio.figures.mobilities')}</Table.Th>
              <Table.Th>{t('portfolio.figures.certificates')}</Table.Th>
              <Table.Th>{t('portfolio.figures.medals')}</Table.Th>
              <Table.Th>{t('portfolio.figures.surveyResponses')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.colleges.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{n(c.projects)}</Table.Td>
                <Table.Td>{n(c.participants)}</Table.Td>
                <Table.Td>{n(c.agreementsActive)}</Table.Td>
                <Table.Td>{n(c.agreementsExpiring)}</Table.Td>
                <Table.Td>{n(c.indicatorsAtRisk)}</Table.Td>
                <Table.Td>{n(c.indicatorsOffTrack)}</Table.Td>
                <Table.Td>{n(c.mobilities)}</Table.Td>
                <Table.Td>{n(c.certificates)}</Table.Td>
                <Table.Td>{n(c.medals)}</Table.Td>
                <Table.Td>{n(c.surveyResponses)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/**
 * The portfolio dashboard at /evaluation: cards, charts and a map of the college's cooperation
 * work, each linking to the list behind it; for an authority's observer, the same figures over
 * every college (read-only, counts only, small groups hidden) and one line per college.
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useSession();
  const { values, update } = useListParams(PORTFOLIO_FILTERS);
  const filters: PortfolioFilterValues = {
    year: values.year,
    partnerId: values.partnerId,
    country: values.country,
    type: values.type,
  };
  const portfolio = usePortfolio(filters);
  const data = portfolio.data;
  const loading = portfolio.isPending;
  const province = data?.scope === 'province';
  const active = PORTFOLIO_FILTERS.filter((f) => filters[f] !== '');
  const f = data?.figures;
  const hiddenText = t('portfolio.hidden');

  // Links to the lists behind the figures (a college's own view only: an authority has no lists).
  const link = (path: string, extra: Record<string, string | undefined> = {}) =>
    province ? undefined : `${path}${qs(extra)}`;
  const projectsHref = (extra: Record<string, string> = {}) =>
    link('/projects', {
      year: values.year,
      partnerId: values.partnerId,
      country: values.country,
      type: values.type,
      ...extra,
    });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i));
  const keyLabel = (prefix: string) => (key: string | null) =>
    key === null ? t('portfolio.notRecorded') : t(`${prefix}.${key}`);
  const countryLabel = (key: string | null) =>
    key === null || key === '' ? t('portfolio.notRecorded') : countryName(key, locale);

  return (
    <Stack>
      <PageHeader
        title={t('portfolio.title')}
        subtitle={
          province
            ? t('portfolio.subtitleProvince', { count: data?.colleges.length ?? 0 })
            : t('portfolio.subtitleCollege', { name: session.organization.name })
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('portfolio.filters.label')}>
        <Select
          label={t('portfolio.filterNames.year')}
          data={years}
          value={values.year || null}
          onChange={(v) => update({ year: v })}
          clearable
          w={120}
        />
        {!province && (
          <PartnerPicker
            label={t('portfolio.filterNames.partnerId')}
            value={values.partnerId ? [values.partnerId] : []}
            onChange={(ids) => update({ partnerId: ids.at(-1) ?? null })}
            w={280}
          />
        )}
        <CountrySelect
          label={t('portfolio.filterNames.country')}
          value={values.country || null}
          onChange={(v) => update({ country: v })}
          w={220}
        />
        <Select
          label={t('portfolio.filterNames.type')}
          data={PROJECT_TYPES.map((x) => ({ value: x, label: t(`projects.types.${x}`) }))}
          value={values.type || null}
          onChange={(v) => update({ type: v })}
          clearable
          w={280}
        />
        {active.length > 0 && (
          <Button
            variant="subtle"
            onClick={() => update({ year: null, partnerId: null, country: null, type: null })}
          >
            {t('portfolio.filters.clear')}
          </Button>
        )}
      </Group>
      {province && data?.minGroupSize && (
        <Text size="sm" c="dimmed">
          {t('portfolio.provinceNote', { min: data.minGroupSize })}
        </Text>
      )}
      {portfolio.error && <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />}

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 5 }}>
        <StatCard
          label={t('portfolio.figures.projects')}
          value={f?.projects.total}
          href={projectsHref()}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.participants')}
          value={f?.participants.total}
          href={link('/training')}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.agreementsActive')}
          value={f?.agreements.active}
          href={link('/agreements', { status: 'active', partnerId: values.partnerId })}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.agreementsExpiring')}
          value={f?.agreements.expiring}
          href={link('/agreements', { status: 'expiring', partnerId: values.partnerId })}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.indicatorsAtRisk')}
          value={f?.indicators.atRisk}
          href={projectsHref()}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.indicatorsOffTrack')}
          value={f?.indicators.offTrack}
          href={projectsHref()}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.mobilities')}
          value={f?.mobilities.total}
          href={link('/exchanges', { year: values.year, partnerId: values.partnerId })}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.certificates')}
          value={f?.certificates.total}
          href={link('/certificates')}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.medals')}
          value={f?.medals.total}
          href={link('/competitions')}
          {...{ hiddenText, loading }}
        />
        <StatCard
          label={t('portfolio.figures.surveyResponses')}
          value={f?.surveys.responses}
          href={link('/surveys')}
          {...{ hiddenText, loading }}
        />
      </SimpleGrid>

      {loading || !f ? (
        <Skeleton h={240} />
      ) : (
        <>
          <FigureCard title={t('portfolio.charts.projectsByCountry')} figure="projects" active={active}>
            <Suspense fallback={<Skeleton h={240} />}>
              <WorldMap
                messages="portfolio.map"
                counts={f.projects.byCountry.flatMap((c) =>
                  c.key && c.n !== null ? [{ country: c.key, count: c.n }] : [],
                )}
                selected={values.country || undefined}
                onSelect={(country) => update({ country: country === values.country ? null : country })}
              />
            </Suspense>
          </FigureCard>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <FigureCard title={t('portfolio.charts.projectsByType')} figure="projects" active={active}>
              <CountChart
                title={t('portfolio.charts.projectsByType')}
                counts={f.projects.byType}
                labelOf={keyLabel('projects.types')}
                hrefOf={(type) => projectsHref({ type })}
              />
            </FigureCard>
            <FigureCard title={t('portfolio.charts.projectsByStatus')} figure="projects" active={active}>
              <CountChart
                title={t('portfolio.charts.projectsByStatus')}
                counts={f.projects.byStatus}
                labelOf={keyLabel('projects.status')}
                hrefOf={(status) => projectsHref({ status })}
                order="key"
              />
            </FigureCard>
            <FigureCard
              title={t('portfolio.charts.participantsByCountry')}
              figure="participants"
              active={active}
            >
              <CountChart
                title={t('portfolio.charts.participantsByCountry')}
                counts={f.participants.byCountry}
                labelOf={countryLabel}
              />
            </FigureCard>
            <FigureCard
              title={t('portfolio.charts.participantsByGender')}
              figure="participants"
              active={active}
            >
              <CountChart
                title={t('portfolio.charts.participantsByGender')}
                counts={f.participants.byGender}
                labelOf={keyLabel('training.genders')}
                order="key"
              />
            </FigureCard>
            <FigureCard
              title={t('portfolio.charts.participantsByYear')}
              figure="participants"
              active={active}
            >
              <CountChart
                title={t('portfolio.charts.participantsByYear')}
                counts={f.participants.byYear}
                labelOf={(k) => k ?? t('portfolio.notRecorded')}
                order="key"
              />
            </FigureCard>
            <FigureCard title={t('portfolio.charts.indicatorsByStatus')} figure="indicators" active={active}>
              <CountChart
                title={t('portfolio.charts.indicatorsByStatus')}
                counts={f.indicators.byStatus}
                labelOf={keyLabel('resultsFrameworks.status')}
              />
            </FigureCard>
            <FigureCard
              title={t('portfolio.charts.mobilitiesByDirection')}
              figure="mobilities"
              active={active}
            >
              <CountChart
                title={t('portfolio.charts.mobilitiesByDirection')}
                counts={f.mobilities.byDirection}
                labelOf={keyLabel('exchanges.directions')}
                hrefOf={(direction) =>
                  link('/exchanges', { direction, year: values.year, partnerId: values.partnerId })
                }
              />
            </FigureCard>
            <FigureCard title={t('portfolio.charts.medalsByMedal')} figure="medals" active={active}>
              <CountChart
                title={t('portfolio.charts.medalsByMedal')}
                counts={f.medals.byMedal}
                labelOf={keyLabel('competitionResults.medals')}
              />
            </FigureCard>
            <FigureCard title={t('portfolio.charts.surveysByLevel')} figure="surveys" active={active}>
              <CountChart
                title={t('portfolio.charts.surveysByLevel')}
                counts={f.surveys.byLevel}
                labelOf={keyLabel('surveys.levels')}
                order="key"
              />
            </FigureCard>
          </SimpleGrid>
          {province && data && <CollegesTable data={data} />}
        </>
      )}
    </Stack>
  );
}
