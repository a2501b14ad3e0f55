import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStockholmDays, agendaKey, stockholmDate, stockholmDateTime } from '@sip/shared';
import { Clock } from '../../server/src/jobs/clock';
import { type ApiSession, signedIn } from '../support/api-session';
import { waitFor } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { MeetingClient, QUESTIONS, calledPlan } from '../support/meeting-fixtures';
import { ok, planWithMeetingHeld } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const s: Record<string, ApiSession> = {};
const clients: MeetingClient[] = [];
const follow = async (user: string, planId: string, meetingId: string) => {
  const c = await MeetingClient.connect(app.t.baseUrl, s[user]!);
  clients.push(c);
  const joined = await c.join(planId, meetingId);
  expect(joined.ok, `${user} joins: ${JSON.stringify(joined)}`).toBe(true);
  return c;
};
const inAFewDays = () => new Date(Date.now() + 3 * 86_400_000).toISOString();

beforeAll(async () => {
  for (const u of ['eva.lind', 'jonas.ek', 'anders.nilsson', 'birgitta.nilsson', 'peter.falk', 'lars.holm']) s[u] = await signedIn(app.t.baseUrl, u);
});
afterAll(() => {
  clients.forEach((c) => c.close());
  app.t.app.get(Clock).travel(new Date());
});

