import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { arrayField, contentToJSON, documentName, insertParagraphs, richTextField, yMapFrom } from '@sip/shared';
import { signedIn } from '../support/api-session';
import type { SocketYjsProvider } from '../../client/src/collab/socket-yjs-provider';
import { CollabClient, waitFor } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { PNR, directoryIds, ok, personId, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const clients: CollabClient[] = [];
let planId: string;
afterAll(() => clients.forEach((c) => c.close()));

beforeAll(async () => {
  const eva = await signedIn(app.t.baseUrl, 'eva.lind');
  const ids = await directoryIds(eva);
  planId = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: 'x', initiatingUnitId: ids.vuxenenheten })).id;
  ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
  ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
});

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text of a random paragraph of the situation, making the paragraph or its text if missing. */
function someParagraphText(doc: Y.Doc, rnd: () => number): Y.XmlText {
  const fragment = richTextField(doc, 'currentSituation');
  if (fragment.length === 0) insertParagraphs(fragment, '');
  const paragraph = fragment.get(Math.floor(rnd() * fragment.length)) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

it('four clients editing at random, dropping off and coming back, end identical to the stored document', async () => {
  const users = ['eva.lind', 'eva.lind', 'jonas.ek', 'jonas.ek'];
  const editors: { c: CollabClient; p: SocketYjsProvider }[] = [];
  for (const user of users) {
    const c = await CollabClient.connect(app.t.baseUrl, await signedIn(app.t.baseUrl, user));
    clients.push(c);
    editors.push({ c, p: await c.open(planId, 'shared') });
  }
  const rnd = random(7);
  const offline: string[] = [];
  const words = ['boende', 'stöd', 'skola', 'medicin', 'arbete', 'familj', 'ekonomi'];
  await Promise.all(
    editors.map(async ({ c, p }, who) => {
      for (let step = 0; step < 60; step++) {
        const doc = p.doc;
        const text = someParagraphText(doc, rnd);
        const r = rnd();
        if (r < 0.05) insertParagraphs(richTextField(doc, 'currentSituation'), words[step % words.length]!);
        else if (r < 0.4) text.insert(Math.floor(rnd() * (text.length + 1)), `${words[Math.floor(rnd() * words.length)]} `);
        else if (r < 0.45 && text.length > 2) {
          // Bold or italic on a stretch of text, as the editor's toolbar writes it.
          const at = Math.floor(rnd() * (text.length - 1));
          text.format(at, 1 + Math.floor(rnd() * (text.length - at - 1)), rnd() < 0.5 ? { bold: {} } : { italic: {} });
        }
        else if (r < 0.6 && text.length > 3) {
          const at = Math.floor(rnd() * (text.length - 2));
          text.delete(at, 1 + Math.floor(rnd() * 2));
        } else if (r < 0.8) arrayField(doc, 'needs').push([yMapFrom({ id: `n${who}-${step}`, text: words[step % words.length] })]);
        else if (r < 0.9 && arrayField(doc, 'needs').length) arrayField(doc, 'needs').delete(0, 1);
        else if (c.socket.connected) {
          // Offline for a while; edits made now go out in the sync step 2 on reconnect.
          c.socket.disconnect();
          arrayField(p.doc, 'questions').push([yMapFrom({ id: `offline-${who}-${step}`, text: 'skriven offline' })]);
          offline.push(`offline-${who}-${step}`);
          await new Promise((r) => setTimeout(r, 20 + rnd() * 60));
          c.socket.connect();
        }
        await new Promise((r) => setTimeout(r, rnd() * 15));
      }
      if (!c.socket.connected) c.socket.connect();
    }),
  );

  const json = () => editors.map(({ p }) => JSON.stringify(contentToJSON(p.doc, 'shared')));
  await waitFor(
    () => editors.every(({ c, p }) => c.socket.connected && p.unsavedCount === 0) && new Set(json()).size === 1,
    () => `all clients saved and identical: ${JSON.stringify(editors.map(({ c, p }) => ({ connected: c.socket.connected, status: p.status, unsaved: p.unsavedCount, errors: c.errors.map((e) => e.code), length: json()[editors.indexOf(editors.find((x) => x.p === p)!)]!.length })))}`,
    15_000,
  );
  const db = await sqlClient(app.t.databaseUrl);
  const { rows } = await db.query('SELECT data FROM doc_update WHERE doc_name = $1 ORDER BY id', [documentName(planId, 'shared')]);
  await db.end();
  const stored = new Y.Doc();
  for (const r of rows) Y.applyUpdate(stored, r.data);
  expect(JSON.stringify(contentToJSON(stored, 'shared'))).toBe(json()[0]);
  // Every edit made offline arrived.
  expect(offline.length).toBeGreaterThan(0);
  const questions = (contentToJSON(stored, 'shared').questions as { id: string }[]).map((q) => q.id);
  expect(questions.sort()).toEqual([...offline].sort());
  // The only refusal allowed is the rare `not_joined` race around a reconnect, which the
  // provider heals by rejoining (the assertions above show nothing was lost).
  expect(editors.flatMap(({ c }) => c.errors).filter((e) => e.code !== 'not_joined')).toEqual([]);
});
