import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { stockholmDate } from '@sip/shared';
import { arrayField, yMapFrom } from '@sip/shared/yjs';
import { ReminderScan } from '../../server/src/follow-up/reminders.job';
import { Clock } from '../../server/src/jobs/clock';
import { type ApiSession, signedIn } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { writeStatutoryContent } from '../support/plan-content';
import { PNR, completePreparation, directoryIds, ok, personId, planWithMeetingHeld, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';
import { E2E_TEST_TIMEOUT_MS, browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations, planWorkspaceLoaded } from './support';

/**
 * Follow-up in the browser: an action going overdue reaches "Att göra" and the notification
 * centre (live), the person marks their own action done on a phone while staff watch it
 * change, and a follow-up meeting is booked and recorded with its review. Time is moved with
 * the server's clock and the reminder scan run directly, never waited for.
 */
const app = useTestApp({ browser: true });
const clients: CollabClient[] = [];
const DAY = 86_400_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

afterEach(() => app.t.app.get(Clock).travel(new Date()));
afterAll(() => clients.forEach((c) => c.close()));

/** A plan for Anders with consent for kommun and region; Eva (kommun) started it, Jonas (region) takes part. */
async function planForAnders(eva: ApiSession) {
  const ids = await directoryIds(eva);
  const planId: string = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten })).planId;
  ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
  ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
  return { planId, ids };
}

/** Writes actions into an actions section as a real co-editing client, and waits until they are stored. */
async function writeActions(session: ApiSession, planId: string, organisationId: string, actions: Record<string, unknown>[]) {
  const client = await CollabClient.connect(app.t.baseUrl, session);
  clients.push(client);
  const section = await client.open(planId, `actions:${organisationId}`);
  arrayField(section.doc, 'actions').push(actions.map((a) => yMapFrom(a)));
  await waitFor(() => section.status === 'saved', 'actions saved');
  return section;
}

/** "Aviseringar, 2 olästa" as the header's button says it. */
function notifyLabel(unread: number, language: 'sv' | 'en' = 'sv') {
  if (language === 'en') return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return unread === 0 ? 'Aviseringar, inga olästa' : unread === 1 ? 'Aviseringar, 1 oläst' : `Aviseringar, ${unread} olästa`;
}

const unreadOf = async (session: ApiSession) => ok(await session.get('/api/notifications')).unread as number;
const notifyButton = (page: Page) => page.getByTestId('notify-button');

