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
export function useSqlDatabase(): { query: (text: string, values?: unknown[]) => Promise<pg.QueryResult> } {
  let client: pg.Client | undefined;
  beforeAll(async () => {
    client = await sqlClient(await createTestDatabase());
  });
  afterAll(() => client?.end());
  return { query: (text, values) => client!.query(text, values) };
}
