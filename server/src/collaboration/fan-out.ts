import { Inject, Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { parseDocumentName } from '@sip/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type CollabSocket, asBytes, roomOf } from './collab-socket';
import { type AccessEntry, SectionAccessCache } from './section-access-cache';
import { stageClock, stageRecord } from '../event-loop-report';

type InstanceHandler = (message: any) => void;

/**
 * Everything sent to the members of a section goes through here. Each recipient is checked
 * against its current right to read the section: with a current answer from the policy the
 * message goes at once; otherwise the socket's messages for that section wait, in order, for
 * the policy, and are dropped (and the socket told) if it may no longer read. Between
 * instances, messages travel as server-side events and each instance delivers to its own
 * sockets by the same rule.
 */
@Injectable()
export class FanOut {
  private namespace: Namespace | null = null;
  private readonly instanceHandlers = new Map<string, InstanceHandler>();
  private readonly outboxes = new Map<string, { queue: [string, unknown][] }>();
  /** Called when a recipient turns out no longer to read the section. */
  onDenied: (socket: CollabSocket, docName: string, entry: AccessEntry) => void = () => undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SectionAccessCache,
  ) {}

  attach(namespace: Namespace) {
    this.namespace = namespace;
    for (const [event, handler] of this.instanceHandlers) namespace.on(event, handler);
    this.onInstance('section-message', (m: { doc?: unknown; event?: unknown; payload?: Record<string, unknown>; except?: unknown }) => {
      if (typeof m?.doc !== 'string' || typeof m.event !== 'string' || !m.payload) return;
      const payload = 'data' in m.payload ? { ...m.payload, data: asBytes(m.payload.data) } : m.payload;
      this.deliverLocal(m.doc, m.event, payload, typeof m.except === 'string' ? m.except : undefined);
    });
  }

  /** Handles a message another instance sent with toOtherInstances. */
  onInstance(event: string, handler: InstanceHandler) {
    this.instanceHandlers.set(event, handler);
    this.namespace?.on(event, handler);
  }

  toOtherInstances(event: string, message: unknown) {
    if (this.config.redisUrl) this.namespace?.serverSideEmit(event, message);
  }

  /** Sends to every member of the section, on every instance, but `except`. */
  broadcast(docName: string, event: string, payload: { data?: Uint8Array } & Record<string, unknown>, except?: string) {
    this.deliverLocal(docName, event, payload, except);
    // A Buffer, not a bare Uint8Array: the Redis adapter's msgpack keeps only Buffers binary.
    const wire = payload.data ? { ...payload, data: Buffer.from(payload.data) } : payload;
    this.toOtherInstances('section-message', { doc: docName, event, payload: wire, except });
  }

  /**
   * Sends to the members of the section connected to this instance, but `except`. Those
   * with a current answer that reads the section get one packet, encoded once for all of
   * them; the others go through `send`.
   */
  deliverLocal(docName: string, event: string, payload: unknown, except?: string) {
    const room = this.namespace?.adapter.rooms.get(roomOf(docName));
    if (!room) return;
    const section = parseDocumentName(docName);
    if (!section) return;
    const ref = { name: docName, ...section };
    const ready: string[] = [];
    for (const id of room) {
      if (id === except) continue;
      const socket = this.namespace!.sockets.get(id) as CollabSocket | undefined;
      if (!socket) continue;
      if (this.outboxes.size === 0 || !this.outboxes.has(outboxKey(id, docName))) {
        const known = this.cache.current(id, docName);
        if (known?.read) {
          ready.push(id);
          this.cache.renew(socket, ref);
          continue;
        }
      }
      this.send(socket, docName, event, payload);
    }
    // Each socket is in a room of its own id; `local`: this instance's sockets only.
    if (ready.length === 1) this.namespace!.sockets.get(ready[0]!)!.emit(event, payload);
    else if (ready.length) this.namespace!.local.to(ready).emit(event, payload);
  }

  /** One message to one socket about one section, if it may still read the section. */
  send(socket: CollabSocket, docName: string, event: string, payload: unknown) {
    const key = outboxKey(socket.id, docName);
    const waiting = this.outboxes.get(key);
    if (waiting) {
      waiting.queue.push([event, payload]);
      return;
    }
    const section = parseDocumentName(docName);
    if (!section) return;
    const ref = { name: docName, ...section };
    const known = this.cache.current(socket.id, docName);
    if (known?.read) {
      socket.emit(event, payload);
      this.cache.renew(socket, ref);
      return;
    }
    if (known) return this.onDenied(socket, docName, known);
    // No current answer: this socket's messages for the section wait for the policy, in order.
    const box = { queue: [[event, payload]] as [string, unknown][] };
    this.outboxes.set(key, box);
    const waited = stageClock();
    void this.cache
      .get(socket, ref)
      .then((entry) => {
        stageRecord('recipient-policy-wait', stageClock() - waited);
        this.outboxes.delete(key);
        if (!entry.read) return this.onDenied(socket, docName, entry);
        for (const [e, p] of box.queue) socket.emit(e, p);
      })
      .catch(() => this.outboxes.delete(key));
  }

  /** How many sockets of this instance have the section open. */
  members(docName: string): number {
    return this.namespace?.adapter.rooms.get(roomOf(docName))?.size ?? 0;
  }

  /** This instance's sockets in a room. */
  localSockets(room: string): CollabSocket[] {
    const ids = this.namespace?.adapter.rooms.get(room);
    if (!ids) return [];
    return [...ids].map((id) => this.namespace!.sockets.get(id) as CollabSocket | undefined).filter((s): s is CollabSocket => s !== undefined);
  }

  allLocalSockets(): CollabSocket[] {
    return [...(this.namespace?.sockets.values() ?? [])] as CollabSocket[];
  }
}

const outboxKey = (socketId: string, docName: string) => `${socketId}\n${docName}`;
