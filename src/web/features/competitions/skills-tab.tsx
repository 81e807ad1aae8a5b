import {
  ActionIcon,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SKILL_TYPES, type TSkill, type TSkillInput, ZSkillInput } from '../../../contracts/competitions.js';
import { WORLDSKILLS_SKILLS, worldSkillsSkillName } from '../../../domain/bases/worldskills-skills.js';
import type { Column } from '../../components/data-table';
import { useModalForm } from '../../components/edit-form-page';
import { LocalizedTextEditor } from '../../components/localized-text-editor';
import { zodValidator } from '../../lib/errors';
import { useDeleteSkill, useSaveSkill, useSkills } from './api';
import { RecordFormModal, RecordsTable, skillLabel } from './shared';

const FLAGS = [
  'allowCompatriotMarking',
  'generateResultsAndMedals',
  'excludeFromMemberComparison',
  'excludeFromAlbertVidal',
  'markingSuspended',
] as const;

const defaults = (): TSkillInput => ZSkillInput.parse({ number: '00', names: { en: 'x' } });

function toInput(s: TSkill): TSkillInput {
  const {
    id: _i,
    competitionId: _c,
    resultsState: _r,
    entryCount: _e,
    expertCount: _x,
    version: _v,
    ...rest
  } = s;
  return rest;
}

function SkillModal({
  competitionId,
  skill,
  opened,
  onClose,
}: {
  competitionId: string;
  skill: TSkill | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSkill(competitionId);
  const form = useForm<TSkillInput>({
    initialValues: { ...defaults(), number: '', names: {} },
    validate: zodValidator(ZSkillInput, t),
  });

  const submit = useModalForm({
    opened,
    record: skill,
    form,
    save,
    toValues: (x) => (x ? toInput(x) : { ...defaults(), number: '', names: {} }),
    toData: (values) => ZSkillInput.parse(values) as TSkillInput,
    onClose,
  });

  const v = form.getValues();
  return (
    <RecordFormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={skill ? t('competitions.skills.edit') : t('competitions.skills.add')}
      onSubmit={submit}
      saveError={save.error}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Autocomplete
          label={t('competitions.skills.number')}
          description={t('competitions.skills.numberHint')}
          required
          data={WORLDSKILLS_SKILLS.map((s) => `${s.number} ${s.name}`)}
          {...form.getInputProps('number')}
          onChange={(x) => {
            const number = x.split(' ')[0] ?? '';
            form.setFieldValue('number', number);
            const name = worldSkillsSkillName(number);
            if (name && !form.getValues().names.en) {
              form.setFieldValue('names', { ...form.getValues().names, en: name });
            }
          }}
        />
        <Select
          label={t('competitions.skills.type')}
          allowDeselect={false}
          data={SKILL_TYPES.map((s) => ({ value: s, label: t(`competitions.skillTypes.${s}`) }))}
          {...form.getInputProps('skillType')}
        />
        <NumberInput
          label={t('competitions.skills.maxEntriesPerMember')}
          min={1}
          max={50}
          allowDecimal={false}
          {...form.getInputProps('maxEntriesPerMember')}
        />
      </SimpleGrid>
      <LocalizedTextEditor
        legend={t('competitions.name')}
        value={v.names}
        onChange={(x) => form.setFieldValue('names', x)}
        required={['en']}
        error={form.errors.names}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Checkbox
          mt="lg"
          label={t('competitions.skills.teamBased')}
          {...form.getInputProps('teamBased', { type: 'checkbox' })}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            form.setFieldValue('teamBased', on);
            form.setFieldValue('teamSize', on ? Math.max(2, form.getValues().teamSize) : 1);
          }}
        />
        <NumberInput
          label={t('competitions.skills.teamSize')}
          min={1}
          max={20}
          allowDecimal={false}
          disabled={!v.teamBased}
          {...form.getInputProps('teamSize')}
        />
        <div />
        <NumberInput
          label={t('competitions.skills.numJudges')}
          description={t('competitions.skills.numJudgesHint')}
          min={1}
          max={5}
          allowDecimal={false}
          {...form.getInputProps('numJudges')}
        />
        <NumberInput
          label={t('competitions.skills.maxJudgeSpread')}
          description={t('competitions.skills.maxJudgeSpreadHint')}
          min={0}
          max={3}
          allowDecimal={false}
          {...form.getInputProps('maxJudgeSpread')}
        />
      </SimpleGrid>
      <Stack gap="xs">
        {FLAGS.map((f) => (
          <Checkbox
            key={f}
            label={t(`competitions.skills.flags.${f}`)}
            description={t(`competitions.skills.flagHints.${f}`)}
            {...form.getInputProps(f, { type: 'checkbox' })}
          />
        ))}
      </Stack>
    </RecordFormModal>
  );
}

/** Skills of the competition: number, name, type, team size, flags, entrants and experts. */
export function SkillsTab({ competitionId, canManage }: { competitionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, onEdit] = useState<TSkill | 'new' | null>(null);
  const skills = useSkills(competitionId);
  const del = useDeleteSkill();
  const columns: Column<TSkill>[] = [
    {
      key: 'skill',
      header: t('competitions.skill'),
      render: (s) => (
        <Anchor component={Link} to={`/competitions/${competitionId}/skills/${s.id}`} fw={500}>
          {skillLabel(s)}
        </Anchor>
      ),
    },
    {
      key: 'type',
      header: t('competitions.skills.type'),
      render: (s) => t(`competitions.skillTypes.${s.skillType}`),
    },
    {
      key: 'team',
      header: t('competitions.skills.format'),
      noWrap: true,
      render: (s) =>
        s.teamBased
          ? t('competitions.skills.teamOf', { count: s.teamSize })
          : t('competitions.skills.individual'),
    },
    {
      key: 'flags',
      header: t('competitions.skills.flagsTitle'),
      render: (s) => (
        <Group gap={4}>
          {FLAGS.filter((f) => (f === 'generateResultsAndMedals' ? !s[f] : s[f])).map((f) => (
            <Badge key={f} size="sm" variant="outline">
              {t(
                f === 'generateResultsAndMedals'
                  ? 'competitions.skills.noResults'
                  : `competitions.skills.flags.${f}`,
              )}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'entries', header: t('competitions.entries.title'), noWrap: true, render: (s) => s.entryCount },
    { key: 'experts', header: t('competitions.experts.title'), noWrap: true, render: (s) => s.expertCount },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: <span className="sr-only">{t('common.actions')}</span>,
            noWrap: true,
            render: (s: TSkill) => (
              <Group gap={4}>
                <Button size="xs" variant="default" onClick={() => onEdit(s)}>
                  {t('common.edit')}
                </Button>
                {s.entryCount + s.expertCount === 0 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('competitions.skills.delete', { skill: skillLabel(s) })}
                    onClick={() => {
                      if (window.confirm(t('competitions.skills.deleteConfirm', { skill: skillLabel(s) }))) {
                        del.mutate({ id: s.id, version: s.version });
                      }
                    }}
                  >
                    ✕
                  </ActionIcon>
                )}
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack>
      <RecordsTable
        label={t('competitions.tabs.skills')}
        addLabel={t('competitions.skills.add')}
        columns={columns}
        query={skills}
        deleteError={del.error}
        empty={t('competitions.skills.empty')}
        canManage={canManage}
        editing={editing}
        onEdit={onEdit}
        modal={(p) => (
          <SkillModal competitionId={competitionId} skill={p.record} opened={p.opened} onClose={p.onClose} />
        )}
      />
    </Stack>
  );
}
