import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TSession } from '../../../contracts/training.js';
import { FullPageLoader } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { httpHref } from '../../lib/safe-url';
import { CohortCertificatesPanel } from '../certificates/cohort-certificates-panel';
import { cohortCalendarUrl, trainerCalendarUrl, useCohort } from './api';
import { EnrolmentsPanel } from './enrolments-panel';
import { ScheduleCalendar } from './schedule-calendar';
import { SessionFormModal } from './session-form-modal';

export function CohortPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const q = useCohort(id);
  const [editing, setEditing] = useState<TSession | 'new' | null>(null);
  if (q.isPending) {
    return <FullPageLoader />;
  }
  if (q.error || !q.data) {
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data;
  const firstDay =
    c.sessions[0]?.startsAt.slice(0, 10) ?? c.startsOn ?? new Date().toISOString().slice(0, 10);
  const columns: Column<TSession>[] = [
    {
      key: 'when',
      header: t('training.session.when'),
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm">{formatDateTime(s.startsAt, locale, s.timeZone)}</Text>
          <Text size="xs" c="dimmed">
            {s.timeZone}
          </Text>
        </Stack>
      ),
      noWrap: true,
    },
    { key: 'title', header: t('training.session.title'), render: (s) => <span dir="auto">{s.title}</span> },
    {
      key: 'where',
      header: t('training.session.venue'),
      render: (s) => (
        <Stack gap={0}>
          {s.venue && <span dir="auto">{s.venue}</span>}
          {httpHref(s.onlineUrl) && (
            <Anchor
              href={httpHref(s.onlineUrl)}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              dir="ltr"
            >
              {t('training.session.online')}
            </Anchor>
          )}
        </Stack>
      ),
    },
    {
      key: 'trainer',
      header: t('training.session.trainer'),
      render: (s) =>
        s.trainer ? (
          <Group gap={4}>
            <span>{s.trainer.displayName}</span>
            <Anchor href={trainerCalendarUrl(s.trainer.id)} size="xs" download>
              .ics
            </Anchor>
          </Group>
        ) : (
          '—'
        ),
    },
    {
      key: 'language',
      header: t('training.session.language'),
      render: (s) =>
        [s.language, s.interpreter && t('training.session.interpreterValue', { name: s.interpreter })]
          .filter(Boolean)
          .join(' · '),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (s) => (
        <Group gap={4} wrap="nowrap">
          {s.abilities.markAttendance && (
            <Button
              size="compact-sm"
              component={Link}
              to={`/training/cohorts/${c.id}/attendance?session=${s.id}`}
            >
              {t('training.attendance.take')}
            </Button>
          )}
          {c.abilities.update && (
            <Button size="compact-sm" variant="default" onClick={() => setEditing(s)}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <PageHeader
        title={<span dir="auto">{c.name}</span>}
        subtitle={
          <Group gap="xs">
            <Anchor component={Link} to={`/training/programmes/${c.programme.id}`} dir="auto">
              {pickLocalized(c.programme.title, locale)}
            </Anchor>
            <Text c="dimmed">
              {formatDate(c.startsOn, locale)} – {formatDate(c.endsOn, locale)}
            </Text>
            <Badge variant="light">
              {t('training.cohort.seatsValue', { taken: c.seatsTaken, capacity: c.capacity })}
            </Badge>
            {c.waitingCount > 0 && (
              <Badge color="orange" variant="light">
                {t('training.cohort.waitingValue', { count: c.waitingCount })}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            <Button component="a" href={cohortCalendarUrl(c.id)} variant="default" download>
              {t('training.calendar.downloadIcs')}
            </Button>
            {c.abilities.import && (
              <Button component={Link} to={`/training/cohorts/${c.id}/import`} variant="default">
                {t('training.import.title')}
              </Button>
            )}
          </>
        }
      />
      <Tabs defaultValue="schedule" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="schedule">{t('training.cohort.schedule')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('training.calendar.title')}</Tabs.Tab>
          <Tabs.Tab value="enrolments">{t('training.cohort.enrolments')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="schedule" pt="md">
          <Stack>
            {c.abilities.update && (
              <Group>
                <Button onClick={() => setEditing('new')}>{t('training.session.new')}</Button>
              </Group>
            )}
            <DataTable
              label={t('training.cohort.schedule')}
              columns={columns}
              rows={c.sessions}
              rowKey={(s) => s.id}
              testId="sessions-table"
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <Card withBorder>
            <ScheduleCalendar sessions={c.sessions} initialDate={firstDay} />
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="enrolments" pt="md">
          <EnrolmentsPanel cohort={c} />
          <CohortCertificatesPanel cohortId={c.id} />
        </Tabs.Panel>
      </Tabs>
      {editing && (
        <SessionFormModal
          cohortId={c.id}
          session={editing === 'new' ? null : editing}
          defaultDate={c.startsOn ?? firstDay}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
