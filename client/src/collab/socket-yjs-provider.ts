import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type CollabAccessUpdate, type CollabError, type CollabJoined, type CollabSaved, type PlanAccessChangeReason, parseDocumentName } from '@sip/shared';
import { keepFormattingAsSent, newSectionDoc } from '@sip/shared/yjs';
import { type CollabSocketLike, RESEND_ON, RESET_ON, type SaveStatus } from './provider-contract';
import { type Refusal, RefusalKeeper } from './refusal-keeper';

export type { Refusal } from './refusal-keeper';

export type { CollabSocketLike, SaveStatus } from './provider-contract';

/**
 * Keeps one Yjs document in step with the server's copy over the /collab socket.
 * On every (re)connect both sides run sync step 1/2, which heals socket.io's at-most-once
 * delivery; edits made offline stay in the document and go out then. Each local update is
 * numbered; `saved` from the server marks it durable.
 */
export class SocketYjsProvider {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  access: { read: boolean; write: boolean } | null = null;
  /** Why write access last changed while the section was open (e.g. the plan was closed). */
  accessCause: PlanAccessChangeReason | null = null;
  lastError: CollabError | null = null;
  private base: SaveStatus = 'connecting';
  private serverCopy = false;
  private readonly kept: RefusalKeeper;
  private nextRef = 1;
  private readonly unsaved = new Set<number>();
  /** Local updates made while not joined: the next sync step 2 carries them, or the join sends them. */
  private held: Uint8Array[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly resetListeners = new Set<(doc: Y.Doc) => void>();
  private destroyed = false;
  /** Joined on this connection: until then, edits wait in the document for step 2. */
  private joined = false;
  /** A join is on its way: another (a reset, a `not_joined`) waits for its answer rather than spend the server's join allowance. */
  private joining = false;

  constructor(
    private readonly socket: CollabSocketLike,
    readonly docName: string,
    doc: Y.Doc = new Y.Doc(),
  ) {
    // Every copy keeps exactly the updates it received (see keepFormattingAsSent).
    this.doc = keepFormattingAsSent(doc);
    this.kept = new RefusalKeeper(parseDocumentName(docName)?.section ?? null);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.bindDoc();
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('sync', this.onSync);
    socket.on('saved', this.onSaved);
    socket.on('error', this.onError);
    socket.on('awareness', this.onAwareness);
    socket.on('access', this.onAccess);
    if (socket.connected) this.onConnect();
  }

  /** Called on every status change (saving, saved, refused…). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the document was replaced by a fresh copy from the server. */
  onReset(listener: (doc: Y.Doc) => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /** Edits the server has not acknowledged: sent and waiting, or held until the section is joined. */
  get unsavedCount() {
    return this.unsaved.size + this.held.length;
  }

  /** The number given to the most recent message sent (matches `saved.ref`). */
  get lastRef() {
    return this.nextRef - 1;
  }

  /**
   * Whether the server's copy has arrived once (its answer to our first step 1): from then
   * on the document shows what is stored, not an empty start. Not reset by a reset or a
   * reconnect — it says the section has been loaded, for the page to show it whole.
   */
  get loadedFromServer(): boolean {
    return this.serverCopy;
  }

  /** "saved" and "synced" only when every local edit was acknowledged by the server. */
  get status(): SaveStatus {
    return this.kept.standing && this.base !== 'offline' ? 'refused' : this.base;
  }

  /** Refused edits whose text is still shown, until the user dismisses them. */
  get refusals(): Refusal[] {
    return this.kept.refusals;
  }

  /** The user has read (and perhaps copied) what a refusal kept: the message goes. */
  dismissRefusal(id: number) {
    this.kept.dismiss(id);
    this.notify();
  }

  private setStatus(status: SaveStatus) {
    this.base = status;
    this.notify();
  }

  private notify() {
    for (const l of this.listeners) l();
  }

  private bindDoc() {
    this.doc.on('update', this.onLocalUpdate);
    this.doc.on('afterTransaction', this.onTransaction);
    this.awareness.on('update', this.onLocalAwareness);
  }

  private onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== this && !this.destroyed) this.kept.noteLocal(transaction);
  };

