import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plan } from '../support/plan-builder';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations, planWorkspaceLoaded } from './support';

/**
 * The staff plan page's forms: every field error in the user's language beside its field
 * (from the shared schemas before sending, from the server's field errors after), buttons
 * that say why they cannot be pressed instead of failing, "Sparat" after saving, and meeting
 * times in Stockholm time in a browser set to New York.
 */
const app = useTestApp({ browser: true });
const NEW_YORK = { timezoneId: 'America/New_York' };

/** The text a control (or a group) is described by: its hint and its error, beside it. */
const description = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

const setLanguage = async (page: Page, language: 'sv' | 'en') => page.getByLabel(language === 'en' ? 'Språk' : 'Language').selectOption(language);

/** No developer English may reach the screen: zod's own messages, schema paths. */
const expectNoDeveloperText = async (page: Page) => {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/Invalid|expected|Too small|YYYYMMDD|meeting\.startsAt|>=1 items/);
};

describe('staff plan forms', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('start a SIP and record consent: field errors beside their fields in Swedish and English; "Starta förberedelse" says consent is missing', async () => {
    const { step } = browserSteps(app.browser);
    const p = await plan(app).for('anders').by('eva.lind').build();
    const { context, page } = await contextWithSession(app.browser, await app.as('eva.lind'), NEW_YORK);
    const errors = collectConsoleErrors(page);

    await step('a mistyped personnummer is explained beside the field, before anything is sent', async ({ poll }) => {
      await page.goto(`${app.t.baseUrl}/plans/new`);
      const pnr = page.getByLabel('Personnummer eller samordningsnummer');
      await pnr.fill('19850312-2394');
      await page.getByRole('button', { name: 'Sök person' }).click();
      await poll(() => description(pnr)).toContain('Kontrollsiffran stämmer inte.');
      expect(await pnr.getAttribute('aria-invalid')).toBe('true');
      await pnr.fill('1985');
      await page.getByRole('button', { name: 'Sök person' }).click();
      await poll(() => description(pnr)).toContain('Skriv som ÅÅÅÅMMDD-NNNN.');
      await expectNoDeveloperText(page);
      await expectNoAxeViolations(page);
    });

    await step('in English the same field says it in English', async ({ poll }) => {
      await setLanguage(page, 'en');
      const pnr = page.getByLabel('Personal identity or coordination number');
      await poll(() => description(pnr)).toContain('Write it as YYYYMMDD-NNNN.');
      await expectNoAxeViolations(page);
      await setLanguage(page, 'sv');
    });

    await step('the plan in Initierad: "Starta förberedelse" is disabled, because consent is missing', async () => {
      await page.goto(`${app.t.baseUrl}/plans/${p.id}`);
      const start = page.getByRole('button', { name: 'Starta förberedelse' });
      await start.waitFor();
      expect(await start.isDisabled()).toBe(true);
      expect(await description(start)).toBe('Förberedelsen kan inte startas: samtycke saknas.');
      await planWorkspaceLoaded(page);
      await expectNoAxeViolations(page);
    });

    await step('a consent without kinds of information says so beside the group', async ({ poll }) => {
      const consentForm = page.getByRole('form', { name: 'Registrera samtycke' });
      await consentForm.getByRole('button', { name: 'Registrera samtycke' }).click();
      const kinds = consentForm.getByRole('group', { name: 'Slags uppgifter' });
      await poll(() => description(kinds)).toBe('Välj minst ett alternativ.');
      await expectNoDeveloperText(page);
      await expectNoAxeViolations(page);
      await setLanguage(page, 'en');
      await poll(() => description(page.getByRole('form', { name: 'Record consent' }).getByRole('group', { name: 'Kinds of information' }))).toBe('Choose at least one.');
      await expectNoAxeViolations(page);
      await setLanguage(page, 'sv');
    });

    await step('the error goes once its cause is gone, and consent recorded opens the preparation', async ({ poll }) => {
      const consentForm = page.getByRole('form', { name: 'Registrera samtycke' });
      await consentForm.getByLabel('Socialtjänst').check();
      const kinds = consentForm.getByRole('group', { name: 'Slags uppgifter' });
      await poll(() => description(kinds)).toBe('');
      await consentForm.getByRole('button', { name: 'Registrera samtycke' }).click();
      await page.getByTestId('plan-state').getByText('Samtycke').waitFor();
      expect(await page.getByRole('button', { name: 'Starta förberedelse' }).isDisabled()).toBe(false);
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the call form: messages beside fields, the server’s refusal beside its field, Stockholm time in a New York browser; "Sparat"; only the called unit confirms', async () => {
    const { step } = browserSteps(app.browser);
    const p = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).preparing().build();
    const { context, page } = await contextWithSession(app.browser, await app.as('eva.lind'), NEW_YORK);
    const errors = collectConsoleErrors(page);
    await page.goto(`${app.t.baseUrl}/plans/${p.id}`);
    const callForm = page.getByRole('form', { name: 'Skicka kallelse' });

    await step('saving the preparation confirms it: "Sparat"', async () => {
      await page.getByLabel('Frågeställningar (en per rad)').fill('Boende\nBehandling');
      await page.getByRole('button', { name: 'Spara förberedelse' }).click();
      // The notice beside the button, a live region (not the workspace's own save status).
      const notice = page.locator('.saved-notice[role="status"]').first();
      await notice.getByText('Sparat').waitFor();
      await planWorkspaceLoaded(page);
      // Written once, shown where the plan is read: the shared part lists them from here.
      await page.locator('[data-section="shared"]').getByRole('list', { name: 'Frågeställningar' }).getByText('Behandling').waitFor();
      // The long-term goal is the person's, written in their part: here it is text, not a field.
      expect(await page.getByRole('textbox', { name: 'Personens långsiktiga mål' }).count()).toBe(0);
      await page.getByTestId('long-term-goal').getByText('Inget långsiktigt mål skrivet ännu.').waitFor();
      await expectNoAxeViolations(page);
    });

    await step('an empty call is explained field by field, in Swedish', async ({ poll }) => {
      await callForm.getByRole('button', { name: 'Skicka kallelse' }).click();
      await poll(() => description(callForm.getByLabel('Mötets datum och tid'))).toBe('Fyll i.');
      expect(await description(callForm.getByLabel('Plats'))).toBe('Ange en plats eller en videolänk.');
      expect(await description(callForm.getByLabel('Syfte med mötet'))).toBe('Fyll i.');
      expect(await description(callForm.getByRole('group', { name: 'Kalla huvudmän (kommun och region)' }))).toBe('Välj minst ett alternativ.');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('datetime-local');
      await expectNoDeveloperText(page);
      await expectNoAxeViolations(page);
    });

    await step('and in English', async ({ poll }) => {
      await setLanguage(page, 'en');
      const form = page.getByRole('form', { name: 'Send the call' });
      await poll(() => description(form.getByLabel('Meeting date and time'))).toBe('Required.');
      expect(await description(form.getByLabel('Purpose of the meeting'))).toBe('Required.');
      await expectNoAxeViolations(page);
      await setLanguage(page, 'sv');
    });

    await step('a time in the past: the server’s refusal is said beside the time, and goes when the time changes', async ({ poll }) => {
      const time = callForm.getByLabel('Mötets datum och tid');
      await time.fill('2020-01-10T10:00');
      await callForm.getByLabel('Plats').fill('Stadshuset, rum 4');
      await callForm.getByLabel('Syfte med mötet').fill('Samordna boende och behandling');
      await callForm.getByLabel('Region Uppsala – Vuxenpsykiatrimottagningen Uppsala').check();
      await callForm.getByRole('button', { name: 'Skicka kallelse' }).click();
      await poll(() => description(time)).toBe('Mötet måste ligga i framtiden.');
      await expectNoDeveloperText(page);
      await expectNoAxeViolations(page);
      await time.fill('2031-05-12T10:00');
      await poll(() => description(time)).toBe('');
    });

    await step('10:00 typed in New York is 10:00 in Stockholm', async () => {
      await callForm.getByRole('button', { name: 'Skicka kallelse' }).click();
      await page.getByTestId('plan-state').getByText('Kallad').waitFor();
      const detail = await p.detail();
      expect(detail.meetings!.map((m) => m.startsAt)).toContainEqual(expect.stringMatching(/^2031-05-12T08:00:00(\.000)?Z$/));
      await page.getByText(/12 maj 2031.*10:00/).first().waitFor();
    });

    await step('Eva is not offered "Bekräfta kallelsen" for the region’s unit; she reads who confirms it', async () => {
      const calls = page.getByTestId('calls');
      await calls.getByText('Kallelsen bekräftas av någon på Region Uppsala – Vuxenpsykiatrimottagningen Uppsala.').waitFor();
      expect(await calls.getByRole('button', { name: 'Bekräfta kallelsen' }).count()).toBe(0);
      await expectNoAxeViolations(page);
    });
    // The one refusal asked for (the time in the past) is logged by the browser as a 400.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();

    await step('Jonas, in the called unit, is offered it and confirms', async () => {
      const jonas = await contextWithSession(app.browser, await app.as('jonas.ek'));
      await jonas.page.goto(`${app.t.baseUrl}/plans/${p.id}`);
      await jonas.page.getByTestId('calls').getByRole('button', { name: 'Bekräfta kallelsen' }).click();
      await jonas.page.getByTestId('calls').getByText('Bekräftad av Jonas Ek').waitFor();
      await jonas.context.close();
    });
  });

  it('the child’s view: a secret view needs its reason, said beside the field; saving is confirmed', async () => {
    const { step } = browserSteps(app.browser);
    const p = await plan(app).for('elin').by('omar.haddad').build();
    const { context, page } = await contextWithSession(app.browser, await app.as('omar.haddad'));
    const errors = collectConsoleErrors(page);
    await page.goto(`${app.t.baseUrl}/plans/${p.id}`);
    const section = page.getByRole('region', { name: 'Barnets egen röst' });

    await step('kept from the guardians without a reason: the reason field says so', async ({ poll }) => {
      // The view itself is written once, in the child's part of the plan; this card says where.
      await section.getByText('Barnets egen syn skrivs i planens del ”Barnets egen del”', { exact: false }).waitFor();
      expect(await section.getByRole('textbox', { name: 'Barnets egen syn' }).count()).toBe(0);
      await section.getByLabel('Hemligt för vårdnadshavarna (barnet bedöms moget)').check();
      await section.getByRole('button', { name: 'Spara' }).click();
      await poll(() => description(section.getByLabel('Skäl för bedömningen'))).toBe('Fyll i.');
      expect(await section.locator('.saved-notice').textContent()).toBe('');
      await planWorkspaceLoaded(page);
      await expectNoAxeViolations(page);
    });

    await step('with the reason it is saved, and "Sparat" says so until the next edit', async ({ poll }) => {
      await section.getByLabel('Skäl för bedömningen').fill('Elin är 15 och har sagt det tydligt.');
      await poll(() => description(section.getByLabel('Skäl för bedömningen'))).toBe('');
      await section.getByRole('button', { name: 'Spara' }).click();
      await section.locator('.saved-notice').getByText('Sparat').waitFor();
      await expectNoAxeViolations(page);
      await section.getByLabel('Skäl för bedömningen').fill('Elin är 15 och har sagt det tydligt, två gånger.');
      await poll(() => section.locator('.saved-notice').textContent()).toBe('');
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
