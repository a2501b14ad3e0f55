import { mkdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { errors as playwrightErrors, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TestRunner, expect, onTestFinished } from 'vitest';
import { CSRF_COOKIE, SESSION_COOKIE } from '@sip/shared';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import type { ApiSession } from '../support/api-session';

/**
 * A browser test is a sequence of steps, each with a budget of its own. The test's timeout
 * is only a backstop: it must cover the sum of the step budgets (checked as steps start),
 * so that a hang is always reported by the step it happened in, never by vitest's bare
 * "Test timed out" — and so that a slow but healthy run, every step within its budget,
 * always passes.
 */
export const E2E_TEST_TIMEOUT_MS = 240_000;

/**
 * Enough for one user-visible action on a loaded 2-core machine (a page load, a save and
 * an axe analysis there take several seconds, a few hundred ms on an idle machine), and
 * short enough that a hang is reported soon.
 */
export const DEFAULT_STEP_TIMEOUT_MS = 15_000;

const ARTIFACTS = join(__dirname, 'artifacts');
const SCREENSHOT_TIMEOUT_MS = 3_000;
/**
 * Waits inside a step end this long before the step's deadline, so that a wait that hangs
 * fails with its own message (which locator, the last value polled) rather than the step's.
 */
const WAIT_MARGIN_MS = 250;
/** How often playwright's default timeouts are brought down to what is left of the step. */
const TIMEOUT_REFRESH_MS = 100;

export interface StepOptions {
  timeoutMs?: number;
}

/** What a step's body gets: waits that end with the step's budget rather than their own defaults. */
export interface StepContext {
  /** Milliseconds a wait started now may take: what is left of the step, less a margin. */
  remainingMs(): number;
  /** vitest's expect.poll, polling until the step's budget runs out (its default is 1 s). */
  poll<T>(read: () => T | Promise<T>): ReturnType<typeof expect.poll<T>>;
}

export type Step = <T>(name: string, body: (s: StepContext) => Promise<T>, options?: StepOptions) => Promise<T>;

interface StepTiming {
  name: string;
  ms: number;
  budgetMs: number;
  failed?: boolean;
}

/**
 * Steps for the current test in `browser`. During a step, every playwright wait in every
 * browser context (also those opened during the step) ends with the step's budget, and a
 * failing step names itself, with each open page's URL and a screenshot under
 * test/e2e/artifacts/. SIP_TEST_TIMINGS=1 prints how long each step took.
 */
export function browserSteps(browser: Browser): { step: Step } {
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error('browserSteps() belongs inside a test');
  const timings: StepTiming[] = [];
  let budgetsSoFar = 0;
  let deadline: number | null = null;

  // Between steps (which should do little), a wait gets what a whole step would.
  const waitBudget = () =>
    deadline === null ? DEFAULT_STEP_TIMEOUT_MS : Math.max(1, Math.round(deadline - performance.now() - WAIT_MARGIN_MS));
  // Playwright reads its default timeout when an action starts (0 would mean no timeout).
  const limitWaits = (context: BrowserContext) => {
    context.setDefaultTimeout(waitBudget());
    context.setDefaultNavigationTimeout(waitBudget());
  };
  const limitAllWaits = () => browser.contexts().forEach(limitWaits);
  browser.on('context', limitWaits);
  onTestFinished(() => {
    browser.off('context', limitWaits);
    if (process.env.SIP_TEST_TIMINGS === '1') printTimings(test.name, timings);
  });

  const stepContext: StepContext = {
    remainingMs: waitBudget,
    poll: (read) => expect.poll(read, { timeout: waitBudget(), interval: 50 }),
  };

  const step: Step = async (name, body, options = {}) => {
    const budgetMs = options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    budgetsSoFar += budgetMs;
    if (budgetsSoFar > test.timeout) {
      throw new Error(
        `Step "${name}" would bring the step budgets to ${budgetsSoFar} ms, more than the test's timeout of ${test.timeout} ms: ` +
          'raise the test timeout, so that a hang is reported by its step rather than by the test timeout.',
      );
    }
    // Made here, so that its stack leads to the step in the test rather than to a timer.
    const timeout = new Error(`Step "${name}" timed out after ${budgetMs} ms`);
    const started = performance.now();
    deadline = started + budgetMs;
    limitAllWaits();
    const refresher = setInterval(limitAllWaits, TIMEOUT_REFRESH_MS);
    let timer: NodeJS.Timeout | undefined;
    const running = body(stepContext);
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeout), budgetMs);
    });
    try {
      const result = await Promise.race([running, outOfTime]);
      timings.push({ name, ms: performance.now() - started, budgetMs });
      return result;
    } catch (error) {
      // The abandoned body may still reject later; that is not news.
      running.catch(() => {});
      const elapsedMs = Math.round(performance.now() - started);
      timings.push({ name, ms: elapsedMs, budgetMs, failed: true });
      const pages = await describePages(openPages(browser), `${slug(basename(test.file.name, '.test.ts'))}--${slug(name)}`);
      throw explainFailure(error, { name, budgetMs, elapsedMs, timeout, pages });
    } finally {
      clearTimeout(timer);
      clearInterval(refresher);
      deadline = null;
      limitAllWaits();
    }
  };
  return { step };
}

