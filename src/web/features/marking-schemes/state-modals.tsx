import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type TSchemeProblem, ZUnlockSchemeRequestSchema } from '../../../contracts/marking-schemes.js';
import { ErrorState } from '../../components/error-state';
import { ApiError } from '../../lib/api';
import { zodValidator } from '../../lib/errors';
import { useDeleteScheme, useLockScheme, useUnlockScheme } from './api';
import { schemeProblemPlace, schemeProblemText, stateReasonText } from './problem-codes';

interface VersionRef {
  id: string;
  version: number;
  versionNo: number;
}

/** The error of a state change: this module's reasons in words (with the problems blocking a lock). */
export function StateError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = stateReasonText(t, error);
  if (!reason) {
    return <ErrorState error={error} />;
  }
  const problems =
    error instanceof ApiError && Array.isArray(error.details.problems)
      ? (error.details.problems as TSchemeProblem[])
      : [];
  return (
    <Alert color="red" role="alert">
      <Text size="sm">{reason}</Text>
      {problems.length > 0 && (
        <List size="sm" mt="xs">
          {problems.slice(0, 10).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list of the answer's problems
            <List.Item key={i}>
              {schemeProblemPlace(t, p)}: {schemeProblemText(t, p)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function LockModal({
  skillId,
  target,
  entryCount,
  onClose,
}: {
  skillId: string;
  target: VersionRef & { subCriteria: number };
  entryCount: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lock = useLockScheme(skillId, target.id);
  return (
    <Modal opened onClose={onClose} title={t('markingSchemes.lock.title', { n: target.versionNo })}>
      <Stack>
        <Text size="sm">{t('markingSchemes.lock.text')}</Text>
        {entryCount !== null && (
          <Text size="sm">
            {t('markingSchemes.lock.forms', { subCriteria: target.subCriteria, entries: entryCount })}
          </Text>
        )}
        {lock.error && <StateError error={lock.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={lock.isPending}
            onClick={() => lock.mutate(target.version, { onSuccess: onClose })}
          >
            {t('markingSchemes.lock.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function UnlockModal({
  skillId,
  target,
  onClose,
}: {
  skillId: string;
  target: VersionRef;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const unlock = useUnlockScheme(skillId, target.id);
  const form = useForm({
    initialValues: { reason: '' },
    validate: zodValidator(ZUnlockSchemeRequestSchema, t, (v: { reason: string }) => ({
      ...v,
      version: target.version,
    })),
  });
  const submit = form.onSubmit((v) =>
    unlock.mutate({ version: target.version, reason: v.reason }, { onSuccess: onClose }),
  );
  return (
    <Modal opened onClose={onClose} title={t('markingSchemes.unlock.title', { n: target.versionNo })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('markingSchemes.unlock.text')}</Text>
          {unlock.error && <StateError error={unlock.error} />}
          <Textarea
            label={t('markingSchemes.unlock.reason')}
            description={t('markingSchemes.unlock.reasonHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={unlock.isPending}>
              {t('markingSchemes.unlock.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DeleteDraftModal({
  skillId,
  target,
  onClose,
  onDeleted,
}: {
  skillId: string;
  target: VersionRef;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteScheme(skillId);
  return (
    <Modal opened onClose={onClose} title={t('markingSchemes.delete.title', { n: target.versionNo })}>
      <Stack>
        <Text size="sm">{t('markingSchemes.delete.text')}</Text>
        {remove.error && <StateError error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: target.id, version: target.version },
                {
                  onSuccess: () => {
                    onDeleted();
                    onClose();
                  },
                },
              )
            }
          >
            {t('markingSchemes.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
