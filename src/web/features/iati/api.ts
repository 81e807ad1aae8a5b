import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TIatiExportPreview,
  TIatiExportRequest,
  TIatiImportPreview,
  TIatiImportResult,
  TIatiPublisher,
} from '../../../contracts/iati.js';
import type { TProjectSummary } from '../../../contracts/projects.js';
import { API_BASE, ApiError, api, currentCsrfToken, type Page } from '../../lib/api';

const keys = {
  publisher: ['iati', 'publisher'] as const,
  projects: ['iati', 'projects'] as const,
};

export function usePublisher() {
  return useQuery({
    queryKey: keys.publisher,
    queryFn: ({ signal }) => api<TIatiPublisher>('/iati/publisher', { signal }),
  });
}

export function useSavePublisher() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; iatiOrgId: string }) =>
      api<TIatiPublisher>('/iati/publisher', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(keys.publisher, data),
  });
}

/** Every project not archived, for the export picker (at most 500, by code). */
export function useExportableProjects() {
  return useQuery({
    queryKey: keys.projects,
    queryFn: ({ signal }) =>
      api<Page<TProjectSummary>>('/projects', {
        query: { archived: 'false', sort: 'code', page: 1, pageSize: 500 },
        signal,
      }),
  });
}

export function useExportPreview() {
  return useMutation({
    mutationFn: (body: TIatiExportRequest) =>
      api<TIatiExportPreview>('/iati/export/preview', { method: 'POST', body }),
  });
}

/** Downloads the validated file (the server refuses one that does not validate). */
export async function downloadExport(body: TIatiExportRequest, fileName: string): Promise<void> {
  const token = currentCsrfToken();
  const res = await fetch(`${API_BASE}/iati/export`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    let err: { code?: string; message?: string; details?: Record<string, unknown> } = {};
    try {
      err = ((await res.json()) as { error?: typeof err }).error ?? {};
    } catch {
      err = {};
    }
    throw new ApiError(res.status, err.code ?? 'INTERNAL', err.message ?? '', err.details);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function useImportPreview() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<TIatiImportPreview>('/iati/import/preview', { method: 'POST', body: form });
    },
  });
}

export function useRunImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, preview }: { file: File; preview: TIatiImportPreview }) => {
      const form = new FormData();
      // The plan goes first: the server reads the fields sent before the file.
      form.append(
        'plan',
        JSON.stringify(
          preview.activities.map((a) => ({
            identifier: a.identifier,
            action: a.action,
            projectId: a.projectId,
            projectVersion: a.projectVersion,
          })),
        ),
      );
      form.append('file', file);
      return api<TIatiImportResult>('/iati/import', { method: 'POST', body: form });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['partners'] });
      void qc.invalidateQueries({ queryKey: keys.projects });
    },
  });
}
