import type { GuardFailure } from '../plans/plan-lifecycle';

/** What the chair checks off in part 1 (inledning). */
export const CHAIR_CHECKLIST = ['note_taker_named', 'consent_explained', 'secrecy_explained', 'purpose_stated', 'questions_presented', 'time_stated'] as const;
export type ChecklistItem = (typeof CHAIR_CHECKLIST)[number];

/** How the person gets the plan once it is made. */
export const PLAN_DELIVERIES = ['digital', 'copy'] as const;
export type PlanDelivery = (typeof PLAN_DELIVERIES)[number];

/** The facts part 5 (avslutning) reads before the meeting may end. */
export interface MeetingEndFacts {
  /** A förmöte prepares the meeting and decides nothing: it ends without these. */
  kind: 'formote' | 'sip' | 'uppfoljning';
  followUpDate: boolean;
  /** A follow-up meeting booked after this one answers the follow-up too. */
  followUpMeetingBooked: boolean;
  leadPrincipal: boolean;
  planDelivery: boolean;
}

/**
 * Everything missing before the meeting may end (empty: it may), as finalise lists its
 * own: a follow-up date or a booked follow-up meeting, the huvudansvarig principal, and how
 * the person gets the plan.
 */
export function meetingEndFailures(f: MeetingEndFacts): GuardFailure[] {
  if (f.kind === 'formote') return [];
  const failures: GuardFailure[] = [];
  if (!f.followUpDate && !f.followUpMeetingBooked) failures.push('follow_up_date_missing');
  if (!f.leadPrincipal) failures.push('lead_principal_missing');
  if (!f.planDelivery) failures.push('plan_delivery_missing');
  return failures;
}

/**
 * A frågeställning's key on the agenda: a short hash of its text, so that ticks survive the
 * list being reordered and the live state (which every follower receives) carries no words.
 * FNV-1a, 32 bits, as 8 hex digits — the same in the server and the browser.
 */
export function agendaKey(question: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(question.trim())) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The three questions each participant answers after the meeting, on a simple scale. */
export const EVALUATION_QUESTIONS = ['satisfied', 'understood', 'knows_contact'] as const;
export type EvaluationQuestion = (typeof EVALUATION_QUESTIONS)[number];
export const EVALUATION_SCALE = ['yes', 'partly', 'no'] as const;
export type EvaluationAnswer = (typeof EVALUATION_SCALE)[number];
/** Evaluations are shown only as counts over at least this many answers. */
export const EVALUATION_MIN_ANSWERS = 5;
export const EVALUATION_COMMENT_MAX_LENGTH = 1000;
/**
 * The longest a preparation answer may be, in characters (a page of text). Here, beside the
 * other limits, and not with the circles: the field messages every page loads read it, and
 * importing it from the circles' module brought all eight circles' texts into the first load.
 */
export const ANSWER_MAX_LENGTH = 2000;
export const MEETING_NOTES_MAX_LENGTH = 20000;
