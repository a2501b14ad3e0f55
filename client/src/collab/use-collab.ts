import { useEffect, useReducer, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import { type CollabError, type PlanAccessChangeReason, type SectionName, documentName } from '@sip/shared';
import { closeOnOffline } from '../api/close-on-offline';
import { SocketYjsProvider } from './socket-yjs-provider';

/** Why the server closed the page's connection for good (it is not retried). */
export type CollabEnded = { kind: 'access'; cause: PlanAccessChangeReason } | { kind: 'session' };

/**
 * One /collab connection per page; sections share it. Reconnects by itself after a network
 * loss. When the server ends it — the session ended, or a change of rights left the user no
 * section of the plan — it is not "offline": `ended` says why, and the page acts on it.
 */
export function useCollabSocket(): { socket: Socket | null; ended: CollabEnded | null } {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [ended, setEnded] = useState<CollabEnded | null>(null);
  useEffect(() => {
    const s = io('/collab', { transports: ['websocket'], withCredentials: true, reconnectionDelayMax: 3000 });
    let revoked: PlanAccessChangeReason | null = null;
    let sessionEnded = false;
    s.on('error', (error: CollabError) => {
      if (error?.code === 'access_revoked') revoked = error.cause ?? 'plan_changed';
      if (error?.code === 'session_expired') sessionEnded = true;
    });
    s.on('disconnect', (reason) => {
      // Only the server's own disconnect is final; a network loss reconnects by itself.
      if (reason !== 'io server disconnect') return;
      setEnded(sessionEnded ? { kind: 'session' } : { kind: 'access', cause: revoked ?? 'plan_changed' });
    });
    const offOffline = closeOnOffline(s);
    setSocket(s);
    return () => {
      offOffline();
      s.disconnect();
    };
  }, []);
  return { socket, ended };
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
