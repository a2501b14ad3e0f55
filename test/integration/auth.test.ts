import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@sip/shared';
import type { CreateOrganisationInput } from '../support/api-routes';
import { ApiSession, ok, problem, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp({ env: { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3', SIGN_IN_LOCK_SECONDS: '30' } });

describe('sign-in', () => {
  it('signs a demo user in with an httpOnly, SameSite=Lax session cookie and returns who they are', async () => {
    const s = new ApiSession(app.baseUrl);
    const res = await s.signIn('eva.lind');
    expect(res.status).toBe(200);
    expect(ok(res).user).toMatchObject({
      username: 'eva.lind',
      displayName: 'Eva Lind',
      kind: 'staff',
      systemRoles: ['practitioner'],
      units: [{ name: 'Socialtjänsten – Vuxenenheten', organisationName: 'Uppsala kommun', organisationKind: 'kommun' }],
    });
    const cookie = s.lastSetCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // only in production
    const session = await s.refreshSession();
    expect(session.user?.username).toBe('eva.lind');
  });

  it('refuses a wrong password with a problem document and no session', async () => {
    const s = new ApiSession(app.baseUrl);
    const res = await s.signIn('jonas.ek', 'wrong password');
    expect(res.status).toBe(401);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'invalid_credentials', detail: 'Fel användarnamn eller lösenord.' });
    expect(s.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await s.refreshSession()).user).toBeNull();
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await new ApiSession(app.baseUrl).signIn('nobody.here', 'whatever');
    expect(res.status).toBe(401);
    expect(problem(res).code).toBe('invalid_credentials');
  });

  it('throttles repeated failures per account with a clear "try again in N s"', async () => {
    const s = new ApiSession(app.baseUrl);
    for (let i = 0; i < 3; i++) expect((await s.signIn('lars.holm', 'wrong')).status).toBe(401);
    const locked = await s.signIn('lars.holm'); // even the right password waits
    expect(locked.status).toBe(429);
    expect(problem(locked).code).toBe('sign_in_throttled');
    expect(problem(locked).retryAfterSeconds).toBeGreaterThan(0);
    expect(problem(locked).retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(locked.headers.get('retry-after')).toBe(String(problem(locked).retryAfterSeconds));
    expect(problem(locked).detail).toMatch(/Försök igen om \d+ s\./);
    const english = await s.request('POST', '/api/auth/sign-in', { username: 'lars.holm', password: 'x' }, { headers: { 'accept-language': 'en' } });
    expect(problem(english).detail).toMatch(/Try again in \d+ s\./);
    // Other accounts are not affected.
    expect((await new ApiSession(app.baseUrl).signIn('sara.nord')).status).toBe(200);
    // When the lock has passed (moved into the past here), the right password works again.
    const db = await sqlClient(app.t.databaseUrl);
    await db.query(`UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE key = 'account:lars.holm'`);
    await db.end();
    expect((await s.signIn('lars.holm')).status).toBe(200);
  });

});

describe('sign-in with a low limit per client address', () => {
  const local = useTestApp({ env: { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '4', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100' } });

  it('throttles per client address across accounts', async () => {
    const s = new ApiSession(local.baseUrl);
    for (const user of ['a.one', 'b.two', 'c.three', 'd.four']) expect((await s.signIn(user, 'x')).status).toBe(401);
    const res = await s.signIn('eva.lind');
    expect(res.status).toBe(429);
    expect(problem(res).code).toBe('sign_in_throttled');
  });
});

describe('sessions', () => {
  it('signs out: the cookie is cleared and the old session token no longer works', async () => {
    const s = await signedIn(app.baseUrl, 'karin.berg');
    const oldToken = s.cookies.get(SESSION_COOKIE)!;
    const out = await s.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(s.cookies.has(SESSION_COOKIE)).toBe(false);
    const replay = new ApiSession(app.baseUrl);
    replay.cookies.set(SESSION_COOKIE, oldToken);
    const res = await replay.get('/api/organisations');
    expect(res.status).toBe(401);
  });

  it('expires an idle session', async () => {
    const s = await signedIn(app.baseUrl, 'jonas.ek');
    expect((await s.get('/api/organisations')).status).toBe(200);
    const db = await sqlClient(app.t.databaseUrl);
    await db.query(`UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE account_id = (SELECT id FROM account WHERE username = 'jonas.ek')`);
    await db.end();
    const res = await s.get('/api/organisations');
    expect(res.status).toBe(401);
    expect(problem(res).code).toBe('session_expired');
    expect((await s.refreshSession()).user).toBeNull();
  });

  it('expires a session at its absolute limit even when it is in use', async () => {
    const s = await signedIn(app.baseUrl, 'peter.falk');
    const db = await sqlClient(app.t.databaseUrl);
    await db.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE username = 'peter.falk')`);
    await db.end();
    const res = await s.get('/api/organisations');
    expect(res.status).toBe(401);
    expect(problem(res).code).toBe('session_expired');
  });

  it('keeps only a hash of the session token in the database', async () => {
    const s = await signedIn(app.baseUrl, 'omar.haddad');
    const token = s.cookies.get(SESSION_COOKIE)!;
    const db = await sqlClient(app.t.databaseUrl);
    const { rows } = await db.query(`SELECT encode(id_hash, 'hex') AS h FROM session`);
    await db.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses requests without a session with 401 unauthenticated', async () => {
    const res = await new ApiSession(app.baseUrl).get('/api/units');
    expect(res.status).toBe(401);
    expect(problem(res).code).toBe('unauthenticated');
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, with a wrong token, or with another session’s token', async () => {
    const admin = await signedIn(app.baseUrl, 'admin');
    const other = await signedIn(app.baseUrl, 'maria.sund');
    const body: CreateOrganisationInput = { kind: 'other', name: 'Arbetsförmedlingen' };
    for (const csrf of [false, 'not-the-token', other.csrfToken!] as const) {
      const res = await admin.request('POST', '/api/organisations', body, { csrf });
      expect(res.status).toBe(403);
      expect(problem(res).code).toBe('csrf_invalid');
    }
    const list = await admin.get('/api/organisations');
    expect(ok(list).map((o) => o.name)).not.toContain('Arbetsförmedlingen');
    expect((await admin.post('/api/organisations', body)).status).toBe(201);
  });

  it('protects sign-in itself with the double-submit cookie', async () => {
    const s = new ApiSession(app.baseUrl);
    await s.refreshSession();
    const res = await s.request('POST', '/api/auth/sign-in', { username: 'eva.lind', password: 'sip-demo-2026' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(problem(res).code).toBe('csrf_invalid');
  });

  it('refuses sign-out without the token', async () => {
    const s = await signedIn(app.baseUrl, 'helena.ros');
    expect((await s.request('POST', '/api/auth/sign-out', undefined, { csrf: false })).status).toBe(403);
    expect((await s.refreshSession()).user?.username).toBe('helena.ros');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the usual helmet headers', async () => {
    const res = await new ApiSession(app.baseUrl).raw('GET', '/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
