import { GUARD_FAILURES, type GuardFailure } from '../plans/plan-lifecycle';
import { GUARD_MESSAGES } from './plan-messages';
import type { Language } from './problem-messages';

/** What can be done to a meeting's preparation, live meeting and evaluation. */
export const MEETING_ACTIONS = ['prepare', 'start', 'move', 'update', 'end', 'evaluate'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/** "Mötet kan inte startas" — the first half of a refusal. */
export const MEETING_ACTION_REFUSED: Record<MeetingAction, Record<Language, string>> = {
  prepare: { sv: 'Förberedelsen kan inte sparas', en: 'The preparation cannot be saved' },
  start: { sv: 'Mötet kan inte startas', en: 'The meeting cannot start' },
  move: { sv: 'Mötet kan inte gå till en annan del', en: 'The meeting cannot move to another part' },
  update: { sv: 'Mötet kan inte ändras', en: 'The meeting cannot be changed' },
  end: { sv: 'Mötet kan inte avslutas', en: 'The meeting cannot end' },
  evaluate: { sv: 'Svaren om mötet kan inte sparas', en: 'The answers about the meeting cannot be saved' },
};

/** Why, besides the plan's own guard failures. */
export const MEETING_REFUSALS = [
  'meeting_ended',
  'meeting_not_started',
  'meeting_already_started',
  'not_meeting_day',
  'not_the_chair',
  'not_the_chair_or_note_taker',
  'meeting_not_held',
  'already_evaluated',
  'not_a_meeting_participant',
] as const;
export type MeetingRefusal = (typeof MEETING_REFUSALS)[number];

export const MEETING_REFUSAL_MESSAGES: Record<MeetingRefusal, Record<Language, string>> = {
  meeting_ended: { sv: 'mötet är redan avslutat', en: 'the meeting has already ended' },
  meeting_not_started: { sv: 'mötet har inte startat', en: 'the meeting has not started' },
  meeting_already_started: { sv: 'mötet har redan startat', en: 'the meeting has already started' },
  not_meeting_day: { sv: 'mötet kan startas först på mötesdagen', en: 'the meeting can start on its day at the earliest' },
  not_the_chair: { sv: 'bara mötets ordförande kan göra det', en: 'only the meeting’s chair can do that' },
  not_the_chair_or_note_taker: { sv: 'bara ordföranden och den som antecknar kan göra det', en: 'only the chair and the note-taker can do that' },
  meeting_not_held: { sv: 'mötet är inte avslutat ännu', en: 'the meeting has not ended yet' },
  already_evaluated: { sv: 'du har redan svarat', en: 'you have already answered' },
  not_a_meeting_participant: { sv: 'du deltar inte i mötet', en: 'you do not take part in the meeting' },
};

export type MeetingRefusalReason = GuardFailure | MeetingRefusal;

export function meetingRefusalReasonMessage(reason: MeetingRefusalReason, language: Language): string {
  return (GUARD_FAILURES as readonly string[]).includes(reason)
    ? GUARD_MESSAGES[reason as GuardFailure][language]
    : MEETING_REFUSAL_MESSAGES[reason as MeetingRefusal][language];
}

/** "Mötet kan inte avslutas: huvudansvarig huvudman är inte utsedd." */
export function meetingRefusalMessage(action: MeetingAction, reasons: readonly MeetingRefusalReason[], language: Language): string {
  return `${MEETING_ACTION_REFUSED[action][language]}: ${reasons.map((r) => meetingRefusalReasonMessage(r, language)).join('; ')}.`;
}
