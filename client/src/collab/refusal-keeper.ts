import type * as Y from 'yjs';
import { type CollabError, type SectionName } from '@sip/shared';
import { changedRoots, contentToJSON } from '@sip/shared/yjs';
import { type LostText, type RefusalReason, explainRefusal, lostText } from './refusal';

/**
 * An edit the server refused: why, and the text the user wrote that the server does not
 * have — captured before the section was reset, so it can stay on screen to be copied.
 */
export interface Refusal {
  id: number;
  error: CollabError;
  reason: RefusalReason;
  lost: LostText[];
}

/**
 * The provider's memory of refused edits. It knows which fields were edited here since the
 * server last acknowledged everything; on a refusal it keeps their content before the reset
 * and, once the server's copy has arrived, what of it the server lacks.
 */
export class RefusalKeeper {
  refusals: Refusal[] = [];
  /**
   * Set by a refusal, cleared by the user's next edit or by dismissing the last message:
   * until then the status says the text was not saved, whatever the reset copy's sync says.
   */
  standing = false;
  private nextId = 1;
  private edited = new Set<string>();
  private awaiting: { error: CollabError; before: Record<string, unknown>; edited: Set<string> } | null = null;

  constructor(private readonly section: SectionName | null) {}

  /** A local transaction (not one from the server). */
  noteLocal(transaction: Y.Transaction) {
    if (transaction.changed.size) for (const root of changedRoots(transaction)) this.edited.add(root);
  }

  /** The user wrote something new: the status follows that edit now. */
  noteNewEdit() {
    this.standing = false;
  }

  /** The server holds every local edit. */
  allSaved() {
    this.edited.clear();
  }

  /** Called with the local copy just before it is dropped for the server's. */
  beforeReset(error: CollabError, doc: Y.Doc) {
    if (this.section) {
      const edited = new Set([...this.edited, ...(this.awaiting?.edited ?? [])]);
      this.awaiting = { error, before: contentToJSON(doc, this.section, edited), edited };
      this.standing = true;
    }
    this.edited.clear();
  }

  get awaitingServerCopy() {
    return this.awaiting !== null;
  }

  /** The reset copy now holds the server's content: keep what the user would lose. */
  serverCopyArrived(doc: Y.Doc) {
    if (!this.awaiting || !this.section) return;
    const { error, before, edited } = this.awaiting;
    this.awaiting = null;
    const lost = lostText(this.section, before, contentToJSON(doc, this.section, edited), edited);
    // Nothing of the user's is missing (e.g. a delivery glitch healed by the reset): what is
    // on screen is what the server has, so there is nothing to tell.
    if (lost.length) this.refusals = [...this.refusals, { id: this.nextId++, error, reason: explainRefusal(this.section, before, error.code), lost }];
    else if (!this.refusals.length) this.standing = false;
  }

  dismiss(id: number) {
    this.refusals = this.refusals.filter((r) => r.id !== id);
    if (!this.refusals.length) this.standing = false;
  }
}
