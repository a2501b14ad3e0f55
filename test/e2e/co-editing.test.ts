import { describe, expect, it } from 'vitest';
import { signedIn } from '../support/api-session';
import { PNR, directoryIds, ok, personId, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';
import { collectConsoleErrors, expectNoAxeViolations, signInAs } from './support';

const app = useTestApp({ browser: true });

/** What a rich-text field says, without the others' carets drawn into it. */
function editorText(element: Element): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.collab-caret').forEach((c) => c.remove());
  return (copy.textContent ?? '').trim();
}

describe('co-editing the plan in the browser', () => {
  it('a practitioner and the person see each other’s text and presence; the person cannot edit the kommun’s actions; offline text arrives', async () => {
    const api = await signedIn(app.t.baseUrl, 'eva.lind');
    const ids = await directoryIds(api);
    const plan = ok(await api.post('/api/plans', { personId: await personId(api, PNR.anders), trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten }));
    ok(await api.post(`/api/plans/${plan.id}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
    ok(await api.post(`/api/plans/${plan.id}/participants`, { role: 'kallad_personal', accountId: await staffId(api, 'Jonas Ek') }));

    const staff = await signInAs(app.browser, app.t.baseUrl, 'eva.lind');
    const staffErrors = collectConsoleErrors(staff.page);
    await staff.page.goto(`${app.t.baseUrl}/plans/${plan.id}`);
    const person = await signInAs(app.browser, app.t.baseUrl, 'anders.nilsson', { viewport: { width: 390, height: 844 }, isMobile: true });
    await person.page.goto(`${app.t.baseUrl}/plans/${plan.id}`);

    const staffShared = staff.page.locator('[data-section="shared"]');
    const personShared = person.page.locator('[data-section="shared"]');
    await staffShared.getByLabel('Nuläge').waitFor();
    await personShared.getByLabel('Nuläge').waitFor();

    await staffShared.getByLabel('Nuläge').pressSequentially('Anders bor hos sin mamma.');
    await expect.poll(() => personShared.getByLabel('Nuläge').evaluate(editorText), { timeout: 5000 }).toBe('Anders bor hos sin mamma.');
    await personShared.getByTestId('presence').getByText('Eva Lind').waitFor();
    // Rich text: a bulleted list and bold, made with the toolbar, arrive as such.
    await staffShared.getByLabel('Nuläge').press('Enter');
    await staffShared.getByRole('button', { name: 'Punktlista' }).first().click();
    await staffShared.getByRole('button', { name: 'Fet' }).first().click();
    await staffShared.getByLabel('Nuläge').pressSequentially('Eget boende');
    await personShared.getByLabel('Nuläge').locator('ul > li strong', { hasText: 'Eget boende' }).waitFor({ timeout: 5000 });
    expect(await staffShared.getByRole('button', { name: 'Fet' }).first().getAttribute('aria-pressed')).toBe('true');
    // The person sees where the practitioner is writing: a caret with her name, in her colour.
    await personShared.locator('.collab-caret-label', { hasText: 'Eva Lind' }).waitFor({ timeout: 5000 });
    // Presence within moments of opening, not at the next awareness renewal (15 s).
    await staffShared.getByTestId('presence').getByText('Anders Nilsson').waitFor({ timeout: 3000 });
    await expect.poll(() => staffShared.getByTestId('save-shared').textContent()).toBe('Sparat');

    // The person's own part: theirs to write, and the practitioner sees it.
    const personPart = person.page.locator('[data-section="person"]');
    await personPart.getByLabel('Det här är viktigt för mig').fill('Att bo kvar i Uppsala');
    await expect.poll(() => staff.page.locator('[data-section="person"]').getByLabel('Det här är viktigt för mig').evaluate(editorText), { timeout: 5000 }).toBe('Att bo kvar i Uppsala');
    // …but only theirs: the shared text is read-only for the person.
    expect(await personShared.getByLabel('Nuläge').getAttribute('contenteditable')).toBe('false');
    expect(await personShared.getByRole('button', { name: 'Fet' }).count()).toBe(0);

    // The person cannot edit the shared text but comments on it; the practitioner sees the
    // comment arrive without reloading.
    await personShared.getByText(/^Kommentarer/).click();
    await personShared.getByLabel('Skriv en kommentar').fill('Jag vill hellre bo nära mamma.');
    await personShared.getByRole('button', { name: 'Skicka kommentar' }).click();
    await expect.poll(() => personShared.getByLabel('Skriv en kommentar').inputValue()).toBe('');
    await staffShared.getByText(/^Kommentarer \(1\)/).click();
    await staffShared.getByText('Jag vill hellre bo nära mamma.').waitFor({ timeout: 5000 });
    await personShared.getByRole('button', { name: 'Ta bort min kommentar' }).waitFor();
    expect(await staffShared.getByRole('button', { name: 'Ta bort min kommentar' }).count()).toBe(0);

    // The kommun's actions: read-only for the person, writable for the practitioner.
    const personKommun = person.page.locator(`[data-section="actions:${ids.kommun}"]`);
    await personKommun.getByText('Du kan läsa men inte ändra här.').waitFor();
    expect(await personKommun.getByRole('button', { name: /Lägg till/ }).count()).toBe(0);
    const staffKommun = staff.page.locator(`[data-section="actions:${ids.kommun}"]`);
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
    await expect.poll(() => personKommun.getByLabel('Vad görs').inputValue(), { timeout: 5000 }).toBe('Boendestöd två gånger i veckan');
    await expect.poll(() => personKommun.getByRole('combobox', { name: 'Behov Insats 1' }).evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Eget boende');
    await expect.poll(() => personKommun.getByRole('combobox', { name: 'Status Insats 1' }).evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Inte gjord');
    await expect.poll(() => personKommun.getByRole('textbox', { name: 'Varför inte gjord Insats 1' }).inputValue()).toBe('Personen tackade nej');
    expect(staffErrors).toEqual([]);
    expect(await staffKommun.getByTestId('save-actions').textContent()).not.toMatch(/sparades inte/);
    // Removing an action can be undone; it comes back with every field, for everyone.
    await staffKommun.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => personKommun.getByLabel('Vad görs').count(), { timeout: 5000 }).toBe(0);
    await staffKommun.getByRole('status').getByText('Borttaget: Boendestöd två gånger i veckan.').waitFor();
    await staffKommun.getByRole('button', { name: 'Ångra' }).click();
    await expect.poll(() => personKommun.getByLabel('Vad görs').inputValue(), { timeout: 5000 }).toBe('Boendestöd två gånger i veckan');
    await expect.poll(() => personKommun.getByRole('textbox', { name: 'Varför inte gjord Insats 1' }).inputValue()).toBe('Personen tackade nej');
    expect(await personKommun.getByLabel('Vad görs').getAttribute('readonly')).not.toBeNull();
    await expectNoAxeViolations(person.page);

    // A network loss: what the person types meanwhile arrives when the connection is back.
    await person.context.setOffline(true);
    await expect.poll(() => personPart.getByTestId('save-person').textContent(), { timeout: 10_000 }).toMatch(/^Offline/);
    await personPart.getByLabel('Det här fungerar bra').fill('Kontakten med boendestödet');
    await person.context.setOffline(false);
    await expect.poll(() => staff.page.locator('[data-section="person"]').getByLabel('Det här fungerar bra').evaluate(editorText), { timeout: 15_000 }).toBe('Kontakten med boendestödet');

    // Back online, the person is shown as present again (once, not once per reconnect).
    await expect.poll(() => staffShared.getByTestId('presence').getByText('Anders Nilsson').count(), { timeout: 5000 }).toBe(1);
    await expectNoAxeViolations(staff.page);
    expect(staffErrors).toEqual([]);
    await staff.context.close();
    await person.context.close();
  });
});
