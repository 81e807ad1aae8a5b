import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  TCompetitionResults,
  TJudgeAnalysis,
  TParticipantAchievement,
  TScoreboard,
  TSkillResults,
} from '../../../contracts/competition-results.js';
import { api, apiUrl } from '../../lib/api';

const enc = encodeURIComponent;
const keys = {
  skill: (id: string) => ['competition-results', 'skill', id] as const,
  judges: (id: string) => ['competition-results', 'judges', id] as const,
  competition: (id: string) => ['competition-results', 'competition', id] as const,
  participant: (id: string) => ['competition-results', 'participant', id] as const,
  publicPage: (org: string, slug: string) => ['public-competition', org, slug] as const,
  scoreboard: (org: string, slug: string) => ['public-competition', org, slug, 'scoreboard'] as const,
};

export function useSkillResults(skillId: string) {
  return useQuery({
    queryKey: keys.skill(skillId),
    queryFn: ({ signal }) => api<TSkillResults>(`/competition-results/skills/${enc(skillId)}`, { signal }),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export type ResultsAction = 'sign-off' | 'withdraw-sign-off' | 'publish' | 'unpublish';

export function useResultsAction(skillId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { action: ResultsAction; version: number; reason?: string }) =>
      api<TSkillResults>(`/competition-results/skills/${enc(skillId)}/${args.action}`, {
        method: 'POST',
        body:
          args.reason === undefined
            ? { version: args.version }
            : { version: args.version, reason: args.reason },
      }),
    onSuccess: (data) => {
      qc.setQueryData(keys.skill(skillId), data);
      void qc.invalidateQueries({ queryKey: ['competition-results', 'competition', data.competition.id] });
    },
  });
}

export function useJudgeAnalysis(skillId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.judges(skillId),
    queryFn: ({ signal }) =>
      api<TJudgeAnalysis>(`/competition-results/skills/${enc(skillId)}/judge-analysis`, { signal }),
    enabled,
  });
}

export function exportUrl(skillId: string, kind: 'results' | 'marks', format: 'xlsx' | 'pdf'): string {
  return apiUrl(`/competition-results/skills/${enc(skillId)}/exports/${kind}/${format}`);
}

export function useCompetitionResults(competitionId: string) {
  return useQuery({
    queryKey: keys.competition(competitionId),
    queryFn: ({ signal }) =>
      api<TCompetitionResults>(`/competition-results/competitions/${enc(competitionId)}`, { signal }),
  });
}

export function useParticipantAchievements(participantId: string) {
  return useQuery({
    queryKey: keys.participant(participantId),
    queryFn: ({ signal }) =>
      api<{ data: TParticipantAchievement[] }>(`/competition-results/participants/${enc(participantId)}`, {
        signal,
      }),
  });
}

export function usePublicCompetition(orgKey: string, slug: string) {
  return useQuery({
    queryKey: keys.publicPage(orgKey, slug),
    queryFn: ({ signal }) =>
      api<TCompetitionResults>(`/public/competitions/${enc(orgKey)}/${enc(slug)}`, { signal }),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
    refetchInterval: 60_000,
  });
}

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The venue scoreboard: first the JSON snapshot, then live updates over Server-Sent Events. The
 * browser's EventSource reconnects by itself after a dropped connection; when the server refuses the
 * stream (EventSource gives up, readyState CLOSED) we open a new one with a growing delay.
 */
export function useLiveScoreboard(orgKey: string, slug: string) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [published, setPublished] = useState<{ skillId: string; number: string; at: number } | null>(null);
  const query = useQuery({
    queryKey: keys.scoreboard(orgKey, slug),
    queryFn: ({ signal }) =>
      api<TScoreboard>(`/public/competitions/${enc(orgKey)}/${enc(slug)}/scoreboard`, { signal }),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let disposed = false;
    const open = () => {
      source = new EventSource(apiUrl(`/public/competitions/${enc(orgKey)}/${enc(slug)}/scoreboard/stream`));
      source.addEventListener('open', () => {
        attempt = 0;
        setStatus('live');
      });
      source.addEventListener('scoreboard', (e) => {
        qc.setQueryData(
          keys.scoreboard(orgKey, slug),
          JSON.parse((e as MessageEvent<string>).data) as TScoreboard,
        );
      });
      source.addEventListener('published', (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as { skillId: string; number: string };
        setPublished({ ...data, at: Date.now() });
      });
      source.addEventListener('error', () => {
        setStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !disposed) {
          source.close();
          attempt++;
          retryTimer = setTimeout(open, Math.min(30_000, 2_000 * 2 ** Math.min(attempt, 4)));
        }
      });
    };
    open();
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [orgKey, slug, qc]);

  return { ...query, status, published };
}
