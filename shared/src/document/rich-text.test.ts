import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertParagraphs } from './rich-text';
import { sectionSchema } from './section-schemas';
import { contentToJSON } from './yjs-json';

/** A document as another client would send it: built elsewhere, arriving as an update. */
function received(build: (doc: Y.Doc) => void): Y.Doc {
  const sender = new Y.Doc();
  build(sender);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(sender));
  return doc;
}

const situation = (doc: Y.Doc) => contentToJSON(doc, 'shared').currentSituation;
const valid = (doc: Y.Doc) => sectionSchema('shared').safeParse(contentToJSON(doc, 'shared')).success;

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs: Record<string, string | number> = {}) {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  if (children.length) e.insert(0, children);
  return e;
}

describe('rich text fields', () => {
  it('reads paragraphs, lists, marks and hard breaks as the editor writes them', () => {
    const doc = received((d) => {
      const bold = new Y.XmlText();
      d.getXmlFragment('currentSituation').insert(0, [
        element('paragraph', [bold]),
        element('bulletList', [element('listItem', [element('paragraph', [new Y.XmlText('Boende')])]), element('listItem', [element('paragraph', [new Y.XmlText('Arbete')])])]),
        element('orderedList', [element('listItem', [element('paragraph', [new Y.XmlText('Först')])])], { start: 3 }),
        element('paragraph', [new Y.XmlText('rad ett'), element('hardBreak'), new Y.XmlText('rad två')]),
      ]);
      bold.insert(0, 'Anders bor ', {});
      bold.insert(bold.length, 'själv', { bold: {} });
    });
    expect(situation(doc)).toBe('Anders bor själv\n• Boende\n• Arbete\n3. Först\nrad ett\nrad två');
    expect(valid(doc)).toBe(true);
  });

  it('writes plain text as paragraphs', () => {
    const doc = received((d) => insertParagraphs(d.getXmlFragment('disagreements'), 'ett\n\ntre'));
    expect(contentToJSON(doc, 'shared').disagreements).toBe('ett\n\ntre');
  });

  it.each<[string, (d: Y.Doc) => void]>([
    ['an element the editor has no node for', (d) => d.getXmlFragment('currentSituation').insert(0, [element('script', [new Y.XmlText('x')])])],
    ['an attribute the node does not have', (d) => d.getXmlFragment('currentSituation').insert(0, [element('paragraph', [], { onclick: 'x' })])],
    ['a mark the editor has no mark for', (d) => {
      const t = new Y.XmlText();
      d.getXmlFragment('currentSituation').insert(0, [element('paragraph', [t])]);
      t.insert(0, 'x', { link: { href: 'javascript:alert(1)' } });
    }],
    ['text directly in the fragment', (d) => d.getXmlFragment('currentSituation').insert(0, [new Y.XmlText('x')])],
    ['characters in a rich text root', (d) => d.getText('currentSituation').insert(0, 'plain')],
    ['a list item outside a list', (d) => d.getXmlFragment('currentSituation').insert(0, [element('listItem')])],
    ['an embed inside text', (d) => {
      const t = new Y.XmlText();
      d.getXmlFragment('currentSituation').insert(0, [element('paragraph', [t])]);
      t.insertEmbed(0, { image: 'x' });
    }],
    ['lists nested deeper than the limit', (d) => {
      let inner = element('paragraph', [new Y.XmlText('djup')]);
      for (let i = 0; i < 20; i++) inner = element('bulletList', [element('listItem', [inner])]);
      d.getXmlFragment('currentSituation').insert(0, [inner]);
    }],
  ])('refuses %s', (_, build) => {
    expect(valid(received(build))).toBe(false);
  });

  it('a deleted foreign element leaves the field valid again', () => {
    const sender = new Y.Doc();
    const fragment = sender.getXmlFragment('currentSituation');
    fragment.insert(0, [element('script')]);
    fragment.delete(0, 1);
    insertParagraphs(fragment, 'ok');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(sender));
    expect(situation(doc)).toBe('ok');
  });
});