  private allAcknowledged() {
    return !this.unsaved.size && !this.held.length;
  }

  private send(data: Uint8Array, ref?: number) {
    this.socket.emit('sync', { doc: this.docName, data, ...(ref !== undefined ? { ref } : {}) });
  }

  private onConnect = () => {
    this.setStatus('connecting');
    // One join at a time: its answer serves the current copy (a reset made meanwhile included).
    if (this.joining) return;
    this.joining = true;
    this.socket.emit('join', { doc: this.docName }, (reply: CollabJoined | ({ ok: false } & CollabError)) => {
      this.joining = false;
      if (!reply.ok) {
        this.lastError = reply;
        this.setStatus('refused');
        // Too many sections opened at once: open this one again shortly.
        if (reply.code === 'rate_limited') setTimeout(() => !this.destroyed && this.socket.connected && !this.joined && this.onConnect(), 2000);
        return;
      }
      this.access = { read: reply.read, write: reply.write };
      this.joined = true;
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
      // Edits made after our step 2 went out and before the server had us joined.
      if (this.held.length) this.sendUpdate(Y.mergeUpdates(this.held.splice(0)));
      // Announce ourselves with a fresh clock: the server may have told the others we left.
      const state = this.awareness.getLocalState();
      if (state !== null) this.awareness.setLocalState({ ...state });
      this.setStatus(this.unsaved.size ? 'saving' : 'synced');
    });
  };

  private onDisconnect = () => {
    this.joined = false;
    // A join's answer is lost with the connection: the next connect joins anew.
    this.joining = false;
    // Refs are per connection; what was not saved is still in the document and syncs again.
    this.unsaved.clear();
    this.setStatus('offline');
  };

