import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZRequestPasswordResetSchema } from '../../../contracts/auth.js';
import { ErrorState } from '../../components/error-state';
import { zodValidator } from '../../lib/errors';
import { useRequestPasswordReset } from './api';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: zodValidator(ZRequestPasswordResetSchema, t),
  });

  return (
    <Stack>
      <Text fw={600}>{t('auth.forgotTitle')}</Text>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('auth.resetRequested')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => request.mutate(v))} noValidate>
          <Stack>
            <Text size="sm">{t('auth.forgotIntro')}</Text>
            {request.error && <ErrorState error={request.error} />}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              {t('auth.sendResetLink')}
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
