import { useQuery } from '@tanstack/react-query';
import type { PlanVersion, PlanVersionSummary, VersionComparison } from '@sip/shared';
import { api } from './client';

export function usePlanVersions(planId: string) {
  return useQuery({ queryKey: ['plan', planId, 'versions'], queryFn: () => api<PlanVersionSummary[]>(`/plans/${planId}/versions`) });
}

/** Versions never change: once read, they stay cached. */
export function usePlanVersion(planId: string, versionId: string | null) {
  return useQuery({
    queryKey: ['plan', planId, 'versions', versionId],
    queryFn: () => api<PlanVersion>(`/plans/${planId}/versions/${versionId}`),
    enabled: versionId !== null,
    staleTime: Infinity,
  });
}

export function useVersionComparison(planId: string, fromId: string | null, toId: string | null) {
  return useQuery({
    queryKey: ['plan', planId, 'versions', 'compare', fromId, toId],
    queryFn: () => api<VersionComparison>(`/plans/${planId}/versions/compare?from=${fromId}&to=${toId}`),
    enabled: fromId !== null && toId !== null,
    staleTime: Infinity,
  });
}
