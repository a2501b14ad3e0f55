import { getSchema } from '@tiptap/core';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richTextToPlain } from '@sip/shared/yjs';
import { plainTextLength, plainTextOf } from './rich-text-plain';
import { RICH_TEXT_EXTENSIONS } from './rich-text-schema';

const schema = getSchema(RICH_TEXT_EXTENSIONS);
const text = (t: string, marks: string[] = []) => ({ type: 'text', text: t, marks: marks.map((type) => ({ type })) });
const p = (...content: object[]) => ({ type: 'paragraph', content });
const li = (...content: object[]) => ({ type: 'listItem', content });

/** What the server reads from the same content once it is in the Yjs document. */
function serverPlain(json: object): string {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(schema.nodeFromJSON(json), doc.getXmlFragment('field'));
  return richTextToPlain(doc.getXmlFragment('field'))!;
}

describe('the editor counts what the server counts', () => {
  const cases: Record<string, object> = {
    empty: { type: 'doc', content: [{ type: 'paragraph' }] },
    paragraphs: { type: 'doc', content: [p(text('Anders bor ')), { type: 'paragraph' }, p(text('hos '), text('mamma', ['bold']))] },
    'hard breaks': { type: 'doc', content: [p(text('rad ett'), { type: 'hardBreak' }, text('rad två'))] },
    'bulleted and numbered lists': {
      type: 'doc',
      content: [
        p(text('Före')),
        { type: 'bulletList', content: [li(p(text('Boende'))), li(p(text('Arbete')), p(text('andra stycket')))] },
        { type: 'orderedList', attrs: { start: 9 }, content: [li(p(text('nio'))), li(p(text('tio')))] },
      ],
    },
    'nested lists and an empty item': {
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          content: [
            li(p(text('ett')), { type: 'bulletList', content: [li(p(text('under')), { type: 'orderedList', content: [li(p(text('djupt')))] })] }),
            li({ type: 'paragraph' }),
          ],
        },
      ],
    },
  };
  for (const [name, json] of Object.entries(cases)) {
    it(name, () => {
      const node = schema.nodeFromJSON(json);
      expect(plainTextOf(node)).toBe(serverPlain(json));
      expect(plainTextLength(node)).toBe(serverPlain(json).length);
    });
  }
});
