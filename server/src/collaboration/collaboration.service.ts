import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MAX_UPDATE_BYTES, type SectionName, documentName, parseDocumentName } from '@sip/shared';
import { auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { type CollabSocket, CollabRefusal, planRoomOf, roomOf } from './collab-socket';
import { DocumentRegistry } from './document-registry';
import { FanOut } from './fan-out';
import { PresenceRelay } from './presence-relay';
import { Revocation } from './revocation';
import { SectionAccessCache } from './section-access-cache';
import { SessionFollower } from './session-follower';
import { UpdatePipeline } from './update-pipeline';

/**
 * Hosts the plan's Yjs documents over the /collab socket: joining a section, the sync
 * protocol, leaving. The work is done by the parts it wires together — the document
 * registry, the update pipeline, the access cache, the fan-out (which checks every
 * recipient), presence, the session follower and revocation.
 */
@Injectable()
export class CollaborationService {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly pipeline: UpdatePipeline,
    private readonly cache: SectionAccessCache,
    private readonly fanOut: FanOut,
    private readonly presence: PresenceRelay,
    private readonly sessions: SessionFollower,
    private readonly revocation: Revocation,
    private readonly audit: AuditService,
  ) {}

  attach(namespace: Namespace) {
    this.fanOut.attach(namespace);
    this.registry.members = (docName) => this.fanOut.members(docName);
    this.pipeline.attach();
    this.revocation.attach();
    this.sessions.attach(() => this.registry.sweep());
  }

  get loadedCount() {
    return this.registry.loadedCount;
  }

  /** Joins the socket to a section it may read and starts the sync (server's step 1). */
  async join(socket: CollabSocket, docName: string) {
    const parsed = parseDocumentName(docName);
    if (!parsed) throw new CollabRefusal('unknown_document', 'Not a plan section: plan:<plan id>:<section>, ids in lower case');
    const section = { name: docName, ...parsed };
    // The answer is fresh: it also serves this socket's first edits and what it is sent.
    const access = await this.cache.get(socket, section, true);
    // A plan out of reach answers as a plan that does not exist.
    if (!access.reach) throw new CollabRefusal('forbidden', 'You cannot open this section');
    if (!access.exists) throw new CollabRefusal('unknown_document', 'This plan has no such section');
    if (!access.read) throw new CollabRefusal('forbidden', 'You cannot open this section');
    const loaded = await this.registry.document(docName);
    await this.audit.appendGrouped({
      actorId: socket.data.actor.accountId,
      actorRole: auditRole(socket.data.actor),
      action: 'plan.content.read',
      targetType: 'section',
      targetId: docName,
      planId: parsed.planId,
      details: { section: parsed.section, write: access.write },
    });
    await socket.join([roomOf(docName), planRoomOf(parsed.planId)]);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, loaded.doc);
    socket.emit('sync', { doc: docName, data: encoding.toUint8Array(encoder) });
    return { ok: true as const, doc: docName, read: access.read, write: access.write };
  }

  leave(socket: CollabSocket, docName: string) {
    if (!socket.rooms.has(roomOf(docName))) throw new CollabRefusal('not_joined', 'Join the section first');
    void socket.leave(roomOf(docName));
    this.presence.drop(socket.id, docName);
  }

  /**
   * A y-protocols sync message from a member. Step 1 is answered with step 2 — only while
   * the socket may still read the section; step 2 and updates go through the write
   * pipeline. Resolves with the sequence when something was stored, null otherwise.
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
    const loaded = await this.registry.document(docName);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const access = await this.cache.get(socket, loaded);
      if (!access.read) {
        this.revocation.revoke(socket, docName, this.revocation.recentCause(docName));
        throw new CollabRefusal('access_revoked', 'You no longer have access to this section');
      }
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
    return this.pipeline.apply(socket, loaded, payload);
  }

  relayAwareness(socket: CollabSocket, docName: string, data: Uint8Array) {
    this.presence.relay(socket, docName, data);
  }

  /**
   * Changes a section on someone's behalf (a route that checked their right to make this one
   * change); stored with them as author and sent to everyone with it open. False: nothing to do.
   */
  async serverEdit(planId: string, section: SectionName, actorId: string, edit: (doc: Y.Doc) => void): Promise<boolean> {
    return this.pipeline.applyServerEdit(await this.registry.document(documentName(planId, section)), actorId, edit);
  }

  /** Pushes an event to everyone who may read the section and has it open, on every instance. */
  notifySection(docName: string, event: string, payload: Record<string, unknown>) {
    this.fanOut.broadcast(docName, event, payload);
  }
}
