import type { OnModuleDestroy } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { NotifyUnread } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { SessionsService, hashToken } from '../auth/sessions.service';
import { socketAuthentication } from '../auth/socket-auth';
import { MAX_SOCKET_MESSAGE_BYTES } from '../collaboration/collab.gateway';
import { NotificationsService, accountRoomOf } from './notifications.service';

const SESSION_CHECK_MS = 15_000;

/**
 * socket.io namespace /notify: each signed-in tab hears its own unread count. Apart from
 * /collab on purpose — losing a plan's sections must not silence notifications — and it
 * carries nothing but a number. Clients send nothing here (any event is ignored).
 */
// Same options as /collab: both namespaces share one socket.io server, and whichever gateway
// starts first sets the server's options (a smaller message limit here would cut /collab off).
@WebSocketGateway({ namespace: '/notify', maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false })
export class NotifyGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private namespace: Namespace | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor(
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
  ) {}

  afterInit(namespace: Namespace) {
    this.namespace = namespace;
    namespace.use(socketAuthentication(this.sessions));
    this.notifications.attach(namespace);
    // A tab whose session ended (sign-out here, or expiry, a password change or a disabled
    // account anywhere) hears nothing more: at once on this instance, within the check on others.
    this.stopFollowing = this.sessions.onEnded((ended) => {
      for (const socket of this.sockets()) {
        const token = (socket.data as { sessionToken: string }).sessionToken;
        const matches = 'idHash' in ended ? hashToken(token).equals(ended.idHash) : (socket.data as { actor: Actor }).actor.accountId === ended.accountId;
        if (matches) socket.disconnect(true);
      }
    });
    this.timer = setInterval(() => void this.checkSessions().catch(() => undefined), SESSION_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
    this.stopFollowing?.();
  }

  private sockets(): Socket[] {
    return this.namespace ? [...this.namespace.sockets.values()] : [];
  }

  private async checkSessions() {
    const sockets = this.sockets();
    if (!sockets.length) return;
    const tokens = sockets.map((s) => (s.data as { sessionToken: string }).sessionToken);
    const active = await this.sessions.stillActive([...new Set(tokens)]);
    sockets.forEach((socket, i) => !active.has(tokens[i]!) && socket.disconnect(true));
  }

  async handleConnection(socket: Socket) {
    const actor = (socket.data as { actor: Actor }).actor;
    await socket.join(accountRoomOf(actor.accountId));
    const unread: NotifyUnread = { unread: await this.notifications.unreadCount(actor.accountId) };
    socket.emit('unread', unread);
  }
}
