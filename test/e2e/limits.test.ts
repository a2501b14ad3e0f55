import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH, LIST_LIMITS, TEXT_LIMITS } from '@sip/shared';
import { arrayField, contentToJSON, yMapFrom } from '@sip/shared/yjs';
import { ApiSession, ok } from '../support/api-session';
import { CollabClient } from '../support/collab-client';
import { plan } from '../support/plan-builder';
import { useTestApp } from '../support/use-test-app';
import { collectConsoleErrors, expectNoAxeViolations, signInAs } from './support';

const app = useTestApp({ browser: true });
const clients: CollabClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

/** Anders's plan: consent for kommun and region, Jonas taking part, Birgitta allowed. */
async function andersPlan() {
  const built = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).withParticipant('Jonas Ek').withRelative('birgitta').build();
  return { planId: built.id, eva: built.starter, anders: await built.as('anders.nilsson') };
}

/** What the server has stored in the shared part, read by a second client. */
async function storedShared(session: ApiSession, planId: string): Promise<Record<string, any>> {
  const client = await CollabClient.connect(app.t.baseUrl, session);
  try {
    const provider = await client.open(planId, 'shared');
    return contentToJSON(provider.doc, 'shared');
  } finally {
    client.close();
  }
}

/** Every `error` event the server sends the page (listening before the page opens its socket). */
function serverErrors(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && f.payload.includes('"error"') && frames.push(f.payload)));
  return frames;
}

/** Every status text the section shows from now on. */
async function watch(page: Page, section: string) {
  const frames = (page as Page & { serverErrors: string[] }).serverErrors;
  await page.locator(`[data-testid="save-${section}"]`).evaluate((el) => {
    const seen: string[] = ((window as any).__statuses = [el.textContent ?? '']);
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, subtree: true, characterData: true });
  });
  return { frames, statuses: () => page.evaluate(() => (window as any).__statuses as string[]) };
}

/** Pastes through the real clipboard (Ctrl+V), as a user does. */
async function paste(page: Page, target: Locator, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await target.focus();
  await page.keyboard.press('ControlOrMeta+V');
}

const digits = (s: string) => Number(s.replace(/\s/g, ''));

async function openPlan(username: string, planId: string, options: Parameters<typeof signInAs>[3] = {}) {
  const signed = await signInAs(app.browser, app.t.baseUrl, username, options);
  await signed.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.t.baseUrl });
  const errors = collectConsoleErrors(signed.page);
  Object.assign(signed.page, { serverErrors: serverErrors(signed.page) });
  await signed.page.goto(`${app.t.baseUrl}/plans/${planId}`);
  const shared = signed.page.locator('[data-section="shared"]');
  await shared.getByLabel('Nuläge').waitFor();
  await expect.poll(() => shared.getByTestId('save-shared').textContent(), { timeout: 10_000 }).toBe('Sparat');
  return { ...signed, errors, shared };
}

