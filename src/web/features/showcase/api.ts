import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TPublicProject,
  TPublicShowcase,
  TShowcaseInput,
  TShowcaseItem,
  TShowcaseSettings,
  TShowcaseToggle,
} from '../../../contracts/showcase.js';
import { api } from '../../lib/api';

const enc = encodeURIComponent;

const keys = {
  settings: ['showcase', 'settings'] as const,
  items: (kind: ShowcaseItemKind) => ['showcase', 'items', kind] as const,
  publicPage: (slug: string) => ['showcase', 'public', slug] as const,
  publicProject: (slug: string, code: string) => ['showcase', 'public', slug, 'project', code] as const,
};

const noRetryOn404 = (count: number, error: unknown) =>
  (error as { status?: number }).status !== 404 && count < 2;

/** The public overview: one call for the whole page. */
export function usePublicShowcase(slug: string) {
  return useQuery({
    queryKey: keys.publicPage(slug),
    queryFn: ({ signal }) => api<TPublicShowcase>(`/public/showcase/${enc(slug)}`, { signal }),
    retry: noRetryOn404,
    staleTime: 60_000,
  });
}

/** One public project page: one call. */
export function usePublicProject(slug: string, code: string) {
  return useQuery({
    queryKey: keys.publicProject(slug, code),
    queryFn: ({ signal }) =>
      api<TPublicProject>(`/public/showcase/${enc(slug)}/projects/${enc(code)}`, { signal }),
    retry: noRetryOn404,
    staleTime: 60_000,
  });
}

export function useShowcaseSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => api<TShowcaseSettings>('/showcase/settings', { signal }),
  });
}

export function useSaveShowcaseSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; data: TShowcaseInput }) =>
      api<TShowcaseSettings>('/showcase/settings', { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(keys.settings, saved);
      void qc.invalidateQueries({ queryKey: ['showcase', 'public'] });
    },
  });
}

export type ShowcaseItemKind = 'projects' | 'resources';

export function useShowcaseItems(kind: ShowcaseItemKind) {
  return useQuery({
    queryKey: keys.items(kind),
    queryFn: ({ signal }) => api<{ data: TShowcaseItem[] }>(`/showcase/${kind}`, { signal }),
  });
}

export function useSetShowcaseItemPublic(kind: ShowcaseItemKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; public: boolean; version: number }) =>
      api<TShowcaseToggle>(`/showcase/${kind}/${enc(v.id)}`, {
        method: 'PUT',
        body: { public: v.public, version: v.version },
      }),
    onSuccess: (changed) => {
      qc.setQueryData<{ data: TShowcaseItem[] }>(keys.items(kind), (old) =>
        old ? { data: old.data.map((x) => (x.id === changed.id ? { ...x, ...changed } : x)) } : old,
      );
      void qc.invalidateQueries({ queryKey: keys.settings });
      void qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
