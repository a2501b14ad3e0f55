import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { NotifyUnread } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { SessionsService } from '../auth/sessions.service';
import { socketAuthentication } from '../auth/socket-auth';
import { MAX_SOCKET_MESSAGE_BYTES } from '../collaboration/collab.gateway';
import { NotificationsService, accountRoomOf } from './notifications.service';

/**
 * socket.io namespace /notify: each signed-in tab hears its own unread count. Apart from
 * /collab on purpose — losing a plan's sections must not silence notifications — and it
 * carries nothing but a number. Clients send nothing here (any event is ignored).
 */
// Same options as /collab: both namespaces share one socket.io server, and whichever gateway
// starts first sets the server's options (a smaller message limit here would cut /collab off).
@WebSocketGateway({ namespace: '/notify', maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false })
export class NotifyGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
  ) {}

  afterInit(namespace: Namespace) {
    namespace.use(socketAuthentication(this.sessions));
    this.notifications.attach(namespace);
  }

  async handleConnection(socket: Socket) {
    const actor = (socket.data as { actor: Actor }).actor;
    await socket.join(accountRoomOf(actor.accountId));
    const unread: NotifyUnread = { unread: await this.notifications.unreadCount(actor.accountId) };
    socket.emit('unread', unread);
  }
}
