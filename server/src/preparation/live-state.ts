import type { EntityManager } from 'typeorm';
import {
  CHAIR_CHECKLIST,
  type ChecklistItem,
  type MeetingLiveState,
  type MeetingPart,
  type PartShares,
  effectiveShares,
  meetingEndFailures,
  planParts,
} from '@sip/shared';

interface StateRow {
  id: string;
  plan_id: string;
  kind: MeetingLiveState['kind'];
  status: 'planned' | 'held' | 'cancelled';
  starts_at: Date;
  duration_minutes: number;
  chair_participant_id: string | null;
  note_taker_participant_id: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  current_part: MeetingPart | null;
  part_started_at: Date | null;
  part_log: { part: MeetingPart; startedAt: string; endedAt: string | null }[] | null;
  checklist: Partial<Record<ChecklistItem, boolean>> | null;
  agenda_done: string[] | null;
  revision: number | null;
  meeting_part_shares: Partial<PartShares> | null;
  follow_up_date: string | null;
  lead_organisation_id: string | null;
  plan_delivery: string | null;
  follow_up_booked: boolean;
  attendance: MeetingLiveState['attendance'];
}

/** Part 5's facts for a meeting, as meetingEndFailures reads them. */
export const END_FACTS_SQL = `
  p.follow_up_date, p.lead_organisation_id, p.plan_delivery,
  EXISTS (SELECT 1 FROM meeting f WHERE f.plan_id = mt.plan_id AND f.id <> mt.id AND f.kind = 'uppfoljning'
           AND f.status = 'planned' AND f.starts_at > mt.starts_at) AS follow_up_booked`;

/**
 * The live state of a meeting as every follower receives it: no words, only where the
 * meeting is (part, times, ticks as keys, attendance) and what part 5 still misses.
 */
export async function loadLiveState(m: EntityManager, meetingId: string, now: Date): Promise<MeetingLiveState | null> {
  const [r]: StateRow[] = await m.query(
    `SELECT mt.id, mt.plan_id, mt.kind, mt.status, mt.starts_at, mt.duration_minutes, mt.chair_participant_id, mt.note_taker_participant_id,
            ml.started_at, ml.ended_at, ml.current_part, ml.part_started_at, ml.part_log, ml.checklist, ml.agenda_done, ml.revision,
            cs.meeting_part_shares, ${END_FACTS_SQL},
            coalesce((SELECT json_agg(json_build_object('participantId', ma.participant_id, 'mode', ma.mode, 'withMandate', ma.with_mandate) ORDER BY ma.participant_id)
                        FROM meeting_attendance ma WHERE ma.meeting_id = mt.id), '[]') AS attendance
       FROM meeting mt JOIN plan p ON p.id = mt.plan_id
       LEFT JOIN meeting_live ml ON ml.meeting_id = mt.id
       LEFT JOIN organisation o ON o.id = p.initiating_organisation_id
       LEFT JOIN county_setting cs ON cs.county_code = o.county_code
      WHERE mt.id = $1`,
    [meetingId],
  );
  if (!r) return null;
  const ended = r.status !== 'planned' || r.ended_at !== null;
  const endedAt = r.ended_at?.toISOString() ?? null;
  return {
    meetingId: r.id,
    planId: r.plan_id,
    kind: r.kind,
    status: ended ? 'ended' : r.started_at ? 'running' : 'not_started',
    startsAt: r.starts_at.toISOString(),
    durationMinutes: r.duration_minutes,
    parts: planParts(r.duration_minutes, effectiveShares(r.meeting_part_shares)),
    currentPart: ended ? null : r.current_part,
    partStartedAt: ended ? null : (r.part_started_at?.toISOString() ?? null),
    startedAt: r.started_at?.toISOString() ?? null,
    endedAt,
    // A meeting recorded as held from the plan page leaves its last part open: it ended then.
    partLog: (r.part_log ?? []).map((p) => ({ ...p, endedAt: p.endedAt ?? (ended ? endedAt : null) })),
    chairParticipantId: r.chair_participant_id,
    noteTakerParticipantId: r.note_taker_participant_id,
    checklist: Object.fromEntries(CHAIR_CHECKLIST.map((item) => [item, r.checklist?.[item] === true])) as Record<ChecklistItem, boolean>,
    agendaDone: r.agenda_done ?? [],
    attendance: r.attendance,
    endMissing: meetingEndFailures({
      kind: r.kind,
      followUpDate: r.follow_up_date !== null,
      followUpMeetingBooked: r.follow_up_booked,
      leadPrincipal: r.lead_organisation_id !== null,
      planDelivery: r.plan_delivery !== null,
    }),
    revision: r.revision ?? 0,
    serverNow: now.toISOString(),
  };
}
