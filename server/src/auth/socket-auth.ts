import { parse as parseCookies } from 'cookie';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '@sip/shared';
import type { SessionsService } from './sessions.service';

/**
 * The socket.io handshake check of every namespace: a valid session cookie, and — when the
 * browser sends one — an Origin of this site (no cross-site WebSocket hijacking). Sets
 * `socket.data` to the actor and the session token.
 */
export function socketAuthentication(sessions: SessionsService) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const origin = socket.handshake.headers.origin;
      const host = socket.handshake.headers.host;
      if (origin && host && new URL(origin).host !== host) return next(new Error('forbidden_origin'));
      const token = parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      if (!token) return next(new Error('unauthenticated'));
      const session = await sessions.resolve(token);
      if (session.state !== 'active') return next(new Error('unauthenticated'));
      socket.data = { actor: session.actor, sessionToken: token };
      next();
    } catch {
      next(new Error('unauthenticated'));
    }
  };
}
