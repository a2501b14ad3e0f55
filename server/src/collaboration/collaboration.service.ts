import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  type CollabError,
  type CollabErrorCode,
  MAX_DOCUMENT_BYTES,
  MAX_UPDATE_BYTES,
  changedRoots,
  contentToJSON,
  parseDocumentName,
  sectionSchema,
} from '@sip/shared';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { SessionsService, hashToken } from '../auth/sessions.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CollabAccessService } from './collab-access.service';
import { DocumentStore } from './document-store';
import { LoadedDocument } from './loaded-document';
import { ProjectionService } from './projection.service';

export const roomOf = (docName: string) => `doc:${docName}`;
export const planRoomOf = (planId: string) => `plan:${planId}`;

/** The socket's signed-in actor, set at the handshake. */
export interface CollabSocketData {
  actor: Actor;
  sessionToken: string;
}
export type CollabSocket = Socket & { data: CollabSocketData };

export class CollabRefusal extends Error {
  constructor(
    readonly code: CollabErrorCode,
    reason: string,
  ) {
    super(reason);
  }
}

const IDLE_UNLOAD_MS = 60_000;
/**
 * How long a socket's answer from the policy is reused for its next updates. Every change
 * of rights made through the application (consent, participants, relatives, closing) calls
 * recheckPlan(), which drops the cached answers for that plan at once, on every instance;
 * only a consent running out at midnight is noticed up to this much later.
 */
const ACCESS_TTL_MS = 5_000;
const COMPACT_EVERY = 500;
/**
 * Every stored update carries its author and time in doc_update; the audit log records an
 * editing session — the first accepted update of a socket in a section, then at most one
 * entry per this interval — rather than every keystroke.
 */
const WRITE_AUDIT_INTERVAL_MS = 10 * 60_000;
const MAX_PRESENCES_PER_SOCKET = 8;
/** How often documents are swept and open sockets' sessions checked. */
const SESSION_CHECK_MS = 15_000;

/**
 * Hosts the plan's Yjs documents. Every incoming update is authorised at the moment it
 * arrives, size-capped, decoded inside a guard, applied and checked against its section's
 * schema; then broadcast to the others, stored (group commit), and acknowledged to its
 * author once stored. A refused update leaves the document as it was.
 */
@Injectable()
export class CollaborationService implements OnModuleDestroy {
  private readonly logger = new Logger('Collaboration');
  private readonly docs = new Map<string, LoadedDocument>();
  private readonly loading = new Map<string, Promise<LoadedDocument>>();
  private namespace: Namespace | null = null;
  /** socket id → document → the policy's answer and when it was given. */
  private readonly accessCache = new Map<string, Map<string, AccessEntry>>();
  /** Bumped for a plan whenever its rights change; an answer asked for before is not kept. */
  private readonly accessGeneration = new Map<string, number>();
  /** socket id → document → the awareness clients (Yjs client id → clock) the socket announced. */
  private readonly presence = new Map<string, Map<string, Map<number, number>>>();
  /** document → awareness client id → the socket that announced it (this instance). */
  private readonly presenceOwners = new Map<string, Map<number, string>>();
  /** socket id → document → when its last write was audited. */
  private readonly writeAudited = new Map<string, Map<string, number>>();
  private sweeper: NodeJS.Timeout | null = null;
  private stopSessionListener: (() => void) | null = null;
  /** socket id → when its session was last marked active by an edit. */
  private readonly sessionTouched = new Map<string, number>();
  /** At most this many documents stay loaded; idle ones go first. */
  maxLoaded = 2000;

