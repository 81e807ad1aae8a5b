import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSessionResponse } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/common.js';
import { ApiError, api, setCsrfToken } from '../../lib/api';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<TSessionResponse | null> {
  try {
    const s = await api<TSessionResponse>('/auth/session');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** After sign-in, accept-invitation or switching organization: start from a clean cache. */
function useAdoptSession() {
  const qc = useQueryClient();
  return (s: TSessionResponse) => {
    setCsrfToken(s.csrfToken);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    qc.setQueryData(SESSION_KEY, s);
  };
}

export function useSignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (body: { email: string; password: string; organizationId?: string }) =>
      api<TSessionResponse>('/auth/sign-in', { method: 'POST', body }),
    onSuccess: adopt,
  });
}

export function useAcceptInvitation() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (body: { token: string; displayName: string; password: string }) =>
      api<TSessionResponse>('/auth/invitations/accept', { method: 'POST', body }),
    onSuccess: adopt,
  });
}

export function useSwitchOrganization() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (organizationId: string) =>
      api<TSessionResponse>('/auth/switch-organization', { method: 'POST', body: { organizationId } }),
    onSuccess: adopt,
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      // Session first, on the live query: <RequireSession> sees null in the same render and unmounts
      // the signed-in pages before any of them can call useSession() without one. Clearing the whole
      // cache first left those pages subscribed to a new, empty session query and they threw.
      qc.setQueryData(SESSION_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<unknown>('/auth/password', { method: 'POST', body }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      api<unknown>('/auth/password-reset/request', { method: 'POST', body }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api<unknown>('/auth/password-reset/confirm', { method: 'POST', body }),
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string; locale?: Locale }) =>
      api<unknown>('/auth/profile', { method: 'PATCH', body }),
    onSuccess: (_data, body) => {
      qc.setQueryData<TSessionResponse | null>(SESSION_KEY, (s) =>
        s
          ? {
              ...s,
              user: {
                ...s.user,
                ...(body.displayName ? { displayName: body.displayName } : {}),
                ...(body.locale ? { locale: body.locale } : {}),
              },
            }
          : s,
      );
    },
  });
}
