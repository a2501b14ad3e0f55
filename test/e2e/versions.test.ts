import { describe, it } from 'vitest';
import { plan } from '../support/plan-builder';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations, planWorkspaceLoaded } from './support';

const app = useTestApp({ browser: true });

describe('plan versions in the browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('the person reads the finalised plan and sees what changed since the meeting', async () => {
    const { step } = browserSteps(app.browser);

    const { id: planId } = await step('Eva and Jonas hold the meeting, write the plan and finalise it (API)', () =>
      plan(app)
        .for('anders')
        .by('eva.lind')
        .withConsent(['kommun', 'region'])
        .withParticipant('Jonas Ek')
        .preparing()
        .called({ unit: 'vuxenpsykiatri' })
        .meetingHeld() // version 1: empty
        .withContent({ currentSituation: 'Anders bor hos sin mamma.' })
        .finalised() // version 2
        .build(),
    );

    // Signed in over the API: the sign-in form is app-shell's and plan-flow's subject.
    const person = await step('Anders signs in on his phone', async () =>
      contextWithSession(app.browser, await app.as('anders.nilsson'), { viewport: { width: 390, height: 844 }, isMobile: true }),
    );
    const errors = collectConsoleErrors(person.page);
    const versions = person.page.getByRole('region', { name: 'Planens versioner' });

    await step('Anders opens his plan and sees version 2 listed', async () => {
      await person.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await versions.getByText('Version 2').waitFor();
      await planWorkspaceLoaded(person.page);
    });

    await step('Anders reads version 2 as agreed', async () => {
      await versions.getByRole('button', { name: 'Visa' }).nth(1).click();
      const view = versions.getByRole('article', { name: 'Version 2' });
      await view.getByText('Anders bor hos sin mamma.').waitFor();
      // The action as agreed, with the need it answers by name.
      await view.getByRole('cell', { name: 'Boendestöd' }).waitFor();
      await view.getByRole('cell', { name: 'Stöd i boendet' }).waitFor();
      await view.getByText('Försäkringskassan: Utreder aktivitetsersättning').waitFor();
      await expectNoAxeViolations(person.page);
    });

    await step('Anders sees what changed since version 1', async () => {
      await versions.getByRole('button', { name: 'Vad ändrades sedan version 1?' }).click();
      const diff = versions.getByRole('article', { name: 'Ändringar från version 1 till version 2' });
      await diff.getByText('Ny insats').first().waitFor();
      await diff.getByText(/Boendestöd/).waitFor();
      await diff.getByText(/Läkemedelsgenomgång/).waitFor();
      await expectNoAxeViolations(person.page);
    });
    if (errors.length) throw new Error(errors.join('\n'));
    await person.context.close();
  });
});
