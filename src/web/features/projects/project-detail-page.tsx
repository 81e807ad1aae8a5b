import {
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TProjectPage } from '../../../contracts/projects.js';
import { Permission } from '../../../contracts/roles.js';
import { educationSectorName } from '../../../domain/projects/dac-sectors.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { FullPageLoader, useCan } from '../../app/session';
import { AttachmentsPanel } from '../../components/attachments-panel';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { ProjectEvaluationPanel } from '../evaluation-reports/evaluation-panel';
import { ResultsFrameworkPanel } from '../results-frameworks/results-panel';
import { useArchiveProject, useProjectPage } from './api';
import { moneyList, ProjectStatusBadge } from './project-labels';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function percentText(p: number | null, locale: string) {
  return p === null ? '—' : `${formatNumber(p, locale, { maximumFractionDigits: 2 })} %`;
}

function Body({ page }: { page: TProjectPage }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const p = page.project;
  const archive = useArchiveProject(p.id);
  const description = pickLocalized(p.description, locale);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const showResults = can(Permission.ResultsFrameworkRead);
  const showEvaluation = can(Permission.EvaluationReportRead);
  const asked = params.get('tab');
  const tab =
    showResults && asked === 'results'
      ? 'results'
      : showEvaluation && asked === 'evaluation'
        ? 'evaluation'
        : 'overview';

  return (
    <Stack>
      <PageHeader
        title={pickLocalized(p.title, locale) || p.code}
        subtitle={
          <Group gap="xs">
            <Text c="dimmed">{p.code}</Text>
            <ProjectStatusBadge status={p.status} />
            {p.archived && <Text c="dimmed">({t('projects.archivedBadge')})</Text>}
          </Group>
        }
        actions={
          p.abilities.update && (
            <>
              <Button component={Link} to={`/projects/${p.id}/edit`}>
                {t('common.edit')}
              </Button>
              <Button
                variant="default"
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { version: p.version, archived: !p.archived },
                    {
                      onSuccess: () =>
                        notifications.show({
                          color: 'green',
                          message: t(p.archived ? 'projects.restored' : 'projects.archivedDone'),
                        }),
                      onError: () =>
                        notifications.show({ color: 'red', message: t('projects.archiveFailed') }),
                    },
                  )
                }
              >
                {t(p.archived ? 'projects.restore' : 'projects.archive')}
              </Button>
            </>
          )
        }
      />
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(v) =>
          setParams(v === 'results' || v === 'evaluation' ? { tab: v } : {}, { replace: true })
        }
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('projects.tabs.overview')}</Tabs.Tab>
          {showResults && <Tabs.Tab value="results">{t('projects.tabs.results')}</Tabs.Tab>}
          {showEvaluation && <Tabs.Tab value="evaluation">{t('projects.tabs.evaluation')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="results" pt="md">
          <ResultsFrameworkPanel projectId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation" pt="md">
          <ProjectEvaluationPanel projectId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="overview" pt="md">
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <Field label={t('projects.type')}>
                  {t(`projects.types.${p.type}`)}
                  {p.baseLocation ? ` (${t(`projects.baseLocations.${p.baseLocation}`)})` : ''}
                </Field>
                <Field label={t('projects.parent')}>
                  {p.parent ? (
                    <Anchor component={Link} to={`/projects/${p.parent.id}`}>
                      {pickLocalized(p.parent.title, locale) || p.parent.code}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Field>
                <Field label={t('projects.responsible')}>{p.responsible?.displayName ?? '—'}</Field>
                <Field label={t('projects.plannedPeriod')}>
                  {formatDate(p.plannedStart, locale) || '—'} – {formatDate(p.plannedEnd, locale) || '…'}
                </Field>
                <Field label={t('projects.actualPeriod')}>
                  {formatDate(p.actualStart, locale) || '—'} – {formatDate(p.actualEnd, locale) || '…'}
                </Field>
                <Field label={t('projects.defaultCurrency')}>{p.defaultCurrency}</Field>
              </SimpleGrid>
              {description && (
                <Text mt="md" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {description}
                </Text>
              )}
            </Card>

            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Section title={t('projects.participants')}>
                {p.participants.length === 0 ? (
                  <Text c="dimmed">—</Text>
                ) : (
                  <Table>
                    <Table.Tbody>
                      {p.participants.map((x) => (
                        <Table.Tr key={`${x.partnerId ?? 'own'}-${x.role}`}>
                          <Table.Td>
                            {x.partnerId ? (
                              <Anchor component={Link} to={`/partners/${x.partnerId}`}>
                                {pickLocalized(x.names, locale)}
                              </Anchor>
                            ) : (
                              t('projects.ownCollege')
                            )}
                          </Table.Td>
                          <Table.Td>{t(`projects.roles.${x.role}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Section>
              <Section title={t('projects.countriesAndSectors')}>
                <Table>
                  <Table.Tbody>
                    {p.countryShares.map((c) => (
                      <Table.Tr key={c.country}>
                        <Table.Td>{countryName(c.country, locale)}</Table.Td>
                        <Table.Td>{percentText(c.percentage, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {p.sectors.map((s) => (
                      <Table.Tr key={s.code}>
                        <Table.Td>
                          {s.code} {educationSectorName(s.code) ? `— ${t(`projects.sectors.${s.code}`)}` : ''}
                        </Table.Td>
                        <Table.Td>{percentText(s.percentage, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Section>
            </SimpleGrid>

            <Section title={t('projects.agreements')}>
              {p.agreements.length === 0 ? (
                <Text c="dimmed">{t('projects.noAgreements')}</Text>
              ) : (
                <Stack gap={4}>
                  {p.agreements.map((a) => (
                    <Anchor key={a.id} component={Link} to={`/agreements/${a.id}`}>
                      {pickLocalized(a.title, locale)}
                    </Anchor>
                  ))}
                </Stack>
              )}
            </Section>

            <Section title={t('projects.spending')}>
              {page.spending.length === 0 ? (
                <Text c="dimmed">{t('projects.noMoney')}</Text>
              ) : (
                <Stack>
                  {page.spending.map((s) => (
                    <div key={s.currency}>
                      <Group justify="space-between">
                        <Text fw={500}>
                          {t('projects.spentOf', {
                            spent: formatMinor(s.spentMinor, s.currency, locale),
                            budget: formatMinor(s.budgetMinor, s.currency, locale),
                          })}
                        </Text>
                        <Text c="dimmed">
                          {s.spentPercent === null ? '' : `${formatNumber(s.spentPercent, locale)} %`}
                        </Text>
                      </Group>
                      <Progress
                        value={Math.min(100, s.spentPercent ?? 0)}
                        color={(s.spentPercent ?? 0) > 100 ? 'red' : 'blue'}
                        aria-label={t('projects.spending')}
                      />
                    </div>
                  ))}
                </Stack>
              )}
              {p.budgets.length > 0 && (
                <Table mt="md">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('projects.budgetPeriod')}</Table.Th>
                      <Table.Th>{t('projects.budgetType')}</Table.Th>
                      <Table.Th>{t('projects.budgetStatus')}</Table.Th>
                      <Table.Th>{t('projects.amount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.budgets.map((b) => (
                      <Table.Tr key={b.id}>
                        <Table.Td>
                          {formatDate(b.periodStart, locale)} – {formatDate(b.periodEnd, locale)}
                        </Table.Td>
                        <Table.Td>{t(`projects.budgetTypes.${b.type}`)}</Table.Td>
                        <Table.Td>{t(`projects.budgetStatuses.${b.status}`)}</Table.Td>
                        <Table.Td>{formatMinor(b.valueMinor, b.currency, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {p.transactions.length > 0 && (
                <Table mt="md">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('projects.date')}</Table.Th>
                      <Table.Th>{t('projects.transactionType')}</Table.Th>
                      <Table.Th>{t('projects.amount')}</Table.Th>
                      <Table.Th>{t('projects.transactionDescription')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.transactions.map((x) => (
                      <Table.Tr key={x.id}>
                        <Table.Td>{formatDate(x.date, locale)}</Table.Td>
                        <Table.Td>{t(`projects.transactionTypes.${x.type}`)}</Table.Td>
                        <Table.Td>{formatMinor(x.valueMinor, x.currency, locale)}</Table.Td>
                        <Table.Td dir="auto">
                          {[x.description, x.receiverOrg].filter(Boolean).join(' — ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Section>

            <Section title={t('projects.subProjects')}>
              {page.subProjects.length === 0 ? (
                <Text c="dimmed">{t('projects.noSubProjects')}</Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {page.subProjects.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/projects/${s.id}`}>
                            {pickLocalized(s.title, locale) || s.code}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <ProjectStatusBadge status={s.status} />
                        </Table.Td>
                        <Table.Td>
                          {formatDate(s.actualStart ?? s.plannedStart, locale) || '—'} –{' '}
                          {formatDate(s.actualEnd ?? s.plannedEnd, locale) || '…'}
                        </Table.Td>
                        <Table.Td>{moneyList(s.budgetTotals, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {p.abilities.update && (
                <Button
                  mt="sm"
                  variant="light"
                  component={Link}
                  to={`/projects/new?parentId=${encodeURIComponent(p.id)}`}
                >
                  {t('projects.addSubProject')}
                </Button>
              )}
            </Section>
            <AttachmentsPanel entityType="project" entityId={p.id} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function ProjectDetailPage() {
  const { id } = useParams();
  const page = useProjectPage(id);
  if (page.isPending) {
    return <FullPageLoader />;
  }
  if (page.error) {
    return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  }
  return <Body page={page.data} />;
}
