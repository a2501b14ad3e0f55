import type { EntityManager } from 'typeorm';
import {
  type CircleRelation,
  type CircleVersion,
  type Language,
  type MeetingAction,
  type MeetingRefusalReason,
  type MeetingRights,
  type PartShares,
  ageOn,
  circleFor,
  circleRelation,
  effectiveShares,
  meetingRefusalMessage,
  meetingRights,
} from '@sip/shared';
import type { PlanAccess } from '../access/plan-access.service';
import type { Actor } from '../auth/actor';
import { ProblemException, notFound } from '../common/problem.exception';
import { loadMeetings } from '../plans/plan-detail.repository';

export interface MeetingRow {
  id: string;
  plan_id: string;
  kind: 'formote' | 'sip' | 'uppfoljning';
  status: 'planned' | 'held' | 'cancelled';
  starts_at: Date;
  duration_minutes: number;
  location: string | null;
  video_link: string | null;
  purpose: string | null;
  chair_participant_id: string | null;
  note_taker_participant_id: string | null;
  child_prepares_with_guardians: boolean;
}

export interface LiveRow {
  started_at: Date;
  ended_at: Date | null;
  current_part: string;
  part_started_at: Date;
  notes: string | null;
  person_preference: string | null;
  agenda_done: string[];
}

/** A meeting as one actor stands towards it: their rights, their circle, their place. */
export interface MeetingPlace {
  access: PlanAccess;
  rights: MeetingRights;
  meeting: MeetingRow;
  live: LiveRow | null;
  person: { name: string; age: number; isChild: boolean; accountId: string | null; childSecrecy: boolean };
  myParticipantIds: string[];
  isChair: boolean;
  isNoteTaker: boolean;
  relation: CircleRelation;
  defaultVersion: CircleVersion;
  version: CircleVersion;
  shares: PartShares;
}

/**
 * Loads the meeting for an actor who reaches the plan (the caller checked the policy): 404
 * when the meeting is not this plan's, or — for staff keeping only their own records — not
 * one of their principal's.
 */
export async function loadMeetingPlace(m: EntityManager, actor: Actor, access: PlanAccess, meetingId: string, today: string): Promise<MeetingPlace> {
  const own = access.permissions.as === 'staff_own_records' ? actor.organisationIds : undefined;
  const [visible] = await loadMeetings(m, access.planId, own, meetingId);
  if (!visible) throw notFound();
  const [meeting]: MeetingRow[] = await m.query(
    `SELECT id, plan_id, kind, status, starts_at, duration_minutes, location, video_link, purpose,
            chair_participant_id, note_taker_participant_id, child_prepares_with_guardians
       FROM meeting WHERE id = $1 AND plan_id = $2`,
    [meetingId, access.planId],
  );
  if (!meeting) throw notFound();
  // One after another: inside a plan command these share the transaction's one connection.
  const [live]: LiveRow[] = await m.query(
    `SELECT started_at, ended_at, current_part, part_started_at, notes, person_preference, agenda_done FROM meeting_live WHERE meeting_id = $1`,
    [meetingId],
  );
  const [facts]: { name: string; birth_date: string; account_id: string | null; child_secrecy: boolean; meeting_part_shares: Partial<PartShares> | null }[] = await m.query(
    `SELECT pe.name, pe.birth_date, pe.account_id, p.child_secrecy, cs.meeting_part_shares
       FROM plan p JOIN person pe ON pe.id = p.person_id
       LEFT JOIN organisation o ON o.id = p.initiating_organisation_id
       LEFT JOIN county_setting cs ON cs.county_code = o.county_code
      WHERE p.id = $1`,
    [access.planId],
  );
  const mine: { id: string }[] = await m.query(`SELECT id FROM plan_participant WHERE plan_id = $1 AND account_id = $2 AND removed_at IS NULL ORDER BY added_at, id`, [
    access.planId,
    actor.accountId,
  ]);
  const [choice]: { version: CircleVersion }[] = await m.query(`SELECT version FROM preparation_choice WHERE meeting_id = $1 AND account_id = $2`, [meetingId, actor.accountId]);
  const age = ageOn(facts!.birth_date, today);
  const myParticipantIds = mine.map((r) => r.id);
  const isChair = meeting.chair_participant_id !== null && myParticipantIds.includes(meeting.chair_participant_id);
  const relation = circleRelation(access.permissions.as!, isChair);
  const defaultVersion = circleFor({ relation, personAge: age, childPreparesWithGuardians: meeting.child_prepares_with_guardians });
  return {
    access,
    rights: meetingRights(access.permissions, access.facts.consent, access.facts.planState),
    meeting,
    live: live ?? null,
    person: { name: facts!.name, age, isChild: age < 18, accountId: facts!.account_id, childSecrecy: facts!.child_secrecy },
    myParticipantIds,
    isChair,
    isNoteTaker: meeting.note_taker_participant_id !== null && myParticipantIds.includes(meeting.note_taker_participant_id),
    relation,
    defaultVersion,
    version: choice?.version ?? defaultVersion,
    shares: effectiveShares(facts!.meeting_part_shares),
  };
}

/** Where the meeting stands: not started, running, or over (held, cancelled, or ended live). */
export function liveStatus(place: Pick<MeetingPlace, 'meeting' | 'live'>): 'not_started' | 'running' | 'ended' {
  if (place.meeting.status !== 'planned' || place.live?.ended_at) return 'ended';
  return place.live ? 'running' : 'not_started';
}

/** A refusal with every reason, in the user's language: "Mötet kan inte avslutas: …". */
export function meetingRefused(action: MeetingAction, reasons: MeetingRefusalReason[], status = 409): ProblemException {
  return new ProblemException(status, status === 403 ? 'forbidden' : 'transition_refused', {
    reasons,
    detail: (language: Language) => meetingRefusalMessage(action, reasons, language),
  });
}

/** Why this actor may not act on the meeting's preparation now, if they may not. */
export function preparationRefusal(place: MeetingPlace): ProblemException | null {
  if (liveStatus(place) === 'ended') return meetingRefused('prepare', ['meeting_ended']);
  if (place.rights.prepare) return null;
  if (place.access.facts.planState === 'avslutad') return meetingRefused('prepare', ['plan_closed']);
  if (place.access.facts.consent !== 'active') return meetingRefused('prepare', ['consent_missing']);
  return meetingRefused('prepare', ['not_a_meeting_participant'], 403);
}
