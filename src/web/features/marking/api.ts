import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDecideDisputeRequest,
  TDispute,
  TDisputeEvidence,
  TDisputeList,
  TFormDetail,
  TFormMatrix,
  TMarkBatchResult,
  TRaiseDisputeRequest,
  TStaleMarkItem,
} from '../../../contracts/marking.js';
import { ApiError, api, apiUrl, uploadFile } from '../../lib/api';
import type { SendOutcome } from './mark-queue';

const enc = encodeURIComponent;

export const markingKeys = {
  all: ['marking'] as const,
  matrix: (skillId: string) => ['marking', 'matrix', skillId] as const,
  form: (formId: string) => ['marking', 'form', formId] as const,
  disputes: (skillId: string) => ['marking', 'disputes', skillId] as const,
};

export function useFormMatrix(skillId: string | undefined) {
  return useQuery({
    queryKey: markingKeys.matrix(skillId ?? ''),
    queryFn: ({ signal }) => api<TFormMatrix>(`/marking/skills/${enc(skillId ?? '')}/forms`, { signal }),
    enabled: Boolean(skillId),
  });
}

export function useFormDetail(formId: string | undefined) {
  return useQuery({
    queryKey: markingKeys.form(formId ?? ''),
    queryFn: ({ signal }) => api<TFormDetail>(`/marking/forms/${enc(formId ?? '')}`, { signal }),
    enabled: Boolean(formId),
  });
}

export type WorkflowStep = 'check' | 'sign' | 'lock' | 'unlock' | 'return';

/** A workflow step on one form; the answer is the form's new detail. */
export function useWorkflowStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { formId: string; step: WorkflowStep; version: number; reason?: string }) =>
      api<TFormDetail>(`/marking/forms/${enc(args.formId)}/${args.step}`, {
        method: 'POST',
        body:
          args.reason === undefined
            ? { version: args.version }
            : { version: args.version, reason: args.reason },
      }),
    onSuccess: (detail) => {
      qc.setQueryData(markingKeys.form(detail.form.id), detail);
      void qc.invalidateQueries({ queryKey: markingKeys.matrix(detail.skill.id) });
    },
  });
}

export function useBulkLock(skillId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (subCriterionKey: string) =>
      api<{ lockedFormIds: string[] }>(
        `/marking/skills/${enc(skillId)}/sub-criteria/${enc(subCriterionKey)}/lock`,
        {
          method: 'POST',
          body: {},
        },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: markingKeys.all }),
  });
}

/** Sends one queued batch; the mark queue turns the answer into its next state. */
export async function sendMarkBatch(
  formId: string,
  body: unknown,
): Promise<SendOutcome & { formState?: string }> {
  try {
    const result = await api<TMarkBatchResult>(`/marking/forms/${enc(formId)}/marks`, {
      method: 'PUT',
      body,
    });
    return { kind: 'saved', result, formState: result.formState };
  } catch (e) {
    if (!(e instanceof ApiError)) {
      return { kind: 'retry' };
    }
    if (e.code === 'VERSION_CONFLICT' && Array.isArray(e.details.stale)) {
      return { kind: 'conflict', stale: e.details.stale as TStaleMarkItem[] };
    }
    if (e.status === 0 || e.status >= 500 || e.status === 429 || e.code === 'UNAUTHENTICATED') {
      return { kind: 'retry' };
    }
    return { kind: 'rejected', code: String(e.details.reason ?? e.code) };
  }
}

export function useDisputes(skillId: string | undefined) {
  return useQuery({
    queryKey: markingKeys.disputes(skillId ?? ''),
    queryFn: ({ signal }) => api<TDisputeList>(`/marking/skills/${enc(skillId ?? '')}/disputes`, { signal }),
    enabled: Boolean(skillId),
  });
}

export function useRaiseDispute(skillId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TRaiseDisputeRequest) =>
      api<TDispute>(`/marking/skills/${enc(skillId)}/disputes`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: markingKeys.disputes(skillId) }),
  });
}

export function useDisputeAction(skillId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      args:
        | { id: string; action: 'decide'; body: TDecideDisputeRequest }
        | { id: string; action: 'withdraw'; body: { version: number } },
    ) =>
      api<TDispute>(`/marking/disputes/${enc(args.id)}/${args.action}`, { method: 'POST', body: args.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: markingKeys.disputes(skillId) }),
  });
}

export function useUploadEvidence(skillId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; file: File }) =>
      uploadFile<TDisputeEvidence>(`/marking/disputes/${enc(args.id)}/evidence`, args.file),
    onSuccess: () => void qc.invalidateQueries({ queryKey: markingKeys.disputes(skillId) }),
  });
}

export function evidenceUrl(disputeId: string, evidenceId: string): string {
  return apiUrl(`/marking/disputes/${enc(disputeId)}/evidence/${enc(evidenceId)}`);
}
