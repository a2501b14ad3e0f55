import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessLogEntry, InitiatePlan, PlanChange, PlanDetail, StaffDirectoryEntry, Worklist } from '@sip/shared';
import { api } from './client';

export const planKey = (id: string) => ['plan', id] as const;

export function useWorklist(includeClosed = false) {
  return useQuery({
    queryKey: ['worklist', includeClosed],
    queryFn: () => api<Worklist>(`/plans?limit=100${includeClosed ? '&includeClosed=true' : ''}`),
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKey(id), queryFn: () => api<PlanDetail>(`/plans/${id}`) });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['plan', id, 'access-log'], queryFn: () => api<AccessLogEntry[]>(`/plans/${id}/access-log`), enabled });
}

export function useStaffDirectory(enabled: boolean) {
  return useQuery({ queryKey: ['staff-directory'], queryFn: () => api<StaffDirectoryEntry[]>('/staff-directory'), enabled, staleTime: 300_000 });
}

export function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async () => {
      const [organisations, units] = await Promise.all([
        api<{ id: string; name: string; kind: string }[]>('/organisations'),
        api<{ id: string; name: string; organisationId: string }[]>('/units'),
      ]);
      return organisations.map((o) => ({ ...o, units: units.filter((u) => u.organisationId === o.id) }));
    },
    enabled,
    staleTime: 300_000,
  });
}

/**
 * Every plan change answers with what it changed; the page then reads the plan again (the
 * change may have moved its state, or changed what this reader may see) and the worklist is
 * refreshed.
 */
export function usePlanAction<T>(planId: string, request: (input: T) => { method: string; path: string; body?: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => {
      const { method, path, body } = request(input);
      return api<PlanChange>(`/plans/${planId}${path}`, { method, body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planKey(planId), exact: true });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void queryClient.invalidateQueries({ queryKey: ['plan', planId, 'access-log'] });
      // Recording a meeting or finalising freezes a new version.
      void queryClient.invalidateQueries({ queryKey: ['plan', planId, 'versions'], exact: true });
    },
  });
}

export function useInitiatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InitiatePlan) => api<PlanChange>('/plans', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
}

export function lookupPerson(personnummer: string) {
  return api<{ id: string; name: string; birthDate: string; age: number }>('/plans/person-lookup', { method: 'POST', body: { personnummer } });
}
