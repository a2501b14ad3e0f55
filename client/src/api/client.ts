import { CSRF_HEADER, type Problem } from '@sip/shared';
import i18n from '../i18n';

/** An API error carrying the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/**
 * Every call goes through here: JSON in and out, the CSRF token on state-changing
 * requests, the user's language, and problem documents turned into ApiError.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; language?: string } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The server answers problems in this language, so refusals read naturally.
  headers['Accept-Language'] = init.language ?? i18n.language;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError({
      type: 'urn:sip:problem:network',
      title: 'Network error',
      status: 0,
      code: 'internal_error',
      detail: 'network',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const fallback: Problem = { type: 'about:blank', title: 'Error', status: response.status, code: 'internal_error', detail: response.statusText };
    const problem = await import('./problem-parse').then(({ parseProblem }) => parseProblem(data, response.status, response.statusText)).catch(() => fallback);
    throw new ApiError(problem);
  }
  return data as T;
}
