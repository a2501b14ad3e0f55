import * as Y from 'yjs';
import { afterAll, expect, it } from 'vitest';
import { documentName } from '@sip/shared';
import { arrayField, contentToJSON, yMapFrom } from '@sip/shared/yjs';
import { signedIn } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { createTestDatabase, sqlClient } from '../support/database';
import { plan } from '../support/plan-builder';
import { killHard, startServerProcess } from '../support/server-process';
import { freePort } from '../support/free-port';

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});


it('a server killed during a burst of edits has stored every acknowledged update; the client resyncs the rest', async () => {
  const databaseUrl = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let server = await startServerProcess(databaseUrl, port);
  cleanup.push(() => server.exitCode === null && killHard(server));

  const { id: planId, starter: eva } = await plan(baseUrl).for('anders').by('eva.lind').withConsent(['kommun'], { informationKinds: ['social_services'] }).build();

  const client = await CollabClient.connect(baseUrl, eva);
  cleanup.push(() => client.close());
  const provider = await client.open(planId, 'shared');
  const idByRef = new Map<number, string>();
  const acknowledged: string[] = [];
  client.socket.on('saved', (saved: { ref?: number; seq: number | null }) => {
    const id = saved.ref !== undefined ? idByRef.get(saved.ref) : undefined;
    if (id && saved.seq !== null) acknowledged.push(id);
  });

  const total = 150; // within the schema's 200-item cap for a list
  const killAfter = 50; // edits sent before the kill; the rest go to a dead server
  for (let i = 0; i < total; i++) {
    arrayField(provider.doc, 'needs').push([yMapFrom({ id: `n${i}`, text: `behov ${i}` })]);
    idByRef.set(provider.lastRef, `n${i}`);
    if (i === killAfter) {
      await waitFor(() => acknowledged.length > 0, 'a first acknowledgement');
      await killHard(server); // no warning, no shutdown hooks, in the middle of the burst
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  // Everything the server acknowledged before it died is in PostgreSQL.
  const storedIds = async () => {
    const db = await sqlClient(databaseUrl);
    const { rows } = await db.query('SELECT data FROM doc_update WHERE doc_name = $1 ORDER BY id', [documentName(planId, 'shared')]);
    await db.end();
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, r.data);
    return ((contentToJSON(doc, 'shared').needs ?? []) as { id: string }[]).map((n) => n.id);
  };
  const afterCrash = new Set(await storedIds());
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(acknowledged.filter((id) => !afterCrash.has(id))).toEqual([]);
  expect(afterCrash.size).toBeLessThan(total); // edits after the kill cannot have been stored

  // A new server on the same database: the client reconnects and sends what was not stored.
  server = await startServerProcess(databaseUrl, port);
  await waitFor(() => client.socket.connected && provider.unsavedCount === 0 && provider.status === 'saved', () => `resync after restart: ${JSON.stringify({ connected: client.socket.connected, status: provider.status, unsaved: provider.unsavedCount, errors: client.errors })}`, 15_000);
  const final = await storedIds();
  expect(new Set(final).size).toBe(total);
  expect(final.length).toBe(total); // each edit stored once
});
