import { describe, expect, it } from 'vitest';
import { ok, problem } from '../support/api-session';
import { sqlClient } from '../support/database';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp({ admin: true });

async function organisationCount() {
  const db = await sqlClient(app.t.databaseUrl);
  const { rows } = await db.query('SELECT count(*)::int AS n FROM organisation');
  await db.end();
  return rows[0].n as number;
}

describe('bad input gets a problem document and changes nothing', () => {
  it('wrong types and unknown fields give field errors', async () => {
    const before = await organisationCount();
    const res = await app.admin.request('POST', '/api/organisations', { kind: 42, name: ['x'], extra: true });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'urn:sip:problem:validation_failed', title: 'Bad Request', status: 400, code: 'validation_failed' });
    const paths = problem(res).errors?.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.name']));
    expect(JSON.stringify(res.body)).toMatch(/extra/);
    expect(await organisationCount()).toBe(before);
  });

  it('malformed JSON', async () => {
    const res = await app.admin.raw('POST', '/api/organisations', {
      body: '{"kind": "kommun", "name": ',
      headers: { 'content-type': 'application/json', 'x-csrf-token': app.admin.csrfToken! },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'malformed_json' });
  });

  it('random bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const res = await app.admin.raw('POST', '/api/persons', {
      body: bytes,
      headers: { 'content-type': 'application/json', 'x-csrf-token': app.admin.csrfToken! },
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
  });

  it('an oversized body', async () => {
    const res = await app.admin.post('/api/organisations', { kind: 'other', name: 'x'.repeat(400_000) });
    expect(res.status).toBe(413);
    expect(problem(res).code).toBe('payload_too_large');
  });

  it('a body that is not JSON at all', async () => {
    const res = await app.admin.raw('POST', '/api/organisations', {
      body: 'kind=other&name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': app.admin.csrfToken! },
    });
    // Refused for its media type, not reported as a missing body.
    expect(res.status).toBe(415);
    expect(problem(res).code).toBe('unsupported_media_type');
  });

  it('a malformed id in the path', async () => {
    const res = await app.admin.get('/api/organisations/not-a-uuid');
    expect(res.status).toBe(400);
    expect(problem(res).errors?.[0]?.path).toBe('params.id');
  });

  it('bad query parameters', async () => {
    const res = await app.admin.get('/api/persons?limit=-5&bogus=1');
    expect(res.status).toBe(400);
    expect(problem(res).errors?.map((e: { path: string }) => e.path)).toContain('query.limit');
  });
});

describe('input PostgreSQL cannot hold is refused before it gets there', () => {
  it('a NUL or other control character in any text: 400 beside the field, nothing stored', async () => {
    const before = await organisationCount();
    const res = await app.admin.post('/api/organisations', { kind: 'other', name: 'Bolag\u0000AB' } as never);
    expect(res.status).toBe(400);
    expect(problem(res).errors).toEqual([expect.objectContaining({ path: 'body.name', code: 'control_character' })]);
    expect(problem(res).errors![0]!.message).toBe('Texten innehåller otillåtna tecken.');
    const search = await app.admin.get(`/api/persons?q=${encodeURIComponent('Nils\u0000son')}`);
    expect(search.status).toBe(400);
    expect(await organisationCount()).toBe(before);
  });

  it('dates and times PostgreSQL cannot store: 400, not 500', async () => {
    for (const path of ['/api/audit?from=0000-01-01T00:00:00Z', '/api/audit?from=2026-01-01T00:00:00%2B23:59', '/api/audit?to=10000-01-01T00:00:00Z']) {
      const res = await app.admin.get(path);
      expect(res.status, path).toBe(400);
      expect(problem(res).code, path).toBe('validation_failed');
    }
    const manager = await app.as('karin.berg');
    const months = await manager.get('/api/statistics?from=0001-01&to=0001-01');
    expect(months.status).toBe(400);
  });
});

describe('unknown routes', () => {
  it('answer 404 as a problem document, in Swedish by default and English on request', async () => {
    const sv = await app.admin.get('/api/does-not-exist');
    expect(sv.status).toBe(404);
    expect(sv.contentType).toContain('application/problem+json');
    expect(sv.body).toMatchObject({ code: 'route_not_found', detail: 'Adressen finns inte.' });
    const en = await app.admin.request('GET', '/api/does-not-exist', undefined, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(problem(en).detail).toBe('There is no such address.');
  });

  it('a missing record is a plain not_found', async () => {
    const res = await app.admin.get('/api/organisations/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });
});

it('never sends a stack trace', async () => {
  const responses = await Promise.all([
    app.admin.request('POST', '/api/organisations', { kind: 42 }),
    app.admin.get('/api/nope'),
    app.admin.raw('POST', '/api/units', { body: '{', headers: { 'content-type': 'application/json', 'x-csrf-token': app.admin.csrfToken! } }),
  ]);
  for (const res of responses) expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+|stack/i);
});
