import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TAuditEntry, ZOutboxMessageSchema } from '../../../contracts/audit.js';
import type { Locale } from '../../../contracts/common.js';
import type { Role } from '../../../contracts/roles.js';
import type { TUser } from '../../../contracts/users.js';
import { api, type Page, type QueryParams } from '../../lib/api';

export type TOutboxMessage = z.infer<typeof ZOutboxMessageSchema>;

export function useUsers(query: QueryParams) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: ({ signal }) => api<Page<TUser>>('/users', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role; locale: Locale; partnerId: string | null }) =>
      api<TUser>('/users/invitations', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: {
      id: string;
      version: number;
      role?: Role;
      status?: 'active' | 'deactivated';
      partnerId?: string | null;
    }) => {
      const { id, ...body } = args;
      return api<TUser>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useAudit(query: QueryParams) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<TAuditEntry>>('/audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOutbox(query: QueryParams) {
  return useQuery({
    queryKey: ['outbox', query],
    queryFn: ({ signal }) => api<Page<TOutboxMessage>>('/outbox', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
