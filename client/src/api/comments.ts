import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import type { CollabCommentEvent, CommentList, PlanComment } from '@sip/shared';
import { api } from './client';

const commentsKey = (planId: string) => ['plan', planId, 'comments'] as const;

/** Puts a comment (new, or removed) into the cached list, once. */
function merge(list: CommentList | undefined, comment: PlanComment): CommentList | undefined {
  if (!list) return list;
  const at = list.comments.findIndex((c) => c.id === comment.id);
  const comments = at === -1 ? [...list.comments, comment] : list.comments.map((c, i) => (i === at ? comment : c));
  return { comments };
}

/**
 * The comments of every section the user may read, kept live: new and removed comments
 * arrive on the /collab socket for each open section.
 */
export function useComments(planId: string, socket: Socket | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onComment = (event: CollabCommentEvent) => {
      if (event?.doc?.startsWith(`plan:${planId}:`)) queryClient.setQueryData<CommentList>(commentsKey(planId), (list) => merge(list, event.comment));
    };
    // Events missed while disconnected: read the list again once the socket is back.
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: commentsKey(planId) });
    socket.on('comment', onComment);
    socket.io.on('reconnect', onReconnect);
    return () => {
      socket.off('comment', onComment);
      socket.io.off('reconnect', onReconnect);
    };
  }, [socket, planId, queryClient]);
  // Kept current by the socket, so not re-read on every window focus (each read is audited).
  return useQuery({ queryKey: commentsKey(planId), queryFn: () => api<CommentList>(`/plans/${planId}/comments`), staleTime: Infinity });
}

export function useAddComment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { section: string; body: string }) => api<PlanComment>(`/plans/${planId}/comments`, { method: 'POST', body: input }),
    onSuccess: (comment) => queryClient.setQueryData<CommentList>(commentsKey(planId), (list) => merge(list, comment)),
  });
}

export function useRemoveComment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api<PlanComment>(`/plans/${planId}/comments/${commentId}`, { method: 'DELETE' }),
    onSuccess: (comment) => queryClient.setQueryData<CommentList>(commentsKey(planId), (list) => merge(list, comment)),
  });
}
