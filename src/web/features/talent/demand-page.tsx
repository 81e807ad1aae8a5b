import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  SHORTLIST_STAGES,
  STAGE_MOVES,
  type TDemandPosting,
  type TMatchResult,
  type TScoreReason,
  type TShortlistEntry,
} from '../../../contracts/talent-demand.js';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { useCollegeSkills } from './api';
import {
  useDemandPosting,
  useMoveStage,
  useProposeCandidate,
  useRunMatching,
  useSetPostingStatus,
  useShortlist,
} from './demand-api';
import { iscoLabel, skillLabel } from './taxonomy';

/** One reason line, translated: what matched or is missing, and the points it brought. */
function ReasonLine({ r }: { r: TScoreReason }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const skills = useCollegeSkills();
  const subject = r.skillKey
    ? skillLabel(r.skillKey, locale, skills.data?.data)
    : r.languageCode
      ? r.languageCode
      : (r.competitionSkill ?? r.isco ?? '');
  const color = r.outcome === 'matched' ? 'green' : r.outcome === 'partial' ? 'yellow' : 'red';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Badge color={color} variant="light" miw={90}>
        {t(`talent.demand.outcome.${r.outcome}`)}
      </Badge>
      <Text size="sm">
        {t(`talent.demand.reason.${r.code}`)}
        {subject && (
          <Text span dir="auto">
            {' '}
            · {subject}
          </Text>
        )}
        {r.level !== undefined && r.minLevel !== undefined && ` (${r.level}/${r.minLevel})`}
        {r.cefr && r.minCefr && ` (${r.cefr}/${r.minCefr})`}
        {' — '}
        {t('talent.demand.points', {
          points: formatNumber(r.points, locale, { maximumFractionDigits: 2 }),
          max: formatNumber(r.maxPoints, locale, { maximumFractionDigits: 2 }),
        })}
      </Text>
    </Group>
  );
}

