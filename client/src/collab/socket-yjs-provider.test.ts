import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { arrayField, contentToJSON, insertParagraphs, richTextField, yMapFrom } from '@sip/shared/yjs';
import { type CollabSocketLike, SocketYjsProvider } from './socket-yjs-provider';

const DOC = 'plan:7c9e6679-7425-40de-944b-e07fc1f90ae7:shared';

/**
 * A socket whose server side the test plays by hand, over a real Y.Doc as the server's
 * copy: it answers joins and sync steps, and acknowledges or refuses updates when told to.
 */
class FakeServer implements CollabSocketLike {
  connected = true;
  readonly doc = new Y.Doc();
  private readonly handlers = new Map<string, Set<(...args: any[]) => void>>();
  readonly inbox: { event: string; args: any[] }[] = [];

  on(event: string, listener: (...args: any[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(listener);
  }
  off(event: string, listener: (...args: any[]) => void) {
    this.handlers.get(event)?.delete(listener);
  }
  emit(event: string, ...args: any[]) {
    this.inbox.push({ event, args });
  }
  fire(event: string, ...args: any[]) {
    for (const h of [...(this.handlers.get(event) ?? [])]) h(...args);
  }
  take(event: string) {
    const at = this.inbox.findIndex((m) => m.event === event);
    if (at < 0) throw new Error(`no ${event} sent (sent: ${this.inbox.map((m) => m.event).join(', ')})`);
    return this.inbox.splice(at, 1)[0]!.args;
  }
  /** The join handshake as the server runs it: its step 1, then the answer to the join. */
  acceptJoin() {
    const [, ack] = this.take('join');
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.fire('sync', { doc: DOC, data: encoding.toUint8Array(encoder) });
    ack({ ok: true, doc: DOC, read: true, write: true });
  }
  /** Answers the client's step 1 with the server's step 2. */
  answerStep1() {
    const [{ data }] = this.takeSync(syncProtocol.messageYjsSyncStep1);
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
    this.fire('sync', { doc: DOC, data: encoding.toUint8Array(encoder) });
  }
  /** The next step 2 or update from the client: applied and acknowledged, or refused. */
  receive(outcome: 'saved' | { refuse: 'schema_violation' | 'storage_failed' }) {
    const at = this.inbox.findIndex((m) => m.event === 'sync' && messageType(m.args[0].data) !== syncProtocol.messageYjsSyncStep1);
    const [{ data, ref }] = this.inbox.splice(at, 1)[0]!.args;
    if (outcome === 'saved') {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder));
      this.fire('saved', { doc: DOC, ref, seq: 1 });
    } else this.fire('error', { code: outcome.refuse, doc: DOC, ref, reason: 'refused' });
    return ref as number;
  }
  private takeSync(type: number) {
    const at = this.inbox.findIndex((m) => m.event === 'sync' && messageType(m.args[0].data) === type);
    if (at < 0) throw new Error(`no sync of type ${type}`);
    return this.inbox.splice(at, 1)[0]!.args;
  }
  get unsent() {
    return this.inbox.filter((m) => m.event === 'sync' && messageType(m.args[0].data) !== syncProtocol.messageYjsSyncStep1).length;
  }
}

const messageType = (data: Uint8Array) => decoding.readVarUint(decoding.createDecoder(data));

function connected() {
  const server = new FakeServer();
  const provider = new SocketYjsProvider(server, DOC);
  server.acceptJoin();
  server.answerStep1();
  server.receive('saved'); // the client's step 2
  expect(provider.status).toBe('saved');
  return { server, provider };
}

