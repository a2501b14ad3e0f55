import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ReminderRule, type SectionName, documentName, stockholmDate } from '@sip/shared';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { arrayField, yMapFrom } from '@sip/shared/yjs';
import { ProjectionService } from '../../server/src/collaboration/projection.service';
import { REMINDER_SCAN_JOB, ReminderScan } from '../../server/src/follow-up/reminders.job';
import { Clock } from '../../server/src/jobs/clock';
import { JobsService } from '../../server/src/jobs/jobs.service';
import { MailerService } from '../../server/src/notifications/mailer.service';
import { DEMO_PERSONS, DEMO_STAFF } from '../../server/src/seed/demo-data';
import { type ApiSession, problem, signedIn } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { PNR, at, changed, directoryIds, inDays, ok, personId, staffId, today } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

/**
 * Follow-up: actions with a history, reminders that arrive once and only while their cause
 * stands, notifications and e-mails without personal data, "Att göra", and what the person
 * sees and marks done. Time is moved with the server's clock, never slept.
 */
const app = useTestApp();
const s: Record<string, ApiSession> = {};
const clients: CollabClient[] = [];
let ids: Awaited<ReturnType<typeof directoryIds>>;
const DAY = 86_400_000;

beforeAll(async () => {
  for (const u of ['eva.lind', 'jonas.ek', 'lars.holm', 'anders.nilsson', 'sofia.karlsson']) s[u] = await signedIn(app.t.baseUrl, u);
  ids = await directoryIds(s['eva.lind']!);
});
afterEach(() => app.t.app.get(Clock).travel(new Date()));
afterAll(() => clients.forEach((c) => c.close()));

const clock = () => app.t.app.get(Clock);
const accountId = async (user: string) => ok(await s[user]!.get('/api/auth/session')).user.id as string;

/** A plan with consent for kommun and region, Eva (kommun) and Jonas (region) taking part. */
async function plan(person = PNR.anders) {
  const eva = s['eva.lind']!;
  const planId: string = ok(await eva.post('/api/plans', { personId: await personId(eva, person), trigger: 'ordinary', reason: 'Samordning', initiatingUnitId: ids.vuxenenheten })).planId;
  ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
  ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
  return planId;
}

async function open(user: string, planId: string, section: SectionName) {
  const c = await CollabClient.connect(app.t.baseUrl, s[user]!);
  clients.push(c);
  return c.open(planId, section);
}

/** Runs the reminder scan through the job queue, as the scheduler does. */
async function scan() {
  const jobs = app.t.app.get(JobsService);
  expect(await jobs.finished(REMINDER_SCAN_JOB, await jobs.send(REMINDER_SCAN_JOB))).toBe('completed');
}

