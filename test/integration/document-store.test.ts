import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { sectionSchema } from '@sip/shared';
import { contentToJSON, yMapFrom } from '@sip/shared/yjs';
import { RichText1764300000000 } from '../../migrations/1764300000000-RichText';
import { DocumentStore } from '../../server/src/collaboration/document-store';
import { sqlClient } from '../support/database';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const NAME = 'plan:00000000-0000-4000-8000-000000000001:shared';

async function seedUpdates(store: DocumentStore, from: number, count: number, actorId: string) {
  const doc = (await store.load(NAME)).doc;
  const seqs: number[] = [];
  for (let i = from; i < from + count; i++) {
    let update: Uint8Array | null = null;
    doc.once('update', (u: Uint8Array) => (update = u));
    doc.getText('currentSituation').insert(doc.getText('currentSituation').length, `${i} `);
    seqs.push(await store.append(NAME, update!, actorId));
  }
  return seqs;
}

it('compacts the log into a snapshot, keeps later updates, and never moves a snapshot backwards', async () => {
  const store = app.t.app.get(DocumentStore);
  const db = await sqlClient(app.t.databaseUrl);
  const [{ id: actorId }] = (await db.query(`SELECT id FROM account WHERE username = 'eva.lind'`)).rows;

  // Group commit: appends issued together share commits and still get increasing sequences.
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 20; i++) doc.getText('currentSituation').insert(0, 'x');
  const seqs = await Promise.all(updates.map((u) => store.append(NAME, u, actorId)));
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

  expect(await store.compact(NAME)).toEqual({ merged: 20 });
  const { rows: left } = await db.query('SELECT count(*)::int AS n FROM doc_update WHERE doc_name = $1', [NAME]);
  expect(left[0].n).toBe(0);
  expect((await store.load(NAME)).doc.getText('currentSituation').toString()).toBe('x'.repeat(20));

  const later = await seedUpdates(store, 0, 3, actorId);
  const loaded = await store.load(NAME);
  expect(loaded.doc.getText('currentSituation').toString()).toBe(`${'x'.repeat(20)}0 1 2 `);
  expect(loaded.lastId).toBe(later[2]);

  // A snapshot already newer than the log is left alone (the "last sequence not older" guard).
  await db.query(`UPDATE doc_snapshot SET last_update_id = 9000000000, data = $2 WHERE doc_name = $1`, [NAME, Buffer.from(Y.encodeStateAsUpdate(loaded.doc))]);
  await store.compact(NAME);
  const { rows: snap } = await db.query('SELECT last_update_id FROM doc_snapshot WHERE doc_name = $1', [NAME]);
  expect(Number(snap[0].last_update_id)).toBe(9_000_000_000);
  await db.end();
});

it('the rich-text migration turns text stored as plain characters into paragraphs, as one more update', async () => {
  const store = app.t.app.get(DocumentStore);
  const name = 'plan:00000000-0000-4000-8000-000000000002:shared';
  const legacy = new Y.Doc();
  legacy.getText('currentSituation').insert(0, 'Anders bor hos sin mamma.\nHan vill flytta.');
  legacy.getArray('needs').push([yMapFrom({ id: 'n1', text: 'Eget boende' })]);
  const db = await sqlClient(app.t.databaseUrl);
  const [{ id: actorId }] = (await db.query(`SELECT id FROM account WHERE username = 'eva.lind'`)).rows;
  await store.append(name, Y.encodeStateAsUpdate(legacy), actorId);
  expect(sectionSchema('shared').safeParse(contentToJSON((await store.load(name)).doc, 'shared')).success).toBe(false);

  const runner = app.t.app.get(DataSource).createQueryRunner();
  await new RichText1764300000000().up(runner);
  await new RichText1764300000000().up(runner); // a second run finds nothing left to convert
  await runner.release();

  const { doc, updates } = await store.load(name);
  expect(updates).toBe(2);
  expect(contentToJSON(doc, 'shared')).toEqual({ currentSituation: 'Anders bor hos sin mamma.\nHan vill flytta.', needs: [{ id: 'n1', text: 'Eget boende' }] });
  expect(doc.getXmlFragment('currentSituation').toArray().map((p) => (p as Y.XmlElement).nodeName)).toEqual(['paragraph', 'paragraph']);
  // A copy that still holds the old characters takes the conversion in as an ordinary update.
  const { rows } = await db.query('SELECT data FROM doc_update WHERE doc_name = $1 ORDER BY id DESC LIMIT 1', [name]);
  await db.end();
  Y.applyUpdate(legacy, rows[0].data);
  expect(contentToJSON(legacy, 'shared').currentSituation).toBe('Anders bor hos sin mamma.\nHan vill flytta.');
});
