import { afterAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/api-session';
import { PNR, directoryIds, ok, personId, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, contextWithSession, expectNoAxeViolations } from './support';

const app = useTestApp({ browser: true });
const contexts: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

describe('closing a plan', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('takes a reason chosen by the user and a confirmation that says what closing means; a called nurse is told who closes', async () => {
    const { step } = browserSteps(app.browser);
    const planId = await step('Eva starts a plan with the region taking part (API)', async () => {
      const eva = await signedIn(app.t.baseUrl, 'eva.lind');
      const ids = await directoryIds(eva);
      const id: string = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.sofia), trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten })).planId;
      ok(await eva.post(`/api/plans/${id}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
      ok(await eva.post(`/api/plans/${id}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
      return id;
    });

    await step('Jonas, taking part for the region, is not offered to close it', async () => {
      const jonas = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'jonas.ek'));
      contexts.push(jonas.context);
      await jonas.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await jonas.page.getByText('Planen avslutas av den som initierade den', { exact: false }).waitFor();
      expect(await jonas.page.getByRole('button', { name: 'Avsluta planen…' }).count()).toBe(0);
    });

    const eva = await step('Eva opens the plan', async () => {
      const c = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'eva.lind'));
      contexts.push(c.context);
      await c.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await c.page.getByRole('button', { name: 'Avsluta planen…' }).click();
      return c;
    });

    await step('no reason is chosen for her; after choosing one she must confirm what closing means', async () => {
      const form = eva.page.getByRole('form', { name: 'Avsluta planen' });
      expect(await form.getByLabel('Skäl').inputValue()).toBe('');
      expect(await form.getByRole('button', { name: 'Avsluta planen' }).isDisabled()).toBe(true);
      await form.getByLabel('Skäl').selectOption({ label: 'Annat' });
      await form.getByText('beskriv skälet när det är ”annat”', { exact: false }).waitFor();
      await form.getByLabel('Kommentar').fill('Personen har flyttat till en annan kommun i länet.');
      await form.getByRole('button', { name: 'Avsluta planen' }).click();
      await form.getByRole('alert').getByText('När planen avslutas kan ingen längre ändra den', { exact: false }).waitFor();
      await expectNoAxeViolations(eva.page);
      expect(ok(await (await signedIn(app.t.baseUrl, 'eva.lind')).get(`/api/plans/${planId}`)).state).not.toBe('avslutad');
      await form.getByRole('button', { name: 'Ja, avsluta planen' }).click();
      await eva.page.getByTestId('plan-state').getByText('Avslutad').waitFor();
    });
  });
});
