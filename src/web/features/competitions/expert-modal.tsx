import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPERT_ROLES,
  EXPERT_STATUSES,
  type TExpert,
  type TExpertInput,
  type TMember,
  type TSkill,
} from '../../../contracts/competitions.js';
import { serverFieldErrors } from '../../lib/errors';
import { useUsers } from '../admin/api';
import { useSaveExpert } from './api';
import { memberLabel, SaveError, skillLabel } from './shared';

interface Props {
  competitionId: string;
  skills: TSkill[];
  members: TMember[];
  expert: TExpert | null;
  opened: boolean;
  onClose: () => void;
  /** Organizers choose role, status and the linked account; registrars only the person. */
  organizer: boolean;
  /** Pre-selected skill for a new expert. */
  skillId?: string;
}

const INDEPENDENT = '__independent__';

/** A user account of this college to link (needed for mark entry), searched by name or e-mail. */
function UserSelect({
  value,
  onChange,
  current,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
  current: TExpert['user'];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUsers({ q, status: 'active', pageSize: 50 });
  const data = (users.data?.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }));
  if (current && !data.some((d) => d.value === current.id)) {
    data.unshift({ value: current.id, label: current.displayName });
  }
  return (
    <Select
      label={t('competitions.experts.user')}
      description={t('competitions.experts.userHint')}
      searchable
      clearable
      searchValue={q}
      onSearchChange={setQ}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage="—"
    />
  );
}

export function ExpertModal({
  competitionId,
  skills,
  members,
  expert,
  opened,
  onClose,
  organizer,
  skillId,
}: Props) {
  const { t } = useTranslation();
  const save = useSaveExpert(competitionId);
  const [v, setV] = useState<TExpertInput>({
    skillId: '',
    memberId: null,
    userId: null,
    firstName: '',
    lastName: '',
    email: '',
    role: 'expert',
    status: 'registered',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on another expert
  useEffect(() => {
    if (!opened) {
      return;
    }
    save.reset();
    setErrors({});
    setV({
      skillId: expert?.skill.id ?? skillId ?? '',
      memberId: expert ? (expert.member?.id ?? null) : members.length === 1 ? (members[0]?.id ?? null) : null,
      userId: expert?.user?.id ?? null,
      firstName: expert?.firstName ?? '',
      lastName: expert?.lastName ?? '',
      email: expert?.email ?? '',
      role: expert?.role ?? 'expert',
      status: expert?.status ?? (organizer ? 'confirmed' : 'registered'),
    });
  }, [opened, expert?.id, expert?.version]);

  const submit = () => {
    if (!v.skillId) {
      setErrors({ skillId: t('validation.required') });
      return;
    }
    save.mutate(
      { id: expert?.id, version: expert?.version, data: { ...v, email: v.email.trim() } },
      { onSuccess: onClose, onError: (e) => setErrors(serverFieldErrors(t, e) ?? {}) },
    );
  };

  const memberOptions = [
    ...(organizer ? [{ value: INDEPENDENT, label: t('competitions.experts.independent') }] : []),
    ...members.map((m) => ({ value: m.id, label: memberLabel(m) })),
  ];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={expert ? t('competitions.experts.edit') : t('competitions.experts.add')}
    >
      <Stack>
        <SaveError error={save.error} onReload={onClose} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('competitions.skill')}
            required
            searchable
            disabled={Boolean(expert)}
            data={skills.map((s) => ({ value: s.id, label: skillLabel(s) }))}
            value={v.skillId || null}
            onChange={(x) => setV({ ...v, skillId: x ?? '' })}
            error={errors.skillId}
          />
          <Select
            label={t('competitions.member')}
            required={!organizer}
            data={memberOptions}
            value={v.memberId ?? (organizer ? INDEPENDENT : null)}
            onChange={(x) => setV({ ...v, memberId: x === INDEPENDENT ? null : x })}
            error={errors.memberId}
          />
          <TextInput
            label={t('competitions.entries.firstName')}
            required
            dir="auto"
            value={v.firstName}
            onChange={(e) => setV({ ...v, firstName: e.currentTarget.value })}
            error={errors.firstName}
          />
          <TextInput
            label={t('competitions.entries.lastName')}
            required
            dir="auto"
            value={v.lastName}
            onChange={(e) => setV({ ...v, lastName: e.currentTarget.value })}
            error={errors.lastName}
          />
          <TextInput
            label={t('competitions.entries.email')}
            type="email"
            dir="ltr"
            value={v.email}
            onChange={(e) => setV({ ...v, email: e.currentTarget.value })}
            error={errors.email}
          />
          {organizer && (
            <>
              <Select
                label={t('competitions.experts.role')}
                allowDeselect={false}
                data={EXPERT_ROLES.map((r) => ({ value: r, label: t(`competitions.expertRoles.${r}`) }))}
                value={v.role}
                onChange={(x) => setV({ ...v, role: (x ?? 'expert') as TExpertInput['role'] })}
                error={errors.role}
              />
              <Select
                label={t('competitions.status')}
                allowDeselect={false}
                data={EXPERT_STATUSES.map((s) => ({ value: s, label: t(`competitions.expertStatus.${s}`) }))}
                value={v.status}
                onChange={(x) => setV({ ...v, status: (x ?? 'registered') as TExpertInput['status'] })}
              />
              <UserSelect
                value={v.userId}
                onChange={(x) => setV({ ...v, userId: x })}
                current={expert?.user ?? null}
              />
            </>
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {expert ? t('common.save') : t('competitions.entries.register')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
