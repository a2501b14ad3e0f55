import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentToJSON } from './yjs-json';
import { sectionSchema } from './section-schemas';

/** A stored shared part from before the frågeställningar moved to the preparation. */
function legacySharedDoc() {
  const doc = new Y.Doc();
  const item = new Y.Map<unknown>();
  item.set('id', 'q1');
  item.set('text', 'En gammal frågeställning');
  doc.getArray('questions').push([item]);
  const need = new Y.Map<unknown>();
  need.set('id', 'n1');
  need.set('text', 'Ett behov');
  doc.getArray('needs').push([need]);
  return doc;
}

describe('a retired field', () => {
  it('is left out of the content read from a stored document, which still validates', () => {
    const content = contentToJSON(legacySharedDoc(), 'shared');
    expect(content).toEqual({ needs: [{ id: 'n1', text: 'Ett behov' }] });
    expect(sectionSchema('shared').safeParse(content).success).toBe(true);
  });

  it('is refused when an update touches it', () => {
    const touched = contentToJSON(legacySharedDoc(), 'shared', new Set(['questions']));
    expect(sectionSchema('shared').safeParse(touched).success).toBe(false);
  });
});
