import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** A new database cloned from the migrated, seeded template: each test file owns one. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDatabase')}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A plain pg client on a test database, for looking behind the API (as a DBA would). */
export async function sqlClient(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/**
 * For a test file that works on tables directly: a pg client over the file's own copy of the
 * seeded template, connected before its tests and closed after them.
 */
export function useSqlDatabase(): {
  query: (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  /** Another connection to the same database (for two transactions at once); the caller ends it. */
  connect: () => Promise<pg.Client>;
} {
  let url: string | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    url = await createTestDatabase();
    client = await sqlClient(url);
  });
  afterAll(() => client?.end());
  return { query: (text, values) => client!.query(text, values), connect: () => sqlClient(url!) };
}

/**
 * Runs `statement` on `other` while `holder` keeps a transaction open, and says whether the
 * statement had to wait for it: resolves once the statement has finished or is waiting on a
 * lock (asked of pg_stat_activity, not timed). The caller then ends the holder's transaction
 * and awaits `done`.
 */
export async function runBeside(holder: pg.Client, other: pg.Client, statement: string, values: unknown[] = []) {
  const [{ pid }] = (await other.query('SELECT pg_backend_pid() AS pid')).rows;
  let finished = false;
  const done = other.query(statement, values).finally(() => {
    finished = true;
  });
  done.catch(() => {});
  for (let i = 0; i < 6000; i++) {
    if (finished) return { waited: false, done };
    // Inside a transaction the activity view is read once and kept: read it afresh each time.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await holder.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
    if (rows[0]?.wait_event_type === 'Lock') return { waited: true, done };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('The statement neither finished nor waited on a lock');
}
