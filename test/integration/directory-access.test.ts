import { beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, ok } from '../support/api-session';
import { useTestApp } from '../support/use-test-app';

/**
 * Every directory route × every kind of caller: anonymous, a citizen, and staff with each
 * system role. Allowed calls must not answer 401/403; refused ones must.
 */
type Caller = 'anonymous' | 'citizen' | 'practitioner' | 'manager' | 'admin';
const CALLERS: Record<Exclude<Caller, 'anonymous'>, string> = {
  citizen: 'anders.nilsson',
  practitioner: 'eva.lind',
  manager: 'karin.berg',
  admin: 'admin',
};
const STAFF: Caller[] = ['practitioner', 'manager', 'admin'];
const ADMIN: Caller[] = ['admin'];
const PRACTITIONER: Caller[] = ['practitioner'];
const EVERYONE: Caller[] = ['anonymous', 'citizen', 'practitioner', 'manager', 'admin'];

const app = useTestApp();
const sessions = new Map<Caller, ApiSession>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const anonymous = new ApiSession(app.baseUrl);
  await anonymous.refreshSession();
  sessions.set('anonymous', anonymous);
  for (const [caller, username] of Object.entries(CALLERS)) sessions.set(caller as Caller, await app.as(username));
  const admin = sessions.get('admin')!;
  ids.org = ok(await admin.get('/api/organisations'))[0]!.id;
  ids.unit = ok(await admin.get('/api/units'))[0]!.id;
  ids.staff = ok(await admin.get('/api/staff'))[0]!.id;
  const person = ok(await admin.get('/api/persons')).items[0];
  ids.person = person.id;
  ids.relation = person.relations[0]?.id ?? '00000000-0000-4000-8000-000000000000';
});

// Bodies are deliberately invalid where a valid one would change state: a permitted caller
// then gets 400 (validation ran, so access was granted) and nothing is written.
const ROUTES: { method: string; path: () => string; body?: unknown; allowed: Caller[] }[] = [
  { method: 'GET', path: () => '/api/health', allowed: EVERYONE },
  { method: 'GET', path: () => '/api/auth/session', allowed: EVERYONE },
  { method: 'GET', path: () => '/api/organisations', allowed: STAFF },
  { method: 'GET', path: () => `/api/organisations/${ids.org}`, allowed: STAFF },
  { method: 'POST', path: () => '/api/organisations', body: { kind: 'nope' }, allowed: ADMIN },
  { method: 'PATCH', path: () => `/api/organisations/${ids.org}`, body: { name: '' }, allowed: ADMIN },
  { method: 'DELETE', path: () => `/api/organisations/00000000-0000-4000-8000-000000000000`, allowed: ADMIN },
  { method: 'GET', path: () => '/api/units', allowed: STAFF },
  { method: 'GET', path: () => `/api/units/${ids.unit}`, allowed: STAFF },
  { method: 'POST', path: () => '/api/units', body: { name: '' }, allowed: ADMIN },
  { method: 'PATCH', path: () => `/api/units/${ids.unit}`, body: { name: '' }, allowed: ADMIN },
  { method: 'DELETE', path: () => `/api/units/00000000-0000-4000-8000-000000000000`, allowed: ADMIN },
  { method: 'GET', path: () => '/api/staff', allowed: ADMIN },
  { method: 'GET', path: () => `/api/staff/${ids.staff}`, allowed: ADMIN },
  { method: 'POST', path: () => '/api/staff', body: {}, allowed: ADMIN },
  { method: 'PATCH', path: () => `/api/staff/${ids.staff}`, body: { systemRoles: [] }, allowed: ADMIN },
  { method: 'GET', path: () => '/api/persons', allowed: ADMIN },
  { method: 'GET', path: () => `/api/persons/${ids.person}`, allowed: ADMIN },
  { method: 'POST', path: () => '/api/persons', body: {}, allowed: ADMIN },
  { method: 'POST', path: () => '/api/persons/lookup', body: { personnummer: 'x' }, allowed: ADMIN },
  { method: 'PATCH', path: () => `/api/persons/${ids.person}`, body: { sex: 'x' }, allowed: ADMIN },
  { method: 'POST', path: () => `/api/persons/${ids.person}/relations`, body: {}, allowed: ADMIN },
  { method: 'DELETE', path: () => `/api/persons/${ids.person}/relations/00000000-0000-4000-8000-000000000000`, allowed: ADMIN },
  { method: 'GET', path: () => '/api/staff-directory', allowed: PRACTITIONER },
  { method: 'GET', path: () => '/api/audit', allowed: ADMIN },
  { method: 'GET', path: () => '/api/audit/verify', allowed: ADMIN },
  { method: 'GET', path: () => '/api/citizen-accounts?q=nilsson', allowed: ADMIN },
  { method: 'GET', path: () => '/api/county-settings/03', allowed: ADMIN },
  { method: 'PUT', path: () => '/api/county-settings/03', body: { dischargeCallDays: 0 }, allowed: ADMIN },
];

describe.each(ROUTES)('$method route', (route) => {
  it.each(EVERYONE)(`%s`, async (caller) => {
    const res = await sessions.get(caller)!.request(route.method, route.path(), route.body);
    if (route.allowed.includes(caller)) {
      expect([401, 403], `${caller} ${route.method} ${route.path()} → ${res.status}`).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status, `${caller} ${route.method} ${route.path()}`).toBe(caller === 'anonymous' ? 401 : 403);
      expect(res.contentType).toContain('application/problem+json');
    }
  });
});

it('covers every directory, settings, audit and health route the server has', async () => {
  const { listRoutes } = await import('../../server/src/route-inventory');
  const covered = new Set(ROUTES.map((r) => `${r.method} ${r.path().replace(/\?.*$/, '').replace(/[0-9a-f-]{36}/g, ':id').replace(/county-settings\/\d+/, 'county-settings/:id')}`));
  const served = listRoutes(app.t.app)
    .filter((r) => /^\/api\/(organisations|units|staff|staff-directory|persons|audit|health|citizen-accounts|county-settings)(\/|$)|\/api\/auth\/session/.test(r.path))
    .map((r) => `${r.method} ${r.path.replace(':relationId', ':id').replace(':countyCode', ':id')}`);
  expect(served.filter((r) => !covered.has(r))).toEqual([]);
});
