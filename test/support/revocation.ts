import { expect } from 'vitest';
import type { CollabError, PlanAccessChangeReason } from '@sip/shared';
import { insertParagraphs, richTextField } from '@sip/shared/yjs';
import type { SocketYjsProvider } from '../../client/src/collab/socket-yjs-provider';
import { type CollabClient, waitFor } from './collab-client';

/**
 * Resolves once every message the server sent this socket before now has arrived: socket.io
 * keeps one socket's messages in order, so the answer to a request sent now comes after
 * them. With it a test can show that something was *not* received, without sleeping.
 */
export async function drained(client: CollabClient): Promise<void> {
  if (!client.socket.connected) return;
  await new Promise<void>((resolve) => client.socket.emit('leave', { doc: 'plan:drain' }, () => resolve()));
}

/** Waits until the socket was told it lost the section, and why. */
export async function toldRevoked(client: CollabClient, doc: string, cause: PlanAccessChangeReason): Promise<CollabError> {
  await waitFor(
    () => client.errors.some((e) => e.code === 'access_revoked' && e.doc === doc),
    () => `access_revoked for ${doc} (errors so far: ${JSON.stringify(client.errors)})`,
    10_000,
  );
  const error = client.errors.find((e) => e.code === 'access_revoked' && e.doc === doc)!;
  expect(error.cause, JSON.stringify(client.errors)).toBe(cause);
  return error;
}

/**
 * Someone who kept access writes a marker into the shared part; it is stored; the one who
 * lost access received none of it (checked after every earlier message has arrived), and a
 * sync step 1 from them is answered with a refusal, not with the section.
 */
export async function receivesNothingAfterwards(loser: { client: CollabClient; provider: SocketYjsProvider }, keeper: SocketYjsProvider, marker: string) {
  const received: unknown[] = [];
  const onSync = (m: { doc: string }) => m.doc === loser.provider.docName && received.push(m);
  loser.client.socket.on('sync', onSync);
  insertParagraphs(richTextField(keeper.doc, keeper.docName.endsWith(':shared') ? 'currentSituation' : 'importantToMe'), marker, 'start');
  await waitFor(() => keeper.status === 'saved', 'the keeper’s edit saved');
  await drained(loser.client);
  expect(received, 'nothing of the section reached the socket that lost access').toEqual([]);
  expect(JSON.stringify(loser.provider.doc.toJSON())).not.toContain(marker);
  if (loser.client.socket.connected) {
    const reply = await new Promise<{ ok?: boolean; code?: string }>((resolve) =>
      loser.client.socket.emit('sync', { doc: loser.provider.docName, data: new Uint8Array([0, 1, 0]) }, resolve),
    );
    expect(reply.ok, 'a sync step 1 after revocation is refused').toBe(false);
    expect(['not_joined', 'access_revoked']).toContain(reply.code);
  }
  loser.client.socket.off('sync', onSync);
}
