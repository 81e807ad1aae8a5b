import { Badge, Card, Group, Select, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPARISON_METRICS, type TSurveyOverview } from '../../../contracts/surveys.js';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useProjectOptions } from '../training/api';
import { useCohortOptions, useComparison, useSurveyOverview } from './api';
import { BarChart } from './charts';
import { SurveyStatusBadge } from './labels';

type Row = TSurveyOverview['data'][number];
const DIMENSIONS = ['cohort', 'country', 'year', 'gender'] as const;

function num(v: number | null, digits = 2) {
  return v === null ? '—' : formatNumber(v, currentLocale(), { maximumFractionDigits: digits });
}

/** Headline figures per survey of a project or cohort, and comparisons across groups. */
export function SurveyInsightsPage() {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const locale = currentLocale();
  const { values, update } = useListParams(['projectId', 'cohortId', 'metric', 'dimension'] as const, {
    metric: 'reaction',
    dimension: 'cohort',
  });
  const projects = useProjectOptions();
  const cohorts = useCohortOptions();
  const overview = useSurveyOverview({
    projectId: values.projectId || undefined,
    cohortId: values.cohortId || undefined,
  });
  const comparison = useComparison({
    metric: values.metric,
    dimension: values.dimension,
    projectId: values.projectId || undefined,
  });
  const columns: Column<Row>[] = [
    {
      key: 'title',
      header: t('surveys.fields.title'),
      render: (r) => (
        <Link to={`/surveys/${r.id}/results`} dir="auto">
          {pickLocalized(r.title, locale)}
        </Link>
      ),
    },
    {
      key: 'level',
      header: t('surveys.fields.level'),
      noWrap: true,
      render: (r) => (
        <Group gap={4}>
          <Badge variant="light">{r.level}</Badge>
          {r.testPhase && <Badge variant="outline">{t(`surveys.phases.${r.testPhase}`)}</Badge>}
        </Group>
      ),
    },
    { key: 'cohort', header: t('surveys.fields.cohort'), render: (r) => r.cohortName ?? '—' },
    {
      key: 'status',
      header: t('surveys.fields.status'),
      render: (r) => <SurveyStatusBadge status={r.status} />,
    },
    {
      key: 'rate',
      header: t('surveys.fields.responseRate'),
      noWrap: true,
      render: (r) =>
        r.counts.responseRate === null
          ? '—'
          : `${num(r.counts.responseRate, 0)} % (${r.counts.responded}/${r.counts.invited})`,
    },
    { key: 'nps', header: 'NPS', noWrap: true, render: (r) => num(r.nps, 1) },
    { key: 'alpha', header: 'α', noWrap: true, render: (r) => num(r.alpha, 3) },
    { key: 'gain', header: t('surveys.results.classGain'), noWrap: true, render: (r) => num(r.classGain) },
    {
      key: 'gavg',
      header: t('surveys.results.meanGain'),
      noWrap: true,
      render: (r) => num(r.meanIndividualGain),
    },
    {
      key: 'application',
      header: t('surveys.results.applicationRate'),
      noWrap: true,
      render: (r) => (r.applicationRate === null ? '—' : `${num(r.applicationRate, 0)} %`),
    },
    {
      key: 'roi',
      header: t('surveys.results.roi'),
      noWrap: true,
      render: (r) => (r.roiPercent === null ? '—' : `${num(r.roiPercent, 1)} %`),
    },
  ];
  const c = comparison.data;
  const groupLabel = (key: string | null) =>
    key === null
      ? t('surveys.insights.notRecorded')
      : values.dimension === 'gender'
        ? t(`surveys.insights.genders.${key}`)
        : key;
  return (
    <Stack>
      <PageHeader title={t('surveys.insights.title')} subtitle={t('surveys.insights.subtitle')} />
      <Group align="flex-end">
        <Select
          label={t('surveys.fields.project')}
          clearable
          searchable
          value={values.projectId || null}
          data={(projects.data?.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.code} · ${pickLocalized(p.title, locale)}`,
          }))}
          onChange={(v) => update({ projectId: v ?? '', cohortId: '' })}
          w={320}
        />
        <Select
          label={t('surveys.fields.cohort')}
          clearable
          searchable
          value={values.cohortId || null}
          data={(cohorts.data?.data ?? [])
            .filter((x) => !values.projectId || x.projectId === values.projectId)
            .map((x) => ({ value: x.id, label: `${x.name} · ${pickLocalized(x.programmeTitle, locale)}` }))}
          onChange={(v) => update({ cohortId: v ?? '' })}
          w={320}
        />
      </Group>
      <DataTable
        label={t('surveys.insights.overview')}
        columns={columns}
        rows={overview.data?.data}
        rowKey={(r) => r.id}
        loading={overview.isFetching}
        error={overview.error}
        onRetry={() => void overview.refetch()}
        empty={t('surveys.insights.noSurveys')}
      />
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('surveys.insights.compare')}
          </Title>
          <Group align="flex-end">
            <Select
              label={t('surveys.insights.metric')}
              allowDeselect={false}
              value={values.metric}
              data={COMPARISON_METRICS.map((m) => ({ value: m, label: t(`surveys.insights.metrics.${m}`) }))}
              onChange={(v) => update({ metric: v ?? 'reaction' })}
              w={260}
            />
            <Select
              label={t('surveys.insights.dimension')}
              allowDeselect={false}
              value={values.dimension}
              data={DIMENSIONS.map((d) => ({ value: d, label: t(`surveys.insights.dimensions.${d}`) }))}
              onChange={(v) => update({ dimension: v ?? 'cohort' })}
              w={200}
            />
          </Group>
          {c && (
            <>
              <BarChart
                title={t('surveys.insights.compare')}
                max={values.metric === 'gain' ? 1 : 100}
                bars={c.groups.map((g) => ({
                  label: groupLabel(g.key),
                  value: g.suppressed ? 0 : (g.mean ?? 0),
                  caption: g.suppressed
                    ? t('surveys.insights.suppressed')
                    : `${num(g.mean, values.metric === 'gain' ? 2 : 1)} (n ${g.n})`,
                  color: g.suppressed ? theme.colors.gray[4] : undefined,
                }))}
              />
              <Text size="sm">
                {c.overall.suppressed
                  ? t('surveys.insights.overallSuppressed')
                  : t('surveys.insights.overall', { mean: num(c.overall.mean, 2), n: c.overall.n ?? 0 })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('surveys.insights.suppressionNote', { min: c.minGroupSize })}{' '}
                {t(`surveys.insights.metricNotes.${c.metric}`)}
              </Text>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
