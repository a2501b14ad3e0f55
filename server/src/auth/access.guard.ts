import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@sip/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ProblemException } from '../common/problem.exception';
import type { RequestWithSession } from './current-actor.decorator';
import { ROUTE_ACCESS, type RouteAccess } from '../common/route-access.decorator';
import { clearSessionCookie } from './session-cookies';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Step one of access control, for every HTTP route: resolve the session, check the CSRF
 * token on state-changing requests, and check the route's declared audience. Step two —
 * may this actor touch this particular record — is the service's job.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const response = context.switchToHttp().getResponse<Response>();
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);

    request.sip = { actor: null, sessionIdHash: null, csrfToken: null, expired: false };
    const token: string | undefined = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const resolved = await this.sessions.resolve(token);
      if (resolved.state === 'active') {
        request.sip = { actor: resolved.actor, sessionIdHash: resolved.idHash, csrfToken: resolved.csrfToken, expired: false };
      } else {
        request.sip.expired = true;
        clearSessionCookie(response, this.config);
      }
    }

    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER] as string | undefined;
      // Signed in: the token bound to the session. Not yet: the double-submit cookie.
      const expected = request.sip.actor ? request.sip.csrfToken : request.cookies?.[CSRF_COOKIE];
      if (!sameToken(sent, expected)) throw new ProblemException(403, 'csrf_invalid');
    }

    if (!access) {
      this.logger.error({ route: request.route?.path }, 'Route has no access declaration; refused');
      throw new ProblemException(403, 'forbidden');
    }
    if (access.kind === 'public') return true;
    const actor = request.sip.actor;
    if (!actor) throw new ProblemException(401, request.sip.expired ? 'session_expired' : 'unauthenticated');
    if (access.kind === 'signed-in') return true;
    if (actor.kind !== 'staff') throw new ProblemException(403, 'forbidden');
    if (access.kind === 'staff') return true;
    if (access.roles.some((role) => actor.systemRoles.includes(role))) return true;
    throw new ProblemException(403, 'forbidden');
  }
}
