import { TokenBucket } from '../common/token-bucket';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import type { ZodType } from 'zod';
import {
  COLLAB_CLIENT_EVENTS,
  type CollabError,
  type CollabSaved,
  collabAwarenessSchema,
  collabJoinSchema,
  collabLeaveSchema,
  collabSyncSchema,
} from '@sip/shared';
import { SessionsService } from '../auth/sessions.service';
import { socketAuthentication } from '../auth/socket-auth';
import { CollabRefusal, type CollabSocket } from './collab-socket';
import { CollaborationService } from './collaboration.service';
import { stageReached, stageStart } from '../event-loop-report';

/** Above this, engine.io drops the connection itself; below it, our own caps answer. */
export const MAX_SOCKET_MESSAGE_BYTES = 1_000_000;

/**
 * socket.io namespace /collab. The handshake needs a valid session cookie from this site;
 * every event is parsed by its shared schema and handled inside a guard, so no input can
 * take the server down: bad input gets an `error` event and changes nothing.
 */
@WebSocketGateway({ namespace: '/collab', maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('CollabGateway');

  constructor(
    private readonly collaboration: CollaborationService,
    private readonly sessions: SessionsService,
  ) {}

  afterInit(namespace: Namespace) {
    this.collaboration.attach(namespace);
    namespace.use(socketAuthentication(this.sessions));
  }

  handleConnection(socket: CollabSocket) {
    // Opening a section reads the policy and writes an audit row: a connection may do it in
    // bursts (a page opens every section; a reconnect reopens them) but not without end.
    const joins = new TokenBucket(JOIN_BURST, JOIN_REFILL_PER_SECOND);
    const on = <T>(event: keyof typeof COLLAB_CLIENT_EVENTS, schema: ZodType<T>, handle: (payload: T) => Promise<unknown>) => {
      socket.on(event, (async (raw: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (v: unknown) => void) : undefined;
        if (event === 'join' && !joins.take()) {
          this.refuse(socket, { code: 'rate_limited', reason: 'Too many sections opened at once; try again in a moment' }, reply);
          return;
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          this.refuse(socket, { code: 'invalid_message', reason: `${event}: ${parsed.error.issues[0]?.message ?? 'invalid'}` }, reply);
          return;
        }
        try {
          const result = await handle(parsed.data);
          reply?.(result ?? { ok: true });
        } catch (error) {
          const payload = parsed.data as { doc?: string; ref?: number };
          if (error instanceof CollabRefusal) {
            this.refuse(socket, { code: error.code, doc: payload.doc, ref: payload.ref, reason: error.message }, reply);
          } else {
            this.logger.error({ err: { message: (error as Error).message, stack: (error as Error).stack } }, `Failed handling ${event}`);
            this.refuse(socket, { code: 'server_error', doc: payload.doc, ref: payload.ref, reason: 'Something went wrong on the server' }, reply);
          }
        }
      }));
    };

    on('join', collabJoinSchema, ({ doc }) => this.collaboration.join(socket, doc));
    on('leave', collabLeaveSchema, async ({ doc }) => this.collaboration.leave(socket, doc));
    on('awareness', collabAwarenessSchema, async ({ doc, data }) => this.collaboration.relayAwareness(socket, doc, data));
    on('sync', collabSyncSchema, async ({ doc, data, ref }) => {
      stageStart(socket.id);
      const seq = await this.collaboration.receiveSync(socket, doc, new Uint8Array(data));
      // Every numbered message is answered, even one with nothing to store (seq null).
      const saved: CollabSaved = { doc, ref, seq };
      if (ref !== undefined) socket.emit('saved', saved);
      if (seq !== null) stageReached(socket.id, 'saved');
      return saved;
    });
    socket.onAny((event: string) => {
      if (!(event in COLLAB_CLIENT_EVENTS)) this.refuse(socket, { code: 'unknown_event', reason: `Unknown event ${String(event).slice(0, 50)}` });
    });
  }

  private refuse(socket: CollabSocket, error: CollabError, reply?: (v: unknown) => void) {
    socket.emit('error', error);
    reply?.({ ok: false, ...error });
  }
}

export const JOIN_BURST = 40;
export const JOIN_REFILL_PER_SECOND = 1;
