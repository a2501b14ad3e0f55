import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { type CollabError, documentName, type SectionName } from '@sip/shared';
import { SocketYjsProvider } from '../../client/src/collab/socket-yjs-provider';
import { insertParagraphs, richTextField } from '@sip/shared/yjs';
import type { ApiSession } from './api-session';

/** A real co-editing client: socket.io-client + Yjs, signed in with a session's cookie. */
export class CollabClient {
  readonly errors: CollabError[] = [];
  readonly providers = new Map<string, SocketYjsProvider>();

  private constructor(readonly socket: Socket) {
    socket.on('error', (e: CollabError) => this.errors.push(e));
  }

  static async connect(baseUrl: string, session: ApiSession | null): Promise<CollabClient> {
    const cookie = session ? [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '';
    const socket = io(`${baseUrl}/collab`, {
      transports: ['websocket'],
      extraHeaders: cookie ? { cookie } : {},
      // Like a browser: a failed reconnect is retried. The first connect must succeed.
      reconnectionDelay: 20,
      reconnectionDelayMax: 200,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      const failed = (e: Error) => {
        socket.disconnect();
        reject(e);
      };
      socket.once('connect', () => {
        socket.off('connect_error', failed); // later failures are retried
        resolve();
      });
      socket.once('connect_error', failed);
    });
    return new CollabClient(socket);
  }

  /** Opens a section; resolves when the first sync round is done (or refused). */
  async open(planId: string, section: SectionName, doc = new Y.Doc()): Promise<SocketYjsProvider> {
    const name = documentName(planId, section);
    const provider = new SocketYjsProvider(this.socket, name, doc);
    this.providers.set(name, provider);
    await waitFor(() => provider.status !== 'connecting', `open ${name}`);
    await waitFor(() => provider.status !== 'saving', `first sync of ${name}`);
    return provider;
  }

  close() {
    for (const p of this.providers.values()) p.destroy();
    this.socket.disconnect();
  }
}

/** Polls until the condition holds; `what` may be a function that describes the state at timeout. */
export async function waitFor(condition: () => boolean, what: string | (() => string), timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Writes paragraphs into a rich-text field of a section as a co-editing client does, and waits until it is stored. */
export async function writeRichText(baseUrl: string, session: ApiSession, planId: string, section: SectionName, field: string, text: string): Promise<void> {
  const client = await CollabClient.connect(baseUrl, session);
  try {
    const provider = await client.open(planId, section);
    insertParagraphs(richTextField(provider.doc, field), text);
    await waitFor(() => provider.status === 'saved', () => `${field} in ${section} stored (status ${provider.status})`);
  } finally {
    client.close();
  }
}
