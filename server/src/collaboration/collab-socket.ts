import type { Socket } from 'socket.io';
import type { CollabErrorCode, SectionName } from '@sip/shared';
import type { Actor } from '../auth/actor';

export const roomOf = (docName: string) => `doc:${docName}`;
export const planRoomOf = (planId: string) => `plan:${planId}`;

/** The socket's signed-in actor, set at the handshake and refreshed with its session. */
export interface CollabSocketData {
  actor: Actor;
  sessionToken: string;
}
export type CollabSocket = Socket & { data: CollabSocketData };

/** A refusal answered to the client as an `error` event; nothing it sent was kept. */
export class CollabRefusal extends Error {
  constructor(
    readonly code: CollabErrorCode,
    reason: string,
  ) {
    super(reason);
  }
}

/** A section document by name, plan and section. */
export interface SectionRef {
  name: string;
  planId: string;
  section: SectionName;
}

/** The section documents a socket has joined (its `doc:` rooms). */
export function joinedDocs(socket: { rooms: Set<string> }): string[] {
  return [...socket.rooms].filter((r) => r.startsWith('doc:')).map((r) => r.slice('doc:'.length));
}

/** Bytes from whatever a transport turned them into. */
export function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  const data = (value as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? Uint8Array.from(data as number[]) : null;
}

/**
 * The socket's entry in a per-socket map, made on first use and removed when the socket
 * disconnects (after `onDisconnect`, which may still read it).
 */
export function perSocket<T>(maps: Map<string, Map<string, T>>, socket: CollabSocket, onDisconnect?: () => void): Map<string, T> {
  let entry = maps.get(socket.id);
  if (!entry) {
    entry = new Map();
    maps.set(socket.id, entry);
    socket.once('disconnect', () => {
      onDisconnect?.();
      maps.delete(socket.id);
    });
  }
  return entry;
}
