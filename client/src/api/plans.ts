import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccessLogEntry, InitiatePlan, planPersonLookupSchema, Organisation, PlanChange, PlanDetail, StaffDirectoryEntry, Unit, Worklist } from '@sip/shared';
import { api } from './client';

export const planKey = (id: string) => ['plan', id] as const;

export function useWorklist(includeClosed = false) {
  return useQuery({
    queryKey: ['worklist', includeClosed],
    queryFn: () => api<Worklist>(`/plans?limit=100${includeClosed ? '&includeClosed=true' : ''}`),
  });
}

/** The plan page's query: also fetched ahead, alongside the page's code, when a plan is opened by its address (App). */
export const planQuery = (id: string) => ({
  queryKey: planKey(id),
  queryFn: () => api<PlanDetail>(`/plans/${id}`),
  // Fetched ahead, it is not fetched again the moment the page mounts; every change the
  // page makes or hears of invalidates it at once.
  staleTime: 5_000,
});

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['plan', id, 'access-log'], queryFn: () => api<AccessLogEntry[]>(`/plans/${id}/access-log`), enabled });
}

export function useStaffDirectory(enabled: boolean) {
  return useQuery({ queryKey: ['staff-directory'], queryFn: () => api<StaffDirectoryEntry[]>('/staff-directory'), enabled, staleTime: 300_000 });
}

/** An organisation (huvudman) with its units, as the plan forms list them. */
export type OrganisationWithUnits = Organisation & { units: Unit[] };

export function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: async (): Promise<OrganisationWithUnits[]> => {
      const [organisations, units] = await Promise.all([api<Organisation[]>('/organisations'), api<Unit[]>('/units')]);
      return organisations.map((o) => ({ ...o, units: units.filter((u) => u.organisationId === o.id) }));
    },
    enabled,
    staleTime: 300_000,
  });
}

/** A plan command's request; its body is typed by the caller (see plan-commands.ts). */
export interface PlanRequest<B extends object = object> {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: B;
}

/**
 * Every plan change answers with what it changed; the page then reads the plan again (the
 * change may have moved its state, or changed what this reader may see) and the worklist is
 * refreshed. The typed commands in `plan-commands.ts` are built on this.
 */
export function usePlanAction<T>(planId: string, request: (input: T) => PlanRequest) {
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

export type FoundPerson = { id: string; name: string; birthDate: string; age: number };

/** Looks a person up by personnummer (in a POST body, never a URL). */
export function usePersonLookup() {
  return useMutation({
    mutationFn: (body: z.input<typeof planPersonLookupSchema>) => api<FoundPerson>('/plans/person-lookup', { method: 'POST', body }),
  });
}