describe('nothing a user types is lost', () => {
  it('a 2 400-character need: a message, what did not fit stays on screen, only what fits is sent and saved; the list limit explains itself', async () => {
    const { planId, eva } = await andersPlan();
    const { page, context, errors, shared } = await openPlan('eva.lind', planId);
    const seen = await watch(page, 'shared');

    await shared.getByRole('button', { name: 'Lägg till: behov' }).click();
    const need = shared.getByRole('group', { name: 'Behov' }).getByLabel('Text');
    await need.waitFor();
    await expect.poll(() => shared.getByTestId('save-shared').textContent(), { timeout: 5000 }).toBe('Sparat');
    const text = Array.from({ length: 24 }, (_, i) => `Del ${String(i + 1).padStart(2, '0')}: ${'behov '.repeat(17)}`.slice(0, 100)).join('');
    expect(text).toHaveLength(2400);
    await paste(page, need, text);

    // Told at once, in Swedish, what did not fit — and the rest is there to copy.
    const notice = shared.getByRole('alert').filter({ hasText: 'fick inte plats' });
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toMatch(/högst 2\s000 tecken/);
    expect(digits((await notice.textContent())!.match(/([\d\s]+) tecken fick inte plats/)![1]!)).toBe(400);
    const kept = await need.inputValue();
    const rest = await notice.getByRole('textbox').inputValue();
    expect(kept).toHaveLength(TEXT_LIMITS.item);
    expect(kept + rest).toBe(text);
    await notice.getByRole('button', { name: 'Kopiera texten' }).waitFor();
    // The counter shows the field is full.
    expect(await shared.getByText(/2\s000 av 2\s000 tecken/).count()).toBe(1);
    await expectNoAxeViolations(page);

    // Stored exactly as shown; nothing over the limit was ever sent, so nothing was refused.
    await expect.poll(() => shared.getByTestId('save-shared').textContent(), { timeout: 5000 }).toBe('Sparat');
    await expect.poll(async () => (await storedShared(eva, planId)).needs?.[0]?.text, { timeout: 5000 }).toBe(kept);
    expect(seen.frames.filter((f) => f.includes('schema_violation'))).toEqual([]);
    expect((await seen.statuses()).filter((s) => /sparades inte|Inte sparat/.test(s))).toEqual([]);

    // The message stays until dismissed.
    await notice.getByRole('button', { name: 'Stäng meddelandet' }).click();
    expect(await shared.getByRole('alert').filter({ hasText: 'fick inte plats' }).count()).toBe(0);

    // At the list's limit the add button is disabled, and says why.
    await storedNeeds(eva, planId, LIST_LIMITS.needs);
    const add = shared.getByRole('button', { name: 'Lägg till: behov' });
    await expect.poll(() => add.isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await add.getAttribute('aria-describedby')).toBeTruthy();
    await shared.getByText(`Högst ${LIST_LIMITS.needs} behov – ta bort ett för att lägga till ett nytt.`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a 200 000-character paste into rich text: a message says how much did not fit, and what is kept is what is stored', async () => {
    const { planId, eva } = await andersPlan();
    const { page, context, errors, shared } = await openPlan('eva.lind', planId, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const seen = await watch(page, 'shared');
    const editor = shared.getByLabel('Nuläge');
    const text = Array.from({ length: 2000 }, (_, i) => `Rad ${String(i + 1).padStart(4, '0')}: ${'nuläge '.repeat(14)}`.slice(0, 99)).join('\n');
    expect(text).toHaveLength(199_999);
    await paste(page, editor, text);

    const notice = shared.getByRole('alert').filter({ hasText: 'fick inte plats' });
    await notice.waitFor({ timeout: 10_000 });
    await expect.poll(() => shared.getByTestId('save-shared').textContent(), { timeout: 10_000 }).toBe('Sparat');
    const stored = String((await storedShared(eva, planId)).currentSituation ?? '');
    const onScreen = await editor.evaluate((e) => Array.from(e.querySelectorAll('p'), (p) => p.textContent).join('\n'));
    expect(onScreen).toBe(stored);
    expect(stored.length).toBeLessThanOrEqual(TEXT_LIMITS.richText);
    expect(stored.length).toBeGreaterThan(TEXT_LIMITS.richText - 100);
    expect(text.startsWith(stored)).toBe(true);
    expect(digits((await notice.textContent())!.match(/([\d\s]+) tecken fick inte plats/)![1]!)).toBe(text.length - stored.length);
    await shared.getByText(/20\s000 av 20\s000 tecken|19\s\d{3} av 20\s000 tecken/).first().waitFor();
    expect(seen.frames.filter((f) => f.includes('schema_violation'))).toEqual([]);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a comment pasted over the limit is not cut silently', async () => {
    const { planId } = await andersPlan();
    const { page, context, errors, shared } = await openPlan('eva.lind', planId);
    await shared.getByText(/^Kommentarer/).click();
    const box = shared.getByLabel('Skriv en kommentar');
    const text = 'Kommentar. '.repeat(200) + 'Slutet.';
    expect(text.length).toBeGreaterThan(COMMENT_MAX_LENGTH);
    await paste(page, box, text);
    const notice = shared.getByRole('alert').filter({ hasText: 'fick inte plats' });
    await notice.waitFor({ timeout: 5000 });
    expect((await box.inputValue()) + (await notice.getByRole('textbox').inputValue())).toBe(text);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a refusal from the server keeps the text on screen with a message until dismissed; the status does not say Sparat', async () => {
    const { planId } = await andersPlan();
    const { page, context, shared } = await openPlan('eva.lind', planId);
    await shared.getByRole('button', { name: 'Lägg till: behov' }).click();
    await shared.getByRole('group', { name: 'Behov' }).getByLabel('Text').fill('Eget boende');
    await expect.poll(() => shared.getByTestId('save-shared').textContent(), { timeout: 5000 }).toBe('Sparat');
    const seen = await watch(page, 'shared');

    // Past the editor's own limits, straight into the section's Yjs document: the server's
    // schema refuses it, as it would an older or a crafted client.
    const long = 'Eget boende med stöd dygnet runt. '.repeat(80);
    await shared.locator('.ProseMirror').first().evaluate((el, value) => {
      const editor = (el as any).editor;
      const sync = editor.state.plugins.find((p: any) => String(p.key).startsWith('y-sync'));
      sync.getState(editor.state).doc.getArray('needs').get(0).set('text', value);
    }, long);

    const notice = shared.getByRole('alert').filter({ hasText: 'sparades inte' });
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain('Texten är för lång: högst 2\u00a0000 tecken.');
    expect(await notice.getByRole('textbox').inputValue()).toBe(long);
    await notice.getByRole('button', { name: 'Kopiera texten' }).waitFor();
    expect(seen.frames.some((f) => f.includes('schema_violation'))).toBe(true);
    // The section holds what the server has; the status never claims the refused text was saved.
    await expect.poll(() => shared.getByRole('group', { name: 'Behov' }).getByLabel('Text').inputValue(), { timeout: 5000 }).toBe('Eget boende');
    await expect.poll(() => shared.getByTestId('save-shared').textContent()).toBe('Inte sparat – se meddelandet');
    await page.waitForTimeout(1500);
    expect(await shared.getByTestId('save-shared').textContent()).toBe('Inte sparat – se meddelandet');
    // (The first entry is the status before the refused edit.)
    const after = (await seen.statuses()).slice(1);
    expect(after.filter((s) => s === 'Sparat'), after.join(' | ')).toEqual([]);
    await notice.waitFor();
    await expectNoAxeViolations(page);

    // In English too.
    await page.getByLabel('Språk').selectOption('en');
    const english = shared.getByRole('alert').filter({ hasText: 'was not saved' });
    expect(await english.textContent()).toContain('The text is too long: at most 2,000 characters.');
    await expectNoAxeViolations(page);
    await english.getByRole('button', { name: 'Dismiss the message' }).click();
    expect(await shared.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('a relative whose access is removed is told so and leaves the plan; when the plan closes, editors turn read-only at once', async () => {
    const { planId, eva, anders } = await andersPlan();
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const relative = await openPlan('birgitta.nilsson', planId, phone);
    const staff = await openPlan('eva.lind', planId);

    const birgitta = ok(await anders.get(`/api/plans/${planId}`)).relativeCandidates![0]!;
    ok(await anders.delete(`/api/plans/${planId}/relatives/${birgitta.allowedParticipantId}`));
    await relative.page.waitForURL(`${app.t.baseUrl}/`, { timeout: 10_000 });
    const message = relative.page.getByRole('alert').filter({ hasText: 'Du har inte längre tillgång till planen' });
    await message.waitFor();
    expect(await message.textContent()).toContain('Du har tagits bort som närstående i planen.');
    expect(await message.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    expect(await relative.page.getByText(/Offline/).count()).toBe(0);
    await expectNoAxeViolations(relative.page);

    // Only the write right ends: the plan is closed while Eva has it open.
    ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'close', closingReason: 'goals_reached' }));
    await staff.shared.getByText('Planen är avslutad – du kan läsa men inte längre ändra.').waitFor({ timeout: 10_000 });
    // Read-only now: the text is shown as text, with no editor.
    await expect.poll(() => staff.shared.getByRole('textbox', { name: 'Nuläge' }).count()).toBe(0);
    await staff.shared.getByRole('group', { name: 'Nuläge' }).waitFor();
    expect(await staff.shared.getByRole('button', { name: 'Lägg till: behov' }).count()).toBe(0);
    await expectNoAxeViolations(staff.page);
    expect(relative.errors).toEqual([]);
    await relative.context.close();
    await staff.context.close();
  });
});

describe('a session that ends while the plan is open', () => {
  it('goes to sign-in and says the session ended — not "Offline"', async () => {
    const { planId } = await andersPlan();
    const staff = await openPlan('eva.lind', planId);
    // Signed out elsewhere with the same session (another tab).
    const elsewhere = new ApiSession(app.t.baseUrl);
    for (const c of await staff.context.cookies()) elsewhere.cookies.set(c.name, c.value);
    ok(await elsewhere.post('/api/auth/sign-out'));
    await staff.page.waitForURL('**/sign-in', { timeout: 10_000 });
    await staff.page.getByText('Din session har gått ut. Logga in igen.').waitFor({ timeout: 5000 });
    await expectNoAxeViolations(staff.page);
    expect(staff.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    await staff.context.close();
  });
});

/** Fills the needs list to `count` items through a second client (typing 200 would take long). */
async function storedNeeds(session: ApiSession, planId: string, count: number) {
  const client = await CollabClient.connect(app.t.baseUrl, session);
  clients.push(client);
  const provider = await client.open(planId, 'shared');
  const needs = arrayField(provider.doc, 'needs');
  const missing = count - needs.length;
  provider.doc.transact(() => {
    for (let i = 0; i < missing; i++) needs.push([yMapFrom({ id: `n${i}`, text: `Behov ${i}` })]);
  });
  const started = Date.now();
  while (provider.status !== 'saved') {
    if (Date.now() - started > 10_000) throw new Error(`needs not saved: ${provider.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
