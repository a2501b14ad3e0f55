import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { arrayField, yMapFrom } from '@sip/shared/yjs';
import { type ApiSession, ok, problem } from '../support/api-session';
import { CollabClient, waitFor, writeRichText } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { plan } from '../support/plan-builder';
import { type DirectoryIds, changed, completePreparation } from '../support/plan-fixtures';
import { writeStatutoryContent } from '../support/plan-content';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const clients: CollabClient[] = [];
let eva: ApiSession;
let jonas: ApiSession;
let ids: DirectoryIds;
afterAll(() => clients.forEach((c) => c.close()));

/**
 * Each test's own plan: Anders's, with the kommun (Eva, chair) and the region (Jonas, called)
 * taking part, brought through consent, preparation and a call to a held meeting — version 1.
 */
async function planWithMeetingHeld(): Promise<string> {
  const built = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).withParticipant('Jonas Ek').preparing().called({ unit: 'vuxenpsykiatri' }).meetingHeld().build();
  ids = built.ids;
  return built.id;
}

async function open(planId: string, session: ApiSession, section: Parameters<CollabClient['open']>[1]) {
  const c = await CollabClient.connect(app.t.baseUrl, session);
  clients.push(c);
  return c.open(planId, section);
}

async function actionRow(planId: string, actionId: string) {
  const db = await sqlClient(app.t.databaseUrl);
  const { rows } = await db.query(`SELECT status, due_date::text AS due FROM plan_action WHERE plan_id = $1 AND action_id = $2`, [planId, actionId]);
  await db.end();
  return rows[0] as { status: string; due: string } | undefined;
}

beforeAll(async () => {
  eva = await app.as('eva.lind');
  jonas = await app.as('jonas.ek');
});

it('finalising lists what is missing, then succeeds from the projected rows and freezes a version', async () => {
  const planId = await planWithMeetingHeld();
  const refused = await eva.post(`/api/plans/${planId}/transitions`, { action: 'finalise' });
  expect(refused.status).toBe(409);
  expect(problem(refused).reasons).toEqual(['needs_missing', 'principal_efforts_missing', 'others_measures_missing', 'lead_principal_missing', 'coordinator_missing', 'follow_up_date_missing']);
  expect(problem(refused).detail).toMatch(/^Planen kan inte fastställas: behoven är inte beskrivna; /);

  const { shared, kommun } = await writeStatutoryContent((session, section) => open(planId, session, section), eva, jonas, ids);

  // An action's due date and status reach plan_action within a second.
  const item = arrayField(kommun.doc, 'actions').get(0);
  const changedAt = Date.now();
  kommun.doc.transact(() => {
    item.set('dueDate', '2027-02-28');
    item.set('status', 'ongoing');
  });
  let row = await actionRow(planId, 'k1');
  while ((row?.due !== '2027-02-28' || row.status !== 'ongoing') && Date.now() - changedAt < 1000) {
    await new Promise((r) => setTimeout(r, 25));
    row = await actionRow(planId, 'k1');
  }
  expect(row).toEqual({ status: 'ongoing', due: '2027-02-28' });
  expect(Date.now() - changedAt).toBeLessThan(1000);

  const still = await eva.post(`/api/plans/${planId}/transitions`, { action: 'finalise' });
  expect(problem(still).reasons).toEqual(['lead_principal_missing', 'coordinator_missing', 'follow_up_date_missing']);
  await completePreparation(eva, planId, ids.kommun);

  const finalised = await changed(eva, eva.post(`/api/plans/${planId}/transitions`, { action: 'finalise' }));
  expect(finalised).toMatchObject({ state: 'faststalld', followUpDate: '2027-03-15' });
  const versions = ok(await eva.get(`/api/plans/${planId}/versions`));
  expect(versions.map((v: { reason: string }) => v.reason)).toEqual(['meeting', 'finalised']);
  const v2 = ok(await eva.get(`/api/plans/${planId}/versions/${versions[1].id}`));
  expect((v2.sections[`actions:${ids.kommun}`].actions as { what: string }[])[0]!.what).toBe('Boendestöd');

  // Follow-up revises the plan; finalising again freezes the next version; compare shows what changed.
  ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'start_follow_up' }));
  kommun.doc.transact(() => arrayField(kommun.doc, 'actions').get(0).set('status', 'done'));
  arrayField(shared.doc, 'goals').push([yMapFrom({ id: 'goal2', text: 'Arbetsträning', term: 'short' })]);
  await waitFor(() => kommun.status === 'saved' && shared.status === 'saved', 'saved');
  ok(await eva.post(`/api/plans/${planId}/transitions`, { action: 'finalise' }));
  const all = ok(await eva.get(`/api/plans/${planId}/versions`));
  expect(all).toHaveLength(3);
  const diff = ok(await eva.get(`/api/plans/${planId}/versions/compare?from=${all[1].id}&to=${all[2].id}`));
  expect(diff.changes.map((c: { id: string; change: string }) => `${c.id}:${c.change}`).sort()).toEqual(['goal2:added', 'k1:changed']);

  // Versions are immutable in the database too.
  const db = await sqlClient(app.t.databaseUrl);
  await expect(db.query(`UPDATE plan_version SET reason = 'meeting' WHERE plan_id = $1`, [planId])).rejects.toThrow(/immutable/);
  await db.end();
});