function openPages(browser: Browser): Page[] {
  return browser.contexts().flatMap((c) => c.pages());
}

/** The error a failed step throws: which step, how it failed, and what every open page showed. */
function explainFailure(error: unknown, step: { name: string; budgetMs: number; elapsedMs: number; timeout: Error; pages: string }): Error {
  if (error === step.timeout) {
    step.timeout.message += step.pages;
    return step.timeout;
  }
  if (error instanceof playwrightErrors.TimeoutError) {
    return new Error(`Step "${step.name}" timed out after ${step.elapsedMs} ms (budget ${step.budgetMs} ms): ${error.message}${step.pages}`, { cause: error });
  }
  // Other failures (assertions above all) keep their own error, so that vitest still shows
  // the expected and actual values; only the message gains the step and the pages.
  if (error instanceof Error) {
    error.message = `Step "${step.name}" failed after ${step.elapsedMs} ms: ${error.message}${step.pages}`;
    return error;
  }
  return new Error(`Step "${step.name}" failed after ${step.elapsedMs} ms: ${String(error)}${step.pages}`);
}

/** Each page's URL, with a screenshot saved to look at after the run. */
async function describePages(pages: Page[], fileStem: string): Promise<string> {
  if (!pages.length) return '\n  (no page open)';
  mkdirSync(ARTIFACTS, { recursive: true });
  const lines = await Promise.all(
    pages.map(async (page, i) => {
      const path = join(ARTIFACTS, `${fileStem}--page-${i + 1}.png`);
      try {
        // Bounded: a page that hung the step may hang a screenshot too.
        await page.screenshot({ path, timeout: SCREENSHOT_TIMEOUT_MS });
        return `  page ${i + 1}: ${page.url()} (screenshot ${relative(process.cwd(), path)})`;
      } catch (e) {
        return `  page ${i + 1}: ${page.url()} (no screenshot: ${(e as Error).message.split('\n')[0]})`;
      }
    }),
  );
  return `\n${lines.join('\n')}`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function printTimings(testName: string, timings: StepTiming[]) {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const line = (ms: number, text: string) => `${Math.round(ms).toString().padStart(7)} ms  ${text}`;
  const lines = timings.map((t) => line(t.ms, `${t.name}${t.failed ? ' (failed)' : ''}  (budget ${t.budgetMs} ms)`));
  console.log([`Step timings: ${testName}`, ...lines, line(total, 'all steps')].join('\n'));
}

export async function expectNoAxeViolations(page: Page) {
  const axe = new AxeBuilder({ page });
  // By default axe gathers the frames' results in a blank page it opens for the purpose: a
  // new renderer and axe's 0.5 MB injected twice, half of each check's time (more on a
  // loaded machine). For a page without frames, as all of ours are, legacy mode runs the
  // same rules on the same nodes in place.
  if (page.frames().length === 1) axe.setLegacyMode();
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Console errors, including Content-Security-Policy refusals, collected per page. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A fresh browser context signed in as a demo user, on the worklist. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  // The header's navigation (a page may have more, e.g. the statistics' list of indicators).
  await page.getByRole('banner').getByRole('navigation').waitFor();
  return { context, page };
}

/**
 * A fresh browser context carrying an API session's cookies: for tests in which signing in
 * is the setup, not the subject (app-shell and plan-flow sign in through the form). Saves
 * loading the sign-in page, and a second argon2 sign-in when the session also did the
 * test's setup over the API.
 */
export async function contextWithSession(
  browser: Browser,
  session: ApiSession,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const cookie = (name: string, attributes: { httpOnly: boolean; sameSite: 'Lax' | 'Strict' }) => {
    const value = session.cookies.get(name);
    if (!value) throw new Error(`The API session has no ${name} cookie: is it signed in?`);
    return { name, value, url: session.baseUrl, ...attributes };
  };
  // As the server sets them (server/src/auth/session-cookies.ts).
  await context.addCookies([cookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax' }), cookie(CSRF_COOKIE, { httpOnly: false, sameSite: 'Strict' })]);
  return { context, page: await context.newPage() };
}

/**
 * Waits until the plan page's co-editing workspace (a chunk of its own, then a sync per
 * section) is shown and in step with the server, so that a check of the page (axe above
 * all) sees all of it rather than however much had loaded. The workspace is `aria-busy`
 * while placeholders stand in for its sections.
 */
export async function planWorkspaceLoaded(page: Page) {
  await page.waitForFunction(
    () =>
      document.getElementById('workspace-h') &&
      document.querySelector('[data-section]') &&
      !document.querySelector('.workspace[aria-busy="true"]') &&
      !document.querySelector('.save-connecting'),
  );
}
