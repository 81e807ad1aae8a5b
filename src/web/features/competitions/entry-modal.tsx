import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPETITOR_GENDERS,
  type TCompetitorInput,
  type TEntry,
  type TMember,
  type TSkill,
} from '../../../contracts/competitions.js';
import { DateField } from '../../components/date-field';
import { serverFieldErrors } from '../../lib/errors';
import { useSaveEntry } from './api';
import { memberLabel, SaveError, skillLabel } from './shared';

type CompetitorDraft = Omit<TCompetitorInput, 'gender' | 'birthDate'> & { gender: string; birthDate: string };

const blank = (): CompetitorDraft => ({
  firstName: '',
  lastName: '',
  nameNative: '',
  gender: '',
  birthDate: '',
  email: '',
  participantId: null,
});

interface Props {
  competitionId: string;
  skills: TSkill[];
  members: TMember[];
  /** The entry to edit; null = a new entry. */
  entry: TEntry | null;
  opened: boolean;
  onClose: () => void;
  /** Hide gender, birth date and e-mail of stored competitors (they are kept unless changed by someone who sees them). */
  sensitiveHidden?: boolean;
}

/**
 * Registers or edits an entry: one competitor for an individual skill, `teamSize` competitors for a
 * team skill. Used by organizers (entrants tab, skill page) and registrars (portal).
 */
export function EntryModal({
  competitionId,
  skills,
  members,
  entry,
  opened,
  onClose,
  sensitiveHidden,
}: Props) {
  const { t } = useTranslation();
  const save = useSaveEntry(competitionId);
  const [skillId, setSkillId] = useState<string | null>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [bench, setBench] = useState('');
  const [competitors, setCompetitors] = useState<CompetitorDraft[]>([blank()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const skill = skills.find((s) => s.id === skillId);
  const size = skill?.teamBased ? skill.teamSize : 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on another entry
  useEffect(() => {
    if (!opened) {
      return;
    }
    save.reset();
    setErrors({});
    setSkillId(entry?.skill.id ?? (skills.length === 1 ? (skills[0]?.id ?? null) : null));
    setMemberId(entry?.member.id ?? (members.length === 1 ? (members[0]?.id ?? null) : null));
    setDisplayName(entry?.displayName ?? '');
    setBench(entry?.bench ?? '');
    setCompetitors(
      entry
        ? entry.competitors.map((c) => ({
            id: c.id,
            firstName: c.firstName,
            lastName: c.lastName,
            nameNative: c.nameNative,
            gender: c.gender ?? '',
            birthDate: c.birthDate ?? '',
            email: c.email ?? '',
            participantId: c.participantId,
          }))
        : [blank()],
    );
  }, [opened, entry?.id, entry?.version]);

  // A new entry gets as many competitor rows as the skill takes.
  useEffect(() => {
    if (!entry) {
      setCompetitors((cs) => Array.from({ length: size }, (_, i) => cs[i] ?? blank()));
    }
  }, [size, entry]);

  const set = (i: number, patch: Partial<CompetitorDraft>) =>
    setCompetitors((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = () => {
    if (!skillId || !memberId) {
      setErrors({
        ...(skillId ? {} : { skillId: t('validation.required') }),
        ...(memberId ? {} : { memberId: t('validation.required') }),
      });
      return;
    }
    save.mutate(
      {
        id: entry?.id,
        version: entry?.version,
        skillId,
        memberId,
        displayName: displayName.trim(),
        bench: bench.trim(),
        competitors: competitors.map((c) => ({
          ...c,
          gender: (c.gender || null) as TCompetitorInput['gender'],
          birthDate: c.birthDate || null,
          email: c.email.trim(),
        })),
      },
      {
        onSuccess: onClose,
        onError: (e) => setErrors(serverFieldErrors(t, e) ?? {}),
      },
    );
  };

  const err = (key: string) => errors[key];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={entry ? t('competitions.entries.edit') : t('competitions.entries.add')}
    >
      <Stack>
        <SaveError error={save.error} onReload={onClose} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('competitions.skill')}
            required
            disabled={Boolean(entry)}
            searchable
            data={skills.map((s) => ({ value: s.id, label: skillLabel(s) }))}
            value={skillId}
            onChange={setSkillId}
            error={err('skillId')}
          />
          <Select
            label={t('competitions.member')}
            required
            disabled={Boolean(entry)}
            searchable
            data={members.map((m) => ({ value: m.id, label: memberLabel(m) }))}
            value={memberId}
            onChange={setMemberId}
            error={err('memberId')}
          />
          {skill?.teamBased && (
            <TextInput
              label={t('competitions.entries.teamName')}
              description={t('competitions.entries.teamNameHint')}
              dir="auto"
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={err('displayName')}
            />
          )}
          <TextInput
            label={t('competitions.entries.bench')}
            value={bench}
            onChange={(e) => setBench(e.currentTarget.value)}
            error={err('bench')}
          />
        </SimpleGrid>
        {skill?.teamBased && (
          <Text size="sm" c="dimmed">
            {t('competitions.entries.teamOf', { count: size })}
          </Text>
        )}
        {err('competitors') && (
          <Text size="sm" c="red" role="alert">
            {err('competitors')}
          </Text>
        )}
        {competitors.map((c, i) => (
          <Card
            withBorder
            key={c.id ?? `new-${i}`}
            aria-label={t('competitions.entries.competitorN', { n: i + 1 })}
          >
            <Text fw={500} mb="xs">
              {t('competitions.entries.competitorN', { n: i + 1 })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('competitions.entries.firstName')}
                required
                dir="auto"
                value={c.firstName}
                onChange={(e) => set(i, { firstName: e.currentTarget.value })}
                error={err(`competitors.${i}.firstName`)}
              />
              <TextInput
                label={t('competitions.entries.lastName')}
                required
                dir="auto"
                value={c.lastName}
                onChange={(e) => set(i, { lastName: e.currentTarget.value })}
                error={err(`competitors.${i}.lastName`)}
              />
              <TextInput
                label={t('competitions.entries.nameNative')}
                dir="auto"
                value={c.nameNative}
                onChange={(e) => set(i, { nameNative: e.currentTarget.value })}
              />
              {!(sensitiveHidden && c.id) && (
                <>
                  <Select
                    label={t('competitions.entries.gender')}
                    clearable
                    data={COMPETITOR_GENDERS.map((g) => ({
                      value: g,
                      label: t(`competitions.genders.${g}`),
                    }))}
                    value={c.gender || null}
                    onChange={(g) => set(i, { gender: g ?? '' })}
                  />
                  <DateField
                    label={t('competitions.entries.birthDate')}
                    value={c.birthDate}
                    onChange={(e) => set(i, { birthDate: e.currentTarget.value })}
                    error={err(`competitors.${i}.birthDate`)}
                  />
                  <TextInput
                    label={t('competitions.entries.email')}
                    type="email"
                    dir="ltr"
                    value={c.email}
                    onChange={(e) => set(i, { email: e.currentTarget.value })}
                    error={err(`competitors.${i}.email`)}
                  />
                </>
              )}
            </SimpleGrid>
          </Card>
        ))}
        {sensitiveHidden && entry && (
          <Text size="sm" c="dimmed">
            {t('competitions.entries.sensitiveKept')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {entry ? t('common.save') : t('competitions.entries.register')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
