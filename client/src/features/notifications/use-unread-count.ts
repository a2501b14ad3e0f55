import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { NotifyUnread } from '@sip/shared';
import { closeOnOffline } from '../../api/close-on-offline';
import { notificationsKey } from '../../api/follow-up';

/**
 * The unread count, live: one /notify connection per tab, opened by the signed-in layout.
 * The server sends the count on connect and whenever it changes (a reminder arrived, one
 * was read in another tab). A connection of its own (not multiplexed with /collab): the
 * server closes a /collab connection whole when plan access ends, which must not silence
 * this one. Null until the first count has arrived. socket.io's client is imported when the
 * layout mounts, not with the first page's scripts: the sign-in page and a phone's first paint
 * do not wait for it.
 */
export function useUnreadCount(accountId: string): number | null {
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let socket: Socket | null = null;
    let gone = false;
    let offOffline = () => {};
    void import('socket.io-client').then(({ io }) => {
      if (gone) return;
      socket = io('/notify', { transports: ['websocket'], withCredentials: true, forceNew: true, reconnectionDelayMax: 10_000 });
      offOffline = closeOnOffline(socket);
      socket.on('unread', (event: NotifyUnread) => {
        if (typeof event?.unread !== 'number') return;
        setUnread(event.unread);
        // The open list (if any) is read again, so that it shows what the count counts.
        void queryClient.invalidateQueries({ queryKey: notificationsKey, exact: true });
      });
    });
    return () => {
      gone = true;
      offOffline();
      socket?.disconnect();
    };
  }, [accountId, queryClient]);
  return unread;
}
