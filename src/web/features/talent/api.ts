import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TSelfEditableInput,
  TSelfProfile,
  TTalentImportPreview,
  TTalentProfile,
  TTalentProfileInput,
  TTalentProfileSummary,
} from '../../../contracts/talent.js';
import type { TCollegeSkillDetail } from '../../../contracts/talent-skills.js';
import { api, apiUrl, type Page, type QueryParams, uploadFile } from '../../lib/api';
import { useTaxonomyCuration } from './skills-api';

const enc = encodeURIComponent;
const keys = {
  all: ['talent'] as const,
  list: (q: QueryParams) => ['talent', 'list', q] as const,
  one: (id: string) => ['talent', 'one', id] as const,
  skills: ['talent', 'college-skills'] as const,
  self: (base: string) => ['talent-self', base] as const,
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
  // The college's translations and ESCO confirmations, for the labels every talent page shows.
  useTaxonomyCuration();
  return useQuery({
    queryKey: keys.skills,
    queryFn: ({ signal }) => api<{ data: TCollegeSkillDetail[] }>('/talent/college-skills', { signal }),
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

/** `allowRepeat`: import a file that was already imported (the user confirmed it). */
export function useRunTalentImport({ allowRepeat = false } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<{ imported: number }>(`/talent/import${allowRepeat ? '?allowRepeat=true' : ''}`, file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

// The owner's self-service: through their personal link (no session) or signed in with their
// account ("My talent profile"). Both speak the same API under a different base path.

/** The API base of the owner's self-service: a personal link, or the signed-in account. */
export const selfBase = {
  link: (token: string) => `/public/talent/${enc(token)}`,
  account: '/talent/me',
} as const;

export function useSelfProfile(base: string, enabled = true) {
  return useQuery({
    queryKey: keys.self(base),
    queryFn: ({ signal }) => api<TSelfProfile>(base, { signal }),
    enabled,
    retry: false,
  });
}

function useSelfMutation<A>(base: string, fn: (args: A) => Promise<TSelfProfile>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (p) => qc.setQueryData(keys.self(base), p) });
}

export function useSaveSelfProfile(base: string) {
  return useSelfMutation(base, (body: { version: number; data: TSelfEditableInput }) =>
    api<TSelfProfile>(`${base}/profile`, { method: 'PUT', body }),
  );
}

export function useGiveSelfConsent(base: string) {
  return useSelfMutation(base, (body: { scope: string; locale: string; noticeVersion: string }) =>
    api<TSelfProfile>(`${base}/consent`, { method: 'POST', body }),
  );
}

export function useWithdrawSelfConsent(base: string) {
  return useSelfMutation(base, () => api<TSelfProfile>(`${base}/consent/withdraw`, { method: 'POST' }));
}

export function useDeleteSelfProfile(base: string) {
  return useMutation({
    mutationFn: () => api<{ ok: true }>(base, { method: 'DELETE' }),
  });
}

export const selfExportUrl = (base: string) => apiUrl(`${base}/export`);

/** A coordinator links the profile to the participant account with its e-mail, or unlinks it. */
export function useLinkAccount(id: string) {
  return useProfileMutation((body: { version: number; linked: boolean }) =>
    api<TTalentProfile>(`/talent/profiles/${enc(id)}/account`, { method: 'PUT', body }),
  );
}
