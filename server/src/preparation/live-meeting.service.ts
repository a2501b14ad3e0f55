import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type AttendanceInput,
  type EndMeeting,
  type LiveUpdate,
  type MeetingLiveView,
  type MeetingPart,
  type PlanChange,
  type StartMeeting,
  agendaKey,
  stockholmDate,
} from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { type PlanCommandContext, PlanCommands } from '../access/plan-commands';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { validationFailed } from '../common/problem.exception';
import { Clock } from '../jobs/clock';
import { MeetingsService } from '../meetings/meetings.service';
import { loadLiveState } from './live-state';
import { type MeetingPlace, liveStatus, loadMeetingPlace, meetingRefused } from './meeting-place';
import { MeetingRoom } from './meeting-room';
import { activeParticipant, assertChair, assertNoteTaker } from './participant-checks';

/**
 * Meeting mode: the chair starts the meeting, moves it from part to part, ticks the
 * checklist and the frågeställningar, records attendance and ends it — which records the
 * meeting as held (the existing transition and frozen version). Each command runs through
 * PlanCommands (policy in the transaction, audit beside the change); afterwards every
 * follower on every instance is told the new state. Only the chair moves the meeting; the
 * note-taker writes the notes and may record attendance.
 */
@Injectable()
export class LiveMeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly commands: PlanCommands,
    private readonly audit: AuditService,
    private readonly meetings: MeetingsService,
    private readonly room: MeetingRoom,
    private readonly clock: Clock,
  ) {}

  /** The state and one's place; audited as a read, except as the answer to a command (audited itself). */
  async view(actor: Actor, planId: string, meetingId: string, options: { audit?: boolean } = {}): Promise<MeetingLiveView> {
    const m = this.dataSource.manager;
    const access = await this.access.require(actor, planId, { section: 'meetings' });
    const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
    const state = (await loadLiveState(m, meetingId, this.clock.now()))!;
    if (options.audit !== false) {
      await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.meeting.live.read', targetType: 'meeting', targetId: meetingId, planId });
    }
    return { state, me: { participantIds: place.myParticipantIds, isChair: place.isChair, isNoteTaker: place.isNoteTaker } };
  }

  /** Starts the meeting on its day: staff who may record meetings, or the person as their own chair. */
  async start(actor: Actor, planId: string, meetingId: string, input: StartMeeting): Promise<MeetingLiveView> {
    await this.command(actor, planId, meetingId, async ({ m, audit }, place) => {
      const status = liveStatus(place);
      if (status === 'ended') throw meetingRefused('start', place.meeting.status === 'cancelled' ? ['meeting_not_planned'] : ['meeting_ended']);
      if (status === 'running') throw meetingRefused('start', ['meeting_already_started']);
      if (!place.rights.start) {
        if (place.access.facts.planState === 'avslutad') throw meetingRefused('start', ['plan_closed']);
        if (place.access.facts.consent !== 'active') throw meetingRefused('start', ['consent_missing']);
        throw meetingRefused('start', ['not_the_chair'], 403);
      }
      if (this.clock.today() < stockholmDate(place.meeting.starts_at)) throw meetingRefused('start', ['not_meeting_day']);
      const asPerson = place.access.permissions.as === 'person';
      const chairId = await this.chooseChair(m, actor, planId, place, input, asPerson);
      const noteTakerId = input.noteTakerParticipantId === undefined ? place.meeting.note_taker_participant_id : input.noteTakerParticipantId;
      if (noteTakerId) await assertNoteTaker(m, planId, noteTakerId, 'body.noteTakerParticipantId');
      const now = this.clock.now();
      await m.query('UPDATE meeting SET chair_participant_id = $2, note_taker_participant_id = $3 WHERE id = $1', [meetingId, chairId, noteTakerId]);
      await m.query(
        `INSERT INTO meeting_live (meeting_id, plan_id, started_at, started_by, current_part, part_started_at, part_log)
         VALUES ($1, $2, $3, $4, 'inledning', $3, $5)`,
        [meetingId, planId, now, actor.accountId, JSON.stringify([{ part: 'inledning', startedAt: now.toISOString(), endedAt: null }])],
      );
      await audit('plan.meeting.start', { type: 'meeting', id: meetingId }, { chairedByPerson: asPerson });
    });
    await this.room.publish(meetingId, { agenda: true });
    return this.view(actor, planId, meetingId, { audit: false });
  }

  private async chooseChair(m: EntityManager, actor: Actor, planId: string, place: MeetingPlace, input: StartMeeting, asPerson: boolean): Promise<string> {
    if (asPerson) {
      // The person may chair their own meeting — themselves, nobody else.
      const [own]: { id: string }[] = await m.query(`SELECT id FROM plan_participant WHERE plan_id = $1 AND role = 'huvudperson' AND account_id = $2 AND removed_at IS NULL`, [planId, actor.accountId]);
      if (!own) throw validationFailed([{ path: 'body.chairParticipantId', code: 'cannot_chair', message: 'The person takes part without an account' }]);
      if (input.chairParticipantId && input.chairParticipantId !== own.id) {
        throw validationFailed([{ path: 'body.chairParticipantId', code: 'person_chairs_only_self', message: 'You can only chair yourself' }]);
      }
      return own.id;
    }
    const chosen = input.chairParticipantId ?? place.meeting.chair_participant_id ?? (await this.ownStaffParticipant(m, planId, place));
    await assertChair(m, planId, chosen, 'body.chairParticipantId');
    return chosen;
  }

  /** Staff starting without naming a chair chair it themselves. */
  private async ownStaffParticipant(m: EntityManager, planId: string, place: MeetingPlace): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `SELECT id FROM plan_participant WHERE id = ANY($2) AND plan_id = $1 AND role <> 'huvudperson' ORDER BY (role = 'ordforande') DESC, added_at LIMIT 1`,
      [planId, place.myParticipantIds],
    );
    if (!row) throw validationFailed([{ path: 'body.chairParticipantId', code: 'cannot_chair', message: 'Name the chair' }]);
    return row.id;
  }

  /** The chair moves everyone to another part; the others follow. */
  async move(actor: Actor, planId: string, meetingId: string, part: MeetingPart): Promise<MeetingLiveView> {
    await this.command(actor, planId, meetingId, async ({ m, audit }, place) => {
      this.assertRunning(place, 'move');
      if (!place.isChair) throw meetingRefused('move', ['not_the_chair'], 403);
      if (place.live!.current_part === part) return;
      const now = this.clock.now().toISOString();
      // The log closes the running part and opens the next, in one statement.
      await m.query(
        `UPDATE meeting_live SET current_part = $2, part_started_at = $3::timestamptz, revision = revision + 1,
                part_log = (SELECT coalesce(jsonb_agg(CASE WHEN e->>'endedAt' IS NULL THEN jsonb_set(e, '{endedAt}', to_jsonb($3::text)) ELSE e END), '[]'::jsonb)
                              FROM jsonb_array_elements(part_log) e) || jsonb_build_array(jsonb_build_object('part', $2::text, 'startedAt', $3::text, 'endedAt', null))
          WHERE meeting_id = $1`,
        [meetingId, part, now],
      );
      await audit('plan.meeting.part', { type: 'meeting', id: meetingId }, { from: place.live!.current_part, to: part });
    });
    await this.room.publish(meetingId);
    return this.view(actor, planId, meetingId, { audit: false });
  }

  /** The checklist, a frågeställning ticked, the person's preference (chair); the notes (note-taker or chair). */
  async update(actor: Actor, planId: string, meetingId: string, input: LiveUpdate): Promise<MeetingLiveView> {
    let agenda = false;
    await this.command(actor, planId, meetingId, async ({ m, audit }, place) => {
      this.assertRunning(place, 'update');
      const chairOnly = input.checklist !== undefined || input.agendaItem !== undefined || input.personPreference !== undefined || input.noteTakerParticipantId !== undefined;
      if (chairOnly && !place.isChair) throw meetingRefused('update', ['not_the_chair'], 403);
      if (input.notes !== undefined && !place.isChair && !place.isNoteTaker) throw meetingRefused('update', ['not_the_chair_or_note_taker'], 403);
      if (input.agendaItem) {
        const [{ questions }]: { questions: string[] }[] = await m.query('SELECT questions FROM plan WHERE id = $1', [planId]);
        if (!questions.some((q) => agendaKey(q) === input.agendaItem!.key)) {
          throw validationFailed([{ path: 'body.agendaItem.key', code: 'unknown_agenda_item', message: 'Not a frågeställning of this plan' }]);
        }
      }
      if (input.noteTakerParticipantId) await assertNoteTaker(m, planId, input.noteTakerParticipantId, 'body.noteTakerParticipantId');
      await m.query(
        `UPDATE meeting_live SET
            checklist = checklist || $2::jsonb,
            agenda_done = CASE WHEN $3::text IS NULL THEN agenda_done
                               WHEN $4 THEN (SELECT jsonb_agg(DISTINCT k) FROM jsonb_array_elements_text(agenda_done || to_jsonb($3::text)) k)
                               ELSE coalesce((SELECT jsonb_agg(k) FROM jsonb_array_elements_text(agenda_done) k WHERE k <> $3::text), '[]'::jsonb) END,
            person_preference = CASE WHEN $5 THEN $6 ELSE person_preference END,
            notes = CASE WHEN $7 THEN $8 ELSE notes END,
            revision = revision + 1
          WHERE meeting_id = $1`,
        [meetingId, JSON.stringify(input.checklist ?? {}), input.agendaItem?.key ?? null, input.agendaItem?.done ?? false, input.personPreference !== undefined, input.personPreference ?? null, input.notes !== undefined, input.notes ?? null],
      );
      if (input.noteTakerParticipantId !== undefined) await m.query('UPDATE meeting SET note_taker_participant_id = $2 WHERE id = $1', [meetingId, input.noteTakerParticipantId]);
      agenda = input.notes !== undefined || input.personPreference !== undefined || input.agendaItem !== undefined;
      await audit('plan.meeting.update', { type: 'meeting', id: meetingId }, { changed: Object.keys(input) });
    });
    await this.room.publish(meetingId, { agenda });
    return this.view(actor, planId, meetingId, { audit: false });
  }

  /** How each participant attends; for a called principal, whether with the mandate to decide. */
  async attendance(actor: Actor, planId: string, meetingId: string, input: AttendanceInput): Promise<MeetingLiveView> {
    await this.command(actor, planId, meetingId, async ({ m, audit }, place) => {
      this.assertRunning(place, 'update');
      if (!place.isChair && !place.isNoteTaker) throw meetingRefused('update', ['not_the_chair_or_note_taker'], 403);
      const participant = await activeParticipant(m, planId, input.participantId, 'body.participantId');
      if (input.withMandate !== undefined && input.withMandate !== null) {
        const [called] = await m.query(`SELECT 1 FROM plan_call WHERE meeting_id = $1 AND kind = 'kallelse' AND organisation_id = $2`, [meetingId, participant.organisation_id]);
        if (!called) throw validationFailed([{ path: 'body.withMandate', code: 'not_called_principal', message: 'Only for someone taking part for a called principal' }]);
      }
      await m.query(
        `INSERT INTO meeting_attendance (meeting_id, participant_id, mode, with_mandate) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, participant_id) DO UPDATE SET mode = excluded.mode,
           with_mandate = CASE WHEN $5 THEN excluded.with_mandate ELSE meeting_attendance.with_mandate END`,
        [meetingId, input.participantId, input.mode, input.withMandate ?? null, input.withMandate !== undefined],
      );
      await m.query('UPDATE meeting_live SET revision = revision + 1 WHERE meeting_id = $1', [meetingId]);
      await audit('plan.meeting.attendance', { type: 'participant', id: input.participantId }, { mode: input.mode, withMandate: input.withMandate ?? null });
    });
    await this.room.publish(meetingId);
    return this.view(actor, planId, meetingId, { audit: false });
  }

  /**
   * Ends the meeting: part 5's guard lists what is missing (as finalise does); then the
   * meeting is recorded as held — the transition and the frozen version — with today's
   * date, the chair, the note-taker and the attendance recorded during the meeting.
   */
  async end(actor: Actor, planId: string, meetingId: string, input: EndMeeting): Promise<PlanChange> {
    const change = await this.command(actor, planId, meetingId, async (ctx, place) => {
      this.assertRunning(place, 'end');
      if (!place.isChair) throw meetingRefused('end', ['not_the_chair'], 403);
      const state = (await loadLiveState(ctx.m, meetingId, this.clock.now()))!;
      if (state.endMissing.length) throw meetingRefused('end', state.endMissing);
      const roles: { id: string; role: string }[] = await ctx.m.query('SELECT id, role FROM plan_participant WHERE plan_id = $1 AND removed_at IS NULL', [planId]);
      const roleOf = new Map(roles.map((r) => [r.id, r.role]));
      const present = (role: (r: string) => boolean) => state.attendance.some((a) => a.mode !== 'absent' && role(roleOf.get(a.participantId) ?? ''));
      const now = this.clock.now();
      await ctx.m.query(
        `UPDATE meeting_live SET ended_at = $2, ended_by = $3,
                part_log = (SELECT coalesce(jsonb_agg(CASE WHEN e->>'endedAt' IS NULL THEN jsonb_set(e, '{endedAt}', to_jsonb($4::text)) ELSE e END), '[]'::jsonb)
                              FROM jsonb_array_elements(part_log) e)
          WHERE meeting_id = $1`,
        [meetingId, now, actor.accountId, now.toISOString()],
      );
      const changed = await this.meetings.held(ctx, actor, planId, meetingId, {
        heldOn: this.clock.today(),
        chairParticipantId: place.meeting.chair_participant_id!,
        ...(place.meeting.note_taker_participant_id ? { noteTakerParticipantId: place.meeting.note_taker_participant_id } : {}),
        attendance: state.attendance.map(({ participantId, mode }) => ({ participantId, mode })),
        personTookPart: present((r) => r === 'huvudperson'),
        relativesTookPart: present((r) => ['narstaende', 'vardnadshavare', 'god_man'].includes(r)),
        ...(input.review ? { review: input.review } : {}),
      });
      const [{ state: planState }]: { state: PlanChange['state'] }[] = await ctx.m.query('SELECT state FROM plan WHERE id = $1', [planId]);
      return { planId, state: planState, changed };
    });
    await this.room.publish(meetingId, { agenda: true });
    return change;
  }

  /** A meeting command: in the plan's transaction, with the meeting as this actor stands towards it. */
  command<T>(actor: Actor, planId: string, meetingId: string, work: (ctx: PlanCommandContext, place: MeetingPlace) => Promise<T>): Promise<T> {
    return this.commands.run(actor, planId, { section: 'meetings' }, async (ctx) => {
      const place = await loadMeetingPlace(ctx.m, actor, ctx.access, meetingId, this.clock.today());
      if (!place.rights.follow) throw meetingRefused('update', ['not_a_meeting_participant'], 403);
      return work(ctx, place);
    });
  }

  assertRunning(place: MeetingPlace, action: 'move' | 'update' | 'end') {
    const status = liveStatus(place);
    if (status === 'ended') throw meetingRefused(action, ['meeting_ended']);
    if (status === 'not_started') throw meetingRefused(action, ['meeting_not_started']);
    if (place.access.facts.planState === 'avslutad') throw meetingRefused(action, ['plan_closed']);
    // A meeting left running when the consent ends is over for sharing: nothing more is written
    // into the plan through it (each principal's staff keep only their own records).
    if (place.access.facts.consent !== 'active') throw meetingRefused(action, ['consent_missing']);
  }
}
