import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ZNewPassword } from '../../../contracts/auth.js';
import { ErrorState } from '../../components/error-state';
import { isLocale, setLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
import { useAcceptInvitation } from './api';

const ZForm = z
  .object({ displayName: z.string().trim().min(1).max(200), password: ZNewPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwords_differ' });

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const accept = useAcceptInvitation();
  const form = useForm({
    initialValues: { displayName: '', password: '', confirm: '' },
    validate: zodValidator(ZForm, t),
  });

  if (!token) {
    return <ErrorState title={t('errors.TOKEN_INVALID')} />;
  }

  const submit = form.onSubmit((v) =>
    accept.mutate(
      { token, displayName: v.displayName, password: v.password },
      {
        onSuccess: async (s) => {
          if (isLocale(s.user.locale)) {
            await setLocale(s.user.locale);
          }
          navigate('/', { replace: true });
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>{t('auth.acceptTitle')}</Text>
        <Text size="sm">{t('auth.acceptIntro')}</Text>
        {accept.error && <ErrorState error={accept.error} />}
        <TextInput
          label={t('user.displayName')}
          autoComplete="name"
          required
          {...form.getInputProps('displayName')}
        />
        <PasswordInput
          label={t('auth.newPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Text size="xs" c="dimmed">
          {t('auth.passwordHint')}
        </Text>
        <Button type="submit" loading={accept.isPending}>
          {t('auth.acceptButton')}
        </Button>
      </Stack>
    </form>
  );
}
