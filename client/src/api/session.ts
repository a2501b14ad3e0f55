import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, SignInRequest } from '@sip/shared';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from './client';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const session = await api<SessionInfo>('/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: (body: SignInRequest) =>
      api<SessionInfo>('/auth/sign-in', { method: 'POST', body, language: i18n.language }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/sign-out', { method: 'POST' }),
    onSettled: async () => {
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
