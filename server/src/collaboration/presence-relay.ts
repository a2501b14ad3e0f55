import { Injectable } from '@nestjs/common';
import { type AwarenessEntry, encodeAwareness, readAwarenessEntries, withIdentity } from './awareness-codec';
import { type CollabSocket, CollabRefusal, perSocket, roomOf } from './collab-socket';
import { FanOut } from './fan-out';

const MAX_PRESENCES_PER_SOCKET = 8;
const MAX_AWARENESS_BYTES = 64 * 1024;

/**
 * Presence (y-protocols awareness) is relayed, not stored. The server remembers whose it
 * relayed, so that when a socket leaves a section or drops, the others see it go at once
 * rather than when its presence times out (30 s), and so that nobody can move or remove
 * someone else's caret. Names are the signed-in person's, whatever a client claims.
 */
@Injectable()
export class PresenceRelay {
  /** socket id → document → the awareness clients (Yjs client id → clock) the socket announced. */
  private readonly presence = new Map<string, Map<string, Map<number, number>>>();
  /** document → awareness client id → the socket that announced it (this instance). */
  private readonly owners = new Map<string, Map<number, string>>();

  constructor(private readonly fanOut: FanOut) {}

  relay(socket: CollabSocket, docName: string, data: Uint8Array) {
    if (!socket.rooms.has(roomOf(docName))) throw new CollabRefusal('not_joined', 'Join the section first');
    if (data.byteLength > MAX_AWARENESS_BYTES) throw new CollabRefusal('too_large', 'Awareness updates may be at most 64 KiB');
    const entries = readAwarenessEntries(data);
    if (!entries) throw new CollabRefusal('invalid_message', 'Not an awareness update');
    const owners = this.owners.get(docName);
    if (entries.some((e) => (owners?.get(e.clientId) ?? socket.id) !== socket.id)) {
      throw new CollabRefusal('invalid_message', 'That presence belongs to someone else');
    }
    // One browser tab holds one presence per section (a new one after a reset): a few is
    // plenty, and the server remembers each until the socket goes.
    const mine = this.presence.get(socket.id)?.get(docName);
    const fresh = new Set(entries.filter((e) => e.state !== null && !mine?.has(e.clientId)).map((e) => e.clientId));
    if ((mine?.size ?? 0) + fresh.size > MAX_PRESENCES_PER_SOCKET) {
      throw new CollabRefusal('invalid_message', `At most ${MAX_PRESENCES_PER_SOCKET} presences per section and connection`);
    }
    const stamped = entries.map((e) => (e.state === null ? e : { ...e, state: withIdentity(e.state, socket.data.actor) }));
    if (stamped.some((e) => e.state === undefined)) throw new CollabRefusal('invalid_message', 'A presence state must be an object');
    this.record(socket, docName, entries);
    this.fanOut.broadcast(docName, 'awareness', { doc: docName, data: encodeAwareness(stamped as AwarenessEntry[]) }, socket.id);
  }

  private record(socket: CollabSocket, docName: string, entries: AwarenessEntry[]) {
    const bySocket = perSocket(this.presence, socket, () => this.drop(socket.id));
    let clients = bySocket.get(docName);
    if (!clients) bySocket.set(docName, (clients = new Map()));
    let owners = this.owners.get(docName);
    if (!owners) this.owners.set(docName, (owners = new Map()));
    for (const e of entries) {
      if (e.state === null) {
        clients.delete(e.clientId);
        owners.delete(e.clientId);
      } else {
        clients.set(e.clientId, e.clock);
        owners.set(e.clientId, socket.id);
      }
    }
  }

  /** Tells the section's members that this socket's presences are gone (one section, or all). */
  drop(socketId: string, onlyDoc?: string) {
    const bySocket = this.presence.get(socketId);
    if (!bySocket) return;
    for (const [docName, clients] of bySocket) {
      if (onlyDoc && docName !== onlyDoc) continue;
      if (clients.size) {
        const gone = [...clients].map(([clientId, clock]) => ({ clientId, clock, state: null }));
        this.fanOut.broadcast(docName, 'awareness', { doc: docName, data: encodeAwareness(gone) }, socketId);
      }
      const owners = this.owners.get(docName);
      for (const clientId of clients.keys()) owners?.delete(clientId);
      if (owners?.size === 0) this.owners.delete(docName);
      bySocket.delete(docName);
    }
    // The socket's (perhaps empty) entry stays until it disconnects: perSocket removes it then,
    // and making a new one on every join would add a disconnect listener each time.
  }
}
