import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ZNewPassword } from '../../../contracts/auth.js';
import { ErrorState } from '../../components/error-state';
import { zodValidator } from '../../lib/errors';
import { useConfirmPasswordReset } from './api';

const ZForm = z
  .object({ newPassword: ZNewPassword, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'passwords_differ' });

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const form = useForm({ initialValues: { newPassword: '', confirm: '' }, validate: zodValidator(ZForm, t) });

  if (!token) {
    return <ErrorState title={t('errors.TOKEN_INVALID')} />;
  }

  return (
    <Stack>
      <Text fw={600}>{t('auth.resetTitle')}</Text>
      {confirm.isSuccess ? (
        <Alert color="green" role="status">
          {t('auth.resetDone')}
        </Alert>
      ) : (
        <form
          onSubmit={form.onSubmit((v) => confirm.mutate({ token, newPassword: v.newPassword }))}
          noValidate
        >
          <Stack>
            {confirm.error && <ErrorState error={confirm.error} />}
            <PasswordInput
              label={t('auth.newPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
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
            <Button type="submit" loading={confirm.isPending}>
              {t('auth.setPassword')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
