import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TCompetition,
  TCompetitionDayInput,
  TWorkshop,
  TWorkshopInput,
} from '../../../contracts/competitions.js';
import type { Column } from '../../components/data-table';
import { DateField } from '../../components/date-field';
import { currentLocale } from '../../i18n';
import { serverFieldErrors } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDeleteWorkshop, useSaveDays, useSaveWorkshop, useSkills, useWorkshops } from './api';
import { RecordsTable, SaveError, skillLabel } from './shared';

/** Competition days C-4 … C4, saved as a whole against the competition's version. */
function DaysEditor({
  competition,
  canManage,
  onReload,
}: {
  competition: TCompetition;
  canManage: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveDays(competition.id);
  const [days, setDays] = useState<TCompetitionDayInput[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another version arrives
  useEffect(() => {
    setDays(competition.days.map(({ code, date, label }) => ({ code, date, label })));
    setErrors({});
  }, [competition.id, competition.version]);

  if (!canManage) {
    return (
      <Table aria-label={t('competitions.days.title')}>
        <Table.Tbody>
          {competition.days.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td fw={600}>{d.code}</Table.Td>
              <Table.Td>{formatDate(d.date, locale)}</Table.Td>
              <Table.Td>{d.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  const set = (i: number, patch: Partial<TCompetitionDayInput>) =>
    setDays(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <Stack>
      <SaveError error={save.error} onReload={onReload} />
      <Text size="sm" c="dimmed">
        {t('competitions.days.hint')}
      </Text>
      {days.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
        <Group key={i} align="flex-start" gap="sm">
          <TextInput
            label={t('competitions.days.code')}
            w={90}
            dir="ltr"
            value={d.code}
            onChange={(e) => set(i, { code: e.currentTarget.value.toUpperCase() })}
            error={errors[`days.${i}.code`]}
          />
          <DateField
            label={t('competitions.days.date')}
            value={d.date}
            onChange={(e) => set(i, { date: e.currentTarget.value })}
            error={errors[`days.${i}.date`]}
          />
          <TextInput
            label={t('competitions.days.label')}
            dir="auto"
            value={d.label}
            onChange={(e) => set(i, { label: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            mt={28}
            variant="subtle"
            color="red"
            aria-label={t('competitions.days.remove', { code: d.code })}
            onClick={() => setDays(days.filter((_, j) => j !== i))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            setDays([...days, { code: `C${days.length + 1}`, date: competition.startsOn, label: '' }])
          }
        >
          {t('competitions.days.add')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { version: competition.version, days },
              {
                onSuccess: () => notifications.show({ color: 'green', message: t('competitions.saved') }),
                onError: (e) => setErrors(serverFieldErrors(t, e) ?? {}),
              },
            )
          }
        >
          {t('competitions.days.save')}
        </Button>
      </Group>
    </Stack>
  );
}

const blankWorkshop = (): TWorkshopInput => ({
  skillId: null,
  name: '',
  location: '',
  workstations: 0,
  notes: '',
});

function WorkshopModal({
  competitionId,
  workshop,
  opened,
  onClose,
}: {
  competitionId: string;
  workshop: TWorkshop | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveWorkshop(competitionId);
  const skills = useSkills(competitionId);
  const [v, setV] = useState<TWorkshopInput>(blankWorkshop());
  const [errors, setErrors] = useState<Record<string, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens on another workshop
  useEffect(() => {
    if (opened) {
      save.reset();
      setErrors({});
      setV(
        workshop
          ? {
              skillId: workshop.skillId,
              name: workshop.name,
              location: workshop.location,
              workstations: workshop.workstations,
              notes: workshop.notes,
            }
          : blankWorkshop(),
      );
    }
  }, [opened, workshop?.id, workshop?.version]);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={workshop ? t('competitions.workshops.edit') : t('competitions.workshops.add')}
    >
      <Stack>
        <SaveError error={save.error} onReload={onClose} />
        <TextInput
          label={t('competitions.workshops.name')}
          required
          dir="auto"
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={errors.name}
        />
        <Select
          label={t('competitions.skill')}
          clearable
          data={(skills.data?.data ?? []).map((s) => ({ value: s.id, label: skillLabel(s) }))}
          value={v.skillId}
          onChange={(x) => setV({ ...v, skillId: x })}
          error={errors.skillId}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('competitions.workshops.location')}
            dir="auto"
            value={v.location}
            onChange={(e) => setV({ ...v, location: e.currentTarget.value })}
          />
          <NumberInput
            label={t('competitions.workshops.workstations')}
            min={0}
            max={1000}
            allowDecimal={false}
            value={v.workstations}
            onChange={(x) => setV({ ...v, workstations: Number(x) || 0 })}
          />
        </SimpleGrid>
        <Textarea
          label={t('competitions.workshops.notes')}
          autosize
          dir="auto"
          value={v.notes}
          onChange={(e) => setV({ ...v, notes: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { id: workshop?.id, version: workshop?.version, data: { ...v, name: v.name.trim() } },
                { onSuccess: onClose, onError: (e) => setErrors(serverFieldErrors(t, e) ?? {}) },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ScheduleTab({
  competition,
  canManage,
  onReload,
}: {
  competition: TCompetition;
  canManage: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const workshops = useWorkshops(competition.id);
  const skills = useSkills(competition.id);
  const del = useDeleteWorkshop();
  const [editing, setEditing] = useState<TWorkshop | 'new' | null>(null);
  const skillOf = (id: string | null) => (skills.data?.data ?? []).find((s) => s.id === id);
  const columns: Column<TWorkshop>[] = [
    { key: 'name', header: t('competitions.workshops.name'), render: (w) => <strong>{w.name}</strong> },
    {
      key: 'skill',
      header: t('competitions.skill'),
      render: (w) => {
        const s = skillOf(w.skillId);
        return s ? skillLabel(s) : '—';
      },
    },
    { key: 'location', header: t('competitions.workshops.location'), render: (w) => w.location || '—' },
    {
      key: 'workstations',
      header: t('competitions.workshops.workstations'),
      noWrap: true,
      render: (w) => w.workstations,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: <span className="sr-only">{t('common.actions')}</span>,
            noWrap: true,
            render: (w: TWorkshop) => (
              <Group gap={4}>
                <Button size="xs" variant="default" onClick={() => setEditing(w)}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    window.confirm(t('competitions.workshops.deleteConfirm', { name: w.name })) &&
                    del.mutate({ id: w.id, version: w.version })
                  }
                >
                  {t('competitions.workshops.delete')}
                </Button>
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('competitions.days.title')}
        </Title>
        <DaysEditor competition={competition} canManage={canManage} onReload={onReload} />
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('competitions.workshops.title')}
          </Title>
          {canManage && <Button onClick={() => setEditing('new')}>{t('competitions.workshops.add')}</Button>}
        </Group>
        <RecordsTable
          label={t('competitions.workshops.title')}
          columns={columns}
          query={workshops}
          deleteError={del.error}
          empty={t('competitions.workshops.empty')}
          canManage={canManage}
          editing={editing}
          onEdit={setEditing}
          modal={(p) => (
            <WorkshopModal
              competitionId={competition.id}
              workshop={p.record}
              opened={p.opened}
              onClose={p.onClose}
            />
          )}
        />
      </Card>
    </Stack>
  );
}
