import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ATTENDANCE_MARKS, type AttendanceMark } from '../../../contracts/training.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useAttendance, useCohort, useEnrolments, useMarkAttendance } from './api';

const COLORS: Record<AttendanceMark, string> = { present: 'green', absent: 'red', excused: 'yellow' };
/** The theme's darkened text shade of a colour: 4.5:1 on white and on that colour's light shades. */
const textColor = (color: string) => `var(--mantine-color-${color}-light-color)`;
const NEXT: Record<AttendanceMark, AttendanceMark> = {
  present: 'absent',
  absent: 'excused',
  excused: 'present',
};

/**
 * Tablet-first attendance: one large card per participant toggles present → absent → excused;
 * "all present" fills the unmarked; one Save sends everything in a single request.
 */
export function AttendancePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const cohort = useCohort(id);
  const enrolments = useEnrolments(id);
  // A trainer marks only the sessions they give; coordinators every session.
  const markable = (cohort.data?.sessions ?? []).filter((s) => s.abilities.markAttendance);
  const sessionId = params.get('session') ?? markable[0]?.id;
  const saved = useAttendance(sessionId);
  const mark = useMarkAttendance(sessionId ?? '');
  const [draft, setDraft] = useState<Record<string, AttendanceMark>>({});
  const legendId = useId();

  const savedMarks = useMemo(
    () =>
      Object.fromEntries((saved.data?.marks ?? []).map((m) => [m.enrolmentId, m.mark])) as Record<
        string,
        AttendanceMark
      >,
    [saved.data],
  );
  useEffect(() => setDraft(savedMarks), [savedMarks]);

  if (cohort.isPending || enrolments.isPending) {
    return <FullPageLoader />;
  }
  if (cohort.error || !cohort.data) {
    return <ErrorState error={cohort.error} />;
  }
  const seated = (enrolments.data?.data ?? []).filter(
    (e) => e.status !== 'withdrawn' && e.waitlistPosition === null,
  );
  const dirty = seated.some((e) => draft[e.id] !== savedMarks[e.id]);
  const allMarked = seated.every((e) => draft[e.id]);
  const session = markable.find((s) => s.id === sessionId);
  const notTheirs = !session && cohort.data.sessions.some((s) => s.id === sessionId);

  function save() {
    const marks = seated
      .filter((e) => draft[e.id])
      .map((e) => ({ enrolmentId: e.id, mark: draft[e.id] as AttendanceMark }));
    if (marks.length > 0) {
      mark.mutate(marks);
    }
  }

  return (
    <Stack>
      <PageHeader title={t('training.attendance.title')} subtitle={cohort.data.name} />
      <Select
        label={t('training.attendance.session')}
        data={markable.map((s) => ({
          value: s.id,
          label: `${formatDateTime(s.startsAt, locale, s.timeZone)} · ${s.title}`,
        }))}
        value={sessionId ?? null}
        allowDeselect={false}
        onChange={(v) => v && setParams({ session: v })}
        maw={520}
      />
      {notTheirs && <Alert color="orange">{t('training.attendance.notYourSession')}</Alert>}
      {!session && !notTheirs && <Text c="dimmed">{t('training.attendance.noSessions')}</Text>}
      {session && (
        <>
          <Group>
            <Button
              size="lg"
              variant="light"
              onClick={() =>
                setDraft((d) => Object.fromEntries(seated.map((e) => [e.id, d[e.id] ?? 'present'])))
              }
            >
              {t('training.attendance.allPresent')}
            </Button>
            <Button size="lg" onClick={save} loading={mark.isPending} disabled={!dirty}>
              {t('training.attendance.save')}
            </Button>
            <Text role="status" aria-live="polite" c={textColor(dirty ? 'orange' : 'green')}>
              {dirty
                ? t('training.attendance.unsaved')
                : allMarked && seated.length > 0
                  ? t('training.attendance.saved')
                  : ''}
            </Text>
          </Group>
          {mark.error && <ErrorState error={mark.error} />}
          {seated.length === 0 && <Alert>{t('training.attendance.nobody')}</Alert>}
          <SimpleGrid
            cols={{ base: 1, xs: 2, md: 3, lg: 4 }}
            role="list"
            aria-label={t('training.attendance.title')}
          >
            {seated.map((e) => {
              const m = draft[e.id];
              return (
                <Paper key={e.id} withBorder p={0} role="listitem" bg={m ? `${COLORS[m]}.0` : undefined}>
                  <UnstyledButton
                    w="100%"
                    mih={88}
                    p="md"
                    // Named by what it shows (name, native name, mark: WCAG 2.5.3 Label in Name);
                    // the legend below says that a press changes the mark.
                    aria-describedby={legendId}
                    onClick={() => setDraft((d) => ({ ...d, [e.id]: m ? NEXT[m] : 'present' }))}
                    style={{
                      borderInlineStart: `8px solid var(--mantine-color-${m ? COLORS[m] : 'gray'}-6)`,
                    }}
                  >
                    <Text fw={600}>{e.participant.nameLatin}</Text>
                    {e.participant.nameNative && (
                      <Text size="sm" dir="auto">
                        {e.participant.nameNative}
                      </Text>
                    )}
                    <Text size="sm" c={m ? textColor(COLORS[m]) : 'dimmed'} fw={600}>
                      {m ? t(`training.marks.${m}`) : t('training.attendance.unmarked')}
                    </Text>
                  </UnstyledButton>
                </Paper>
              );
            })}
          </SimpleGrid>
          <Text size="xs" c="dimmed" id={legendId}>
            {t('training.attendance.legend', {
              marks: ATTENDANCE_MARKS.map((x) => t(`training.marks.${x}`)).join(' → '),
            })}
          </Text>
        </>
      )}
    </Stack>
  );
}
