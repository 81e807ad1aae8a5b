import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSession } from '../../../contracts/training.js';
import { currentLocale } from '../../i18n';
import { monthGrid, weekOf } from './zoned-time';

/** Time of a session in the viewer's own zone (the grid is laid out in it). */
function localDate(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function shift(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function addMonth(date: string, months: number) {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/** A week or month grid of sessions, in the viewer's time zone; keyboard users move with the buttons. */
export function ScheduleCalendar({ sessions, initialDate }: { sessions: TSession[]; initialDate: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(initialDate);
  const byDay = new Map<string, TSession[]>();
  for (const s of sessions) {
    const day = localDate(s.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  const weeks = view === 'week' ? [weekOf(anchor)] : monthGrid(y, m);
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayNum = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const title =
    view === 'week'
      ? `${dayNum.format(new Date(`${weeks[0]?.[0]}T00:00:00Z`))} – ${dayNum.format(new Date(`${weeks[0]?.[6]}T00:00:00Z`))}`
      : new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`),
        );

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => setAnchor(view === 'week' ? shift(anchor, -7) : addMonth(anchor, -1))}
          >
            {t('training.calendar.previous')}
          </Button>
          <Text fw={600} aria-live="polite">
            {title}
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => setAnchor(view === 'week' ? shift(anchor, 7) : addMonth(anchor, 1))}
          >
            {t('training.calendar.next')}
          </Button>
        </Group>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'week' | 'month')}
          data={[
            { value: 'week', label: t('training.calendar.week') },
            { value: 'month', label: t('training.calendar.month') },
          ]}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('training.calendar.localTimeNote')}
      </Text>
      {weeks.map((week) => (
        <SimpleGrid key={week[0]} cols={7} spacing={4}>
          {week.map((day) => {
            const items = byDay.get(day) ?? [];
            const outside = view === 'month' && !day.startsWith(anchor.slice(0, 7));
            return (
              <Paper
                key={day}
                withBorder
                p={4}
                mih={view === 'week' ? 120 : 70}
                bg={outside ? 'gray.0' : undefined}
              >
                <Text size="xs" c="dimmed">
                  {dayName.format(new Date(`${day}T00:00:00Z`))} {dayNum.format(new Date(`${day}T00:00:00Z`))}
                </Text>
                {items.map((s) => (
                  <Text key={s.id} size="xs" lineClamp={view === 'week' ? 3 : 1} title={s.title} dir="auto">
                    <b>{time.format(new Date(s.startsAt))}</b> {s.title}
                  </Text>
                ))}
              </Paper>
            );
          })}
        </SimpleGrid>
      ))}
    </Stack>
  );
}