describe('follow-up in the browser', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('an overdue action appears in "Att göra" and, live, in the notification centre, whose link leads to the place', async () => {
    const { step } = browserSteps(app.browser);
    const WHAT = 'Boendestöd: hjälp med post och räkningar';

    const { eva, planId, ids } = await step('Eva writes a kommun action due in three days (API, co-editing)', async ({ poll }) => {
      const eva = await signedIn(app.t.baseUrl, 'eva.lind');
      const { planId, ids } = await planForAnders(eva);
      await writeActions(eva, planId, ids.kommun, [{ id: 'o1', what: WHAT, status: 'planned', dueDate: stockholmDate(Date.now() + 3 * DAY), performingUnitId: ids.vuxenenheten }]);
      // The projection (debounced) has it once "Att göra" lists it.
      await poll(async () => ok(await eva.get('/api/todo?kind=action_due_soon')).items.some((i: { planId: string }) => i.planId === planId)).toBe(true);
      return { eva, planId, ids };
    });

    const staff = await step('Eva opens "Att göra": the action is due soon, not late', async ({ poll }) => {
      const staff = await contextWithSession(app.browser, eva);
      await staff.page.goto(`${app.t.baseUrl}/todo`);
      await staff.page.getByRole('heading', { name: 'Att göra' }).waitFor();
      const row = staff.page.locator('tr', { hasText: WHAT });
      await row.getByText('Insats som snart ska vara klar').waitFor();
      expect(await row.getByText('Försenad').count()).toBe(0);
      // The header counts what the server counts.
      await poll(async () => (await notifyButton(staff.page).getAttribute('aria-label')) === notifyLabel(await unreadOf(eva))).toBe(true);
      await expectNoAxeViolations(staff.page);
      return staff;
    });
    const errors = collectConsoleErrors(staff.page);
    const before = await unreadOf(eva);

    await step('five days pass and the reminder scan runs: the count in the header rises without a reload', async ({ poll }) => {
      app.t.app.get(Clock).travel(new Date(Date.now() + 5 * DAY));
      const counts = await app.t.app.get(ReminderScan).scan();
      expect(counts.action_overdue).toBeGreaterThanOrEqual(1);
      const after = await unreadOf(eva);
      expect(after).toBeGreaterThan(before);
      await poll(() => notifyButton(staff.page).getAttribute('aria-label')).toBe(notifyLabel(after));
    });

    const panel = staff.page.getByRole('region', { name: 'Aviseringar' });
    const reminder = panel.locator(`a[href="/plans/${planId}#actions-${ids.kommun}"]`);
    await step('the notification centre says an action is overdue — no name, no plan text — with a link to it', async () => {
      await notifyButton(staff.page).click();
      await reminder.waitFor();
      expect(await reminder.textContent()).toBe('Oläst: En insats är försenad');
      expect(await panel.textContent()).not.toContain('Anders');
      expect(await panel.textContent()).not.toContain(WHAT);
      await expectNoAxeViolations(staff.page);
    });

    await step('the link opens the plan at the kommun’s actions, focused, and the notification is read', async ({ poll }) => {
      const unread = await unreadOf(eva);
      await reminder.click();
      await staff.page.waitForURL(`**/plans/${planId}#actions-${ids.kommun}`);
      await poll(() => staff.page.evaluate(() => document.activeElement?.id)).toBe(`actions-${ids.kommun}`);
      await poll(() => notifyButton(staff.page).getAttribute('aria-label')).toBe(notifyLabel(unread - 1));
      await planWorkspaceLoaded(staff.page);
    });

    await step('"Att göra" now lists it as late, also when filtered to late actions', async ({ poll }) => {
      await staff.page.getByRole('navigation').getByRole('link', { name: 'Att göra' }).click();
      const row = staff.page.locator('tr', { hasText: WHAT });
      await row.getByText('Försenad insats').waitFor();
      await row.locator('.badge', { hasText: 'Försenad' }).waitFor();
      await staff.page.getByLabel('Visa').selectOption({ label: 'Försenad insats' });
      await poll(() => staff.page.locator('tbody tr[data-kind]:not([data-kind="action_overdue"])').count()).toBe(0);
      await staff.page.locator('tr', { hasText: WHAT }).waitFor();
      expect(await row.getByRole('link').getAttribute('href')).toBe(`/plans/${planId}#actions-${ids.kommun}`);
      await expectNoAxeViolations(staff.page);
    });

    await step('in English: the list and the notification centre', async () => {
      await staff.page.getByLabel('Språk').selectOption('en');
      await staff.page.getByRole('heading', { name: 'To do' }).waitFor();
      const row = staff.page.locator('tr', { hasText: WHAT });
      await row.getByText('Overdue action').waitFor();
      await row.locator('.badge', { hasText: 'Overdue' }).waitFor();
      await expectNoAxeViolations(staff.page);
      await notifyButton(staff.page).click();
      await staff.page.getByRole('region', { name: 'Notifications' }).locator(`a[href="/plans/${planId}#actions-${ids.kommun}"]`, { hasText: 'An action is overdue' }).waitFor();
      await expectNoAxeViolations(staff.page);
      await staff.page.keyboard.press('Escape');
      await staff.page.getByRole('region', { name: 'Notifications' }).waitFor({ state: 'detached' });
    });

    await step('on a phone (390 px) each row is a card, nothing wider than the screen', async ({ poll }) => {
      const phone = await contextWithSession(app.browser, eva, PHONE);
      await phone.page.goto(`${app.t.baseUrl}/todo`);
      await phone.page.locator('tr', { hasText: WHAT }).getByText('Försenad insats').waitFor();
      await poll(() => phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(phone.page);
      await phone.context.close();
    });

    await step('a practitioner with nothing to do sees an empty list that says so', async () => {
      const peter = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'peter.falk'));
      await peter.page.goto(`${app.t.baseUrl}/todo`);
      await peter.page.getByText('Inget att göra just nu.').waitFor();
      await expectNoAxeViolations(peter.page);
      await peter.context.close();
    });

    expect(errors).toEqual([]);
    await staff.context.close();
  });

  it('the person marks their own action done on a phone, and Eva, with the plan open, sees it live; a relative reads it only', async () => {
    const { step } = browserSteps(app.browser);
    const MINE = 'Söka tre arbeten i veckan';

    const { eva, planId, ids } = await step('Eva writes an action Anders does himself, and one the kommun does; Anders lets Birgitta in (API)', async ({ poll }) => {
      const eva = await signedIn(app.t.baseUrl, 'eva.lind');
      const { planId, ids } = await planForAnders(eva);
      await writeActions(eva, planId, ids.kommun, [
        { id: 'p1', what: MINE, performer: 'person', status: 'planned', when: 'Varje vecka', dueDate: stockholmDate(Date.now() + 9 * DAY) },
        { id: 'p2', what: 'Boendestöd', status: 'ongoing', performingUnitId: ids.vuxenenheten },
      ]);
      const anders = await signedIn(app.t.baseUrl, 'anders.nilsson');
      const birgitta = ok(await anders.get(`/api/plans/${planId}`)).relativeCandidates.find((r: { name: string }) => r.name === 'Birgitta Nilsson');
      ok(await anders.post(`/api/plans/${planId}/relatives`, { accountId: birgitta.accountId }));
      await poll(async () => ok(await anders.get(`/api/plans/${planId}/happening-now`)).actions.length).toBe(2);
      return { eva, planId, ids, anders };
    });

    const statusOfMine = (page: Page) => page.locator(`[data-section="actions:${ids.kommun}"]`).getByRole('combobox', { name: 'Status Insats 1' });
    const staff = await step('Eva opens the plan: the action is planned', async ({ poll }) => {
      const staff = await contextWithSession(app.browser, eva);
      await staff.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await planWorkspaceLoaded(staff.page);
      await poll(() => statusOfMine(staff.page).inputValue()).toBe('planned');
      // The performer is chosen in the actions table.
      expect(await staff.page.locator(`[data-section="actions:${ids.kommun}"]`).getByRole('combobox', { name: 'Vem utför Insats 1' }).inputValue()).toBe('person');
      return staff;
    });
    const staffErrors = collectConsoleErrors(staff.page);

    const person = await step('Anders, on his phone, sees what happens now: his own action first, to mark done', async () => {
      const person = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'anders.nilsson'), PHONE);
      await person.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      const now = person.page.getByTestId('happening-now');
      await now.getByRole('heading', { name: 'Det här händer nu' }).waitFor();
      const mine = now.locator('li', { hasText: MINE });
      await mine.getByText('Du själv').waitFor();
      await mine.getByText('Varje vecka').waitFor();
      await mine.getByText('Inte påbörjat än').waitFor();
      // Only what he does himself can be marked by him.
      expect(await now.getByRole('button', { name: /Markera som gjort/ }).count()).toBe(1);
      await planWorkspaceLoaded(person.page);
      await expectNoAxeViolations(person.page);
      return person;
    });
    const personErrors = collectConsoleErrors(person.page);

    await step('Anders marks it done, confirming first', async () => {
      const now = person.page.getByTestId('happening-now');
      await now.getByRole('button', { name: `Markera som gjort: ${MINE}` }).click();
      const dialog = person.page.getByRole('alertdialog');
      await dialog.getByText(`Har du gjort det här: ”${MINE}”?`).waitFor();
      await expectNoAxeViolations(person.page);
      await dialog.getByRole('button', { name: 'Ja, det är gjort' }).click();
      await now.getByText(`Bra! Nu ser alla i planen att ”${MINE}” är gjort.`).waitFor();
      await now.locator('li', { hasText: MINE }).getByText('Klart', { exact: true }).waitFor();
      expect(await now.getByRole('button', { name: /Markera som gjort/ }).count()).toBe(0);
      // Large targets on the phone, and nothing wider than the screen.
      expect(await person.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(person.page);
    });

    await step('Eva sees the action done at once, without reloading', async ({ poll }) => {
      await poll(() => statusOfMine(staff.page).inputValue()).toBe('done');
    });

    await step('Anders reads it in English', async () => {
      await person.page.getByLabel('Språk').selectOption('en');
      const now = person.page.getByTestId('happening-now');
      await now.getByRole('heading', { name: 'What happens now' }).waitFor();
      await now.locator('li', { hasText: MINE }).getByText('Done', { exact: true }).waitFor();
      await expectNoAxeViolations(person.page);
    });

    await step('Birgitta, allowed by Anders, reads what happens now but cannot mark anything', async () => {
      const relative = await contextWithSession(app.browser, await signedIn(app.t.baseUrl, 'birgitta.nilsson'), PHONE);
      await relative.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      const now = relative.page.getByTestId('happening-now');
      await now.getByText('Det här görs i planen. Du kan läsa men inte ändra.').waitFor();
      await now.locator('li', { hasText: MINE }).getByText('Anders Nilsson själv').waitFor();
      await now.locator('li', { hasText: MINE }).getByText('Klart', { exact: true }).waitFor();
      expect(await now.getByRole('button').count()).toBe(0);
      await planWorkspaceLoaded(relative.page);
      await expectNoAxeViolations(relative.page);
      await relative.context.close();
    });

    expect([...staffErrors, ...personErrors]).toEqual([]);
    await person.context.close();
    await staff.context.close();
  });

  it('e-mail preferences are checked in the user’s language; a follow-up meeting is booked and held with its review', async () => {
    const { step } = browserSteps(app.browser);

    const { eva, planId, jonasActions } = await step('Eva and Jonas bring a plan to Fastställd (API, co-editing)', async () => {
      const eva = await signedIn(app.t.baseUrl, 'eva.lind');
      const jonas = await signedIn(app.t.baseUrl, 'jonas.ek');
      const { planId, ids } = await planWithMeetingHeld(eva, app.t.app.get(Clock));
      const open = async (session: ApiSession, section: Parameters<CollabClient['open']>[1]) => {
        const c = await CollabClient.connect(app.t.baseUrl, session);
        clients.push(c);
        return c.open(planId, section);
      };
      const { region } = await writeStatutoryContent(open, eva, jonas, ids);
      await completePreparation(eva, planId, ids.kommun);
      ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'finalise' }));
      return { eva, planId, jonasActions: region };
    });

    const staff = await step('Eva opens her e-mail settings from the notification centre', async () => {
      const staff = await contextWithSession(app.browser, eva, { timezoneId: 'Europe/Stockholm' });
      await staff.page.goto(`${app.t.baseUrl}/`);
      await notifyButton(staff.page).click();
      await staff.page.getByRole('link', { name: 'Inställningar för e-post' }).click();
      await staff.page.getByRole('heading', { name: 'E-post om aviseringar' }).waitFor();
      await expectNoAxeViolations(staff.page);
      return staff;
    });
    const errors = collectConsoleErrors(staff.page);

    await step('an address that is not one is refused in Swedish, then in English, with focus on it', async () => {
      await staff.page.getByLabel('E-postadress').fill('eva.lind@');
      await staff.page.getByLabel('Direkt när något behöver göras').check();
      await staff.page.getByRole('button', { name: 'Spara' }).click();
      await staff.page.getByText('Skriv en giltig e-postadress, till exempel namn@exempel.se.').waitFor();
      expect(await staff.page.evaluate(() => document.activeElement?.id)).toBe('pref-email');
      expect(await staff.page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(staff.page);
      await staff.page.getByLabel('Språk').selectOption('en');
      await staff.page.getByText('Enter a valid e-mail address, for example name@example.com.').waitFor();
      await expectNoAxeViolations(staff.page);
      await staff.page.getByLabel('Language').selectOption('sv');
    });

    await step('a real address is saved', async () => {
      await staff.page.getByLabel('E-postadress').fill('eva.lind.e2e@example.se');
      await staff.page.getByRole('button', { name: 'Spara' }).click();
      await staff.page.getByText('Dina val är sparade.').waitFor();
      expect(ok(await eva.get('/api/notifications/preferences'))).toEqual({ emailAddress: 'eva.lind.e2e@example.se', emailMode: 'immediate' });
    });

    const tomorrow = stockholmDate(Date.now() + DAY);
    await step('from the finalised plan Eva books a follow-up meeting (a call, as ever)', async ({ poll }) => {
      await staff.page.goto(`${app.t.baseUrl}/plans/${planId}`);
      await staff.page.locator('#follow-up').getByRole('link', { name: 'Boka uppföljningsmöte' }).click();
      await poll(() => staff.page.evaluate(() => document.activeElement?.id)).toBe('calls');
      const calls = staff.page.locator('#calls');
      expect(await calls.getByLabel('Slags möte').inputValue()).toBe('uppfoljning');
      await calls.getByLabel('Mötets datum och tid').fill(`${tomorrow}T10:00`);
      await calls.getByLabel('Plats').fill('Rum 3');
      await calls.getByLabel('Syfte med mötet').fill('Uppföljning av planen');
      await calls.getByLabel('Region Uppsala – Vuxenpsykiatrimottagningen Uppsala').check();
      await calls.getByRole('button', { name: 'Skicka kallelse' }).click();
      await staff.page.getByTestId('plan-state').getByText('Kallad').waitFor();
      await staff.page.locator('#follow-up').getByText(/Uppföljningsmöte bokat/).waitFor();
      await expectNoAxeViolations(staff.page);
    });

    // By its meetings, not its heading: the heading changes with the language.
    const meetings = staff.page.locator('section.card', { has: staff.page.locator('li[id^="meeting-"]') });
    const review = staff.page.getByTestId('follow-up-review');
    await step('the meeting is due; recording it held asks for the review, and says what is missing', async () => {
      const plan = ok(await eva.get(`/api/plans/${planId}`));
      const meeting = plan.meetings.find((m: { kind: string; status: string }) => m.kind === 'uppfoljning' && m.status === 'planned');
      app.t.app.get(Clock).travel(new Date(new Date(meeting.startsAt).getTime() + 3600_000));
      await meetings.getByRole('button', { name: 'Registrera mötet som hållet' }).click();
      await review.getByRole('group', { name: 'Boendestöd (Uppsala kommun)' }).waitFor();
      await review.getByRole('group', { name: 'Läkemedelsgenomgång (Region Uppsala)' }).waitFor();
      await meetings.getByRole('button', { name: 'Spara' }).click();
      await review.getByText('3 saker behöver fyllas i innan mötet kan registreras.').waitFor();
      expect(await staff.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toMatch(/^review\|action\|.+\|decision$/);
      await review.getByText('Ange datum för nästa uppföljning.').waitFor();
      await expectNoAxeViolations(staff.page);
    });

    const next = stockholmDate(Date.now() + 120 * DAY);
    await step('Eva reviews both actions; meanwhile Jonas adds one: the server refuses, saying why', async ({ poll, remainingMs }) => {
      await review.getByRole('group', { name: 'Boendestöd (Uppsala kommun)' }).getByLabel('Fortsätter').check();
      await review.getByRole('group', { name: 'Boendestöd (Uppsala kommun)' }).getByLabel('Vad blev resultatet, mot målet?').fill('Fungerar bra, två besök i veckan');
      await review.getByRole('group', { name: 'Läkemedelsgenomgång (Region Uppsala)' }).getByLabel('Avslutas').check();
      await review.getByLabel('Nästa uppföljning (datum)').fill(next);
      arrayField(jonasActions.doc, 'actions').push([yMapFrom({ id: 'r2', what: 'Samtalsstöd', status: 'planned' })]);
      await waitFor(() => jonasActions.status === 'saved', 'Jonas’s action saved', remainingMs());
      await poll(async () => ok(await eva.get(`/api/plans/${planId}/review-items`)).actions.length).toBe(3);
      await meetings.getByRole('button', { name: 'Spara' }).click();
      await meetings.getByRole('alert').getByText('Mötet kan inte registreras: varje insats ska gås igenom och nästa uppföljning bokas.').waitFor();
      // The form reads the actions again, and shows the new one.
      await review.getByRole('group', { name: 'Samtalsstöd (Region Uppsala)' }).waitFor();
      await expectNoAxeViolations(staff.page);
    });

    await step('in English the refusal is said again in English', async () => {
      await staff.page.getByLabel('Språk').selectOption('en');
      await meetings.getByRole('alert').getByText('The meeting cannot be recorded: every action must be reviewed and the next follow-up set.').waitFor();
      await review.getByRole('heading', { name: 'Review of the plan' }).waitFor();
      await expectNoAxeViolations(staff.page);
    });

    await step('the new action reviewed too, the meeting is held with its review and the next follow-up date', async ({ poll }) => {
      await review.getByRole('group', { name: 'Samtalsstöd (Region Uppsala)' }).getByLabel('Continues').check();
      await meetings.getByRole('button', { name: 'Save', exact: true }).click();
      await staff.page.getByTestId('plan-state').getByText('Meeting held').waitFor();
      const plan = ok(await eva.get(`/api/plans/${planId}`));
      expect(plan.followUpDate).toBe(next);
      await poll(() => staff.page.locator('#follow-up').textContent()).toContain('The plan is to be followed up by');
      await expectNoAxeViolations(staff.page);
    });

    // The one refusal above is the browser's only complaint.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    await staff.context.close();
  });
});
