import type { GuardFailure, PlanAction } from '../plans/plan-lifecycle';
import type { Language } from './problem-messages';

/** "Kallelsen kan inte skickas" — the first half of a refusal. */
export const ACTION_REFUSED: Record<PlanAction, Record<Language, string>> = {
  record_consent: { sv: 'Samtycket kan inte registreras', en: 'The consent cannot be recorded' },
  start_preparation: { sv: 'Förberedelsen kan inte startas', en: 'Preparation cannot start' },
  send_call: { sv: 'Kallelsen kan inte skickas', en: 'The call cannot be sent' },
  record_meeting: { sv: 'Mötet kan inte registreras', en: 'The meeting cannot be recorded' },
  finalise: { sv: 'Planen kan inte fastställas', en: 'The plan cannot be finalised' },
  start_follow_up: { sv: 'Uppföljningen kan inte startas', en: 'Follow-up cannot start' },
  close: { sv: 'Planen kan inte avslutas', en: 'The plan cannot be closed' },
  refuse_request: { sv: 'Begäran kan inte avslås', en: 'The request cannot be refused' },
};

/** "samtycke saknas" — why. */
export const GUARD_MESSAGES: Record<GuardFailure, Record<Language, string>> = {
  wrong_state: { sv: 'planen är inte i rätt skede för det', en: 'the plan is not at the right stage for that' },
  plan_closed: { sv: 'planen är avslutad', en: 'the plan is closed' },
  consent_missing: { sv: 'samtycke saknas', en: 'consent is missing' },
  consent_incomplete_guardians: {
    sv: 'alla vårdnadshavare med vårdnad måste samtycka',
    en: 'every guardian with custody must consent',
  },
  no_called_principal: { sv: 'ingen huvudman är kallad', en: 'no principal is called' },
  meeting_time_missing: { sv: 'tid för mötet saknas', en: 'the meeting time is missing' },
  meeting_not_planned: { sv: 'mötet är inte planerat', en: 'the meeting is not planned' },
  reason_required: { sv: 'ett skäl måste anges', en: 'a reason must be given' },
  note_required: { sv: 'beskriv skälet när det är ”annat”', en: 'describe the reason when it is “other”' },
  not_a_request: { sv: 'bara en begärd SIP kan avslås', en: 'only a requested SIP can be refused' },
  needs_missing: { sv: 'behoven är inte beskrivna', en: 'the needs are not described' },
  principal_efforts_missing: {
    sv: 'varje huvudman som deltar måste ha minst en insats',
    en: 'every principal taking part needs at least one effort',
  },
  others_measures_missing: { sv: 'andras insatser saknas', en: 'the measures by others are missing' },
  lead_principal_missing: { sv: 'huvudansvarig huvudman är inte utsedd', en: 'no principal has the overall responsibility' },
  coordinator_missing: { sv: 'samordningsansvarig saknas', en: 'no coordinator is named' },
  follow_up_date_missing: { sv: 'datum för uppföljning saknas', en: 'the follow-up date is missing' },
  review_incomplete: {
    sv: 'varje insats ska gås igenom och nästa uppföljning bokas',
    en: 'every action must be reviewed and the next follow-up set',
  },
  plan_delivery_missing: {
    sv: 'det är inte bestämt hur personen får planen',
    en: 'how the person gets the plan is not decided',
  },
};

export function refusalMessage(action: PlanAction, failures: GuardFailure[], language: Language): string {
  return `${ACTION_REFUSED[action][language]}: ${failures.map((f) => GUARD_MESSAGES[f][language]).join('; ')}.`;
}