/** Waits until the (debounced) projection holds this many actions of the plan. */
async function actionsProjected(planId: string, count: number) {
  for (let i = 0; i < 200; i++) {
    if ((await projected(planId, 'SELECT 1 FROM plan_action WHERE plan_id = $1 AND removed_at IS NULL')).length >= count) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the projection did not reach ${count} actions`);
}

async function reminders(planId: string, rule: ReminderRule): Promise<string[]> {
  const db = await sqlClient(app.t.databaseUrl);
  const { rows } = await db.query(`SELECT a.username FROM reminder r JOIN account a ON a.id = r.account_id WHERE r.plan_id = $1 AND r.rule = $2 ORDER BY a.username`, [planId, rule]);
  await db.end();
  return rows.map((r) => r.username);
}

async function projected(planId: string, sql: string) {
  const db = await sqlClient(app.t.databaseUrl);
  try {
    return (await db.query(sql, [planId])).rows;
  } finally {
    await db.end();
  }
}

describe('actions with a history', () => {
  it('every status and due-date change made through co-editing is recorded with its author and time; removal keeps the row', async () => {
    const planId = await plan();
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(eva.doc, 'actions').push([yMapFrom({ id: 'h1', what: 'Boendestöd', status: 'planned', dueDate: '2027-01-31' })]);
    await waitFor(() => eva.status === 'saved', 'created');
    const action = arrayField(eva.doc, 'actions').get(0);
    action.set('status', 'ongoing');
    action.set('dueDate', '2027-02-28');
    await waitFor(() => eva.status === 'saved', 'changed');
    // The projection (debounced) has the action before it is removed.
    for (let i = 0; i < 100 && !(await projected(planId, `SELECT 1 FROM plan_action WHERE plan_id = $1 AND status = 'ongoing'`)).length; i++) await new Promise((r) => setTimeout(r, 50));
    const jonas = await open('jonas.ek', planId, `actions:${ids.kommun}`);
    expect(jonas.access?.write).toBe(false); // the region does not write the kommun's actions
    arrayField(eva.doc, 'actions').delete(0, 1);
    await waitFor(() => eva.status === 'saved', 'removed');
    let history: { change: string; from_value: string | null; to_value: string | null; username: string }[] = [];
    for (let i = 0; i < 200 && history.length < 5; i++) {
      history = (await projected(planId, `SELECT h.change, h.from_value, h.to_value, a.username FROM plan_action_history h JOIN account a ON a.id = h.actor_id WHERE h.plan_id = $1 ORDER BY h.id`)) as typeof history;
      if (history.length < 5) await new Promise((r) => setTimeout(r, 50));
    }
    expect(history).toEqual([
      { change: 'created', from_value: null, to_value: 'planned', username: 'eva.lind' },
      { change: 'due_date', from_value: null, to_value: '2027-01-31', username: 'eva.lind' },
      { change: 'status', from_value: 'planned', to_value: 'ongoing', username: 'eva.lind' },
      { change: 'due_date', from_value: '2027-01-31', to_value: '2027-02-28', username: 'eva.lind' },
      { change: 'removed', from_value: 'ongoing', to_value: null, username: 'eva.lind' },
    ]);
    const [row] = await projected(planId, `SELECT status, removed_at IS NOT NULL AS removed FROM plan_action WHERE plan_id = $1 AND action_id = 'h1'`);
    expect(row).toEqual({ status: 'ongoing', removed: true });
  });
  it('a copy that does not validate when the projection runs (an update being refused) is projected once it does, never half', async () => {
    const planId = await plan();
    const section = `actions:${ids.kommun}` as const;
    const doc = new Y.Doc();
    // An action without its status: what a refused update leaves in the copy until the reload.
    arrayField(doc, 'actions').push([yMapFrom({ id: 'v1', what: 'Boendestöd' })]);
    app.t.app.get(ProjectionService).schedule(documentName(planId, section), planId, section, () => doc);
    await new Promise((r) => setTimeout(r, 400));
    expect(await projected(planId, `SELECT action_id FROM plan_action WHERE plan_id = $1`)).toEqual([]);
    (arrayField(doc, 'actions').get(0) as Y.Map<unknown>).set('status', 'ongoing');
    let rows: unknown[] = [];
    for (let i = 0; i < 40 && !rows.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = await projected(planId, `SELECT action_id, status FROM plan_action WHERE plan_id = $1`);
    }
    expect(rows).toEqual([{ action_id: 'v1', status: 'ongoing' }]);
  });
});

describe('reminders', () => {
  it('an action due soon, then overdue: its principal’s people and the person who performs it, once each', async () => {
    const planId = await plan();
    const due = stockholmDate(Date.now() + 10 * DAY);
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(eva.doc, 'actions').push([
      yMapFrom({ id: 'r1', what: 'Boendestöd', status: 'planned', dueDate: due }),
      yMapFrom({ id: 'r2', what: 'Söka bostad', status: 'planned', dueDate: due, performer: 'person' }),
      yMapFrom({ id: 'r3', what: 'Klar redan', status: 'done', dueDate: due }),
    ]);
    await waitFor(() => eva.status === 'saved', 'saved');
    await actionsProjected(planId, 3);
    await scan();
    expect(await reminders(planId, 'action_due_soon')).toEqual([]);

    clock().travel(new Date(Date.now() + 4 * DAY));
    await scan();
    expect(await reminders(planId, 'action_due_soon')).toEqual(['anders.nilsson', 'eva.lind', 'eva.lind']);
    await scan(); // nothing twice
    expect(await reminders(planId, 'action_due_soon')).toEqual(['anders.nilsson', 'eva.lind', 'eva.lind']);

    clock().travel(new Date(Date.now() + 11 * DAY));
    await scan();
    expect(await reminders(planId, 'action_overdue')).toEqual(['anders.nilsson', 'eva.lind', 'eva.lind']);
    // The notification says nothing but that there is something to do, and where.
    const list = ok(await s['eva.lind']!.get('/api/notifications'));
    expect(list.unread).toBeGreaterThanOrEqual(4);
    const mine = list.items.filter((n: { link: string }) => n.link.startsWith(`/plans/${planId}`));
    expect(mine.map((n: { kind: string; link: string }) => `${n.kind} ${n.link}`).sort()).toEqual([
      `action_due_soon /plans/${planId}#actions-${ids.kommun}`,
      `action_due_soon /plans/${planId}#actions-${ids.kommun}`,
      `action_overdue /plans/${planId}#actions-${ids.kommun}`,
      `action_overdue /plans/${planId}#actions-${ids.kommun}`,
    ]);
  });

  it('a follow-up date coming and passing reaches the samordningsansvarig and the huvudansvarig principal', async () => {
    const planId = await plan(PNR.sofia);
    const eva = s['eva.lind']!;
    ok(await eva.patch(`/api/plans/${planId}/preparation`, { leadOrganisationId: ids.region, followUpDate: stockholmDate(Date.now() + 20 * DAY) }));
    ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'samordningsansvarig', accountId: await staffId(eva, 'Eva Lind') }));
    clock().travel(new Date(Date.now() + 7 * DAY));
    await scan();
    expect(await reminders(planId, 'follow_up_soon')).toEqual(['eva.lind', 'jonas.ek']);
    clock().travel(new Date(Date.now() + 22 * DAY));
    await scan();
    expect(await reminders(planId, 'follow_up_missed')).toEqual(['eva.lind', 'jonas.ek']);
  });

  it('a call unanswered for two working days reaches the called unit; a discharge deadline its initiator', async () => {
    const planId = await plan();
    const eva = s['eva.lind']!;
    ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
    ok(await eva.post(`/api/plans/${planId}/calls`, { meeting: { startsAt: inDays(20), location: 'Rum 1' }, purpose: 'SIP', recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }] }));
    clock().travel(new Date(Date.now() + 4.2 * DAY)); // at least two working days, whatever today is
    await scan();
    expect(await reminders(planId, 'call_unanswered')).toEqual(['jonas.ek', 'lars.holm']);

    const jonas = s['jonas.ek']!;
    clock().travel(new Date());
    const discharge: string = ok(await jonas.post('/api/plans', { personId: await personId(jonas, PNR.gunnel), trigger: 'discharge', reason: 'Utskrivningsklar', initiatingUnitId: ids.vuxenpsykiatri, dischargeReadyAt: new Date().toISOString() })).planId;
    await scan();
    expect(await reminders(discharge, 'discharge_call_due')).toEqual([]);
    clock().travel(new Date(Date.now() + 2.2 * DAY));
    await scan();
    expect(await reminders(discharge, 'discharge_call_due')).toEqual(['jonas.ek']);
    clock().travel(new Date(Date.now() + 3.2 * DAY));
    await scan();
    expect(await reminders(discharge, 'discharge_call_missed')).toEqual(['jonas.ek']);
  });

  it('a consent ending, and a meeting tomorrow with everyone taking part', async () => {
    const eva = s['eva.lind']!;
    const planId: string = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: 'x', initiatingUnitId: ids.vuxenenheten })).planId;
    ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today(), validTo: stockholmDate(Date.now() + 30 * DAY) }));
    ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
    ok(await eva.post(`/api/plans/${planId}/meetings`, { kind: 'formote', startsAt: inDays(5), location: 'Rum 2' }));
    clock().travel(new Date(Date.now() + 4.2 * DAY));
    await scan();
    expect(await reminders(planId, 'meeting_tomorrow')).toEqual(['anders.nilsson', 'eva.lind', 'jonas.ek']);
    clock().travel(new Date(Date.now() + 17 * DAY));
    await scan();
    expect(await reminders(planId, 'consent_ending')).toEqual(['anders.nilsson', 'eva.lind']);
  });

  it('an initiator who has left the plan is reminded no more; its samordningsansvarig is, so the deadline still reaches someone', async () => {
    const jonas = s['jonas.ek']!;
    const discharge: string = ok(await jonas.post('/api/plans', { personId: await personId(jonas, PNR.gunnel), trigger: 'discharge', reason: 'Utskrivningsklar', initiatingUnitId: ids.vuxenpsykiatri, dischargeReadyAt: new Date().toISOString() })).planId;
    ok(await jonas.post(`/api/plans/${discharge}/participants`, { role: 'samordningsansvarig', accountId: await staffId(jonas, 'Lars Holm') }));
    const jonasId = ok(await jonas.get(`/api/plans/${discharge}`)).participants!.find((p: { name: string; role: string }) => p.name === 'Jonas Ek' && p.role === 'initiativtagare')!.id;
    ok(await jonas.delete(`/api/plans/${discharge}/participants/${jonasId}`));
    clock().travel(new Date(Date.now() + 2.2 * DAY));
    await scan();
    expect(await reminders(discharge, 'discharge_call_due')).toEqual(['lars.holm']);
    // An account no longer in use is told nothing either.
    const admin = await signedIn(app.t.baseUrl, 'admin');
    const larsId = await accountId('lars.holm');
    ok(await admin.patch(`/api/staff/${larsId}`, { disabled: true }));
    try {
      clock().travel(new Date(Date.now() + 3.2 * DAY));
      await scan();
      expect(await reminders(discharge, 'discharge_call_missed')).toEqual([]);
    } finally {
      ok(await admin.patch(`/api/staff/${larsId}`, { disabled: false }));
      s['lars.holm'] = await signedIn(app.t.baseUrl, 'lars.holm');
    }

    clock().travel(new Date());
    const planId = await plan();
    const eva = s['eva.lind']!;
    ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today(), validTo: stockholmDate(Date.now() + 20 * DAY) }));
    const evaId = ok(await eva.get(`/api/plans/${planId}`)).participants!.find((p: { name: string; role: string }) => p.name === 'Eva Lind' && p.role === 'initiativtagare')!.id;
    ok(await eva.delete(`/api/plans/${planId}/participants/${evaId}`));
    clock().travel(new Date(Date.now() + 10 * DAY));
    await scan();
    // No one chairs or coordinates this plan yet: only the person hears of their consent ending.
    expect(await reminders(planId, 'consent_ending')).toEqual(['anders.nilsson']);
  });

  it('nothing is reminded about a closed plan or after consent is withdrawn', async () => {
    const closed = await plan();
    const withdrawn = await plan(PNR.sofia);
    for (const planId of [closed, withdrawn]) {
      const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
      arrayField(eva.doc, 'actions').push([yMapFrom({ id: 'x1', what: 'Insats', status: 'planned', dueDate: stockholmDate(Date.now() + 3 * DAY) })]);
      await waitFor(() => eva.status === 'saved', 'saved');
      await actionsProjected(planId, 1);
    }
    ok(await s['eva.lind']!.post(`/api/plans/${closed}/transitions`, { action: 'close', closingReason: 'no_longer_needed', note: 'Klart' }));
    const consentId = ok(await s['sofia.karlsson']!.get(`/api/plans/${withdrawn}`)).consents[0].id;
    ok(await s['sofia.karlsson']!.post(`/api/plans/${withdrawn}/consents/${consentId}/withdraw`, {}));
    for (const days of [1, 5]) {
      clock().travel(new Date(Date.now() + days * DAY));
      await scan();
    }
    for (const planId of [closed, withdrawn]) {
      expect(await reminders(planId, 'action_due_soon')).toEqual([]);
      expect(await reminders(planId, 'action_overdue')).toEqual([]);
    }
  });

  it('closing the plan cancels what was pending: its unread reminders are read, and no digest mails them', async () => {
    const planId = await plan();
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(eva.doc, 'actions').push([yMapFrom({ id: 'c1', what: 'Insats', status: 'planned', dueDate: stockholmDate(Date.now() + 3 * DAY) })]);
    await waitFor(() => eva.status === 'saved', 'saved');
    await actionsProjected(planId, 1);
    await scan();
    const unreadAbout = async () =>
      (await projected(planId, `SELECT n.id FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.plan_id = $1 AND n.read_at IS NULL`)).length;
    expect(await unreadAbout()).toBeGreaterThan(0);
    ok(await s['eva.lind']!.post(`/api/plans/${planId}/transitions`, { action: 'close', closingReason: 'no_longer_needed', note: 'Klart' }));
    expect(await unreadAbout()).toBe(0);
  });

  it('two instances scanning at once remind once; e-mails carry no name, personnummer or plan text', async () => {
    const planId = await plan();
    ok(await s['eva.lind']!.put('/api/notifications/preferences', { emailAddress: 'eva.lind.followup@example.se', emailMode: 'immediate' }));
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    const secret = 'Hemlig insatstext om Anders';
    arrayField(eva.doc, 'actions').push([yMapFrom({ id: 'm1', what: secret, status: 'planned', dueDate: stockholmDate(Date.now() + 2 * DAY) })]);
    await waitFor(() => eva.status === 'saved', 'saved');
    await actionsProjected(planId, 1);
    const { startTestApp } = await import('../support/test-app');
    const second = await startTestApp({}, { databaseUrl: app.t.databaseUrl });
    try {
      for (const instance of [app.t, second]) instance.app.get(Clock).travel(new Date(Date.now() + DAY));
      await Promise.all([app.t.app.get(ReminderScan).scan(), second.app.get(ReminderScan).scan()]);
      expect(await reminders(planId, 'action_due_soon')).toEqual(['eva.lind']);
    } finally {
      await second.close();
    }
    const outbox = app.t.app.get(MailerService).outbox!;
    const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8')).filter((m) => m.includes('eva.lind.followup@example.se'));
    expect(mails.length).toBeGreaterThanOrEqual(1);
    const notified = await projected(planId, `SELECT count(*)::int AS n FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.plan_id = $1`);
    expect(notified[0].n).toBe(1);
    const forbidden = [secret, ...DEMO_PERSONS.flatMap((p) => [p.name, p.personnummer, p.personnummer.slice(0, 8)]), ...DEMO_STAFF.map((st) => st.displayName)];
    for (const mail of mails) {
      expect(mail).toMatch(/Du har \d+ SIP-uppgift/);
      for (const word of forbidden) expect(mail, word).not.toContain(word);
    }
  });
});

