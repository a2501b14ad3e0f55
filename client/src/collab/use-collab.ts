import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import { type CollabError, type SectionName, documentName } from '@sip/shared';
import { sessionKey } from '../api/session';
import { SocketYjsProvider } from './socket-yjs-provider';

/**
 * One /collab connection per page; sections share it. Reconnects by itself after a network
 * loss. When the server ends it because the session ended, the session is read again, and
 * the app sends the user to sign in.
 */
export function useCollabSocket(): Socket | null {
  const [socket, setSocket] = useState<Socket | null>(null);
  const queryClient = useQueryClient();
  useEffect(() => {
    const s = io('/collab', { transports: ['websocket'], withCredentials: true, reconnectionDelayMax: 3000 });
    s.on('error', (error: CollabError) => {
      if (error?.code === 'session_expired') void queryClient.invalidateQueries({ queryKey: sessionKey });
    });
    setSocket(s);
    return () => {
      s.disconnect();
    };
  }, [queryClient]);
  return socket;
}

const COLOURS = ['#0b5394', '#8a1c13', '#1e6b34', '#6b4500', '#5b2a86', '#0d5e63'];

/** A section's document, kept in step with the server; re-renders on every change. */
export function useSection(socket: Socket | null, planId: string, section: SectionName, me: { name: string; id: string }) {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [provider, setProvider] = useState<SocketYjsProvider | null>(null);
  useEffect(() => {
    if (!socket) return;
    // Created and destroyed by the same effect, so React's double-run in development
    // (StrictMode) never leaves a destroyed provider behind.
    const p = new SocketYjsProvider(socket, documentName(planId, section));
    const colour = COLOURS[[...me.id].reduce((a, c) => a + c.charCodeAt(0), 0) % COLOURS.length];
    const bind = (doc: Y.Doc) => {
      doc.on('update', bump);
      p.awareness.setLocalStateField('user', { name: me.name, colour });
      p.awareness.on('change', bump);
    };
    bind(p.doc);
    const offStatus = p.subscribe(bump);
    const offReset = p.onReset((doc) => {
      bind(doc);
      bump();
    });
    setProvider(p);
    return () => {
      offStatus();
      offReset();
      p.destroy();
      setProvider(null);
    };
  }, [socket, planId, section, me.id, me.name]);
  return provider;
}

/** Who else has the section open (from awareness). */
export function presentUsers(provider: SocketYjsProvider | null): { name: string; colour: string }[] {
  if (!provider) return [];
  const users: { name: string; colour: string }[] = [];
  provider.awareness.getStates().forEach((state, clientId) => {
    if (clientId !== provider.doc.clientID && state.user) users.push(state.user);
  });
  return users;
}
