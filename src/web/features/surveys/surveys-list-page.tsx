import { Anchor, Badge, Button, Group, Menu, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Permission } from '../../../contracts/roles.js';
import { SURVEY_LEVELS, SURVEY_STATUSES, type TSurveySummary } from '../../../contracts/surveys.js';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useListParams } from '../../lib/use-list-params';
import { useSurveys } from './api';
import { SurveyStatusBadge } from './labels';

export function SurveysListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { values, page, pageSize, update } = useListParams(['q', 'level', 'status'] as const);
  const list = useSurveys({
    q: values.q || undefined,
    level: values.level || undefined,
    status: values.status || undefined,
    page,
    pageSize,
  });
  const columns: Column<TSurveySummary>[] = [
    {
      key: 'title',
      header: t('surveys.fields.title'),
      render: (s) => (
        <Anchor component={Link} to={`/surveys/${s.id}`} dir="auto">
          {pickLocalized(s.title, locale)}
        </Anchor>
      ),
    },
    {
      key: 'level',
      header: t('surveys.fields.level'),
      noWrap: true,
      render: (s) => (
        <Group gap={4}>
          <Badge variant="light">{t(`surveys.levels.${s.level}`)}</Badge>
          {s.testPhase && <Badge variant="outline">{t(`surveys.phases.${s.testPhase}`)}</Badge>}
        </Group>
      ),
    },
    { key: 'cohort', header: t('surveys.fields.cohort'), render: (s) => s.cohortName ?? '—' },
    {
      key: 'status',
      header: t('surveys.fields.status'),
      noWrap: true,
      render: (s) => <SurveyStatusBadge status={s.status} />,
    },
    {
      key: 'rate',
      header: t('surveys.fields.responseRate'),
      noWrap: true,
      render: (s) =>
        s.counts.responseRate === null
          ? t('surveys.notInvited')
          : t('surveys.rateValue', {
              rate: formatNumber(s.counts.responseRate, locale, { maximumFractionDigits: 0 }),
              responded: s.counts.responded,
              invited: s.counts.invited,
            }),
    },
    {
      key: 'updatedAt',
      header: t('common.updatedAt'),
      noWrap: true,
      render: (s) => formatDate(s.updatedAt, locale),
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={t('surveys.title')}
        subtitle={t('surveys.subtitle')}
        actions={
          <>
            <Button variant="default" component={Link} to="/surveys/insights">
              {t('surveys.insights.title')}
            </Button>
            {can(Permission.SurveyWrite) && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button>{t('surveys.new')}</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {SURVEY_LEVELS.map((l) => (
                    <Menu.Item key={l} onClick={() => navigate(`/surveys/new?level=${l}`)}>
                      {t(`surveys.templates.${l}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </>
        }
      />
      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          defaultValue={values.q}
          onChange={(e) => update({ q: e.currentTarget.value, page: 1 })}
          w={260}
        />
        <Select
          label={t('surveys.fields.level')}
          clearable
          value={values.level || null}
          data={SURVEY_LEVELS.map((l) => ({ value: l, label: t(`surveys.levels.${l}`) }))}
          onChange={(v) => update({ level: v ?? '', page: 1 })}
          w={220}
        />
        <Select
          label={t('surveys.fields.status')}
          clearable
          value={values.status || null}
          data={SURVEY_STATUSES.map((s) => ({ value: s, label: t(`surveys.statuses.${s}`) }))}
          onChange={(v) => update({ status: v ?? '', page: 1 })}
          w={180}
        />
      </Group>
      <DataTable
        label={t('surveys.listLabel')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(s) => s.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s, page: 1 })}
        testId="surveys-table"
      />
    </Stack>
  );
}
