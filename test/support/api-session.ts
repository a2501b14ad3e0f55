import { CSRF_HEADER, type Problem, type SessionInfo } from '@sip/shared';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import type { Method, RequestOf, ResponseOf } from './api-routes';

interface ResponseParts {
  status: number;
  headers: Headers;
  contentType: string;
}
/** A 2xx: the body is what the route answers (api-routes.ts). */
export interface Succeeded<T> extends ResponseParts {
  ok: true;
  body: T;
}
/** Anything else: a problem document (read it with `problem(res)`). */
export interface Refused extends ResponseParts {
  ok: false;
  body: Problem;
}
export type ApiResponse<T = unknown> = Succeeded<T> | Refused;

type Answer<M extends string, P extends string> = Promise<ApiResponse<M extends Method ? ResponseOf<M, P> : unknown>>;

/**
 * A browser-like HTTP client: keeps cookies, fetches the CSRF token, and sends it on
 * state-changing requests — unless a test says otherwise. `get/post/patch/put/delete` are
 * typed by the route map (api-routes.ts): what a listed route takes and answers. `request`
 * takes any body (for tests that send garbage on purpose) and `raw` any bytes.
 */
export class ApiSession {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  lastSetCookies: string[] = [];

  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async raw(method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<ApiResponse<unknown>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...init.headers },
      body: typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body),
      redirect: 'manual',
    });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown = text;
    if (contentType.includes('json') && text) body = JSON.parse(text);
    const parts = { status: response.status, headers: response.headers, contentType };
    return response.status >= 200 && response.status <= 299 ? { ...parts, ok: true, body } : { ...parts, ok: false, body: body as Problem };
  }

  /** Any method, path and body (the escape hatch for malformed requests); the answer is typed when the route is listed. */
  async request<M extends string, P extends string>(
    method: M,
    path: P,
    body?: unknown,
    options: { csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Answer<M, P> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && options.csrf !== false) {
      if (typeof options.csrf === 'string') headers[CSRF_HEADER] = options.csrf;
      else {
        if (!this.csrfToken) await this.refreshSession();
        headers[CSRF_HEADER] = this.csrfToken!;
      }
    }
    return this.raw(method, path, { body: body === undefined ? undefined : JSON.stringify(body), headers }) as Answer<M, P>;
  }

  get = <P extends string>(path: P) => this.request('GET', path);
  post = <P extends string>(path: P, body?: RequestOf<'POST', P>) => this.request('POST', path, body);
  patch = <P extends string>(path: P, body: RequestOf<'PATCH', P>) => this.request('PATCH', path, body);
  put = <P extends string>(path: P, body: RequestOf<'PUT', P>) => this.request('PUT', path, body);
  delete = <P extends string>(path: P) => this.request('DELETE', path);

  async refreshSession(): Promise<SessionInfo> {
    const res = await this.raw('GET', '/api/auth/session', { headers: { accept: 'application/json' } });
    const info = res.body as SessionInfo;
    this.csrfToken = info.csrfToken;
    return info;
  }

  /** SessionInfo on success, a problem document otherwise. */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<ApiResponse<SessionInfo>> {
    const res = await this.post('/api/auth/sign-in', { username, password });
    if (res.ok) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

/** A signed-in session for a demo account; fails the test when sign-in does not work. */
export async function signedIn(baseUrl: string, username: string): Promise<ApiSession> {
  const session = new ApiSession(baseUrl);
  const res = await session.signIn(username);
  if (res.status !== 200) throw new Error(`Sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return session;
}

/** Expects a 2xx and returns the body; otherwise fails with what the server said. */
export function ok<T>(res: ApiResponse<T>): T {
  if (!res.ok) throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Expects a refusal and returns its problem document; otherwise fails with what the server said. */
export function problem(res: ApiResponse<unknown>): Problem {
  if (res.ok || !res.contentType.includes('application/problem+json')) {
    throw new Error(`expected a problem document, got ${res.status} (${res.contentType}): ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Where tests get signed-in sessions from: one sign-in per user, shared afterwards. */
export interface SessionSource {
  baseUrl: string;
  as(username: string): Promise<ApiSession>;
}

/** Signs each demo user in once on `baseUrl` and hands out that session from then on. */
export function sessionCache(baseUrl: string): SessionSource {
  const sessions = new Map<string, Promise<ApiSession>>();
  return {
    baseUrl,
    as(username) {
      let session = sessions.get(username);
      if (!session) {
        session = signedIn(baseUrl, username);
        sessions.set(username, session);
        session.catch(() => sessions.delete(username));
      }
      return session;
    },
  };
}

