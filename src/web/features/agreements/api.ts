import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAgreement, TAgreementInput } from '../../../contracts/agreements.js';
import { api, apiUrl, type Page, type QueryParams, uploadFile } from '../../lib/api';

export type AgreementFilters = {
  q?: string;
  partnerId?: string;
  type?: string;
  status?: string;
  expiringWithinDays?: string;
  sort?: string;
};

const keys = {
  all: ['agreements'] as const,
  list: (q: QueryParams) => ['agreements', 'list', q] as const,
  expiring: (days: number) => ['agreements', 'expiring', days] as const,
  one: (id: string) => ['agreements', 'one', id] as const,
};

export function useAgreements(query: AgreementFilters & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: keys.list(query as QueryParams),
    queryFn: ({ signal }) => api<Page<TAgreement>>('/agreements', { query: query as QueryParams, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExpiringAgreements(days: number, enabled = true) {
  return useQuery({
    queryKey: keys.expiring(days),
    queryFn: ({ signal }) => api<{ data: TAgreement[] }>('/agreements/expiring', { query: { days }, signal }),
    enabled,
  });
}

export function useAgreement(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TAgreement>(`/agreements/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

function useAgreementMutation<A>(fn: (args: A) => Promise<TAgreement>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      qc.setQueryData(keys.one(a.id), a);
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useSaveAgreement(id: string | undefined) {
  return useAgreementMutation((args: { version?: number; data: TAgreementInput }) =>
    id
      ? api<TAgreement>(`/agreements/${encodeURIComponent(id)}`, {
          method: 'PUT',
          body: { version: args.version, data: args.data },
        })
      : api<TAgreement>('/agreements', { method: 'POST', body: args.data }),
  );
}

export function useTerminateAgreement(id: string) {
  return useAgreementMutation((body: { version: number; terminatedOn: string; reason: string }) =>
    api<TAgreement>(`/agreements/${encodeURIComponent(id)}/terminate`, { method: 'POST', body }),
  );
}

export function useUploadDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<unknown>(`/agreements/${encodeURIComponent(id)}/documents`, file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.one(id) }),
  });
}

export function useDeleteDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (docId: string) =>
      api<unknown>(`/agreements/${encodeURIComponent(id)}/documents/${encodeURIComponent(docId)}`, {
        method: 'DELETE',
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.one(id) }),
  });
}

export function documentUrl(id: string, docId: string): string {
  return apiUrl(`/agreements/${encodeURIComponent(id)}/documents/${encodeURIComponent(docId)}`);
}
