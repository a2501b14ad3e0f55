import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { CollabError } from '@sip/shared';
import { SessionsService, hashToken } from '../auth/sessions.service';
import type { CollabSocket } from './collab-socket';
import { FanOut } from './fan-out';

/** How often open sockets' sessions are checked. */
const SESSION_CHECK_MS = 15_000;
/** An edit refreshes the session (idle timer, units and roles) at most this often. */
const TOUCH_EVERY_MS = 60_000;

/**
 * A socket follows its session after the handshake: signing out (or an account's sessions
 * being ended) closes that session's sockets at once on every instance; an expiry found by
 * a periodic check (which does not count as activity) closes them too. Editing is activity:
 * it slides the idle timer and refreshes the socket's view of the account.
 */
@Injectable()
export class SessionFollower implements OnModuleDestroy {
  private readonly logger = new Logger('SessionFollower');
  private timer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  /** socket id → when its session was last refreshed by an edit. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly fanOut: FanOut,
  ) {}

  attach(onTick: () => void) {
    this.stopListening = this.sessions.onEnded((ended) => {
      const message = 'idHash' in ended ? { idHash: ended.idHash.toString('hex') } : { accountId: ended.accountId };
      this.endSessions(message);
      this.fanOut.toOtherInstances('session-ended', message);
    });
    this.fanOut.onInstance('session-ended', (message: { idHash?: unknown; accountId?: unknown }) => this.endSessions(message ?? {}));
    this.timer = setInterval(() => {
      onTick();
      void this.checkSessions().catch((e) => this.logger.warn({ err: { message: (e as Error).message } }, 'Session check failed'));
    }, SESSION_CHECK_MS);
    this.timer.unref();
  }

  /** Disconnects this instance's sockets of the ended session(s), telling them why. */
  private endSessions(ended: { idHash?: unknown; accountId?: unknown }) {
    for (const socket of this.fanOut.allLocalSockets()) {
      const { sessionToken, actor } = socket.data;
      const matches =
        (typeof ended.idHash === 'string' && hashToken(sessionToken).toString('hex') === ended.idHash) ||
        (typeof ended.accountId === 'string' && actor.accountId === ended.accountId);
      if (matches) this.endSocket(socket);
    }
  }

  endSocket(socket: CollabSocket) {
    const error: CollabError = { code: 'session_expired', reason: 'Your session has ended; sign in again' };
    socket.emit('error', error);
    socket.disconnect(true);
  }

  /** Sockets whose session expired (idle or absolute limit) since they connected are closed. */
  async checkSessions() {
    const sockets = this.fanOut.allLocalSockets();
    if (!sockets.length) return;
    const active = await this.sessions.stillActive([...new Set(sockets.map((s) => s.data.sessionToken))]);
    for (const socket of sockets) if (!active.has(socket.data.sessionToken)) this.endSocket(socket);
  }

  /** Reads the session again now: its state, and the account's current units and roles. */
  async refresh(socket: CollabSocket): Promise<boolean> {
    const session = await this.sessions.resolve(socket.data.sessionToken);
    if (session.state !== 'active') {
      this.endSocket(socket);
      return false;
    }
    socket.data.actor = session.actor;
    return true;
  }

  /** An accepted edit: slide the idle timer and refresh the account view, at most once a minute. */
  touch(socket: CollabSocket) {
    // The handshake read the session (and counted as activity): the first touch is due a
    // minute after it, so a room full of people starting to type does not all read at once.
    let last = this.touched.get(socket.id);
    if (last === undefined) {
      last = socket.handshake.issued;
      socket.once('disconnect', () => this.touched.delete(socket.id));
    }
    if (Date.now() - last < TOUCH_EVERY_MS) {
      this.touched.set(socket.id, last);
      return;
    }
    this.touched.set(socket.id, Date.now());
    void this.refresh(socket).catch((e) => this.logger.warn({ err: { message: (e as Error).message } }, 'Session touch failed'));
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
    this.stopListening?.();
  }
}
