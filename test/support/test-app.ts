import 'reflect-metadata';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../server/src/app.factory';
import { loadConfig } from '../../server/src/config/config';
import { createTestDatabase } from './database';
import { TEST_ENV } from './test-env';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  databaseUrl: string;
  /** Everything the server has logged so far. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * A real server on a free port, over its own database cloned from the seeded template.
 * Tests boot it through `useTestApp()` (use-test-app.ts), which also closes it; the
 * benchmarks call this directly.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, options: { databaseUrl?: string } = {}): Promise<TestApp> {
  const root = join(__dirname, '../..');
  const config = loadConfig({ ...TEST_ENV, ...env }, root);
  // A second instance can share the first one's database.
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const chunks: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      // SIP_TEST_LOGS=1 shows the server's log lines while debugging a test.
      if (process.env.SIP_TEST_LOGS === '1') process.stderr.write(chunk);
      callback();
    },
  });
  const app = await createApp({ config, databaseUrl, logStream });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    logs: () => chunks.join(''),
    close: () => app.close(),
  };
}