describe('meeting mode, run by staff', () => {
  let plan: Awaited<ReturnType<typeof calledPlan>>;
  let base: string;
  beforeAll(async () => {
    plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!, { startsAt: inAFewDays(), durationMinutes: 60 });
    base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
  });

  it('starts only on the meeting’s day, by whoever may record meetings', async () => {
    const early = await s['eva.lind']!.post(`${base}/live/start`, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'transition_refused', reasons: ['not_meeting_day'], detail: 'Mötet kan inte startas: mötet kan startas först på mötesdagen.' });
    app.t.app.get(Clock).travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
    // Birgitta follows but may not start it; Peter does not reach the plan at all.
    expect((await s['birgitta.nilsson']!.post(`${base}/live/start`, {})).status).toBe(403);
    expect((await s['peter.falk']!.post(`${base}/live/start`, {})).status).toBe(404);
    // The person may start only as his own chair.
    const asOther = await s['anders.nilsson']!.post(`${base}/live/start`, { chairParticipantId: plan.participant('Eva Lind') });
    expect(asOther.body.errors[0]).toMatchObject({ code: 'person_chairs_only_self' });
  });

  it('moves everyone through the five parts live; only the chair moves; the timer is the part’s share of the meeting', async () => {
    const anders = await follow('anders.nilsson', plan.planId, plan.meetingId);
    const birgitta = await follow('birgitta.nilsson', plan.planId, plan.meetingId);
    const started = ok(await s['eva.lind']!.post(`${base}/live/start`, { chairParticipantId: plan.participant('Eva Lind'), noteTakerParticipantId: plan.participant('Jonas Ek') }));
    expect(started.me.isChair).toBe(true);
    expect(started.state).toMatchObject({ status: 'running', currentPart: 'inledning' });
    // 60 minutes: behov gets 40 % of it.
    expect(started.state.parts.find((p: { part: string }) => p.part === 'behov').seconds).toBe(24 * 60);
    await anders.waitForState('running', (st) => st.status === 'running', 1000);
    expect((await s['jonas.ek']!.post(`${base}/live/part`, { part: 'behov' })).body).toMatchObject({ status: 403, reasons: ['not_the_chair'] });
    for (const part of ['aktuell_situation', 'behov', 'sammanfattning', 'avslutning'] as const) {
      const moved = Date.now();
      ok(await s['eva.lind']!.post(`${base}/live/part`, { part }));
      // Each follower has the new part within a second (no polling: the server pushes it).
      await anders.waitForState(part, (st) => st.currentPart === part, 1000);
      await birgitta.waitForState(part, (st) => st.currentPart === part, 1000);
      expect(Date.now() - moved).toBeLessThan(1000);
    }
    const state = anders.latest()!;
    expect(state.partLog.map((p) => p.part)).toEqual(['inledning', 'aktuell_situation', 'behov', 'sammanfattning', 'avslutning']);
    expect(state.partLog.slice(0, -1).every((p) => p.endedAt)).toBe(true);
    // The live state carries no words: no frågeställning, no name.
    expect(JSON.stringify(anders.states)).not.toMatch(/boendet|Anders|Eva/);
  });

  it('records the checklist, ticks, attendance with mandate and notes by who may', async () => {
    const eva = s['eva.lind']!;
    ok(await eva.patch(`${base}/live`, { checklist: { note_taker_named: true, consent_explained: true } }));
    ok(await eva.patch(`${base}/live`, { agendaItem: { key: agendaKey(QUESTIONS[0]!), done: true } }));
    const unknown = await eva.patch(`${base}/live`, { agendaItem: { key: 'deadbeef', done: true } });
    expect(unknown.body.errors[0]).toMatchObject({ code: 'unknown_agenda_item' });
    expect((await eva.patch(`${base}/live`, { checklist: { coffee_served: true } })).body.errors[0]).toMatchObject({ code: 'unknown_checklist_item' });
    // The note-taker writes notes; the person cannot.
    ok(await s['jonas.ek']!.patch(`${base}/live`, { notes: 'Boende och behandling gicks igenom.' }));
    expect((await s['anders.nilsson']!.patch(`${base}/live`, { notes: 'x' })).status).toBe(403);
    expect((await s['jonas.ek']!.patch(`${base}/live`, { checklist: { time_stated: true } })).status).toBe(403);
    ok(await eva.put(`${base}/live/attendance`, { participantId: plan.participant('Jonas Ek'), mode: 'video', withMandate: true }));
    ok(await eva.put(`${base}/live/attendance`, { participantId: plan.participant('Anders Nilsson'), mode: 'in_person' }));
    // Mandate is for a called principal: the kommun was not called.
    expect((await eva.put(`${base}/live/attendance`, { participantId: plan.participant('Eva Lind'), mode: 'in_person', withMandate: true })).body.errors[0]).toMatchObject({ code: 'not_called_principal' });
    const { state } = ok(await eva.get(`${base}/live`));
    expect(state.checklist).toMatchObject({ note_taker_named: true, consent_explained: true, time_stated: false });
    expect(state.agendaDone).toEqual([agendaKey(QUESTIONS[0]!)]);
    expect(state.attendance).toContainEqual({ participantId: plan.participant('Jonas Ek'), mode: 'video', withMandate: true });
    const agenda = ok(await s['anders.nilsson']!.get(`${base}/agenda`));
    expect(agenda.questions).toEqual([{ key: agendaKey(QUESTIONS[0]!), text: QUESTIONS[0], done: true }, { key: agendaKey(QUESTIONS[1]!), text: QUESTIONS[1], done: false }]);
    expect(agenda.notes).toBe('Boende och behandling gicks igenom.');
  });

  it('cannot end until part 5 is decided; ending records the meeting as held, with its version', async () => {
    const eva = s['eva.lind']!;
    const refused = await eva.post(`${base}/live/end`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.reasons).toEqual(['follow_up_date_missing', 'lead_principal_missing', 'plan_delivery_missing']);
    expect(refused.body.detail).toBe(
      'Mötet kan inte avslutas: datum för uppföljning saknas; huvudansvarig huvudman är inte utsedd; det är inte bestämt hur personen får planen.',
    );
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    expect((await eva.put(`${base}/live/decisions`, { planDelivery: { kind: 'copy' } })).body.errors[0]).toMatchObject({ code: 'how_required' });
    expect((await eva.put(`${base}/live/decisions`, { followUpDate: '2020-01-01' })).body.errors[0]).toMatchObject({ code: 'not_after_today' });
    ok(await eva.put(`${base}/live/decisions`, { leadOrganisationId: plan.ids.kommun, coordinatorParticipantId: plan.participant('Eva Lind'), followUpDate: inAYear, planDelivery: { kind: 'digital' } }));
    const waiting = ok(await eva.get(`${base}/live`)).state;
    expect(waiting.endMissing).toEqual([]);
    expect((await s['jonas.ek']!.post(`${base}/live/end`, {})).body.reasons).toEqual(['not_the_chair']);
    const ended = ok(await eva.post(`${base}/live/end`, {}));
    expect(ended.state).toBe('mote_hallet');
    const detail = ok(await eva.get(`/api/plans/${plan.planId}`));
    const meeting = detail.meetings.find((m: { id: string }) => m.id === plan.meetingId);
    expect(meeting).toMatchObject({ status: 'held', chairParticipantId: plan.participant('Eva Lind'), noteTakerParticipantId: plan.participant('Jonas Ek'), personTookPart: true });
    expect(detail.leadOrganisation.id).toBe(plan.ids.kommun);
    expect(detail.participants.some((p: { role: string; name: string }) => p.role === 'samordningsansvarig' && p.name === 'Eva Lind')).toBe(true);
    expect(ok(await eva.get(`/api/plans/${plan.planId}/versions`))).toEqual([expect.objectContaining({ number: 1, reason: 'meeting', createdBy: 'Eva Lind' })]);
    expect(ok(await eva.get(`${base}/live`)).state).toMatchObject({ status: 'ended', currentPart: null });
  });

  it('refuses acting on a meeting that has ended, and stores nothing', async () => {
    const db = await sqlClient(app.t.databaseUrl);
    const before = (await db.query('SELECT * FROM meeting_live WHERE meeting_id = $1', [plan.meetingId])).rows;
    for (const [method, path, body] of [
      ['POST', 'live/part', { part: 'behov' }],
      ['PATCH', 'live', { notes: 'efteråt' }],
      ['PUT', 'live/decisions', { planDelivery: { kind: 'digital' } }],
      ['POST', 'live/end', {}],
      ['POST', 'live/start', {}],
    ] as const) {
      const res = await s['eva.lind']!.request(method, `${base}/${path}`, body);
      expect(res.status, path).toBe(409);
      expect(res.body.reasons, path).toEqual(['meeting_ended']);
    }
    const answer = await s['anders.nilsson']!.put(`${base}/preparation/answers`, { version: 'vuxna', part: 'behov', questionKey: 'future', text: 'sent' });
    expect(answer.body).toMatchObject({ status: 409, reasons: ['meeting_ended'] });
    expect((await db.query('SELECT * FROM meeting_live WHERE meeting_id = $1', [plan.meetingId])).rows).toEqual(before);
    await db.end();
  });

  it('asks each participant three questions once; counts show only over five answers', async () => {
    const body = { satisfied: 'yes', understood: 'partly', knows_contact: 'yes', comment: 'Bra möte' };
    expect(ok(await s['anders.nilsson']!.get(`${base}/evaluation`))).toEqual({ answered: false, may: true });
    ok(await s['anders.nilsson']!.post(`${base}/evaluation`, body));
    const again = await s['anders.nilsson']!.post(`${base}/evaluation`, body);
    expect(again.body).toMatchObject({ status: 409, reasons: ['already_evaluated'] });
    expect(ok(await s['anders.nilsson']!.get(`${base}/evaluation`))).toEqual({ answered: true, may: false });
    // Each read of it is in the plan's audit trail (the person's "who has read my plan").
    const auditDb = await sqlClient(app.t.databaseUrl);
    const { rows: reads } = await auditDb.query(`SELECT count(*)::int AS n FROM audit_event WHERE plan_id = $1 AND action = 'plan.read' AND target_type = 'meeting' AND target_id = $2`, [plan.planId, plan.meetingId]);
    await auditDb.end();
    expect(reads[0].n).toBeGreaterThanOrEqual(2);
    for (const u of ['birgitta.nilsson', 'eva.lind', 'jonas.ek']) ok(await s[u]!.post(`${base}/evaluation`, body));
    const db = await sqlClient(app.t.databaseUrl);
    expect((await db.query('SELECT count(*)::int AS n FROM meeting_evaluation WHERE meeting_id = $1', [plan.meetingId])).rows[0].n).toBe(4);
    await db.end();
    // Four answers from one meeting: nothing to read.
    const summary = ok(await s['eva.lind']!.get('/api/meeting-evaluations/summary'));
    expect(summary).toMatchObject({ answers: 0, groups: [{ group: 'person_side', suppressed: true, counts: null }, { group: 'staff', suppressed: true, counts: null }] });
    // Citizens never read the counts.
    expect((await s['anders.nilsson']!.get('/api/meeting-evaluations/summary')).status).toBe(403);
  });
});

