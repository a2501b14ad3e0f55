import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type {
  MeetingAgenda,
  MeetingLiveState,
  MeetingLiveView,
  MeetingSocketError,
  MyPreparation,
  PlanAccessChangeReason,
  PreparationAnswer,
  PreparationAnswerInput,
} from '@sip/shared';
import { closeOnOffline } from './close-on-offline';
import { api } from './client';
import { planKey } from './plans';

const base = (planId: string, meetingId: string) => `/plans/${planId}/meetings/${meetingId}`;
export const preparationKey = (planId: string, meetingId: string) => ['plan', planId, 'meeting', meetingId, 'preparation'] as const;
export const agendaKey = (planId: string, meetingId: string) => ['plan', planId, 'meeting', meetingId, 'agenda'] as const;
export const liveKey = (planId: string, meetingId: string) => ['plan', planId, 'meeting', meetingId, 'live'] as const;
const evaluationKey = (planId: string, meetingId: string) => ['plan', planId, 'meeting', meetingId, 'evaluation'] as const;

// Each read is audited: none is re-read on window focus; the socket says when to read again.
const once = { staleTime: Infinity, refetchOnWindowFocus: false } as const;

export function useMyPreparation(planId: string, meetingId: string) {
  return useQuery({ queryKey: preparationKey(planId, meetingId), queryFn: () => api<MyPreparation>(`${base(planId, meetingId)}/preparation`), ...once });
}

export function useAgenda(planId: string, meetingId: string, enabled: boolean) {
  return useQuery({ queryKey: agendaKey(planId, meetingId), queryFn: () => api<MeetingAgenda>(`${base(planId, meetingId)}/agenda`), enabled, ...once });
}

export function useLiveView(planId: string, meetingId: string) {
  return useQuery({ queryKey: liveKey(planId, meetingId), queryFn: () => api<MeetingLiveView>(`${base(planId, meetingId)}/live`), ...once });
}

export function useMyEvaluation(planId: string, meetingId: string, enabled: boolean) {
  return useQuery({ queryKey: evaluationKey(planId, meetingId), queryFn: () => api<{ answered: boolean; may: boolean }>(`${base(planId, meetingId)}/evaluation`), enabled, ...once });
}

/** Saves one's own answer as typed (the field debounces). */
export function useSaveAnswer(planId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreparationAnswerInput) => api<{ answer: PreparationAnswer | null }>(`${base(planId, meetingId)}/preparation/answers`, { method: 'PUT', body }),
    onSuccess: ({ answer }, body) => {
      // Keep the cached page in step without reading it again (a read is audited).
      queryClient.setQueryData<MyPreparation>(preparationKey(planId, meetingId), (page) => {
        if (!page) return page;
        const others = page.answers.filter((a) => !(a.version === body.version && a.part === body.part && a.questionKey === body.questionKey));
        return { ...page, answers: answer ? [...others, answer] : others };
      });
      if (answer?.shared || body.shared === false) void queryClient.invalidateQueries({ queryKey: agendaKey(planId, meetingId) });
    },
  });
}

/** Any other meeting command; afterwards the given queries are read again. */
export function useMeetingCommand<T>(planId: string, meetingId: string, request: (input: T) => { method: string; path: string; body?: unknown }, refresh: 'preparation' | 'live' | 'plan' = 'live') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => {
      const { method, path, body } = request(input);
      return api<unknown>(`${base(planId, meetingId)}${path}`, { method, body });
    },
    onSuccess: (data) => {
      if (refresh === 'live' && data && typeof data === 'object' && 'state' in data) queryClient.setQueryData(liveKey(planId, meetingId), data);
      if (refresh === 'preparation') void queryClient.invalidateQueries({ queryKey: preparationKey(planId, meetingId) });
      if (refresh === 'plan') {
        void queryClient.invalidateQueries({ queryKey: planKey(planId), exact: true });
        void queryClient.invalidateQueries({ queryKey: liveKey(planId, meetingId) });
        void queryClient.invalidateQueries({ queryKey: evaluationKey(planId, meetingId) });
      }
    },
  });
}

/** Why the server stopped sending the meeting for good. */
export type MeetingEnded = { kind: 'access'; cause: PlanAccessChangeReason } | { kind: 'session' };

/**
 * Follows the live meeting on /meeting: the state as the chair moves it (newest revision
 * wins), and news that the agenda changed (read again, under the policy). Rejoins after a
 * reconnect; a disconnect by the server is final and says why.
 */
export function useMeetingSocket(planId: string, meetingId: string): { state: MeetingLiveState | null; ended: MeetingEnded | null } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<MeetingLiveState | null>(null);
  const [ended, setEnded] = useState<MeetingEnded | null>(null);
  useEffect(() => {
    const socket = io('/meeting', { transports: ['websocket'], withCredentials: true, reconnectionDelayMax: 3000 });
    let revoked: PlanAccessChangeReason | null = null;
    let sessionEnded = false;
    const take = (next: MeetingLiveState) => setState((current) => (current && current.revision > next.revision && current.status === next.status ? current : next));
    const join = () =>
      socket.emit('join', { planId, meetingId }, (reply: { ok: boolean; state?: MeetingLiveState }) => {
        if (reply?.ok && reply.state) take(reply.state);
      });
    socket.on('connect', join);
    socket.on('state', (next: MeetingLiveState) => {
      if (next.meetingId !== meetingId) return;
      take(next);
      queryClient.setQueryData<MeetingLiveView>(liveKey(planId, meetingId), (view) => (view ? { ...view, state: next } : view));
    });
    socket.on('agenda', (e: { meetingId: string }) => {
      if (e?.meetingId === meetingId) void queryClient.invalidateQueries({ queryKey: agendaKey(planId, meetingId) });
    });
    socket.on('error', (e: MeetingSocketError) => {
      if (e?.code === 'access_revoked') revoked = (e.cause as PlanAccessChangeReason) ?? 'plan_changed';
      if (e?.code === 'session_expired') sessionEnded = true;
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io server disconnect') return;
      setEnded(sessionEnded ? { kind: 'session' } : { kind: 'access', cause: revoked ?? 'plan_changed' });
    });
    const offOffline = closeOnOffline(socket);
    return () => {
      offOffline();
      socket.disconnect();
    };
  }, [planId, meetingId, queryClient]);
  return { state, ended };
}
