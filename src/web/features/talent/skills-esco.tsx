import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEscoConfirmation } from '../../../contracts/talent-skills.js';
import type { EscoState } from '../../../domain/talent/taxonomy/index.js';
import { VersionConflictAlert } from '../../components/version-conflict-alert';
import { currentLocale } from '../../i18n';
import { ApiError } from '../../lib/api';
import { serverFieldErrors } from '../../lib/errors';
import { formatDate } from '../../lib/format';

const COLORS: Record<EscoState, string> = { none: 'gray', unconfirmed: 'orange', confirmed: 'teal' };

/** Whether the college has confirmed an ESCO URI; the tooltip says who and when. */
export function EscoBadge({ state, confirmation }: { state: EscoState; confirmation?: TEscoConfirmation }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={COLORS[state]} variant="light" size="sm">
      {t(`talentSkills.esco.${state}`)}
    </Badge>
  );
  if (state !== 'confirmed' || !confirmation?.confirmedAt) {
    return badge;
  }
  const label = t('talentSkills.esco.confirmedBy', {
    name: confirmation.confirmedBy ?? '',
    date: formatDate(confirmation.confirmedAt.slice(0, 10), currentLocale()),
  });
  return (
    <Tooltip label={confirmation.note ? `${label} — ${confirmation.note}` : label} multiline maw={360}>
      {badge}
    </Tooltip>
  );
}

/** An ESCO URI as a link (the URI resolves to the ESCO portal page) with its confirmation state. */
export function EscoUri({
  uri,
  state,
  confirmation,
}: {
  uri: string | null;
  state: EscoState;
  confirmation?: TEscoConfirmation;
}) {
  if (!uri) {
    return <EscoBadge state="none" />;
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor
        href={uri}
        target="_blank"
        rel="noreferrer"
        size="xs"
        dir="ltr"
        style={{ wordBreak: 'break-all' }}
      >
        {uri.replace('http://data.europa.eu/esco/', 'esco:')}
      </Anchor>
      <EscoBadge state={state} confirmation={confirmation} />
    </Group>
  );
}

/** Confirms (or replaces and confirms) an ESCO URI after checking it in the ESCO portal. */
export function ConfirmEscoModal({
  opened,
  onClose,
  title,
  initialUri,
  kind,
  pending,
  error,
  onSubmit,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  initialUri: string | null;
  kind: 'skill' | 'occupation';
  pending: boolean;
  error: unknown;
  onSubmit: (v: { escoUri: string; note: string }) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [uri, setUri] = useState(initialUri ?? '');
  const [note, setNote] = useState('');
  const errors = serverFieldErrors(t, error) ?? {};
  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm">{t('talentSkills.esco.confirmIntro')}</Text>
        <Anchor href="https://esco.ec.europa.eu/en/classification" target="_blank" rel="noreferrer" size="sm">
          {t('talentSkills.esco.portal')}
        </Anchor>
        {conflict && <VersionConflictAlert onReload={onReload} />}
        <TextInput
          label={t('talentSkills.esco.uri')}
          description={t(`talentSkills.esco.uriHint.${kind}`)}
          value={uri}
          dir="ltr"
          onChange={(e) => setUri(e.currentTarget.value)}
          error={errors.escoUri}
          required
        />
        <Textarea
          label={t('talentSkills.esco.note')}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={pending}
            disabled={!uri.trim()}
            onClick={() => onSubmit({ escoUri: uri.trim(), note })}
          >
            {t('talentSkills.esco.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
