import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceMark,
  EnrolmentStatus,
  TCohort,
  TCohortInput,
  TEnrolment,
  TEnrolmentImportPreview,
  TParticipant,
  TParticipantInput,
  TPortal,
  TProgramme,
  TProgrammeInput,
  TProgrammeSummary,
  TSessionAttendance,
  TSessionInput,
} from '../../../contracts/training.js';
import { api, apiUrl, type Page, uploadFile } from '../../lib/api';

const keys = {
  all: ['training'] as const,
  programmes: (q: object) => ['training', 'programmes', q] as const,
  programme: (id: string) => ['training', 'programme', id] as const,
  cohort: (id: string) => ['training', 'cohort', id] as const,
  enrolments: (cohortId: string) => ['training', 'enrolments', cohortId] as const,
  attendance: (sessionId: string) => ['training', 'attendance', sessionId] as const,
  trainers: ['training', 'trainers'] as const,
};
const enc = encodeURIComponent;
/**
 * The certificates panel on the cohort page shows who is eligible: attendance, scores and status
 * change that, so their mutations refresh it too (certificates/api.ts keys it this way).
 */
const ELIGIBILITY = ['certificates', 'cohort'] as const;

export function useProgrammes(query: { q?: string; projectId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: keys.programmes(query),
    queryFn: ({ signal }) => api<Page<TProgrammeSummary>>('/training/programmes', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: keys.programme(id ?? ''),
    queryFn: ({ signal }) => api<TProgramme>(`/training/programmes/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export interface ProjectOption {
  id: string;
  code: string;
  title: Record<string, string>;
}

/** Projects to attach a programme to (the projects module's list). */
export function useProjectOptions() {
  return useQuery({
    queryKey: ['training', 'project-options'],
    queryFn: ({ signal }) => api<Page<ProjectOption>>('/projects', { query: { pageSize: 200 }, signal }),
  });
}

export function useSaveProgramme(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { version?: number; data: TProgrammeInput }) =>
      id
        ? api<TProgramme>(`/training/programmes/${enc(id)}`, { method: 'PUT', body: args })
        : api<TProgramme>('/training/programmes', { method: 'POST', body: args.data }),
    onSuccess: (p) => {
      qc.setQueryData(keys.programme(p.id), p);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useCreateCohort(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: TCohortInput) =>
      api<TCohort>(`/training/programmes/${enc(programmeId)}/cohorts`, { method: 'POST', body: data }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useCohort(id: string | undefined) {
  return useQuery({
    queryKey: keys.cohort(id ?? ''),
    queryFn: ({ signal }) => api<TCohort>(`/training/cohorts/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useTrainers() {
  return useQuery({
    queryKey: keys.trainers,
    queryFn: ({ signal }) =>
      api<{ data: { id: string; displayName: string; role: string }[] }>('/training/trainers', { signal }),
    staleTime: 60_000,
  });
}

export function useSaveSession(cohortId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; version?: number; data: TSessionInput }) =>
      args.id
        ? api<TCohort>(`/training/sessions/${enc(args.id)}`, {
            method: 'PUT',
            body: { version: args.version, data: args.data },
          })
        : api<TCohort>(`/training/cohorts/${enc(cohortId)}/sessions`, { method: 'POST', body: args.data }),
    onSuccess: (c) => {
      qc.setQueryData(keys.cohort(cohortId), c);
      void qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useEnrolments(cohortId: string | undefined) {
  return useQuery({
    queryKey: keys.enrolments(cohortId ?? ''),
    queryFn: ({ signal }) =>
      api<{ data: TEnrolment[] }>(`/training/cohorts/${enc(cohortId ?? '')}/enrolments`, { signal }),
    enabled: Boolean(cohortId),
  });
}

export function useEnrol(cohortId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (participant: TParticipantInput) =>
      api<TEnrolment>(`/training/cohorts/${enc(cohortId)}/enrolments`, {
        method: 'POST',
        body: { participant, status: 'invited' },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateParticipant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; data: TParticipantInput }) =>
      api<TParticipant>(`/training/participants/${enc(args.id)}`, {
        method: 'PUT',
        body: { version: args.version, data: args.data },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ELIGIBILITY });
    },
  });
}

export function useChangeStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; status: EnrolmentStatus }) =>
      api<TEnrolment>(`/training/enrolments/${enc(args.id)}/status`, {
        method: 'POST',
        body: { version: args.version, status: args.status },
      }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ELIGIBILITY });
    },
  });
}

export function useEnterScores() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; preScore: number | null; postScore: number | null }) =>
      api<TEnrolment>(`/training/enrolments/${enc(args.id)}/scores`, {
        method: 'PUT',
        body: { version: args.version, preScore: args.preScore, postScore: args.postScore },
      }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: ELIGIBILITY });
    },
  });
}

export function useIssuePortalLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ url: string; token: string }>(`/training/enrolments/${enc(id)}/portal-link`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useAttendance(sessionId: string | undefined) {
  return useQuery({
    queryKey: keys.attendance(sessionId ?? ''),
    queryFn: ({ signal }) =>
      api<TSessionAttendance>(`/training/sessions/${enc(sessionId ?? '')}/attendance`, { signal }),
    enabled: Boolean(sessionId),
  });
}

export function useMarkAttendance(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (marks: { enrolmentId: string; mark: AttendanceMark }[]) =>
      api<TSessionAttendance & { changed: number }>(`/training/sessions/${enc(sessionId)}/attendance`, {
        method: 'PUT',
        body: { marks },
      }),
    onSuccess: (a) => {
      qc.setQueryData(keys.attendance(sessionId), a);
      void qc.invalidateQueries({ queryKey: ['training', 'enrolments'] });
      void qc.invalidateQueries({ queryKey: ELIGIBILITY });
    },
  });
}

export function usePreviewEnrolmentImport(cohortId: string) {
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<TEnrolmentImportPreview>(
        `/training/cohorts/${enc(cohortId)}/enrolments/import/preview`,
        file,
      ),
  });
}

/** `allowRepeat`: import a file that was already imported into the cohort (the user confirmed it). */
export function useRunEnrolmentImport(cohortId: string, { allowRepeat = false } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<{ imported: number; waitlisted: number }>(
        `/training/cohorts/${enc(cohortId)}/enrolments/import${allowRepeat ? '?allowRepeat=true' : ''}`,
        file,
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function usePortal(token: string | undefined) {
  return useQuery({
    queryKey: ['portal', token ?? ''],
    queryFn: ({ signal }) => api<TPortal>(`/portal/${enc(token ?? '')}`, { signal }),
    enabled: Boolean(token),
    retry: false,
  });
}

export const enrolmentExportUrl = (cohortId: string, format: 'csv' | 'xlsx', includeSensitive: boolean) =>
  apiUrl(`/training/cohorts/${enc(cohortId)}/enrolments/export`, {
    format,
    includeSensitive: includeSensitive ? 'true' : undefined,
  });
export const enrolmentSampleUrl = (format: 'csv' | 'xlsx') =>
  apiUrl('/training/enrolments/import/sample', { format });
export const cohortCalendarUrl = (cohortId: string) =>
  apiUrl(`/training/cohorts/${enc(cohortId)}/calendar.ics`);
export const trainerCalendarUrl = (userId: string) =>
  apiUrl(`/training/trainers/${enc(userId)}/calendar.ics`);