describe('the unread count on /notify', () => {
  it('stops when the session ends: a signed-out tab hears nothing more', async () => {
    const session = await signedIn(app.t.baseUrl, 'eva.lind');
    const cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const socket = io(`${app.t.baseUrl}/notify`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('unread', () => resolve());
        socket.once('connect_error', reject);
      });
      ok(await session.post('/api/auth/sign-out'));
      await waitFor(() => !socket.connected, 'the /notify socket closed after sign-out', 5000);
    } finally {
      socket.close();
    }
  });
});

describe('the unread count after a reminder scan', () => {
  it('tells each reminded account’s open tab its own count', async () => {
    const eva = s['eva.lind']!;
    // Jonas starts from nothing unread, Eva from what earlier tests left her: their counts differ.
    ok(await s['jonas.ek']!.post('/api/notifications/read', { ids: 'all' }));
    const tabs = await Promise.all(
      ['eva.lind', 'jonas.ek'].map(async (user) => {
        const cookie = [...s[user]!.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const socket = io(`${app.t.baseUrl}/notify`, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true, reconnection: false });
        const heard: number[] = [];
        socket.on('unread', (u: { unread: number }) => heard.push(u.unread));
        await new Promise<void>((resolve, reject) => {
          socket.once('unread', () => resolve());
          socket.once('connect_error', reject);
        });
        return { user, socket, heard };
      }),
    );
    try {
      const planId: string = ok(await eva.post('/api/plans', { personId: await personId(eva, PNR.anders), trigger: 'ordinary', reason: 'x', initiatingUnitId: ids.vuxenenheten })).planId;
      ok(await eva.post(`/api/plans/${planId}/consents`, { givenBy: 'person', form: 'written', scopeOrganisationIds: [ids.kommun, ids.region], informationKinds: ['psychiatry'], validFrom: today() }));
      ok(await eva.post(`/api/plans/${planId}/participants`, { role: 'kallad_personal', accountId: await staffId(eva, 'Jonas Ek') }));
      ok(await eva.post(`/api/plans/${planId}/meetings`, { kind: 'formote', startsAt: inDays(5), location: 'Rum 2' }));
      const before = tabs.map((t) => t.heard.length);
      clock().travel(new Date(Date.now() + 4.2 * DAY));
      await scan();
      const counts: number[] = [];
      for (const [i, tab] of tabs.entries()) {
        const unread = ok(await s[tab.user]!.get('/api/notifications')).unread as number;
        counts.push(unread);
        await waitFor(() => tab.heard.length > before[i]! && tab.heard.at(-1) === unread, `${tab.user}'s tab told ${unread} unread`, 5000);
      }
      expect(counts[1]).toBeGreaterThan(0);
      expect(counts[0]).not.toBe(counts[1]);
    } finally {
      tabs.forEach((t) => t.socket.close());
    }
  });
});