describe('meeting mode, chaired by the person', () => {
  it('lets the person start and chair their own meeting; staff follow and cannot move it', async () => {
    app.t.app.get(Clock).travel(new Date());
    const plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!, { startsAt: inAFewDays() });
    const base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
    app.t.app.get(Clock).travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
    const eva = await follow('eva.lind', plan.planId, plan.meetingId);
    const started = ok(await s['anders.nilsson']!.post(`${base}/live/start`, {}));
    expect(started.me.isChair).toBe(true);
    expect(started.state.chairParticipantId).toBe(plan.participant('Anders Nilsson'));
    expect(ok(await s['anders.nilsson']!.get(`${base}/preparation`)).version).toBe('ordforande');
    ok(await s['anders.nilsson']!.post(`${base}/live/part`, { part: 'aktuell_situation' }));
    await eva.waitForState('moved by Anders', (st) => st.currentPart === 'aktuell_situation', 1000);
    expect((await s['eva.lind']!.post(`${base}/live/part`, { part: 'behov' })).status).toBe(403);
  });

  it('writes nothing more into the plan through a running meeting once the consent has run out', async () => {
    app.t.app.get(Clock).travel(new Date());
    const plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!, { startsAt: inAFewDays() });
    const base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
    app.t.app.get(Clock).travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
    ok(await s['eva.lind']!.post(`${base}/live/start`, { chairParticipantId: plan.participant('Eva Lind') }));
    // The consent's period ends (the plan stays open: each principal keeps its own records).
    const db = await sqlClient(app.t.databaseUrl);
    await db.query(`UPDATE consent SET valid_from = current_date - 30, valid_to = current_date - 1 WHERE plan_id = $1`, [plan.planId]);
    await db.end();
    expect(ok(await s['eva.lind']!.get(`/api/plans/${plan.planId}`)).state).not.toBe('avslutad');
    const notes = await s['eva.lind']!.patch(`${base}/live`, { notes: 'Efter återkallelsen' });
    expect(notes.status).toBe(409);
    expect(notes.body.reasons).toEqual(['consent_missing']);
    expect((await s['eva.lind']!.post(`${base}/live/part`, { part: 'behov' })).status).toBe(409);
  });
});

