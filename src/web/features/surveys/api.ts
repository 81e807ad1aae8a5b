import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SurveyLevel,
  SurveyStatus,
  TCohortOption,
  TComparison,
  TInvitation,
  TPublicSurvey,
  TSubmitResponseRequest,
  TSurvey,
  TSurveyAnalytics,
  TSurveyData,
  TSurveyInput,
  TSurveyOverview,
  TSurveySummary,
} from '../../../contracts/surveys.js';
import { api, type Page } from '../../lib/api';

const enc = encodeURIComponent;
const keys = {
  all: ['surveys'] as const,
  list: (q: object) => ['surveys', 'list', q] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  invitations: (id: string) => ['surveys', 'invitations', id] as const,
  analytics: (id: string) => ['surveys', 'analytics', id] as const,
};

export interface SurveyListQuery {
  q?: string;
  projectId?: string;
  cohortId?: string;
  level?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export function useSurveys(query: SurveyListQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api<Page<TSurveySummary>>('/surveys', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TSurvey>(`/surveys/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSurveyTemplate(
  level: SurveyLevel | null,
  opts: { projectId?: string; cohortId?: string },
) {
  return useQuery({
    queryKey: ['surveys', 'template', level, opts],
    queryFn: ({ signal }) => api<TSurveyData>(`/surveys/templates/${level}`, { query: { ...opts }, signal }),
    enabled: level !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCohortOptions() {
  return useQuery({
    queryKey: ['surveys', 'cohort-options'],
    queryFn: ({ signal }) => api<{ data: TCohortOption[] }>('/surveys/cohort-options', { signal }),
  });
}

export function useSaveSurvey(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { version?: number; data: TSurveyInput }) =>
      id
        ? api<TSurvey>(`/surveys/${enc(id)}`, { method: 'PUT', body: args })
        : api<TSurvey>('/surveys', { method: 'POST', body: args.data }),
    onSuccess: (s) => {
      qc.setQueryData(keys.one(s.id), s);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSurveyAction(id: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.all });
  return {
    status: useMutation({
      mutationFn: (args: { version: number; status: SurveyStatus }) =>
        api<TSurvey>(`/surveys/${enc(id)}/status`, { method: 'POST', body: args }),
      onSuccess: refresh,
    }),
    invite: useMutation({
      mutationFn: (args: { participantIds?: string[] }) =>
        api<{ invited: number; skipped: number; withoutEmail: number }>(`/surveys/${enc(id)}/invitations`, {
          method: 'POST',
          body: args,
        }),
      onSuccess: refresh,
    }),
    remind: useMutation({
      mutationFn: () =>
        api<{ reminded: number }>(`/surveys/${enc(id)}/reminders`, { method: 'POST', body: {} }),
      onSuccess: refresh,
    }),
    postTest: useMutation({
      mutationFn: () => api<TSurvey>(`/surveys/${enc(id)}/post-test`, { method: 'POST', body: {} }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: () => api<{ ok: true }>(`/surveys/${enc(id)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

export function useInvitations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.invitations(id),
    queryFn: ({ signal }) => api<{ data: TInvitation[] }>(`/surveys/${enc(id)}/invitations`, { signal }),
    enabled,
  });
}

export function useInvitationLink() {
  return useMutation({
    mutationFn: (invitationId: string) =>
      api<{ url: string }>(`/surveys/invitations/${enc(invitationId)}/link`, { method: 'POST', body: {} }),
  });
}

export function useSurveyAnalytics(id: string | undefined) {
  return useQuery({
    queryKey: keys.analytics(id ?? ''),
    queryFn: ({ signal }) => api<TSurveyAnalytics>(`/surveys/${enc(id ?? '')}/analytics`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSurveyOverview(q: { projectId?: string; cohortId?: string }) {
  return useQuery({
    queryKey: ['surveys', 'overview', q],
    queryFn: ({ signal }) => api<TSurveyOverview>('/surveys/overview', { query: { ...q }, signal }),
  });
}

export function useComparison(q: { metric: string; dimension: string; projectId?: string }) {
  return useQuery({
    queryKey: ['surveys', 'comparison', q],
    queryFn: ({ signal }) => api<TComparison>('/surveys/comparisons', { query: { ...q }, signal }),
  });
}

export function usePublicSurvey(token: string | undefined) {
  return useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) => api<TPublicSurvey>(`/public/surveys/${enc(token ?? '')}`, { signal }),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useSubmitResponse(token: string) {
  return useMutation({
    mutationFn: (body: TSubmitResponseRequest) =>
      api<{ ok: true }>(`/public/surveys/${enc(token)}/responses`, { method: 'POST', body }),
  });
}
