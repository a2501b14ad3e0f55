import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { freePort } from '../support/free-port';
import { hasRedisServer, startRedis } from '../support/redis-server';
import { startTestApp } from '../support/test-app';

// Runs where redis-server is installed (always in CI, which installs it).
describe.skipIf(!hasRedisServer)('an instance on Redis, closed (needs redis-server)', () => {
  let redis: ChildProcess | undefined;
  afterAll(() => {
    redis?.kill();
  });

  it('has let go of Redis once app.close() returns, so Redis can stop right after', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const app = await startTestApp({ REDIS_URL: url });
    const probe = createClient({ url });
    await probe.connect();
    try {
      const clients = async () => String(await probe.sendCommand(['CLIENT', 'LIST'])).trim().split('\n').length;
      expect(await clients()).toBeGreaterThan(1);
      await app.close();
      // Only the probe itself is left.
      expect(await clients()).toBe(1);
    } finally {
      await probe.quit();
    }
  });
});
