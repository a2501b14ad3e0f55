import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor';

export interface SessionContext {
  actor: Actor | null;
  sessionIdHash: Buffer | null;
  csrfToken: string | null;
  /** Set when a cookie named a session that has expired or does not exist. */
  expired: boolean;
}

export type RequestWithSession = Request & { sip?: SessionContext };

/** The signed-in actor; routes that use it must not be public. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithSession>();
  return request.sip!.actor!;
});

export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): SessionContext => ctx.switchToHttp().getRequest<RequestWithSession>().sip!,
);
