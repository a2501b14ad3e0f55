import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type AnswerShare,
  type CircleVersion,
  type MeetingSetup,
  type MyPreparation,
  type PreparationAnswer,
  type PreparationAnswerInput,
  planParts,
} from '@sip/shared';
import { PlanAccessService } from '../access/plan-access.service';
import { PlanCommands } from '../access/plan-commands';
import { type Actor, auditRole } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/problem.exception';
import { Clock } from '../jobs/clock';
import { type MeetingPlace, liveStatus, loadMeetingPlace, meetingRefused, preparationRefusal } from './meeting-place';
import { MeetingRoom } from './meeting-room';
import { deleteOwnAnswer, ownAnswers, preparedCounts, removeOwnAnswer, saveOwnAnswer, shareOwnAnswer } from './preparation.repository';
import { assertChair, assertNoteTaker } from './participant-checks';

const STAFF_ROLES = ['initiativtagare', 'ordforande', 'antecknare', 'samordningsansvarig', 'kallad_personal', 'inbjuden'];

/**
 * "Förbered dig inför mötet": each participant's circle and private answers, the answers
 * they share into the agenda, and — for staff — who has prepared. Every read and write
 * goes through the plan policy and is audited without its words.
 */
@Injectable()
export class PreparationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccessService,
    private readonly commands: PlanCommands,
    private readonly audit: AuditService,
    private readonly room: MeetingRoom,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor, planId: string, meetingId: string): Promise<MyPreparation> {
    const m = this.dataSource.manager;
    const access = await this.access.require(actor, planId, { section: 'meetings' });
    const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
    const answers = await ownAnswers(m, meetingId, actor.accountId);
    const staffSetup = access.permissions.can.prepare;
    const participants = staffSetup || place.rights.seeWhoPrepared ? await this.participants(m, planId) : [];
    const counts = place.rights.seeWhoPrepared ? await preparedCounts(m, meetingId) : null;
    await this.audit.append({ actorId: actor.accountId, actorRole: auditRole(actor), action: 'plan.meeting.preparation.read', targetType: 'meeting', targetId: meetingId, planId });
    const { meeting } = place;
    return {
      meeting: {
        id: meeting.id,
        kind: meeting.kind,
        status: meeting.status,
        startsAt: meeting.starts_at.toISOString(),
        durationMinutes: meeting.duration_minutes,
        location: meeting.location,
        videoLink: meeting.video_link,
        purpose: meeting.purpose,
        chairParticipantId: meeting.chair_participant_id,
        noteTakerParticipantId: meeting.note_taker_participant_id,
        childPreparesWithGuardians: meeting.child_prepares_with_guardians,
        live: liveStatus(place),
      },
      personName: place.person.name,
      personIsChild: place.person.isChild,
      relation: place.relation,
      defaultVersion: place.defaultVersion,
      version: place.version,
      parts: planParts(meeting.duration_minutes, place.shares),
      answers,
      rights: place.rights,
      ...(staffSetup ? { participants: participants.map((p) => ({ id: p.id, name: p.name, role: p.role, mayChair: p.may_chair })) } : {}),
      ...(counts
        ? {
            prepared: participants
              .filter((p) => p.account_id)
              .map((p) => ({
                participantId: p.id,
                name: p.name,
                role: p.role,
                prepared: (counts.get(p.account_id!)?.answers ?? 0) > 0,
                sharedAnswers: counts.get(p.account_id!)?.shared ?? 0,
              })),
          }
        : {}),
    };
  }

  private participants(m: EntityManager, planId: string) {
    return m.query(
      `SELECT pp.id, pp.role, pp.account_id, coalesce(a.display_name, pp.external_name) AS name,
              (pp.account_id IS NOT NULL AND (pp.role = 'huvudperson' OR pp.role = ANY($2))) AS may_chair
         FROM plan_participant pp LEFT JOIN account a ON a.id = pp.account_id
        WHERE pp.plan_id = $1 AND pp.removed_at IS NULL ORDER BY pp.added_at, pp.id`,
      [planId, STAFF_ROLES],
    ) as Promise<{ id: string; role: string; account_id: string | null; name: string; may_chair: boolean }[]>;
  }

  /** Saves one's own answer as typed; empty text removes it. Shared answers reach the agenda at once. */
  async saveAnswer(actor: Actor, planId: string, meetingId: string, input: PreparationAnswerInput): Promise<{ answer: PreparationAnswer | null }> {
    let agendaChanged = false;
    const result = await this.commands.run(actor, planId, { section: 'meetings' }, async ({ m, access, audit }) => {
      const place = await this.writablePlace(m, actor, access, meetingId);
      const key = { meetingId, planId: place.access.planId, authorId: actor.accountId, version: input.version, part: input.part, questionKey: input.questionKey };
      const details = { version: input.version, part: input.part, questionKey: input.questionKey };
      if (!input.text.trim()) {
        const { removed, wasShared } = await removeOwnAnswer(m, key);
        agendaChanged = wasShared;
        if (removed) await audit('plan.meeting.preparation.write', { type: 'meeting', id: meetingId }, { ...details, removed: true });
        return { answer: null };
      }
      const { answer, wasShared } = await saveOwnAnswer(m, key, input.text, input.shared, this.clock.now());
      agendaChanged = wasShared || answer.shared;
      await audit('plan.meeting.preparation.write', { type: 'meeting', id: meetingId }, { ...details, shared: answer.shared });
      return { answer };
    });
    if (agendaChanged) await this.room.agendaChanged(meetingId);
    return result;
  }

  /** "Dela inför mötet" — only one's own answer; another's is not found. */
  async share(actor: Actor, planId: string, meetingId: string, answerId: string, input: AnswerShare): Promise<{ answer: PreparationAnswer }> {
    const answer = await this.commands.run(actor, planId, { section: 'meetings' }, async ({ m, access, audit }) => {
      await this.writablePlace(m, actor, access, meetingId);
      const shared = await shareOwnAnswer(m, meetingId, answerId, actor.accountId, input.shared, this.clock.now());
      if (!shared) throw notFound();
      await audit('plan.meeting.preparation.share', { type: 'preparation_answer', id: answerId }, { shared: input.shared });
      return shared;
    });
    await this.room.agendaChanged(meetingId);
    return { answer };
  }

  async remove(actor: Actor, planId: string, meetingId: string, answerId: string): Promise<void> {
    const wasShared = await this.commands.run(actor, planId, { section: 'meetings' }, async ({ m, access, audit }) => {
      await this.writablePlace(m, actor, access, meetingId);
      const { removed, wasShared } = await deleteOwnAnswer(m, meetingId, answerId, actor.accountId);
      if (!removed) throw notFound();
      await audit('plan.meeting.preparation.write', { type: 'preparation_answer', id: answerId }, { removed: true });
      return wasShared;
    });
    if (wasShared) await this.room.agendaChanged(meetingId);
  }

  /** Switches to another circle (null: back to the one one's role gives). */
  async chooseVersion(actor: Actor, planId: string, meetingId: string, version: CircleVersion | null): Promise<{ version: CircleVersion }> {
    return this.commands.run(actor, planId, { section: 'meetings' }, async ({ m, access, audit }) => {
      const place = await this.writablePlace(m, actor, access, meetingId);
      if (version === null) await m.query('DELETE FROM preparation_choice WHERE meeting_id = $1 AND account_id = $2', [meetingId, actor.accountId]);
      else {
        await m.query(
          `INSERT INTO preparation_choice (meeting_id, account_id, version) VALUES ($1, $2, $3)
           ON CONFLICT (meeting_id, account_id) DO UPDATE SET version = excluded.version`,
          [meetingId, actor.accountId, version],
        );
      }
      await audit('plan.meeting.preparation.write', { type: 'meeting', id: meetingId }, { version });
      return { version: version ?? place.defaultVersion };
    });
  }

  /** Staff set the meeting up: chair, note-taker, whether a young person prepares with the guardians. */
  async setup(actor: Actor, planId: string, meetingId: string, input: MeetingSetup): Promise<{ ok: true }> {
    await this.commands.run(actor, planId, { capability: 'prepare' }, async ({ m, access, audit }) => {
      const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
      if (liveStatus(place) === 'ended') throw meetingRefused('update', ['meeting_ended']);
      if (input.chairParticipantId) await assertChair(m, planId, input.chairParticipantId, 'body.chairParticipantId');
      if (input.noteTakerParticipantId) await assertNoteTaker(m, planId, input.noteTakerParticipantId, 'body.noteTakerParticipantId');
      await m.query(
        `UPDATE meeting SET chair_participant_id = CASE WHEN $2 THEN $3::uuid ELSE chair_participant_id END,
                note_taker_participant_id = CASE WHEN $4 THEN $5::uuid ELSE note_taker_participant_id END,
                child_prepares_with_guardians = coalesce($6, child_prepares_with_guardians)
          WHERE id = $1`,
        [meetingId, input.chairParticipantId !== undefined, input.chairParticipantId ?? null, input.noteTakerParticipantId !== undefined, input.noteTakerParticipantId ?? null, input.childPreparesWithGuardians ?? null],
      );
      await m.query('UPDATE meeting_live SET revision = revision + 1 WHERE meeting_id = $1', [meetingId]);
      await audit('plan.meeting.setup', { type: 'meeting', id: meetingId }, { changed: Object.keys(input) });
    });
    await this.room.publish(meetingId);
    return { ok: true };
  }

  private async writablePlace(m: EntityManager, actor: Actor, access: MeetingPlace['access'], meetingId: string): Promise<MeetingPlace> {
    const place = await loadMeetingPlace(m, actor, access, meetingId, this.clock.today());
    const refusal = preparationRefusal(place);
    if (refusal) throw refusal;
    return place;
  }
}