  constructor(
    private readonly store: DocumentStore,
    private readonly access: CollabAccessService,
    private readonly projection: ProjectionService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  attach(namespace: Namespace) {
    this.namespace = namespace;
    // Another instance stored an update: keep this instance's copy (if loaded) in step.
    // It was stored there once; here it is only applied.
    namespace.on('access-changed', (planId: unknown) => typeof planId === 'string' && this.forgetAccess(planId));
    namespace.on('doc-update', (message: { doc: string; data: unknown }) => {
      const loaded = this.docs.get(message?.doc);
      const update = asBytes(message?.data);
      if (loaded && update) {
        void loaded.run(async () => Y.applyUpdate(loaded.doc, update, 'instance')).catch((e) =>
          this.logger.warn({ err: { message: (e as Error).message } }, 'An update from another instance did not apply'),
        );
      }
    });
    // A session ended (sign-out, an account's sessions ended): its sockets go at once, on
    // every instance. Expiry is found by checkSessions().
    this.stopSessionListener = this.sessions.onEnded((ended) => {
      const message = 'idHash' in ended ? { idHash: ended.idHash.toString('hex') } : { accountId: ended.accountId };
      this.endSessions(message);
      if (this.config.redisUrl) namespace.serverSideEmit('session-ended', message);
    });
    namespace.on('session-ended', (message: { idHash?: unknown; accountId?: unknown }) => this.endSessions(message ?? {}));
    this.sweeper = setInterval(() => {
      this.sweep();
      void this.checkSessions().catch((e) => this.logger.warn({ err: { message: (e as Error).message } }, 'Session check failed'));
    }, SESSION_CHECK_MS);
    this.sweeper.unref();
  }

  /** Disconnects this instance's sockets of the ended session(s), telling them why. */
  private endSessions(ended: { idHash?: unknown; accountId?: unknown }) {
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const { sessionToken, actor } = (socket as CollabSocket).data;
      const matches =
        (typeof ended.idHash === 'string' && hashToken(sessionToken).toString('hex') === ended.idHash) ||
        (typeof ended.accountId === 'string' && actor.accountId === ended.accountId);
      if (matches) this.endSocket(socket as CollabSocket);
    }
  }

  private endSocket(socket: CollabSocket) {
    const error: CollabError = { code: 'session_expired', reason: 'Your session has ended; sign in again' };
    socket.emit('error', error);
    socket.disconnect(true);
  }

  /**
   * Sockets whose session expired (idle or absolute limit) since they connected are
   * disconnected: an open tab must not go on receiving the plan after its session ended.
   * Asked without counting as activity; editing counts (touchSession).
   */
  async checkSessions() {
    const sockets = [...(this.namespace?.sockets.values() ?? [])] as CollabSocket[];
    if (!sockets.length) return;
    const active = await this.sessions.stillActive([...new Set(sockets.map((s) => s.data.sessionToken))]);
    for (const socket of sockets) if (!active.has(socket.data.sessionToken)) this.endSocket(socket);
  }

  /**
   * Editing is activity: it keeps the session's idle timer sliding (at most once a minute),
   * and refreshes the socket's view of the account (units, roles) that the policy reads.
   */
  private touchSession(socket: CollabSocket) {
    // The handshake read the session (and counted as activity): the first touch is due a
    // minute after it, so a room full of people starting to type does not all read at once.
    let last = this.sessionTouched.get(socket.id);
    if (last === undefined) {
      last = socket.handshake.issued;
      socket.once('disconnect', () => this.sessionTouched.delete(socket.id));
    }
    if (Date.now() - last < 60_000) {
      this.sessionTouched.set(socket.id, last);
      return;
    }
    this.sessionTouched.set(socket.id, Date.now());
    void this.sessions
      .resolve(socket.data.sessionToken)
      .then((session) => {
        if (session.state !== 'active') return this.endSocket(socket);
        // The same read brings the account's current units and roles.
        socket.data.actor = session.actor;
      })
      .catch((e) => this.logger.warn({ err: { message: (e as Error).message } }, 'Session touch failed'));
  }

  get loadedCount() {
    return this.docs.size;
  }

  async document(docName: string): Promise<LoadedDocument> {
    const loaded = this.docs.get(docName);
    if (loaded) return loaded;
    let pending = this.loading.get(docName);
    if (!pending) {
      const parsed = parseDocumentName(docName)!;
      pending = this.store.load(docName).then(({ doc }) => {
        const d = new LoadedDocument(docName, parsed.planId, parsed.section, doc);
        this.docs.set(docName, d);
        this.loading.delete(docName);
        this.enforceCap();
        return d;
      });
      pending.catch(() => this.loading.delete(docName));
      this.loading.set(docName, pending);
    }
    return pending;
  }

