import { afterAll, describe, it } from 'vitest';
import { insertParagraphs, richTextField } from '@sip/shared';
import { signedIn } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { writeStatutoryContent } from '../support/plan-content';
import { completePreparation, ok, planWithMeetingHeld } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';
import { collectConsoleErrors, expectNoAxeViolations, signInAs } from './support';

const app = useTestApp({ browser: true });
const clients: CollabClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

describe('plan versions in the browser', () => {
  it('the person reads the finalised plan and sees what changed since the meeting', async () => {
    const eva = await signedIn(app.t.baseUrl, 'eva.lind');
    const jonas = await signedIn(app.t.baseUrl, 'jonas.ek');
    const { planId, ids } = await planWithMeetingHeld(eva); // version 1: empty
    const open = async (session: typeof eva, section: Parameters<CollabClient['open']>[1]) => {
      const c = await CollabClient.connect(app.t.baseUrl, session);
      clients.push(c);
      return c.open(planId, section);
    };
    const { shared } = await writeStatutoryContent(open, eva, jonas, ids);
    insertParagraphs(richTextField(shared.doc, 'currentSituation'), 'Anders bor hos sin mamma.');
    await waitFor(() => shared.status === 'saved', 'saved');
    await completePreparation(eva, planId, ids.kommun);
    ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'finalise' })); // version 2

    const person = await signInAs(app.browser, app.t.baseUrl, 'anders.nilsson', { viewport: { width: 390, height: 844 }, isMobile: true });
    const errors = collectConsoleErrors(person.page);
    await person.page.goto(`${app.t.baseUrl}/plans/${planId}`);
    const versions = person.page.getByRole('region', { name: 'Planens versioner' });
    await versions.getByText('Version 2').waitFor();

    await versions.getByRole('button', { name: 'Visa' }).nth(1).click();
    const view = versions.getByRole('article', { name: 'Version 2' });
    await view.getByText('Anders bor hos sin mamma.').waitFor();
    // The action as agreed, with the need it answers by name.
    await view.getByRole('cell', { name: 'Boendestöd' }).waitFor();
    await view.getByRole('cell', { name: 'Stöd i boendet' }).waitFor();
    await view.getByText('Försäkringskassan: Utreder aktivitetsersättning').waitFor();
    await expectNoAxeViolations(person.page);

    await versions.getByRole('button', { name: 'Vad ändrades sedan version 1?' }).click();
    const diff = versions.getByRole('article', { name: 'Ändringar från version 1 till version 2' });
    await diff.getByText('Ny insats').first().waitFor();
    await diff.getByText(/Boendestöd/).waitFor();
    await diff.getByText(/Läkemedelsgenomgång/).waitFor();
    await expectNoAxeViolations(person.page);
    if (errors.length) throw new Error(errors.join('\n'));
    await person.context.close();
  });
});
