import * as Y from 'yjs';
import type { SectionName } from '@sip/shared';

/** A document held in memory while people work on it. */
export class LoadedDocument {
  /** Work on one document runs one step at a time, in arrival order. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Accepted updates not yet committed: kept so a reload never loses them. */
  readonly inflight = new Set<Uint8Array>();
  lastActive = Date.now();
  updatesSinceCompaction = 0;
  /**
   * At least the document's encoded size: exact when loaded, then grown by each accepted
   * update's length. Only when it passes the cap is the exact size computed again.
   */
  sizeBound: number;

  constructor(
    readonly name: string,
    readonly planId: string,
    readonly section: SectionName,
    public doc: Y.Doc,
  ) {
    this.sizeBound = Y.encodeStateAsUpdate(doc).byteLength;
  }

  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step, step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
