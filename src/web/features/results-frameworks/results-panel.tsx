import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOCUMENT_FILE_EXTENSIONS } from '../../../contracts/attachments.js';
import {
  EVIDENCE_MAX_BYTES,
  type TIndicator,
  type TPeriod,
  type TResult,
  type TResultsFramework,
} from '../../../contracts/results-frameworks.js';
import { INDICATOR_TEMPLATES } from '../../../domain/evaluation/indicator-templates.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { currentLocale } from '../../i18n';
import { apiUrl } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatBytes, formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import {
  evidencePath,
  type FrameworkChange,
  useEvidence,
  useFrameworkChange,
  useResultsFramework,
} from './api';
import { IndicatorForm, PeriodForm, ResultForm } from './forms';
import { num, ProgressLine, problemText, StatusBadge, sourceKey } from './labels';
import { ProgressChart } from './progress-chart';

type Editing =
  | { kind: 'result'; result: TResult | null }
  | { kind: 'indicator'; resultId: string; indicator: TIndicator | null }
  | { kind: 'period'; indicator: TIndicator; period: TPeriod | null }
  | null;

const CONTRIBUTOR_PATHS = {
  cohort: (id: string) => `/training/cohorts/${encodeURIComponent(id)}`,
  mobility: (id: string) => `/exchanges/${encodeURIComponent(id)}`,
  competition: (id: string) => `/competitions/${encodeURIComponent(id)}`,
  posting: (id: string) => `/talent/demand/${encodeURIComponent(id)}`,
} as const;

/**
 * The "Results" tab of a project: its results framework (results → indicators → periods) with
 * progress and status as the server computed them today, the platform's own figures for automatic
 * indicators, evidence per period, and editors for those who may write.
 */
export function ResultsFrameworkPanel({ projectId }: { projectId: string }) {
  const q = useResultsFramework(projectId);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <Framework projectId={projectId} framework={q.data} reload={() => void q.refetch()} />;
}

