import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TProject,
  TProjectInput,
  TProjectPage,
  TProjectPortfolio,
  TProjectSummary,
} from '../../../contracts/projects.js';
import type { TUser } from '../../../contracts/users.js';
import { api, type Page, type QueryParams } from '../../lib/api';

export type ProjectFilters = {
  q?: string;
  type?: string;
  status?: string;
  country?: string;
  partnerId?: string;
  year?: string;
  archived?: string;
  sort?: string;
};

const keys = {
  all: ['projects'] as const,
  list: (q: QueryParams) => ['projects', 'list', q] as const,
  portfolio: (q: QueryParams) => ['projects', 'portfolio', q] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  page: (id: string) => ['projects', 'page', id] as const,
};

const clean = (q: Record<string, unknown>): QueryParams =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== '' && v !== undefined)) as QueryParams;

export function useProjects(query: ProjectFilters & { page: number; pageSize: number; topLevel?: string }) {
  const q = clean(query);
  return useQuery({
    queryKey: keys.list(q),
    queryFn: ({ signal }) => api<Page<TProjectSummary>>('/projects', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePortfolio(filters: ProjectFilters) {
  const { sort: _sort, ...rest } = filters;
  const q = clean(rest);
  return useQuery({
    queryKey: keys.portfolio(q),
    queryFn: ({ signal }) => api<TProjectPortfolio>('/projects/portfolio', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TProject>(`/projects/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useProjectPage(id: string | undefined) {
  return useQuery({
    queryKey: keys.page(id ?? ''),
    queryFn: ({ signal }) => api<TProjectPage>(`/projects/${encodeURIComponent(id ?? '')}/page`, { signal }),
    enabled: Boolean(id),
  });
}

function useProjectMutation<A>(fn: (args: A) => Promise<TProject>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData(keys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useSaveProject(id: string | undefined) {
  return useProjectMutation((args: { version?: number; data: TProjectInput }) =>
    id
      ? api<TProject>(`/projects/${encodeURIComponent(id)}`, {
          method: 'PUT',
          body: { version: args.version, data: args.data },
        })
      : api<TProject>('/projects', { method: 'POST', body: args.data }),
  );
}

export function useArchiveProject(id: string) {
  return useProjectMutation((args: { version: number; archived: boolean }) =>
    api<TProject>(`/projects/${encodeURIComponent(id)}/archive`, { method: 'POST', body: args }),
  );
}

/** Active members of the organization, for the "responsible person" select (needs user.read). */
export function useActiveUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', { status: 'active', pageSize: 200, for: 'projects' }],
    queryFn: ({ signal }) =>
      api<Page<TUser>>('/users', { query: { status: 'active', pageSize: 200 }, signal }),
    enabled,
  });
}
