import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AuditEvent,
  AuditVerification,
  CitizenAccount,
  CountyCode,
  CountySettings,
  CreatePersonInput,
  CreateRelationInput,
  CreateUnit,
  Organisation,
  Person,
  Staff,
  Unit,
  UpdateOrganisation,
  UpdatePerson,
  UpdateUnit,
  createOrganisationSchema,
  createStaffSchema,
  updateCountySettingsSchema,
  updateStaffSchema,
} from '@sip/shared';

// Bodies as the server's schemas take them (their input, before defaults and transforms).
type CreateOrganisation = z.input<typeof createOrganisationSchema>;
type CreateStaff = z.input<typeof createStaffSchema>;
type UpdateStaff = z.input<typeof updateStaffSchema>;
type UpdateCountySettings = z.input<typeof updateCountySettingsSchema>;
import { api } from './client';

/** The administrator's calls: the directory, county settings and the audit log. */

export const adminKeys = {
  organisations: ['admin', 'organisations'] as const,
  units: ['admin', 'units'] as const,
  staff: ['admin', 'staff'] as const,
  persons: ['admin', 'persons'] as const,
  person: (id: string) => ['admin', 'persons', id] as const,
  county: (code: string) => ['admin', 'county-settings', code] as const,
  audit: ['admin', 'audit'] as const,
};

export const useOrganisationList = () => useQuery({ queryKey: adminKeys.organisations, queryFn: () => api<Organisation[]>('/organisations') });
export const useUnitList = () => useQuery({ queryKey: adminKeys.units, queryFn: () => api<Unit[]>('/units') });

/** A write, then whatever it may have changed is read again. */
function useAdminWrite<I, O>(request: (input: I) => Promise<O>, invalidates: readonly (readonly string[])[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      // Practitioners' pickers (start a SIP, add a participant) read these too.
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
}

const directory = [adminKeys.organisations, adminKeys.units] as const;
export const useCreateOrganisation = () => useAdminWrite((body: CreateOrganisation) => api<Organisation>('/organisations', { method: 'POST', body }), directory);
export const useUpdateOrganisation = () =>
  useAdminWrite(({ id, ...body }: UpdateOrganisation & { id: string }) => api<Organisation>(`/organisations/${id}`, { method: 'PATCH', body }), directory);
export const useDeleteOrganisation = () => useAdminWrite((id: string) => api<void>(`/organisations/${id}`, { method: 'DELETE' }), directory);
export const useCreateUnit = () => useAdminWrite((body: CreateUnit) => api<Unit>('/units', { method: 'POST', body }), directory);
export const useUpdateUnit = () => useAdminWrite(({ id, ...body }: UpdateUnit & { id: string }) => api<Unit>(`/units/${id}`, { method: 'PATCH', body }), directory);
export const useDeleteUnit = () => useAdminWrite((id: string) => api<void>(`/units/${id}`, { method: 'DELETE' }), directory);

export const useStaffList = () => useQuery({ queryKey: adminKeys.staff, queryFn: () => api<Staff[]>('/staff') });
export const useStaffMember = (id: string) => useQuery({ queryKey: [...adminKeys.staff, id], queryFn: () => api<Staff>(`/staff/${id}`) });
export const useCreateStaff = () => useAdminWrite((body: CreateStaff) => api<Staff>('/staff', { method: 'POST', body }), [adminKeys.staff]);
/** Through StaffService, so that a change of roles, units or status reaches the account's open plans. */
export const useUpdateStaff = () => useAdminWrite(({ id, ...body }: UpdateStaff & { id: string }) => api<Staff>(`/staff/${id}`, { method: 'PATCH', body }), [adminKeys.staff]);

export const PERSON_PAGE_SIZE = 25;
export const usePersonSearch = (q: string, offset: number) =>
  useQuery({
    queryKey: [...adminKeys.persons, 'search', q, offset],
    queryFn: () => {
      const params = new URLSearchParams({ limit: String(PERSON_PAGE_SIZE), offset: String(offset) });
      if (q) params.set('q', q);
      return api<{ items: Person[]; total: number }>(`/persons?${params}`);
    },
    placeholderData: keepPreviousData,
  });
/** Reading one person is audited; the page reads it once, not on every focus. */
export const usePerson = (id: string) => useQuery({ queryKey: adminKeys.person(id), queryFn: () => api<Person>(`/persons/${id}`), staleTime: 60_000 });
export const lookupPersonByNumber = (personnummer: string) => api<Person>('/persons/lookup', { method: 'POST', body: { personnummer } });

function usePersonWrite<I>(request: (input: I) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (person) => {
      queryClient.setQueryData(adminKeys.person(person.id), person);
      void queryClient.invalidateQueries({ queryKey: [...adminKeys.persons, 'search'] });
    },
  });
}
export const useCreatePerson = () => usePersonWrite((body: CreatePersonInput) => api<Person>('/persons', { method: 'POST', body }));
export const useUpdatePerson = (id: string) => usePersonWrite((body: UpdatePerson) => api<Person>(`/persons/${id}`, { method: 'PATCH', body }));
export const useAddRelation = (id: string) => usePersonWrite((body: CreateRelationInput) => api<Person>(`/persons/${id}/relations`, { method: 'POST', body }));
export const useRemoveRelation = (id: string) => usePersonWrite((relationId: string) => api<Person>(`/persons/${id}/relations/${relationId}`, { method: 'DELETE' }));

export const useCitizenAccounts = (q: string) =>
  useQuery({
    queryKey: ['admin', 'citizen-accounts', q],
    queryFn: () => api<CitizenAccount[]>(`/citizen-accounts?${new URLSearchParams({ q })}`),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const useCountySettings = (code: CountyCode | undefined) =>
  useQuery({ queryKey: adminKeys.county(code ?? ''), queryFn: () => api<CountySettings>(`/county-settings/${code}`), enabled: Boolean(code) });
export function usePutCountySettings(code: CountyCode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCountySettings) => api<CountySettings>(`/county-settings/${code}`, { method: 'PUT', body }),
    onSuccess: (settings) => queryClient.setQueryData(adminKeys.county(code), settings),
  });
}

/** The audit log's query string as the API takes it (see auditListQuerySchema). */
export type AuditFilters = { planId?: string; actorUsername?: string; action?: string; from?: string; to?: string };
export const AUDIT_PAGE_SIZE = 50;

/** One page; one row more than shown is asked for, to know whether there is an older page. */
export const useAuditLog = (filters: AuditFilters, beforeSeq: number | undefined) =>
  useQuery({
    queryKey: [...adminKeys.audit, filters, beforeSeq],
    queryFn: async () => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE + 1) });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (beforeSeq) params.set('beforeSeq', String(beforeSeq));
      const events = await api<AuditEvent[]>(`/audit?${params}`);
      return { events: events.slice(0, AUDIT_PAGE_SIZE), hasOlder: events.length > AUDIT_PAGE_SIZE };
    },
    placeholderData: keepPreviousData,
    // Each reading is audited: read when asked, not whenever the window regains focus.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useVerifyAudit = () => useMutation({ mutationFn: () => api<AuditVerification>('/audit/verify') });
