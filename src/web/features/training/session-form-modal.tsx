import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TSession, ZSessionInput } from '../../../contracts/training.js';
import { ErrorState } from '../../components/error-state';
import { serverFieldErrors } from '../../lib/errors';
import { useSaveSession, useTrainers } from './api';
import { instantToWallTime, wallTimeToInstant } from './zoned-time';

const ZONES = [
  'Asia/Shanghai',
  'Asia/Dhaka',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Africa/Nairobi',
  'Europe/Paris',
  'UTC',
];

export function SessionFormModal({
  cohortId,
  session,
  defaultDate,
  onClose,
}: {
  cohortId: string;
  session: TSession | null;
  defaultDate: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trainers = useTrainers();
  const save = useSaveSession(cohortId);
  const zone = session?.timeZone ?? 'Asia/Shanghai';
  const start = session ? instantToWallTime(session.startsAt, zone) : { date: defaultDate, time: '09:00' };
  const end = session ? instantToWallTime(session.endsAt, zone) : { date: defaultDate, time: '12:00' };
  const [v, setV] = useState({
    title: session?.title ?? '',
    date: start.date,
    from: start.time,
    to: end.time,
    timeZone: zone,
    venue: session?.venue ?? '',
    onlineUrl: session?.onlineUrl ?? '',
    trainerUserId: session?.trainer?.id ?? null,
    language: session?.language ?? '',
    interpreter: session?.interpreter ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const data = {
      moduleId: null,
      title: v.title,
      startsAt: wallTimeToInstant(v.date, v.from, v.timeZone),
      endsAt: wallTimeToInstant(v.date, v.to, v.timeZone),
      timeZone: v.timeZone,
      venue: v.venue,
      onlineUrl: v.onlineUrl,
      trainerUserId: v.trainerUserId,
      language: v.language,
      interpreter: v.interpreter,
    };
    const parsed = ZSessionInput.safeParse(data);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [
            String(i.path[0]),
            t(`validation.${i.message}`, { defaultValue: t('validation.invalid') }),
          ]),
        ),
      );
      return;
    }
    setErrors({});
    save.mutate(
      { id: session?.id, version: session?.version, data: parsed.data },
      {
        onSuccess: onClose,
        onError: (err) =>
          setErrors(
            Object.fromEntries(
              Object.entries(serverFieldErrors(t, err) ?? {}).map(([k, m]) => [k.replace(/^body\./, ''), m]),
            ),
          ),
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={session ? t('training.session.edit') : t('training.session.new')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('training.session.title')}
            required
            value={v.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('training.session.date')}
              required
              value={v.date}
              onChange={(e) => set({ date: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('training.session.from')}
              required
              value={v.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('training.session.to')}
              required
              value={v.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              error={errors.endsAt}
            />
          </Group>
          <Select
            label={t('training.session.timeZone')}
            data={ZONES.includes(v.timeZone) ? ZONES : [...ZONES, v.timeZone]}
            searchable
            value={v.timeZone}
            allowDeselect={false}
            onChange={(z) => set({ timeZone: z ?? 'UTC' })}
          />
          <TextInput
            label={t('training.session.venue')}
            value={v.venue}
            onChange={(e) => set({ venue: e.currentTarget.value })}
            error={errors.venue}
          />
          <TextInput
            label={t('training.session.onlineUrl')}
            type="url"
            dir="ltr"
            value={v.onlineUrl}
            onChange={(e) => set({ onlineUrl: e.currentTarget.value })}
            error={errors.onlineUrl}
          />
          <Select
            label={t('training.session.trainer')}
            clearable
            data={(trainers.data?.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            value={v.trainerUserId}
            onChange={(id) => set({ trainerUserId: id })}
            error={errors.trainerUserId}
          />
          <Group grow>
            <TextInput
              label={t('training.session.language')}
              placeholder="en"
              value={v.language}
              onChange={(e) => set({ language: e.currentTarget.value })}
              error={errors.language}
            />
            <TextInput
              label={t('training.session.interpreter')}
              value={v.interpreter}
              onChange={(e) => set({ interpreter: e.currentTarget.value })}
            />
          </Group>
          {save.error && <ErrorState error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
