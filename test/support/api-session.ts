import { CSRF_HEADER, type SessionInfo } from '@sip/shared';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

/**
 * A browser-like HTTP client: keeps cookies, fetches the CSRF token, and sends it on
 * state-changing requests — unless a test says otherwise.
 */
export class ApiSession {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  lastSetCookies: string[] = [];

  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async raw(method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<ApiResponse<any>> {
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
    return { status: response.status, headers: response.headers, body, contentType };
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
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
    return this.raw(method, path, { body: body === undefined ? undefined : JSON.stringify(body), headers }) as Promise<ApiResponse<T>>;
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  async refreshSession(): Promise<SessionInfo> {
    const res = await this.raw('GET', '/api/auth/session', { headers: { accept: 'application/json' } });
    const info = res.body as SessionInfo;
    this.csrfToken = info.csrfToken;
    return info;
  }

  /** The body is SessionInfo on success and a problem document otherwise. */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<ApiResponse<any>> {
    const res = await this.post('/api/auth/sign-in', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
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

/** Expects a 2xx and returns the body; otherwise fails with what the server said. */
export function ok<T = any>(res: { status: number; body: T }): T {
  if (res.status < 200 || res.status > 299) throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
