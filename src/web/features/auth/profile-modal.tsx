import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ZUpdateProfileSchema } from '../../../contracts/auth.js';
import { useSession } from '../../app/session';
import { ErrorState } from '../../components/error-state';
import { isLocale, LOCALE_LABELS, LOCALES, type Locale, setLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
import { useUpdateProfile } from './api';

export function ProfileModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const update = useUpdateProfile();
  const form = useForm({
    initialValues: { displayName: session.user.displayName, locale: session.user.locale as Locale },
    validate: zodValidator(ZUpdateProfileSchema, t),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (opened) {
      form.setValues({ displayName: session.user.displayName, locale: session.user.locale });
      update.reset();
    }
  }, [opened]);

  const submit = form.onSubmit((values) =>
    update.mutate(values, {
      onSuccess: async () => {
        await setLocale(values.locale);
        notifications.show({ color: 'green', message: t('user.profileSaved') });
        onClose();
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t('user.profile')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {update.error && <ErrorState error={update.error} />}
          <TextInput label={t('user.displayName')} required {...form.getInputProps('displayName')} />
          <Select
            label={t('user.language')}
            data={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
            onChange={(v) => isLocale(v) && form.setFieldValue('locale', v)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
