import { Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MAX_DOCUMENT_BYTES, MAX_UPDATE_BYTES, sectionSchema } from '@sip/shared';
import { changedRoots, contentToJSON } from '@sip/shared/yjs';
import { auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { type CollabSocket, CollabRefusal, asBytes, perSocket } from './collab-socket';
import { DocumentRegistry } from './document-registry';
import { DocumentStore } from './document-store';
import { FanOut } from './fan-out';
import type { LoadedDocument } from './loaded-document';
import { actionFacts, diffActions } from './action-changes';
import { type ActionHistoryEntry, ProjectionService } from './projection.service';
import { Revocation } from './revocation';
import { SectionAccessCache } from './section-access-cache';
import { SessionFollower } from './session-follower';
import { stageReached } from '../event-loop-report';

const COMPACT_EVERY = 500;
/**
 * Every stored update carries its author and time in doc_update; the audit log records an
 * editing session — the first accepted update of a socket in a section, then at most one
 * entry per this interval — rather than every keystroke.
 */
const WRITE_AUDIT_INTERVAL_MS = 10 * 60_000;

/** A sync message carrying one update, as sent to the other members. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * The write path: every update is authorised at the moment it arrives, size-capped,
 * decoded inside a guard, applied and checked against its section's schema; then sent to
 * the others, stored (group commit), and acknowledged to its author once stored. A refused
 * update leaves the document as it was.
 */
@Injectable()
export class UpdatePipeline {
  private readonly logger = new Logger('UpdatePipeline');
  /** socket id → document → when its last write was audited. */
  private readonly writeAudited = new Map<string, Map<string, number>>();
  /** Per socket and document: the last of its updates waiting for the policy's answer. */
  private readonly awaitingPolicy = new Map<string, Promise<unknown>>();

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
    private readonly cache: SectionAccessCache,
    private readonly fanOut: FanOut,
    private readonly revocation: Revocation,
    private readonly sessions: SessionFollower,
    private readonly projection: ProjectionService,
    private readonly audit: AuditService,
  ) {}

  attach() {
    // Another instance took and is storing an update: keep this instance's copy in step and
    // pass it to this instance's members.
    this.fanOut.onInstance('doc-update', (message: { doc?: unknown; data?: unknown; except?: unknown }) => {
      const update = asBytes(message?.data);
      if (typeof message?.doc !== 'string' || !update) return;
      this.registry.applyFromInstance(message.doc, update);
      this.fanOut.deliverLocal(message.doc, 'sync', { doc: message.doc, data: updateMessage(update) });
    });
  }

  /** Resolves with the stored sequence once committed; null when there was nothing to store. */
  async apply(socket: CollabSocket, loaded: LoadedDocument, update: Uint8Array): Promise<number | null> {
    if (update.byteLength > MAX_UPDATE_BYTES) throw new CollabRefusal('too_large', `An update may be at most ${MAX_UPDATE_BYTES} bytes`);
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new CollabRefusal('malformed_update', 'The update could not be decoded');
    }
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;

    // A socket whose answer from the policy is missing (expired, or dropped by a change of
    // rights) waits for it here, outside the document's queue: the others' updates to the
    // document go on meanwhile. Its own updates wait in arrival order behind it.
    if (!this.cache.current(socket.id, loaded.name) || this.awaitingPolicy.has(policyKey(socket.id, loaded.name))) {
      await this.policyInOrder(socket, loaded);
      stageReached(socket.id, 'policy-miss');
    }
    stageReached(socket.id, 'before-queue');
    // The queue covers validation and applying; the commit is awaited outside it, so that
    // the next update can be validated and join the same group commit.
    const { pending } = await loaded.run(async (): Promise<{ pending: Promise<number> | null }> => {
      stageReached(socket.id, 'queue-entered');
      // Rights can change mid-session: the policy's current answer for this socket, read at
      // the moment the update is applied (a change of rights since the wait above drops the
      // answer, and it is asked for again here). Inside the queue, so one client's updates
      // are checked and applied in the order they came.
      const current = this.cache.current(socket.id, loaded.name);
      // Past half its life the answer is renewed in the background.
      if (current) this.cache.renew(socket, loaded);
      const access = current ?? (await this.cache.get(socket, loaded));
      if (!access.read) {
        this.revocation.revoke(socket, loaded.name, this.revocation.recentCause(loaded.name));
        throw new CollabRefusal('access_revoked', 'You no longer have access to this section');
      }
      if (!access.write) {
        // A read-only member's sync step 2 always carries its copy's delete set; that is no
        // change as long as the server's copy already holds all of it.
        if (Y.snapshotContainsUpdate(Y.snapshot(loaded.doc), update)) return { pending: null };
        throw new CollabRefusal('read_only', 'You may read this section but not change it');
      }
      const checked = await this.applyChecked(socket, loaded, update);
      if (checked === 'unchanged') return { pending: null };
      const history = this.actionChanges(socket.data.actor.accountId, loaded, checked.content);
      return { pending: this.storeAndSend(loaded, update, socket.data.actor.accountId, history, socket, checked.touched) };
    });
    return pending;
  }

  /** Waits for the socket's answer for the document, after any of its earlier updates waiting for it. */
  private policyInOrder(socket: CollabSocket, loaded: LoadedDocument): Promise<unknown> {
    const key = policyKey(socket.id, loaded.name);
    const before = this.awaitingPolicy.get(key) ?? Promise.resolve();
    const mine = before.then(() => this.cache.get(socket, loaded)).catch(() => undefined);
    this.awaitingPolicy.set(key, mine);
    void mine.then(() => {
      if (this.awaitingPolicy.get(key) === mine) this.awaitingPolicy.delete(key);
    });
    return mine;
  }

  /**
   * Applies the update and checks the result; on any refusal the document is as before.
   * Returns 'unchanged' when the update brought nothing new.
   */
  private async applyChecked(socket: CollabSocket, loaded: LoadedDocument, update: Uint8Array): Promise<Checked | 'unchanged'> {
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
      await this.registry.reload(loaded);
      throw new CollabRefusal('malformed_update', 'The update could not be applied');
    }
    loaded.doc.off('afterTransaction', onTransaction);
    if (loaded.doc.store.pendingStructs || loaded.doc.store.pendingDs) {
      // Perhaps another instance stored what it depends on: reload from the database and
      // try once more before refusing.
      await this.registry.reload(loaded);
      Y.applyUpdate(loaded.doc, update, socket.id);
      if (loaded.doc.store.pendingStructs || loaded.doc.store.pendingDs) {
        await this.registry.reload(loaded);
        throw new CollabRefusal('incomplete_update', 'The update depends on changes the server does not have; resync');
      }
      changed = true;
      touched = null;
    }
    if (!changed && equalBytes(before, Y.encodeStateVector(loaded.doc))) return 'unchanged';
    loaded.sizeBound += update.byteLength;
    if (loaded.sizeBound > MAX_DOCUMENT_BYTES) {
      loaded.sizeBound = Y.encodeStateAsUpdate(loaded.doc).byteLength;
      if (loaded.sizeBound > MAX_DOCUMENT_BYTES) {
        await this.registry.reload(loaded);
        throw new CollabRefusal('document_too_large', `A section may hold at most ${MAX_DOCUMENT_BYTES} bytes`);
      }
    }
    const content = contentToJSON(loaded.doc, loaded.section, touched ?? undefined);
    const check = sectionSchema(loaded.section).safeParse(content);
    if (!check.success) {
      await this.registry.reload(loaded);
      const issue = check.error.issues[0];
      throw new CollabRefusal('schema_violation', `${issue?.path.join('.') || 'content'}: ${issue?.message ?? 'invalid'}`);
    }
    return { content, touched };
  }

  /** The status and due-date changes this update made, attributed to its author. */
  private actionChanges(actorId: string, loaded: LoadedDocument, content: Record<string, unknown>): ActionHistoryEntry[] {
    if (!loaded.actionFacts || !('actions' in content)) return [];
    const after = actionFacts(content);
    const changes = diffActions(loaded.actionFacts, after);
    loaded.actionFacts = after;
    const at = new Date();
    return changes.map((c) => ({ ...c, actorId, at }));
  }

  /**
   * A change the server makes on someone's behalf through a route of its own (e.g. the
   * person marking their own action done, in a section they may not otherwise write): made
   * on the server's copy, checked against the schema like any update, stored with that
   * actor as its author and sent to everyone with the section open. Resolves once stored;
   * false when the change found nothing to do.
   */
  async applyServerEdit(loaded: LoadedDocument, actorId: string, edit: (doc: Y.Doc) => void): Promise<boolean> {
    const pending = await loaded.run(async () => {
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => (update = u);
      loaded.doc.on('update', capture);
      try {
        loaded.doc.transact(() => edit(loaded.doc), 'server-edit');
      } finally {
        loaded.doc.off('update', capture);
      }
      if (!update) return null;
      const content = contentToJSON(loaded.doc, loaded.section);
      const check = sectionSchema(loaded.section).safeParse(content);
      if (!check.success) {
        await this.registry.reload(loaded);
        throw new CollabRefusal('schema_violation', check.error.issues[0]?.message ?? 'invalid');
      }
      return this.storeAndSend(loaded, update, actorId, this.actionChanges(actorId, loaded, content));
    });
    if (!pending) return false;
    await pending;
    return true;
  }

  /**
   * Authorised, applied and valid: the others get it now, while it commits. Only the
   * author's acknowledgement (`saved`) waits for the commit — that is the durability promise.
   * Should the commit fail, the author is told and resends; the others already hold an edit
   * that passed every check.
   */
  private storeAndSend(loaded: LoadedDocument, update: Uint8Array, actorId: string, history: ActionHistoryEntry[], socket?: CollabSocket, touched: Set<string> | null = null): Promise<number> {
    loaded.inflight.add(update);
    loaded.lastActive = Date.now();
    const seq = this.store.append(loaded.name, update, actorId).finally(() => loaded.inflight.delete(update));
    this.fanOut.deliverLocal(loaded.name, 'sync', { doc: loaded.name, data: updateMessage(update) }, socket?.id);
    if (socket) stageReached(socket.id, 'broadcast');
    this.fanOut.toOtherInstances('doc-update', { doc: loaded.name, data: Buffer.from(update) });
    return seq.then(
      async (s) => {
        if (socket) this.sessions.touch(socket);
        // Typing in free text changes no projected row: only fields that project are re-projected.
        if (this.projection.affects(loaded.section, touched)) this.projection.schedule(loaded.name, loaded.planId, loaded.section, () => loaded.doc, history);
        if (++loaded.updatesSinceCompaction >= COMPACT_EVERY) {
          loaded.updatesSinceCompaction = 0;
          void this.store.compact(loaded.name).catch((e) => this.logger.warn({ err: { message: e.message } }, 'Compaction failed'));
        }
        // Stored already: a failing audit append must not turn into a refusal of the edit
        // (doc_update holds its author and time either way).
        if (socket) await this.auditWrite(socket, loaded).catch((e) => this.logger.error({ err: { message: (e as Error).message } }, 'Audit of a content write failed'));
        return s;
      },
      async (error) => {
        await loaded.run(() => this.registry.reload(loaded));
        throw new CollabRefusal('storage_failed', `The update was not stored (${(error as Error).message.slice(0, 100)})`);
      },
    );
  }

  private async auditWrite(socket: CollabSocket, loaded: LoadedDocument) {
    const bySocket = perSocket(this.writeAudited, socket);
    const last = bySocket.get(loaded.name);
    if (last !== undefined && Date.now() - last < WRITE_AUDIT_INTERVAL_MS) return;
    bySocket.set(loaded.name, Date.now());
    const { actor } = socket.data;
    try {
      await this.audit.appendGrouped({
        actorId: actor.accountId,
        actorRole: auditRole(actor),
        action: 'plan.content.write',
        targetType: 'section',
        targetId: loaded.name,
        planId: loaded.planId,
        details: { section: loaded.section },
      });
    } catch (error) {
      // Not written: the next write of this socket to the section tries again, rather than
      // its writes going unaudited for the interval.
      bySocket.delete(loaded.name);
      throw error;
    }
  }
}

interface Checked {
  content: Record<string, unknown>;
  /** The roots the update touched; null: possibly all. */
  touched: Set<string> | null;
}

const policyKey = (socketId: string, docName: string) => `${socketId}\n${docName}`;

function equalBytes(a: Uint8Array, b: Uint8Array) {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}
