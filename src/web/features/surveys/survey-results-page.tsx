import {
  Alert,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TSurveyAnalytics } from '../../../contracts/surveys.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useSurveyAnalytics } from './api';
import { BarChart, ColumnChart } from './charts';
import { BAND_COLORS } from './labels';

type A = TSurveyAnalytics;

function num(value: number | null | undefined, digits = 2) {
  return value === null || value === undefined
    ? '—'
    : formatNumber(value, currentLocale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function GainSection({ gain }: { gain: NonNullable<A['gain']> }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const locale = currentLocale();
  const band = (b: 'low' | 'medium' | 'high' | null) =>
    b && (
      <Badge color={BAND_COLORS[b]} variant="light">
        {t(`surveys.results.bands.${b}`)}
      </Badge>
    );
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('surveys.results.gainTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          <Link to={`/surveys/${gain.preTest.id}`}>{pickLocalized(gain.preTest.title, locale)}</Link> →{' '}
          <Link to={`/surveys/${gain.postTest.id}`}>{pickLocalized(gain.postTest.title, locale)}</Link>
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure
            label={t('surveys.results.classGain')}
            value={
              <Group gap="xs">
                {num(gain.classGain)}
                {band(gain.classGainBand)}
              </Group>
            }
            hint={t('surveys.results.classGainHint')}
          />
          <Figure
            label={t('surveys.results.meanGain')}
            value={
              <Group gap="xs">
                {num(gain.meanIndividualGain)}
                {band(gain.meanIndividualGainBand)}
              </Group>
            }
            hint={t('surveys.results.meanGainHint', { n: gain.nIndividual })}
          />
          <Figure
            label={t('surveys.results.pairs')}
            value={gain.n}
            hint={t('surveys.results.dropOut', {
              preOnly: gain.preOnly,
              postOnly: gain.postOnly,
              atMax: gain.preAtMaximum,
            })}
          />
        </SimpleGrid>
        <BarChart
          title={t('surveys.results.prePost')}
          max={100}
          bars={[
            {
              label: t('surveys.results.preMean'),
              value: gain.preMean ?? 0,
              caption: `${num(gain.preMean, 1)} %`,
              color: theme.colors.gray[5],
            },
            {
              label: t('surveys.results.postMean'),
              value: gain.postMean ?? 0,
              caption: `${num(gain.postMean, 1)} %`,
            },
          ]}
        />
        <BarChart
          title={t('surveys.results.bandDistribution')}
          bars={(['low', 'medium', 'high'] as const).map((b) => ({
            label: t(`surveys.results.bands.${b}`),
            value: gain.bands[b],
            caption: String(gain.bands[b]),
            color: theme.colors[BAND_COLORS[b]]?.[6],
          }))}
        />
        {gain.participants && gain.participants.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped aria-label={t('surveys.results.perParticipant')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.detail.participant')}</Table.Th>
                  <Table.Th>{t('surveys.results.pre')}</Table.Th>
                  <Table.Th>{t('surveys.results.post')}</Table.Th>
                  <Table.Th>g</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {gain.participants.map((p) => (
                  <Table.Tr key={p.participantId}>
                    <Table.Td dir="auto">{p.name}</Table.Td>
                    <Table.Td>{num(p.pre, 1)} %</Table.Td>
                    <Table.Td>{num(p.post, 1)} %</Table.Td>
                    <Table.Td>
                      {p.g === null ? (
                        <Text size="sm" c="dimmed">
                          {t(`surveys.results.reasons.${p.reason ?? 'score_out_of_range'}`)}
                        </Text>
                      ) : (
                        <Group gap="xs">
                          {num(p.g)}
                          {band(p.band)}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function QuestionResult({ q }: { q: A['questions'][number] }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const locale = currentLocale();
  let body: React.ReactNode = null;
  if (q.likert) {
    const l = q.likert;
    body = (
      <>
        <Text size="sm">
          {t('surveys.results.likertLine', { n: l.n, mean: num(l.mean), sd: num(l.sd), missing: l.missing })}
          {q.reverseCoded && ` · ${t('surveys.results.alignedMean', { mean: num(l.alignedMean) })}`}
        </Text>
        <ColumnChart
          title={t('surveys.results.distribution')}
          counts={l.counts}
          firstValue={1}
          colorOf={(v) => theme.colors.blue[Math.min(9, 3 + v)] ?? theme.colors.blue[6]}
        />
      </>
    );
  } else if (q.nps) {
    const n = q.nps;
    body = (
      <>
        <Group gap="lg">
          <Text fw={700} size="xl">
            {t('surveys.results.npsValue', { score: num(n.score, 1) })}
          </Text>
          <Text size="sm">
            {t('surveys.results.npsLine', {
              promoters: n.promoters,
              passives: n.passives,
              detractors: n.detractors,
              n: n.n,
            })}
          </Text>
        </Group>
        <ColumnChart
          title={t('surveys.results.distribution')}
          counts={n.counts}
          firstValue={0}
          colorOf={(v) =>
            v >= 9 ? theme.colors.green[6] : v >= 7 ? theme.colors.yellow[5] : theme.colors.red[6]
          }
        />
      </>
    );
  } else if (q.choices) {
    body = (
      <BarChart
        title={t('surveys.results.distribution')}
        max={100}
        bars={q.choices.map((c) => ({
          label: `${c.correct ? '✓ ' : ''}${pickLocalized(c.label, locale)}`,
          value: c.percent ?? 0,
          caption: `${c.count} · ${num(c.percent, 0)} %`,
          color: c.correct ? theme.colors.green[6] : undefined,
        }))}
      />
    );
  } else if (q.number) {
    const n = q.number;
    body = (
      <Text size="sm">
        {t('surveys.results.numberLine', {
          n: n.n,
          mean: num(n.mean),
          sd: num(n.sd),
          min: num(n.min),
          max: num(n.max),
        })}
      </Text>
    );
  } else if (q.type === 'text') {
    body =
      q.texts === null ? (
        <Text size="sm" c="dimmed">
          {t('surveys.results.textsHidden', { count: q.answered })}
        </Text>
      ) : q.texts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('surveys.results.noAnswers')}
        </Text>
      ) : (
        <Stack gap={4}>
          {q.texts.map((text, i) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of answers in a fixed order
              key={`${i}-${text.slice(0, 10)}`}
              size="sm"
              dir="auto"
              style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)', paddingInlineStart: 8 }}
            >
              {text}
            </Text>
          ))}
        </Stack>
      );
  }
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text fw={600} dir="auto">
            {pickLocalized(q.text, locale)}
          </Text>
          <Group gap={4}>
            <Badge variant="outline" size="sm">
              {t(`surveys.types.${q.type}`)}
            </Badge>
            {q.scaleKey && (
              <Badge size="sm" variant="light">
                {q.scaleKey}
              </Badge>
            )}
            {q.percentCorrect !== null && (
              <Badge size="sm" color="green" variant="light">
                {t('surveys.results.percentCorrect', { percent: num(q.percentCorrect, 0) })}
              </Badge>
            )}
          </Group>
        </Group>
        {body}
      </Stack>
    </Card>
  );
}

/** Results of one survey: response rate, reliability, NPS, items, test, gain, application, ROI. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const q = useSurveyAnalytics(id);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error || !q.data) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const a = q.data;
  return (
    <Stack>
      <PageHeader
        title={
          <span dir="auto">
            {t('surveys.results.title', { title: pickLocalized(a.survey.title, locale) })}
          </span>
        }
        subtitle={
          <Group gap="xs">
            <Badge variant="light">{t(`surveys.levels.${a.survey.level}`)}</Badge>
            {a.survey.cohortName && <Text c="dimmed">{a.survey.cohortName}</Text>}
            <Link to={`/surveys/${a.survey.id}`}>{t('surveys.results.back')}</Link>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('surveys.results.responses')} value={a.counts.responses} />
        <Figure
          label={t('surveys.fields.responseRate')}
          value={a.counts.responseRate === null ? '—' : `${num(a.counts.responseRate, 0)} %`}
          hint={t('surveys.results.rateHint', { responded: a.counts.responded, invited: a.counts.invited })}
        />
        {a.test && (
          <Figure
            label={t('surveys.results.testMean')}
            value={`${num(a.test.meanPercent, 1)} %`}
            hint={t('surveys.results.testHint', {
              sd: num(a.test.sdPercent, 1),
              n: a.test.n,
              points: a.test.maxPoints,
            })}
          />
        )}
        {a.application && (
          <Figure
            label={t('surveys.results.applicationRate')}
            value={
              a.application.applicationRate === null ? '—' : `${num(a.application.applicationRate, 0)} %`
            }
            hint={t('surveys.results.applicationHint', {
              applied: a.application.applied,
              responded: a.application.responded,
            })}
          />
        )}
      </SimpleGrid>
      {a.counts.responses < 2 && <Alert color="blue">{t('surveys.results.fewResponses')}</Alert>}
      {a.scales.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('surveys.results.reliability')}
          </Title>
          <Table aria-label={t('surveys.results.reliability')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.builder.scaleKey')}</Table.Th>
                <Table.Th>α</Table.Th>
                <Table.Th>{t('surveys.results.standardized')}</Table.Th>
                <Table.Th>{t('surveys.results.itemsRespondents')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.scales.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{s.key}</Table.Td>
                  <Table.Td>
                    {s.alpha === null ? (
                      <Text size="sm" c="dimmed">
                        {t(`surveys.results.alphaReasons.${s.reason ?? 'too_few_respondents'}`)}
                      </Text>
                    ) : (
                      <Group gap="xs">
                        {num(s.alpha, 3)}
                        <Badge color={s.acceptable ? 'green' : 'orange'} variant="light">
                          {s.acceptable ? t('surveys.results.acceptable') : t('surveys.results.low')}
                        </Badge>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{num(s.standardizedAlpha, 3)}</Table.Td>
                  <Table.Td>{t('surveys.results.kn', { k: s.k, n: s.n, excluded: s.excluded })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {a.gain && <GainSection gain={a.gain} />}
      {a.roi && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('surveys.results.roiTitle')}
          </Title>
          {a.roi.ok && a.roi.currency ? (
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Figure label={t('surveys.results.bcr')} value={num(a.roi.benefitCostRatio)} />
              <Figure label={t('surveys.results.roi')} value={`${num(a.roi.roiPercent, 1)} %`} />
              <Figure
                label={t('surveys.results.benefits')}
                value={formatMinor(a.roi.benefitsMinor ?? 0, a.roi.currency, locale)}
              />
              <Figure
                label={t('surveys.results.costs')}
                value={formatMinor(a.roi.costsMinor ?? 0, a.roi.currency, locale)}
                hint={t(`surveys.results.costsSource.${a.roi.costsSource ?? 'spending'}`)}
              />
            </SimpleGrid>
          ) : (
            <Alert color="orange">{t(`surveys.results.roiProblems.${a.roi.problem ?? 'no_costs'}`)}</Alert>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t('surveys.results.roiNote')}
          </Text>
        </Card>
      )}
      <Title order={2} size="h4">
        {t('surveys.results.items')}
      </Title>
      {a.questions.map((x) => (
        <QuestionResult key={x.id} q={x} />
      ))}
    </Stack>
  );
}
