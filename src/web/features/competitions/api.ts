import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EntryStatus,
  TCompetition,
  TCompetitionDayInput,
  TCompetitionInput,
  TCompetitionRuleSettings,
  TCompetitionSummary,
  TCompetitorInput,
  TEntry,
  TExpert,
  TExpertInput,
  TMember,
  TMemberInput,
  TSkill,
  TSkillDetail,
  TSkillInput,
  TWorkshop,
  TWorkshopInput,
} from '../../../contracts/competitions.js';
import { api, type Page, type QueryParams } from '../../lib/api';

const enc = encodeURIComponent;

/** Every competitions query starts with 'competitions', so one invalidation refreshes the feature. */
const keys = {
  all: ['competitions'] as const,
  list: (q: QueryParams) => ['competitions', 'list', q] as const,
  one: (id: string) => ['competitions', 'one', id] as const,
  part: (id: string, part: string, q?: QueryParams) => ['competitions', 'part', id, part, q ?? {}] as const,
  skill: (id: string) => ['competitions', 'skill', id] as const,
};

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.all });
}

/** A mutation that refreshes every competitions query on success. */
function useWrite<A, R>(fn: (args: A) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export function useCompetitions(query: QueryParams) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api<Page<TCompetitionSummary>>('/competitions', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompetition(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<TCompetition>(`/competitions/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveCompetition(id: string | undefined) {
  return useWrite((args: { version?: number; data: TCompetitionInput }) =>
    id
      ? api<TCompetition>(`/competitions/${enc(id)}`, { method: 'PUT', body: args })
      : api<TCompetition>('/competitions', { method: 'POST', body: args.data }),
  );
}

export function useSaveSettings(id: string) {
  return useWrite((args: { version: number; settings: TCompetitionRuleSettings }) =>
    api<TCompetition>(`/competitions/${enc(id)}/settings`, { method: 'PUT', body: args }),
  );
}

export function useCancelCompetition(id: string) {
  return useWrite((args: { version: number; reason: string }) =>
    api<TCompetition>(`/competitions/${enc(id)}/cancel`, { method: 'POST', body: args }),
  );
}

export function useSaveDays(id: string) {
  return useWrite((args: { version: number; days: TCompetitionDayInput[] }) =>
    api<TCompetition>(`/competitions/${enc(id)}/days`, { method: 'PUT', body: args }),
  );
}

function usePart<T>(competitionId: string, part: string, query?: QueryParams, enabled = true) {
  return useQuery({
    queryKey: keys.part(competitionId, part, query),
    queryFn: ({ signal }) => api<T>(`/competitions/${enc(competitionId)}/${part}`, { query, signal }),
    enabled: enabled && Boolean(competitionId),
    placeholderData: keepPreviousData,
  });
}

export const useSkills = (competitionId: string) => usePart<{ data: TSkill[] }>(competitionId, 'skills');
export const useMembers = (competitionId: string) => usePart<{ data: TMember[] }>(competitionId, 'members');
export const useWorkshops = (competitionId: string) =>
  usePart<{ data: TWorkshop[] }>(competitionId, 'workshops');
export const useEntries = (competitionId: string, query: QueryParams) =>
  usePart<Page<TEntry>>(competitionId, 'entries', query);
export const useExperts = (competitionId: string, query: QueryParams = {}) =>
  usePart<{ data: TExpert[] }>(competitionId, 'experts', query);

export function useSkillDetail(skillId: string | undefined) {
  return useQuery({
    queryKey: keys.skill(skillId ?? ''),
    queryFn: ({ signal }) => api<TSkillDetail>(`/competitions/skills/${enc(skillId ?? '')}`, { signal }),
    enabled: Boolean(skillId),
  });
}

export function useSaveSkill(competitionId: string) {
  return useWrite((args: { id?: string; version?: number; data: TSkillInput }) =>
    args.id
      ? api<TSkill>(`/competitions/skills/${enc(args.id)}`, {
          method: 'PUT',
          body: { version: args.version, data: args.data },
        })
      : api<TSkill>(`/competitions/${enc(competitionId)}/skills`, { method: 'POST', body: args.data }),
  );
}

export function useDeleteSkill() {
  return useWrite((args: { id: string; version: number }) =>
    api(`/competitions/skills/${enc(args.id)}`, { method: 'DELETE', query: { version: args.version } }),
  );
}

export function useSaveMember(competitionId: string) {
  return useWrite((args: { id?: string; version?: number; data: TMemberInput }) =>
    args.id
      ? api<TMember>(`/competitions/members/${enc(args.id)}`, {
          method: 'PUT',
          body: { version: args.version, data: args.data },
        })
      : api<TMember>(`/competitions/${enc(competitionId)}/members`, { method: 'POST', body: args.data }),
  );
}

export function useDeleteMember() {
  return useWrite((args: { id: string; version: number }) =>
    api(`/competitions/members/${enc(args.id)}`, { method: 'DELETE', query: { version: args.version } }),
  );
}

export function useRegistrar() {
  const add = useWrite((args: { memberId: string; userId: string }) =>
    api<TMember>(`/competitions/members/${enc(args.memberId)}/registrars`, {
      method: 'POST',
      body: { userId: args.userId },
    }),
  );
  const remove = useWrite((args: { memberId: string; userId: string }) =>
    api<TMember>(`/competitions/members/${enc(args.memberId)}/registrars/${enc(args.userId)}`, {
      method: 'DELETE',
    }),
  );
  return { add, remove };
}

export interface EntryWrite {
  id?: string;
  version?: number;
  skillId: string;
  memberId: string;
  displayName: string;
  bench: string;
  competitors: TCompetitorInput[];
}

export function useSaveEntry(competitionId: string) {
  return useWrite(({ id, version, skillId, memberId, ...data }: EntryWrite) =>
    id
      ? api<TEntry>(`/competitions/entries/${enc(id)}`, { method: 'PUT', body: { version, data } })
      : api<TEntry>(`/competitions/${enc(competitionId)}/entries`, {
          method: 'POST',
          body: { skillId, memberId, ...data },
        }),
  );
}

export function useEntryStatus() {
  return useWrite((args: { id: string; version: number; status: EntryStatus; reason: string }) =>
    api<TEntry>(`/competitions/entries/${enc(args.id)}/status`, {
      method: 'POST',
      body: { version: args.version, status: args.status, reason: args.reason },
    }),
  );
}

export function useSaveExpert(competitionId: string) {
  return useWrite((args: { id?: string; version?: number; data: TExpertInput }) => {
    if (args.id) {
      const { skillId: _s, ...data } = args.data;
      return api<TExpert>(`/competitions/experts/${enc(args.id)}`, {
        method: 'PUT',
        body: { version: args.version, data },
      });
    }
    return api<TExpert>(`/competitions/${enc(competitionId)}/experts`, { method: 'POST', body: args.data });
  });
}

export function useSaveWorkshop(competitionId: string) {
  return useWrite((args: { id?: string; version?: number; data: TWorkshopInput }) =>
    args.id
      ? api<TWorkshop>(`/competitions/workshops/${enc(args.id)}`, {
          method: 'PUT',
          body: { version: args.version, data: args.data },
        })
      : api<TWorkshop>(`/competitions/${enc(competitionId)}/workshops`, { method: 'POST', body: args.data }),
  );
}

export function useDeleteWorkshop() {
  return useWrite((args: { id: string; version: number }) =>
    api(`/competitions/workshops/${enc(args.id)}`, { method: 'DELETE', query: { version: args.version } }),
  );
}
