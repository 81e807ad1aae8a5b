import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCollegeSkill,
  TSelfEditableInput,
  TSelfProfile,
  TTalentImportPreview,
  TTalentProfile,
  TTalentProfileInput,
  TTalentProfileSummary,
} from '../../../contracts/talent.js';
import { api, apiUrl, type Page, type QueryParams, uploadFile } from '../../lib/api';

const enc = encodeURIComponent;
const keys = {
  all: ['talent'] as const,
  list: (q: QueryParams) => ['talent', 'list', q] as const,
  one: (id: string) => ['talent', 'one', id] as const,
  skills: ['talent', 'college-skills'] as const,
  self: (token: string) => ['talent-self', token] as const,
};

export type TalentFilters = {
  q?: string;
  isco?: string;
  skill?: string;
  country?: string;
  language?: string;
  consent?: string;
  sort?: string;
};

export function useTalentProfiles(query: TalentFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: keys.list(query as QueryParams),
    queryFn: ({ signal }) =>
      api<Page<TTalentProfileSummary>>('/talent/profiles', { query: query as QueryParams, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTalentProfile(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TTalentProfile>(`/talent/profiles/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    // Consent can change at any moment: always read it fresh.
    staleTime: 0,
  });
}

export function useCollegeSkills() {
  return useQuery({
    queryKey: keys.skills,
    queryFn: ({ signal }) => api<{ data: TCollegeSkill[] }>('/talent/college-skills', { signal }),
  });
}

function useProfileMutation<A>(fn: (args: A) => Promise<TTalentProfile>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData(keys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSaveTalentProfile(id: string | undefined) {
  return useProfileMutation((args: { version?: number; data: TTalentProfileInput }) =>
    id
      ? api<TTalentProfile>(`/talent/profiles/${enc(id)}`, { method: 'PUT', body: args })
      : api<TTalentProfile>('/talent/profiles', { method: 'POST', body: args.data }),
  );
}

export function useRecordConsent(id: string) {
  return useProfileMutation((body: { scope: string; note: string }) =>
    api<TTalentProfile>(`/talent/profiles/${enc(id)}/consents`, { method: 'POST', body }),
  );
}

export function useWithdrawConsent(id: string) {
  return useProfileMutation((body: { note: string }) =>
    api<TTalentProfile>(`/talent/profiles/${enc(id)}/consents/withdraw`, { method: 'POST', body }),
  );
}

export function useSendLink(id: string) {
  return useMutation({
    mutationFn: () =>
      api<{ sentTo: string; expiresAt: string }>(`/talent/profiles/${enc(id)}/link`, { method: 'POST' }),
  });
}

export function useDeleteTalentProfile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/talent/profiles/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const exportUrl = (id: string) => apiUrl(`/talent/profiles/${enc(id)}/export`);
export const sampleUrl = (format: 'csv' | 'xlsx') => apiUrl('/talent/import/sample', { format });

export function usePreviewTalentImport() {
  return useMutation({
    mutationFn: (file: File) => uploadFile<TTalentImportPreview>('/talent/import/preview', file),
  });
}

export function useRunTalentImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<{ imported: number }>('/talent/import', file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

// The owner's personal link (no session).

export function useSelfProfile(token: string) {
  return useQuery({
    queryKey: keys.self(token),
    queryFn: ({ signal }) => api<TSelfProfile>(`/public/talent/${enc(token)}`, { signal }),
    enabled: Boolean(token),
    retry: false,
  });
}

function useSelfMutation<A>(token: string, fn: (args: A) => Promise<TSelfProfile>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (p) => qc.setQueryData(keys.self(token), p) });
}

export function useSaveSelfProfile(token: string) {
  return useSelfMutation(token, (body: { version: number; data: TSelfEditableInput }) =>
    api<TSelfProfile>(`/public/talent/${enc(token)}/profile`, { method: 'PUT', body }),
  );
}

export function useGiveSelfConsent(token: string) {
  return useSelfMutation(token, (body: { scope: string; locale: string; noticeVersion: string }) =>
    api<TSelfProfile>(`/public/talent/${enc(token)}/consent`, { method: 'POST', body }),
  );
}

export function useWithdrawSelfConsent(token: string) {
  return useSelfMutation(token, () =>
    api<TSelfProfile>(`/public/talent/${enc(token)}/consent/withdraw`, { method: 'POST' }),
  );
}

export function useDeleteSelfProfile(token: string) {
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/public/talent/${enc(token)}`, { method: 'DELETE' }),
  });
}

export const selfExportUrl = (token: string) => apiUrl(`/public/talent/${enc(token)}/export`);
