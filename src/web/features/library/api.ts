import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TConcept,
  TGlossary,
  TGlossaryInput,
  TPartnerUserLink,
  TResource,
  TResourceInput,
  TTerm,
  TTermInput,
} from '../../../contracts/library.js';
import { api, apiUrl, type Page, type QueryParams } from '../../lib/api';

const keys = {
  resources: ['library', 'resources'] as const,
  resourceList: (q: QueryParams) => ['library', 'resources', 'list', q] as const,
  resource: (id: string) => ['library', 'resources', 'one', id] as const,
  glossaries: ['library', 'glossaries'] as const,
  glossary: (id: string) => ['library', 'glossaries', 'one', id] as const,
  concepts: (id: string, q: QueryParams) => ['library', 'glossaries', 'concepts', id, q] as const,
  links: (partnerId: string) => ['library', 'links', partnerId] as const,
};

const enc = encodeURIComponent;

export function useResources(query: QueryParams) {
  return useQuery({
    queryKey: keys.resourceList(query),
    queryFn: ({ signal }) => api<Page<TResource>>('/resources', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useResource(id: string | undefined) {
  return useQuery({
    queryKey: keys.resource(id ?? ''),
    queryFn: ({ signal }) => api<TResource>(`/resources/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Mutations that answer the resource: the cache is updated with it and lists refreshed. */
function useResourceMutation<A>(fn: (args: A) => Promise<TResource>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(keys.resource(r.id), r);
      void qc.invalidateQueries({ queryKey: keys.resources });
    },
  });
}

export function useSaveResource(id: string | undefined) {
  return useResourceMutation((args: { version?: number; data: TResourceInput }) =>
    id
      ? api<TResource>(`/resources/${enc(id)}`, {
          method: 'PUT',
          body: { version: args.version, data: args.data },
        })
      : api<TResource>('/resources', { method: 'POST', body: args.data }),
  );
}

export function useCreateVersion(id: string) {
  return useResourceMutation((body: { label: string; changelog: string; publishedOn: string | null }) =>
    api<TResource>(`/resources/${enc(id)}/versions`, { method: 'POST', body }),
  );
}

export function useUploadResourceFile(id: string) {
  return useResourceMutation((args: { versionId: string; language: string; file: File }) => {
    const form = new FormData();
    form.append('file', args.file);
    return api<TResource>(`/resources/${enc(id)}/versions/${enc(args.versionId)}/files`, {
      method: 'POST',
      query: { language: args.language },
      body: form,
    });
  });
}

export function useDeleteResourceFile(id: string) {
  return useResourceMutation((fileId: string) =>
    api<TResource>(`/resources/${enc(id)}/files/${enc(fileId)}`, { method: 'DELETE' }),
  );
}

export function useShareResource(id: string) {
  return useResourceMutation((args: { partnerId: string; share: boolean }) =>
    args.share
      ? api<TResource>(`/resources/${enc(id)}/shares`, {
          method: 'POST',
          body: { partnerId: args.partnerId },
        })
      : api<TResource>(`/resources/${enc(id)}/shares/${enc(args.partnerId)}`, { method: 'DELETE' }),
  );
}

export function useDeleteResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: { id: string; version: number }) =>
      api<unknown>(`/resources/${enc(r.id)}`, { method: 'DELETE', query: { version: r.version } }),
    onSuccess: (_, r) => {
      qc.removeQueries({ queryKey: keys.resource(r.id) });
      void qc.invalidateQueries({ queryKey: keys.resources });
    },
  });
}

export function resourceFileUrl(id: string, fileId: string): string {
  return apiUrl(`/resources/${enc(id)}/files/${enc(fileId)}`);
}

// Partner staff accounts ----------------------------------------------------------------------

export function usePartnerUserLinks(partnerId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.links(partnerId),
    queryFn: ({ signal }) =>
      api<{ data: TPartnerUserLink[] }>('/partner-user-links', { query: { partnerId }, signal }),
    enabled,
  });
}

export function usePartnerAccountCandidates(enabled: boolean) {
  return useQuery({
    queryKey: ['library', 'links', 'candidates'],
    queryFn: ({ signal }) =>
      api<{ data: { userId: string; email: string; displayName: string }[] }>(
        '/partner-user-links/candidates',
        {
          signal,
        },
      ),
    enabled,
  });
}

export function useLinkPartnerUser(partnerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { userId: string; link: boolean }) =>
      args.link
        ? api<unknown>('/partner-user-links', { method: 'POST', body: { partnerId, userId: args.userId } })
        : api<unknown>(`/partner-user-links/${enc(partnerId)}/${enc(args.userId)}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.links(partnerId) }),
  });
}

// Glossaries ----------------------------------------------------------------------------------

export function useGlossaries(q: string) {
  return useQuery({
    queryKey: [...keys.glossaries, 'list', q],
    queryFn: ({ signal }) => api<{ data: TGlossary[] }>('/glossaries', { query: { q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGlossary(id: string | undefined) {
  return useQuery({
    queryKey: keys.glossary(id ?? ''),
    queryFn: ({ signal }) => api<TGlossary>(`/glossaries/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useConcepts(id: string, query: QueryParams) {
  return useQuery({
    queryKey: keys.concepts(id, query),
    queryFn: ({ signal }) => api<Page<TConcept>>(`/glossaries/${enc(id)}/concepts`, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function useGlossaryInvalidation() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.glossaries });
}

export function useSaveGlossary(id: string | undefined) {
  const invalidate = useGlossaryInvalidation();
  return useMutation({
    mutationFn: (args: { version?: number; data: TGlossaryInput }) =>
      id
        ? api<TGlossary>(`/glossaries/${enc(id)}`, {
            method: 'PUT',
            body: { version: args.version, data: args.data },
          })
        : api<TGlossary>('/glossaries', { method: 'POST', body: args.data }),
    onSuccess: invalidate,
  });
}

export function useSaveTerm(glossaryId: string) {
  const invalidate = useGlossaryInvalidation();
  return useMutation({
    mutationFn: (args: { id?: string; version?: number; data: TTermInput }) =>
      args.id
        ? api<TTerm>(`/glossaries/${enc(glossaryId)}/terms/${enc(args.id)}`, {
            method: 'PUT',
            body: { version: args.version, data: args.data },
          })
        : api<TTerm>(`/glossaries/${enc(glossaryId)}/terms`, { method: 'POST', body: args.data }),
    onSuccess: invalidate,
  });
}

export function useDeleteGlossary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (g: { id: string; version: number }) =>
      api<unknown>(`/glossaries/${enc(g.id)}`, { method: 'DELETE', query: { version: g.version } }),
    onSuccess: (_, g) => {
      qc.removeQueries({ queryKey: keys.glossary(g.id) });
      void qc.invalidateQueries({ queryKey: keys.glossaries });
    },
  });
}

export function useDeleteTerm(glossaryId: string) {
  const invalidate = useGlossaryInvalidation();
  return useMutation({
    mutationFn: (termId: string) =>
      api<unknown>(`/glossaries/${enc(glossaryId)}/terms/${enc(termId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useApproveTerm(glossaryId: string) {
  const invalidate = useGlossaryInvalidation();
  return useMutation({
    mutationFn: (term: { id: string; version: number }) =>
      api<TTerm>(`/glossaries/${enc(glossaryId)}/terms/${enc(term.id)}/approve`, {
        method: 'POST',
        body: { version: term.version },
      }),
    onSuccess: invalidate,
  });
}

export function useImportGlossary(glossaryId: string) {
  const invalidate = useGlossaryInvalidation();
  return useMutation({
    mutationFn: (args: { format: 'csv' | 'tbx'; file: File }) => {
      const form = new FormData();
      form.append('file', args.file);
      return api<{ imported: number }>(`/glossaries/${enc(glossaryId)}/import`, {
        method: 'POST',
        query: { format: args.format },
        body: form,
      });
    },
    onSuccess: invalidate,
  });
}

export function glossaryExportUrl(id: string, format: 'csv' | 'tbx'): string {
  return apiUrl(`/glossaries/${enc(id)}/export`, { format });
}
