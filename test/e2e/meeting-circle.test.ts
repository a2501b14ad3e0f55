import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../server/src/jobs/clock';
import { signedIn } from '../support/api-session';
import { calledPlan } from '../support/meeting-fixtures';
import { useTestApp } from '../support/use-test-app';
import { browserSteps, collectConsoleErrors, contextWithSession, expectNoAxeViolations } from './support';

const app = useTestApp({ browser: true });
const SHOTS = process.env.SIP_SCREENSHOTS;
/** SIP_SCREENSHOTS=dir keeps the pages seen, in screen-high pieces, to look at. */
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  const { width, height } = page.viewportSize()!;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < total && i <= 4; y += height, i++) {
    await page.screenshot({ path: `${SHOTS}/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, total - y) } });
  }
};

describe('Mötescirkeln in the browser', { timeout: 480_000 }, () => {
  it('the person prepares on a phone and shares an answer; the chair on a laptop runs the meeting through five parts; both follow live', async () => {
    const { step } = browserSteps(app.browser);
    const clock = app.t.app.get(Clock);
    const evaApi = await signedIn(app.t.baseUrl, 'eva.lind');
    const andersApi = await signedIn(app.t.baseUrl, 'anders.nilsson');
    const plan = await step('a SIP for Anders is called (over the API)', () =>
      calledPlan(evaApi, andersApi, { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), durationMinutes: 60 }),
    );
    const prepare = `${app.t.baseUrl}/plans/${plan.planId}/meetings/${plan.meetingId}/prepare`;
    const live = `${app.t.baseUrl}/plans/${plan.planId}/meetings/${plan.meetingId}/live`;

    // --- The person prepares, on his phone ------------------------------------------------
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const anders = await step('Anders opens his plan on his phone', async () => {
      const a = await contextWithSession(app.browser, andersApi, phone);
      await a.page.goto(`${app.t.baseUrl}/plans/${plan.planId}`);
      await a.page.getByRole('heading', { level: 1, name: 'Din plan' }).waitFor();
      return a;
    });
    const personErrors = collectConsoleErrors(anders.page);

    await step('Anders sees "Förbered dig inför mötet" and his own circle, drawn', async () => {
      await anders.page.getByRole('link', { name: 'Förbered dig inför mötet' }).click();
      await anders.page.getByRole('heading', { level: 1, name: 'Förbered dig inför mötet' }).waitFor();
      await anders.page.getByRole('heading', { name: 'Din mötescirkel: Vuxna' }).waitFor();
      await anders.page.getByRole('img', { name: 'Mötescirkeln – Vuxna' }).waitFor();
      // The parts are reachable by keyboard, each a link to its questions.
      await anders.page.getByRole('link', { name: /3\. Behov/ }).focus();
      await anders.page.keyboard.press('Enter');
      await anders.page.waitForURL('**#part-behov');
      await expectNoAxeViolations(anders.page);
      await shot(anders.page, 'prepare-phone-sv');
    });

    await step('Anders answers privately and shares one answer; it is in the agenda', async () => {
      const situation = anders.page.getByRole('region', { name: 'Del 2: Aktuell situation' });
      await situation.getByLabel('Vad är viktigt för dig?').fill('Att få sova ordentligt – bara för mig');
      await situation.getByRole('status').getByText('Sparat').first().waitFor();
      await situation.getByLabel('Vad fungerar bra?').fill('Promenaderna med hunden');
      await situation.getByRole('status').getByText('Sparat').nth(1).waitFor();
      await situation.getByRole('checkbox', { name: 'Dela inför mötet' }).nth(1).check();
      await situation.getByText('Sparat och delat').waitFor();
      const agenda = anders.page.getByRole('region', { name: 'Dagordningen – det som delats inför mötet' });
      await agenda.getByText('Promenaderna med hunden').waitFor();
      expect(await agenda.getByText('Att få sova ordentligt').count()).toBe(0);
    });

    await step('printed, his circle carries his answers as text, without the app around it', async () => {
      await anders.page.emulateMedia({ media: 'print' });
      const printed = anders.page.locator('.answer-print', { hasText: 'Att få sova ordentligt – bara för mig' });
      expect(await printed.isVisible()).toBe(true);
      expect(await anders.page.getByRole('navigation').isVisible()).toBe(false);
      expect(await anders.page.getByRole('button', { name: 'Skriv ut min cirkel' }).isVisible()).toBe(false);
      await anders.page.emulateMedia({ media: 'screen' });
    });

    await step('Anders reads it in English, axe-clean, and back', async () => {
      await anders.page.getByLabel('Språk').selectOption('en');
      await anders.page.getByRole('heading', { level: 1, name: 'Prepare for the meeting' }).waitFor();
      await anders.page.getByRole('heading', { name: 'Your meeting circle: Adults' }).waitFor();
      await expectNoAxeViolations(anders.page);
      await shot(anders.page, 'prepare-phone-en');
      await anders.page.getByLabel('Language').selectOption('sv');
      await anders.page.getByRole('heading', { level: 1, name: 'Förbered dig inför mötet' }).waitFor();
    });

    // --- The chair, on a laptop ---------------------------------------------------------------
    const eva = await step('Eva opens the preparation page on her laptop', async () => {
      const e = await contextWithSession(app.browser, evaApi, { viewport: { width: 1366, height: 900 } });
      await e.page.goto(prepare);
      await e.page.getByRole('heading', { name: 'Din mötescirkel: Personal' }).waitFor();
      return e;
    });
    const chairErrors = collectConsoleErrors(eva.page);

    await step('Eva sees who has prepared — not what — and names herself chair', async () => {
      const who = eva.page.getByTestId('who-prepared');
      await who.getByText('Anders Nilsson').waitFor();
      await who.getByText('Har förberett sig · 1 delat svar').waitFor();
      expect(await eva.page.getByText('Att få sova ordentligt').count()).toBe(0);
      await eva.page.getByLabel('Ordförande', { exact: true }).selectOption({ label: 'Eva Lind (Initiativtagare)' });
      await eva.page.getByLabel('Antecknare', { exact: true }).selectOption({ label: 'Jonas Ek (Kallad huvudman)' });
      await eva.page.getByRole('button', { name: 'Spara', exact: true }).click();
      await eva.page.getByRole('heading', { name: 'Din mötescirkel: Ordförande' }).waitFor();
      await expectNoAxeViolations(eva.page);
      await shot(eva.page, 'prepare-laptop-chair');
    });

    // --- The meeting ----------------------------------------------------------------------
    await step('on the meeting’s day both open meeting mode; it has not started', async () => {
      clock.travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
      await eva.page.goto(live);
      await anders.page.goto(live);
      await eva.page.getByRole('heading', { name: 'Mötet har inte startat.' }).waitFor();
      await anders.page.getByRole('heading', { name: 'Mötet har inte startat.' }).waitFor();
      await expectNoAxeViolations(anders.page);
    });

    await step('Eva starts the meeting; both are in part 1, each in their own circle', async () => {
      await eva.page.getByRole('button', { name: 'Starta mötet', exact: true }).click();
      await eva.page.getByTestId('live-part').getByText('Del 1 av 5: Inledning').waitFor();
      await anders.page.getByTestId('live-part').getByText('Del 1 av 5: Inledning').waitFor();
      await eva.page.getByRole('img', { name: 'Mötescirkeln – Ordförande' }).waitFor();
      await anders.page.getByRole('img', { name: 'Mötescirkeln – Vuxna' }).waitFor();
      await anders.page.getByText('Ordföranden hälsar välkommen. Du säger vem du är först.').waitFor();
      await eva.page.getByRole('checkbox', { name: 'Samtycket är förklarat' }).check();
      // Attendance, and the called region's nurse attending by video with the mandate to decide.
      await eva.page.getByLabel('Anders Nilsson (Huvudperson)').selectOption('in_person');
      await eva.page.getByLabel('Jonas Ek (Kallad huvudman)').selectOption('video');
      await eva.page.getByRole('checkbox', { name: 'Med mandat att besluta' }).check();
      await anders.page.getByText('Jonas Ek: Video · Med mandat att besluta').waitFor();
      await expectNoAxeViolations(eva.page);
      await expectNoAxeViolations(anders.page);
      await shot(eva.page, 'live-laptop-part1');
      await shot(anders.page, 'live-phone-part1');
    });

    const next = async (part: string, { poll }: { poll: (read: () => unknown) => { toBeLessThan(n: number): Promise<void> } }) => {
      const moved = Date.now();
      await eva.page.getByRole('button', { name: 'Nästa del' }).click();
      await anders.page.getByTestId('live-part').getByText(part).waitFor();
      await poll(() => Date.now() - moved).toBeLessThan(5000);
    };

    await step('part 2: Anders’s shared answer is on both screens, his first', async (s) => {
      await next('Del 2 av 5: Aktuell situation', s);
      await eva.page.getByTestId('shared-answers').getByText('Promenaderna med hunden').waitFor();
      await anders.page.getByTestId('shared-answers').getByText('Promenaderna med hunden').waitFor();
    });

    await step('part 3: the frågeställningar are ticked off beside the plan written together', async (s) => {
      await next('Del 3 av 5: Behov', s);
      await eva.page.getByRole('checkbox', { name: 'Hur blir boendet tryggt?' }).check();
      await anders.page.getByTestId('agenda-items').getByText('Besvarad').waitFor();
      await eva.page.locator('[data-section="shared"]').waitFor();
      await eva.page.waitForFunction(() => !document.querySelector('.save-connecting'));
      await expectNoAxeViolations(eva.page);
      await shot(eva.page, 'live-laptop-part3');
    }, { timeoutMs: 30_000 });

    await step('part 4: the lead principal and the coordinator are appointed', async (s) => {
      await next('Del 4 av 5: Sammanfattning', s);
      await eva.page.getByLabel('Huvudansvarig huvudman').selectOption({ label: 'Uppsala kommun' });
      await eva.page.getByLabel('Samordningsansvarig').selectOption({ label: 'Eva Lind, Uppsala kommun' });
      await eva.page.getByRole('button', { name: 'Spara' }).first().click();
      await anders.page.getByTestId('decisions').getByText('Uppsala kommun').waitFor();
    });

    await step('part 5: the meeting cannot end until the follow-up and the plan’s way to Anders are set', async (s) => {
      await next('Del 5 av 5: Avslutning', s);
      const missing = eva.page.getByTestId('end-missing');
      await missing.getByText('datum för uppföljning saknas').waitFor();
      await missing.getByText('det är inte bestämt hur personen får planen').waitFor();
      await eva.page.getByLabel('Datum för uppföljning').fill(new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10));
      await eva.page.getByRole('radio', { name: 'Digitalt, här i tjänsten' }).check();
      await eva.page.getByRole('button', { name: 'Spara' }).click();
      await eva.page.getByText('Allt som behövs är bestämt.').waitFor();
      await anders.page.getByText('Allt som behövs är bestämt.').waitFor();
      await expectNoAxeViolations(eva.page);
      await shot(anders.page, 'live-phone-part5');
    });

    await step('Eva ends the meeting; both see it ended; Anders answers the three questions', async () => {
      await eva.page.getByRole('button', { name: 'Avsluta mötet' }).click();
      await eva.page.getByRole('heading', { name: 'Mötet är avslutat' }).waitFor();
      await anders.page.getByRole('heading', { name: 'Mötet är avslutat' }).waitFor();
      const form = anders.page.getByRole('form', { name: 'Tre frågor om mötet' });
      await form.getByRole('group', { name: 'Är du nöjd med mötet?' }).getByLabel('Ja').check();
      await form.getByRole('group', { name: 'Har du förstått vem som gör vad?' }).getByLabel('Ja').check();
      await form.getByRole('group', { name: 'Vet du vem du ska kontakta?' }).getByLabel('Delvis').check();
      await expectNoAxeViolations(anders.page);
      await form.getByRole('button', { name: 'Skicka svaren' }).click();
      await anders.page.getByText('Tack för dina svar!').waitFor();
      await shot(anders.page, 'live-phone-ended');
    });

    await step('the plan moved on: Möte hållet, version 1', async () => {
      await eva.page.goto(`${app.t.baseUrl}/plans/${plan.planId}`);
      await eva.page.getByTestId('plan-state').getByText('Möte hållet').waitFor();
      await eva.page.getByRole('region', { name: 'Planens versioner' }).getByText('Version 1').waitFor();
    });

    await step('meeting mode in English is axe-clean too', async () => {
      await eva.page.goto(live);
      await eva.page.getByLabel('Språk').selectOption('en');
      await eva.page.getByRole('heading', { name: 'The meeting has ended' }).waitFor();
      await expectNoAxeViolations(eva.page);
      await eva.page.getByLabel('Language').selectOption('sv');
    });

    clock.travel(new Date());
    expect(personErrors).toEqual([]);
    expect(chairErrors).toEqual([]);
    await anders.context.close();
    await eva.context.close();
  });
});
