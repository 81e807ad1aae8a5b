import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EntryStatus, TEntry, TExpert } from '../../../contracts/competitions.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { pickLocalized } from '../../lib/localized';
import { useCompetition, useMembers, useSkillDetail, useSkills } from './api';
import { EntryModal } from './entry-modal';
import { ExpertModal } from './expert-modal';
import { EntriesTable, EntryStatusModal, ExpertsTable, organizerStatuses } from './people-tables';
import { skillLabel } from './shared';

/** Pages of the skill built by the marking-scheme, marking and results features. */
const SKILL_LINKS = ['scheme', 'teams', 'marking', 'disputes', 'results'] as const;

/** A skill: its rules, entrants and experts, and the way to its scheme, teams, marking and results. */
export function SkillPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId = '', skillId = '' } = useParams();
  const detail = useSkillDetail(skillId);
  const competition = useCompetition(competitionId);
  const skills = useSkills(competitionId);
  const members = useMembers(competitionId);
  const [editingEntry, setEditingEntry] = useState<TEntry | 'new' | null>(null);
  const [editingExpert, setEditingExpert] = useState<TExpert | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<{ entry: TEntry; status: EntryStatus } | null>(null);

  if (detail.isPending) {
    return <FullPageLoader />;
  }
  if (detail.error) {
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const { skill, entries, experts, workshops, abilities } = detail.data;
  const manage = abilities.manage && detail.data.competition.status !== 'cancelled';
  const chief = experts.find((x) => x.role === 'chief_expert' && x.status !== 'withdrawn');
  const active = entries.filter((e) => e.status !== 'withdrawn' && e.status !== 'excluded');
  const base = `/competitions/${competitionId}/skills/${skill.id}`;
  return (
    <Stack>
      <Anchor component={Link} to={`/competitions/${competitionId}?tab=skills`} size="sm">
        ← {pickLocalized(detail.data.competition.names, locale)}
      </Anchor>
      <PageHeader
        title={skillLabel(skill, locale)}
        subtitle={
          <Group gap="xs">
            <Badge variant="light">{t(`competitions.skillTypes.${skill.skillType}`)}</Badge>
            <Badge variant="light" color="gray">
              {skill.teamBased
                ? t('competitions.skills.teamOf', { count: skill.teamSize })
                : t('competitions.skills.individual')}
            </Badge>
            <Badge variant="outline">{t(`competitions.resultsStates.${skill.resultsState}`)}</Badge>
          </Group>
        }
      />
      <Group gap="xs" role="navigation" aria-label={t('competitions.skillPage.links')}>
        {SKILL_LINKS.map((l) => (
          <Button key={l} component={Link} to={`${base}/${l}`} variant="default" size="sm">
            {t(`competitions.skillPage.${l}`)}
          </Button>
        ))}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <div>
            <Text size="sm" c="dimmed">
              {t('competitions.skillPage.entrants')}
            </Text>
            <Text fw={600}>{active.length}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('competitions.expertRoles.chief_expert')}
            </Text>
            <Text fw={600}>{chief ? `${chief.firstName} ${chief.lastName}` : '—'}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('competitions.skills.numJudges')}
            </Text>
            <Text fw={600}>
              {skill.numJudges} · {t('competitions.skillPage.spread', { spread: skill.maxJudgeSpread })}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('competitions.workshops.title')}
            </Text>
            <Text fw={600}>{workshops.map((w) => `${w.name} (${w.workstations})`).join(', ') || '—'}</Text>
          </div>
        </SimpleGrid>
        <Group gap={4} mt="sm">
          {skill.allowCompatriotMarking && (
            <Badge size="sm">{t('competitions.skills.flags.allowCompatriotMarking')}</Badge>
          )}
          {!skill.generateResultsAndMedals && <Badge size="sm">{t('competitions.skills.noResults')}</Badge>}
          {skill.excludeFromMemberComparison && (
            <Badge size="sm">{t('competitions.skills.flags.excludeFromMemberComparison')}</Badge>
          )}
          {skill.excludeFromAlbertVidal && (
            <Badge size="sm">{t('competitions.skills.flags.excludeFromAlbertVidal')}</Badge>
          )}
          {skill.markingSuspended && (
            <Badge size="sm" color="red">
              {t('competitions.skills.flags.markingSuspended')}
            </Badge>
          )}
        </Group>
      </Card>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('competitions.entries.title')}
        </Title>
        {manage && <Button onClick={() => setEditingEntry('new')}>{t('competitions.entries.add')}</Button>}
      </Group>
      <EntriesTable
        rows={entries}
        actions={
          manage
            ? {
                canEdit: () => true,
                statuses: organizerStatuses,
                onEdit: setEditingEntry,
                onStatus: (entry, status) => setStatusOf({ entry, status }),
              }
            : undefined
        }
      />
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('competitions.experts.title')}
        </Title>
        {manage && <Button onClick={() => setEditingExpert('new')}>{t('competitions.experts.add')}</Button>}
      </Group>
      <ExpertsTable rows={experts} onEdit={manage ? setEditingExpert : undefined} />
      {manage && (
        <>
          <EntryModal
            competitionId={competitionId}
            skills={(skills.data?.data ?? []).filter((s) => s.id === skill.id)}
            members={members.data?.data ?? []}
            entry={editingEntry === 'new' ? null : editingEntry}
            opened={editingEntry !== null}
            onClose={() => setEditingEntry(null)}
            sensitiveHidden={!competition.data?.abilities.viewSensitive}
          />
          <ExpertModal
            competitionId={competitionId}
            skills={(skills.data?.data ?? []).filter((s) => s.id === skill.id)}
            members={members.data?.data ?? []}
            expert={editingExpert === 'new' ? null : editingExpert}
            opened={editingExpert !== null}
            onClose={() => setEditingExpert(null)}
            organizer
            skillId={skill.id}
          />
          <EntryStatusModal
            entry={statusOf?.entry ?? null}
            status={statusOf?.status ?? 'confirmed'}
            onClose={() => setStatusOf(null)}
          />
        </>
      )}
    </Stack>
  );
}
