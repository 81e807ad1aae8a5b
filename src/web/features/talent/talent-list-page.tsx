import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Permission } from '../../../contracts/roles.js';
import type { TTalentProfileSummary } from '../../../contracts/talent.js';
import { useCan } from '../../app/session';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format';
import { useListParams } from '../../lib/use-list-params';
import { useCollegeSkills, useTalentProfiles } from './api';
import { ConsentBadge } from './consent-badge';
import { iscoLabel, iscoUnitOptions, skillOptions } from './taxonomy';

const FILTER_KEYS = ['q', 'isco', 'skill', 'country', 'language', 'consent'] as const;

/** The college's talent pool: full profiles, filtered by occupation, skill, country, language and consent. */
export function TalentListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const can = useCan();
  const { values, page, pageSize, update } = useListParams(FILTER_KEYS, { sort: 'name' });
  const list = useTalentProfiles({ ...values, page, pageSize });
  const collegeSkills = useCollegeSkills();

  const columns: Column<TTalentProfileSummary>[] = [
    {
      key: 'name',
      header: t('talent.name'),
      sortField: 'name',
      render: (p) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/talent/${p.id}`} fw={500}>
            {p.nameLatin}
          </Anchor>
          {p.nameNative && (
            <Text size="xs" c="dimmed" dir="auto">
              {p.nameNative}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'occupation',
      header: t('talent.occupation'),
      render: (p) => (
        <Text size="sm">
          <span dir="ltr">{p.iscoCode}</span> · {iscoLabel(p.iscoCode)}
        </Text>
      ),
    },
    { key: 'skills', header: t('talent.skills'), render: (p) => p.skillCount },
    { key: 'languages', header: t('talent.languages'), render: (p) => p.languages.join(', ') },
    {
      key: 'countries',
      header: t('talent.countries'),
      render: (p) =>
        p.countries.map((c) => (c === 'any' ? t('talent.anyCountry') : countryName(c, locale))).join(', '),
    },
    {
      key: 'availableFrom',
      header: t('talent.availableFrom'),
      sortField: 'availableFrom',
      noWrap: true,
      render: (p) => formatDate(p.availableFrom, locale),
    },
    {
      key: 'consent',
      header: t('talent.consentLabel'),
      render: (p) => <ConsentBadge state={p.consentState} scope={p.consentScope} />,
    },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('nav.talent')}
        subtitle={t('talent.listIntro')}
        actions={
          can(Permission.TalentManage) && (
            <>
              <Button component={Link} to="/talent/new">
                {t('talent.new')}
              </Button>
              <Button component={Link} to="/talent/import" variant="default">
                {t('talent.import.button')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder padding="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('talent.search')}
            value={values.q}
            onChange={(e) => update({ q: e.currentTarget.value })}
            w={220}
          />
          <Select
            label={t('talent.occupation')}
            data={iscoUnitOptions()}
            value={values.isco || null}
            onChange={(v) => update({ isco: v ?? '' })}
            searchable
            clearable
            w={260}
          />
          <Select
            label={t('talent.skill')}
            data={skillOptions(locale, collegeSkills.data?.data)}
            value={values.skill || null}
            onChange={(v) => update({ skill: v ?? '' })}
            searchable
            clearable
            w={260}
          />
          <CountrySelect
            label={t('talent.country')}
            value={values.country || null}
            onChange={(v) => update({ country: v ?? '' })}
            clearable
            w={200}
          />
          <TextInput
            label={t('talent.languageCode')}
            value={values.language}
            maxLength={2}
            onChange={(e) => update({ language: e.currentTarget.value.toLowerCase() })}
            w={110}
            dir="ltr"
          />
          <Select
            label={t('talent.consentLabel')}
            data={(['none', 'given', 'withdrawn'] as const).map((s) => ({
              value: s,
              label: t(`talent.consentState.${s}`),
            }))}
            value={values.consent || null}
            onChange={(v) => update({ consent: v ?? '' })}
            clearable
            w={180}
          />
        </Group>
      </Card>
      <DataTable
        label={t('nav.talent')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(p) => p.id}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        page={page}
        pageSize={pageSize}
        total={list.data?.total}
        onPageChange={(p) => update({ page: p })}
        onPageSizeChange={(s) => update({ pageSize: s, page: 1 })}
        sort={values.sort}
        onSortChange={(sort) => update({ sort })}
        empty={<Badge variant="light">{t('talent.empty')}</Badge>}
      />
    </Stack>
  );
}
