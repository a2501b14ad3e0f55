import type { EntityManager } from 'typeorm';
import { guardFailures, nextState, stockholmDate } from '@sip/shared';
import { recordTransition } from '../plans/plan-events';
import { freezePlanVersion } from '../plans/version-freeze';
import { type DemoPlan, assertAllowed } from './demo-plan';

export interface MeetingInput {
  kind: 'formote' | 'sip' | 'uppfoljning';
  startsAt: Date;
  durationMinutes: number;
  location: string;
  purpose?: string;
}

export interface CallInput {
  meeting: MeetingInput & { kind: 'sip' | 'uppfoljning' };
  purpose: string;
  /** Unit keys of demo-data.ts: a kallelse to each unit's principal. */
  called: string[];
}

export interface HeldInput {
  /** Participant ids (DemoPlan.participant). */
  chair: string;
  noteTaker?: string;
  attendance: { participantId: string; mode: 'in_person' | 'video' | 'phone' | 'absent' }[];
  personTookPart: boolean;
  relativesTookPart: boolean;
}

/** As MeetingsService.refreshNextMeeting. */
async function refreshNextMeeting(m: EntityManager, planId: string) {
  await m.query(`UPDATE plan SET next_meeting_at = (SELECT min(starts_at) FROM meeting WHERE plan_id = $1 AND status = 'planned') WHERE id = $1`, [planId]);
}

async function insertMeeting(plan: DemoPlan, at: Date, actorId: string, meeting: MeetingInput, purpose: string | null): Promise<string> {
  const [row]: { id: string }[] = await plan.world.m.query(
    `INSERT INTO meeting (plan_id, kind, starts_at, duration_minutes, location, purpose, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [plan.id, meeting.kind, meeting.startsAt, meeting.durationMinutes, meeting.location, purpose, actorId, at],
  );
  return row!.id;
}

/** MeetingsService.createMeeting: a meeting without calls (a förmöte, a follow-up). */
export async function createMeeting(plan: DemoPlan, at: Date, username: string, input: MeetingInput): Promise<string> {
  const { actor, access } = await plan.world.event(at, username, plan.id, 'create a meeting', { capability: 'prepare' });
  assertAllowed(plan, 'create a meeting', access.facts.planState === 'avslutad' ? ['plan_closed'] : []);
  const meetingId = await insertMeeting(plan, at, actor.accountId, input, input.purpose ?? null);
  await refreshNextMeeting(plan.world.m, plan.id);
  await plan.world.audit(at, actor, plan.id, 'plan.meeting.create', { type: 'meeting', id: meetingId }, { kind: input.kind });
  return meetingId;
}

/** MeetingsService.sendCall: the meeting, a kallelse to each called unit, the transition to kallad. */
export async function sendCall(plan: DemoPlan, at: Date, username: string, input: CallInput): Promise<{ meetingId: string; callIds: string[] }> {
  const { actor, access } = await plan.world.event(at, username, plan.id, 'send a call', { capability: 'send_calls' });
  const { m, directory } = plan.world;
  const from = access.facts.planState;
  assertAllowed(plan, 'send a call', guardFailures('send_call', { state: from, trigger: plan.trigger, consentActive: access.facts.consent === 'active' }, { calledPrincipals: input.called.length, meetingTimeSet: true }));
  const [p]: { long_term_goal: string | null; questions: string[] }[] = await m.query('SELECT long_term_goal, questions FROM plan WHERE id = $1', [plan.id]);
  const meetingId = await insertMeeting(plan, at, actor.accountId, input.meeting, input.purpose);
  const callIds: string[] = [];
  for (const key of input.called) {
    const unit = directory.unit(key);
    const [call]: { id: string }[] = await m.query(
      `INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, purpose, long_term_goal, questions, sent_by, sent_at)
       VALUES ($1, $2, 'kallelse', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [plan.id, meetingId, unit.organisationId, unit.id, input.purpose, p!.long_term_goal, JSON.stringify(p!.questions), actor.accountId, at],
    );
    callIds.push(call!.id);
  }
  await m.query('UPDATE plan SET first_call_at = coalesce(first_call_at, $2) WHERE id = $1', [plan.id, at]);
  await refreshNextMeeting(m, plan.id);
  await recordTransition(m, plan.id, from, nextState('send_call', from), 'send_call', actor.accountId, { meetingId, recipients: input.called.length }, at);
  await plan.world.audit(at, actor, plan.id, 'plan.call.send', { type: 'meeting', id: meetingId }, { called: input.called.length, invited: 0 });
  return { meetingId, callIds };
}

