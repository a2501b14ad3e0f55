import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { type SectionName, sectionFields } from '@sip/shared';
import type { CollabClient } from './collab-client';

/** A small, fast, seedable PRNG (mulberry32): the same seed replays the same campaign. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Everything that makes two copies of a document the same: which updates they hold (state
 * vector), which content they deleted (delete set, normalised), and what they show — rich
 * text with its formatting, lists with every field.
 */
export function describeCopy(doc: Y.Doc, section: SectionName): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  const deletes = [...ds.clients.entries()]
    .sort(([a], [b]) => a - b)
    .map(([client, items]) => [client, mergeRanges(items.map((i) => [i.clock, i.clock + i.len] as [number, number]))]);
  const content: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(sectionFields(section))) {
    if (!doc.share.has(field)) continue;
    content[field] = kind === 'rich' ? doc.getXmlFragment(field).toString() : doc.getArray(field).toJSON();
  }
  return JSON.stringify({ sv, deletes, content });
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

/**
 * Records every update a client sent that the server acknowledged as stored (`saved` with a
 * sequence), per document: what the server must never forget. Install once per client.
 */
export function recordAcknowledged(client: CollabClient): (docName: string) => Uint8Array[] {
  const sent = new Map<string, Uint8Array>();
  const acknowledged = new Map<string, Uint8Array[]>();
  const emit = client.socket.emit.bind(client.socket);
  (client.socket as { emit: (...a: unknown[]) => unknown }).emit = (event: unknown, ...args: unknown[]) => {
    const payload = args[0] as { doc?: string; ref?: number; data?: Uint8Array } | undefined;
    if (event === 'sync' && payload?.doc && payload.ref !== undefined && payload.data) {
      const decoder = decoding.createDecoder(payload.data);
      const type = decoding.readVarUint(decoder);
      if (type === 1 || type === 2) sent.set(`${payload.doc}#${payload.ref}`, decoding.readVarUint8Array(decoder));
    }
    return emit(event as string, ...(args as []));
  };
  client.socket.on('saved', (saved: { doc: string; ref?: number; seq: number | null }) => {
    if (saved.ref === undefined) return;
    const key = `${saved.doc}#${saved.ref}`;
    const update = sent.get(key);
    sent.delete(key);
    if (!update || saved.seq === null) return;
    let list = acknowledged.get(saved.doc);
    if (!list) acknowledged.set(saved.doc, (list = []));
    list.push(update);
  });
  return (docName) => acknowledged.get(docName) ?? [];
}

/** Whether the document holds every change of the update (inserted content and deletions). */
export const holds = (doc: Y.Doc, update: Uint8Array) => Y.snapshotContainsUpdate(Y.snapshot(doc), update);
