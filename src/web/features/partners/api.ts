import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TImportPreview,
  TPartner,
  TPartnerInput,
  TPartnerSummary,
} from '../../../contracts/partners.js';
import { api, apiUrl, type Page, type QueryParams, uploadFile } from '../../lib/api';

export type PartnerFilters = {
  q?: string;
  country?: string;
  type?: string;
  tag?: string;
  hasActiveAgreement?: string;
  archived?: string;
  sort?: string;
};

const keys = {
  all: ['partners'] as const,
  list: (q: QueryParams) => ['partners', 'list', q] as const,
  countries: (q: QueryParams) => ['partners', 'countries', q] as const,
  one: (id: string) => ['partners', 'one', id] as const,
};

export function usePartners(query: PartnerFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: keys.list(query as QueryParams),
    queryFn: ({ signal }) => api<Page<TPartnerSummary>>('/partners', { query: query as QueryParams, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Partner counts per country, same filters as the list (the country filter itself is left out). */
export function usePartnerCountries(filters: PartnerFilters) {
  const { country: _country, sort: _sort, ...rest } = filters;
  return useQuery({
    queryKey: keys.countries(rest as QueryParams),
    queryFn: ({ signal }) =>
      api<{ data: { country: string; count: number }[] }>('/partners/countries', {
        query: rest as QueryParams,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TPartner>(`/partners/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSavePartner(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { version?: number; data: TPartnerInput }) =>
      id
        ? api<TPartner>(`/partners/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body: { version: args.version, data: args.data },
          })
        : api<TPartner>('/partners', { method: 'POST', body: args.data }),
    onSuccess: (p) => {
      qc.setQueryData(keys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useArchivePartner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; archived: boolean }) =>
      api<TPartner>(`/partners/${encodeURIComponent(args.id)}/archive`, {
        method: 'POST',
        body: { version: args.version, archived: args.archived },
      }),
    onSuccess: (p) => {
      qc.setQueryData(keys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (file: File) => uploadFile<TImportPreview>('/partners/import/preview', file),
  });
}

/** `allowRepeat`: import a file that was already imported (the user confirmed it). */
export function useRunImport({ allowRepeat = false } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<{ imported: number; ids: string[] }>(
        `/partners/import${allowRepeat ? '?allowRepeat=true' : ''}`,
        file,
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function exportUrl(format: 'csv' | 'xlsx', filters: PartnerFilters): string {
  return apiUrl('/partners/export', { format, ...filters } as QueryParams);
}

export function sampleUrl(format: 'csv' | 'xlsx'): string {
  return apiUrl('/partners/import/sample', { format });
}
