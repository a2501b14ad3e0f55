import { describe, expect, it } from 'vitest';
import { signedIn } from '../support/api-session';
import { PNR } from '../support/plan-fixtures';
import { Clock } from '../../server/src/jobs/clock';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations, planWorkspaceLoaded, signInAs } from './support';

const app = useTestApp({ browser: true });

describe('a SIP from start to meeting, and the person’s view', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('a practitioner starts a SIP, records consent, calls the region and records the meeting; the person sees it and controls a relative’s access', async () => {
    const { step } = browserSteps(app.browser);

    // --- The practitioner -----------------------------------------------------------
    const { context: staffContext, page } = await step('Eva signs in', () => signInAs(app.browser, app.t.baseUrl, 'eva.lind'));
    const errors = collectConsoleErrors(page);

    await step('Eva finds Anders by personnummer', async () => {
      await page.getByRole('link', { name: 'Starta SIP' }).click();
      await page.getByLabel('Personnummer eller samordningsnummer').fill(PNR.anders);
      await page.getByRole('button', { name: 'Sök person' }).click();
      await page.getByText('Anders Nilsson, 41 år').waitFor();
      await expectNoAxeViolations(page);
    });

    await step('Eva starts the SIP', async () => {
      await page.getByLabel('Beskriv behovet').fill('Behöver stöd från både socialtjänst och psykiatri');
      await page.getByRole('button', { name: 'Starta SIP' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anders Nilsson' }).waitFor();
      expect(await page.getByTestId('plan-state').textContent()).toBe('Initierad');
      // A refused action explains itself before anyone presses the button.
      await page.getByText('Förberedelsen kan inte startas: samtycke saknas.').waitFor();
      await planWorkspaceLoaded(page);
      await expectNoAxeViolations(page);
    });

    await step('Eva records consent', async () => {
      // Kommun is ticked by default; add the region and the kinds of information.
      const consentForm = page.getByRole('form', { name: 'Registrera samtycke' });
      await consentForm.getByLabel('Region Uppsala').check();
      await consentForm.getByLabel('Socialtjänst').check();
      await consentForm.getByLabel('Psykiatri').check();
      await consentForm.getByRole('button', { name: 'Registrera samtycke' }).click();
      await page.getByTestId('plan-state').getByText('Samtycke').waitFor();
    });

    await step('Eva starts the preparation', async () => {
      await page.getByRole('button', { name: 'Starta förberedelse' }).click();
      await page.getByTestId('plan-state').getByText('Förberedelse').waitFor();
    });

    await step('Eva sends the kallelse', async () => {
      const callForm = page.getByRole('form', { name: 'Skicka kallelse' });
      await callForm.getByLabel('Mötets datum och tid').fill('2031-05-12T10:00');
      await callForm.getByLabel('Plats').fill('Stadshuset, rum 4');
      await callForm.getByLabel('Syfte med mötet').fill('Samordna boende och behandling');
      await callForm.getByLabel('Region Uppsala – Vuxenpsykiatrimottagningen Uppsala').check();
      await callForm.getByRole('button', { name: 'Skicka kallelse' }).click();
      await page.getByTestId('plan-state').getByText('Kallad').waitFor();
      await page.getByTestId('calls').getByText('Kallelse: Region Uppsala – Vuxenpsykiatrimottagningen Uppsala').waitFor();
      expect(await page.getByRole('link', { name: 'Ladda ner till kalendern (.ics)' }).getAttribute('href')).toMatch(/calendar\.ics$/);
      await expectNoAxeViolations(page);
    });

    await step('Eva records the meeting as held and opens version 1', async () => {
      // The meeting's day has come (the server's clock moved there).
      app.t.app.get(Clock).travel(new Date('2031-05-12T12:00:00Z'));
      await page.getByRole('button', { name: 'Registrera mötet som hållet' }).click();
      await page.getByRole('form', { name: 'Registrera mötet som hållet' }).getByRole('button', { name: 'Spara' }).click();
      await page.getByTestId('plan-state').getByText('Möte hållet').waitFor();
      app.t.app.get(Clock).travel(new Date());
      // The plan as agreed at the meeting is frozen and listed at once.
      const versions = page.getByRole('region', { name: 'Planens versioner' });
      await versions.getByText('Version 1').waitFor();
      await versions.getByRole('button', { name: 'Visa' }).click();
      await versions.getByRole('heading', { name: 'Version 1 – efter mötet' }).waitFor();
    });
    const planUrl = page.url();
    // Anders and Birgitta also have the demo data's plan for him: links go by the plan's path.
    const planLink = `a[href="${new URL(planUrl).pathname}"]`;
    expect(errors).toEqual([]);
    await staffContext.close();

    // --- The person, on a phone ------------------------------------------------------
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const person = await step('Anders signs in on his phone', () => signInAs(app.browser, app.t.baseUrl, 'anders.nilsson', phone));

    await step('Anders reads his plan, who has seen it and version 1', async () => {
      await person.page.locator(planLink).click();
      await person.page.getByRole('heading', { level: 1, name: 'Din plan' }).waitFor();
      await planWorkspaceLoaded(person.page);
      await person.page.getByTestId('access-log').getByText('Eva Lind').first().waitFor();
      await person.page.getByTestId('participants').getByText('Eva Lind').waitFor();
      await person.page.getByRole('region', { name: 'Planens versioner' }).getByRole('button', { name: 'Visa' }).click();
      await person.page.getByRole('heading', { name: 'Version 1 – efter mötet' }).waitFor();
      await expectNoAxeViolations(person.page);
    });

    await step('Anders gives Birgitta access', async () => {
      await person.page.getByRole('button', { name: 'Ge Birgitta Nilsson tillgång' }).click();
      await person.page.getByRole('button', { name: 'Ta bort Birgitta Nilsson' }).waitFor();
    });

    // --- The relative sees the plan while allowed --------------------------------------
    // Signed in over the API: her sign-in is not the subject, and loading the sign-in page
    // first would be a page load for nothing.
    const relative = await step('Birgitta signs in on her phone', async () => contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'birgitta.nilsson'), phone));
    await step('Birgitta reads the plan', async () => {
      await relative.page.goto(planUrl);
      await relative.page.getByRole('heading', { level: 1, name: 'Plan för Anders Nilsson' }).waitFor();
      await planWorkspaceLoaded(relative.page);
      await expectNoAxeViolations(relative.page);
    });

    // --- The person removes her; her access ends at once -------------------------------
    await step('Anders removes Birgitta’s access', async () => {
      await person.page.getByRole('button', { name: 'Ta bort Birgitta Nilsson' }).click();
      await person.page.getByRole('button', { name: 'Ge Birgitta Nilsson tillgång' }).waitFor();
    });
    await step('Birgitta is told and taken to her start page; the plan is gone for her', async () => {
      await relative.page.getByTestId('access-ended').getByText('Du har inte längre tillgång till planen för Anders Nilsson.', { exact: false }).waitFor();
      await relative.page.goto(planUrl);
      await relative.page.getByRole('alert').getByText('Det som efterfrågades finns inte.').waitFor();
      // The app's own link, not a second page load: the worklist is fetched afresh either way.
      await relative.page.getByRole('navigation').getByRole('link', { name: 'Arbetslista' }).click();
      // Her list is loaded (it still holds the demo plan Anders let her into) without this one.
      await relative.page.getByRole('row', { name: 'Anders Nilsson Fastställd' }).waitFor();
      expect(await relative.page.locator(planLink).count()).toBe(0);
    });
    await person.context.close();
    await relative.context.close();
  });
});
