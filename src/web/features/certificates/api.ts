import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCertificate,
  TCertificateBatch,
  TCohortCertificateRow,
  TVerification,
} from '../../../contracts/certificates.js';
import { api, apiUrl, type Page } from '../../lib/api';

const enc = encodeURIComponent;
const keys = {
  all: ['certificates'] as const,
  list: (q: object) => ['certificates', 'list', q] as const,
  cohort: (id: string) => ['certificates', 'cohort', id] as const,
  batch: (id: string) => ['certificates', 'batch', id] as const,
  keys: ['certificates', 'keys'] as const,
};

export interface IssuerKeys {
  data: Array<{
    id: string;
    kid: string;
    algorithm: string;
    status: 'active' | 'retired';
    createdAt: string;
    retiredAt: string | null;
  }>;
  jwksUrl: string;
}

export function useCertificates(query: {
  q?: string;
  status?: string;
  cohortId?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api<Page<TCertificate>>('/certificates', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCohortCertificates(cohortId: string) {
  return useQuery({
    queryKey: keys.cohort(cohortId),
    queryFn: ({ signal }) =>
      api<{ data: TCohortCertificateRow[] }>(`/certificates/cohorts/${enc(cohortId)}`, { signal }),
  });
}

export function useIssueCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      api<TCertificate>('/certificates', { method: 'POST', body: { enrolmentId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useStartBatch() {
  return useMutation({
    mutationFn: (cohortId: string) =>
      api<TCertificateBatch>('/certificates/batches', { method: 'POST', body: { cohortId } }),
  });
}

/** Polls a running batch every second until it is done or failed. */
export function useBatch(batchId: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.batch(batchId ?? ''),
    enabled: Boolean(batchId),
    queryFn: async ({ signal }) => {
      const b = await api<TCertificateBatch>(`/certificates/batches/${enc(batchId ?? '')}`, { signal });
      if (b.status !== 'running') {
        await qc.invalidateQueries({ queryKey: ['certificates', 'cohort'] });
        await qc.invalidateQueries({ queryKey: ['certificates', 'list'] });
      }
      return b;
    },
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
}

export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number; reason: string }) =>
      api<TCertificate>(`/certificates/${enc(v.id)}/revoke`, {
        method: 'POST',
        body: { version: v.version, reason: v.reason },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useIssuerKeys(enabled: boolean) {
  return useQuery({
    queryKey: keys.keys,
    queryFn: ({ signal }) => api<IssuerKeys>('/certificates/issuer-keys', { signal }),
    enabled,
  });
}

export function useRotateKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<IssuerKeys>('/certificates/issuer-keys/rotate', { method: 'POST', body: {} }),
    onSuccess: (data) => qc.setQueryData(keys.keys, data),
  });
}

export function downloadUrl(id: string, format: 'pdf' | 'json' | 'jwt'): string {
  return apiUrl(`/certificates/${enc(id)}/download/${format}`);
}

export function usePublicVerification(publicId: string | undefined) {
  return useQuery({
    queryKey: ['verification', publicId],
    queryFn: ({ signal }) =>
      api<TVerification>(`/public/certificates/${enc(publicId ?? '')}/verification`, { signal }),
    enabled: Boolean(publicId),
  });
}

export function useVerifyJwt() {
  return useMutation({
    mutationFn: (jwt: string) => api<TVerification>('/public/verify', { method: 'POST', body: { jwt } }),
  });
}
