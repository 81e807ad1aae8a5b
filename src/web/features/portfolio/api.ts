import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PortfolioFilter, TPortfolio } from '../../../contracts/portfolio.js';
import { api } from '../../lib/api';

export type PortfolioFilterValues = Record<PortfolioFilter, string>;

/** The portfolio figures for the filters (empty values are left out of the query). */
export function usePortfolio(filters: PortfolioFilterValues) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  return useQuery({
    queryKey: ['portfolio', query],
    queryFn: ({ signal }) => api<TPortfolio>('/portfolio', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
