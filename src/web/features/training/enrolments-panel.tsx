import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENROLMENT_STATUSES,
  type EnrolmentStatus,
  GENDERS,
  type TCohort,
  type TEnrolment,
  type TParticipant,
  type TParticipantInput,
  ZParticipantInput,
} from '../../../contracts/training.js';
import { CountrySelect } from '../../components/country-select';
import { type Column, DataTable } from '../../components/data-table';
import { ErrorState } from '../../components/error-state';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { countryName } from '../../lib/countries';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ParticipantCompetitionResults } from '../competition-results/participant-results';
import {
  enrolmentExportUrl,
  useChangeStatus,
  useEnrol,
  useEnrolments,
  useEnterScores,
  useIssuePortalLink,
  useUpdateParticipant,
} from './api';

function ScoresModal({ enrolment, onClose }: { enrolment: TEnrolment; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useEnterScores();
  const [pre, setPre] = useState<number | string>(enrolment.preScore ?? '');
  const [post, setPost] = useState<number | string>(enrolment.postScore ?? '');
  const num = (v: number | string) => (v === '' ? null : Number(v));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('training.scores.title', { name: enrolment.participant.nameLatin })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { id: enrolment.id, version: enrolment.version, preScore: num(pre), postScore: num(post) },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack>
          <NumberInput
            label={t('training.scores.pre')}
            min={0}
            max={100}
            decimalScale={2}
            value={pre}
            onChange={setPre}
          />
          <NumberInput
            label={t('training.scores.post')}
            min={0}
            max={100}
            decimalScale={2}
            value={post}
            onChange={setPost}
          />
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

const EMPTY_PARTICIPANT: TParticipantInput = {
  nameLatin: '',
  nameNative: '',
  gender: 'undisclosed',
  country: '',
  organizationName: '',
  position: '',
  email: '',
  languages: [],
  passportNumber: '',
  dateOfBirth: null,
};

function toParticipantInput(p: TParticipant): TParticipantInput {
  return {
    nameLatin: p.nameLatin,
    nameNative: p.nameNative,
    gender: p.gender,
    country: p.country,
    organizationName: p.organizationName,
    position: p.position,
    email: p.email,
    languages: p.languages,
    passportNumber: p.sensitive?.passportNumber ?? '',
    dateOfBirth: p.sensitive?.dateOfBirth ?? null,
  };
}

/** Enrols a new participant, or (with `participant`) edits an existing one's details. */
function ParticipantModal({
  cohortId,
  showSensitive,
  participant,
  onReload,
  onClose,
}: {
  cohortId: string;
  showSensitive: boolean;
  participant?: TParticipant;
  onReload?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const enrolMutation = useEnrol(cohortId);
  const update = useUpdateParticipant();
  const enrol = participant ? update : enrolMutation;
  const conflict = update.error instanceof ApiError && update.error.code === 'VERSION_CONFLICT';
  const [v, setV] = useState<TParticipantInput>(
    participant ? toParticipantInput(participant) : EMPTY_PARTICIPANT,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<TParticipantInput>) => setV((x) => ({ ...x, ...patch }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        participant
          ? t('training.participant.editTitle', { name: participant.nameLatin })
          : t('training.enrolment.add')
      }
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZParticipantInput.safeParse(v);
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
          if (participant) {
            update.mutate(
              { id: participant.id, version: participant.version, data: parsed.data },
              { onSuccess: onClose },
            );
          } else {
            enrolMutation.mutate(parsed.data, { onSuccess: onClose });
          }
        }}
      >
        <Stack>
          <Group grow>
            <TextInput
              label={t('training.participant.nameLatin')}
              required
              value={v.nameLatin}
              onChange={(e) => set({ nameLatin: e.currentTarget.value })}
              error={errors.nameLatin}
            />
            <TextInput
              label={t('training.participant.nameNative')}
              dir="auto"
              value={v.nameNative}
              onChange={(e) => set({ nameNative: e.currentTarget.value })}
            />
          </Group>
          <Group grow>
            <Select
              label={t('training.participant.gender')}
              data={GENDERS.map((g) => ({ value: g, label: t(`training.genders.${g}`) }))}
              value={v.gender}
              allowDeselect={false}
              onChange={(g) => set({ gender: (g ?? 'undisclosed') as TParticipantInput['gender'] })}
            />
            <CountrySelect
              label={t('training.participant.country')}
              required
              value={v.country || null}
              onChange={(c) => set({ country: c ?? '' })}
              error={errors.country}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('training.participant.organization')}
              value={v.organizationName}
              onChange={(e) => set({ organizationName: e.currentTarget.value })}
            />
            <TextInput
              label={t('training.participant.position')}
              value={v.position}
              onChange={(e) => set({ position: e.currentTarget.value })}
            />
          </Group>
          <Group grow>
            <TextInput
              label={t('training.participant.email')}
              type="email"
              dir="ltr"
              value={v.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={errors.email}
            />
            <TextInput
              label={t('training.participant.languages')}
              placeholder="bn, en"
              value={v.languages.join(', ')}
              onChange={(e) => set({ languages: e.currentTarget.value.split(/[,;\s]+/).filter(Boolean) })}
              error={errors.languages}
            />
          </Group>
          {showSensitive && (
            <Group grow>
              <TextInput
                label={t('training.participant.passportNumber')}
                dir="ltr"
                value={v.passportNumber}
                onChange={(e) => set({ passportNumber: e.currentTarget.value })}
                error={errors.passportNumber}
              />
              <TextInput
                type="date"
                label={t('training.participant.dateOfBirth')}
                value={v.dateOfBirth ?? ''}
                onChange={(e) => set({ dateOfBirth: e.currentTarget.value || null })}
              />
            </Group>
          )}
          {participant && <ParticipantCompetitionResults participantId={participant.id} />}
          {conflict && (
            <VersionConflictAlert
              onReload={() => {
                update.reset();
                onReload?.();
              }}
            />
          )}
          {enrol.error && !conflict && <ErrorState error={enrol.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={enrol.isPending}>
              {participant ? t('common.save') : t('training.enrolment.enrol')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PortalLinkModal({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('training.portal.linkTitle')}>
      <Stack>
        <Text size="sm">{t('training.portal.linkOnce')}</Text>
        <Code block dir="ltr" style={{ wordBreak: 'break-all' }}>
          {url}
        </Code>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button onClick={copy} color={copied ? 'teal' : undefined}>
              {copied ? t('training.portal.copied') : t('training.portal.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Modal>
  );
}

export function EnrolmentsPanel({ cohort }: { cohort: TCohort }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useEnrolments(cohort.id);
  const status = useChangeStatus();
  const portal = useIssuePortalLink();
  const [scoring, setScoring] = useState<TEnrolment | null>(null);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = list.data?.data.find((e) => e.id === editingId);
  const [portalUrl, setPortalUrl] = useState<string | null>(null);
  const [withSensitive, setWithSensitive] = useState(false);
  const { abilities } = cohort;
  const score = (v: number | null) =>
    v === null ? '—' : formatNumber(v, locale, { minimumFractionDigits: 2 });

  const columns: Column<TEnrolment>[] = [
    {
      key: 'name',
      header: t('training.participant.name'),
      render: (e) => (
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text size="sm">{e.participant.nameLatin}</Text>
            {e.participant.nameNative && (
              <Text size="sm" c="dimmed" dir="auto">
                {e.participant.nameNative}
              </Text>
            )}
          </Stack>
          {abilities.update && (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={t('training.participant.editNamed', { name: e.participant.nameLatin })}
              onClick={() => setEditingId(e.id)}
            >
              {t('common.edit')}
            </Button>
          )}
        </Group>
      ),
    },
    {
      key: 'country',
      header: t('training.participant.country'),
      render: (e) => countryName(e.participant.country, locale),
    },
    {
      key: 'organization',
      header: t('training.participant.organization'),
      render: (e) => (
        <span dir="auto">
          {[e.participant.organizationName, e.participant.position].filter(Boolean).join(' · ')}
        </span>
      ),
    },
    ...(abilities.readSensitive
      ? [
          {
            key: 'passport',
            header: t('training.participant.passportNumber'),
            render: (e: TEnrolment) => (
              <span dir="ltr">{e.participant.sensitive?.passportNumber || '—'}</span>
            ),
          },
        ]
      : []),
    {
      key: 'status',
      header: t('training.enrolment.status'),
      render: (e) => (
        <Stack gap={4}>
          {abilities.update ? (
            <Select
              size="xs"
              w={150}
              aria-label={t('training.enrolment.statusOf', { name: e.participant.nameLatin })}
              data={ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`training.statuses.${s}`) }))}
              value={e.status}
              allowDeselect={false}
              onChange={(s) =>
                s &&
                status.mutate(
                  { id: e.id, version: e.version, status: s as EnrolmentStatus },
                  { onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) },
                )
              }
            />
          ) : (
            <Badge variant="light">{t(`training.statuses.${e.status}`)}</Badge>
          )}
          {e.waitlistPosition !== null && (
            <Badge color="orange" variant="light">
              {t('training.enrolment.waitlisted', { position: e.waitlistPosition })}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'attendance',
      header: t('training.enrolment.attendance'),
      render: (e) =>
        e.attendance.percent === null
          ? '—'
          : `${formatNumber(e.attendance.percent, locale, { maximumFractionDigits: 1 })} %`,
      noWrap: true,
    },
    {
      key: 'scores',
      header: t('training.scores.short'),
      render: (e) => (
        <Group gap={4} wrap="nowrap">
          <Text size="sm">
            {score(e.preScore)} → {score(e.postScore)}
          </Text>
          {abilities.enterScores && (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={t('training.scores.editNamed', { name: e.participant.nameLatin })}
              onClick={() => setScoring(e)}
            >
              {t('common.edit')}
            </Button>
          )}
        </Group>
      ),
    },
    {
      key: 'completion',
      header: t('training.completion.title'),
      render: (e) =>
        e.completion.eligible ? (
          <Badge color="green">{t('training.completion.eligible')}</Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {e.completion.reasons.map((r) => t(`training.completion.reasons.${r}`)).join('; ')}
          </Text>
        ),
    },
    ...(abilities.update
      ? [
          {
            key: 'portal',
            header: t('training.portal.column'),
            render: (e: TEnrolment) => (
              <Button
                size="compact-xs"
                variant="default"
                loading={portal.isPending && portal.variables === e.id}
                onClick={() => portal.mutate(e.id, { onSuccess: (r) => setPortalUrl(r.url) })}
              >
                {e.hasPortalLink ? t('training.portal.reissue') : t('training.portal.issue')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          {abilities.update && <Button onClick={() => setAdding(true)}>{t('training.enrolment.add')}</Button>}
        </Group>
        {abilities.export && (
          <Group gap="sm">
            {abilities.readSensitive && (
              <Checkbox
                label={t('training.enrolment.includeSensitive')}
                checked={withSensitive}
                onChange={(e) => setWithSensitive(e.currentTarget.checked)}
              />
            )}
            <Anchor href={enrolmentExportUrl(cohort.id, 'csv', withSensitive)} download>
              {t('training.enrolment.exportCsv')}
            </Anchor>
            <Anchor href={enrolmentExportUrl(cohort.id, 'xlsx', withSensitive)} download>
              {t('training.enrolment.exportXlsx')}
            </Anchor>
          </Group>
        )}
      </Group>
      <DataTable
        label={t('training.enrolment.listLabel')}
        columns={columns}
        rows={list.data?.data}
        rowKey={(e) => e.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        testId="enrolments-table"
      />
      {scoring && <ScoresModal enrolment={scoring} onClose={() => setScoring(null)} />}
      {adding && (
        <ParticipantModal
          cohortId={cohort.id}
          showSensitive={abilities.readSensitive}
          onClose={() => setAdding(false)}
        />
      )}
      {editing && (
        <ParticipantModal
          key={`${editing.participant.id}-${editing.participant.version}`}
          cohortId={cohort.id}
          showSensitive={abilities.readSensitive}
          participant={editing.participant}
          onReload={() => void list.refetch()}
          onClose={() => setEditingId(null)}
        />
      )}
      {portalUrl && <PortalLinkModal url={portalUrl} onClose={() => setPortalUrl(null)} />}
    </Stack>
  );
}