  /** Joins the socket to a section it may read and starts the sync (server's step 1). */
  async join(socket: CollabSocket, docName: string) {
    const parsed = parseDocumentName(docName);
    if (!parsed) throw new CollabRefusal('unknown_document', 'Not a plan section');
    // The answer is fresh: it also serves this socket's first edits (see cachedAccess).
    const access = await this.cachedAccess(socket, socket.data.actor, { name: docName, ...parsed }, true);
    // Same answer for a section that does not exist as for one out of reach.
    if (!access.read) throw new CollabRefusal('forbidden', 'You cannot open this section');
    const loaded = await this.document(docName);
    await this.auditContent(socket, 'plan.content.read', loaded, { write: access.write });
    await socket.join([roomOf(docName), planRoomOf(parsed.planId)]);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, loaded.doc);
    socket.emit('sync', { doc: docName, data: encoding.toUint8Array(encoder) });
    return { ok: true as const, doc: docName, read: access.read, write: access.write };
  }

  leave(socket: CollabSocket, docName: string) {
    if (!socket.rooms.has(roomOf(docName))) throw new CollabRefusal('not_joined', 'Join the section first');
    void socket.leave(roomOf(docName));
    this.dropPresence(socket.id, docName);
  }

  /**
   * A y-protocols sync message from a member. Step 1 is answered with step 2; step 2 and
   * updates go through the write pipeline. Resolves with the sequence when something was
   * stored, null when there was nothing to store.
   */
  async receiveSync(socket: CollabSocket, docName: string, message: Uint8Array): Promise<number | null> {
    if (!socket.rooms.has(roomOf(docName))) throw new CollabRefusal('not_joined', 'Join the section first');
    if (message.byteLength > MAX_UPDATE_BYTES + 16) {
      throw new CollabRefusal('too_large', `An update may be at most ${MAX_UPDATE_BYTES} bytes`);
    }
    let type: number;
    let payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(message);
      type = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      throw new CollabRefusal('malformed_update', 'Not a sync message');
    }
    const loaded = await this.document(docName);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const reply = await loaded.run(async () => {
        const encoder = encoding.createEncoder();
        try {
          syncProtocol.writeSyncStep2(encoder, loaded.doc, payload);
        } catch {
          throw new CollabRefusal('malformed_update', 'Not a state vector');
        }
        return encoding.toUint8Array(encoder);
      });
      socket.emit('sync', { doc: docName, data: reply });
      return null;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      throw new CollabRefusal('malformed_update', 'Unknown sync message type');
    }
    return this.applyUpdate(socket, loaded, payload);
  }

  private async applyUpdate(socket: CollabSocket, loaded: LoadedDocument, update: Uint8Array): Promise<number | null> {
    if (update.byteLength > MAX_UPDATE_BYTES) throw new CollabRefusal('too_large', `An update may be at most ${MAX_UPDATE_BYTES} bytes`);
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new CollabRefusal('malformed_update', 'The update could not be decoded');
    }
    const carriesChanges = decoded.structs.length > 0 || decoded.ds.clients.size > 0;
    if (!carriesChanges) return null;

    // The queue covers validation and applying; the commit is awaited outside it, so that
    // the next update can be validated and join the same group commit.
    const { actor } = socket.data;
    const { pending } = await loaded.run(async (): Promise<{ pending: Promise<number> | null }> => {
      // Rights can change mid-session: the policy's answer for this socket (fresh, or at most
      // ACCESS_TTL_MS old and dropped on every change of rights). Inside the queue, so one
      // client's updates are checked and applied in the order they came.
      const access = await this.cachedAccess(socket, actor, loaded);
      if (!access.read) throw new CollabRefusal('access_revoked', 'You no longer have access to this section');
      if (!access.write) {
        // A read-only member's sync step 2 always carries its copy's delete set; that is no
        // change as long as the server's copy already holds all of it.
        if (Y.snapshotContainsUpdate(Y.snapshot(loaded.doc), update)) return { pending: null };
        throw new CollabRefusal('read_only', 'You may read this section but not change it');
      }
      const before = Y.encodeStateVector(loaded.doc);
      let changed = false;
      // The roots this update touched: only they need checking against the schema (the rest
      // passed when they last changed). null: check everything.
      let touched: Set<string> | null = new Set();
      const onTransaction = (tr: Y.Transaction) => {
        if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) changed = true;
        for (const root of changedRoots(tr)) touched?.add(root);
      };
      loaded.doc.on('afterTransaction', onTransaction);
      try {
        Y.applyUpdate(loaded.doc, update, socket.id);
      } catch {
        loaded.doc.off('afterTransaction', onTransaction);
        await this.reload(loaded);
        throw new CollabRefusal('malformed_update', 'The update could not be applied');
      }
      loaded.doc.off('afterTransaction', onTransaction);
      if (loaded.doc.store.pendingStructs || loaded.doc.store.pendingDs) {
        // Perhaps another instance stored what it depends on: reload from the database and
        // try once more before refusing.
        await this.reload(loaded);
        Y.applyUpdate(loaded.doc, update, socket.id);
        if (loaded.doc.store.pendingStructs || loaded.doc.store.pendingDs) {
          await this.reload(loaded);
          throw new CollabRefusal('incomplete_update', 'The update depends on changes the server does not have; resync');
        }
        changed = true;
        touched = null;
      }
      if (!changed && equalBytes(before, Y.encodeStateVector(loaded.doc))) return { pending: null };
      loaded.sizeBound += update.byteLength;
      if (loaded.sizeBound > MAX_DOCUMENT_BYTES) {
        loaded.sizeBound = Y.encodeStateAsUpdate(loaded.doc).byteLength;
        if (loaded.sizeBound > MAX_DOCUMENT_BYTES) {
          await this.reload(loaded);
          throw new CollabRefusal('document_too_large', `A section may hold at most ${MAX_DOCUMENT_BYTES} bytes`);
        }
      }
      const check = sectionSchema(loaded.section).safeParse(contentToJSON(loaded.doc, loaded.section, touched ?? undefined));
      if (!check.success) {
        await this.reload(loaded);
        const issue = check.error.issues[0];
        throw new CollabRefusal('schema_violation', `${issue?.path.join('.') || 'content'}: ${issue?.message ?? 'invalid'}`);
      }
      loaded.inflight.add(update);
      loaded.lastActive = Date.now();
      const seq = this.store.append(loaded.name, update, actor.accountId).finally(() => loaded.inflight.delete(update));
      // Authorised, applied and valid: the others get it now, while it commits. Only the
      // author's acknowledgement (`saved`) waits for the commit — that is the durability
      // promise. Should the commit fail, the author is told and resends; the others already
      // hold an edit that passed every check.
      const encoder = encoding.createEncoder();
      syncProtocol.writeUpdate(encoder, update);
      socket.to(roomOf(loaded.name)).emit('sync', { doc: loaded.name, data: encoding.toUint8Array(encoder) });
      // A Buffer, not a bare Uint8Array: the Redis adapter's msgpack keeps only Buffers binary.
      if (this.config.redisUrl) this.namespace?.serverSideEmit('doc-update', { doc: loaded.name, data: Buffer.from(update) });
      const committed = seq.then(async (s) => {
        this.touchSession(socket);
        this.projection.schedule(loaded.name, loaded.planId, loaded.section, () => loaded.doc);
        if (++loaded.updatesSinceCompaction >= COMPACT_EVERY) {
          loaded.updatesSinceCompaction = 0;
          void this.store.compact(loaded.name).catch((e) => this.logger.warn({ err: { message: e.message } }, 'Compaction failed'));
        }
        // Stored already: a failing audit append must not turn into a refusal of the edit
        // (doc_update holds its author and time either way).
        await this.auditWrite(socket, loaded).catch((e) => this.logger.error({ err: { message: (e as Error).message } }, 'Audit of a content write failed'));
        return s;
      }, async (error) => {
        await this.reload(loaded);
        throw new CollabRefusal('storage_failed', `The update was not stored (${(error as Error).message.slice(0, 100)})`);
      });
      return { pending: committed };
    });
    return pending;
  }

  private async auditWrite(socket: CollabSocket, loaded: LoadedDocument) {
    const bySocket = perSocket(this.writeAudited, socket);
    const last = bySocket.get(loaded.name);
    if (last !== undefined && Date.now() - last < WRITE_AUDIT_INTERVAL_MS) return;
    bySocket.set(loaded.name, Date.now());
    await this.auditContent(socket, 'plan.content.write', loaded);
  }

  private auditContent(socket: CollabSocket, action: 'plan.content.read' | 'plan.content.write', section: SectionRef, details: Record<string, unknown> = {}) {
    const { actor } = socket.data;
    return this.audit.append({
      actorId: actor.accountId,
      actorRole: auditRole(actor),
      action,
      targetType: 'section',
      targetId: section.name,
      planId: section.planId,
      details: { section: section.section, ...details },
    });
  }

  /** Pushes an event to everyone who has the section open, on every instance. */
  notifySection(docName: string, event: string, payload: unknown) {
    this.namespace?.to(roomOf(docName)).emit(event, payload);
  }

  /**
   * The policy's answer for this socket and section: never older than ACCESS_TTL_MS. Past
   * half of that, it is renewed in the background, so a steady typist never waits for the
   * policy's queries; only a socket idle for longer does.
   */
  private async cachedAccess(socket: CollabSocket, actor: Actor, loaded: SectionRef, fresh = false): Promise<AccessEntry> {
    const bySocket = perSocket(this.accessCache, socket);
    const hit = fresh ? undefined : bySocket.get(loaded.name);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < ACCESS_TTL_MS) {
      if (age > ACCESS_TTL_MS / 2 && !hit.renewing) {
        hit.renewing = true;
        void this.askPolicy(bySocket, actor, loaded).catch(() => (hit.renewing = false));
      }
      return hit;
    }
    return this.askPolicy(bySocket, actor, loaded);
  }

  private async askPolicy(bySocket: Map<string, AccessEntry>, actor: Actor, loaded: SectionRef): Promise<AccessEntry> {
    // A change of rights while the queries run makes their answer stale: it is then used
    // for this one decision at most, never cached.
    const generation = this.accessGeneration.get(loaded.planId) ?? 0;
    const at = Date.now();
    const fresh = await this.access.sectionAccess(actor, loaded.planId, loaded.section);
    const entry: AccessEntry = { at, planId: loaded.planId, ...fresh };
    if ((this.accessGeneration.get(loaded.planId) ?? 0) === generation) bySocket.set(loaded.name, entry);
    return entry;
  }

  /** Forgets every cached policy answer about a plan (this instance). */
  private forgetAccess(planId: string) {
    this.accessGeneration.set(planId, (this.accessGeneration.get(planId) ?? 0) + 1);
    for (const bySocket of this.accessCache.values()) {
      for (const [doc, entry] of bySocket) if (entry.planId === planId) bySocket.delete(doc);
    }
  }

  /** Back to the stored state plus what is accepted but still committing. */
  private async reload(loaded: LoadedDocument) {
    const { doc } = await this.store.load(loaded.name);
    for (const update of loaded.inflight) Y.applyUpdate(doc, update);
    loaded.doc.destroy();
    loaded.doc = doc;
    loaded.sizeBound = Y.encodeStateAsUpdate(doc).byteLength;
  }

  relayAwareness(socket: CollabSocket, docName: string, data: Uint8Array) {
    if (!socket.rooms.has(roomOf(docName))) throw new CollabRefusal('not_joined', 'Join the section first');
    if (data.byteLength > 64 * 1024) throw new CollabRefusal('too_large', 'Awareness updates may be at most 64 KiB');
    const entries = readAwarenessEntries(data);
    if (!entries) throw new CollabRefusal('invalid_message', 'Not an awareness update');
    // A presence belongs to the socket that first announced it here: nobody can move or
    // remove someone else's caret.
    const owners = this.presenceOwners.get(docName);
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
    // Others see the signed-in person's name, whatever name the client put in its state.
    const stamped = entries.map((e) => (e.state === null ? e : { ...e, state: withIdentity(e.state, socket.data.actor) }));
    if (stamped.some((e) => e.state === undefined)) throw new CollabRefusal('invalid_message', 'A presence state must be an object');
    this.recordPresence(socket, docName, entries);
    socket.to(roomOf(docName)).emit('awareness', { doc: docName, data: encodeAwareness(stamped as AwarenessEntry[]) });
  }

  /**
   * The server relays presence without keeping it, but remembers whose it relayed, so
   * that when a socket leaves a section or drops, the others see it go at once rather than
   * when its presence times out (30 s).
   */
  private recordPresence(socket: CollabSocket, docName: string, entries: AwarenessEntry[]) {
    const bySocket = perSocket(this.presence, socket, () => this.dropPresence(socket.id));
    let clients = bySocket.get(docName);
    if (!clients) bySocket.set(docName, (clients = new Map()));
    let owners = this.presenceOwners.get(docName);
    if (!owners) this.presenceOwners.set(docName, (owners = new Map()));
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

  private dropPresence(socketId: string, onlyDoc?: string) {
    const bySocket = this.presence.get(socketId);
    if (!bySocket) return;
    for (const [docName, clients] of bySocket) {
      if (onlyDoc && docName !== onlyDoc) continue;
      if (clients.size) {
        const gone = [...clients].map(([clientId, clock]) => ({ clientId, clock, state: null }));
        this.namespace?.to(roomOf(docName)).emit('awareness', { doc: docName, data: encodeAwareness(gone) });
      }
      const owners = this.presenceOwners.get(docName);
      for (const clientId of clients.keys()) owners?.delete(clientId);
      if (owners?.size === 0) this.presenceOwners.delete(docName);
      bySocket.delete(docName);
    }
    if (!bySocket.size) this.presence.delete(socketId);
  }

  /**
   * Re-checks everyone connected to a plan, e.g. after consent was withdrawn or a
   * participant removed, and takes away the sections they may no longer read.
   */
  async recheckPlan(planId: string): Promise<void> {
    if (!this.namespace) return;
    this.forgetAccess(planId);
    if (this.config.redisUrl) this.namespace.serverSideEmit('access-changed', planId);
    const sockets = await this.namespace.in(planRoomOf(planId)).fetchSockets();
    for (const remote of sockets) {
      const actor = (remote.data as CollabSocketData).actor;
      const docs = [...remote.rooms].filter((r) => r.startsWith('doc:')).map((r) => r.slice(4));
      let remaining = 0;
      for (const docName of docs) {
        const parsed = parseDocumentName(docName);
        if (!parsed || parsed.planId !== planId) {
          remaining++;
          continue;
        }
        const access = await this.access.sectionAccess(actor, planId, parsed.section);
        if (access.read) {
          remaining++;
          continue;
        }
        const error: CollabError = { code: 'access_revoked', doc: docName, reason: 'Your access to this section has ended' };
        remote.emit('error', error);
        remote.leave(roomOf(docName));
        this.dropPresence(remote.id, docName);
      }
      if (docs.length && remaining === 0) remote.disconnect(true);
    }
  }

  /** Unloads documents nobody has open; keeps the number loaded under the cap. */
  sweep(now = Date.now()) {
    for (const [name, d] of this.docs) {
      const members = this.namespace?.adapter.rooms.get(roomOf(name))?.size ?? 0;
      if (!members && !d.inflight.size && now - d.lastActive > IDLE_UNLOAD_MS) this.unload(name, d);
    }
  }

  private enforceCap() {
    if (this.docs.size <= this.maxLoaded) return;
    const idle = [...this.docs.values()]
      .filter((d) => !d.inflight.size && !(this.namespace?.adapter.rooms.get(roomOf(d.name))?.size ?? 0))
      .sort((a, b) => a.lastActive - b.lastActive);
    for (const d of idle.slice(0, this.docs.size - this.maxLoaded)) this.unload(d.name, d);
  }

  private unload(name: string, d: LoadedDocument) {
    this.docs.delete(name);
    d.doc.destroy();
  }

  onModuleDestroy() {
    if (this.sweeper) clearInterval(this.sweeper);
    this.stopSessionListener?.();
    for (const [name, d] of this.docs) this.unload(name, d);
  }
}