it('a version shows a reader only the sections they may read today', async () => {
  const planId = await planWithMeetingHeld();
  const all = ok(await eva.get(`/api/plans/${planId}/versions`));
  const birgitta = await app.as('birgitta.nilsson');
  expect((await birgitta.get(`/api/plans/${planId}/versions/${all[0].id}`)).status).toBe(404); // not allowed in
  const peter = await app.as('peter.falk');
  expect((await peter.get(`/api/plans/${planId}/versions`)).status).toBe(404);
});

it('the person sees in their access log who read a version of their plan', async () => {
  const planId = await planWithMeetingHeld();
  const [first] = ok(await eva.get(`/api/plans/${planId}/versions`));
  ok(await eva.get(`/api/plans/${planId}/versions/${first!.id}`));
  const anders = await app.as('anders.nilsson');
  const log = ok(await anders.get(`/api/plans/${planId}/access-log`)) as { who: string; what: string }[];
  expect(log.filter((e) => e.what === 'plan.version.read').map((e) => e.who)).toContain('Eva Lind');
});

it('the long-term goal, the frågeställningar and the child’s view are each written in one place and shown from there', async () => {
  const built = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).withParticipant('Jonas Ek').preparing().build();
  const planId = built.id;
  // Förberedelse takes the frågeställningar; the long-term goal is the person's own, in their part.
  const refused = await eva.request('PATCH', `/api/plans/${planId}/preparation`, { questions: ['Vem gör vad?'], longTermGoal: 'Ett mål till' });
  expect(refused.status).toBe(400);
  ok(await eva.patch(`/api/plans/${planId}/preparation`, { questions: ['Vem gör vad?'] }));
  await writeRichText(app.t.baseUrl, await app.as('anders.nilsson'), planId, 'person', 'longTermGoal', 'Jag vill bo kvar i min lägenhet.');
  await vi.waitFor(async () => expect((await detailFor(planId)).longTermGoal).toBe('Jag vill bo kvar i min lägenhet.'), { timeout: 5000, interval: 25 });

  // The kallelse carries both, from their one place.
  const called = await changed(eva, eva.post(`/api/plans/${planId}/calls`, { meeting: { startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), location: 'Rum 1' }, purpose: 'SIP', recipients: [{ kind: 'kallelse', organisationId: built.ids.region, unitId: built.ids.vuxenpsykiatri }] }));
  expect(called.calls![0]).toMatchObject({ questions: ['Vem gör vad?'], longTermGoal: 'Jag vill bo kvar i min lägenhet.' });

  // The shared part shows the frågeställningar from the preparation and holds no list of its own.
  const shared = await open(planId, eva, 'shared');
  arrayField(shared.doc, 'questions').push([yMapFrom({ id: 'q1', text: 'En frågeställning till' })]);
  await waitFor(() => shared.lastError !== null, 'refusal');
  expect(shared.lastError?.code).toBe('schema_violation');
  expect((await detailFor(planId)).questions).toEqual(['Vem gör vad?']);

  // The child's view: only in the child's part; the form decides only about secrecy.
  const elin = await plan(app).for('elin').by('omar.haddad').build();
  const omar = await app.as('omar.haddad');
  const withText = await omar.request('PUT', `/api/plans/${elin.id}/child-view`, { childSecrecy: false, childView: 'Jag vill gå kvar i min klass.' });
  expect(withText.status).toBe(400);
});

async function detailFor(planId: string) {
  return ok(await eva.get(`/api/plans/${planId}`));
}
