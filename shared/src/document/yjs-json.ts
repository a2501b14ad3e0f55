import * as Y from 'yjs';
import { ROOT } from './sections';

/** The section's content as plain JSON: Y.Text → string, Y.Array → array, Y.Map → object. */
export function contentToJSON(doc: Y.Doc): Record<string, unknown> {
  return toPlain(doc.getMap(ROOT)) as Record<string, unknown>;
}

function toPlain(value: unknown): unknown {
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.Array) return value.toArray().map(toPlain);
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    value.forEach((v, k) => {
      out[k] = toPlain(v);
    });
    return out;
  }
  return value;
}

/** Builds a list item as a Y.Map (fields edited by form controls, synced as a whole value). */
export function yMapFrom(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

/** The Y.Text of a free-text field, created on first use. */
export function textField(doc: Y.Doc, field: string): Y.Text {
  const root = doc.getMap<unknown>(ROOT);
  let value = root.get(field);
  if (!(value instanceof Y.Text)) {
    value = new Y.Text();
    root.set(field, value);
  }
  return value as Y.Text;
}

export function arrayField(doc: Y.Doc, field: string): Y.Array<Y.Map<unknown>> {
  const root = doc.getMap<unknown>(ROOT);
  let value = root.get(field);
  if (!(value instanceof Y.Array)) {
    value = new Y.Array<Y.Map<unknown>>();
    root.set(field, value);
  }
  return value as Y.Array<Y.Map<unknown>>;
}
