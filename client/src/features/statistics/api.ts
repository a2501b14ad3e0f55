import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsResult, StatisticsViews } from '@sip/shared';
import { api } from '../../api/client';

export interface StatisticsFilter {
  view: string;
  period: 'month' | 'quarter' | 'year' | 'custom';
  from: string;
  to: string;
  breakdown: string[];
}

export const filterQuery = (f: StatisticsFilter) =>
  new URLSearchParams({ ...(f.view ? { view: f.view } : {}), period: f.period, from: f.from, to: f.to, breakdown: f.breakdown.join(',') }).toString();

export const useStatisticsViews = () => useQuery({ queryKey: ['statistics', 'views'], queryFn: () => api<StatisticsViews>('/statistics/views') });

export const useStatistics = (f: StatisticsFilter | null) =>
  useQuery({
    queryKey: ['statistics', f],
    queryFn: () => api<StatisticsResult>(`/statistics?${filterQuery(f!)}`),
    enabled: !!f,
    // The figures stay on screen while a new period or breakdown loads.
    placeholderData: keepPreviousData,
  });
