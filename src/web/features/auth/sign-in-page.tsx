import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ZEmail } from '../../../contracts/auth.js';
import { ErrorState } from '../../components/error-state';
import { isLocale, setLocale } from '../../i18n';
import { zodValidator } from '../../lib/errors';
import { useSessionQuery, useSignIn } from './api';

const ZForm = z.object({ email: ZEmail, password: z.string().min(1) });

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: zodValidator(ZForm, t) });
  const next = safeNext(params.get('next'));

  if (session.data) {
    return <Navigate to={next} replace />;
  }

  const submit = form.onSubmit((values) =>
    signIn.mutate(values, {
      onSuccess: async (s) => {
        if (isLocale(s.user.locale)) {
          await setLocale(s.user.locale);
        }
        navigate(next, { replace: true });
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
      <Stack>
        <h2 id="sign-in-title" style={{ margin: 0, fontSize: 'var(--mantine-font-size-lg)' }}>
          {t('auth.signInTitle')}
        </h2>
        {signIn.error && <ErrorState error={signIn.error} title={t('auth.signInFailed')} />}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {t('auth.signIn')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('auth.forgotPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}
