import { Button, Card, Group, Modal, SimpleGrid, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TCompetition } from '../../../contracts/competitions.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import { useCancelCompetition, useCompetition } from './api';
import { MembersTab } from './members-tab';
import { EntrantsTab, ExpertsTab } from './people-tabs';
import { ScheduleTab } from './schedule-tab';
import { SettingsTab } from './settings-tab';
import { CompetitionBadge, SaveError } from './shared';
import { SkillsTab } from './skills-tab';

const TABS = ['skills', 'members', 'entrants', 'experts', 'schedule', 'settings'] as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children === '' || children === null || children === undefined ? '—' : children}</div>
    </div>
  );
}

function CancelButton({ competition }: { competition: TCompetition }) {
  const { t } = useTranslation();
  const cancel = useCancelCompetition(competition.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t('competitions.cancel')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('competitions.cancelTitle')}>
        <Stack>
          <SaveError error={cancel.error} onReload={() => setOpen(false)} />
          <Textarea
            label={t('competitions.entries.reason')}
            required
            autosize
            minRows={2}
            dir="auto"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              color="red"
              disabled={reason.trim().length < 3}
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(
                  { version: competition.version, reason: reason.trim() },
                  { onSuccess: () => setOpen(false) },
                )
              }
            >
              {t('competitions.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A competition: its particulars and the set-up tabs. */
export function CompetitionPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { competitionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const competition = useCompetition(competitionId);
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'skills';

  if (competition.isPending) {
    return <FullPageLoader />;
  }
  if (competition.error) {
    return <ErrorState error={competition.error} onRetry={() => void competition.refetch()} />;
  }
  const c = competition.data;
  const canManage = c.abilities.update;
  const reload = () => void competition.refetch();
  return (
    <Stack>
      <PageHeader
        title={pickLocalized(c.names, locale)}
        subtitle={
          <Group gap="xs">
            <CompetitionBadge kind="competition" status={c.status} />
            <Text c="dimmed">
              {formatDate(c.startsOn, locale)} – {formatDate(c.endsOn, locale)}
            </Text>
          </Group>
        }
        actions={
          <>
            {c.abilities.register && (
              <Button component={Link} to={`/competitions/${c.id}/register`} variant="default">
                {t('competitions.portal.open')}
              </Button>
            )}
            <Button component={Link} to={`/competitions/${c.id}/results`} variant="default">
              {t('competitions.results')}
            </Button>
            {canManage && (
              <Button component={Link} to={`/competitions/${c.id}/edit`}>
                {t('common.edit')}
              </Button>
            )}
            {canManage && <CancelButton competition={c} />}
          </>
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Field label={t('competitions.place')}>
            {[c.venue, c.city, countryName(c.country, locale)].filter(Boolean).join(', ')}
          </Field>
          <Field label={t('competitions.host')}>
            {c.hostPartner ? pickLocalized(c.hostPartner.names, locale) : c.hostName}
          </Field>
          <Field label={t('competitions.registrationWindow')}>
            {c.registrationOpensOn && c.registrationClosesOn
              ? `${formatDate(c.registrationOpensOn, locale)} – ${formatDate(c.registrationClosesOn, locale)}`
              : ''}
            {c.registrationOpen && (
              <Text size="xs" c="green">
                {t('competitions.portal.openNow')}
              </Text>
            )}
          </Field>
          <Field label={t('competitions.slug')}>
            <span dir="ltr">{c.slug}</span>
          </Field>
        </SimpleGrid>
        {c.description && (
          <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {c.description}
          </Text>
        )}
      </Card>
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams(
            (p) => {
              const next = new URLSearchParams(p);
              next.set('tab', v ?? 'skills');
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`competitions.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="skills" pt="md">
          <SkillsTab competitionId={c.id} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MembersTab competitionId={c.id} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="entrants" pt="md">
          <EntrantsTab
            competitionId={c.id}
            canManage={canManage}
            sensitiveHidden={!c.abilities.viewSensitive}
          />
        </Tabs.Panel>
        <Tabs.Panel value="experts" pt="md">
          <ExpertsTab competitionId={c.id} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md">
          <ScheduleTab competition={c} canManage={canManage} onReload={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <SettingsTab competition={c} canManage={canManage} onReload={reload} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
