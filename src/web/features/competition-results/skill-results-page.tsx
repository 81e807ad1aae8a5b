import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Menu,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TSkillResults } from '../../../contracts/competition-results.js';
import { parseRational, toFixed } from '../../../domain/competitions/rational.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { exportUrl, type ResultsAction, useJudgeAnalysis, useResultsAction, useSkillResults } from './api';
import { SkillResultsTable } from './results-tables';

const STATE_COLORS = { open: 'gray', signed_off: 'blue', published: 'green' } as const;

/** A stored exact value ("515/6") as a number people read (85.83), in the reader's locale. */
function readable(exact: string, locale: string): string {
  const r = parseRational(exact);
  return r ? formatNumber(Number(toFixed(r, 6)), locale, { maximumFractionDigits: 2 }) : exact;
}
const NEEDS_REASON: ReadonlySet<ResultsAction> = new Set(['withdraw-sign-off', 'unpublish']);
const ACTION_KEY: Record<ResultsAction, string> = {
  'sign-off': 'signOff',
  'withdraw-sign-off': 'withdrawSignOff',
  publish: 'publish',
  unpublish: 'unpublish',
};

function ConfirmAction({
  action,
  data,
  onClose,
  onReload,
}: {
  action: ResultsAction;
  data: TSkillResults;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useResultsAction(data.skill.id);
  const [reason, setReason] = useState('');
  const key = ACTION_KEY[action];
  const needsReason = NEEDS_REASON.has(action);
  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT';
  return (
    <Modal opened onClose={onClose} title={t(`competitionResults.confirm.${key}Title`)}>
      <Stack>
        <Text size="sm">{t(`competitionResults.confirm.${key}Body`)}</Text>
        {needsReason && (
          <Textarea
            label={t('competitionResults.confirm.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {conflict && (
          <VersionConflictAlert
            onReload={() => {
              onReload();
              onClose();
            }}
          />
        )}
        {mutation.error && !conflict && <ErrorState error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'unpublish' || action === 'withdraw-sign-off' ? 'red' : undefined}
            loading={mutation.isPending}
            disabled={needsReason && reason.trim().length < 3}
            onClick={() =>
              mutation.mutate(
                { action, version: data.skill.version, reason: needsReason ? reason.trim() : undefined },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t(`competitionResults.done.${key}`) });
                    onClose();
                  },
                },
              )
            }
          >
            {t(`competitionResults.actions.${key}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function JudgeAnalysisCard({ skillId }: { skillId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const q = useJudgeAnalysis(skillId, true);
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, locale, { maximumFractionDigits: 2 }));
  return (
    <Card withBorder component="section" aria-labelledby="judge-analysis">
      <Stack gap="xs">
        <Title order={2} size="h4" id="judge-analysis">
          {t('competitionResults.judges.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('competitionResults.judges.explain', { spread: q.data?.maxJudgeSpread ?? 1 })}
        </Text>
        {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
        {q.data && q.data.rows.length === 0 && <Text size="sm">{t('competitionResults.judges.empty')}</Text>}
        {q.data && q.data.rows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('competitionResults.judges.judge')}</Table.Th>
                  <Table.Th scope="col">{t('competitionResults.judges.scores')}</Table.Th>
                  <Table.Th scope="col">{t('competitionResults.judges.meanScore')}</Table.Th>
                  <Table.Th scope="col">{t('competitionResults.judges.meanDeviation')}</Table.Th>
                  <Table.Th scope="col">{t('competitionResults.judges.meanAbsoluteDeviation')}</Table.Th>
                  <Table.Th scope="col">{t('competitionResults.judges.spreadViolations')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.rows.map((r) => (
                  <Table.Tr key={r.judgeExpertId}>
                    <Table.Th scope="row" fw={500}>
                      {r.name}
                      {r.memberCode ? ` (${r.memberCode})` : ''}
                    </Table.Th>
                    <Table.Td>{r.scores}</Table.Td>
                    <Table.Td dir="ltr">{n(r.meanScore)}</Table.Td>
                    <Table.Td dir="ltr" c={Math.abs(r.meanDeviation ?? 0) >= 0.5 ? 'red' : undefined}>
                      {r.meanDeviation !== null && r.meanDeviation > 0 ? '+' : ''}
                      {n(r.meanDeviation)}
                    </Table.Td>
                    <Table.Td dir="ltr">{n(r.meanAbsoluteDeviation)}</Table.Td>
                    <Table.Td>
                      {r.spreadViolations > 0 ? (
                        <Badge color="red">{r.spreadViolations}</Badge>
                      ) : (
                        r.spreadViolations
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

/** /competitions/:competitionId/skills/:skillId/results — preview, sign-off, publication, exports, judges. */
export function SkillResultsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId = '', skillId = '' } = useParams();
  const q = useSkillResults(skillId);
  const [action, setAction] = useState<ResultsAction | null>(null);

  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.isError) {
    const embargoed = q.error instanceof ApiError && q.error.status === 404;
    return embargoed ? (
      <Alert color="gray" title={t('competitionResults.embargoedTitle')}>
        {t('competitionResults.embargoedBody')}
      </Alert>
    ) : (
      <ErrorState error={q.error} onRetry={() => void q.refetch()} />
    );
  }
  const d = q.data;
  const name = pickLocalized(d.skill.names, locale);
  const { formsLocked, formsTotal } = d.completeness;
  const percent = formsTotal === 0 ? 0 : Math.round((100 * formsLocked) / formsTotal);
  const buttons: Array<[ResultsAction, boolean]> = [
    ['sign-off', d.abilities.signOff],
    ['withdraw-sign-off', d.abilities.withdrawSignOff],
    ['publish', d.abilities.publish],
    ['unpublish', d.abilities.unpublish],
  ];
  return (
    <Stack>
      <PageHeader
        title={t('competitionResults.skillTitle', { number: d.skill.number, name })}
        subtitle={
          <Group gap="xs">
            <Badge color={STATE_COLORS[d.skill.resultsState]}>
              {t(`competitionResults.state.${d.skill.resultsState}`)}
            </Badge>
            <Anchor component={Link} to={`/competitions/${competitionId}/results`} size="sm">
              {t('competitionResults.competition.title')}
            </Anchor>
          </Group>
        }
        actions={
          <>
            {buttons
              .filter(([, allowed]) => allowed)
              .map(([a]) => (
                <Button
                  key={a}
                  variant={a === 'sign-off' || a === 'publish' ? 'filled' : 'default'}
                  onClick={() => setAction(a)}
                >
                  {t(`competitionResults.actions.${ACTION_KEY[a]}`)}
                </Button>
              ))}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">{t('competitionResults.exports.title')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(skillId, 'results', 'xlsx')}>
                  {t('competitionResults.exports.resultsXlsx')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(skillId, 'results', 'pdf')}>
                  {t('competitionResults.exports.resultsPdf')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(skillId, 'marks', 'xlsx')}>
                  {t('competitionResults.exports.marksXlsx')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(skillId, 'marks', 'pdf')}>
                  {t('competitionResults.exports.marksPdf')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />

      <Card withBorder component="section" aria-labelledby="completeness">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4" id="completeness">
              {t('competitionResults.completenessTitle')}
            </Title>
            <Text size="sm">
              {t('competitionResults.completeness', { locked: formsLocked, total: formsTotal })}
            </Text>
          </Group>
          <Progress value={percent} aria-label={t('competitionResults.completenessTitle')} />
          {d.openDisputes > 0 && (
            <Text size="sm" c="red">
              {t('competitionResults.openDisputes', { count: d.openDisputes })}
            </Text>
          )}
          {d.skill.resultsState === 'open' &&
            (d.signOff.possible ? (
              <Alert color="green">{t('competitionResults.readyToSignOff')}</Alert>
            ) : (
              <Alert color="yellow" title={t('competitionResults.blockers.title')}>
                <List size="sm">
                  {d.signOff.blockers.map((b) => (
                    <List.Item key={b}>{t(`competitionResults.blockers.${b}`)}</List.Item>
                  ))}
                </List>
              </Alert>
            ))}
          {d.signedOffBy && d.skill.signedOffAt && (
            <Text size="sm">
              {t('competitionResults.signedOffBy', {
                name: d.signedOffBy,
                date: formatDate(d.skill.signedOffAt.slice(0, 10), locale),
              })}
            </Text>
          )}
          {d.publishedBy && d.skill.publishedAt && (
            <Text size="sm">
              {t('competitionResults.publishedBy', {
                name: d.publishedBy,
                date: formatDate(d.skill.publishedAt.slice(0, 10), locale),
              })}
            </Text>
          )}
        </Stack>
      </Card>

      <Card withBorder component="section">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {d.source === 'live'
              ? t('competitionResults.source.live')
              : t('competitionResults.source.snapshot', {
                  date: formatDate(d.skill.signedOffAt?.slice(0, 10) ?? null, locale),
                })}
          </Text>
          {!d.medalsAwarded && <Text size="sm">{t('competitionResults.noMedals')}</Text>}
          {d.scale && (
            <Text size="sm" c="dimmed" dir="auto">
              {d.scale.degenerate
                ? t('competitionResults.scaleDegenerate')
                : t('competitionResults.scaleInfo', {
                    method: d.scale.method,
                    centre: readable(d.scale.rawCentre, locale),
                    spread: readable(d.scale.rawSpread, locale),
                  })}
            </Text>
          )}
          <SkillResultsTable
            rows={d.rows}
            caption={t('competitionResults.skillTitle', { number: d.skill.number, name })}
            showScale
          />
        </Stack>
      </Card>

      {d.abilities.judgeAnalysis && <JudgeAnalysisCard skillId={skillId} />}
      {action && (
        <ConfirmAction
          action={action}
          data={d}
          onClose={() => setAction(null)}
          onReload={() => void q.refetch()}
        />
      )}
    </Stack>
  );
}
