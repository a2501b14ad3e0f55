import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, expectNoAxeViolations } from './support';

const app = useTestApp({ browser: true });

describe('the app shell in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('signs in, shows the worklist, switches language and signs out — accessibly and within the CSP', async () => {
    const { step } = browserSteps(app.browser);
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);

    await step('an unknown visitor is sent to the sign-in page', async () => {
      await page.goto(app.t.baseUrl);
      await page.waitForURL('**/sign-in');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Logga in');
      expect(await page.getAttribute('html', 'lang')).toBe('sv');
      await expectNoAxeViolations(page);
    });

    await step('Eva signs in and sees her worklist', async () => {
      await page.getByLabel('Användarnamn').fill('eva.lind');
      await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { name: 'Min arbetslista' }).waitFor();
      expect(await page.getByTestId('user-name').textContent()).toBe('Eva Lind');
      expect(await page.getByTestId('user-role').textContent()).toBe('Socialsekreterare') // her title, not the system role;
      expect(await page.getByTestId('user-unit').textContent()).toBe('Socialtjänsten – Vuxenenheten, Uppsala kommun');
      await expectNoAxeViolations(page);
    });

    await step('Eva switches to English', async () => {
      await page.getByLabel('Språk').selectOption('en');
      await page.getByRole('heading', { name: 'My worklist' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByTestId('user-role').textContent()).toBe('Socialsekreterare') // a title is data: the same in English;
      await expectNoAxeViolations(page);
    });

    await step('the choice of language survives a reload', async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'My worklist' }).waitFor();
    });

    await step('Eva signs out and the session is really gone', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in');
      await page.getByText('You are signed out.').waitFor();
      await page.goto(`${app.t.baseUrl}/`);
      await page.waitForURL('**/sign-in');
    });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells the user when the password is wrong, and keeps keyboard focus usable', async () => {
    const { step } = browserSteps(app.browser);
    const context = await app.browser.newContext();
    const page = await context.newPage();

    await step('the sign-in page puts focus on its heading', async () => {
      await page.goto(`${app.t.baseUrl}/sign-in`);
      await page.getByRole('heading', { name: 'Logga in' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    });

    await step('Jonas tabs through the form and types a wrong password', async () => {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('username');
      await page.keyboard.type('jonas.ek');
      await page.keyboard.press('Tab');
      await page.keyboard.type('not the password');
      await page.keyboard.press('Enter');
    });

    await step('the page says the password is wrong', async () => {
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe('Fel användarnamn eller lösenord.');
      await expectNoAxeViolations(page);
    });
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const { step } = browserSteps(app.browser);
    const context = await app.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();

    await step('Anders signs in on his phone', async () => {
      await page.goto(`${app.t.baseUrl}/sign-in`);
      await page.getByLabel('Användarnamn').fill('anders.nilsson');
      await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { name: 'Din plan' }).waitFor(); // a citizen's worklist
    });

    await step('his worklist fits the screen, accessibly', async () => {
      expect(await page.getByTestId('user-role').textContent()).toBe('Invånare');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });
    await context.close();
  });
});
