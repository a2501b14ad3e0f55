import * as Y from 'yjs';
import { type SectionName, sectionKind } from '@sip/shared';
import { contentToJSON } from '@sip/shared/yjs';
import { type ActionFacts, actionFacts } from './action-changes';

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
  /**
   * For an actions section, each action's status and due date as of the last accepted
   * update, so that the next one's changes can be attributed to its author.
   */
  actionFacts: Map<string, ActionFacts> | null = null;

  constructor(
    readonly name: string,
    readonly planId: string,
    readonly section: SectionName,
    public doc: Y.Doc,
  ) {
    this.sizeBound = Y.encodeStateAsUpdate(doc).byteLength;
    this.refreshFacts();
  }

  /** Reads the actions' facts from the document as it is now (after a load, reload or remote update). */
  refreshFacts() {
    if (sectionKind(this.section).projection === 'actions') this.actionFacts = actionFacts(contentToJSON(this.doc, this.section));
  }

  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step, step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
