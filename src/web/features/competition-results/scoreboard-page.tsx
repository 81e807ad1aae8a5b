import { Badge, Box, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TScoreboard } from '../../../contracts/competition-results.js';
import { LanguageSwitcher } from '../../app/layout/language-switcher';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useLiveScoreboard } from './api';
import { useDocumentTitle } from './public-results-page';
import { MedalBadge } from './results-tables';

const BG = '#0b1020';
const PANEL = '#151c33';
const MUTED = '#9aa4c4';
const MEDAL_DISC = { gold: '#f5c542', silver: '#c0c6d4', bronze: '#cd7f32' } as const;

/** A medal as a coloured disc: a narrow column head that stays whole (a badge's word is cut off). */
function MedalDisc({ medal }: { medal: 'gold' | 'silver' | 'bronze' }) {
  return (
    <Box
      aria-hidden
      w={24}
      h={24}
      style={{
        borderRadius: '50%',
        background: MEDAL_DISC[medal],
        border: '2px solid rgba(255,255,255,0.6)',
      }}
    />
  );
}

function SkillTile({ skill, highlight }: { skill: TScoreboard['skills'][number]; highlight: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = skill.formsTotal === 0 ? 0 : (100 * skill.formsLocked) / skill.formsTotal;
  return (
    <Box
      component="article"
      p="lg"
      style={{
        background: PANEL,
        borderRadius: 12,
        outline: highlight ? '3px solid #f5c542' : undefined,
        transition: 'outline 0.3s',
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} c="white" fz={28} lh={1.2} dir="auto">
          {t('competitionResults.skillName', {
            number: skill.number,
            name: pickLocalized(skill.names, locale),
          })}
        </Title>
        {skill.state === 'published' && (
          <Badge color="green" size="lg">
            {t('competitionResults.state.published')}
          </Badge>
        )}
      </Group>
      {skill.state === 'published' ? (
        <Stack gap={8} mt="md">
          {skill.podium.map((p) => (
            <Group key={`${p.position}-${p.displayName}`} justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <MedalBadge medal={p.medal} size="xl" />
                <Text c="white" fz={26} fw={600} dir="auto">
                  {p.displayName}
                </Text>
                <Text c={MUTED} fz={22}>
                  {p.memberCode}
                </Text>
              </Group>
              <Text c="white" fz={26} fw={700}>
                {p.points}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : (
        <Stack gap={6} mt="md">
          <Text c={MUTED} fz={22}>
            {skill.formsTotal === 0
              ? t('competitionResults.scoreboard.notStarted')
              : t('competitionResults.completeness', { locked: skill.formsLocked, total: skill.formsTotal })}
          </Text>
          <Progress
            value={percent}
            size="xl"
            color="blue"
            aria-label={t('competitionResults.completenessTitle')}
          />
        </Stack>
      )}
    </Box>
  );
}

/** Public, no sign-in: the venue scoreboard. Full screen, large type, dark; updates live over SSE. */
export function ScoreboardPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { orgKey = '', competitionSlug = '' } = useParams();
  const q = useLiveScoreboard(orgKey, competitionSlug);
  const [highlight, setHighlight] = useState<string | null>(null);
  const board = q.data;
  const name = board ? pickLocalized(board.competition.names, locale) : null;
  useDocumentTitle(name ? t('competitionResults.scoreboardTitle', { name }) : null);

  useEffect(() => {
    if (!q.published) {
      return;
    }
    setHighlight(q.published.skillId);
    const timer = setTimeout(() => setHighlight(null), 15_000);
    return () => clearTimeout(timer);
  }, [q.published]);

  const announced = q.published && highlight ? q.published : null;
  return (
    <Box mih="100vh" p="xl" style={{ background: BG, color: 'white' }}>
      <Group justify="space-between" component="header" mb="xl">
        <Title order={1} c="white" fz={44}>
          {name ?? t('app.name')}
        </Title>
        <Group>
          <Badge
            size="xl"
            color={q.status === 'live' ? 'green' : 'orange'}
            variant="dot"
            role="status"
            // The dot variant draws a light pill; on the dark screen it must not hide the white text.
            styles={{ root: { color: 'white', background: 'transparent', borderColor: MUTED } }}
          >
            {q.status === 'live'
              ? t('competitionResults.scoreboard.live')
              : t('competitionResults.scoreboard.reconnecting')}
          </Badge>
          <LanguageSwitcher />
        </Group>
      </Group>
      {q.isError && (
        <Text c="red.3" fz={28} role="alert">
          {q.error instanceof ApiError && q.error.status === 404
            ? t('competitionResults.public.notFound')
            : errorMessage(t, q.error)}
        </Text>
      )}
      {announced && (
        <Box p="md" mb="lg" style={{ background: '#f5c542', color: BG, borderRadius: 12 }} role="status">
          <Text fz={30} fw={700}>
            {t('competitionResults.scoreboard.justPublished', { number: announced.number })}
          </Text>
        </Box>
      )}
      {board && (
        <Box
          component="main"
          style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 1fr)', gap: 32 }}
        >
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            {board.skills.map((s) => (
              <SkillTile key={s.id} skill={s} highlight={s.id === highlight} />
            ))}
          </SimpleGrid>
          <Box component="aside" p="lg" style={{ background: PANEL, borderRadius: 12, alignSelf: 'start' }}>
            <Title order={2} c="white" fz={30} mb="md">
              {t('competitionResults.competition.medalTable')}
            </Title>
            {board.medalTable.length === 0 ? (
              <Text c={MUTED} fz={22}>
                {t('competitionResults.competition.noneYet')}
              </Text>
            ) : (
              <Table fz={22} c="white" withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('competitionResults.table.member')}</Table.Th>
                    {(['gold', 'silver', 'bronze'] as const).map((medal) => (
                      <Table.Th
                        key={medal}
                        scope="col"
                        aria-label={t(`competitionResults.medals.${medal}`)}
                        title={t(`competitionResults.medals.${medal}`)}
                      >
                        <MedalDisc medal={medal} />
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {board.medalTable.map((m) => (
                    <Table.Tr key={m.member.id}>
                      <Table.Th scope="row">{m.member.code}</Table.Th>
                      <Table.Td>{m.gold}</Table.Td>
                      <Table.Td>{m.silver}</Table.Td>
                      <Table.Td>{m.bronze}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text c={MUTED} fz={16} mt="lg">
              {t('competitionResults.scoreboard.updated', {
                time: formatDateTime(board.generatedAt, locale),
              })}
            </Text>
          </Box>
        </Box>
      )}
    </Box>
  );
}
