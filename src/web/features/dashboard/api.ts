import { useQuery } from '@tanstack/react-query';
import type { AgreementStatus } from '../../../contracts/agreements.js';
import { api } from '../../lib/api';

export interface DashboardSummary {
  partners: number;
  countries: number;
  agreementsByStatus: Partial<Record<AgreementStatus, number>>;
  expiringSoon: number;
}

export function useDashboardSummary() {
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: ({ signal }) => api<DashboardSummary>('/dashboard/summary', { signal }),
  });
}
