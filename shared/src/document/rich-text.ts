import * as Y from 'yjs';

/**
 * Free text is rich text: a Y.XmlFragment in the shape the editor (Tiptap/ProseMirror via
 * y-prosemirror) writes — block elements holding Y.XmlText whose formatting attributes are
 * the marks. The client's editor schema and this module list the same nodes and marks;
 * anything else that arrives in an update is refused, so a crafted update cannot smuggle in
 * elements, attributes or embeds the editor would never write.
 */
export const RICH_TEXT_NODES = {
  paragraph: { attributes: [] },
  bulletList: { attributes: [] },
  orderedList: { attributes: ['start', 'type'] },
  listItem: { attributes: [] },
  hardBreak: { attributes: [] },
} as const satisfies Record<string, { attributes: readonly string[] }>;
export type RichTextNode = keyof typeof RICH_TEXT_NODES;
export const RICH_TEXT_MARKS = ['bold', 'italic'] as const;

const BLOCKS = new Set<string>(['paragraph', 'bulletList', 'orderedList']);
/** Nested lists deeper than this are refused (and the walk below never recurses further). */
export const MAX_RICH_TEXT_DEPTH = 12;

/**
 * The fragment's text, one line per paragraph and list items marked with "• " or "1. "
 * — the form the schema, the projection into rows and plan versions read. Returns null
 * when the content is not what the editor writes.
 */
export function richTextToPlain(root: Y.AbstractType<any>): string | null {
  if (root._map.size > 0) return null;
  const lines: string[] = [];
  return readBlocks(root, 0, '', lines) ? lines.join('\n') : null;
}

function* liveItems(type: Y.AbstractType<any>): Generator<Y.Item> {
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) yield item;
}

function elementOf(item: Y.Item): Y.XmlElement | null {
  const content = item.content;
  return content instanceof Y.ContentType && content.type instanceof Y.XmlElement ? content.type : null;
}

function attributesAllowed(element: Y.XmlElement, allowed: readonly string[]): boolean {
  for (const [key, item] of element._map) {
    if (item.deleted) continue;
    if (!allowed.includes(key)) return false;
    const value = (item.content as Y.ContentAny).arr?.[0];
    if (!(item.content instanceof Y.ContentAny) || !['string', 'number'].includes(typeof value) || String(value).length > 20) return false;
  }
  return true;
}

function readBlocks(parent: Y.AbstractType<any>, depth: number, indent: string, lines: string[]): boolean {
  if (depth > MAX_RICH_TEXT_DEPTH) return false;
  for (const item of liveItems(parent)) {
    const element = elementOf(item);
    if (!element || !BLOCKS.has(element.nodeName)) return false;
    if (!readBlock(element, depth, indent, lines)) return false;
  }
  return true;
}

function readBlock(element: Y.XmlElement, depth: number, indent: string, lines: string[]): boolean {
  const spec = RICH_TEXT_NODES[element.nodeName as RichTextNode];
  if (!spec || !attributesAllowed(element, spec.attributes)) return false;
  if (element.nodeName === 'paragraph') {
    const text = readInline(element);
    if (text === null) return false;
    lines.push(indent + text);
    return true;
  }
  // A list: each child a listItem holding blocks; its first line carries the marker.
  let n = Number(element.getAttribute('start') ?? 1) || 1;
  for (const item of liveItems(element)) {
    const listItem = elementOf(item);
    if (!listItem || listItem.nodeName !== 'listItem' || !attributesAllowed(listItem, [])) return false;
    const marker = element.nodeName === 'orderedList' ? `${n++}. ` : '• ';
    const start = lines.length;
    if (!readBlocks(listItem, depth + 1, indent + '  ', lines)) return false;
    if (lines.length === start) lines.push(indent + marker);
    else lines[start] = indent + marker + lines[start]!.slice(indent.length + 2);
  }
  return true;
}

/** A paragraph's content: text (with only the known marks) and hard breaks. */
function readInline(paragraph: Y.XmlElement): string | null {
  let out = '';
  for (const item of liveItems(paragraph)) {
    const content = item.content;
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) {
      const text = readText(content.type);
      if (text === null) return null;
      out += text;
    } else {
      const element = elementOf(item);
      if (!element || element.nodeName !== 'hardBreak' || !attributesAllowed(element, []) || element._start !== null) return null;
      out += '\n';
    }
  }
  return out;
}

function readText(text: Y.XmlText): string | null {
  if (text._map.size > 0) return null;
  let out = '';
  for (const item of liveItems(text)) {
    const content = item.content;
    if (content instanceof Y.ContentString) out += content.str;
    else if (content instanceof Y.ContentFormat) {
      if (!(RICH_TEXT_MARKS as readonly string[]).includes(content.key)) return null;
      if (content.value !== null && typeof content.value !== 'object' && content.value !== true) return null;
    } else return null;
  }
  return out;
}

/**
 * Writes plain text into a rich-text field as paragraphs (one per line), at the start or
 * the end. What the server's seed, the tests and the benchmark write; people write through
 * the editor.
 */
export function insertParagraphs(fragment: Y.XmlFragment, text: string, at: 'start' | 'end' = 'end'): void {
  const paragraphs = text.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.insert(at === 'start' ? 0 : fragment.length, paragraphs);
}