  private onSync = (message: { doc: string; data: Uint8Array | ArrayBuffer }) => {
    if (message.doc !== this.docName || this.destroyed) return;
    const decoder = decoding.createDecoder(new Uint8Array(message.data));
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
      const data = encoding.toUint8Array(encoder);
      // The step 2 carries every local edit the server lacks, held ones included.
      this.held = [];
      // A read-only member's answer carries nothing new unless it has local edits.
      const ref = this.nextRef++;
      this.unsaved.add(ref);
      this.send(data, ref);
      this.setStatus('saving');
    } else {
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
      // The server's answer to our step 1: this copy now holds all the server has.
      if (type === syncProtocol.messageYjsSyncStep2 && this.kept.awaitingServerCopy) {
        this.kept.serverCopyArrived(this.doc);
        this.notify();
      }
      if (type === syncProtocol.messageYjsSyncStep2 && !this.serverCopy) {
        this.serverCopy = true;
        this.notify();
      }
      if (this.base === 'connecting') this.setStatus(this.unsaved.size ? 'saving' : 'synced');
      // Delivery is at-most-once: an update that depends on one we never got stays pending.
      // Ask the server for what we miss (its step 2 answers our step 1).
      if (this.doc.store.pendingStructs || this.doc.store.pendingDs) this.requestResync();
    }
  };

  private resyncTimer: ReturnType<typeof setTimeout> | null = null;

  private requestResync() {
    if (this.resyncTimer || !this.joined) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (!this.joined || this.destroyed) return;
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    }, 50);
  }

  private onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    this.kept.noteNewEdit();
    if (!this.socket.connected || !this.joined) {
      // It stays in the document; the next step 2 (or the join's answer) sends it.
      this.held.push(update);
      this.notify();
      return;
    }
    this.sendUpdate(update);
  };

  private sendUpdate(update: Uint8Array) {
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    const ref = this.nextRef++;
    this.unsaved.add(ref);
    this.send(encoding.toUint8Array(encoder), ref);
    this.setStatus('saving');
  }

  private onSaved = (saved: CollabSaved) => {
    if (saved.doc !== this.docName || saved.ref === undefined || !this.unsaved.delete(saved.ref)) return;
    if (this.allAcknowledged() && this.joined) {
      this.kept.allSaved();
      this.setStatus('saved');
    }
  };

  private onError = (error: CollabError) => {
    if (error.doc !== this.docName) return;
    // An answer to a message sent before a reset or a reconnect: that copy is gone already.
    if (error.ref !== undefined && !this.unsaved.delete(error.ref)) return;
    this.lastError = error;
    // Sent before the server had us joined (a reconnect race): join again; step 2 resends it.
    if (error.code === 'not_joined') {
      this.joined = false;
      if (this.socket.connected) this.onConnect();
      return;
    }
    this.setStatus('refused');
    // Not stored, but nothing wrong with it: join again, and our step 2 sends it once more.
    if (RESEND_ON.includes(error.code) && error.ref !== undefined) {
      this.joined = false;
      setTimeout(() => !this.destroyed && this.socket.connected && !this.joined && this.onConnect(), 1000);
      return;
    }
    if (!RESET_ON.includes(error.code)) return;
    // A section one may not open (or no longer) is left alone: asking again would only be
    // refused again, for ever.
    const leaveOnly = error.code === 'access_revoked' || error.code === 'forbidden';
    // What the user wrote, before the reset drops it; compared with the server's copy once
    // that has arrived.
    if (!leaveOnly) this.kept.beforeReset(error, this.doc);
    this.resetFromServer(leaveOnly);
  };

  /** Rights changed while the section stays readable (e.g. the plan was closed). */
  private onAccess = (update: CollabAccessUpdate) => {
    if (update.doc !== this.docName) return;
    this.access = { read: update.read, write: update.write };
    this.accessCause = update.cause;
    this.notify();
  };

  private onAwareness = (message: { doc: string; data: Uint8Array | ArrayBuffer }) => {
    if (message.doc !== this.docName) return;
    const known = new Set(this.awareness.getStates().keys());
    awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(message.data), this);
    // The server relays presence but keeps none: when someone new appears, tell them who
    // is already here (they learn of everyone within a round trip, not at the next renewal).
    if ([...this.awareness.getStates().keys()].some((id) => !known.has(id))) this.sendLocalAwareness();
  };

  private sendLocalAwareness() {
    if (!this.joined || this.awareness.getLocalState() === null) return;
    this.socket.emit('awareness', { doc: this.docName, data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]) });
  }

  private onLocalAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    // Before the join is answered the server would refuse it; the join sends the state.
    if (origin === this || !this.socket.connected || !this.joined) return;
    const changed = [...added, ...updated, ...removed];
    this.socket.emit('awareness', { doc: this.docName, data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed) });
  };

  /** Drops the local copy (and whatever the server refused in it) and syncs afresh. */
  private resetFromServer(leaveOnly: boolean) {
    this.announceGone();
    this.doc.off('update', this.onLocalUpdate);
    this.doc.off('afterTransaction', this.onTransaction);
    this.awareness.off('update', this.onLocalAwareness);
    this.awareness.destroy();
    this.doc = newSectionDoc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.bindDoc();
    this.unsaved.clear();
    this.held = [];
    for (const l of this.resetListeners) l(this.doc);
    this.joined = false;
    if (!leaveOnly && this.socket.connected) this.onConnect();
  }

  /** Tells the others this copy's presence is gone (a reset replaces it with a new one). */
  private announceGone() {
    if (this.joined && this.socket.connected && this.awareness.getLocalState() !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'gone');
    }
  }

  destroy() {
    this.announceGone();
    this.destroyed = true;
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('sync', this.onSync);
    this.socket.off('saved', this.onSaved);
    this.socket.off('error', this.onError);
    this.socket.off('awareness', this.onAwareness);
    this.socket.off('access', this.onAccess);
    this.doc.off('update', this.onLocalUpdate);
    this.doc.off('afterTransaction', this.onTransaction);
    this.awareness.destroy();
    if (this.socket.connected) this.socket.emit('leave', { doc: this.docName });
  }
}
