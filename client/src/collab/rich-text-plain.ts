import type { Node as PmNode } from '@tiptap/pm/model';

/**
 * The editor's document as the plain text the server checks (`richTextToPlain` in
 * @sip/shared, which reads the Yjs fragment): one line per paragraph, a hard break as a new
 * line, list items marked "• " or "1. " and indented two spaces per level. The server
 * limits this text's length, so the editor counts the same thing — Tiptap's own count
 * (text only, no line breaks or markers) would let through text the server then refuses.
 */
export function plainTextOf(doc: PmNode): string {
  const lines: string[] = [];
  readBlocks(doc, '', lines);
  return lines.join('\n');
}

export const plainTextLength = (doc: PmNode) => plainTextOf(doc).length;

function readBlocks(parent: PmNode, indent: string, lines: string[]) {
  parent.forEach((block) => {
    if (block.type.name === 'paragraph') lines.push(indent + inlineText(block));
    else if (block.type.name === 'bulletList' || block.type.name === 'orderedList') readList(block, indent, lines);
  });
}

function readList(list: PmNode, indent: string, lines: string[]) {
  const ordered = list.type.name === 'orderedList';
  let n = Number(list.attrs.start ?? 1) || 1;
  list.forEach((item) => {
    const marker = ordered ? `${n++}. ` : '• ';
    const start = lines.length;
    readBlocks(item, indent + '  ', lines);
    if (lines.length === start) lines.push(indent + marker);
    else lines[start] = indent + marker + lines[start]!.slice(indent.length + 2);
  });
}

function inlineText(paragraph: PmNode): string {
  let out = '';
  paragraph.forEach((node) => {
    if (node.isText) out += node.text ?? '';
    else if (node.type.name === 'hardBreak') out += '\n';
  });
  return out;
}