describe('"Att göra" and the person’s side', () => {
  it('lists what needs the staff member across their plans, never a closed plan, and only plans they reach', async () => {
    const planId = await plan();
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(eva.doc, 'actions').push([yMapFrom({ id: 't1', what: 'Försenad insats', status: 'planned', dueDate: stockholmDate(Date.now() - 3 * DAY), performingUnitId: ids.vuxenenheten })]);
    await waitFor(() => eva.status === 'saved', 'saved');
    let todo: { items: { kind: string; planId: string; label: string | null }[] } = { items: [] };
    for (let i = 0; i < 100 && !todo.items.some((t) => t.planId === planId); i++) {
      todo = ok(await s['eva.lind']!.get('/api/todo?kind=action_overdue'));
      if (!todo.items.some((t) => t.planId === planId)) await new Promise((r) => setTimeout(r, 50));
    }
    expect(todo.items.find((t) => t.planId === planId)).toMatchObject({ kind: 'action_overdue', label: 'Försenad insats' });
    // Every row is a plan the user may open.
    for (const user of ['eva.lind', 'jonas.ek', 'lars.holm']) {
      for (const item of ok(await s[user]!.get('/api/todo')).items) expect((await s[user]!.get(`/api/plans/${item.planId}`)).status, `${user} ${item.planId}`).toBe(200);
    }
    ok(await s['eva.lind']!.post(`/api/plans/${planId}/transitions`, { action: 'close', closingReason: 'other', note: 'x' }));
    expect(ok(await s['eva.lind']!.get('/api/todo')).items.some((t: { planId: string }) => t.planId === planId)).toBe(false);
    expect((await s['anders.nilsson']!.get('/api/todo')).status).toBe(403);
  });

  it('never shows the words of an action no longer open, even while the plan’s summary of open actions lags behind', async () => {
    const planId = await plan();
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(eva.doc, 'actions').push([yMapFrom({ id: 'w1', what: 'Avslutad insats', status: 'planned', dueDate: stockholmDate(Date.now() + DAY), performingUnitId: ids.vuxenenheten })]);
    await waitFor(() => eva.status === 'saved', 'saved');
    await actionsProjected(planId, 1);
    const listed = async () => (ok(await s['eva.lind']!.get('/api/todo?kind=action_due_soon')).items as { planId: string; label: string | null }[]).filter((t) => t.planId === planId);
    expect((await listed()).map((t) => t.label)).toEqual(['Avslutad insats']);
    // Done behind the summary's back (its triggers off): the summary still lists the action.
    const db = await sqlClient(app.t.databaseUrl);
    try {
      await db.query('ALTER TABLE plan_action DISABLE TRIGGER USER');
      await db.query(`UPDATE plan_action SET status = 'done' WHERE plan_id = $1`, [planId]);
    } finally {
      await db.query('ALTER TABLE plan_action ENABLE TRIGGER USER');
      await db.end();
    }
    expect(JSON.stringify(await listed())).not.toContain('Avslutad insats');
  });

  it('shows an action’s words only to those who read its section: not to a called unit before it confirms', async () => {
    const planId = await plan();
    const jonas = await open('jonas.ek', planId, `actions:${ids.region}`);
    arrayField(jonas.doc, 'actions').push([yMapFrom({ id: 'r1', what: 'Samtalsbehandling', status: 'planned', dueDate: stockholmDate(Date.now() + 2 * DAY), performingUnitId: ids.vuxenpsykiatri })]);
    await waitFor(() => jonas.status === 'saved', 'saved');
    await actionsProjected(planId, 1);
    ok(await s['eva.lind']!.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
    // A kallelse to the region's unit: Lars Holm (same unit, not taking part) reaches the plan through it.
    ok(await s['eva.lind']!.post(`/api/plans/${planId}/calls`, { meeting: { startsAt: inDays(3), location: 'Rum 1' }, purpose: 'SIP', recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }] }));
    expect(ok(await s['lars.holm']!.get(`/api/plans/${planId}`)).permissions.as).toBe('staff_called_unit');
    const forJonas = ok(await s['jonas.ek']!.get('/api/todo?kind=action_due_soon')).items.filter((t: { planId: string }) => t.planId === planId);
    expect(forJonas.map((t: { label: string | null }) => t.label)).toEqual(['Samtalsbehandling']);
    const forLars = ok(await s['lars.holm']!.get('/api/todo')).items.filter((t: { planId: string }) => t.planId === planId);
    expect(forLars.map((t: { kind: string }) => t.kind)).toEqual(['call_to_answer']);
    expect(JSON.stringify(forLars)).not.toContain('Samtalsbehandling');
  });

  it('the person sees what happens now and marks their own action done; staff see it live', async () => {
    const planId = await plan();
    const eva = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(eva.doc, 'actions').push([
      yMapFrom({ id: 'p1', what: 'Söka arbete', status: 'planned', performer: 'person', dueDate: stockholmDate(Date.now() + 9 * DAY) }),
      yMapFrom({ id: 'p2', what: 'Boendestöd', status: 'ongoing' }),
    ]);
    await waitFor(() => eva.status === 'saved', 'saved');
    const anders = s['anders.nilsson']!;
    let now = { actions: [] as { actionId: string; mine: boolean }[] };
    for (let i = 0; i < 100 && now.actions.length < 2; i++) {
      now = ok(await anders.get(`/api/plans/${planId}/happening-now`));
      if (now.actions.length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(now.actions.map((a) => [a.actionId, a.mine])).toEqual([['p1', true], ['p2', false]]);
    expect((await anders.post(`/api/plans/${planId}/actions/${ids.kommun}/p2/done`)).status).toBe(403);
    expect((await s['jonas.ek']!.post(`/api/plans/${planId}/actions/${ids.kommun}/p1/done`)).status).toBe(403);
    // Ids in upper case name the same plan and principal (they used to reach the document registry as a non-canonical name: 500).
    ok(await anders.post(`/api/plans/${planId.toUpperCase()}/actions/${ids.kommun.toUpperCase()}/p1/done`));
    await waitFor(() => arrayField(eva.doc, 'actions').toJSON().find((a) => a.id === 'p1')?.status === 'done', 'Eva sees it done, live');
    let history: { username: string }[] = [];
    for (let i = 0; i < 100 && !history.length; i++) {
      history = (await projected(planId, `SELECT a.username FROM plan_action_history h JOIN account a ON a.id = h.actor_id WHERE h.plan_id = $1 AND h.change = 'status'`)) as typeof history;
      if (!history.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(history).toEqual([{ username: 'anders.nilsson' }]);
  });
});

describe('the follow-up meeting', () => {
  it('reviews every action and sets the next follow-up before it can be recorded as held', async () => {
    const planId = await plan();
    const eva = s['eva.lind']!;
    const content = await open('eva.lind', planId, `actions:${ids.kommun}`);
    arrayField(content.doc, 'actions').push([yMapFrom({ id: 'f1', what: 'Boendestöd', status: 'ongoing' })]);
    await waitFor(() => content.status === 'saved', 'saved');
    ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'start_preparation' }));
    const called = await changed(eva, eva.post(`/api/plans/${planId}/calls`, { meeting: { kind: 'uppfoljning', startsAt: inDays(2), location: 'Rum 3' }, purpose: 'Uppföljning', recipients: [{ kind: 'kallelse', organisationId: ids.region, unitId: ids.vuxenpsykiatri }] }));
    const meeting = called.meetings![0]!;
    // The review form reads what the server will require: every current action.
    await actionsProjected(planId, 1);
    const items = ok(await eva.get(`/api/plans/${planId}/review-items`));
    expect(items.actions.map((a: { key: string; what: string; organisationName: string }) => [a.key, a.what, a.organisationName])).toEqual([[`${ids.kommun}:f1`, 'Boendestöd', 'Uppsala kommun']]);
    expect((await s['anders.nilsson']!.get(`/api/plans/${planId}/review-items`)).status).toBe(403);
    const chair = called.participants!.find((p: { name: string }) => p.name === 'Eva Lind')!;
    const held = { heldOn: stockholmDate(meeting.startsAt), chairParticipantId: chair.id, attendance: [], personTookPart: true, relativesTookPart: false };
    await at(clock(), new Date(new Date(meeting.startsAt).getTime() + 3600_000), async () => {
      const without = await eva.post(`/api/plans/${planId}/meetings/${meeting.id}/held`, held);
      expect(without.status).toBe(409);
      expect(problem(without).reasons).toEqual(['review_incomplete']);
      const next = stockholmDate(Date.now() + 120 * DAY);
      const items = [{ itemKind: 'action' as const, itemKey: `${ids.kommun}:f1`, status: 'ongoing' as const, outcome: 'Fungerar bra', decision: 'continue' as const }];
      // The next follow-up lies after the meeting: a past date, or one PostgreSQL cannot store, is refused beside its field.
      for (const nextFollowUpDate of ['2020-01-01', '0000-01-01']) {
        const refused = await eva.post(`/api/plans/${planId}/meetings/${meeting.id}/held`, { ...held, review: { items, nextFollowUpDate } });
        expect(refused.status, nextFollowUpDate).toBe(400);
        expect(problem(refused).errors![0]!.path).toBe('body.review.nextFollowUpDate');
      }
      const after = await changed(eva, eva.post(`/api/plans/${planId}/meetings/${meeting.id}/held`, {
        ...held,
        review: { items: [{ itemKind: 'action', itemKey: `${ids.kommun}:f1`, status: 'ongoing', outcome: 'Fungerar bra', decision: 'continue' }], nextFollowUpDate: next },
      }));
      expect(after).toMatchObject({ state: 'mote_hallet', followUpDate: next });
    });
    const rows = await projected(planId, `SELECT item_key, decision, outcome FROM follow_up_review WHERE plan_id = $1`);
    expect(rows).toEqual([{ item_key: `${ids.kommun}:f1`, decision: 'continue', outcome: 'Fungerar bra' }]);
  });
});
