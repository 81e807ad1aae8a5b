import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TEvidence,
  TIndicatorInput,
  TPeriodInput,
  TResultInput,
  TResultsFramework,
  TResultsFrameworkChange,
} from '../../../contracts/results-frameworks.js';
import { api } from '../../lib/api';

const keyOf = (projectId: string) => ['results-framework', projectId] as const;

export const frameworkPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/results`;

export function useResultsFramework(projectId: string) {
  return useQuery({
    queryKey: keyOf(projectId),
    queryFn: ({ signal }) => api<TResultsFramework>(frameworkPath(projectId), { signal }),
  });
}

/** What the web can ask of the framework; each answers with the framework as it now is. */
export type FrameworkChange =
  | { kind: 'createResult'; data: TResultInput }
  | { kind: 'updateResult'; id: string; version: number; data: TResultInput }
  | { kind: 'deleteResult'; id: string; version: number }
  | { kind: 'createIndicator'; resultId: string; data: TIndicatorInput }
  | { kind: 'createFromTemplate'; resultId: string; templateKey: string }
  | { kind: 'updateIndicator'; id: string; version: number; data: TIndicatorInput }
  | { kind: 'deleteIndicator'; id: string; version: number }
  | { kind: 'createPeriod'; indicatorId: string; data: TPeriodInput }
  | { kind: 'updatePeriod'; id: string; version: number; data: TPeriodInput }
  | { kind: 'deletePeriod'; id: string; version: number }
  | { kind: 'copyPlatformFigure'; id: string; version: number };

function send(projectId: string, c: FrameworkChange): Promise<TResultsFrameworkChange> {
  const base = frameworkPath(projectId);
  const e = (id: string) => encodeURIComponent(id);
  const call = (path: string, method: 'POST' | 'PUT' | 'DELETE', body?: unknown, version?: number) =>
    api<TResultsFrameworkChange>(`${base}${path}`, {
      method,
      body,
      query: version === undefined ? undefined : { version },
    });
  switch (c.kind) {
    case 'createResult':
      return call('', 'POST', c.data);
    case 'updateResult':
      return call(`/${e(c.id)}`, 'PUT', { version: c.version, data: c.data });
    case 'deleteResult':
      return call(`/${e(c.id)}`, 'DELETE', undefined, c.version);
    case 'createIndicator':
      return call(`/${e(c.resultId)}/indicators`, 'POST', c.data);
    case 'createFromTemplate':
      return call(`/${e(c.resultId)}/indicators/from-template`, 'POST', { templateKey: c.templateKey });
    case 'updateIndicator':
      return call(`/indicators/${e(c.id)}`, 'PUT', { version: c.version, data: c.data });
    case 'deleteIndicator':
      return call(`/indicators/${e(c.id)}`, 'DELETE', undefined, c.version);
    case 'createPeriod':
      return call(`/indicators/${e(c.indicatorId)}/periods`, 'POST', c.data);
    case 'updatePeriod':
      return call(`/periods/${e(c.id)}`, 'PUT', { version: c.version, data: c.data });
    case 'deletePeriod':
      return call(`/periods/${e(c.id)}`, 'DELETE', undefined, c.version);
    case 'copyPlatformFigure':
      return call(`/periods/${e(c.id)}/copy-platform-figure`, 'POST', { version: c.version });
  }
}

export function useFrameworkChange(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: FrameworkChange) => send(projectId, c),
    onSuccess: (res) => qc.setQueryData(keyOf(projectId), res.framework),
  });
}

export const evidencePath = (projectId: string, periodId: string, evidenceId?: string) =>
  `${frameworkPath(projectId)}/periods/${encodeURIComponent(periodId)}/evidence${
    evidenceId ? `/${encodeURIComponent(evidenceId)}` : ''
  }`;

export function useEvidence(projectId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: keyOf(projectId) });
  const upload = useMutation({
    mutationFn: (args: { periodId: string; file: File; title: string }) => {
      const form = new FormData();
      // The title goes first: the server reads the fields sent ahead of the file.
      form.append('title', args.title);
      form.append('file', args.file);
      return api<TEvidence>(evidencePath(projectId, args.periodId), { method: 'POST', body: form });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (args: { periodId: string; evidenceId: string }) =>
      api<unknown>(evidencePath(projectId, args.periodId, args.evidenceId), { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { upload, remove };
}
