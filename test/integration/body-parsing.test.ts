import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type ProblemCode, problemMessage } from '@sip/shared';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { ApiSession, problem, signedIn } from '../support/api-session';
import { sqlClient } from '../support/database';
import { PNR, directoryIds, personId } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

/**
 * Every way the JSON body parser can refuse a body is the client's mistake: a 4xx problem
 * document with a stable code and a message in the request's language, nothing stored,
 * and no "Unhandled error" in the log.
 */

const app = useTestApp();
let eva: ApiSession;
let planBody: Record<string, string>;

// Bodies carry this marker so that a test can tell whether a body reached the log.
const MARKER = 'kroppsmarkör-7f3a';

beforeAll(async () => {
  eva = await app.as('eva.lind');
  const ids = await directoryIds(eva);
  planBody = { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: MARKER, initiatingUnitId: ids.vuxenenheten };
});

async function storedRows() {
  const db = await sqlClient(app.t.databaseUrl);
  const { rows } = await db.query(
    'SELECT (SELECT count(*) FROM plan)::int AS plans, (SELECT count(*) FROM audit_event)::int AS events, (SELECT count(*) FROM session)::int AS sessions',
  );
  await db.end();
  return rows[0] as { plans: number; events: number; sessions: number };
}

/** A fresh signed-out session with its CSRF token, so that no sign-in changes the next request. */
async function signedOut() {
  const session = new ApiSession(app.baseUrl);
  await session.refreshSession();
  return session;
}

/** The log lines written since `from` (an earlier length of the log) that a client mistake must never cause. */
function serverFaultLines(from: number) {
  return app.t.logs().slice(from).split('\n').filter((line) => /Unhandled|internal_error|"statusCode":5\d\d|"level":50/.test(line));
}

const routes = [
  { name: 'POST /api/auth/sign-in (signed out)', path: '/api/auth/sign-in', session: signedOut, body: () => ({ username: 'eva.lind', password: DEMO_PASSWORD }) },
  { name: 'POST /api/plans (eva.lind)', path: '/api/plans', session: async () => eva, body: () => planBody },
];

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const garbage = Buffer.from(`${MARKER} this is not compressed data at all ${'x'.repeat(64)}`);

interface RefusedCase {
  name: string;
  status: number;
  code: ProblemCode;
  /** A null value removes a header that `send` would otherwise set. */
  headers: Record<string, string | null>;
  body: (valid: Buffer) => Buffer;
}

const refused: RefusedCase[] = [
  { name: 'gzip that is not gzip', status: 400, code: 'malformed_compressed_body', headers: { 'content-encoding': 'gzip' }, body: () => garbage },
  { name: 'deflate that is not deflate', status: 400, code: 'malformed_compressed_body', headers: { 'content-encoding': 'deflate' }, body: () => garbage },
  { name: 'br that is not brotli', status: 400, code: 'malformed_compressed_body', headers: { 'content-encoding': 'br' }, body: () => garbage },
  { name: 'gzip cut short', status: 400, code: 'malformed_compressed_body', headers: { 'content-encoding': 'gzip' }, body: (valid) => gzipSync(valid).subarray(0, 12) },
  { name: 'an encoding the server does not know', status: 415, code: 'unsupported_content_encoding', headers: { 'content-encoding': 'compress' }, body: (valid) => valid },
  { name: 'gzip twice over', status: 415, code: 'unsupported_content_encoding', headers: { 'content-encoding': 'gzip, gzip' }, body: (valid) => gzipSync(gzipSync(valid)) },
  { name: 'a charset that is not Unicode', status: 415, code: 'unsupported_charset', headers: { 'content-type': 'application/json; charset=latin1' }, body: (valid) => valid },
  { name: 'a charset nobody knows', status: 415, code: 'unsupported_charset', headers: { 'content-type': 'application/json; charset=utf-99' }, body: (valid) => valid },
  { name: 'text/plain', status: 415, code: 'unsupported_media_type', headers: { 'content-type': 'text/plain' }, body: (valid) => valid },
  { name: 'a form', status: 415, code: 'unsupported_media_type', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: () => Buffer.from(`reason=${MARKER}`) },
  { name: 'no Content-Type at all', status: 415, code: 'unsupported_media_type', headers: { 'content-type': null }, body: (valid) => valid },
  { name: 'malformed JSON', status: 400, code: 'malformed_json', headers: {}, body: () => Buffer.from(`{"reason": "${MARKER}", `) },
  { name: 'malformed JSON, gzipped', status: 400, code: 'malformed_json', headers: { 'content-encoding': 'gzip' }, body: () => gzipSync(`{"reason": "${MARKER}", `) },
  { name: 'a gzip bomb beyond the limit', status: 413, code: 'payload_too_large', headers: { 'content-encoding': 'gzip' }, body: () => gzipSync(Buffer.alloc(20_000_000, ' ')) },
];