function Framework({
  projectId,
  framework,
  reload,
}: {
  projectId: string;
  framework: TResultsFramework;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const mutation = useFrameworkChange(projectId);
  const [editing, setEditing] = useState<Editing>(null);
  const write = framework.abilities.write;

  const run = (c: FrameworkChange, done?: string) =>
    mutation.mutate(c, {
      onSuccess: () => {
        setEditing(null);
        if (done) {
          notifications.show({ color: 'green', message: t(done) });
        }
      },
    });
  const runDirect = (c: FrameworkChange, done: string) => {
    mutation.reset();
    mutation.mutate(c, {
      onSuccess: () => notifications.show({ color: 'green', message: t(done) }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
    });
  };
  const open = (e: Editing) => {
    mutation.reset();
    setEditing(e);
  };
  const close = () => setEditing(null);
  const formProps = {
    opened: true,
    onClose: close,
    pending: mutation.isPending,
    error: mutation.error,
    onReload: () => {
      close();
      reload();
    },
  };

  const errors = framework.problems.filter((p) => p.severity === 'error');
  const warnings = framework.problems.filter((p) => p.severity === 'warning');

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('resultsFrameworks.judgedOn', { date: formatDate(framework.today, locale) })}
        </Text>
        {write && (
          <Button onClick={() => open({ kind: 'result', result: null })}>
            {t('resultsFrameworks.addResult')}
          </Button>
        )}
      </Group>
      {framework.results.length === 0 && (
        <Card withBorder>
          <Text c="dimmed">{t('resultsFrameworks.empty')}</Text>
        </Card>
      )}
      {(errors.length > 0 || warnings.length > 0) && (
        <Alert color={errors.length > 0 ? 'orange' : 'blue'} title={t('resultsFrameworks.problemsTitle')}>
          <Stack gap={2}>
            {framework.problems.map((p) => (
              <Text key={`${p.path.join('.')}-${p.code}`} size="sm">
                {t(`resultsFrameworks.severity.${p.severity}`)}: {problemText(t, p.code)} —{' '}
                {problemPlace(framework, p, locale, t)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {framework.results.map((r) => (
        <ResultCard
          key={r.id}
          projectId={projectId}
          result={r}
          write={write}
          busy={mutation.isPending}
          onEdit={() => open({ kind: 'result', result: r })}
          onDelete={() => {
            if (
              window.confirm(
                t('resultsFrameworks.confirmDeleteResult', { title: pickLocalized(r.title, locale) }),
              )
            ) {
              runDirect({ kind: 'deleteResult', id: r.id, version: r.version }, 'resultsFrameworks.deleted');
            }
          }}
          onAddIndicator={() => open({ kind: 'indicator', resultId: r.id, indicator: null })}
          onAddTemplate={(templateKey) =>
            runDirect({ kind: 'createFromTemplate', resultId: r.id, templateKey }, 'resultsFrameworks.saved')
          }
          onEditIndicator={(i) => open({ kind: 'indicator', resultId: r.id, indicator: i })}
          onDeleteIndicator={(i) => {
            if (
              window.confirm(
                t('resultsFrameworks.confirmDeleteIndicator', { title: pickLocalized(i.title, locale) }),
              )
            ) {
              runDirect(
                { kind: 'deleteIndicator', id: i.id, version: i.version },
                'resultsFrameworks.deleted',
              );
            }
          }}
          onAddPeriod={(i) => open({ kind: 'period', indicator: i, period: null })}
          onEditPeriod={(i, p) => open({ kind: 'period', indicator: i, period: p })}
          onDeletePeriod={(p) => {
            if (window.confirm(t('resultsFrameworks.confirmDeletePeriod'))) {
              runDirect({ kind: 'deletePeriod', id: p.id, version: p.version }, 'resultsFrameworks.deleted');
            }
          }}
          onCopyFigure={(p) =>
            runDirect(
              { kind: 'copyPlatformFigure', id: p.id, version: p.version },
              'resultsFrameworks.figureCopied',
            )
          }
        />
      ))}
      {editing?.kind === 'result' && (
        <ResultForm
          {...formProps}
          result={editing.result}
          onSubmit={(data) =>
            run(
              editing.result
                ? { kind: 'updateResult', id: editing.result.id, version: editing.result.version, data }
                : { kind: 'createResult', data },
              'resultsFrameworks.saved',
            )
          }
        />
      )}
      {editing?.kind === 'indicator' && (
        <IndicatorForm
          {...formProps}
          indicator={editing.indicator}
          onSubmit={(data) =>
            run(
              editing.indicator
                ? {
                    kind: 'updateIndicator',
                    id: editing.indicator.id,
                    version: editing.indicator.version,
                    data,
                  }
                : { kind: 'createIndicator', resultId: editing.resultId, data },
              'resultsFrameworks.saved',
            )
          }
        />
      )}
      {editing?.kind === 'period' && (
        <PeriodForm
          {...formProps}
          indicator={editing.indicator}
          period={editing.period}
          onSubmit={(data) =>
            run(
              editing.period
                ? { kind: 'updatePeriod', id: editing.period.id, version: editing.period.version, data }
                : { kind: 'createPeriod', indicatorId: editing.indicator.id, data },
              'resultsFrameworks.saved',
            )
          }
        />
      )}
    </Stack>
  );
}

/** Where a problem is, in words: the result, indicator and period it concerns. */
function problemPlace(
  f: TResultsFramework,
  p: TResultsFramework['problems'][number],
  locale: string,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  const result = f.results.find((r) => r.id === p.resultId);
  const indicator = result?.indicators.find((i) => i.id === p.indicatorId);
  const period = indicator?.periods.find((x) => x.id === p.periodId);
  return [
    result && pickLocalized(result.title, locale),
    indicator && pickLocalized(indicator.title, locale),
    period &&
      t('resultsFrameworks.periodRange', {
        start: formatDate(period.start, locale),
        end: formatDate(period.end, locale),
      }),
  ]
    .filter(Boolean)
    .join(' › ');
}

interface ResultCardProps {
  projectId: string;
  result: TResult;
  write: boolean;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onAddIndicator: () => void;
  onAddTemplate: (key: string) => void;
  onEditIndicator: (i: TIndicator) => void;
  onDeleteIndicator: (i: TIndicator) => void;
  onAddPeriod: (i: TIndicator) => void;
  onEditPeriod: (i: TIndicator, p: TPeriod) => void;
  onDeletePeriod: (p: TPeriod) => void;
  onCopyFigure: (p: TPeriod) => void;
}

function ResultCard(props: ResultCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { result: r, write } = props;
  const [template, setTemplate] = useState<string | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Badge variant="outline">{t(`resultsFrameworks.resultTypes.${r.type}`)}</Badge>
              <StatusBadge status={r.status} />
            </Group>
            <Title order={3} size="h4" mt={4} dir="auto">
              {pickLocalized(r.title, locale)}
            </Title>
            {pickLocalized(r.description, locale) && (
              <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {pickLocalized(r.description, locale)}
              </Text>
            )}
          </div>
          {write && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={props.onEdit}>
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={props.onDelete} disabled={props.busy}>
                {t('resultsFrameworks.delete')}
              </Button>
            </Group>
          )}
        </Group>
        {r.indicators.length === 0 && <Text c="dimmed">{t('resultsFrameworks.noIndicators')}</Text>}
        {r.indicators.map((i) => (
          <IndicatorBlock key={i.id} {...props} indicator={i} />
        ))}
        {write && (
          <Group align="flex-end" wrap="wrap">
            <Button size="xs" variant="light" onClick={props.onAddIndicator}>
              {t('resultsFrameworks.addIndicator')}
            </Button>
            <Select
              size="xs"
              w={280}
              label={t('resultsFrameworks.templates')}
              placeholder={t('resultsFrameworks.templatePlaceholder')}
              data={INDICATOR_TEMPLATES.map((x) => ({
                value: x.key,
                label: x.title[locale] ?? x.title.en,
              }))}
              value={template}
              onChange={setTemplate}
            />
            <Button
              size="xs"
              variant="light"
              disabled={!template}
              loading={props.busy}
              onClick={() => {
                if (template) {
                  props.onAddTemplate(template);
                  setTemplate(null);
                }
              }}
            >
              {t('resultsFrameworks.addFromTemplate')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function IndicatorBlock(props: ResultCardProps & { indicator: TIndicator }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { indicator: i, write } = props;
  const unit = pickLocalized(i.unitLabel, locale);
  return (
    <Card withBorder bg="var(--mantine-color-body)">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              {i.code && <Badge variant="default">{i.code}</Badge>}
              <Text fw={600} dir="auto">
                {pickLocalized(i.title, locale)}
              </Text>
              <StatusBadge status={i.status.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {[
                t(`resultsFrameworks.measures.${i.measure}`),
                unit,
                t(i.ascending ? 'resultsFrameworks.higherIsBetter' : 'resultsFrameworks.lowerIsBetter'),
                t(`resultsFrameworks.aggregations.${i.aggregation}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Text size="sm">
              {i.baseline
                ? t('resultsFrameworks.baselineText', {
                    value: num(i.baseline.value, locale),
                    year: String(i.baseline.year),
                  })
                : t('resultsFrameworks.noBaseline')}
            </Text>
          </div>
          {write && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => props.onEditIndicator(i)}>
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => props.onDeleteIndicator(i)}>
                {t('resultsFrameworks.delete')}
              </Button>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap={4}>
            <ProgressLine progress={i.progress} status={i.status.status} locale={locale} />
            {i.source && (
              <Text size="xs" c="dimmed">
                {i.source.available
                  ? t('resultsFrameworks.sourceCounted', {
                      source: t(`resultsFrameworks.sources.${sourceKey(i.source.key)}`),
                      at: formatDateTime(i.source.countedAt, locale),
                    })
                  : t(`resultsFrameworks.sourceGap.${i.source.reason ?? 'source_not_available'}`, {
                      source: t(`resultsFrameworks.sources.${sourceKey(i.source.key)}`),
                    })}
              </Text>
            )}
            {i.source && (
              <Text size="xs" c="dimmed">
                {t(`resultsFrameworks.sourceBasis.${sourceKey(i.source.key)}`)}
              </Text>
            )}
          </Stack>
          <ProgressChart indicator={i} locale={locale} />
        </SimpleGrid>
        {i.periods.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label={t('resultsFrameworks.periods')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('resultsFrameworks.period')}</Table.Th>
                  <Table.Th>{t('resultsFrameworks.target')}</Table.Th>
                  <Table.Th>{t('resultsFrameworks.actual')}</Table.Th>
                  <Table.Th>{t('resultsFrameworks.progress')}</Table.Th>
                  {i.source && <Table.Th>{t('resultsFrameworks.platformFigure')}</Table.Th>}
                  <Table.Th>{t('resultsFrameworks.evidence')}</Table.Th>
                  {write && (
                    <Table.Th>
                      <span className="sr-only">{t('common.actions')}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.periods.map((p) => (
                  <PeriodRow key={p.id} {...props} period={p} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {write && (
          <Group>
            <Button size="xs" variant="light" onClick={() => props.onAddPeriod(i)}>
              {t('resultsFrameworks.addPeriod')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function PeriodRow(props: ResultCardProps & { indicator: TIndicator; period: TPeriod }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { indicator: i, period: p, write } = props;
  const platform = p.platform;
  const differs = platform !== null && platform.value !== (p.actual?.value ?? null);
  const comment = (c: Record<string, string>) => pickLocalized(c, locale);
  return (
    <Table.Tr>
      <Table.Td>
        {t('resultsFrameworks.periodRange', {
          start: formatDate(p.start, locale),
          end: formatDate(p.end, locale),
        })}
      </Table.Td>
      <Table.Td>
        {num(p.target.value, locale)}
        {comment(p.target.comment) && (
          <Text size="xs" c="dimmed" dir="auto">
            {comment(p.target.comment)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {p.actual ? (
          num(p.actual.value, locale)
        ) : (
          <Text c="dimmed" size="sm">
            {t('resultsFrameworks.notReported')}
          </Text>
        )}
        {p.actual && comment(p.actual.comment) && (
          <Text size="xs" c="dimmed" dir="auto">
            {comment(p.actual.comment)}
          </Text>
        )}
        {p.actual && p.actual.breakdown.length > 0 && (
          <Text size="xs" c="dimmed">
            {breakdownText(p.actual.breakdown, t, locale)}
          </Text>
        )}
        {p.actualSourceKey && p.actualCopiedAt && (
          <Text size="xs" c="dimmed">
            {t('resultsFrameworks.copiedAt', { at: formatDateTime(p.actualCopiedAt, locale) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={140}>
        <ProgressLine progress={p.progress} status={i.status.status} locale={locale} />
      </Table.Td>
      {i.source && (
        <Table.Td>
          {platform ? (
            <Stack gap={2}>
              <Text fw={500}>{num(platform.value, locale)}</Text>
              {platform.breakdown.length > 0 && (
                <Text size="xs" c="dimmed">
                  {breakdownText(platform.breakdown, t, locale)}
                </Text>
              )}
              {platform.contributors.map((c) => (
                <Anchor
                  key={`${c.kind}-${c.id}`}
                  size="xs"
                  component={Link}
                  to={CONTRIBUTOR_PATHS[c.kind](c.id)}
                  dir="auto"
                >
                  {t('resultsFrameworks.contributor', {
                    name: pickLocalized(c.label, locale),
                    count: c.count,
                  })}
                </Anchor>
              ))}
              {platform.undated > 0 && (
                <Text size="xs" c="orange">
                  {t('resultsFrameworks.undated', { count: platform.undated })}
                </Text>
              )}
              {write && differs && (
                <Button size="compact-xs" variant="light" onClick={() => props.onCopyFigure(p)}>
                  {t('resultsFrameworks.copyFigure')}
                </Button>
              )}
            </Stack>
          ) : (
            <Text size="xs" c="dimmed">
              {t('resultsFrameworks.noFigure')}
            </Text>
          )}
        </Table.Td>
      )}
      <Table.Td>
        <EvidenceCell projectId={props.projectId} period={p} write={write} />
      </Table.Td>
      {write && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="default" onClick={() => props.onEditPeriod(i, p)}>
              {t('common.edit')}
            </Button>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('resultsFrameworks.deletePeriod')}
              onClick={() => props.onDeletePeriod(p)}
            >
              ×
            </ActionIcon>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function breakdownText(
  b: TPeriod['target']['breakdown'],
  t: ReturnType<typeof useTranslation>['t'],
  locale: string,
): string {
  return b
    .map(
      (x) =>
        `${x.dimensions
          .map((d) => t(`resultsFrameworks.dimensionValues.${d.value}`, { defaultValue: d.value }))
          .join(' × ')} ${num(x.value, locale)}`,
    )
    .join(' · ');
}

const ACCEPT = DOCUMENT_FILE_EXTENSIONS.map((e) => `.${e}`).join(',');

function EvidenceCell({ projectId, period, write }: { projectId: string; period: TPeriod; write: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { upload, remove } = useEvidence(projectId);
  const max = formatBytes(EVIDENCE_MAX_BYTES, locale);
  return (
    <Stack gap={2}>
      {period.evidence.map((e) => (
        <Group key={e.id} gap={4} wrap="nowrap">
          <Anchor
            size="xs"
            href={apiUrl(evidencePath(projectId, period.id, e.id))}
            target="_blank"
            rel="noopener"
            dir="auto"
          >
            {e.title}
          </Anchor>
          {write && (
            <ActionIcon
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('resultsFrameworks.deleteEvidence', { name: e.title })}
              onClick={() => {
                if (window.confirm(t('resultsFrameworks.deleteEvidence', { name: e.title }))) {
                  remove.mutate(
                    { periodId: period.id, evidenceId: e.id },
                    { onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) },
                  );
                }
              }}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {write && (
        <FileInput
          size="xs"
          w={180}
          accept={ACCEPT}
          aria-label={t('resultsFrameworks.uploadEvidence')}
          placeholder={t('resultsFrameworks.uploadEvidence')}
          // The placeholder is the field's only visible text: the theme's dimmed colour keeps it at AA
          // contrast (Mantine's placeholder grey is 2.1:1 on white).
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          value={null}
          disabled={upload.isPending}
          onChange={(file) => {
            if (!file) {
              return;
            }
            if (file.size > EVIDENCE_MAX_BYTES) {
              notifications.show({ color: 'red', message: t('resultsFrameworks.evidenceTooLarge', { max }) });
              return;
            }
            upload.mutate(
              { periodId: period.id, file, title: '' },
              {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: t('resultsFrameworks.evidenceUploaded') }),
                onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
              },
            );
          }}
        />
      )}
      {period.evidence.length === 0 && !write && (
        <Text size="xs" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}
