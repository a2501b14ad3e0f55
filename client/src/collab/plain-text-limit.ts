import { Extension } from '@tiptap/core';
import type { Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { plainTextLength } from './rich-text-plain';

/** What the limit kept out: a paste cut short (with the rest), or an edit refused outright. */
export type LimitReport = { kind: 'pasteCut'; over: number; rest: string } | { kind: 'full' };

export interface PlainTextLimitOptions {
  limit: number;
  onLimit: (report: LimitReport) => void;
}

const TRIMMED = new PluginKey('plainTextLimitTrimmed');

/**
 * Holds a rich-text field to the server's limit on its plain text (see rich-text-plain.ts).
 * An edit that would pass it is not applied and reported; a paste that does not fit is
 * trimmed to what fits and the rest reported, never dropped silently. Changes from the Yjs
 * document (others' edits, already accepted by the server) always pass: refusing them would
 * leave the editor out of step with the document.
 *
 * Tiptap's CharacterCount is not used: it counts text without line breaks or list markers
 * (less than the server counts), filters the Yjs changes too, trims content over the limit
 * on load (in a shared document that deletes others' text) and trims pastes silently.
 */
export const PlainTextLimit = Extension.create<PlainTextLimitOptions>({
  name: 'plainTextLimit',
  addOptions: () => ({ limit: Infinity, onLimit: () => {} }),
  addProseMirrorPlugins() {
    const { limit, onLimit } = this.options;
    return [
      new Plugin({
        filterTransaction: (tr: Transaction, state: EditorState) => {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey) || tr.getMeta(TRIMMED)) return true;
          const after = plainTextLength(tr.doc);
          if (after <= limit || after <= plainTextLength(state.doc)) return true;
          onLimit({ kind: 'full' });
          return false;
        },
        props: {
          handlePaste: (view, _event, slice) => pasteWithin(view, slice, limit, onLimit),
        },
      }),
    ];
  },
});

/** Pastes as much of the slice as fits: the largest cut of the pasted range that keeps the text within the limit. */
function pasteWithin(view: EditorView, slice: Slice, limit: number, onLimit: (report: LimitReport) => void): boolean {
  const { state } = view;
  const full = state.tr.replaceSelection(slice);
  const fullLength = plainTextLength(full.doc);
  if (fullLength <= limit) return false; // fits: ProseMirror pastes it as usual
  const start = full.mapping.map(state.selection.from, -1);
  const end = full.selection.from;
  const trimmedTo = (cut: number) => state.tr.replaceSelection(slice).delete(cut, end);
  // The text only grows with the cut point, so the largest cut that fits is found by halving.
  let low = start;
  let high = end;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (plainTextLength(trimmedTo(mid).doc) <= limit) low = mid;
    else high = mid - 1;
  }
  const tr = trimmedTo(low);
  const kept = plainTextLength(tr.doc);
  if (kept > limit) {
    onLimit({ kind: 'full' });
    return true;
  }
  const rest = full.doc.textBetween(low, end, '\n', '\n');
  view.dispatch(tr.setMeta(TRIMMED, true).setMeta('paste', true).setMeta('uiEvent', 'paste').scrollIntoView());
  onLimit({ kind: 'pasteCut', over: fullLength - kept, rest });
  return true;
}