/** Bytes from whatever a transport turned them into. */
function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  const data = (value as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? Uint8Array.from(data as number[]) : null;
}

function equalBytes(a: Uint8Array, b: Uint8Array) {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}

/**
 * The socket's entry in a per-socket map, made on first use and removed when the socket
 * disconnects (after `onDisconnect`, which may still read it).
 */
function perSocket<T>(maps: Map<string, Map<string, T>>, socket: CollabSocket, onDisconnect?: () => void): Map<string, T> {
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

/** A section document by name, plan and section. */
type SectionRef = Pick<LoadedDocument, 'name' | 'planId' | 'section'>;

interface AccessEntry {
  at: number;
  planId: string;
  read: boolean;
  write: boolean;
  renewing?: boolean;
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text; null when the client is gone. */
  state: string | null;
}

/** The entries of a y-protocols awareness update, or null when it is not one. */
function readAwarenessEntries(data: Uint8Array): AwarenessEntry[] | null {
  try {
    const decoder = decoding.createDecoder(data);
    const count = decoding.readVarUint(decoder);
    if (count > 1000) return null;
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      entries.push({ clientId, clock, state: state === 'null' ? null : state });
    }
    return decoding.hasContent(decoder) ? null : entries;
  } catch {
    return null;
  }
}

/**
 * The state with `user` set to the signed-in actor's name (and the client's colour when it
 * is a plain #rrggbb); undefined when the state is not a JSON object.
 */
function withIdentity(state: string, actor: Actor): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const claimed = (parsed as { user?: { colour?: unknown } }).user?.colour;
  const colour = typeof claimed === 'string' && /^#[0-9a-f]{6}$/i.test(claimed) ? claimed : '#444444';
  return JSON.stringify({ ...parsed, user: { name: actor.displayName, colour } });
}

/**
 * An awareness update. A removal keeps the client's clock: y-protocols takes a removal at
 * the current clock, and the client's next announcement (a higher clock) brings it back.
 */
function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state ?? 'null');
  }
  return encoding.toUint8Array(encoder);
}
