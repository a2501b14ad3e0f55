import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ApiSession, type SessionSource, sessionCache } from './api-session';
import { launchBrowser } from './browser';
import { freePort } from './free-port';
import { startRedis } from './redis-server';
import { startTestApp, type TestApp } from './test-app';

export interface TestAppOptions {
  /** Environment on top of TEST_ENV (e.g. a lower sign-in limit). */
  env?: NodeJS.ProcessEnv;
  /**
   * Server instances over one database, for what must cross instances (default 1). Each is a
   * whole application on a port of its own; all share the first one's database.
   */
  instances?: number;
  /** A throwaway Redis (needs redis-server) whose URL every instance gets as REDIS_URL. */
  redis?: boolean;
  /** `admin`: a signed-in admin session, ready before the first test. */
  admin?: boolean;
  /** `browser`: a headless Chromium, for the browser tests. */
  browser?: boolean;
}

/** What a test file (or a describe block) gets from `useTestApp`. */
export interface TestAppContext extends SessionSource {
  /** The (first) server: its Nest application, base URL, database URL and logs. */
  t: TestApp;
  /** Every instance, `instances[0]` being `t`. */
  instances: TestApp[];
  baseUrl: string;
  admin: ApiSession;
  browser: Browser;
  /**
   * A signed-in session of a demo user on the given instance, signed in once and then shared
   * by the tests of the file (and by the plan builder). A test that ends a session (signs
   * out, expires it, disables the account) signs in one of its own with `signedIn()`.
   */
  as(username: string, instance?: number): Promise<ApiSession>;
}

/**
 * The one way to boot a test server: a real application (or several) over a database of its
 * own cloned from the seeded template, started before the tests of the enclosing scope and
 * closed after them. At the top of a file it serves the file; inside a `describe` it serves
 * that block only (for a test that needs a server of its own: other settings, a pristine
 * audit log). Tests that kill the server run it as an OS process instead (server-process.ts).
 */
export function useTestApp(options: TestAppOptions = {}): TestAppContext {
  let redis: ChildProcess | undefined;
  const caches: SessionSource[] = [];
  const ctx = {
    instances: [] as TestApp[],
    get t() {
      return this.instances[0]!;
    },
    get baseUrl() {
      return this.t.baseUrl;
    },
    as(username: string, instance = 0) {
      const app = ctx.instances[instance];
      if (!app) throw new Error(`No instance ${instance}: useTestApp({ instances }) started ${ctx.instances.length}`);
      caches[instance] ??= sessionCache(app.baseUrl);
      return caches[instance].as(username);
    },
  } as TestAppContext;

  beforeAll(async () => {
    const env = { ...options.env };
    if (options.redis) {
      const port = await freePort();
      redis = await startRedis(port);
      env.REDIS_URL = `redis://127.0.0.1:${port}`;
    }
    const first = await startTestApp(env);
    ctx.instances.push(first);
    for (let i = 1; i < (options.instances ?? 1); i++) ctx.instances.push(await startTestApp(env, { databaseUrl: first.databaseUrl }));
    if (options.admin) ctx.admin = await ctx.as('admin');
    if (options.browser) ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    for (const instance of [...ctx.instances].reverse()) await instance.close();
    redis?.kill();
  });
  return ctx;
}
