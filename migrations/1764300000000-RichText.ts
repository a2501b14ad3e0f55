import type { MigrationInterface, QueryRunner } from 'typeorm';
import * as Y from 'yjs';

/**
 * Free text became rich text: a field that was a Y.Text is now a Y.XmlFragment of
 * paragraphs, under the same root name. Each stored document whose roots still hold plain
 * characters gets one more update in its log that deletes those characters and inserts the
 * same text as paragraphs — an ordinary incremental update, so every copy of the document
 * (other instances, open clients) can take it in the usual way and nothing is rewritten.
 *
 * Self-contained on purpose: a migration must keep meaning what it meant when it ran, so it
 * does not import the document model, which will change.
 */
export class RichText1764300000000 implements MigrationInterface {
  name = 'RichText1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const names: { doc_name: string }[] = await q.query(
      `SELECT doc_name FROM doc_update UNION SELECT doc_name FROM doc_snapshot ORDER BY doc_name`,
    );
    for (const { doc_name: docName } of names) {
      const doc = new Y.Doc({ gc: true });
      const [snapshot] = await q.query('SELECT data FROM doc_snapshot WHERE doc_name = $1', [docName]);
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      const updates: { data: Buffer }[] = await q.query(
        `SELECT data FROM doc_update WHERE doc_name = $1 AND id > coalesce((SELECT last_update_id FROM doc_snapshot WHERE doc_name = $1), 0) ORDER BY id`,
        [docName],
      );
      for (const u of updates) Y.applyUpdate(doc, u.data);
      const update = convertPlainTextRoots(doc);
      if (update) await q.query('INSERT INTO doc_update (doc_name, data, actor_id) VALUES ($1, $2, NULL)', [docName, Buffer.from(update)]);
    }
  }

  async down(): Promise<void> {
    // Converting paragraphs back to plain characters would lose nothing but is not needed:
    // the previous code cannot read rich text either way.
  }
}

/** The update that turns every root holding plain characters into paragraphs, or null. */
export function convertPlainTextRoots(doc: Y.Doc): Uint8Array | null {
  const before = Y.encodeStateVector(doc);
  let changed = false;
  doc.transact(() => {
    for (const [name, root] of [...doc.share]) {
      let plain = '';
      let hasText = false;
      for (let item = root._start; item !== null; item = item.right) {
        if (item.deleted) continue;
        if (!(item.content instanceof Y.ContentString)) {
          hasText = false;
          break;
        }
        hasText = true;
        plain += item.content.str;
      }
      if (!hasText) continue;
      // The root holds characters, so it reads as a Y.Text; an embedded type inserted into
      // it is stored exactly as an element of an XmlFragment would be.
      const text = doc.getText(name);
      text.delete(0, text.length);
      plain.split('\n').forEach((line, index) => {
        const paragraph = new Y.XmlElement('paragraph');
        if (line) paragraph.insert(0, [new Y.XmlText(line)]);
        text.insertEmbed(index, paragraph);
      });
      changed = true;
    }
  });
  return changed ? Y.encodeStateAsUpdate(doc, before) : null;
}
