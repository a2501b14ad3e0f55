import { afterAll, describe, expect, it } from 'vitest';
import { ok, signedIn } from '../support/api-session';
import type { CollabClient } from '../support/collab-client';
import { planWithWrittenContent } from '../support/plan-content';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations, planWorkspaceLoaded } from './support';

/**
 * The person's plan on a phone: what the page promises first, what they read shown as text
 * (not as locked form fields), who has read the plan by person and day; and the actions
 * table readable on a laptop's screen.
 */

const app = useTestApp({ browser: true });
const clients: CollabClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("the person's plan view", { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('on a phone: the next meeting and "Det här händer nu" first, read-only parts as text, readers by person and day; the actions table fits 1366 px', async () => {
    const { step } = browserSteps(app.browser);
    const { planId, eva } = await step('a plan with a held meeting and written content; Eva opens it three times (API)', async ({ remainingMs }) => {
      const { planId, eva } = await planWithWrittenContent(app.t, clients, 'Anders bor hos sin mamma och vill ha en egen lägenhet nära centrum, med buss till jobbet.', remainingMs());
      for (let i = 0; i < 3; i++) await eva.get(`/api/plans/${planId}`);
      return { planId, eva };
    });

    const anders = await signedIn(app.t.baseUrl, 'anders.nilsson');
    const { context, page } = await contextWithSession(app.browser, anders, PHONE);
    const errors = collectConsoleErrors(page);
    const editorScripts: Promise<boolean>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') editorScripts.push(r.text().then((code) => /prosemirror/i.test(code), () => false));
    });
    await step('Anders opens his plan on a phone', async () => {
      await page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await planWorkspaceLoaded(page);
    });

    await step('the next meeting and "Det här händer nu" come before the plan text, the latter on the first screen', async () => {
      const top = async (name: string) => (await page.getByRole('heading', { name, exact: true }).boundingBox())!.y;
      const meeting = await top('Ditt nästa möte');
      const happening = await top('Det här händer nu');
      const content = await top('Planens innehåll');
      expect(meeting).toBeLessThan(happening);
      expect(happening).toBeLessThan(content);
      expect(happening).toBeLessThan(PHONE.viewport.height);
    });

    await step('what Anders may only read is text, not locked fields, and nothing is cut off or scrolls sideways', async () => {
      const shared = page.locator('[data-section="shared"]');
      await shared.getByText('Anders bor hos sin mamma och vill ha en egen lägenhet nära centrum, med buss till jobbet.').waitFor();
      // Fields are text; the only control is the comment box (he may comment on what he reads).
      const controls = ':is(input, select, textarea, [contenteditable]):not(.comments *)';
      expect(await shared.locator(controls).count()).toBe(0);
      expect(await shared.getByRole('group', { name: 'Nuläge' }).count()).toBe(1);
      const kommun = page.locator('[data-section^="actions:"]').first();
      const card = kommun.locator('.action-card').first();
      expect(await card.getByRole('heading').textContent()).toBe('Boendestöd');
      expect(await card.locator('.fact-needId dd').textContent()).toBe('Stöd i boendet');
      expect(await card.locator('.fact-dueDate dd').textContent()).toBe('31 januari 2027');
      expect(await kommun.locator(controls).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    });

    await step('his own part opens as text too; "Skriv i den här delen" brings the editor, with the first field focused', async () => {
      const own = page.locator('[data-section="person"]');
      await page.waitForLoadState('networkidle');
      expect(await own.getByRole('textbox').count()).toBe(0);
      expect((await Promise.all(editorScripts)).some(Boolean)).toBe(false);
      await own.getByRole('button', { name: 'Skriv i den här delen' }).click();
      const first = own.getByRole('textbox', { name: 'Det här är viktigt för mig' });
      await first.waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'textbox');
      expect(await first.evaluate((e) => e === document.activeElement)).toBe(true);
      expect((await Promise.all(editorScripts)).some(Boolean)).toBe(true);
      expect(await own.getByRole('button', { name: 'Skriv i den här delen' }).count()).toBe(0);
    });

    await step('"Vem har läst din plan" says each reader once a day, with how many times', async () => {
      const log = page.getByTestId('access-log');
      const evas = log.locator('li', { hasText: 'Eva Lind' });
      await evas.first().waitFor();
      const lines = await evas.allTextContents();
      // Eva opened the plan several times (three reads above, and the setup's): never a line per opening.
      expect(new Set(lines).size).toBe(lines.length);
      expect(lines.some((line) => /\d+ gånger den \d+ \w+/.test(line))).toBe(true);
    });

    await step('axe: clean in Swedish and in English', async () => {
      await expectNoAxeViolations(page);
      await page.getByLabel('Språk').selectOption('en');
      await page.getByRole('heading', { name: 'What happens now' }).waitFor();
      const log = page.getByTestId('access-log');
      expect((await log.locator('li', { hasText: 'Eva Lind' }).allTextContents()).some((line) => /\d+ times on \d+ \w+/.test(line))).toBe(true);
      await expectNoAxeViolations(page);
      expect(errors).toEqual([]);
      await context.close();
    });

    await step('Birgitta, whom Anders lets in, reads the whole plan as text: the editor is never fetched', async () => {
      const birgitta = ok(await anders.get(`/api/plans/${planId}`)).relativeCandidates!.find((r) => r.name === 'Birgitta Nilsson')!;
      ok(await anders.post(`/api/plans/${planId}/relatives`, { accountId: birgitta.accountId }));
      const relative = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'birgitta.nilsson'), PHONE);
      const relativeErrors = collectConsoleErrors(relative.page);
      const scripts: Promise<boolean>[] = [];
      relative.page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.text().then((code) => /prosemirror/i.test(code), () => false));
      });
      await relative.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await planWorkspaceLoaded(relative.page);
      await relative.page.locator('[data-section="shared"]').getByText('Anders bor hos sin mamma', { exact: false }).waitFor();
      await relative.page.waitForLoadState('networkidle');
      expect(await relative.page.locator('[contenteditable]').count()).toBe(0);
      expect(scripts.length).toBeGreaterThan(0);
      expect((await Promise.all(scripts)).some(Boolean)).toBe(false);
      await expectNoAxeViolations(relative.page);
      expect(relativeErrors).toEqual([]);
      await relative.context.close();
    });

    await step('Eva on a 1366 × 768 screen sees "Vad görs" of each action without scrolling sideways', async () => {
      const staff = await contextWithSession(app.browser, eva, { viewport: { width: 1366, height: 768 } });
      const staffErrors = collectConsoleErrors(staff.page);
      await staff.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await planWorkspaceLoaded(staff.page);
      const what = staff.page.getByRole('textbox', { name: /^Vad görs/ }).first();
      await what.scrollIntoViewIfNeeded();
      const box = (await what.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
      const region = staff.page.getByRole('region', { name: 'Tabell – Insatser: Uppsala kommun' });
      expect(await region.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
      expect(await staff.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await expectNoAxeViolations(staff.page);
      expect(staffErrors).toEqual([]);
      await staff.context.close();
    });
  });
});