describe('the save status says "saved" only when the server has stored every edit', () => {
  it('offline edits: offline, then saving after the reconnect until the step 2 carrying them is acknowledged', () => {
    const { server, provider } = connected();
    server.connected = false;
    server.fire('disconnect', 'transport close');
    insertParagraphs(richTextField(provider.doc, 'currentSituation'), 'Skrivet offline');
    expect(provider.status).toBe('offline');
    server.connected = true;
    server.fire('connect');
    expect(provider.status).toBe('connecting');
    server.acceptJoin();
    expect(provider.status).toBe('saving');
    server.answerStep1();
    expect(provider.status).toBe('saving');
    server.receive('saved');
    expect(provider.status).toBe('saved');
    expect(contentToJSON(server.doc, 'shared').currentSituation).toBe('Skrivet offline');
  });

  it('a burst of not_joined answers sends one join, and edits held until it is answered count as unsaved', () => {
    const { server, provider } = connected();
    const text = richTextField(provider.doc, 'currentSituation');
    for (const word of ['ett', 'två', 'tre']) insertParagraphs(text, word);
    const refs = server.inbox.filter((m) => m.event === 'sync').map((m) => m.args[0].ref as number);
    expect(refs).toHaveLength(3);
    // The server had dropped us from the room: every edit in flight is answered not_joined.
    for (const ref of refs) server.fire('error', { code: 'not_joined', doc: DOC, ref, reason: 'Join the section first' });
    // One join on its way, not one per answer (each spends the connection's join allowance).
    expect(server.inbox.filter((m) => m.event === 'join')).toHaveLength(1);
    insertParagraphs(text, 'fyra');
    // Held until the join is answered: not saved, and counted as such.
    expect(provider.unsavedCount).toBeGreaterThan(0);
    expect(provider.status).not.toBe('saved');
    server.inbox.splice(0, server.inbox.length, ...server.inbox.filter((m) => m.event === 'join'));
    server.acceptJoin();
    server.answerStep1();
    server.receive('saved'); // step 2: every edit the server lacks, the held one included
    expect(provider.unsavedCount).toBe(0);
    expect(provider.status).toBe('saved');
    expect(contentToJSON(server.doc, 'shared').currentSituation).toContain('fyra');
  });

  it('an edit made after the step 2 went out and before the join was answered is sent then, and only its acknowledgement says saved', () => {
    const server = new FakeServer();
    const provider = new SocketYjsProvider(server, DOC);
    const [, ack] = server.take('join');
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, server.doc);
    server.fire('sync', { doc: DOC, data: encoding.toUint8Array(encoder) }); // the client answers with its step 2
    insertParagraphs(richTextField(provider.doc, 'currentSituation'), 'Mellan steg 2 och svaret');
    ack({ ok: true, doc: DOC, read: true, write: true });
    server.answerStep1();
    server.receive('saved'); // step 2
    expect(provider.status).toBe('saving');
    server.receive('saved'); // the held edit
    expect(provider.status).toBe('saved');
    expect(contentToJSON(server.doc, 'shared').currentSituation).toBe('Mellan steg 2 och svaret');
  });

  it('a refused edit: the section is reset, the text kept aside with the reason, and the status says not saved until the next edit', () => {
    const { server, provider } = connected();
    arrayField(provider.doc, 'needs').push([yMapFrom({ id: 'n1', text: 'x'.repeat(2500) })]);
    const refused = server.receive({ refuse: 'schema_violation' });
    expect(provider.status).toBe('refused');
    // A late answer to an older message of the reset copy changes nothing.
    server.fire('error', { code: 'schema_violation', doc: DOC, ref: refused, reason: 'again' });
    server.acceptJoin();
    server.answerStep1();
    server.receive('saved');
    expect(provider.status).toBe('refused');
    expect(provider.refusals).toHaveLength(1);
    expect(provider.refusals[0]).toMatchObject({ reason: { kind: 'tooLong', max: 2000 }, lost: [{ field: 'needs', index: 0, property: 'text', text: 'x'.repeat(2500) }] });
    expect(arrayField(provider.doc, 'needs').length).toBe(0);

    insertParagraphs(richTextField(provider.doc, 'currentSituation'), 'Nästa');
    expect(provider.status).toBe('saving');
    server.receive('saved');
    expect(provider.status).toBe('saved');
    expect(provider.refusals).toHaveLength(1); // the message stays until dismissed
    provider.dismissRefusal(provider.refusals[0]!.id);
    expect(provider.refusals).toEqual([]);
  });

  it('dismissing the message ends the "not saved" status', () => {
    const { server, provider } = connected();
    insertParagraphs(richTextField(provider.doc, 'currentSituation'), 'y'.repeat(30));
    server.receive({ refuse: 'schema_violation' });
    server.acceptJoin();
    server.answerStep1();
    server.receive('saved');
    expect(provider.status).toBe('refused');
    provider.dismissRefusal(provider.refusals[0]!.id);
    expect(provider.status).toBe('saved');
  });

  it('storage failed: not saved, and sent again after joining anew', async () => {
    const { server, provider } = connected();
    insertParagraphs(richTextField(provider.doc, 'currentSituation'), 'Viktigt');
    server.receive({ refuse: 'storage_failed' });
    expect(provider.status).toBe('refused');
    await new Promise((r) => setTimeout(r, 1100));
    server.acceptJoin();
    server.answerStep1();
    server.receive('saved'); // the step 2 carries the edit again
    expect(provider.status).toBe('saved');
    expect(contentToJSON(server.doc, 'shared').currentSituation).toBe('Viktigt');
    expect(server.unsent).toBe(0);
  });
});
