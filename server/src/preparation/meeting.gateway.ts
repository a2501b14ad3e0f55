import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import type { ZodType } from 'zod';
import { MEETING_CLIENT_EVENTS, type MeetingSocketError, meetingJoinSchema } from '@sip/shared';
import { SessionsService } from '../auth/sessions.service';
import { socketAuthentication } from '../auth/socket-auth';
import { MAX_SOCKET_MESSAGE_BYTES } from '../collaboration/collab.gateway';
import { canonicalInput } from '../common/canonical-input';
import { TokenBucket } from '../common/token-bucket';
import { JOIN_BURST, JOIN_REFILL_PER_SECOND } from '../collaboration/collab.gateway';
import { MeetingRoom, type MeetingSocket } from './meeting-room';

/**
 * socket.io namespace /meeting: followers of a live meeting receive its state (`state`) and
 * news that its agenda changed (`agenda`). They send nothing but `join` and `leave`; the
 * chair's commands are REST requests, audited in their transactions. Apart from /collab on
 * purpose: following the meeting needs the meetings section, not a co-edited section.
 */
// Same options as /collab: the namespaces share one socket.io server, whose options come
// from whichever gateway starts first.
@WebSocketGateway({ namespace: '/meeting', maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false })
export class MeetingGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('MeetingGateway');

  constructor(
    private readonly sessions: SessionsService,
    private readonly room: MeetingRoom,
  ) {}

  afterInit(namespace: Namespace) {
    namespace.use(socketAuthentication(this.sessions));
    this.room.attach(namespace);
  }

  handleConnection(socket: MeetingSocket) {
    // Following a meeting reads the policy and writes an audit row: in bursts, not without end.
    const joins = new TokenBucket(JOIN_BURST, JOIN_REFILL_PER_SECOND);
    const on = <T>(event: keyof typeof MEETING_CLIENT_EVENTS, schema: ZodType<T>, handle: (payload: T) => Promise<unknown>) => {
      socket.on(event, (async (raw: unknown, ack?: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (v: unknown) => void) : () => undefined;
        if (event === 'join' && !joins.take()) return this.refuse(socket, { code: 'rate_limited', reason: 'Too many joins at once; try again in a moment' }, reply);
        const canonical = canonicalInput(raw, event);
        const parsed = schema.safeParse('value' in canonical ? canonical.value : raw);
        if (!parsed.success) return this.refuse(socket, { code: 'invalid_message', reason: `${event}: ${parsed.error.issues[0]?.message ?? 'invalid'}` }, reply);
        try {
          const result = await handle(parsed.data);
          if (result && typeof result === 'object' && 'code' in result) return this.refuse(socket, result as MeetingSocketError, reply);
          reply({ ok: true, state: result ?? null });
        } catch (error) {
          this.logger.error({ err: { message: (error as Error).message } }, `Failed handling ${event}`);
          this.refuse(socket, { code: 'server_error', reason: 'Something went wrong on the server' }, reply);
        }
      }));
    };
    on('join', meetingJoinSchema, ({ planId, meetingId }) => this.room.join(socket, planId, meetingId));
    on('leave', meetingJoinSchema, async ({ meetingId }) => this.room.leave(socket, meetingId));
    socket.onAny((event: string) => {
      if (!(event in MEETING_CLIENT_EVENTS)) this.refuse(socket, { code: 'unknown_event', reason: `Unknown event ${String(event).slice(0, 50)}` }, () => undefined);
    });
  }

  private refuse(socket: MeetingSocket, error: MeetingSocketError, reply: (v: unknown) => void) {
    socket.emit('error', error);
    reply({ ok: false, ...error });
  }
}
