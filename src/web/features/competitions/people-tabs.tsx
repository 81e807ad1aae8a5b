import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENTRY_STATUSES,
  type EntryStatus,
  type TEntry,
  type TExpert,
} from '../../../contracts/competitions.js';
import { useEntries, useExperts, useMembers, useSkills } from './api';
import { EntryModal } from './entry-modal';
import { ExpertModal } from './expert-modal';
import { EntriesTable, EntryStatusModal, ExpertsTable, organizerStatuses } from './people-tables';
import { memberLabel, skillLabel } from './shared';

interface TabProps {
  competitionId: string;
  canManage: boolean;
  sensitiveHidden: boolean;
}

/** All entrants of the competition, filtered and paged on the server; organizers confirm them here. */
export function EntrantsTab({ competitionId, canManage, sensitiveHidden }: TabProps) {
  const { t } = useTranslation();
  const skills = useSkills(competitionId);
  const members = useMembers(competitionId);
  const [filters, setFilters] = useState({ skillId: '', memberId: '', status: '' });
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 350);
  const [paging, setPaging] = useState({ page: 1, pageSize: 25, sort: 'skill' });
  const entries = useEntries(competitionId, { ...filters, q: debouncedQ, ...paging });
  const [editing, setEditing] = useState<TEntry | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<{ entry: TEntry; status: EntryStatus } | null>(null);
  const filter = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setPaging({ ...paging, page: 1 });
  };
  return (
    <Stack>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('competitions.filters')}>
        <TextInput
          type="search"
          label={t('common.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={200}
        />
        <Select
          label={t('competitions.skill')}
          clearable
          searchable
          data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: skillLabel(s) }))}
          value={filters.skillId || null}
          onChange={(v) => filter({ skillId: v ?? '' })}
          w={240}
        />
        <Select
          label={t('competitions.member')}
          clearable
          searchable
          data={(members.data?.data ?? []).map((m) => ({ value: m.id, label: memberLabel(m) }))}
          value={filters.memberId || null}
          onChange={(v) => filter({ memberId: v ?? '' })}
          w={200}
        />
        <Select
          label={t('competitions.status')}
          clearable
          data={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`competitions.entryStatus.${s}`) }))}
          value={filters.status || null}
          onChange={(v) => filter({ status: v ?? '' })}
          w={160}
        />
        {canManage && <Button onClick={() => setEditing('new')}>{t('competitions.entries.add')}</Button>}
      </Group>
      <EntriesTable
        rows={entries.data?.data}
        loading={entries.isFetching}
        error={entries.error}
        onRetry={() => void entries.refetch()}
        showSkill
        actions={
          canManage
            ? {
                canEdit: () => true,
                statuses: organizerStatuses,
                onEdit: setEditing,
                onStatus: (entry, status) => setStatusOf({ entry, status }),
              }
            : undefined
        }
        pagination={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: entries.data?.total,
          onPageChange: (page) => setPaging({ ...paging, page }),
          onPageSizeChange: (pageSize) => setPaging({ ...paging, pageSize, page: 1 }),
          sort: paging.sort,
          onSortChange: (sort) => setPaging({ ...paging, sort, page: 1 }),
        }}
      />
      {canManage && (
        <EntryModal
          competitionId={competitionId}
          skills={skills.data?.data ?? []}
          members={members.data?.data ?? []}
          entry={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
          sensitiveHidden={sensitiveHidden}
        />
      )}
      <EntryStatusModal
        entry={statusOf?.entry ?? null}
        status={statusOf?.status ?? 'confirmed'}
        onClose={() => setStatusOf(null)}
      />
    </Stack>
  );
}

/** Experts of every skill; organizers appoint chief experts and link user accounts here. */
export function ExpertsTab({ competitionId, canManage }: Omit<TabProps, 'sensitiveHidden'>) {
  const { t } = useTranslation();
  const skills = useSkills(competitionId);
  const members = useMembers(competitionId);
  const [skillId, setSkillId] = useState('');
  const experts = useExperts(competitionId, { skillId });
  const [editing, setEditing] = useState<TExpert | 'new' | null>(null);
  return (
    <Stack>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('competitions.skill')}
          clearable
          searchable
          data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: skillLabel(s) }))}
          value={skillId || null}
          onChange={(v) => setSkillId(v ?? '')}
          w={260}
        />
        {canManage && <Button onClick={() => setEditing('new')}>{t('competitions.experts.add')}</Button>}
      </Group>
      <ExpertsTable
        rows={experts.data?.data}
        loading={experts.isFetching}
        error={experts.error}
        onRetry={() => void experts.refetch()}
        showSkill
        onEdit={canManage ? setEditing : undefined}
      />
      {canManage && (
        <ExpertModal
          competitionId={competitionId}
          skills={skills.data?.data ?? []}
          members={members.data?.data ?? []}
          expert={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
          organizer
          skillId={skillId || undefined}
        />
      )}
    </Stack>
  );
}
