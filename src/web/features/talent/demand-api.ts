import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDemandPosting,
  TDemandPostingInputRaw,
  TIntroduction,
  TMatchResult,
  TShortlistEntry,
} from '../../../contracts/talent-demand.js';
import { api, type Page } from '../../lib/api';

const enc = encodeURIComponent;
const keys = {
  all: ['talent-demand'] as const,
  list: (page: number) => ['talent-demand', 'list', page] as const,
  one: (id: string) => ['talent-demand', 'one', id] as const,
  shortlist: (id: string) => ['talent-demand', 'shortlist', id] as const,
  intros: (base: string) => ['talent-self', base, 'introductions'] as const,
};

export function useDemandPostings(page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.list(page),
    queryFn: ({ signal }) =>
      api<Page<TDemandPosting>>('/talent/demand', { query: { page, pageSize }, signal }),
  });
}

export function useDemandPosting(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TDemandPosting>(`/talent/demand/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveDemandPosting(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { version?: number; data: TDemandPostingInputRaw }) =>
      id
        ? api<TDemandPosting>(`/talent/demand/${enc(id)}`, { method: 'PUT', body: args })
        : api<TDemandPosting>('/talent/demand', { method: 'POST', body: args.data }),
    onSuccess: (p) => {
      qc.setQueryData(keys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSetPostingStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; status: TDemandPosting['status'] }) =>
      api<TDemandPosting>(`/talent/demand/${enc(id)}/status`, { method: 'POST', body }),
    onSuccess: (p) => {
      qc.setQueryData(keys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useRunMatching(id: string) {
  return useMutation({
    mutationFn: () =>
      api<TMatchResult>(`/talent/demand/${enc(id)}/match`, { method: 'POST', body: { limit: 50 } }),
  });
}

export function useShortlist(id: string | undefined) {
  return useQuery({
    queryKey: keys.shortlist(id ?? ''),
    queryFn: ({ signal }) =>
      api<{ data: TShortlistEntry[] }>(`/talent/demand/${enc(id ?? '')}/shortlist`, { signal }),
    enabled: Boolean(id),
    // Consent can be withdrawn at any moment: always read it fresh.
    staleTime: 0,
  });
}

export function useProposeCandidate(postingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) =>
      api<TShortlistEntry>(`/talent/demand/${enc(postingId)}/shortlist`, {
        method: 'POST',
        body: { profileId },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMoveStage(postingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; stage: TShortlistEntry['stage'] }) =>
      api<TShortlistEntry>(`/talent/shortlist/${enc(args.id)}/stage`, {
        method: 'POST',
        body: { version: args.version, stage: args.stage },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.shortlist(postingId) });
      void qc.invalidateQueries({ queryKey: keys.one(postingId) });
    },
  });
}

// The owner's introductions, through their personal link or their account (base: selfBase).

export function useIntroductions(base: string) {
  return useQuery({
    queryKey: keys.intros(base),
    queryFn: ({ signal }) => api<{ data: TIntroduction[] }>(`${base}/introductions`, { signal }),
    retry: false,
  });
}

export function useDecideIntroduction(base: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; decision: 'agree' | 'decline' }) =>
      api<{ data: TIntroduction[] }>(`${base}/introductions/${enc(args.id)}`, {
        method: 'POST',
        body: { version: args.version, decision: args.decision },
      }),
    onSuccess: (next) => qc.setQueryData(keys.intros(base), next),
  });
}
