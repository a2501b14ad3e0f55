import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HappeningNow, NotificationList, NotificationPreference, PlanChange, ReviewItems, TodoKind, TodoList } from '@sip/shared';
import { api } from './client';
import { planKey } from './plans';

export const notificationsKey = ['notifications'] as const;
const preferencesKey = ['notifications', 'preferences'] as const;

/** My latest notifications; read when the notification centre is open. */
export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: notificationsKey, queryFn: () => api<NotificationList>('/notifications'), enabled });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api<NotificationList>('/notifications/read', { method: 'POST', body: { ids } }),
    onSuccess: (list) => queryClient.setQueryData(notificationsKey, list),
  });
}

export function useNotificationPreference() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => api<NotificationPreference>('/notifications/preferences') });
}

export function useSaveNotificationPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreference) => api<NotificationPreference>('/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export interface TodoFilter {
  kind: TodoKind | '';
  unitId: string;
}

export const TODO_PAGE = 50;

export function useTodo(filter: TodoFilter, page: number) {
  const query = new URLSearchParams({ limit: String(TODO_PAGE), offset: String(page * TODO_PAGE) });
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.unitId) query.set('unitId', filter.unitId);
  return useQuery({ queryKey: ['todo', filter.kind, filter.unitId, page], queryFn: () => api<TodoList>(`/todo?${query}`) });
}

const happeningKey = (planId: string) => ['plan', planId, 'happening-now'] as const;

export function useHappeningNow(planId: string) {
  return useQuery({ queryKey: happeningKey(planId), queryFn: () => api<HappeningNow>(`/plans/${planId}/happening-now`) });
}

/** The person marks an action they perform themselves as done. */
export function useMarkDone(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { organisationId: string; actionId: string }) =>
      api<PlanChange>(`/plans/${planId}/actions/${action.organisationId}/${encodeURIComponent(action.actionId)}/done`, { method: 'POST' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: happeningKey(planId) });
      void queryClient.invalidateQueries({ queryKey: planKey(planId), exact: true });
    },
  });
}

/** What a follow-up meeting reviews, read as the form opens (and again after a refusal). */
export function useReviewItems(planId: string, enabled: boolean) {
  return useQuery({ queryKey: ['plan', planId, 'review-items'], queryFn: () => api<ReviewItems>(`/plans/${planId}/review-items`), enabled, refetchOnWindowFocus: false });
}
