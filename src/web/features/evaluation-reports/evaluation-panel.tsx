import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../../contracts/common.js';
import type { TEvaluationSummary, TProjectEvaluation } from '../../../contracts/evaluation-reports.js';
import type { TSurveyAnalytics } from '../../../contracts/surveys.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { currentLocale, LOCALE_LABELS, LOCALES } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { ProgressLine, StatusBadge } from '../results-frameworks/labels';
import { ProgressChart } from '../results-frameworks/progress-chart';
import { BarChart, ColumnChart } from '../surveys/charts';
import { BAND_COLORS } from '../surveys/labels';
import { type EvaluationScope, portfolioReportUrl, projectReportUrl, useProjectEvaluation } from './api';

type Analytics = TSurveyAnalytics;
const LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;

function num(value: number | null | undefined, digits = 2) {
  return value === null || value === undefined
    ? '—'
    : formatNumber(value, currentLocale(), { maximumFractionDigits: digits });
}

function pct(value: number | null | undefined, digits = 1) {
  return value === null || value === undefined ? '—' : `${num(value, digits)} %`;
}

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" component="div">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function Band({ band }: { band: 'low' | 'medium' | 'high' | null }) {
  const { t } = useTranslation();
  return band ? (
    <Badge color={BAND_COLORS[band]} variant="light" ml="xs">
      {t(`evaluationReports.bands.${band}`)}
    </Badge>
  ) : null;
}

/** The headline figures: pooled where pooling is meaningful (see the note under them). */
function KeyFigures({ s, programme }: { s: TEvaluationSummary; programme: boolean }) {
  const { t } = useTranslation();
  const by = s.indicators.byStatus;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      {programme && <Figure label={t('evaluationReports.figures.projects')} value={s.projects} />}
      <Figure
        label={t('evaluationReports.figures.participants')}
        value={num(s.participants, 0)}
        hint={t('evaluationReports.figures.completed', { n: s.completed })}
      />
      <Figure
        label={t('evaluationReports.figures.indicators')}
        value={s.indicators.total}
        hint={t('evaluationReports.figures.indicatorHint', {
          achieved: by.achieved ?? 0,
          onTrack: by.on_track ?? 0,
          atRisk: by.at_risk ?? 0,
          offTrack: by.off_track ?? 0,
        })}
      />
      <Figure
        label={t('evaluationReports.figures.responses')}
        value={num(s.surveys.responses, 0)}
        hint={t('evaluationReports.figures.surveys', { n: s.surveys.total })}
      />
      <Figure
        label={t('evaluationReports.figures.nps')}
        value={s.nps ? num(s.nps.score, 1) : '—'}
        hint={s.nps ? t('evaluationReports.figures.npsHint', { n: s.nps.n }) : undefined}
      />
      <Figure
        label={t('evaluationReports.figures.alpha')}
        value={
          s.alpha
            ? s.alpha.min === s.alpha.max
              ? num(s.alpha.min)
              : `${num(s.alpha.min)} – ${num(s.alpha.max)}`
            : '—'
        }
        hint={
          s.alpha
            ? t('evaluationReports.figures.alphaHint', {
                ok: s.alpha.acceptable,
                n: s.alpha.scales,
                threshold: num(s.alpha.threshold),
              })
            : undefined
        }
      />
      <Figure
        label={t('evaluationReports.figures.classGain')}
        value={
          <>
            {num(s.gain?.classGain)}
            <Band band={s.gain?.classGainBand ?? null} />
          </>
        }
        hint={s.gain ? t('evaluationReports.figures.gainHint', { n: s.gain.n }) : undefined}
      />
      <Figure
        label={t('evaluationReports.figures.meanGain')}
        value={
          <>
            {num(s.gain?.meanIndividualGain)}
            <Band band={s.gain?.meanIndividualGainBand ?? null} />
          </>
        }
        hint={s.gain ? t('evaluationReports.figures.meanGainHint', { n: s.gain.nIndividual }) : undefined}
      />
      <Figure
        label={t('evaluationReports.figures.application')}
        value={pct(s.application?.applicationRate)}
        hint={
          s.application
            ? t('evaluationReports.figures.applicationHint', {
                applied: s.application.applied,
                responded: s.application.responded,
                rate: pct(s.application.responseRate, 0),
              })
            : undefined
        }
      />
      <Figure
        label={t('evaluationReports.figures.roi')}
        value={s.roi?.ok ? pct(s.roi.roiPercent) : '—'}
        hint={
          s.roi?.ok
            ? t('evaluationReports.figures.roiHint', { bcr: num(s.roi.benefitCostRatio) })
            : s.roi?.problem
              ? t(`evaluationReports.roiProblems.${s.roi.problem}`)
              : undefined
        }
      />
    </SimpleGrid>
  );
}

