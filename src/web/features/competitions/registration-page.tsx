import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TEntry, TExpert } from '../../../contracts/competitions.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useCompetition, useEntries, useExperts, useMembers, useSkills } from './api';
import { EntryModal } from './entry-modal';
import { ExpertModal } from './expert-modal';
import { EntriesTable, EntryStatusModal, ExpertsTable } from './people-tables';
import { memberLabel, skillLabel } from './shared';

/**
 * The members' registration portal: a registrar registers competitors, teams and experts of their
 * own member(s) for the skills while registration is open; the organizers confirm them.
 */
export function RegistrationPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId = '' } = useParams();
  const competition = useCompetition(competitionId);
  const skills = useSkills(competitionId);
  const allMembers = useMembers(competitionId);
  const entries = useEntries(competitionId, { pageSize: 200, sort: 'skill' });
  const experts = useExperts(competitionId);
  const [editingEntry, setEditingEntry] = useState<TEntry | 'new' | null>(null);
  const [editingExpert, setEditingExpert] = useState<TExpert | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<TEntry | null>(null);

  if (competition.isPending) {
    return <FullPageLoader />;
  }
  if (competition.error) {
    return <ErrorState error={competition.error} onRetry={() => void competition.refetch()} />;
  }
  const c = competition.data;
  // Organizers may use the portal too; they register for any member.
  const members = (allMembers.data?.data ?? []).filter(
    (m) => c.myMemberIds.includes(m.id) || c.abilities.update,
  );
  const open = c.registrationOpen || c.abilities.update;
  const mine = (entries.data?.data ?? []).filter((e) => members.some((m) => m.id === e.member.id));
  const myExperts = (experts.data?.data ?? []).filter(
    (x) => x.member && members.some((m) => m.id === x.member?.id),
  );
  const used = (skillId: string) =>
    mine.filter((e) => e.skill.id === skillId && e.status !== 'withdrawn' && e.status !== 'excluded').length;

  return (
    <Stack>
      <Anchor component={Link} to="/competitions" size="sm">
        ← {t('nav.competitions')}
      </Anchor>
      <PageHeader
        title={t('competitions.portal.title', { name: pickLocalized(c.names, locale) })}
        subtitle={members.map((m) => memberLabel(m, locale)).join(', ')}
      />
      <Alert color={c.registrationOpen ? 'green' : 'orange'} role="status">
        {c.registrationOpen
          ? t('competitions.portal.isOpen', { closes: formatDate(c.registrationClosesOn, locale) })
          : c.registrationOpensOn && c.registrationClosesOn
            ? t('competitions.portal.isClosed', {
                opens: formatDate(c.registrationOpensOn, locale),
                closes: formatDate(c.registrationClosesOn, locale),
              })
            : t('competitions.portal.noWindow')}
      </Alert>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('competitions.portal.skills')}
        </Title>
        <Table aria-label={t('competitions.portal.skills')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('competitions.skill')}</Table.Th>
              <Table.Th>{t('competitions.skills.format')}</Table.Th>
              <Table.Th>{t('competitions.portal.yourEntries')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(skills.data?.data ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{skillLabel(s, locale)}</Table.Td>
                <Table.Td>
                  {s.teamBased
                    ? t('competitions.skills.teamOf', { count: s.teamSize })
                    : t('competitions.skills.individual')}
                </Table.Td>
                <Table.Td>
                  {t('competitions.portal.used', { used: used(s.id), max: s.maxEntriesPerMember })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('competitions.entries.title')}
        </Title>
        <Button disabled={!open} onClick={() => setEditingEntry('new')}>
          {t('competitions.portal.registerCompetitor')}
        </Button>
      </Group>
      <EntriesTable
        rows={mine}
        loading={entries.isFetching}
        error={entries.error}
        onRetry={() => void entries.refetch()}
        showSkill
        actions={{
          canEdit: (e) => open && e.status === 'registered',
          statuses: (e) => (open && e.status !== 'withdrawn' && e.status !== 'excluded' ? ['withdrawn'] : []),
          onEdit: setEditingEntry,
          onStatus: (e) => setWithdrawing(e),
        }}
      />
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('competitions.experts.title')}
        </Title>
        <Button disabled={!open} onClick={() => setEditingExpert('new')}>
          {t('competitions.portal.registerExpert')}
        </Button>
      </Group>
      <ExpertsTable
        rows={myExperts}
        loading={experts.isFetching}
        showSkill
        onEdit={open ? setEditingExpert : undefined}
      />
      <Text size="sm" c="dimmed">
        {t('competitions.portal.confirmNote')}
      </Text>
      <EntryModal
        competitionId={competitionId}
        skills={skills.data?.data ?? []}
        members={members}
        entry={editingEntry === 'new' ? null : editingEntry}
        opened={editingEntry !== null}
        onClose={() => setEditingEntry(null)}
        sensitiveHidden={!c.abilities.viewSensitive}
      />
      <ExpertModal
        competitionId={competitionId}
        skills={skills.data?.data ?? []}
        members={members}
        expert={editingExpert === 'new' ? null : editingExpert}
        opened={editingExpert !== null}
        onClose={() => setEditingExpert(null)}
        organizer={c.abilities.update}
      />
      <EntryStatusModal entry={withdrawing} status="withdrawn" onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
