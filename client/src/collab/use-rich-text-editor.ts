import { useEffect, useState } from 'react';

type EditorModule = typeof import('./RichTextEditor');

let loaded: EditorModule | null = null;
let loading: Promise<EditorModule> | null = null;

/** Fetches the rich-text editor's code (Tiptap/ProseMirror, a chunk of its own) once. */
export function loadRichTextEditor(): Promise<EditorModule> {
  loading ??= import('./RichTextEditor').then((m) => (loaded = m));
  return loading;
}

/**
 * The rich-text editor, once its code is here; null until then. Only asked for when there is
 * something to write (`needed`): a reader who may write nothing — a relative, anyone in a
 * closed plan — never downloads or runs it.
 */
export function useRichTextEditor(needed: boolean): EditorModule['RichTextEditor'] | null {
  const [editor, setEditor] = useState<EditorModule | null>(loaded);
  useEffect(() => {
    if (!needed || editor) return;
    let gone = false;
    void loadRichTextEditor().then((m) => !gone && setEditor(m));
    return () => {
      gone = true;
    };
  }, [needed, editor]);
  return editor?.RichTextEditor ?? null;
}
