import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '@sip/shared';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, expectNoAxeViolations } from './support';

const app = useTestApp({ browser: true });

const NORA = { username: 'nora.nyberg', password: 'nora-password-1', name: 'Nora Nyberg' };
const UNIT = 'Socialtjänsten – Mottagningen';

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${app.t.baseUrl}/sign-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the admin’s product in a real browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('creates a unit and a staff account who signs in, disables it, browses the audit log and verifies the chain', async () => {
    const { step } = browserSteps(app.browser);
    const adminContext = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const admin = await adminContext.newPage();
    const errors = collectConsoleErrors(admin);

    await step('the admin signs in and starts in the admin area, not an empty worklist', async () => {
      await signIn(admin, 'admin', DEMO_PASSWORD);
      await admin.waitForURL('**/admin');
      await admin.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      const mainNav = admin.getByRole('navigation', { name: 'Huvudmeny' });
      expect(await mainNav.getByRole('link').allTextContents()).toEqual(['Administration']);
      await expectNoAxeViolations(admin);
    });

    await step('the admin adds a unit under Uppsala kommun', async () => {
      await admin.getByRole('navigation', { name: 'Administrationens delar' }).getByRole('link', { name: 'Huvudmän och enheter' }).click();
      const kommun = admin.getByRole('article', { name: 'Uppsala kommun' });
      await kommun.getByLabel('Ny enhet under Uppsala kommun').fill(UNIT);
      await kommun.getByRole('button', { name: 'Lägg till enhet' }).click();
      await admin.getByRole('status').filter({ hasText: `Enheten ${UNIT} är tillagd.` }).waitFor();
      await kommun.getByRole('listitem').filter({ hasText: UNIT }).waitFor();
      await expectNoAxeViolations(admin);
    });

    await step('the staff form says beside each field what is missing, before anything is sent', async () => {
      await admin.getByRole('link', { name: 'Personal', exact: true }).click();
      await admin.getByRole('link', { name: 'Nytt personalkonto' }).click();
      await admin.getByRole('heading', { name: 'Nytt personalkonto' }).waitFor();
      await admin.getByLabel('Handläggare').uncheck();
      await admin.getByRole('button', { name: 'Skapa konto' }).click();
      await admin.getByText('Minst 3 tecken.').waitFor();
      expect(await admin.locator('.field-error').allTextContents()).toEqual(['Minst 3 tecken.', 'Fyll i.', 'Välj minst ett alternativ.', 'Minst 10 tecken.']);
      // The first field in error has focus, and names its error.
      const focused = await admin.evaluate(() => ({ name: (document.activeElement as HTMLInputElement).name, invalid: document.activeElement?.getAttribute('aria-invalid') }));
      expect(focused).toEqual({ name: 'username', invalid: 'true' });
      await expectNoAxeViolations(admin);
    });

    await step('the admin creates Nora’s account in the new unit', async () => {
      await admin.getByLabel('Användarnamn').fill(NORA.username);
      await admin.getByLabel('Namn', { exact: true }).fill(NORA.name);
      await admin.getByLabel('Titel (valfritt)').fill('Socialsekreterare');
      await admin.getByLabel('Handläggare').check();
      await admin.getByLabel(UNIT).check();
      await admin.getByLabel('Lösenord').fill(NORA.password);
      await admin.getByRole('button', { name: 'Skapa konto' }).click();
      await admin.getByRole('heading', { name: `Ändra ${NORA.name}` }).waitFor();
      await admin.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
      expect(await admin.getByLabel(UNIT).isChecked()).toBe(true);
      await expectNoAxeViolations(admin);
    });

    const noraContext = await app.browser.newContext();
    const nora = await noraContext.newPage();
    await step('Nora signs in and sees her unit', async () => {
      await signIn(nora, NORA.username, NORA.password);
      await nora.getByRole('heading', { name: 'Min arbetslista' }).waitFor();
      expect(await nora.getByTestId('user-name').textContent()).toBe(NORA.name);
      expect(await nora.getByTestId('user-unit').textContent()).toBe(`${UNIT}, Uppsala kommun`);
      // Not an administrator: the admin area says so, and the header does not offer it.
      expect(await nora.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    });

    await step('the admin disables Nora’s account: her session ends and she cannot sign in', async () => {
      await admin.getByRole('button', { name: 'Inaktivera kontot' }).click();
      await admin.getByRole('button', { name: `Ja, inaktivera ${NORA.name}` }).click();
      await admin.getByRole('status').filter({ hasText: 'Kontot är inaktiverat.' }).waitFor();
      await admin.getByText('Kontot är inaktiverat och kan inte logga in.').waitFor();
      await expectNoAxeViolations(admin);
      await nora.reload();
      await nora.waitForURL('**/sign-in');
      await signIn(nora, NORA.username, NORA.password);
      await nora.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor();
    });

    await step('in English, the admin finds Nora’s sign-in in the audit log by her username', async (s) => {
      await admin.getByLabel('Språk').selectOption('en');
      await admin.getByRole('link', { name: 'Audit log' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      await admin.getByLabel('Actor (username)').fill(NORA.username);
      await admin.getByRole('button', { name: 'Show', exact: true }).click();
      await admin.waitForURL(/actorUsername=nora\.nyberg/);
      // Every row shown is one of Nora's (the page before stays on screen, marked busy, until then).
      const actors = async () => (await admin.locator('[aria-busy="false"] tbody tr td:nth-child(2)').allTextContents()).map((a) => a.startsWith(NORA.name));
      await s.poll(actors).toEqual([true]);
      await admin.locator('tbody tr').filter({ hasText: 'Signed in' }).waitFor();
      await expectNoAxeViolations(admin);
    });

    await step('the admin narrows the log to staff account changes and sees the disabling', async () => {
      await admin.getByLabel('Actor (username)').fill('');
      await admin.getByLabel('Event', { exact: true }).selectOption({ label: 'Staff account changed' });
      await admin.getByRole('button', { name: 'Show', exact: true }).click();
      await admin.waitForURL(/action=directory\.staff\.update/);
      await admin.locator('[aria-busy="false"] table').waitFor();
      await admin.locator('tbody tr').filter({ hasText: 'changed: ["disabled"]' }).first().waitFor();
    });

    await step('the admin verifies the chain and reads the result', async () => {
      await admin.getByRole('button', { name: 'Check the chain' }).click();
      const result = admin.getByTestId('verify-result');
      await result.waitFor();
      expect(await result.textContent()).toMatch(/^The log is unbroken: [\d,]+ events checked\.$/);
      await expectNoAxeViolations(admin);
    });

    expect(errors).toEqual([]);
    await noraContext.close();
    await adminContext.close();
  });

  it('registers a person without showing the personnummer again, links relatives and sets a county’s deadlines, on a phone', async () => {
    const { step } = browserSteps(app.browser);
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const serial = '123';
    const personnummer = `19700101-${serial}${luhnCheckDigit(`700101${serial}`)}`;
    const wrongDigit = `19700101-${serial}${(luhnCheckDigit(`700101${serial}`) + 1) % 10}`;

    await step('the admin signs in on a phone', async () => {
      await signIn(page, 'admin', DEMO_PASSWORD);
      await page.waitForURL('**/admin');
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    });

    await step('a wrong check digit is refused beside the field', async () => {
      await page.getByRole('link', { name: 'Personer', exact: true }).first().click();
      await page.getByRole('link', { name: 'Registrera person' }).click();
      await page.getByLabel('Namn', { exact: true }).fill('Vera Holm');
      await page.getByLabel('Personnummer eller samordningsnummer').fill(wrongDigit);
      await page.getByRole('button', { name: 'Registrera', exact: true }).click();
      await page.getByText('Kontrollsiffran stämmer inte.').waitFor();
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });

    await step('the person is registered and the number is shown masked only', async () => {
      await page.getByLabel('Personnummer eller samordningsnummer').fill(personnummer);
      await page.getByRole('button', { name: 'Registrera', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Vera Holm' }).waitFor();
      expect(await page.getByTestId('personnummer').textContent()).toBe('19700101-****');
      const shown = await page.evaluate(() => document.body.innerText + Array.from(document.querySelectorAll('input')).map((i) => i.value).join(' '));
      expect(shown).not.toContain(personnummer.slice(-4));
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });

    await step('an existing citizen account is linked as her representative', async () => {
      await page.getByLabel('Relation').selectOption({ label: 'Ombud' });
      await page.getByLabel('Sök konto (namn eller användarnamn)').fill('birgitta');
      await page.getByLabel('Birgitta Nilsson (birgitta.nilsson)').check();
      await page.getByRole('button', { name: 'Koppla', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Birgitta Nilsson är kopplad.' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Birgitta Nilsson (birgitta.nilsson) – Ombud' }).waitFor();
    });

    await step('a new account is made and linked as a relative; a taken username is said beside its field', async () => {
      await page.getByLabel('Ett nytt konto').check();
      await page.getByLabel('Namn', { exact: true }).last().fill('Olle Holm');
      await page.getByLabel('Användarnamn').last().fill('anders.nilsson');
      await page.getByLabel('Lösenord').last().fill('olle-password-1');
      await page.getByRole('button', { name: 'Koppla', exact: true }).click();
      await page.getByText('Upptaget – välj ett annat.').waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel('Användarnamn').last().fill('olle.holm');
      await page.getByRole('button', { name: 'Koppla', exact: true }).click();
      await page.getByRole('listitem').filter({ hasText: 'Olle Holm (olle.holm) – Närstående' }).waitFor();
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });

    await step('a county’s discharge deadline and a reminder are set, with out-of-bounds values refused', async () => {
      await page.getByRole('link', { name: 'Länsinställningar' }).click();
      const days = page.getByLabel('Dagar från utskrivningsklar till kallelse');
      await days.fill('0');
      await page.getByRole('button', { name: 'Spara inställningarna för Uppsala län' }).click();
      await page.getByText('Minst 1.').waitFor();
      await days.fill('5');
      await page.getByLabel('En åtgärd närmar sig sitt slutdatum (dagar före)').fill('10');
      // The meeting parts' time shares are one more group of the same form.
      await page.getByLabel('Egen fördelning för länet').check();
      await page.getByLabel('Behov (procent)').fill('45');
      await page.getByRole('button', { name: 'Spara inställningarna för Uppsala län' }).click();
      await page.getByText('Delarnas andelar ska tillsammans bli 100 %.').waitFor();
      expect(await page.getByLabel('Inledning (procent)').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Inledning (procent)').fill('5');
      await page.getByRole('button', { name: 'Spara inställningarna för Uppsala län' }).click();
      await page.getByRole('status').filter({ hasText: 'Inställningarna för Uppsala län är sparade.' }).waitFor();
      expect(await noOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });

    await step('in English, the settings read back as stored', async () => {
      await page.reload();
      await page.getByLabel('Språk').selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'County settings' }).waitFor();
      expect(await page.getByLabel('Days from ready for discharge to the call').inputValue()).toBe('5');
      expect(await page.getByLabel('An action is nearing its end date (days before)').inputValue()).toBe('10');
      expect(await page.getByLabel('Shares of the county’s own').isChecked()).toBe(true);
      expect(await page.getByLabel('Needs (per cent)').inputValue()).toBe('45');
      expect(await page.getByLabel('Introduction (per cent)').inputValue()).toBe('5');
      await expectNoAxeViolations(page);
    });
    await context.close();
  });
});
