import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type CreateMeeting,
  type PlanChange,
  type RecordMeetingHeld,
  type SendCall,
  guardFailures,
  isCallAddressee,
  nextState,
  stockholmDate,
} from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { type Changed, type PlanCommandContext, PlanCommands } from '../access/plan-commands';
import { auditRole, type Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound, validationFailed } from '../common/problem.exception';
import { recordTransition } from '../plans/plan-events';
import { assertGuards, transitionRefused } from '../plans/plan-guards';
import { loadCalls } from '../plans/plan-detail.repository';
import { VersionsService } from '../plans/versions.service';
import { actionsNotReviewed, recordReview } from '../follow-up/follow-up-review';
import { Clock } from '../jobs/clock';
import { callToIcs } from './call-calendar';
import { MeetingEvents } from './meeting-events';

/** Calls (kallelse to kommun and region, inbjudan to others), meetings and attendance. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly commands: PlanCommands,
    private readonly audit: AuditService,
    private readonly versions: VersionsService,
    private readonly clock: Clock,
    private readonly events: MeetingEvents,
  ) {}

  private async refreshNextMeeting(m: EntityManager, planId: string) {
    await m.query(
      `UPDATE plan SET next_meeting_at = (SELECT min(starts_at) FROM meeting WHERE plan_id = $1 AND status = 'planned') WHERE id = $1`,
      [planId],
    );
  }

  /** A meeting is planned for later: a kallelse to a meeting in the past helps nobody. */
  private assertFuture(startsAt: string, path: string) {
    if (new Date(startsAt) <= this.clock.now()) {
      throw validationFailed([{ path, code: 'in_the_past', message: 'The meeting must be in the future' }]);
    }
  }

  /** A förmöte or another meeting without calls. */
  createMeeting(actor: Actor, planId: string, input: CreateMeeting): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'prepare' }, async ({ m, access: { facts }, audit }) => {
      if (facts.planState === 'avslutad') throw transitionRefused('send_call', ['plan_closed']);
      this.assertFuture(input.startsAt, 'body.startsAt');
      const [meeting] = await m.query(
        `INSERT INTO meeting (plan_id, kind, starts_at, duration_minutes, location, video_link, purpose, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [planId, input.kind, input.startsAt, input.durationMinutes, input.location ?? null, input.videoLink ?? null, input.purpose ?? null, actor.accountId],
      );
      await this.refreshNextMeeting(m, planId);
      await audit('plan.meeting.create', { type: 'meeting', id: meeting.id }, { kind: input.kind });
      return { kind: 'meeting', id: meeting.id };
    });
  }

  sendCall(actor: Actor, planId: string, input: SendCall): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'send_calls' }, async ({ m, access: { facts }, audit, accessChanged }) => {
      const [plan] = await m.query('SELECT trigger, long_term_goal, questions FROM plan WHERE id = $1', [planId]);
      const called = input.recipients.filter((r) => r.kind === 'kallelse');
      assertGuards(
        'send_call',
        guardFailures('send_call', { state: facts.planState, trigger: plan.trigger, consentActive: facts.consent === 'active' }, { calledPrincipals: called.length, meetingTimeSet: Boolean(input.meeting.startsAt) }),
      );
      this.assertFuture(input.meeting.startsAt, 'body.meeting.startsAt');
      const errors = [];
      for (const [i, r] of input.recipients.entries()) {
        if (r.kind === 'kallelse') {
          const [unit] = await m.query(
            `SELECT o.kind FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1 AND o.id = $2`,
            [r.unitId, r.organisationId],
          );
          if (!unit) errors.push({ path: `body.recipients.${i}.unitId`, code: 'not_found', message: 'No such unit in that organisation' });
          else if (unit.kind === 'other') errors.push({ path: `body.recipients.${i}.organisationId`, code: 'not_a_principal', message: 'Only kommun and region are called; invite others' });
        } else {
          const [p] = await m.query(`SELECT 1 FROM plan_participant WHERE id = $1 AND plan_id = $2 AND removed_at IS NULL`, [r.participantId, planId]);
          if (!p) errors.push({ path: `body.recipients.${i}.participantId`, code: 'not_found', message: 'Not a participant of this plan' });
        }
      }
      if (errors.length) throw validationFailed(errors);

      const [meeting] = await m.query(
        `INSERT INTO meeting (plan_id, kind, starts_at, duration_minutes, location, video_link, purpose, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [planId, input.meeting.kind, input.meeting.startsAt, input.meeting.durationMinutes, input.meeting.location ?? null, input.meeting.videoLink ?? null, input.purpose, actor.accountId],
      );
      for (const r of input.recipients) {
        await m.query(
          `INSERT INTO plan_call (plan_id, meeting_id, kind, organisation_id, unit_id, participant_id, purpose, long_term_goal, questions, sent_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [planId, meeting.id, r.kind, r.kind === 'kallelse' ? r.organisationId : null, r.kind === 'kallelse' ? r.unitId : null,
           r.kind === 'inbjudan' ? r.participantId : null, input.purpose, plan.long_term_goal, JSON.stringify(plan.questions), actor.accountId],
        );
      }
      await m.query('UPDATE plan SET first_call_at = coalesce(first_call_at, now()) WHERE id = $1', [planId]);
      await this.refreshNextMeeting(m, planId);
      await recordTransition(m, planId, facts.planState, nextState('send_call', facts.planState), 'send_call', actor.accountId, { meetingId: meeting.id, recipients: input.recipients.length });
      // The called units now reach the plan; the state may have moved.
      accessChanged('call_sent');
      await audit('plan.call.send', { type: 'meeting', id: meeting.id }, { called: called.length, invited: input.recipients.length - called.length });
      return { kind: 'meeting', id: meeting.id };
    });
  }

  /** The called unit (or the invited participant) confirms it has received the call. */
  acknowledge(actor: Actor, planId: string, callId: string): Promise<PlanChange> {
    return this.commands.change(actor, planId, { capability: 'acknowledge_call' }, async ({ m, access: { facts }, audit, accessChanged }) => {
      const [call] = await m.query(
        `SELECT pc.kind, pc.organisation_id, pc.unit_id, pc.acknowledged_at, pp.account_id AS invited_account
           FROM plan_call pc LEFT JOIN plan_participant pp ON pp.id = pc.participant_id
          WHERE pc.id = $1 AND pc.plan_id = $2`,
        [callId, planId],
      );
      if (!call) throw notFound();
      const addressee = isCallAddressee({ kind: call.kind, unitId: call.unit_id, invitedAccountId: call.invited_account }, actor);
      if (!addressee) throw forbidden();
      if (call.acknowledged_at) return { kind: 'call', id: callId };
      await m.query(`UPDATE plan_call SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1`, [callId, actor.accountId]);
      // Staff of the called unit who confirm become participants of the plan.
      if (call.kind === 'kallelse' && !facts.isStaffParticipant) {
        await m.query(
          `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by) VALUES ($1, 'kallad_personal', $2, $3, $4, $2)`,
          [planId, actor.accountId, call.organisation_id, call.unit_id],
        );
      }
      // Whoever confirms becomes a participant; the rest of the unit no longer reaches the plan.
      accessChanged('call_confirmed');
      await audit('plan.call.acknowledge', { type: 'call', id: callId });
      return { kind: 'call', id: callId };
    });
  }

  async calendar(actor: Actor, planId: string, callId: string, host: string): Promise<string> {
    const { permissions } = await this.access.require(actor, planId, { section: 'calls' });
    const own = permissions.as === 'staff_own_records' ? actor.organisationIds : undefined;
    const [call] = await loadCalls(this.dataSource.manager, planId, callId, own);
    if (!call) throw notFound();
    const [meeting] = await this.dataSource.query(
      'SELECT id, starts_at, duration_minutes, location, video_link FROM meeting WHERE id = $1',
      [call.meetingId],
    );
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.call.calendar', targetType: 'call', targetId: callId, planId });
    return callToIcs(call, { id: meeting.id, startsAt: new Date(meeting.starts_at), durationMinutes: meeting.duration_minutes, location: meeting.location, videoLink: meeting.video_link }, host);
  }

  async recordHeld(actor: Actor, planId: string, meetingId: string, input: RecordMeetingHeld): Promise<PlanChange> {
    const change = await this.commands.change(actor, planId, { capability: 'record_meeting' }, (ctx) => this.held(ctx, actor, planId, meetingId, input));
    await this.events.meetingHeld({ planId, meetingId });
    return change;
  }

  /**
   * Records a meeting as held inside a plan command: the transition and the frozen version
   * for a SIP or follow-up meeting, attendance, and the follow-up review. The plan page's
   * form comes here with the `record_meeting` capability; meeting mode comes here when its
   * chair ends the meeting (server/src/preparation/live-meeting.service.ts).
   */
  async held({ m, access: { facts }, audit, accessChanged }: PlanCommandContext, actor: Actor, planId: string, meetingId: string, input: RecordMeetingHeld): Promise<Changed> {
    const [meeting]: { kind: string; status: string; starts_at: Date }[] = await m.query(
      'SELECT kind, status, starts_at FROM meeting WHERE id = $1 AND plan_id = $2 FOR UPDATE',
      [meetingId, planId],
    );
    if (!meeting) throw notFound();
    // Held on a day between the meeting's own date and today (Stockholm).
    if (input.heldOn < stockholmDate(meeting.starts_at) || input.heldOn > this.clock.today()) {
      throw validationFailed([{ path: 'body.heldOn', code: 'not_when_held', message: 'A meeting is held on or after its date, and not in the future' }]);
    }
    const [plan] = await m.query('SELECT trigger FROM plan WHERE id = $1', [planId]);
    const movesPlan = meeting.kind !== 'formote';
    if (movesPlan) {
      assertGuards(
        'record_meeting',
        guardFailures('record_meeting', { state: facts.planState, trigger: plan.trigger, consentActive: facts.consent === 'active' }, { meetingPlanned: meeting.status === 'planned' }),
      );
    } else if (meeting.status !== 'planned') {
      throw transitionRefused('record_meeting', ['meeting_not_planned']);
    }
    // A follow-up meeting reviews every action and sets the next follow-up before it is held.
    if (meeting.kind === 'uppfoljning') {
      if (!input.review || (await actionsNotReviewed(m, planId, input.review)).length) throw transitionRefused('record_meeting', ['review_incomplete']);
      // The next follow-up lies ahead of the meeting that sets it.
      if (input.review.nextFollowUpDate <= input.heldOn) {
        throw validationFailed([{ path: 'body.review.nextFollowUpDate', code: 'not_after_meeting', message: 'The next follow-up must come after the meeting' }]);
      }
      await recordReview(m, planId, meetingId, input.review, actor.accountId);
      await audit('plan.follow_up.review', { type: 'meeting', id: meetingId }, { items: input.review.items.length });
    }
    const ids = [input.chairParticipantId, ...(input.noteTakerParticipantId ? [input.noteTakerParticipantId] : []), ...input.attendance.map((a) => a.participantId)];
    const known: { id: string }[] = await m.query(
      `SELECT id FROM plan_participant WHERE plan_id = $1 AND id = ANY($2) AND removed_at IS NULL`,
      [planId, ids],
    );
    const unknown = ids.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length) throw validationFailed([{ path: 'body', code: 'not_a_participant', message: `Not participants of this plan: ${[...new Set(unknown)].join(', ')}` }]);
    await m.query(
      `UPDATE meeting SET status = 'held', held_on = $2, chair_participant_id = $3, note_taker_participant_id = $4,
              person_took_part = $5, relatives_took_part = $6 WHERE id = $1`,
      [meetingId, input.heldOn, input.chairParticipantId, input.noteTakerParticipantId ?? null, input.personTookPart, input.relativesTookPart],
    );
    for (const a of input.attendance) {
      await m.query(
        `INSERT INTO meeting_attendance (meeting_id, participant_id, mode) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id, participant_id) DO UPDATE SET mode = excluded.mode`,
        [meetingId, a.participantId, a.mode],
      );
    }
    await this.refreshNextMeeting(m, planId);
    if (movesPlan) {
      await recordTransition(m, planId, facts.planState, nextState('record_meeting', facts.planState), 'record_meeting', actor.accountId, { meetingId });
      accessChanged('state_changed');
      // The plan as it stood when the meeting closed.
      await this.versions.freeze(m, planId, 'meeting', actor.accountId);
    }
    // A meeting run in meeting mode ends with it, whichever way it was recorded.
    await m.query(`UPDATE meeting_live SET ended_at = coalesce(ended_at, $2), ended_by = coalesce(ended_by, $3), revision = revision + 1 WHERE meeting_id = $1`, [meetingId, this.clock.now(), actor.accountId]);
    await audit('plan.meeting.held', { type: 'meeting', id: meetingId }, { personTookPart: input.personTookPart });
    return { kind: 'meeting', id: meetingId };
  }
}
