import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A plain text area bound to a Y.Text. Local typing becomes the smallest insert/delete
 * (common prefix and suffix kept), so concurrent edits by others merge character by
 * character; remote changes update the area and keep the caret where it was relative to
 * the text around it.
 */
export function YTextArea({ text, readOnly, id, rows = 3, describedBy }: { text: Y.Text; readOnly: boolean; id: string; rows?: number; describedBy?: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => text.toString());

  useEffect(() => {
    setValue(text.toString());
    const observer = (event: Y.YTextEvent, tr: Y.Transaction) => {
      const area = ref.current;
      const next = text.toString();
      if (!area || tr.local) {
        setValue(next);
        return;
      }
      // Shift the caret by what was inserted or deleted before it.
      let { selectionStart: start, selectionEnd: end } = area;
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        else if (typeof op.insert === 'string') {
          if (index <= start) start += op.insert.length;
          if (index <= end) end += op.insert.length;
          index += op.insert.length;
        } else if (op.delete) {
          if (index < start) start -= Math.min(op.delete, start - index);
          if (index < end) end -= Math.min(op.delete, end - index);
        }
      }
      setValue(next);
      requestAnimationFrame(() => ref.current?.setSelectionRange(start, end));
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  const onChange = (next: string) => {
    const current = text.toString();
    let prefix = 0;
    while (prefix < current.length && prefix < next.length && current[prefix] === next[prefix]) prefix++;
    let suffix = 0;
    while (suffix < current.length - prefix && suffix < next.length - prefix && current[current.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
    text.doc!.transact(() => {
      if (current.length - prefix - suffix > 0) text.delete(prefix, current.length - prefix - suffix);
      if (next.length - prefix - suffix > 0) text.insert(prefix, next.slice(prefix, next.length - suffix));
    });
    setValue(next);
  };

  return (
    <textarea
      ref={ref}
      id={id}
      rows={rows}
      value={value}
      readOnly={readOnly}
      aria-readonly={readOnly}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