describe('following a meeting', () => {
  it('drops a follower who loses access, telling why; nobody else is told anything', async () => {
    app.t.app.get(Clock).travel(new Date());
    const plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!, { startsAt: inAFewDays() });
    const base = `/api/plans/${plan.planId}/meetings/${plan.meetingId}`;
    const birgitta = await follow('birgitta.nilsson', plan.planId, plan.meetingId);
    const anders = await follow('anders.nilsson', plan.planId, plan.meetingId);
    // Someone who does not reach the plan cannot follow it; the called unit can, before confirming.
    const peter = await MeetingClient.connect(app.t.baseUrl, s['peter.falk']!);
    clients.push(peter);
    expect(await peter.join(plan.planId, plan.meetingId)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await peter.join(plan.planId, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'not_found' });
    await follow('lars.holm', plan.planId, plan.meetingId);
    const rel = ok(await s['anders.nilsson']!.get(`/api/plans/${plan.planId}`)).relativeCandidates[0];
    ok(await s['anders.nilsson']!.delete(`/api/plans/${plan.planId}/relatives/${rel.allowedParticipantId}`));
    await waitFor(() => birgitta.errors.length > 0, 'Birgitta told');
    expect(birgitta.errors).toContainEqual(expect.objectContaining({ code: 'access_revoked', meetingId: plan.meetingId, cause: 'relative_removed' }));
    app.t.app.get(Clock).travel(new Date(new Date(plan.startsAt).getTime() + 60_000));
    ok(await s['eva.lind']!.post(`${base}/live/start`, {}));
    await anders.waitForState('started', (st) => st.status === 'running', 1000);
    expect(birgitta.states.some((st) => st.status === 'running')).toBe(false);
    expect(birgitta.socket.connected).toBe(false);
  });

  it('closes a follower’s socket when their session ends', async () => {
    app.t.app.get(Clock).travel(new Date());
    const plan = await calledPlan(s['eva.lind']!, s['anders.nilsson']!, { startsAt: inAFewDays() });
    const session = await signedIn(app.t.baseUrl, 'jonas.ek');
    const jonas = await MeetingClient.connect(app.t.baseUrl, session);
    clients.push(jonas);
    expect((await jonas.join(plan.planId, plan.meetingId)).ok).toBe(true);
    ok(await session.post('/api/auth/sign-out'));
    await waitFor(() => !jonas.socket.connected, 'closed after sign-out', 1000);
    expect(jonas.errors.map((e) => e.code)).toContain('session_expired');
  });
});

describe('the evaluation counts', () => {
  it('count only answers given in whole past months: a fresh answer is in no figure until its month is over', async () => {
    const clock = app.t.app.get(Clock);
    clock.travel(new Date());
    const eva = s['eva.lind']!;
    const before = ok(await eva.get('/api/meeting-evaluations/summary'));
    const body = { satisfied: 'no', understood: 'yes', knows_contact: 'partly' } as const;
    for (let i = 0; i < 3; i++) {
      const { planId } = await planWithMeetingHeld(eva, clock);
      const meetingId = ok(await eva.get(`/api/plans/${planId}`)).meetings[0].id;
      for (const u of ['eva.lind', 'jonas.ek']) ok(await s[u]!.post(`/api/plans/${planId}/meetings/${meetingId}/evaluation`, body));
    }
    // Six staff answers today, and not one figure moved: no one can read an answer off a difference.
    expect(ok(await eva.get('/api/meeting-evaluations/summary'))).toEqual(before);

    const [year, month] = clock.today().split('-').map(Number) as [number, number];
    const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    clock.travel(stockholmDateTime(nextMonth, '08:00'));
    const after = ok(await eva.get('/api/meeting-evaluations/summary'));
    expect(after.through).toBe(stockholmDate(addStockholmDays(stockholmDateTime(nextMonth, '00:00'), -1)));
    const staff = after.groups.find((g: { group: string }) => g.group === 'staff');
    expect(staff.suppressed).toBe(false);
    expect(staff.counts.satisfied.no).toBeGreaterThanOrEqual(6);
    clock.travel(new Date());
  });
});
