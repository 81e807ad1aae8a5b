import {
  Anchor,
  Badge,
  Box,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TPublicProject } from '../../../contracts/showcase.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { FullPageLoader } from '../../app/session';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { ProjectStatusBadge } from '../projects/project-labels';
import { usePublicProject } from './api';
import {
  joinList,
  placeName,
  ShowcaseShell,
  ShowcaseTable,
  useDocumentMeta,
  useShowcaseHref,
} from './showcase-shell';

const STATUS_COLORS: Record<string, string> = {
  achieved: 'teal',
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
};

/** Public, no sign-in: /showcase/:slug/projects/:projectCode — one project the college shows. */
export function ShowcaseProjectPage() {
  const { t } = useTranslation();
  const { slug = '', projectCode = '' } = useParams();
  const q = usePublicProject(slug, projectCode);
  const locale = currentLocale();
  const title = q.data ? pickLocalized(q.data.project.title, locale) : null;
  const college = q.data ? pickLocalized(q.data.college.names, locale) : '';
  useDocumentMeta(
    title ? t('showcase.projectTitle', { title, college }) : null,
    q.data ? pickLocalized(q.data.project.description, locale) || title : null,
  );
  return (
    <ShowcaseShell slug={slug} college={q.data?.college} error={q.error}>
      {q.isPending ? <FullPageLoader /> : q.data && <ProjectView slug={slug} data={q.data} />}
    </ShowcaseShell>
  );
}

function ProjectView({ slug, data }: { slug: string; data: TPublicProject }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const href = useShowcaseHref();
  const p = data.project;
  const description = pickLocalized(p.description, locale);
  return (
    <Stack gap={32}>
      <Stack gap="xs">
        <Anchor component={Link} to={href(`/showcase/${slug}`)} size="sm">
          {t('showcase.backToOverview')}
        </Anchor>
        <Title order={1}>{pickLocalized(p.title, locale)}</Title>
        <Group gap="xs">
          <Badge variant="light" color="gray">
            {t(`projects.types.${p.type}`)}
          </Badge>
          <ProjectStatusBadge status={p.status} />
        </Group>
      </Stack>
      {description && (
        <Text size="lg" maw={760} style={{ whiteSpace: 'pre-line' }}>
          {description}
        </Text>
      )}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
        <Fact term={t('showcase.project.period')}>
          {p.start || p.end
            ? t('showcase.period', {
                from: formatDate(p.start, locale) || '…',
                to: formatDate(p.end, locale) || '…',
              })
            : '—'}
        </Fact>
        <Fact term={t('showcase.project.countries')}>
          {p.countries.length > 0
            ? joinList(
                p.countries.map((c) => countryName(c, locale)),
                locale,
              )
            : '—'}
        </Fact>
        <Fact term={t('showcase.project.sectors')}>
          {p.sectors.length > 0
            ? joinList(
                p.sectors.map((s) => t(`projects.sectors.${s}`, { defaultValue: s })),
                locale,
              )
            : '—'}
        </Fact>
        {p.budget && (
          <Fact term={t('showcase.figures.budget')}>
            {p.budget.length > 0
              ? p.budget.map((b) => formatMinor(b.valueMinor, b.currency, locale)).join(' · ')
              : '—'}
          </Fact>
        )}
      </SimpleGrid>

      {p.partners.length > 0 && (
        <Box component="section" aria-labelledby="project-partners">
          <Title order={2} id="project-partners" mb="md">
            {t('showcase.sections.partners')}
          </Title>
          <ShowcaseTable
            minWidth={480}
            columns={[
              t('partners.name'),
              t('showcase.project.role'),
              t('partners.type'),
              t('showcase.project.location'),
            ]}
            rows={p.partners}
            rowKey={(x) => `${x.id}-${x.role}`}
            rowHeader={(x) => pickLocalized(x.names, locale)}
            cells={(x) => (
              <>
                <Table.Td>{t(`projects.roles.${x.role}`)}</Table.Td>
                <Table.Td>{t(`partners.types.${x.type}`)}</Table.Td>
                <Table.Td>{placeName(x.city, countryName(x.country, locale), locale)}</Table.Td>
              </>
            )}
          />
        </Box>
      )}

      {p.indicators.length > 0 && (
        <Box component="section" aria-labelledby="project-results">
          <Title order={2} id="project-results" mb="md">
            {t('showcase.project.results')}
          </Title>
          <ShowcaseTable
            minWidth={640}
            striped={false}
            columns={[
              t('showcase.project.indicator'),
              t('showcase.project.baseline'),
              t('showcase.project.target'),
              t('showcase.project.actual'),
              t('showcase.project.progress'),
            ]}
            rows={p.indicators}
            rowKey={(i) => i.id}
            rowHeader={(i) => {
              const unit = pickLocalized(i.unit, locale);
              return (
                <>
                  {pickLocalized(i.title, locale)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t(`resultsFrameworks.resultTypes.${i.resultType}`)} ·{' '}
                    {pickLocalized(i.resultTitle, locale)}
                    {unit ? ` · ${unit}` : ''}
                  </Text>
                </>
              );
            }}
            cells={(i) => {
              const num = (v: number | null) => (v === null ? '—' : formatNumber(v, locale));
              return (
                <>
                  <Table.Td>
                    {num(i.baseline)}
                    {i.baselineYear !== null && (
                      <Text size="xs" c="dimmed">
                        {i.baselineYear}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{num(i.target)}</Table.Td>
                  <Table.Td>{num(i.actual)}</Table.Td>
                  <Table.Td miw={160}>
                    {i.percent !== null && (
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={i.percent}
                          w={90}
                          color={STATUS_COLORS[i.status] ?? 'blue'}
                          aria-label={t('showcase.project.progress')}
                        />
                        <Text size="sm">{formatNumber(i.percent / 100, locale, { style: 'percent' })}</Text>
                      </Group>
                    )}
                    <Badge variant="light" color={STATUS_COLORS[i.status] ?? 'gray'} mt={4}>
                      {t(`resultsFrameworks.status.${i.status}`)}
                    </Badge>
                  </Table.Td>
                </>
              );
            }}
          />
        </Box>
      )}
    </Stack>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </Paper>
  );
}