/** Download the report as PDF (in one or two languages) and its data as XLSX. */
function Downloads({ projectId, scope }: { projectId: string; scope: EvaluationScope }) {
  const { t } = useTranslation();
  const own = currentLocale();
  const [first, setFirst] = useState<Locale>(own);
  const [second, setSecond] = useState<Locale | null>(own === 'en' ? 'zh-CN' : 'en');
  const langs = [first, ...(second && second !== first ? [second] : [])];
  const options = LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }));
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('evaluationReports.downloads.title')}
        </Title>
        <Group align="end">
          <Select
            label={t('evaluationReports.downloads.first')}
            data={options}
            value={first}
            allowDeselect={false}
            onChange={(v) => v && setFirst(v as Locale)}
            w={160}
          />
          <Select
            label={t('evaluationReports.downloads.second')}
            data={options.filter((o) => o.value !== first)}
            value={second === first ? null : second}
            clearable
            placeholder={t('evaluationReports.downloads.none')}
            onChange={(v) => setSecond(v as Locale | null)}
            w={160}
          />
          <Button component="a" href={projectReportUrl(projectId, 'pdf', scope, langs)}>
            {t('evaluationReports.downloads.pdf')}
          </Button>
          <Button component="a" variant="default" href={projectReportUrl(projectId, 'xlsx', scope, langs)}>
            {t('evaluationReports.downloads.xlsx')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('evaluationReports.downloads.hint')}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * Download the college's portfolio report of a year. Exported for the portfolio dashboard
 * (/evaluation), which places it among its own cards.
 */
