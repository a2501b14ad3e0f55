import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';

/**
 * A rich-text field the reader may not change, shown as text: paragraphs, lists, bold and
 * italic drawn from the Yjs fragment as it stands (the section re-renders on every change, so
 * it stays live). No editor is mounted for it: a read-only Tiptap editor looked like a
 * disabled form field to the person, and each one cost the phone main-thread time on load.
 * Only the nodes and marks `@sip/shared` accepts are drawn; anything else is left out.
 */
export function RichTextView({ fragment, field, labelId }: { fragment: Y.XmlFragment; field: string; labelId: string }) {
  const { t } = useTranslation();
  const blocks = fragment.toArray().map((node, i) => block(node, i));
  const empty = fragment.toArray().every((node) => plainOf(node) === '');
  return (
    <div className="rich-text-view" role="group" aria-labelledby={labelId} data-field={field}>
      {empty ? <p className="empty">{t('person.emptyText')}</p> : blocks}
    </div>
  );
}

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

function block(node: XmlNode, key: number): ReactNode {
  if (!(node instanceof Y.XmlElement)) return null;
  const children = node.toArray();
  switch (node.nodeName) {
    case 'paragraph':
      return <p key={key}>{children.map(inline)}</p>;
    case 'bulletList':
      return <ul key={key}>{children.map(block)}</ul>;
    case 'orderedList': {
      const start = Number(node.getAttribute('start') ?? 1) || 1;
      return (
        <ol key={key} start={start}>
          {children.map(block)}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{children.map(block)}</li>;
    default:
      return null;
  }
}

function inline(node: XmlNode, key: number): ReactNode {
  if (node instanceof Y.XmlElement) return node.nodeName === 'hardBreak' ? <br key={key} /> : null;
  if (!(node instanceof Y.XmlText)) return null;
  const runs = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return runs.map((run, i) => {
    if (typeof run.insert !== 'string') return null;
    let out: ReactNode = run.insert;
    if (run.attributes?.italic) out = <em>{out}</em>;
    if (run.attributes?.bold) out = <strong>{out}</strong>;
    return <Fragment key={`${key}-${i}`}>{out}</Fragment>;
  });
}

function plainOf(node: XmlNode): string {
  if (node instanceof Y.XmlText) return (node.toDelta() as { insert: unknown }[]).map((run) => (typeof run.insert === 'string' ? run.insert : '')).join('').trim();
  if (!(node instanceof Y.XmlElement)) return '';
  return node.toArray().map(plainOf).join('');
}
