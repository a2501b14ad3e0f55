import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { CSRF_COOKIE, type SessionInfo, sessionInfoSchema, signInRequestSchema } from '@sip/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuthService } from './auth.service';
import { CurrentActor, CurrentSession, type SessionContext } from './current-actor.decorator';
import type { Actor } from './actor';
import { Public, SignedIn } from '../common/route-access.decorator';
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from './session-cookies';
import { newToken } from './sessions.service';

class SignInDto extends createZodDto(signInRequestSchema) {}
class SessionInfoDto extends createZodDto(sessionInfoSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('session')
  @Public()
  @ApiOperation({ summary: 'The signed-in user (or null) and the CSRF token to send back' })
  async session(
    @CurrentSession() session: SessionContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfoDto> {
    if (session.actor) {
      setCsrfCookie(res, this.config, session.csrfToken!);
      return { csrfToken: session.csrfToken!, user: await this.auth.currentUser(session.actor) };
    }
    const existing: string | undefined = req.cookies?.[CSRF_COOKIE];
    const csrfToken = existing && existing.length >= 32 && existing.length <= 128 ? existing : newToken();
    setCsrfCookie(res, this.config, csrfToken);
    return { csrfToken, user: null };
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password' })
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    const { token, csrfToken, expiresAt, actor } = await this.auth.signIn(
      body,
      req.ip ?? null,
      req.headers['user-agent'] ?? null,
    );
    setSessionCookie(res, this.config, token, expiresAt);
    setCsrfCookie(res, this.config, csrfToken);
    return { csrfToken, user: await this.auth.currentUser(actor) };
  }

  @Post('sign-out')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  async signOut(
    @CurrentActor() actor: Actor,
    @CurrentSession() session: SessionContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(actor, session.sessionIdHash!);
    clearSessionCookie(res, this.config);
  }
}
