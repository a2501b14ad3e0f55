import type { CookieOptions, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from '@sip/shared';
import type { AppConfig } from '../config/config';

export function setSessionCookie(res: Response, config: AppConfig, token: string, expiresAt: Date) {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

/** Readable by the page's script (that is the point of a double-submit token). */
export function setCsrfCookie(res: Response, config: AppConfig, token: string) {
  const options: CookieOptions = { httpOnly: false, sameSite: 'strict', secure: config.secureCookies, path: '/' };
  res.cookie(CSRF_COOKIE, token, options);
}

export function clearSessionCookie(res: Response, config: AppConfig) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}
