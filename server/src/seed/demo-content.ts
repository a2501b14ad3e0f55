import * as Y from 'yjs';
import { MAX_UPDATE_BYTES, type SectionName, actionsOrganisationId, documentName, sectionAccess, sectionSchema } from '@sip/shared';
import { arrayField, contentToJSON, insertParagraphs, newSectionDoc, richTextField, yMapFrom } from '@sip/shared/yjs';
import type { DemoPlan } from './demo-plan';

/**
 * One editing session in a section, as a co-editing client makes it: the author's own copy
 * of the stored document (a Yjs client of its own, as each browser is), the edit, and the
 * one incremental update it produces. The update passes what the server checks — the
 * author's write right on the section, the size cap, the section's schema — is appended to
 * doc_update under the section's canonical name, and the section is projected into its rows
 * by the product's ProjectionService, all at the session's time. Audited as the product
 * does: opening the section and the editing session.
 */
export async function writeSection(plan: DemoPlan, at: Date, username: string, section: SectionName, edit: (doc: Y.Doc) => void): Promise<void> {
  const { actor } = await plan.world.event(at, username, plan.id, `write ${section}`);
  const { m, services } = plan.world;
  const place = await services.sections.placeInPlan(actor, plan.id, m);
  if (!place || !sectionAccess(place.sectionActor, section).write) throw new Error(`Demo seed: ${username} may not write ${section} in ${plan.label}`);

  const name = documentName(plan.id, section);
  const { doc: stored } = await services.store.load(name, m);
  const copy = newSectionDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => edit(copy));
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  if (update.byteLength > MAX_UPDATE_BYTES) throw new Error(`Demo seed: an update to ${section} is too large`);
  Y.applyUpdate(stored, update);
  const content = contentToJSON(stored, section);
  stored.destroy();
  const checked = sectionSchema(section).safeParse(content);
  if (!checked.success) throw new Error(`Demo seed: ${section} in ${plan.label} breaks its schema: ${checked.error.message}`);

  await plan.world.audit(at, actor, plan.id, 'plan.content.read', { type: 'section', id: name }, { section, write: true });
  await m.query('INSERT INTO doc_update (doc_name, data, actor_id, at) VALUES ($1, $2, $3, $4)', [name, Buffer.from(update), actor.accountId, at]);
  await services.projection.project(plan.id, section, content, m);
  // The projection stamps its rows with the time it ran; here that is the edit's time.
  const organisationId = actionsOrganisationId(section);
  if (organisationId) await m.query('UPDATE plan_action SET projected_at = $3 WHERE plan_id = $1 AND organisation_id = $2', [plan.id, organisationId, at]);
  await plan.world.audit(at, actor, plan.id, 'plan.content.write', { type: 'section', id: name }, { section });
}

// ---- What an edit writes, in the shapes the editor writes -------------------------------

/** Paragraphs into a rich-text field (one per line). */
export const paragraphs = (doc: Y.Doc, field: string, text: string) => insertParagraphs(richTextField(doc, field), text);

/** A bulleted list into a rich-text field, as the editor's list button makes one. */
export function bullets(doc: Y.Doc, field: string, items: string[]): void {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    items.map((text) => {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      item.insert(0, [paragraph]);
      return item;
    }),
  );
  const fragment = richTextField(doc, field);
  fragment.insert(fragment.length, [list]);
}

/** Items appended to a list field; each gets an id as the editor gives one. */
export function push(doc: Y.Doc, field: string, ...items: Record<string, unknown>[]): void {
  arrayField(doc, field).push(items.map((item) => yMapFrom(item)));
}

/** Changes fields of the list item with this id (a status, a date, follow-up notes). */
export function update(doc: Y.Doc, field: string, id: string, changes: Record<string, unknown>): void {
  const item = arrayField(doc, field).toArray().find((i) => i.get('id') === id);
  if (!item) throw new Error(`Demo seed: no item ${id} in ${field}`);
  for (const [k, v] of Object.entries(changes)) item.set(k, v);
}

/** A new item id, as the editor makes one. */
export const newId = (): string => crypto.randomUUID();
