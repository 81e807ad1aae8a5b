import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ZChangePasswordRequestSchema } from '../../../contracts/auth.js';
import { ErrorState } from '../../components/error-state';
import { zodValidator } from '../../lib/errors';
import { useChangePassword } from './api';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: zodValidator(ZChangePasswordRequestSchema, t),
  });

  function close() {
    form.reset();
    change.reset();
    onClose();
  }

  const submit = form.onSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('auth.passwordChanged') });
        close();
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('user.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {change.error && <ErrorState error={change.error} />}
          <PasswordInput
            label={t('auth.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Text size="xs" c="dimmed">
            {t('auth.passwordHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
