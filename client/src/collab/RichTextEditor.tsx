import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { TEXT_LIMITS } from '@sip/shared';
import { KeptTextNotice } from '../components/KeptTextNotice';
import { showCounter } from './limits';
import { type LimitReport, PlainTextLimit } from './plain-text-limit';
import { plainTextLength } from './rich-text-plain';
import { RICH_TEXT_EXTENSIONS } from './rich-text-schema';

export interface CollabUser {
  name: string;
  colour: string;
}

/**
 * Others' carets and selections in this field, in their colours. A section's editors share
 * one awareness `cursor`: a caret placed in a neighbouring field resolves to no position
 * here, so each field shows only its own. Colours go through the CSS object model, which the
 * page's Content-Security-Policy allows (style attributes it does not).
 */
const CollaborationCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'collaborationCarets',
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      yCursorPlugin(
        awareness,
        {
          cursorBuilder: (user: Partial<CollabUser>) => {
            const caret = document.createElement('span');
            caret.className = 'collab-caret';
            // Presence already names who is here; a screen reader should read the text only.
            caret.setAttribute('aria-hidden', 'true');
            caret.style.borderColor = user.colour ?? '#444';
            const label = document.createElement('span');
            label.className = 'collab-caret-label';
            label.style.backgroundColor = user.colour ?? '#444';
            label.textContent = user.name ?? '';
            caret.append('\u2060', label, '\u2060');
            return caret;
          },
          selectionBuilder: (user: Partial<CollabUser>) => ({ class: 'collab-selection', style: `background-color: ${user.colour ?? '#444'}33` }),
        },
      ),
    ];
  },
});

/**
 * A rich-text field co-edited through Yjs: paragraphs, bulleted and numbered lists, bold
 * and italic — the nodes and marks `@sip/shared` accepts (RICH_TEXT_NODES/MARKS), and no
 * more, so nothing typed here can be refused for its shape — held to the schema's length
 * limit as the server counts it, with a counter near the limit.
 */
export function RichTextEditor({
  fragment,
  awareness,
  field,
  readOnly,
  labelId,
}: {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  field: string;
  readOnly: boolean;
  labelId: string;
}) {
  const { t, i18n } = useTranslation();
  const counterId = useId();
  const max = TEXT_LIMITS.richText;
  const [report, setReport] = useState<LimitReport | null>(null);
  // The editor is made once per document; the callback it holds must not go stale.
  const onLimit = useRef((r: LimitReport) => setReport((prev) => (r.kind === 'full' && prev?.kind === 'full' ? prev : r)));
  const editor = useEditor(
    {
      extensions: [
        ...RICH_TEXT_EXTENSIONS,
        Collaboration.configure({ fragment }),
        CollaborationCarets.configure({ awareness }),
        PlainTextLimit.configure({ limit: max, onLimit: (r) => onLimit.current(r) }),
      ],
      editable: !readOnly,
      // Tiptap would add its base CSS as a <style> element, which the page's CSP refuses;
      // the same rules are in styles.css.
      injectCSS: false,
      editorProps: {
        attributes: {
          class: 'rich-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-readonly': String(readOnly),
        },
      },
    },
    // A new document (after a reset from the server) needs a new editor bound to it.
    [fragment, awareness],
  );
  useEffect(() => {
    if (!editor || editor.isEditable === !readOnly) return;
    editor.setEditable(!readOnly);
    editor.view.dom.setAttribute('aria-readonly', String(readOnly));
  }, [editor, readOnly]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e ? { bold: e.isActive('bold'), italic: e.isActive('italic'), bulletList: e.isActive('bulletList'), orderedList: e.isActive('orderedList') } : null,
  });
  const length = useEditorState({ editor, selector: ({ editor: e }) => (e ? plainTextLength(e.state.doc) : 0) }) ?? 0;
  const counter = !readOnly && showCounter(length, max);
  useEffect(() => {
    if (!editor) return;
    if (counter) editor.view.dom.setAttribute('aria-describedby', counterId);
    else editor.view.dom.removeAttribute('aria-describedby');
  }, [editor, counter, counterId]);
  const n = (x: number) => x.toLocaleString(i18n.language);

  const tools = [
    { key: 'bold', label: t('collab.format.bold'), run: () => editor?.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('collab.format.italic'), run: () => editor?.chain().focus().toggleItalic().run() },
    { key: 'bulletList', label: t('collab.format.bulletList'), run: () => editor?.chain().focus().toggleBulletList().run() },
    { key: 'orderedList', label: t('collab.format.orderedList'), run: () => editor?.chain().focus().toggleOrderedList().run() },
  ] as const;
  return (
    <>
      <div className={`rich-text-field${readOnly ? ' read-only' : ''}`} data-field={field}>
        {!readOnly && (
          // One tab stop for the toolbar; arrow keys move between its buttons (WAI-ARIA toolbar).
          <div role="toolbar" aria-label={t('collab.format.toolbar')} className="rich-text-toolbar" onKeyDown={moveFocus}>
            {tools.map((tool, index) => (
              <button
                key={tool.key}
                type="button"
                tabIndex={index === 0 ? 0 : -1}
                className={`format-${tool.key}`}
                aria-pressed={active?.[tool.key] ?? false}
                onMouseDown={(e) => e.preventDefault()}
                onClick={tool.run}
              >
                {tool.label}
              </button>
            ))}
          </div>
        )}
        <EditorContent editor={editor} />
      </div>
      {counter && (
        <span id={counterId} className={`char-count${length >= max ? ' char-count-full' : ''}`}>
          {t('limits.count', { length: n(length), max: n(max) })}
        </span>
      )}
      {report?.kind === 'pasteCut' && (
        <KeptTextNotice
          message={t('limits.pasteTooLong', { max: n(max), over: n(report.over) })}
          texts={[{ label: t('limits.notKept'), text: report.rest }]}
          onDismiss={() => setReport(null)}
        />
      )}
      {report?.kind === 'full' && <KeptTextNotice message={t('limits.full', { max: n(max) })} texts={[]} onDismiss={() => setReport(null)} />}
    </>
  );
}

function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (!step) return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[(at + step + buttons.length) % buttons.length];
  buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
  next?.focus();
  event.preventDefault();
}