function MatchingCard({ posting }: { posting: TDemandPosting }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const run = useRunMatching(posting.id);
  const propose = useProposeCandidate(posting.id);
  // A re-run (after shortlisting) keeps the ranking and the opened reasons on screen until it answers.
  const [shown, setShown] = useState<TMatchResult>();
  const [opened, setOpened] = useState<string[]>([]);
  useEffect(() => {
    if (run.data) {
      setShown(run.data);
    }
  }, [run.data]);
  const result = run.data ?? shown;
  return (
    <Card withBorder component="section" aria-labelledby="matching-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="matching-title">
            {t('talent.demand.matchingTitle')}
          </Title>
          <Button loading={run.isPending} onClick={() => run.mutate()}>
            {t('talent.demand.runMatching')}
          </Button>
        </Group>
        {(run.error || propose.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, run.error ?? propose.error)}
          </Alert>
        )}
        {result && (
          <>
            <Text size="sm" c="dimmed">
              {t('talent.demand.matchSummary', {
                pool: result.poolSize,
                eligible: result.eligibleCount,
                excluded: result.excludedCount,
                notRelevant: result.notRelevantCount,
              })}
            </Text>
            {result.excludedCount > 0 && (
              <List size="sm">
                {Object.entries(result.excludedByReason)
                  .filter(([, n]) => n > 0)
                  .map(([code, n]) => (
                    <List.Item key={code}>
                      {t(`talent.demand.exclusion.${code}`)}: {n}
                    </List.Item>
                  ))}
              </List>
            )}
            {result.candidates.length === 0 && <Text c="dimmed">{t('talent.demand.noCandidates')}</Text>}
            <Accordion multiple variant="separated" value={opened} onChange={setOpened}>
              {result.candidates.map((c, i) => (
                <Accordion.Item key={c.profileId} value={c.profileId}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={500}>
                        {i + 1}.{' '}
                        <Anchor
                          component={Link}
                          to={`/talent/${c.profileId}`}
                          onClick={(e) => e.stopPropagation()}
                        >
                          {c.nameLatin}
                        </Anchor>{' '}
                        {c.nameNative && (
                          <Text span size="sm" c="dimmed" dir="auto">
                            {c.nameNative}
                          </Text>
                        )}
                      </Text>
                      <Badge size="lg" variant="light">
                        {formatNumber(c.score, locale, { maximumFractionDigits: 1 })}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap={4}>
                      {c.reasons.map((r, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: reasons are an ordered list
                        <ReasonLine key={j} r={r} />
                      ))}
                      <Group mt="xs">
                        {c.shortlistStage ? (
                          <Badge>{t(`talent.demand.stage.${c.shortlistStage}`)}</Badge>
                        ) : (
                          <Button
                            size="xs"
                            loading={propose.isPending && propose.variables === c.profileId}
                            onClick={() => propose.mutate(c.profileId, { onSuccess: () => run.mutate() })}
                          >
                            {t('talent.demand.shortlist')}
                          </Button>
                        )}
                      </Group>
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </>
        )}
      </Stack>
    </Card>
  );
}

function EntryCard({
  entry,
  canMove,
  postingId,
}: {
  entry: TShortlistEntry;
  canMove: boolean;
  postingId: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const skills = useCollegeSkills();
  const move = useMoveStage(postingId);
  const conflict = move.error instanceof ApiError && move.error.code === 'VERSION_CONFLICT';
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        {entry.person ? (
          <>
            <Text fw={600} dir="auto">
              {entry.person.nameLatin} {entry.person.nameNative}
            </Text>
            <Anchor
              href={`mailto:${entry.person.email}`}
              size="sm"
              dir="ltr"
              style={{ overflowWrap: 'anywhere' }}
            >
              {entry.person.email}
            </Anchor>
          </>
        ) : (
          <Text fw={600} c="dimmed">
            {t('talent.demand.anonymous')}
          </Text>
        )}
        <Text size="sm">
          {t('talent.demand.score')}: {formatNumber(entry.score, locale, { maximumFractionDigits: 1 })}
        </Text>
        {entry.profile ? (
          <Text size="xs" c="dimmed">
            {entry.profile.skills
              .slice(0, 4)
              .map((s) => `${skillLabel(s.skillKey, locale, skills.data?.data)} ${s.level}`)
              .join(' · ')}
            {' — '}
            {entry.profile.languages.map((l) => `${l.code} ${t(`talent.cefrLevel.${l.cefr}`)}`).join(', ')}
          </Text>
        ) : (
          <Badge color="red" variant="light">
            {t('talent.demand.consentGone')}
          </Badge>
        )}
        {entry.placedOn && (
          <Text size="xs">{t('talent.demand.placedOn', { date: formatDate(entry.placedOn, locale) })}</Text>
        )}
        {canMove && STAGE_MOVES.college[entry.stage].length > 0 && (
          <Group gap={4} mt={4}>
            {STAGE_MOVES.college[entry.stage].map((to) => (
              <Button
                key={to}
                size="compact-xs"
                variant={to === 'not_placed' ? 'subtle' : 'light'}
                color={to === 'not_placed' ? 'red' : undefined}
                loading={move.isPending && move.variables?.stage === to}
                onClick={() => move.mutate({ id: entry.id, version: entry.version, stage: to })}
              >
                {t(`talent.demand.moveTo.${to}`)}
              </Button>
            ))}
          </Group>
        )}
        {move.error && (
          <Text size="xs" c="red" role="alert">
            {conflict ? t('common.conflictText') : errorMessage(t, move.error)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The shortlist as a board: one column per stage. */
function ShortlistBoard({ posting }: { posting: TDemandPosting }) {
  const { t } = useTranslation();
  const list = useShortlist(posting.id);
  const entries = list.data?.data ?? [];
  const stages = SHORTLIST_STAGES.filter((s) => entries.some((e) => e.stage === s) || s === 'proposed');
  return (
    <Card withBorder component="section" aria-labelledby="shortlist-title">
      <Stack>
        <Title order={2} size="h4" id="shortlist-title">
          {t('talent.demand.shortlistTitle')}
        </Title>
        {!posting.abilities.moveStages && (
          <Text size="sm" c="dimmed">
            {t('talent.demand.anonymisedHint')}
          </Text>
        )}
        {list.error && (
          <Alert color="red" role="alert">
            {errorMessage(t, list.error)}
          </Alert>
        )}
        {list.isPending && <Loader aria-label={t('common.loading')} />}
        {list.data && entries.length === 0 && <Text c="dimmed">{t('talent.demand.shortlistEmpty')}</Text>}
        {entries.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {stages.map((stage) => (
              <Stack key={stage} gap="xs">
                <Text fw={600}>
                  {t(`talent.demand.stage.${stage}`)} ({entries.filter((e) => e.stage === stage).length})
                </Text>
                {entries
                  .filter((e) => e.stage === stage)
                  .map((e) => (
                    <EntryCard
                      key={e.id}
                      entry={e}
                      canMove={posting.abilities.moveStages}
                      postingId={posting.id}
                    />
                  ))}
              </Stack>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}

/** A posting: its terms, matching (the college) and the shortlist by stage. */
export function DemandPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const posting = useDemandPosting(id);
  const status = useSetPostingStatus(id ?? '');
  const skills = useCollegeSkills();
  if (posting.error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, posting.error)}
      </Alert>
    );
  }
  if (!posting.data) {
    return <Loader aria-label={t('common.loading')} />;
  }
  const p = posting.data;
  const skillText = (list: TDemandPosting['requiredSkills']) =>
    list
      .map((s) => `${skillLabel(s.skillKey, locale, skills.data?.data)} ≥ ${s.minLevel} (×${s.weight})`)
      .join(' · ');
  return (
    <Stack>
      <PageHeader
        title={p.enterpriseName}
        subtitle={`${p.iscoCode} · ${iscoLabel(p.iscoCode)} — ${countryName(p.country, locale)}${p.site ? ` · ${p.site}` : ''}`}
        actions={
          p.abilities.edit && (
            <Group>
              <Button component={Link} to={`/talent/demand/${p.id}/edit`} variant="light">
                {t('common.edit')}
              </Button>
              <Button
                variant="light"
                loading={status.isPending && status.variables?.status === 'filled'}
                onClick={() => status.mutate({ version: p.version, status: 'filled' })}
              >
                {t('talent.demand.markFilled')}
              </Button>
              <Button
                color="red"
                variant="subtle"
                loading={status.isPending && status.variables?.status === 'closed'}
                onClick={() => status.mutate({ version: p.version, status: 'closed' })}
              >
                {t('talent.demand.close')}
              </Button>
            </Group>
          )
        }
      />
      {status.error && (
        <Alert color="red" role="alert">
          {errorMessage(t, status.error)}
        </Alert>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm">
            {t('talent.demand.statusLabel')}:{' '}
            <Badge variant="light">{t(`talent.demand.status.${p.status}`)}</Badge>
          </Text>
          <Text size="sm">
            {t('talent.demand.headcount')}: {p.headcount}
          </Text>
          <Text size="sm">
            {t('talent.demand.startDate')}: {formatDate(p.startDate, locale)}
          </Text>
          <Text size="sm">
            {t('talent.demand.contractType')}: {t(`talent.demand.contract.${p.contract.type}`)}
            {p.contract.durationMonths &&
              ` · ${t('talent.demand.months', { count: p.contract.durationMonths })}`}
          </Text>
          <Text size="sm">
            {t('talent.demand.requiredSkills')}: {skillText(p.requiredSkills) || '—'}
          </Text>
          <Text size="sm">
            {t('talent.demand.optionalSkills')}: {skillText(p.optionalSkills) || '—'}
          </Text>
          <Text size="sm">
            {t('talent.demand.requiredLanguages')}:{' '}
            {p.requiredLanguages.map((l) => `${l.code} ≥ ${l.minCefr}`).join(', ') || '—'}
          </Text>
          <Text size="sm">
            {t('talent.demand.optionalLanguages')}:{' '}
            {p.optionalLanguages.map((l) => `${l.code} ≥ ${l.minCefr}`).join(', ') || '—'}
          </Text>
        </SimpleGrid>
        {p.contract.notes && (
          <Text size="sm" mt="xs" dir="auto">
            {p.contract.notes}
          </Text>
        )}
      </Card>
      {p.abilities.match && <MatchingCard posting={p} />}
      <ShortlistBoard posting={p} />
    </Stack>
  );
}
