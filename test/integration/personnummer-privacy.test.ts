import { beforeAll, expect, it } from 'vitest';
import { luhnCheckDigit } from '@sip/shared';
import { type ApiSession, ok } from '../support/api-session';
import { sqlClient } from '../support/database';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp({ env: { LOG_LEVEL: 'trace' } });
let admin: ApiSession;
const canonical = `19760923435${luhnCheckDigit('760923435')}`;
const forms = [canonical, `${canonical.slice(0, 8)}-${canonical.slice(8)}`, canonical.slice(2), `${canonical.slice(2, 8)}-${canonical.slice(8)}`];

beforeAll(async () => {
  admin = await app.as('admin');
  const created = await admin.post('/api/persons', { name: 'Hemlig Person', personnummer: forms[1] });
  expect(created.status).toBe(201);
  await admin.post('/api/persons/lookup', { personnummer: forms[0] });
  await admin.post('/api/persons', { name: 'Dubblett', personnummer: forms[2] }); // a 409
  await admin.post('/api/persons/lookup', { personnummer: `${forms[1].slice(0, -1)}0` }); // a 400
  await admin.get(`/api/persons/${ok(created).id}`);
});

const containsAny = (text: string) => forms.filter((f) => text.includes(f));

it('never appears in the logs, even at trace level', () => {
  const logs = app.t.logs();
  expect(logs.length).toBeGreaterThan(1000); // the server did log these requests
  expect(containsAny(logs)).toEqual([]);
});

it('never appears in API listings or detail', async () => {
  const list = await admin.get('/api/persons?limit=200');
  expect(containsAny(JSON.stringify(list.body))).toEqual([]);
  const person = ok(list).items.find((p) => p.name === 'Hemlig Person')!;
  expect(person.personnummerMasked).toBe(`${canonical.slice(0, 8)}-****`);
  expect(containsAny(JSON.stringify((await admin.get(`/api/persons/${person.id}`)).body))).toEqual([]);
  expect(containsAny(JSON.stringify((await admin.get('/api/audit?limit=500')).body))).toEqual([]);
});

it('is not readable from a dump of the database', async () => {
  const db = await sqlClient(app.t.databaseUrl);
  const { rows: tables } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  let dump = '';
  for (const { tablename } of tables) {
    const { rows } = await db.query(`SELECT row_to_json(x)::text AS j FROM "${tablename}" x`);
    dump += rows.map((r) => r.j).join('\n');
  }
  await db.end();
  expect(dump).toContain('Hemlig Person'); // the dump does hold the person…
  expect(containsAny(dump)).toEqual([]); // …but not their number
  // bytea columns appear hex-encoded in row_to_json; check that form too.
  expect(dump).not.toContain(Buffer.from(canonical).toString('hex'));
});
