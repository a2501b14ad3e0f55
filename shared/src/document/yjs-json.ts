import * as Y from 'yjs';
import { richTextToPlain } from './rich-text';
import type { SectionName } from './section-names';
import { sectionFields, sectionKind } from './section-registry';

/** Marks content that is not of the field's kind, so the section's schema refuses it. */
const INVALID = { invalid: 'content of the wrong kind' };

/**
 * The section's content as plain JSON: rich text as its plain text, lists as arrays of
 * objects.
 * A root the section does not define appears under its own name, so the strict schema
 * refuses it too.
 */
export function contentToJSON(doc: Y.Doc, section: SectionName, only?: ReadonlySet<string>): Record<string, unknown> {
  const fields = sectionFields(section);
  const retired = new Set(sectionKind(section).retired ?? []);
  const out: Record<string, unknown> = {};
  // A stable order (the section's fields, then anything else sorted), whatever order this
  // copy of the document happened to learn its roots in. `only` limits it to some roots
  // (those an update touched).
  // A retired root is left out of the whole content, and refused when an update touches it.
  const present = new Set([...doc.share.keys()].filter((name) => (only ? only.has(name) : !retired.has(name))));
  const names = [...Object.keys(fields).filter((f) => present.has(f)), ...[...present].filter((n) => !fields[n]).sort()];
  for (const name of names) {
    const kind = fields[name];
    if (!kind) {
      out[name] = INVALID;
      continue;
    }
    try {
      const root = doc.share.get(name)!;
      if (kind === 'rich') out[name] = richTextToPlain(root) ?? INVALID;
      else if (!listHoldsOnlyMaps(root)) out[name] = INVALID;
      else out[name] = doc.getArray(name).toArray().map(toPlain);
    } catch {
      // The root was made as another kind of type.
      out[name] = INVALID;
    }
  }
  return out;
}

/**
 * Whether a list root holds only maps. Looked up on the items themselves: a root arrives
 * untyped from the network, and a typed view over foreign content would hide it.
 */
function listHoldsOnlyMaps(type: Y.AbstractType<Y.YEvent<any>>): boolean {
  if (type._map.size > 0) return false;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (!(item.content instanceof Y.ContentType && item.content.type instanceof Y.Map)) return false;
  }
  return true;
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

/** A list item as a Y.Map: its values are edited through form controls. */
export function yMapFrom(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

export const richTextField = (doc: Y.Doc, field: string): Y.XmlFragment => doc.getXmlFragment(field);
export const arrayField = (doc: Y.Doc, field: string): Y.Array<Y.Map<unknown>> => doc.getArray(field);

/** The names of the root types a transaction changed (where an update landed). */
export function changedRoots(transaction: Y.Transaction): Set<string> {
  const roots = new Set<string>();
  for (const type of transaction.changed.keys()) {
    let root: Y.AbstractType<any> = type;
    while (root._item !== null) root = root._item.parent as Y.AbstractType<any>;
    roots.add(Y.findRootTypeKey(root));
  }
  return roots;
}
