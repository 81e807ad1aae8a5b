import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ZTerminateAgreementRequestSchema } from '../../../contracts/agreements.js';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/error-state';
import { zodValidator } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { useTerminateAgreement } from './api';

export function TerminateModal({
  id,
  version,
  opened,
  onClose,
}: {
  id: string;
  version: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const terminate = useTerminateAgreement(id);
  const form = useForm({
    initialValues: { terminatedOn: todayIso(), reason: '' },
    validate: zodValidator(
      ZTerminateAgreementRequestSchema,
      t,
      (v: { terminatedOn: string; reason: string }) => ({ ...v, version }),
    ),
  });
  const submit = form.onSubmit((v) => terminate.mutate({ ...v, version }, { onSuccess: onClose }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('agreements.terminate')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {terminate.error && <ErrorState error={terminate.error} />}
          <DateField label={t('agreements.terminatedOn')} required {...form.getInputProps('terminatedOn')} />
          <Textarea
            label={t('agreements.terminationReason')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={terminate.isPending}>
              {t('agreements.terminateConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
