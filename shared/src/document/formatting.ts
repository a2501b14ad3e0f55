import * as Y from 'yjs';

/**
 * Keeps a document exactly the union of the updates it received. Yjs, on applying a remote
 * update that touches formatted text, tidies redundant bold/italic markers in a transaction
 * of its own — a change made by that copy alone. On the server it was never stored or sent,
 * so the server's copy, the store and the clients could end up showing different formatting
 * (e.g. text bold in one copy and plain in another). Every copy in this system — the
 * server's and the editors' — skips the tidy-up, so every copy holding the same updates
 * shows the same thing. Redundant markers change nothing visible.
 */
export function keepFormattingAsSent<T extends Y.Doc>(doc: T): T {
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    // Set by Y.Text when a remote change met formatting; read right after this event.
    (transaction as unknown as { _needFormattingCleanup: boolean })._needFormattingCleanup = false;
  });
  return doc;
}

/** A new section document as every part of the system keeps it. */
export const newSectionDoc = (): Y.Doc => keepFormattingAsSent(new Y.Doc({ gc: true }));
