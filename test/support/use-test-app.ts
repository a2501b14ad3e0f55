import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ApiSession, signedIn } from './api-session';
import { launchBrowser } from './browser';
import { startTestApp, type TestApp } from './test-app';

/**
 * One server over its own database for a test file, started before its tests and closed
 * after. `admin` is a signed-in admin session when asked for.
 */
export function useTestApp(options: { env?: NodeJS.ProcessEnv; admin?: boolean; browser?: boolean } = {}) {
  const ctx = {} as { t: TestApp; admin: ApiSession; browser: Browser };
  beforeAll(async () => {
    ctx.t = await startTestApp(options.env);
    if (options.admin) ctx.admin = await signedIn(ctx.t.baseUrl, 'admin');
    if (options.browser) ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.t?.close();
  });
  return ctx;
}
