import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MobilityStage,
  TMobility,
  TMobilityInput,
  TMobilitySummary,
} from '../../../contracts/exchanges.js';
import { api, apiUrl, type Page, type QueryParams } from '../../lib/api';

export type MobilityFilters = {
  q?: string;
  direction?: string;
  category?: string;
  stage?: string;
  year?: string;
  partnerId?: string;
  sort?: string;
};

const keys = {
  all: ['mobilities'] as const,
  list: (q: QueryParams) => ['mobilities', 'list', q] as const,
  one: (id: string) => ['mobilities', 'one', id] as const,
};

const path = (id: string, rest = '') => `/mobilities/${encodeURIComponent(id)}${rest}`;

export function useMobilities(query: MobilityFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: keys.list(query as QueryParams),
    queryFn: ({ signal }) =>
      api<Page<TMobilitySummary>>('/mobilities', { query: query as QueryParams, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMobility(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TMobility>(path(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

function useMobilityMutation<A>(fn: (args: A) => Promise<TMobility>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => {
      qc.setQueryData(keys.one(m.id), m);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSaveMobility(id: string | undefined) {
  return useMobilityMutation((args: { version?: number; data: TMobilityInput }) =>
    id
      ? api<TMobility>(path(id), { method: 'PUT', body: { version: args.version, data: args.data } })
      : api<TMobility>('/mobilities', { method: 'POST', body: args.data }),
  );
}

export function useTransition(id: string) {
  return useMobilityMutation(
    (body: {
      version: number;
      to: MobilityStage;
      note: string;
      actualStartOn?: string;
      actualEndOn?: string;
    }) => api<TMobility>(path(id, '/transitions'), { method: 'POST', body }),
  );
}

export function useTickItem(id: string) {
  return useMobilityMutation((args: { itemId: string; done: boolean }) =>
    api<TMobility>(path(id, `/checklist/${encodeURIComponent(args.itemId)}`), {
      method: 'PATCH',
      body: { done: args.done },
    }),
  );
}

export function useAddItem(id: string) {
  return useMobilityMutation((label: string) =>
    api<TMobility>(path(id, '/checklist'), { method: 'POST', body: { label } }),
  );
}

export function useSubmitReport(id: string) {
  return useMobilityMutation(
    (body: { version: number; summary: string; outcomes: string; followUpActions: string }) =>
      api<TMobility>(path(id, '/report'), { method: 'PUT', body }),
  );
}

export function invitationLetterUrl(id: string): string {
  return apiUrl(path(id, '/invitation-letter.pdf'));
}