/** MeetingsService.acknowledge: someone in the called unit confirms, and so takes part. */
export async function acknowledgeCall(plan: DemoPlan, at: Date, username: string, callId: string): Promise<void> {
  const { actor, access } = await plan.world.event(at, username, plan.id, 'confirm the call', { capability: 'acknowledge_call' });
  const { m } = plan.world;
  const [call]: { organisation_id: string; unit_id: string }[] = await m.query(
    `SELECT organisation_id, unit_id FROM plan_call WHERE id = $1 AND plan_id = $2 AND kind = 'kallelse' AND acknowledged_at IS NULL`,
    [callId, plan.id],
  );
  if (!call || !actor.unitIds.includes(call.unit_id)) throw new Error(`Demo seed: ${username} cannot confirm call ${callId} in ${plan.label}`);
  await m.query('UPDATE plan_call SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1', [callId, at, actor.accountId]);
  if (!access.facts.isStaffParticipant) {
    await m.query(
      `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by, added_at) VALUES ($1, 'kallad_personal', $2, $3, $4, $2, $5)`,
      [plan.id, actor.accountId, call.organisation_id, call.unit_id, at],
    );
  }
  await plan.world.audit(at, actor, plan.id, 'plan.call.acknowledge', { type: 'call', id: callId });
}

/** MeetingsService.recordHeld: who took part and how; a SIP meeting moves the plan on and freezes a version. */
export async function recordMeetingHeld(plan: DemoPlan, at: Date, username: string, meetingId: string, input: HeldInput): Promise<void> {
  const { actor, access } = await plan.world.event(at, username, plan.id, 'record a meeting', { capability: 'record_meeting' });
  const { m } = plan.world;
  const [meeting]: { kind: string; status: string; starts_at: Date }[] = await m.query('SELECT kind, status, starts_at FROM meeting WHERE id = $1 AND plan_id = $2', [meetingId, plan.id]);
  if (!meeting) throw new Error(`Demo seed: no meeting ${meetingId} in ${plan.label}`);
  if (meeting.starts_at > at) throw new Error(`Demo seed: a meeting in ${plan.label} is recorded before it starts`);
  const from = access.facts.planState;
  const movesPlan = meeting.kind !== 'formote';
  const failures = movesPlan
    ? guardFailures('record_meeting', { state: from, trigger: plan.trigger, consentActive: access.facts.consent === 'active' }, { meetingPlanned: meeting.status === 'planned' })
    : meeting.status === 'planned' ? [] : ['meeting_not_planned'];
  assertAllowed(plan, 'record the meeting', failures);
  await m.query(
    `UPDATE meeting SET status = 'held', held_on = $2, chair_participant_id = $3, note_taker_participant_id = $4,
            person_took_part = $5, relatives_took_part = $6 WHERE id = $1`,
    [meetingId, stockholmDate(meeting.starts_at), input.chair, input.noteTaker ?? null, input.personTookPart, input.relativesTookPart],
  );
  for (const a of input.attendance) {
    await m.query('INSERT INTO meeting_attendance (meeting_id, participant_id, mode) VALUES ($1, $2, $3)', [meetingId, a.participantId, a.mode]);
  }
  await refreshNextMeeting(m, plan.id);
  if (movesPlan) {
    await recordTransition(m, plan.id, from, nextState('record_meeting', from), 'record_meeting', actor.accountId, { meetingId }, at);
    await freezePlanVersion(m, plan.world.services.store, plan.id, 'meeting', actor.accountId, at);
  }
  await plan.world.audit(at, actor, plan.id, 'plan.meeting.held', { type: 'meeting', id: meetingId }, { personTookPart: input.personTookPart });
}
