import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { ZInviteUserRequestSchema } from '../../../contracts/users.js';
import { ErrorState } from '../../components/error-state';
import { currentLocale, LOCALE_LABELS, LOCALES, type Locale } from '../../i18n';
import { serverFieldErrors, zodValidator } from '../../lib/errors';
import { useInviteUser } from './api';

export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const roles = useRoleOptions();
  const form = useForm({
    initialValues: { email: '', role: 'coordinator' as Role, locale: currentLocale() as Locale },
    validate: zodValidator(ZInviteUserRequestSchema, t),
  });

  function close() {
    form.reset();
    invite.reset();
    onClose();
  }

  const submit = form.onSubmit((v) =>
    invite.mutate(v, {
      onSuccess: (u) => {
        notifications.show({ color: 'green', message: t('users.invited', { email: u.email }) });
        close();
      },
      onError: (e) => {
        const fields = serverFieldErrors(t, e);
        if (fields) {
          form.setErrors(fields);
        }
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('users.invite')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {invite.error && <ErrorState error={invite.error} />}
          <TextInput label={t('auth.email')} type="email" required {...form.getInputProps('email')} />
          <Select
            label={t('users.role')}
            data={roles}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          <Select
            label={t('user.language')}
            data={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('users.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