/** Sends raw bytes with the session's cookies and CSRF token; headers given here win. */
async function send(route: (typeof routes)[number], body: Buffer, headers: Record<string, string | null>) {
  const session = await route.session();
  const merged = { 'content-type': 'application/json', [CSRF_HEADER]: session.csrfToken!, ...headers };
  return session.raw('POST', route.path, {
    body,
    headers: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null)),
  });
}

describe.each(routes)('$name', (route) => {
  it.each(refused)('refuses $name with $status $code, in Swedish by default and English on request', async (c) => {
    const before = await storedRows();
    const logStart = app.t.logs().length;
    const body = c.body(json(route.body()));
    const sv = await send(route, body, c.headers);
    const en = await send(route, body, { ...c.headers, 'accept-language': 'en-GB,en;q=0.9' });

    for (const [res, language] of [[sv, 'sv'], [en, 'en']] as const) {
      expect(res.status, JSON.stringify(res.body)).toBe(c.status);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body).toMatchObject({ type: `urn:sip:problem:${c.code}`, status: c.status, code: c.code, detail: problemMessage(c.code, language) });
      expect(JSON.stringify(res.body)).not.toContain(MARKER);
    }
    expect(problem(sv).detail).not.toBe(problem(en).detail);
    expect(await storedRows()).toEqual(before);
    expect(serverFaultLines(logStart)).toEqual([]);
    expect(app.t.logs()).not.toContain(MARKER);
    // One warn line per refusal says what happened, without the body.
    const refusals = app.t.logs().slice(logStart).split('\n').filter((line) => line.includes('Request body refused'));
    expect(refusals).toHaveLength(2);
    for (const line of refusals) expect(JSON.parse(line)).toMatchObject({ level: 40, path: route.path, status: c.status, code: c.code });
  });

  for (const [encoding, compress] of [
    ['identity', (b: Buffer) => b],
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const) {
    it(`takes a ${encoding} body`, async () => {
      const res = await send(route, compress(json(route.body())), { 'content-encoding': encoding });
      expect(res.status, JSON.stringify(res.body)).toBe(route.path === '/api/plans' ? 201 : 200);
    });
  }
});

it('a body-less POST (no Content-Type, no body) is not refused for its missing media type', async () => {
  const session = await signedIn(app.baseUrl, 'eva.lind');
  const res = await session.raw('POST', '/api/auth/sign-out', { headers: { [CSRF_HEADER]: session.csrfToken!, 'content-length': '0' } });
  expect(res.status).toBe(204);
});

/**
 * Sends headers and part of a body, then closes the connection before the rest: the
 * server cannot answer anyone, but it must not count this as its own failure.
 */
async function sendAndHangUp(route: (typeof routes)[number], headers: Record<string, string>, part: Buffer) {
  const session = await route.session();
  const url = new URL(route.path, app.baseUrl);
  return new Promise<void>((resolve) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        [CSRF_HEADER]: session.csrfToken!,
        ...headers,
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(part);
    setTimeout(() => req.destroy(), 100);
  });
}

describe.each(routes)('a client that hangs up mid-body on $name', (route) => {
  it.each<{ name: string; headers: Record<string, string>; part: (valid: Buffer) => Buffer }>([
    { name: 'plain, Content-Length larger than sent', headers: { 'content-length': '4096' }, part: (valid: Buffer) => valid.subarray(0, 10) },
    { name: 'gzip, chunked', headers: { 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' }, part: (valid: Buffer) => gzipSync(valid).subarray(0, 12) },
    { name: 'gzip, Content-Length larger than sent', headers: { 'content-encoding': 'gzip', 'content-length': '4096' }, part: (valid: Buffer) => gzipSync(valid).subarray(0, 12) },
  ])('$name: no 500, no unhandled error, nothing stored', async (c) => {
    const before = await storedRows();
    const logStart = app.t.logs().length;
    await sendAndHangUp(route, c.headers, c.part(json(route.body())));
    // The server learns of the hang-up from the socket; give it a moment to act on it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(serverFaultLines(logStart)).toEqual([]);
    expect(app.t.logs()).not.toContain(MARKER);
    expect(await storedRows()).toEqual(before);
    // And the server still answers.
    expect((await eva.get('/api/auth/session')).status).toBe(200);
  });
});
