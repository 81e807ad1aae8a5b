import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  type MantineColor,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DisputeStatus } from '../../../contracts/competitions.js';
import { EVIDENCE_FILE_EXTENSIONS, type TDispute } from '../../../contracts/marking.js';
import { FullPageLoader } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatBytes, formatDateTime } from '../../lib/format';
import { evidenceUrl, useDisputeAction, useDisputes, useRaiseDispute, useUploadEvidence } from './api';
import { markingError } from './workflow-actions';

const STATUS_COLORS: Record<DisputeStatus, MantineColor> = {
  open: 'orange',
  upheld: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};
const ACCEPT = EVIDENCE_FILE_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Disputes of a skill: raise (optionally about an entrant and a form), add evidence, decide or withdraw. */
export function DisputesPage() {
  const { competitionId = '', skillId = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useDisputes(skillId);
  const [raising, setRaising] = useState(search.has('formId') || search.has('entryId'));
  if (isPending) {
    return <FullPageLoader />;
  }
  if (error || !data) {
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  const open = data.data.filter((d) => d.status === 'open').length;
  return (
    <Stack>
      <PageHeader
        title={t('marking.disputes.title')}
        subtitle={t('marking.disputes.openCount', { count: open })}
        actions={
          <>
            {data.abilities.raise && (
              <Button mih={44} onClick={() => setRaising(true)}>
                {t('marking.disputes.raise')}
              </Button>
            )}
            <Button
              mih={44}
              variant="subtle"
              component={Link}
              to={`/competitions/${competitionId}/skills/${skillId}/marking`}
            >
              {t('marking.matrix.title')}
            </Button>
          </>
        }
      />
      {data.data.length === 0 && <Text c="dimmed">{t('marking.disputes.empty')}</Text>}
      {data.data.map((d) => (
        <DisputeCard key={d.id} dispute={d} skillId={skillId} />
      ))}
      <RaiseDialog
        skillId={skillId}
        opened={raising}
        onClose={() => setRaising(false)}
        entries={data.entries}
        initialEntryId={search.get('entryId')}
        formId={search.get('formId')}
      />
    </Stack>
  );
}

function DisputeCard({ dispute: d, skillId }: { dispute: TDispute; skillId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const action = useDisputeAction(skillId);
  const upload = useUploadEvidence(skillId);
  const [file, setFile] = useState<File | null>(null);
  const [deciding, setDeciding] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {d.subject}
          </Title>
          <Text size="sm" c="dimmed">
            {t('marking.disputes.raisedBy', {
              name: d.raisedBy.name,
              at: formatDateTime(d.raisedAt, locale),
            })}
          </Text>
          {(d.entry || d.form) && (
            <Text size="sm">
              {d.entry ? `${d.entry.displayName} (${d.entry.memberCode})` : ''}
              {d.form ? ` · ${d.form.subCriterionKey}` : ''}
            </Text>
          )}
        </Stack>
        <Badge color={STATUS_COLORS[d.status]} size="lg">
          {t(`marking.disputes.status.${d.status}`)}
        </Badge>
      </Group>
      {d.description && (
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {d.description}
        </Text>
      )}
      {d.decision && (
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <b>{t('marking.disputes.decision')}:</b> {d.decision}
          {d.decidedBy ? ` — ${d.decidedBy.name}` : ''}
        </Text>
      )}
      <Stack gap={4} mt="sm">
        <Text size="sm" fw={600}>
          {t('marking.disputes.evidence', { count: d.evidence.length })}
        </Text>
        {d.evidence.map((e) => (
          <Anchor key={e.id} href={evidenceUrl(d.id, e.id)} size="sm">
            {e.fileName} ({formatBytes(e.sizeBytes, locale)}, {e.uploadedBy.name})
          </Anchor>
        ))}
      </Stack>
      <Group mt="sm" align="flex-end">
        {d.abilities.addEvidence && (
          <>
            <FileInput
              label={t('marking.disputes.addEvidence')}
              description={t('marking.disputes.evidenceHint')}
              accept={ACCEPT}
              value={file}
              onChange={setFile}
              clearable
            />
            <Button
              mih={44}
              disabled={!file}
              loading={upload.isPending}
              onClick={() =>
                file &&
                upload.mutate(
                  { id: d.id, file },
                  {
                    onSuccess: () => setFile(null),
                    onError: (err) =>
                      notifications.show({
                        color: 'red',
                        message:
                          err instanceof ApiError && err.code === 'FILE_REJECTED'
                            ? t('marking.disputes.wrongFile')
                            : markingError(t, err),
                      }),
                  },
                )
              }
            >
              {t('marking.disputes.upload')}
            </Button>
          </>
        )}
        {d.abilities.decide && (
          <Button mih={44} onClick={() => setDeciding(true)}>
            {t('marking.disputes.decide')}
          </Button>
        )}
        {d.abilities.withdraw && (
          <Button mih={44} variant="default" onClick={() => setWithdrawing(true)}>
            {t('marking.disputes.withdraw')}
          </Button>
        )}
      </Group>
      <DecideDialog opened={deciding} onClose={() => setDeciding(false)} dispute={d} skillId={skillId} />
      <Modal
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('marking.disputes.withdraw')}
        centered
      >
        <Text>{t('marking.disputes.withdrawConfirm', { subject: d.subject })}</Text>
        {action.error && (
          <Text c="red" role="alert">
            {markingError(t, action.error)}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" mih={44} onClick={() => setWithdrawing(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            mih={44}
            color="orange"
            loading={action.isPending}
            onClick={() =>
              action.mutate(
                { id: d.id, action: 'withdraw', body: { version: d.version } },
                { onSuccess: () => setWithdrawing(false) },
              )
            }
          >
            {t('marking.disputes.withdraw')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

function DecideDialog({
  opened,
  onClose,
  dispute,
  skillId,
}: {
  opened: boolean;
  onClose: () => void;
  dispute: TDispute;
  skillId: string;
}) {
  const { t } = useTranslation();
  const action = useDisputeAction(skillId);
  const [outcome, setOutcome] = useState<'upheld' | 'rejected'>('upheld');
  const [decision, setDecision] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('marking.disputes.decide')} centered>
      <Stack>
        <SegmentedControl
          value={outcome}
          onChange={(v) => setOutcome(v as 'upheld' | 'rejected')}
          data={[
            { value: 'upheld', label: t('marking.disputes.status.upheld') },
            { value: 'rejected', label: t('marking.disputes.status.rejected') },
          ]}
        />
        <Textarea
          label={t('marking.disputes.decision')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          required
          autosize
          minRows={3}
        />
        {action.error && (
          <Text c="red" role="alert">
            {markingError(t, action.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" mih={44} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            mih={44}
            disabled={decision.trim() === ''}
            loading={action.isPending}
            onClick={() =>
              action.mutate(
                { id: dispute.id, action: 'decide', body: { version: dispute.version, outcome, decision } },
                { onSuccess: onClose },
              )
            }
          >
            {t('marking.disputes.decide')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RaiseDialog({
  skillId,
  opened,
  onClose,
  entries,
  initialEntryId,
  formId,
}: {
  skillId: string;
  opened: boolean;
  onClose: () => void;
  entries: { id: string; displayName: string; memberCode: string }[];
  initialEntryId: string | null;
  formId: string | null;
}) {
  const { t } = useTranslation();
  const raise = useRaiseDispute(skillId);
  const [entryId, setEntryId] = useState<string | null>(initialEntryId);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const submit = () =>
    raise.mutate(
      { entryId, formId: formId && entryId === initialEntryId ? formId : null, subject, description },
      {
        onSuccess: () => {
          setSubject('');
          setDescription('');
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('marking.disputes.raise')} centered size="lg">
      <Stack>
        <Select
          label={t('marking.disputes.entrant')}
          data={entries.map((e) => ({ value: e.id, label: `${e.displayName} (${e.memberCode})` }))}
          value={entryId}
          onChange={setEntryId}
          clearable
          placeholder={t('marking.disputes.wholeSkill')}
        />
        <TextInput
          label={t('marking.disputes.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          required
          maxLength={300}
          data-autofocus
        />
        <Textarea
          label={t('marking.disputes.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={4}
        />
        {raise.error && (
          <Text c="red" role="alert">
            {markingError(t, raise.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" mih={44} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button mih={44} disabled={subject.trim() === ''} loading={raise.isPending} onClick={submit}>
            {t('marking.disputes.raise')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
