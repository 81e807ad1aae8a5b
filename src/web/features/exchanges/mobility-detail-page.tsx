import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MobilityStage, TMobility } from '../../../contracts/exchanges.js';
import { formatMinor } from '../../../domain/projects/money.js';
import { FullPageLoader } from '../../app/session';
import { type Column, DataTable } from '../../components/data-table';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { countryName } from '../../lib/countries';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { pickLocalized } from '../../lib/localized';
import {
  invitationLetterUrl,
  useAddItem,
  useMobility,
  useSubmitReport,
  useTickItem,
  useTransition,
} from './api';
import { StageBadge } from './mobilities-list-page';

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

/** The refusal of a transition in words: what is missing, or which stages are allowed. */
function TransitionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'INVALID_STATE') {
    const problem = String(error.details.problem ?? 'not_allowed');
    const allowed = (error.details.allowed as MobilityStage[] | undefined) ?? [];
    return (
      <Alert color="orange" role="alert">
        {t(`exchanges.problems.${problem}`, {
          allowed: allowed.map((s) => t(`exchanges.stages.${s}`)).join(', ') || '—',
        })}
      </Alert>
    );
  }
  return error ? <ErrorState error={error} /> : null;
}

function TransitionModal({
  m,
  to,
  onClose,
}: {
  m: TMobility;
  to: MobilityStage | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = useTransition(m.id);
  const [note, setNote] = useState('');
  const [date, setDate] = useState(todayIso());
  if (!to) {
    return null;
  }
  const needsStart = to === 'travelling';
  const needsEnd = to === 'returned';
  const close = () => {
    move.reset();
    setNote('');
    onClose();
  };
  const submit = () =>
    move.mutate(
      {
        version: m.version,
        to,
        note,
        ...(needsStart ? { actualStartOn: date } : {}),
        ...(needsEnd ? { actualEndOn: date } : {}),
      },
      { onSuccess: close },
    );
  return (
    <Modal opened onClose={close} title={t('exchanges.moveTo', { stage: t(`exchanges.stages.${to}`) })}>
      <Stack>
        <TransitionError error={move.error} />
        {(needsStart || needsEnd) && (
          <DateField
            label={needsStart ? t('exchanges.actualStartOn') : t('exchanges.actualEndOn')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        )}
        <Textarea
          label={to === 'cancelled' ? t('exchanges.cancelReason') : t('exchanges.note')}
          required={to === 'cancelled'}
          autosize
          minRows={2}
          dir="auto"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={to === 'cancelled' ? 'red' : undefined}
            loading={move.isPending}
            disabled={to === 'cancelled' && note.trim() === ''}
            onClick={submit}
          >
            {t('exchanges.confirmMove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ChecklistPanel({ m }: { m: TMobility }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tick = useTickItem(m.id);
  const add = useAddItem(m.id);
  const [label, setLabel] = useState('');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('exchanges.checklist')} (
        {t('exchanges.checklistProgress', { done: m.checklistDone, total: m.checklistTotal })})
      </Title>
      {tick.error && <ErrorState error={tick.error} />}
      <Stack gap="xs">
        {m.checklist.map((item) => (
          <Checkbox
            key={item.id}
            checked={item.done}
            disabled={!m.abilities.update || tick.isPending}
            onChange={(e) => tick.mutate({ itemId: item.id, done: e.currentTarget.checked })}
            label={item.code ? t(`exchanges.checklistItems.${item.code}`) : item.label}
            description={
              item.done && item.doneAt
                ? t('exchanges.doneBy', {
                    name: item.doneByName ?? '—',
                    at: formatDateTime(item.doneAt, locale),
                  })
                : undefined
            }
          />
        ))}
      </Stack>
      {m.abilities.update && (
        <Group mt="sm" align="flex-end">
          <TextInput
            label={t('exchanges.addItem')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            dir="auto"
            w={300}
          />
          <Button
            variant="light"
            disabled={label.trim() === ''}
            loading={add.isPending}
            onClick={() => add.mutate(label, { onSuccess: () => setLabel('') })}
          >
            {t('exchanges.add')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function ReportPanel({ m }: { m: TMobility }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const submit = useSubmitReport(m.id);
  const [values, setValues] = useState({
    summary: m.report?.summary ?? '',
    outcomes: m.report?.outcomes ?? '',
    followUpActions: m.report?.followUpActions ?? '',
  });
  const canEdit = m.abilities.update && (m.stage === 'returned' || m.stage === 'report_received');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('exchanges.report')}
      </Title>
      {m.report && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('exchanges.submittedBy', {
            name: m.report.submittedByName ?? '—',
            at: formatDateTime(m.report.submittedAt, locale),
          })}
        </Text>
      )}
      {!canEdit && !m.report && <Text c="dimmed">{t('exchanges.reportAfterReturn')}</Text>}
      {!canEdit && m.report && (
        <Stack gap="xs">
          <Field label={t('exchanges.summary')}>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {m.report.summary}
            </Text>
          </Field>
          <Field label={t('exchanges.outcomes')}>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {m.report.outcomes}
            </Text>
          </Field>
          <Field label={t('exchanges.followUpActions')}>
            <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
              {m.report.followUpActions}
            </Text>
          </Field>
        </Stack>
      )}
      {canEdit && (
        <Stack>
          {submit.error && <ErrorState error={submit.error} />}
          {(['summary', 'outcomes', 'followUpActions'] as const).map((k) => (
            <Textarea
              key={k}
              label={t(`exchanges.${k}`)}
              required={k === 'summary'}
              autosize
              minRows={3}
              dir="auto"
              value={values[k]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [k]: v }));
              }}
            />
          ))}
          <Group justify="flex-end">
            <Button
              loading={submit.isPending}
              disabled={values.summary.trim() === ''}
              onClick={() => submit.mutate({ version: m.version, ...values })}
            >
              {t('exchanges.submitReport')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

export function MobilityDetailPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const query = useMobility(id);
  const [moveTo, setMoveTo] = useState<MobilityStage | null>(null);

  if (query.isPending) {
    return <FullPageLoader />;
  }
  if (query.error) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const m = query.data;
  const party = (p: TMobility['home']) =>
    p.isOwn ? t('exchanges.ownCollege') : p.partner ? pickLocalized(p.partner.names, locale) : '—';

  const memberColumns: Column<TMobility['members'][number]>[] = [
    {
      key: 'nameNative',
      header: t('exchanges.members.nameNative'),
      render: (r) => <span dir="auto">{r.nameNative}</span>,
    },
    { key: 'nameLatin', header: t('exchanges.members.nameLatin'), render: (r) => r.nameLatin },
    {
      key: 'gender',
      header: t('exchanges.members.gender'),
      render: (r) => t(`exchanges.genders.${r.gender}`),
    },
    {
      key: 'position',
      header: t('exchanges.members.position'),
      render: (r) => <span dir="auto">{r.position}</span>,
    },
    {
      key: 'nationality',
      header: t('exchanges.members.nationality'),
      render: (r) => (r.nationality ? countryName(r.nationality, locale) : '—'),
    },
    ...(m.abilities.readSensitive
      ? [
          {
            key: 'passport',
            header: t('exchanges.members.passportNumber'),
            render: (r: TMobility['members'][number]) => r.passportNumber || '—',
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <PageHeader
        title={m.title}
        actions={
          <Group>
            {m.abilities.invitationLetter && (
              <Button component="a" href={invitationLetterUrl(m.id)} variant="light" download>
                {t('exchanges.invitationLetter')}
              </Button>
            )}
            {m.abilities.update && (
              <Button component={Link} to={`/exchanges/${m.id}/edit`} variant="default">
                {t('common.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder>
        <Group justify="space-between" align="center">
          <Group gap="xs">
            <Text fw={500}>{t('exchanges.stage')}:</Text>
            <StageBadge stage={m.stage} />
          </Group>
          {m.abilities.transition && m.nextStages.length > 0 && (
            <Group gap="xs">
              {m.nextStages.map((s) => (
                <Button
                  key={s}
                  size="sm"
                  color={s === 'cancelled' ? 'red.9' : undefined}
                  variant={s === 'cancelled' ? 'outline' : 'filled'}
                  onClick={() => setMoveTo(s)}
                >
                  {t(`exchanges.actions.${s}`)}
                </Button>
              ))}
            </Group>
          )}
        </Group>
        {m.cancellationReason && (
          <Alert color="gray" mt="sm" title={t('exchanges.cancelReason')}>
            <span dir="auto">{m.cancellationReason}</span>
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('exchanges.direction')}>{t(`exchanges.directions.${m.direction}`)}</Field>
          <Field label={t('exchanges.category')}>{t(`exchanges.categories.${m.category}`)}</Field>
          <Field label={t('exchanges.country')}>{m.country ? countryName(m.country, locale) : ''}</Field>
          <Field label={t('exchanges.home')}>{party(m.home)}</Field>
          <Field label={t('exchanges.host')}>{party(m.host)}</Field>
          <Field label={t('exchanges.destinationCity')}>{m.destinationCity}</Field>
          <Field label={t('exchanges.plannedDates')}>
            {formatDate(m.plannedStartOn, locale)} – {formatDate(m.plannedEndOn, locale)}
          </Field>
          <Field label={t('exchanges.actualDates')}>
            {m.actualStartOn
              ? `${formatDate(m.actualStartOn, locale)} – ${formatDate(m.actualEndOn, locale) || '…'}`
              : ''}
          </Field>
          <Field label={t('exchanges.costsBorneBy')}>{t(`exchanges.costBearers.${m.costsBorneBy}`)}</Field>
          <Field label={t('exchanges.fundingSource')}>{m.fundingSource}</Field>
          <Field label={t('exchanges.fundingAmount')}>
            {m.fundingAmountMinor !== null && m.fundingCurrency
              ? formatMinor(m.fundingAmountMinor, m.fundingCurrency, locale)
              : ''}
          </Field>
          <Field label={t('exchanges.agreement')}>
            {m.agreement && (
              <Anchor component={Link} to={`/agreements/${m.agreement.id}`}>
                {pickLocalized(m.agreement.title, locale)}
              </Anchor>
            )}
          </Field>
          <Field label={t('exchanges.project')}>
            {m.project && `${m.project.code} ${pickLocalized(m.project.title, locale)}`}
          </Field>
        </SimpleGrid>
        <Field label={t('exchanges.purpose')}>
          <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {m.purpose}
          </Text>
        </Field>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('exchanges.members.title')}
        </Title>
        {!m.abilities.readSensitive && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('exchanges.members.sensitiveHidden')}
          </Text>
        )}
        <DataTable
          label={t('exchanges.members.title')}
          columns={memberColumns}
          rows={m.members}
          rowKey={(r) => r.id}
          empty={<Text c="dimmed">{t('exchanges.members.empty')}</Text>}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChecklistPanel m={m} />
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('exchanges.history')}
          </Title>
          <Timeline active={m.events.length - 1} bulletSize={14} lineWidth={2}>
            {m.events.map((e) => (
              <Timeline.Item key={e.id} title={t(`exchanges.stages.${e.toStage}`)}>
                <Text size="sm" c="dimmed">
                  {t('exchanges.eventBy', { name: e.actorName ?? '—', at: formatDateTime(e.at, locale) })}
                </Text>
                {e.note && (
                  <Text size="sm" dir="auto">
                    {e.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      <ReportPanel key={`${m.id}:${m.version}`} m={m} />
      <TransitionModal m={m} to={moveTo} onClose={() => setMoveTo(null)} />
    </Stack>
  );
}
