import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import * as Y from 'yjs';
import { parseDocumentName } from '@sip/shared';
import { DocumentStore } from './document-store';
import { LoadedDocument } from './loaded-document';

const IDLE_UNLOAD_MS = 60_000;
/**
 * Updates that another instance broadcast are applied here before that instance has
 * committed them. A load from the database meanwhile would miss them, so they are kept this
 * long and applied again to any copy loaded or reloaded (applying an update twice is a no-op).
 */
const REMOTE_KEEP_MS = 30_000;
const REMOTE_KEEP_MAX = 20_000;

/**
 * The documents this instance holds in memory: loading (once, however many ask at once),
 * reloading after a refusal without losing anything accepted, unloading idle ones, and a cap
 * on how many stay loaded.
 */
@Injectable()
export class DocumentRegistry implements OnModuleDestroy {
  private readonly logger = new Logger('DocumentRegistry');
  private readonly docs = new Map<string, LoadedDocument>();
  private readonly loading = new Map<string, Promise<LoadedDocument>>();
  /** Updates from other instances, newest last, for REMOTE_KEEP_MS. */
  private remote: { doc: string; at: number; update: Uint8Array }[] = [];
  /** How many sockets have the document open on this instance (set by the gateway). */
  members: (docName: string) => number = () => 0;
  /** At most this many documents stay loaded; idle ones go first. */
  maxLoaded = 2000;

  constructor(private readonly store: DocumentStore) {}

  get loadedCount() {
    return this.docs.size;
  }

  loaded(docName: string): LoadedDocument | undefined {
    return this.docs.get(docName);
  }

  /** The document, loaded from the database on first use. The name must be canonical. */
  async document(docName: string): Promise<LoadedDocument> {
    const loaded = this.docs.get(docName);
    if (loaded) return loaded;
    let pending = this.loading.get(docName);
    if (!pending) {
      const parsed = parseDocumentName(docName);
      if (!parsed) throw new Error(`Not a canonical document name: ${docName.slice(0, 80)}`);
      pending = this.readStored(docName, []).then((doc) => {
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

  /**
   * Back to the stored state plus everything accepted but perhaps not yet stored. What is
   * committing is captured before the database is read: an update whose commit finishes
   * during the read is then in one or the other, never in neither.
   */
  async reload(loaded: LoadedDocument): Promise<void> {
    const doc = await this.readStored(loaded.name, [...loaded.inflight]);
    loaded.doc.destroy();
    loaded.doc = doc;
    loaded.sizeBound = Y.encodeStateAsUpdate(doc).byteLength;
    loaded.refreshFacts();
  }

  private async readStored(docName: string, committing: Uint8Array[]): Promise<Y.Doc> {
    const { doc } = await this.store.load(docName);
    doc.transact(() => {
      for (const update of committing) Y.applyUpdate(doc, update);
      for (const r of this.remote) if (r.doc === docName) Y.applyUpdate(doc, r.update);
    });
    return doc;
  }

  /** An update another instance accepted (and is storing): applied to this copy, if any. */
  applyFromInstance(docName: string, update: Uint8Array) {
    const now = Date.now();
    this.remote.push({ doc: docName, at: now, update });
    if (this.remote.length > REMOTE_KEEP_MAX || now - this.remote[0]!.at > REMOTE_KEEP_MS) {
      this.remote = this.remote.filter((r) => now - r.at <= REMOTE_KEEP_MS).slice(-REMOTE_KEEP_MAX);
    }
    const loaded = this.docs.get(docName);
    // A copy still loading takes it in from `remote` when its read completes.
    if (loaded) {
      void loaded.run(async () => {
        Y.applyUpdate(loaded.doc, update, 'instance');
        // Changes made on another instance are that instance's to record.
        loaded.refreshFacts();
      }).catch((e) =>
        this.logger.warn({ err: { message: (e as Error).message } }, 'An update from another instance did not apply'),
      );
    }
  }

  /** Unloads documents nobody has open; keeps the number loaded under the cap. */
  sweep(now = Date.now()) {
    for (const [name, d] of this.docs) {
      if (!this.members(name) && !d.inflight.size && now - d.lastActive > IDLE_UNLOAD_MS) this.unload(name, d);
    }
    this.remote = this.remote.filter((r) => now - r.at <= REMOTE_KEEP_MS);
  }

  private enforceCap() {
    if (this.docs.size <= this.maxLoaded) return;
    const idle = [...this.docs.values()]
      .filter((d) => !d.inflight.size && !this.members(d.name))
      .sort((a, b) => a.lastActive - b.lastActive);
    for (const d of idle.slice(0, this.docs.size - this.maxLoaded)) this.unload(d.name, d);
  }

  private unload(name: string, d: LoadedDocument) {
    this.docs.delete(name);
    d.doc.destroy();
  }

  onModuleDestroy() {
    for (const [name, d] of this.docs) this.unload(name, d);
  }
}
