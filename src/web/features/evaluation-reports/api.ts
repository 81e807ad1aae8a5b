import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../contracts/common.js';
import type { TProjectEvaluation } from '../../../contracts/evaluation-reports.js';
import { api, apiUrl } from '../../lib/api';

const enc = encodeURIComponent;

export type EvaluationScope = 'project' | 'programme';

export function useProjectEvaluation(projectId: string, scope: EvaluationScope) {
  return useQuery({
    queryKey: ['evaluation', projectId, scope],
    queryFn: ({ signal }) =>
      api<TProjectEvaluation>(`/projects/${enc(projectId)}/evaluation`, { query: { scope }, signal }),
  });
}

/** Download address of a project's (or programme's) report; the browser sends the session cookie. */
export function projectReportUrl(
  projectId: string,
  format: 'pdf' | 'xlsx',
  scope: EvaluationScope,
  languages: Locale[],
): string {
  return apiUrl(`/projects/${enc(projectId)}/evaluation/report.${format}`, {
    scope,
    languages: languages.join(','),
  });
}

export function portfolioReportUrl(format: 'pdf' | 'xlsx', year: number, languages: Locale[]): string {
  return apiUrl(`/evaluation/portfolio-report.${format}`, { year, languages: languages.join(',') });
}
