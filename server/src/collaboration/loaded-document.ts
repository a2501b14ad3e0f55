import type * as Y from 'yjs';
import type { SectionName } from '@sip/shared';

/** A document held in memory while people work on it. */
export class LoadedDocument {
  /** Work on one document runs one step at a time, in arrival order. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Accepted updates not yet committed: kept so a reload never loses them. */
  readonly inflight = new Set<Uint8Array>();
  lastActive = Date.now();
  updatesSinceCompaction = 0;
  bytesSinceLoad = 0;

  constructor(
    readonly name: string,
    readonly planId: string,
    readonly section: SectionName,
    public doc: Y.Doc,
  ) {}

  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step, step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
