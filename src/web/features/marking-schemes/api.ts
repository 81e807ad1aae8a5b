import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateSchemeRequest,
  TMarkingScheme,
  TMyAssignments,
  TSchemeImportPreview,
  TSchemeTeams,
  TSchemeVersion,
  TSchemeVersionList,
  TTeamMemberInput,
} from '../../../contracts/marking-schemes.js';
import { api, apiUrl, uploadFile } from '../../lib/api';

const base = (skillId: string) => `/competitions/skills/${encodeURIComponent(skillId)}`;
const schemeUrl = (skillId: string, schemeId: string) =>
  `${base(skillId)}/schemes/${encodeURIComponent(schemeId)}`;

export const schemeKeys = {
  all: (skillId: string) => ['marking-schemes', skillId] as const,
  list: (skillId: string) => ['marking-schemes', skillId, 'list'] as const,
  one: (skillId: string, schemeId: string) => ['marking-schemes', skillId, 'one', schemeId] as const,
  teams: (skillId: string, schemeId: string) => ['marking-schemes', skillId, 'teams', schemeId] as const,
  mine: (skillId: string) => ['marking-schemes', skillId, 'mine'] as const,
};

export function useSchemeVersions(skillId: string) {
  return useQuery({
    queryKey: schemeKeys.list(skillId),
    queryFn: ({ signal }) => api<TSchemeVersionList>(`${base(skillId)}/schemes`, { signal }),
  });
}

export function useSchemeVersion(skillId: string, schemeId: string | null) {
  return useQuery({
    queryKey: schemeKeys.one(skillId, schemeId ?? ''),
    queryFn: ({ signal }) => api<TSchemeVersion>(schemeUrl(skillId, schemeId ?? ''), { signal }),
    enabled: Boolean(schemeId),
  });
}

/** After a change to one version: store it, and refresh the list (statuses, totals). */
function useVersionSaved(skillId: string) {
  const qc = useQueryClient();
  return (v: TSchemeVersion) => {
    qc.setQueryData(schemeKeys.one(skillId, v.id), v);
    void qc.invalidateQueries({ queryKey: schemeKeys.list(skillId) });
    void qc.invalidateQueries({ queryKey: ['marking-schemes', skillId, 'teams'] });
  };
}

export function useCreateScheme(skillId: string) {
  const saved = useVersionSaved(skillId);
  return useMutation({
    mutationFn: (body: TCreateSchemeRequest) =>
      api<TSchemeVersion>(`${base(skillId)}/schemes`, { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useReplaceScheme(skillId: string, schemeId: string) {
  const saved = useVersionSaved(skillId);
  return useMutation({
    mutationFn: (body: { version: number; scheme: TMarkingScheme }) =>
      api<TSchemeVersion>(schemeUrl(skillId, schemeId), { method: 'PUT', body }),
    onSuccess: saved,
  });
}

export function useDeleteScheme(skillId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number }) =>
      api<{ ok: true }>(schemeUrl(skillId, args.id), { method: 'DELETE', query: { version: args.version } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: schemeKeys.all(skillId) }),
  });
}

export function useLockScheme(skillId: string, schemeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api<TSchemeVersion>(`${schemeUrl(skillId, schemeId)}/lock`, { method: 'POST', body: { version } }),
    // Locking supersedes the previous version: refresh every version of the skill.
    onSuccess: () => void qc.invalidateQueries({ queryKey: schemeKeys.all(skillId) }),
  });
}

export function useUnlockScheme(skillId: string, schemeId: string) {
  const saved = useVersionSaved(skillId);
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) =>
      api<TSchemeVersion>(`${schemeUrl(skillId, schemeId)}/unlock`, { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function usePreviewSchemeImport(skillId: string) {
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<TSchemeImportPreview>(`${base(skillId)}/schemes/import/preview`, file),
  });
}

export function useImportScheme(skillId: string) {
  const saved = useVersionSaved(skillId);
  return useMutation({
    mutationFn: (file: File) => uploadFile<TSchemeVersion>(`${base(skillId)}/schemes/import`, file),
    onSuccess: saved,
  });
}

export function schemeExportUrl(skillId: string, schemeId: string): string {
  return apiUrl(`${schemeUrl(skillId, schemeId)}/export`);
}

export function useSchemeTeams(skillId: string, schemeId: string | null) {
  return useQuery({
    queryKey: schemeKeys.teams(skillId, schemeId ?? ''),
    queryFn: ({ signal }) => api<TSchemeTeams>(`${schemeUrl(skillId, schemeId ?? '')}/teams`, { signal }),
    enabled: Boolean(schemeId),
  });
}

export function useReplaceTeam(skillId: string, schemeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { subCriterionKey: string; revision: string; members: TTeamMemberInput[] }) =>
      api<TSchemeTeams>(`${schemeUrl(skillId, schemeId)}/teams/${encodeURIComponent(args.subCriterionKey)}`, {
        method: 'PUT',
        body: { revision: args.revision, members: args.members },
      }),
    onSuccess: (teams) => {
      qc.setQueryData(schemeKeys.teams(skillId, schemeId), teams);
      void qc.invalidateQueries({ queryKey: schemeKeys.mine(skillId) });
    },
  });
}

/** The signed-in expert's sub-criteria and entries on the skill's locked scheme (for the bench). */
export function useMyAssignments(skillId: string) {
  return useQuery({
    queryKey: schemeKeys.mine(skillId),
    queryFn: ({ signal }) => api<TMyAssignments>(`${base(skillId)}/teams/mine`, { signal }),
  });
}
