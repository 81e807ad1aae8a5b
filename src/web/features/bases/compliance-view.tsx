import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  RingProgress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TComplianceReport } from '../../../contracts/bases.js';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { type CompetitorSource, complianceExportUrl, useCompliance, useInfrastructureLists } from './api';
import './bases-print.css';

type Line = TComplianceReport['lines'][number];
const STATUS_COLORS = { matched: 'green', short: 'orange', missing: 'red' } as const;

export function useListOptions() {
  const lists = useInfrastructureLists();
  const { t } = useTranslation();
  const data =
    lists.data?.data.map((l) => ({
      value: l.id,
      label: t('bases.lists.option', { name: l.name, skill: l.skillNumber, revision: l.revision }),
    })) ?? [];
  return { lists, data };
}

function GapTable({ lines }: { lines: Line[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const n = (v: number) => formatNumber(v, locale);
  const columns: Column<Line>[] = [
    {
      key: 'status',
      header: t('bases.compliance.status'),
      noWrap: true,
      render: (l) => (
        // Never cut the status short ("MISS…") when the table is tight: the whole word is the information.
        <Badge
          color={STATUS_COLORS[l.status]}
          variant="light"
          styles={{ root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } }}
        >
          {t(`bases.compliance.statuses.${l.status}`)}
        </Badge>
      ),
    },
    {
      key: 'category',
      header: t('bases.compliance.category'),
      render: (l) => <span dir="auto">{l.category}</span>,
    },
    { key: 'item', header: t('bases.compliance.item'), render: (l) => <span dir="auto">{l.item}</span> },
    {
      key: 'spec',
      header: t('bases.compliance.specification'),
      render: (l) => <span dir="auto">{l.specification}</span>,
    },
    { key: 'basis', header: t('bases.compliance.basis'), render: (l) => t(`bases.basis.${l.basis}`) },
    { key: 'quantity', header: t('bases.compliance.quantity'), noWrap: true, render: (l) => n(l.quantity) },
    { key: 'required', header: t('bases.compliance.required'), noWrap: true, render: (l) => n(l.required) },
    {
      key: 'available',
      header: t('bases.compliance.available'),
      noWrap: true,
      render: (l) => n(l.available),
    },
    {
      key: 'shortfall',
      header: t('bases.compliance.shortfall'),
      noWrap: true,
      render: (l) => n(l.shortfall),
    },
  ];
  return (
    <DataTable
      label={t('bases.compliance.gapList')}
      testId="gap-list"
      columns={columns}
      rows={lines}
      rowKey={(l) => l.listItemId}
      empty={t('bases.compliance.noGaps')}
    />
  );
}

/** The compliance check of a base against a list: percentages, the verdict and the gap list. */
export function ComplianceView({
  baseId,
  listId,
  competitorsFrom,
  onChange,
  printable,
}: {
  baseId: string;
  listId: string | null;
  competitorsFrom: CompetitorSource;
  onChange: (next: { listId: string | null; competitorsFrom: CompetitorSource }) => void;
  /** The print page: shows the print button instead of the link to it. */
  printable?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { lists, data } = useListOptions();
  const report = useCompliance(baseId, listId, competitorsFrom);
  const r = report.data;
  const gaps = r
    ? [...r.lines.filter((l) => l.status === 'missing'), ...r.lines.filter((l) => l.status === 'short')]
    : [];
  const pct = (v: number) => formatNumber(v / 100, locale, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <Stack className="gap-report">
      <Group align="flex-end" className="no-print">
        <Select
          label={t('bases.compliance.list')}
          data={data}
          value={listId}
          onChange={(v) => onChange({ listId: v, competitorsFrom })}
          w={360}
          maw="100%"
          searchable
          nothingFoundMessage={t('bases.lists.empty')}
        />
        <Select
          label={t('bases.compliance.competitorsFrom')}
          data={(['workstations', 'trainees'] as const).map((v) => ({
            value: v,
            label: t(`bases.compliance.from.${v}`),
          }))}
          value={competitorsFrom}
          allowDeselect={false}
          onChange={(v) => v && onChange({ listId, competitorsFrom: v as CompetitorSource })}
          w={240}
        />
        <Anchor component={Link} to="/bases/lists">
          {t('bases.lists.manage')}
        </Anchor>
      </Group>
      {lists.data && lists.data.data.length === 0 && <Text c="dimmed">{t('bases.lists.emptyHint')}</Text>}
      {!listId && lists.data && lists.data.data.length > 0 && (
        <Text c="dimmed">{t('bases.compliance.chooseList')}</Text>
      )}
      {report.error && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {r && (
        <>
          <Title order={2} size="h4">
            {t('bases.compliance.heading', {
              base: pickLocalized(r.base.names, locale),
              list: r.list.name,
              revision: r.list.revision,
            })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('bases.compliance.settings', {
              workstations: r.settings.workstations,
              competitors: r.settings.competitors,
            })}{' '}
            · {formatDateTime(r.checkedAt, locale)}
          </Text>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Group>
                <RingProgress
                  size={120}
                  thickness={12}
                  roundCaps
                  sections={[
                    { value: r.compliancePercent, color: r.compliancePercent >= 100 ? 'green' : 'indigo' },
                  ]}
                  label={
                    <Text ta="center" fw={700}>
                      {pct(r.compliancePercent)}
                    </Text>
                  }
                  aria-label={t('bases.compliance.percent')}
                />
                <Stack gap={2}>
                  <Text fw={600}>{t('bases.compliance.percent')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('bases.compliance.percentHint')}
                  </Text>
                </Stack>
              </Group>
              <Stack gap={2}>
                <Text fw={600}>{t('bases.compliance.coverage')}</Text>
                <Text size="xl">{pct(r.coveragePercent)}</Text>
                <Text size="sm" c="dimmed">
                  {t('bases.compliance.coverageHint')}
                </Text>
              </Stack>
              <Stack gap={4}>
                <Text>{t('bases.compliance.counts.matched', { count: r.counts.matched })}</Text>
                {/* The light-variant text colours (theme.ts) keep 4.5:1 on white; orange.8 is only 3.6:1. */}
                <Text c="var(--mantine-color-orange-light-color)">
                  {t('bases.compliance.counts.short', { count: r.counts.short })}
                </Text>
                <Text c="var(--mantine-color-red-light-color)">
                  {t('bases.compliance.counts.missing', { count: r.counts.missing })}
                </Text>
              </Stack>
            </SimpleGrid>
          </Card>
          <Alert
            color={r.matchesVenueRequirements ? 'green' : 'red'}
            role="status"
            title={t(
              r.matchesVenueRequirements ? 'bases.compliance.matches' : 'bases.compliance.doesNotMatch',
            )}
          >
            {t('bases.compliance.verdictHint')}
          </Alert>
          <Group className="no-print">
            {printable ? (
              <Button onClick={() => window.print()}>{t('bases.compliance.print')}</Button>
            ) : (
              <Button
                component={Link}
                to={`/bases/${baseId}/compliance?listId=${encodeURIComponent(r.list.id)}&competitorsFrom=${competitorsFrom}`}
                variant="default"
              >
                {t('bases.compliance.printable')}
              </Button>
            )}
            <Anchor href={complianceExportUrl(baseId, r.list.id, competitorsFrom, 'csv')} download>
              {t('bases.compliance.exportCsv')}
            </Anchor>
            <Anchor href={complianceExportUrl(baseId, r.list.id, competitorsFrom, 'xlsx')} download>
              {t('bases.compliance.exportXlsx')}
            </Anchor>
          </Group>
          <Title order={3} size="h5">
            {t('bases.compliance.gapList')}
          </Title>
          <GapTable lines={gaps} />
          {r.unlistedInventory.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('bases.compliance.unlisted', { items: r.unlistedInventory.join(', ') })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
