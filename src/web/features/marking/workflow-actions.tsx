import { Badge, Button, Group, type MantineColor, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../../../contracts/competitions.js';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useWorkflowStep, type WorkflowStep } from './api';

export const FORM_STATE_COLORS: Record<FormState, MantineColor> = {
  not_started: 'gray',
  entered: 'blue',
  checked: 'cyan',
  signed: 'violet',
  locked: 'green',
};

/** The form's state as a coloured chip; the label is always text, never colour alone. */
export function FormStateChip({
  state,
  size = 'sm',
}: {
  state: FormState;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={FORM_STATE_COLORS[state]} variant={state === 'locked' ? 'filled' : 'light'} size={size}>
      {t(`marking.states.${state}`)}
    </Badge>
  );
}

type T = (key: string, o?: Record<string, unknown>) => string;

/** A marking problem code (`details.reason`) in words, with the aspects and the domain's code it names. */
export function problemText(t: T, code: string, details: Record<string, unknown> = {}): string {
  const aspects = Array.isArray(details.aspects) ? (details.aspects as string[]).join(', ') : '';
  const detailCode = typeof details.code === 'string' ? details.code : '';
  const detail = detailCode ? t(`marking.observationError.${detailCode}`) : '';
  const key = `marking.problem.${code}`;
  const text = t(key, { aspects, aspectKey: String(details.aspectKey ?? ''), detail });
  return text === key ? '' : text;
}

/** A refusal in words: the marking problem code when the server gave one, else the generic error. */
export function markingError(t: T, error: unknown): string {
  if (error instanceof ApiError && typeof error.details.reason === 'string') {
    const text = problemText(t, error.details.reason, error.details);
    if (text) {
      return text;
    }
  }
  return errorMessage(t, error);
}

/** The steps that make sense from a state (the server decides who may take them). */
export function stepsFor(state: FormState, supervise: boolean): WorkflowStep[] {
  switch (state) {
    case 'entered':
      return ['check'];
    case 'checked':
      return ['sign', 'return'];
    case 'signed':
      return supervise ? ['lock', 'return'] : ['return'];
    case 'locked':
      return supervise ? ['unlock'] : [];
    default:
      return [];
  }
}

/** Confirms one workflow step; unlock and return ask for the reason the audit log keeps. */
export function WorkflowDialog({
  formId,
  version,
  step,
  title,
  onClose,
}: {
  formId: string;
  version: number;
  step: WorkflowStep | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mutation = useWorkflowStep();
  const needsReason = step === 'unlock' || step === 'return';
  const submit = () => {
    if (!step) {
      return;
    }
    mutation.mutate(
      { formId, step, version, ...(needsReason ? { reason } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`marking.workflow.done.${step}`) });
          setReason('');
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={step !== null}
      onClose={onClose}
      title={step ? t(`marking.workflow.${step}`) : ''}
      centered
    >
      <Stack>
        <Text>{step ? t(`marking.workflow.confirm.${step}`, { form: title }) : ''}</Text>
        {needsReason && (
          <Textarea
            label={t('marking.workflow.reason')}
            description={t('marking.workflow.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            data-autofocus
          />
        )}
        {mutation.error && (
          <Text c="red" role="alert">
            {markingError(t, mutation.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} mih={44}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={mutation.isPending}
            disabled={needsReason && reason.trim() === ''}
            mih={44}
            color={step === 'unlock' || step === 'return' ? 'orange' : undefined}
          >
            {step ? t(`marking.workflow.${step}`) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
