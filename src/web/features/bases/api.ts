import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  COMPETITOR_SOURCES,
  TActivityInput,
  TBase,
  TBaseInput,
  TBaseSummary,
  TComplianceReport,
  TEquipmentInput,
  TInfrastructureList,
  TInfrastructureListSummary,
  TTabularImportPreview,
  TTeamMemberInput,
  TTraineeInput,
} from '../../../contracts/bases.js';
import { api, apiUrl, type Page, type QueryParams, uploadFile } from '../../lib/api';

export type BaseFilters = { q?: string; kind?: string; location?: string; status?: string; sort?: string };
export type CompetitorSource = (typeof COMPETITOR_SOURCES)[number];

const keys = {
  all: ['bases'] as const,
  list: (q: QueryParams) => ['bases', 'list', q] as const,
  one: (id: string) => ['bases', 'one', id] as const,
  lists: ['bases', 'infrastructure-lists'] as const,
  listOne: (id: string) => ['bases', 'infrastructure-lists', id] as const,
  compliance: (id: string, listId: string, from: string) =>
    ['bases', 'compliance', id, listId, from] as const,
};

export function useBases(query: BaseFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: keys.list(query as QueryParams),
    queryFn: ({ signal }) => api<Page<TBaseSummary>>('/bases', { query: query as QueryParams, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBase(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TBase>(`/bases/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveBase(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { version?: number; data: TBaseInput }) =>
      id
        ? api<TBase>(`/bases/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body: { version: args.version, data: args.data },
          })
        : api<TBase>('/bases', { method: 'POST', body: args.data }),
    onSuccess: (b) => {
      qc.setQueryData(keys.one(b.id), b);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export interface CollectionInputs {
  equipment: TEquipmentInput;
  team: TTeamMemberInput;
  trainees: TTraineeInput;
  activities: TActivityInput;
}
export type CollectionName = keyof CollectionInputs;

export function useSaveCollection<K extends CollectionName>(id: string, collection: K) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { version: number; items: CollectionInputs[K][] }) =>
      api<TBase>(`/bases/${encodeURIComponent(id)}/${collection}`, { method: 'PUT', body: args }),
    onSuccess: (b) => {
      qc.setQueryData(keys.one(b.id), b);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useInfrastructureLists() {
  return useQuery({
    queryKey: keys.lists,
    queryFn: ({ signal }) => api<{ data: TInfrastructureListSummary[] }>('/infrastructure-lists', { signal }),
  });
}

export function useInfrastructureList(id: string | undefined) {
  return useQuery({
    queryKey: keys.listOne(id ?? ''),
    queryFn: ({ signal }) =>
      api<TInfrastructureList>(`/infrastructure-lists/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCompliance(id: string, listId: string | null, competitorsFrom: CompetitorSource) {
  return useQuery({
    queryKey: keys.compliance(id, listId ?? '', competitorsFrom),
    queryFn: ({ signal }) =>
      api<TComplianceReport>(`/bases/${encodeURIComponent(id)}/compliance`, {
        query: { listId, competitorsFrom },
        signal,
      }),
    enabled: Boolean(listId),
  });
}

export function complianceExportUrl(
  id: string,
  listId: string,
  competitorsFrom: CompetitorSource,
  format: 'csv' | 'xlsx',
) {
  return apiUrl(`/bases/${encodeURIComponent(id)}/compliance/export`, { listId, competitorsFrom, format });
}

export function sampleUrl(kind: 'list' | 'inventory', format: 'csv' | 'xlsx'): string {
  return apiUrl(`/bases/samples/${kind}`, { format });
}

/** Preview and run of one of the two imports (a list, or a base's inventory). */
export function useTabularImport<R>(previewPath: string, runPath: (file: File) => string) {
  const qc = useQueryClient();
  const preview = useMutation({
    mutationFn: (file: File) => uploadFile<TTabularImportPreview>(previewPath, file),
  });
  const run = useMutation({
    mutationFn: (file: File) => uploadFile<R>(runPath(file), file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
  return { preview, run };
}
