import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { StatisticsRefresh } from '../../server/src/statistics/statistics-refresh.job';
import { sqlClient } from '../support/database';
import { type StatisticsFixture, writeStatisticsFixture } from '../support/statistics-fixture';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, expectNoAxeViolations, signInAs } from './support';

// Threshold 1, so that the fixture's small figures show and can be checked on screen.
const app = useTestApp({ browser: true, env: { STATISTICS_MIN_COUNT: '1' } });
let fx: StatisticsFixture;

beforeAll(async () => {
  const sql = await sqlClient(app.t.databaseUrl);
  fx = await writeStatisticsFixture(sql);
  await sql.end();
  await app.t.app.get(StatisticsRefresh).refresh();
});

describe('the statistics dashboard in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('a manager starts on it, changes period and breakdown, downloads the CSV — accessibly and within the CSP', async () => {
    const { step } = browserSteps(app.browser);
    const { context, page } = await signInAs(app.browser, app.t.baseUrl, fx.managers.testbyManager, { acceptDownloads: true });
    const errors = collectConsoleErrors(page);

    await step('the start page is the dashboard, linked in the header; no worklist', async () => {
      await page.waitForURL('**/statistics**');
      await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
      await page.locator('.indicator').first().waitFor();
      expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual(['Statistik']);
      await expectNoAxeViolations(page);
    }, { timeoutMs: 45_000 });

    await step('the year 2025: four new plans, each figure with its definition beside it', async () => {
      await page.getByLabel('År', { exact: true }).selectOption('2025');
      await page.getByText('Visar januari 2025 – december 2025, uppdelat efter kön.').waitFor();
      expect(await page.getByTestId('figure-new_plans').textContent()).toBe('4');
      expect(await page.getByTestId('figure-discharge_call_in_time').textContent()).toMatch(/^50\s%$/);
      const card = page.locator('#indicator-new_plans');
      await card.getByText('Planer som påbörjades under perioden.').waitFor();
      expect(await card.getByRole('table', { name: 'Nya planer efter kön' }).getByRole('row').allTextContents()).toEqual(['KönVärde', 'Kvinnor2', 'Män2', 'Kön ej angivet0']);
      // Mötescirkeln's facts: five answers from the person's side, three yes to all questions.
      expect(await page.getByTestId('figure-person_rating').textContent()).toMatch(/^60\s%$/);
      await expectNoAxeViolations(page);
    }, { timeoutMs: 45_000 });

    await step('by age band and type of SIP, and the trend as a table', async () => {
      await page.getByLabel('Dela upp efter').selectOption('age');
      await page.getByLabel('och efter').selectOption('trigger');
      await page.getByText('uppdelat efter ålder × typ av sip').waitFor();
      const table = page.locator('#indicator-new_plans').getByRole('table', { name: 'Nya planer efter ålder × typ av sip' });
      expect(await table.getByRole('row').nth(2).allTextContents()).toEqual(['18–64 år112']);
      const card = page.locator('#indicator-new_plans');
      await card.getByText('Visa utvecklingen som tabell').click();
      expect(await card.getByRole('table', { name: 'Nya planer, per månad' }).getByRole('row').nth(3).textContent()).toBe('mars 20252');
      await expectNoAxeViolations(page);
    }, { timeoutMs: 45_000 });

    await step('a quarter', async () => {
      await page.getByLabel('Period').selectOption('quarter');
      await page.getByLabel('Kvartal', { exact: true }).selectOption('2');
      await page.getByText('Visar april 2025 – juni 2025', { exact: false }).waitFor();
      expect(await page.getByTestId('figure-new_plans').textContent()).toBe('0');
    });

    await step('the CSV opens in Swedish Excel: semicolons, a byte-order mark, the same figures', async () => {
      await page.getByLabel('Period').selectOption('year');
      await page.getByLabel('År', { exact: true }).selectOption('2025');
      await page.getByText('Visar januari 2025 – december 2025', { exact: false }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ned CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('sip-statistik.csv');
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('Nya planer;new_plans;Antal planer;2025-01;2025-12;;;;;4;4;');
      expect(text).toContain('Kallelse inom tre dagar vid utskrivning;discharge_call_in_time;Andel (%) av planer;2025-01;2025-12;;;;;50,0;2;');
    });

    expect(errors).toEqual([]);
    await context.close();
  });
});
