import { Injectable } from '@nestjs/common';
import type { MeetingDecisions, MeetingLiveView } from '@sip/shared';
import type { Actor } from '../auth/actor';
import { validationFailed } from '../common/problem.exception';
import { Clock } from '../jobs/clock';
import { LiveMeetingService } from './live-meeting.service';
import { meetingRefused } from './meeting-place';
import { MeetingRoom } from './meeting-room';
import { assertStaffParticipant } from './participant-checks';

/**
 * What parts 4 and 5 decide, written straight into the plan so that the plan stays the one
 * truth (finalising and the reminders read it): the huvudansvarig principal, the
 * samordningsansvarig, the follow-up date, and how the person gets the plan. Recorded by
 * the chair or the note-taker while the meeting runs.
 */
@Injectable()
export class MeetingDecisionsService {
  constructor(
    private readonly live: LiveMeetingService,
    private readonly room: MeetingRoom,
    private readonly clock: Clock,
  ) {}

  async decide(actor: Actor, planId: string, meetingId: string, input: MeetingDecisions): Promise<MeetingLiveView> {
    await this.live.command(actor, planId, meetingId, async ({ m, audit, accessChanged }, place) => {
      this.live.assertRunning(place, 'update');
      if (!place.isChair && !place.isNoteTaker) throw meetingRefused('update', ['not_the_chair_or_note_taker'], 403);
      if (input.leadOrganisationId) {
        const [org]: { kind: string }[] = await m.query('SELECT kind FROM organisation WHERE id = $1', [input.leadOrganisationId]);
        if (!org || org.kind === 'other') {
          throw validationFailed([{ path: 'body.leadOrganisationId', code: 'not_a_principal', message: 'The lead principal is a kommun or a region' }]);
        }
        await m.query('UPDATE plan SET lead_organisation_id = $2, updated_at = now() WHERE id = $1', [planId, input.leadOrganisationId]);
      }
      if (input.followUpDate) {
        if (input.followUpDate <= this.clock.today()) throw validationFailed([{ path: 'body.followUpDate', code: 'not_after_today', message: 'The follow-up comes after today' }]);
        await m.query('UPDATE plan SET follow_up_date = $2, updated_at = now() WHERE id = $1', [planId, input.followUpDate]);
      }
      if (input.planDelivery) {
        if (input.planDelivery.kind === 'digital' && !place.person.accountId) {
          throw validationFailed([{ path: 'body.planDelivery.kind', code: 'no_digital_access', message: 'The person has no account' }]);
        }
        await m.query('UPDATE plan SET plan_delivery = $2, plan_delivery_how = $3, updated_at = now() WHERE id = $1', [planId, input.planDelivery.kind, input.planDelivery.how?.trim() || null]);
      }
      if (input.coordinatorParticipantId) {
        const chosen = await assertStaffParticipant(m, planId, input.coordinatorParticipantId, 'body.coordinatorParticipantId');
        // One samordningsansvarig: whoever held the role before keeps their other roles.
        await m.query(
          `UPDATE plan_participant SET removed_at = now(), removed_by = $3
            WHERE plan_id = $1 AND role = 'samordningsansvarig' AND removed_at IS NULL AND account_id <> $2`,
          [planId, chosen.account_id, actor.accountId],
        );
        await m.query(
          `INSERT INTO plan_participant (plan_id, role, account_id, organisation_id, unit_id, added_by)
           SELECT $1, 'samordningsansvarig', $2, $3, $4, $5
            WHERE NOT EXISTS (SELECT 1 FROM plan_participant WHERE plan_id = $1 AND account_id = $2 AND role = 'samordningsansvarig' AND removed_at IS NULL)`,
          [planId, chosen.account_id, chosen.organisation_id, chosen.unit_id, actor.accountId],
        );
        accessChanged('participant_added');
      }
      await m.query('UPDATE meeting_live SET revision = revision + 1 WHERE meeting_id = $1', [meetingId]);
      await audit('plan.meeting.decision', { type: 'meeting', id: meetingId }, { decided: Object.keys(input) });
    });
    await this.room.publish(meetingId, { agenda: true });
    return this.live.view(actor, planId, meetingId, { audit: false });
  }
}
