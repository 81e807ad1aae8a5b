import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { TSessionResponse } from '../../contracts/auth.js';
import type { Permission } from '../../contracts/roles.js';
import { ErrorState } from '../components/error-state';
import { useSessionQuery } from '../features/auth/api';

/** The signed-in session; only valid inside <RequireSession>. */
export function useSession(): TSessionResponse {
  const { data } = useSessionQuery();
  if (!data) {
    throw new Error('useSession outside RequireSession');
  }
  return data;
}

/** Whether the current user holds a permission (the web hides what would fail). */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useSessionQuery();
  const perms = data?.permissions ?? [];
  return (permission) => perms.includes(permission);
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, error, refetch } = useSessionQuery();
  const location = useLocation();
  if (isPending) {
    return <FullPageLoader />;
  }
  if (error) {
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  if (!data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Shows a translated "not allowed" message instead of a page the role may not use. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (!can(permission)) {
    return <ErrorState title={t('errors.FORBIDDEN')} />;
  }
  return <>{children}</>;
}