export function PortfolioReportDownloads({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation();
  const own = currentLocale();
  const [year, setYear] = useState(String(defaultYear));
  const langs: Locale[] = own === 'en' ? ['en'] : ['en', own];
  const years = Array.from({ length: 8 }, (_, i) => String(defaultYear + 1 - i));
  return (
    <Group align="end">
      <Select
        label={t('evaluationReports.downloads.year')}
        data={years}
        value={year}
        allowDeselect={false}
        onChange={(v) => v && setYear(v)}
        w={110}
      />
      <Button component="a" href={portfolioReportUrl('pdf', Number(year), langs)}>
        {t('evaluationReports.downloads.portfolioPdf')}
      </Button>
      <Button component="a" variant="default" href={portfolioReportUrl('xlsx', Number(year), langs)}>
        {t('evaluationReports.downloads.portfolioXlsx')}
      </Button>
    </Group>
  );
}

function Indicators({ e }: { e: TProjectEvaluation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const multi = e.projects.length > 1;
  const any = e.frameworks.some((f) => f.framework.results.some((r) => r.indicators.length > 0));
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('evaluationReports.indicators.title')}
        </Title>
        {!any && <Text c="dimmed">{t('evaluationReports.indicators.none')}</Text>}
        {e.frameworks.map(({ projectId, framework }) => {
          const project = e.projects.find((p) => p.id === projectId);
          const indicators = framework.results.flatMap((r) => r.indicators.map((i) => ({ r, i })));
          if (indicators.length === 0) {
            return null;
          }
          return (
            <Stack key={projectId} gap="sm">
              {multi && project && (
                <Title order={3} size="h5">
                  <Anchor component={Link} to={`/projects/${project.id}/evaluation`}>
                    {project.code} · {pickLocalized(project.title, locale)}
                  </Anchor>
                </Title>
              )}
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {indicators.map(({ r, i }) => (
                  <Card key={i.id} withBorder padding="sm">
                    <Stack gap={6}>
                      <Group justify="space-between" wrap="nowrap" align="start">
                        <div>
                          <Text size="xs" c="dimmed">
                            {t(`resultsFrameworks.resultTypes.${r.type}`)} · {pickLocalized(r.title, locale)}
                          </Text>
                          <Text fw={600}>
                            {i.code ? `${i.code} ` : ''}
                            {pickLocalized(i.title, locale)}
                          </Text>
                        </div>
                        <StatusBadge status={i.status.status} />
                      </Group>
                      <ProgressChart indicator={i} locale={locale} />
                      <ProgressLine progress={i.progress} status={i.status.status} locale={locale} />
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
            </Stack>
          );
        })}
        {multi && any && (
          <Text size="xs" c="dimmed">
            {t('evaluationReports.indicators.notPooled')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function SurveyCard({ a, projectCode }: { a: Analytics; projectCode: string | null }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const locale = currentLocale();
  const likert = a.questions.filter((q) => q.likert && q.likert.n > 0);
  const nps = a.questions.find((q) => q.nps && q.nps.n > 0)?.nps ?? null;
  const c = a.counts;
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="start">
          <div>
            <Anchor component={Link} to={`/surveys/${a.survey.id}/results`} fw={600}>
              {pickLocalized(a.survey.title, locale)}
            </Anchor>
            <Text size="xs" c="dimmed">
              {[
                a.survey.testPhase ? t(`evaluationReports.phases.${a.survey.testPhase}`) : null,
                a.survey.cohortName,
                projectCode,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <Text size="sm" c="dimmed">
            {c.invited > 0
              ? t('evaluationReports.surveys.responses', {
                  responded: c.responded,
                  invited: c.invited,
                  rate: pct(c.responseRate, 0),
                })
              : t('evaluationReports.surveys.responsesOnly', { n: c.responses })}
          </Text>
        </Group>
        {likert.length > 0 && (
          <BarChart
            title={t('evaluationReports.surveys.itemMeans')}
            bars={likert.map((q) => ({
              label: pickLocalized(q.text, locale),
              value: q.likert?.alignedMean ?? 0,
              caption: `${num(q.likert?.mean)} · n ${q.likert?.n}`,
            }))}
            max={Math.max(...likert.map((q) => q.likert?.points ?? 5))}
          />
        )}
        {nps && (
          <Group align="center" wrap="wrap">
            <div style={{ flex: '1 1 320px', maxWidth: 520 }}>
              <ColumnChart
                title={t('evaluationReports.surveys.npsDistribution')}
                counts={nps.counts}
                firstValue={0}
                colorOf={(v) =>
                  v >= 9 ? theme.colors.green[6] : v >= 7 ? theme.colors.gray[5] : theme.colors.red[6]
                }
              />
            </div>
            <Figure
              label={t('evaluationReports.figures.nps')}
              value={num(nps.score, 1)}
              hint={t('evaluationReports.surveys.npsGroups', {
                promoters: nps.promoters,
                passives: nps.passives,
                detractors: nps.detractors,
              })}
            />
          </Group>
        )}
        {a.scales.length > 0 && (
          <Table withTableBorder aria-label={t('evaluationReports.surveys.alpha')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluationReports.surveys.scale')}</Table.Th>
                <Table.Th>{t('evaluationReports.surveys.itemsN')}</Table.Th>
                <Table.Th>{t('evaluationReports.surveys.alpha')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.scales.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{s.key}</Table.Td>
                  <Table.Td>{t('evaluationReports.surveys.kn', { k: s.k, n: s.n })}</Table.Td>
                  <Table.Td>
                    {s.alpha === null
                      ? t(`evaluationReports.alphaReasons.${s.reason ?? 'too_few_respondents'}`)
                      : `${num(s.alpha)} · ${t(s.acceptable ? 'evaluationReports.surveys.acceptable' : 'evaluationReports.surveys.low')}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {a.gain && a.survey.testPhase === 'post' && (
          <Stack gap="xs">
            <BarChart
              title={t('evaluationReports.surveys.prePost')}
              max={100}
              bars={[
                {
                  label: t('evaluationReports.surveys.preMean'),
                  value: a.gain.preMean ?? 0,
                  caption: pct(a.gain.preMean),
                  color: theme.colors.gray[5],
                },
                {
                  label: t('evaluationReports.surveys.postMean'),
                  value: a.gain.postMean ?? 0,
                  caption: pct(a.gain.postMean),
                },
              ]}
            />
            <Text size="sm">
              {t('evaluationReports.figures.classGain')}: {num(a.gain.classGain)}
              <Band band={a.gain.classGainBand} /> · {t('evaluationReports.figures.meanGain')}:{' '}
              {num(a.gain.meanIndividualGain)}
              <Band band={a.gain.meanIndividualGainBand} />
            </Text>
          </Stack>
        )}
        {a.application && (
          <BarChart
            title={t('evaluationReports.figures.application')}
            max={100}
            bars={[
              {
                label: t('evaluationReports.figures.application'),
                value: a.application.applicationRate ?? 0,
                caption: pct(a.application.applicationRate),
                color: theme.colors.teal[6],
              },
            ]}
          />
        )}
        {a.roi &&
          (a.roi.ok && a.roi.currency ? (
            <Text size="sm">
              {t('evaluationReports.surveys.roiLine', {
                benefits: formatMinor(a.roi.benefitsMinor ?? 0, a.roi.currency, locale),
                costs: formatMinor(a.roi.costsMinor ?? 0, a.roi.currency, locale),
                bcr: num(a.roi.benefitCostRatio),
                roi: pct(a.roi.roiPercent),
              })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t(`evaluationReports.roiProblems.${a.roi.problem ?? 'no_costs'}`)}
            </Text>
          ))}
      </Stack>
    </Card>
  );
}

function Surveys({ e }: { e: TProjectEvaluation }) {
  const { t } = useTranslation();
  const multi = e.projects.length > 1;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('evaluationReports.surveys.title')}
        </Title>
        {e.surveys.length === 0 && <Text c="dimmed">{t('evaluationReports.surveys.none')}</Text>}
        {LEVELS.map((level) => {
          const of = e.surveys.filter((s) => s.analytics.survey.level === level);
          return of.length === 0 ? null : (
            <Stack key={level} gap="sm">
              <Title order={3} size="h5">
                {t(`evaluationReports.levels.${level}`)}
              </Title>
              {of.map((s) => (
                <SurveyCard
                  key={s.analytics.survey.id}
                  a={s.analytics}
                  projectCode={multi ? (e.projects.find((p) => p.id === s.projectId)?.code ?? null) : null}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}

/**
 * The evaluation of a project, or of a programme with its sub-projects: headline figures,
 * indicator progress over periods, and the surveys by Kirkpatrick level, all as the results
 * framework and survey services computed them; with the report downloads.
 */
export function ProjectEvaluationPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<EvaluationScope>('project');
  const q = useProjectEvaluation(projectId, scope);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const e = q.data;
  const programme = e.scope === 'programme';
  return (
    <Stack>
      {(e.hasSubProjects || programme) && (
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as EvaluationScope)}
          data={[
            { value: 'project', label: t('evaluationReports.scope.project') },
            {
              value: 'programme',
              label: t('evaluationReports.scope.programme'),
            },
          ]}
          aria-label={t('evaluationReports.scope.label')}
          w="fit-content"
        />
      )}
      <Text size="sm" c="dimmed">
        {t('evaluationReports.asOf', { date: e.today })}
      </Text>
      <KeyFigures s={e.summary} programme={programme} />
      {(programme || e.surveys.length > 1) && (
        <Alert variant="light" color="gray">
          {t('evaluationReports.pooledNote')}
        </Alert>
      )}
      <Downloads projectId={projectId} scope={scope} />
      <Indicators e={e} />
      <Surveys e={e} />
    </Stack>
  );
}
