import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCollegeSkillDetail,
  TCollegeSkillImportPreview,
  TCollegeSkillInput,
  TTaxonomyItem,
  TTaxonomyOverview,
} from '../../../contracts/talent-skills.js';
import { api, apiUrl, type QueryParams, uploadFile } from '../../lib/api';
import { setTaxonomyCuration } from './taxonomy';

const enc = encodeURIComponent;
/** `['talent', 'college-skills']` is also the key of useCollegeSkills (api.ts): both refresh together. */
const keys = {
  skills: ['talent', 'college-skills'] as const,
  list: (q: QueryParams) => ['talent', 'college-skills', 'list', q] as const,
  taxonomy: ['talent', 'taxonomy'] as const,
};

export type SkillFilters = { q?: string; category?: string; status?: string; esco?: string };

export function useCollegeSkillList(filters: SkillFilters) {
  return useQuery({
    queryKey: keys.list(filters as QueryParams),
    queryFn: ({ signal }) =>
      api<{ data: TCollegeSkillDetail[] }>('/talent/college-skills', {
        query: filters as QueryParams,
        signal,
      }),
  });
}

function useSkillMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.skills });
    },
  });
}

export function useSaveCollegeSkill() {
  return useSkillMutation(
    (args: { id?: string; version?: number; code: string; data: TCollegeSkillInput }) =>
      args.id
        ? api<TCollegeSkillDetail>(`/talent/college-skills/${enc(args.id)}`, {
            method: 'PUT',
            body: { version: args.version, data: args.data },
          })
        : api<TCollegeSkillDetail>('/talent/college-skills', {
            method: 'POST',
            body: { code: args.code, ...args.data },
          }),
  );
}

export function useSkillAction() {
  return useSkillMutation((args: { skill: TCollegeSkillDetail; action: 'archive' | 'restore' | 'delete' }) =>
    args.action === 'delete'
      ? api(`/talent/college-skills/${enc(args.skill.id)}`, {
          method: 'DELETE',
          query: { version: args.skill.version },
        })
      : api(`/talent/college-skills/${enc(args.skill.id)}/${args.action}`, {
          method: 'POST',
          body: { version: args.skill.version },
        }),
  );
}

export function useConfirmSkillEsco() {
  return useSkillMutation((args: { skill: TCollegeSkillDetail; escoUri: string; note: string }) =>
    api<TCollegeSkillDetail>(`/talent/college-skills/${enc(args.skill.id)}/esco-confirmation`, {
      method: 'POST',
      body: { version: args.skill.version, escoUri: args.escoUri, note: args.note },
    }),
  );
}

export function skillsExportUrl(format: 'csv' | 'xlsx'): string {
  return apiUrl('/talent/college-skills/export', { format });
}

export function usePreviewSkillImport() {
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<TCollegeSkillImportPreview>('/talent/college-skills/import/preview', file),
  });
}

export function useRunSkillImport() {
  return useSkillMutation((file: File) =>
    uploadFile<{ created: number; updated: number }>('/talent/college-skills/import', file),
  );
}

/** The starter set and ISCO-08 as this college curates them (its translations and confirmations). */
export function useTaxonomy(enabled = true) {
  return useQuery({
    queryKey: keys.taxonomy,
    queryFn: ({ signal }) => api<TTaxonomyOverview>('/talent/taxonomy', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function useTaxonomyMutation<A>(fn: (args: A) => Promise<TTaxonomyItem>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.taxonomy });
    },
  });
}

export function useSetTaxonomyLabels() {
  return useTaxonomyMutation((args: { item: string; version: number; labels: Record<string, string> }) =>
    api<TTaxonomyItem>('/talent/taxonomy/labels', { method: 'PUT', body: args }),
  );
}

export function useConfirmTaxonomyEsco() {
  return useTaxonomyMutation((args: { item: string; version: number; escoUri: string; note: string }) =>
    api<TTaxonomyItem>('/talent/taxonomy/esco-confirmation', { method: 'POST', body: args }),
  );
}

/**
 * Loads the college's curation once and hands it to the label functions (taxonomy.ts); components
 * that call it re-render when it arrives. Called by useCollegeSkills, which every talent page uses.
 */
export function useTaxonomyCuration() {
  const q = useTaxonomy();
  if (q.data && q.data !== registered) {
    registered = q.data;
    setTaxonomyCuration(q.data);
  }
  return q;
}
let registered: TTaxonomyOverview | undefined;
