import { describe, expect, it } from 'vitest';
import { plan } from '../support/plan-builder';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations } from './support';

const app = useTestApp({ browser: true });

/** What a rich-text field says, without the others' carets drawn into it. */
function editorText(element: Element): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.collab-caret').forEach((c) => c.remove());
  return (copy.textContent ?? '').trim();
}

describe('co-editing the plan in the browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('a practitioner and the person see each other’s text and presence; the person cannot edit the kommun’s actions; offline text arrives', { timeout: E2E_TEST_TIMEOUT_MS + 30_000 }, async () => {
    const { step } = browserSteps(app.browser);

    const { starter: api, id: planId, ids } = await step('Eva starts a plan with consent and calls Jonas (API)', () =>
      plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).withParticipant('Jonas Ek').build(),
    );

    // Both are signed in over the API (the sign-in form is app-shell's and plan-flow's
    // subject); Eva's browser reuses the session that did the setup.
    const { staff, staffErrors } = await step('Eva opens the plan', async () => {
      const staff = await contextWithSession(app.browser, api);
      const staffErrors = collectConsoleErrors(staff.page);
      await staff.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      return { staff, staffErrors };
    });
    const person = await step('Anders opens the plan on his phone', async () => {
      const person = await contextWithSession(app.browser, await app.as('anders.nilsson'), { viewport: { width: 390, height: 844 }, isMobile: true });
      await person.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      return person;
    });

    const staffShared = staff.page.locator('[data-section="shared"]');
    const personShared = person.page.locator('[data-section="shared"]');
    await step('both see the shared text', async () => {
      await staffShared.getByLabel('Nuläge').waitFor();
      await personShared.getByLabel('Nuläge').waitFor();
    });

    await step('Eva writes in Nuläge; Anders sees the text and that she is there', async ({ poll }) => {
      await staffShared.getByLabel('Nuläge').pressSequentially('Anders bor hos sin mamma.');
      await poll(() => personShared.getByLabel('Nuläge').evaluate(editorText)).toBe('Anders bor hos sin mamma.');
      await personShared.getByTestId('presence').getByText('Eva Lind').waitFor();
    });

    await step('Eva writes a bold bullet; Anders sees it', async () => {
      // Rich text: a bulleted list and bold, made with the toolbar, arrive as such.
      await staffShared.getByLabel('Nuläge').press('Enter');
      await staffShared.getByRole('button', { name: 'Punktlista' }).first().click();
      await staffShared.getByRole('button', { name: 'Fet' }).first().click();
      await staffShared.getByLabel('Nuläge').pressSequentially('Eget boende');
      await personShared.getByLabel('Nuläge').locator('ul > li strong', { hasText: 'Eget boende' }).waitFor();
      expect(await staffShared.getByRole('button', { name: 'Fet' }).first().getAttribute('aria-pressed')).toBe('true');
    });

    await step('Jonas, who writes the shared text too, sees where Eva is writing: her named caret', async () => {
      // Carets are drawn in editors; Anders reads the shared text as text, without them.
      const jonas = await contextWithSession(app.browser, await app.as('jonas.ek'));
      await jonas.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await jonas.page.locator('[data-section="shared"]').locator('.collab-caret-label', { hasText: 'Eva Lind' }).waitFor();
      await jonas.context.close();
    });

    await step('Eva sees Anders present, and her text saved', async ({ poll }) => {
      // Presence within moments of opening, not at the next awareness renewal (15 s).
      await staffShared.getByTestId('presence').getByText('Anders Nilsson').waitFor({ timeout: 3000 });
      await poll(() => staffShared.getByTestId('save-shared').textContent()).toBe('Sparat');
    });

    const personPart = person.page.locator('[data-section="person"]');
    await step('Anders writes his own part and Eva sees it; the shared text is read-only for him', async ({ poll }) => {
      // His part opens as text; he chooses to write in it.
      await personPart.getByRole('button', { name: 'Skriv i den här delen' }).click();
      await personPart.getByRole('textbox', { name: 'Det här är viktigt för mig' }).fill('Att bo kvar i Uppsala');
      await poll(() => staff.page.locator('[data-section="person"]').getByLabel('Det här är viktigt för mig').evaluate(editorText)).toBe('Att bo kvar i Uppsala');
      // Read, not edited: the shared text is shown as text, with no editor behind it.
      expect(await personShared.getByLabel('Nuläge').getAttribute('contenteditable')).toBeNull();
      expect(await personShared.getByRole('textbox', { name: 'Nuläge' }).count()).toBe(0);
      expect(await personShared.getByRole('button', { name: 'Fet' }).count()).toBe(0);
    });

    await step('Anders comments on the shared text; Eva sees it arrive without reloading', async ({ poll }) => {
      await personShared.getByText(/^Kommentarer/).click();
      await personShared.getByLabel('Skriv en kommentar').fill('Jag vill hellre bo nära mamma.');
      await personShared.getByRole('button', { name: 'Skicka kommentar' }).click();
      await poll(() => personShared.getByLabel('Skriv en kommentar').inputValue()).toBe('');
      await staffShared.getByText(/^Kommentarer \(1\)/).click();
      await staffShared.getByText('Jag vill hellre bo nära mamma.').waitFor();
      await personShared.getByRole('button', { name: 'Ta bort min kommentar' }).waitFor();
      expect(await staffShared.getByRole('button', { name: 'Ta bort min kommentar' }).count()).toBe(0);
    });

    const personKommun = person.page.locator(`[data-section="actions:${ids.kommun}"]`);
    const staffKommun = staff.page.locator(`[data-section="actions:${ids.kommun}"]`);
    await step('the kommun’s actions are read-only for Anders', async () => {
      await personKommun.getByText('Du kan läsa men inte ändra här.').waitFor();
      expect(await personKommun.getByRole('button', { name: /Lägg till/ }).count()).toBe(0);
    });

    await step('Eva adds a need and a kommun action not done, with its reason; Anders sees them', async ({ poll }) => {
      // A need in the shared part, which the kommun's action then points to (statutory table).
      await staffShared.getByRole('button', { name: 'Lägg till: behov' }).click();
      await staffShared.getByRole('group', { name: 'Behov' }).getByLabel('Text').fill('Eget boende');
      await staffKommun.getByRole('button', { name: /Lägg till/ }).click();
      await staffKommun.getByLabel('Vad görs').fill('Boendestöd två gånger i veckan');
      await staffKommun.getByRole('combobox', { name: 'Behov Insats 1' }).selectOption({ label: 'Eget boende' });
      await staffKommun.getByRole('combobox', { name: 'Utförare Insats 1' }).selectOption({ label: 'Socialtjänsten – Vuxenenheten' });
      // "Not done" waits for its reason, then both are stored together (never refused).
      await staffKommun.getByRole('combobox', { name: 'Status Insats 1' }).selectOption({ label: 'Inte gjord' });
      await staffKommun.getByRole('textbox', { name: 'Varför inte gjord Insats 1' }).fill('Personen tackade nej');
      // Anders reads the action as text: a card headed by what is done, label and value below.
      const card = personKommun.locator('.action-card').first();
      await poll(() => card.getByRole('heading').textContent()).toBe('Boendestöd två gånger i veckan');
      await poll(() => card.locator('.fact-needId dd').textContent()).toBe('Eget boende');
      await poll(() => card.locator('.fact-status dd').textContent()).toBe('Inte gjord – Personen tackade nej');
      expect(staffErrors).toEqual([]);
      expect(await staffKommun.getByTestId('save-actions').textContent()).not.toMatch(/sparades inte/);
    });

    await step('Eva removes the action and undoes it; it comes back with every field, for Anders too', async ({ poll }) => {
      await staffKommun.getByRole('button', { name: 'Ta bort' }).click();
      await poll(() => personKommun.locator('.action-card').count()).toBe(0);
      await staffKommun.getByRole('status').getByText('Borttaget: Boendestöd två gånger i veckan.').waitFor();
      await staffKommun.getByRole('button', { name: 'Ångra' }).click();
      await poll(() => personKommun.locator('.action-card h4').textContent()).toBe('Boendestöd två gånger i veckan');
      await poll(() => personKommun.locator('.action-card .fact-status dd').textContent()).toBe('Inte gjord – Personen tackade nej');
      expect(await personKommun.getByRole('textbox').count()).toBe(0);
      await expectNoAxeViolations(person.page);
    });

    // A network loss: what the person types meanwhile arrives when the connection is back.
    await step('Anders loses the network and his page says he is offline', async ({ poll }) => {
      await person.context.setOffline(true);
      await poll(() => personPart.getByTestId('save-person').textContent()).toMatch(/^Offline/);
    });
    await step('what Anders wrote offline reaches Eva when he is back online', async ({ poll }) => {
      await personPart.getByRole('textbox', { name: 'Det här fungerar bra' }).fill('Kontakten med boendestödet');
      await person.context.setOffline(false);
      await poll(() => staff.page.locator('[data-section="person"]').getByLabel('Det här fungerar bra').evaluate(editorText)).toBe('Kontakten med boendestödet');
    }, { timeoutMs: 20_000 });

    await step('Eva sees Anders present again, once', async ({ poll }) => {
      // Once, not once per reconnect.
      await poll(() => staffShared.getByTestId('presence').getByText('Anders Nilsson').count()).toBe(1);
      await expectNoAxeViolations(staff.page);
      expect(staffErrors).toEqual([]);
    });
    await staff.context.close();
    await person.context.close();
  });
});
