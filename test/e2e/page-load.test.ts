import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { Clock } from '../../server/src/jobs/clock';
import { signedIn } from '../support/api-session';
import type { CollabClient } from '../support/collab-client';
import { planWithWrittenContent } from '../support/plan-content';
import { planWithMeetingHeld } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, planWorkspaceLoaded } from './support';

/**
 * What a page load costs the user: the rich-text editor (Tiptap/ProseMirror, the largest
 * chunk) is fetched only with the plan workspace — never on the sign-in page or the
 * worklist — and a plan page does not jump as its parts arrive.
 */

const app = useTestApp({ browser: true });
const clients: CollabClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

/** ProseMirror names itself in its code (class names, error messages); nothing else of ours does. */
const EDITOR_CODE = /prosemirror/i;

/** Every script the page fetched, and which of them hold the editor (or other code named by a pattern). */
function recordScripts(page: Page) {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(new URL(response.url()).pathname, response.text().catch(() => ''));
  });
  const holding = async (pattern: RegExp) => {
    const found: string[] = [];
    for (const [path, code] of scripts) if (pattern.test(await code)) found.push(path);
    return found;
  };
  return { all: () => [...scripts.keys()], editorChunks: () => holding(EDITOR_CODE), holding };
}

/**
 * What the first load has no use for: the schema library (zod names its classes `$Zod…`),
 * loaded with the pages that have forms, and Mötescirkeln's texts, with the meeting pages.
 */
const SCHEMA_LIBRARY = /\$ZodType/;
const CIRCLE_TEXTS = /vilka frågeställningar ska besvaras/;

/** Layout shifts as the browser reports them, summed over the whole visit (stricter than CLS's worst window). */
async function recordLayoutShifts(context: BrowserContext) {
  await context.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __layoutShifts: typeof shifts }).__layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
        if (entry.hadRecentInput) continue;
        const describe = (node?: Node) => {
          const el = node instanceof Element ? node : node?.parentElement;
          if (!el) return '?';
          const heading = el.querySelector('h2, h1')?.textContent ?? '';
          return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}${heading ? ` "${heading}"` : ''}`;
        };
        shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function layoutShifts(page: Page) {
  const shifts = await page.evaluate(() => (window as unknown as { __layoutShifts: { value: number; sources: string[] }[] }).__layoutShifts);
  return { total: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

/**
 * The mobile network Lighthouse simulates (slow 4G: 150 ms round trip, 1.6 Mbit/s down), so
 * that parts of the page arrive as late, relative to each other, as on a phone.
 */
async function slowNetwork(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}

const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 };
const DESKTOP = { viewport: { width: 1350, height: 940 } };

describe('page loads', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('the sign-in page and the worklist never fetch the rich-text editor; the plan workspace does', async () => {
    const { step } = browserSteps(app.browser);
    await step('Eva has a plan (API)', async () => planWithMeetingHeld(await signedIn(app.t.baseUrl, 'eva.lind'), app.t.app.get(Clock)));
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    const scripts = recordScripts(page);

    await step('the sign-in page loads without the editor', async () => {
      await page.goto(`${app.t.baseUrl}/sign-in`);
      await page.getByRole('heading', { name: 'Logga in' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.all().length).toBeGreaterThan(0);
      expect(await scripts.editorChunks()).toEqual([]);
      // The first load, which every page waits for before it paints, carries only what it shows.
      expect(await scripts.holding(SCHEMA_LIBRARY)).toEqual([]);
      expect(await scripts.holding(CIRCLE_TEXTS)).toEqual([]);
    });

    await step('Eva signs in; the worklist loads without the editor', async () => {
      await page.getByLabel('Användarnamn').fill('eva.lind');
      await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { name: 'Min arbetslista' }).waitFor();
      await page.getByRole('link', { name: 'Anders Nilsson' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await scripts.editorChunks()).toEqual([]);
    });

    await step('the worklist loaded afresh brings no editor either', async () => {
      await page.reload();
      await page.getByRole('link', { name: 'Anders Nilsson' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await scripts.editorChunks()).toEqual([]);
    });

    await step('the plan page brings the editor with its workspace', async () => {
      await page.getByRole('link', { name: 'Anders Nilsson' }).first().click();
      await planWorkspaceLoaded(page);
      expect((await scripts.editorChunks()).length).toBeGreaterThan(0);
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plan pages do not jump as their parts arrive (layout shifts, on a phone and a desktop)', async () => {
    const { step } = browserSteps(app.browser);
    const planId = await step('a plan with a held meeting and written content (API)', async ({ remainingMs }) => {
      const { planId } = await planWithWrittenContent(app.t, clients, 'Anders bor hos sin mamma.\nHan vill ha en egen lägenhet.', remainingMs());
      return planId;
    });

    // Each page and screen is measured before any is judged, so that a failure shows them all.
    const measured: Record<string, { total: number; shifts: unknown[] }> = {};
    for (const [who, username] of [['the practitioner', 'eva.lind'], ['the person', 'anders.nilsson']] as const) {
      for (const [device, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        measured[`${who} on a ${device}`] = await step(`${who} opens the plan on a ${device}`, async () => {
          const { context, page } = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, username), options);
          const errors = collectConsoleErrors(page);
          await recordLayoutShifts(context);
          await slowNetwork(page);
          await page.goto(`${app.t.baseUrl}/plans/${planId}`);
          await planWorkspaceLoaded(page);
          await page.waitForLoadState('networkidle');
          // A frame for anything the last response set off.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
          const shifts = await layoutShifts(page);
          expect(errors).toEqual([]);
          await context.close();
          return shifts;
        }, { timeoutMs: 30_000 });
      }
    }
    const totals = Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, Number(v.total.toFixed(3))]));
    expect(Object.values(totals).every((total) => total < 0.1), `layout shifts: ${JSON.stringify(totals)}\n${JSON.stringify(measured, null, 1)}`).toBe(true);
  });
});
