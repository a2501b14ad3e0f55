/**
 * The SIP process as a state machine. State ids are ASCII (they travel in URLs, SQL and
 * JSON); the names users see are the client's translations (`plans.states` in client/src/i18n).
 */
export const PLAN_STATES = [
  'initierad',
  'samtycke',
  'forberedelse',
  'kallad',
  'mote_hallet',
  'faststalld',
  'uppfoljning',
  'avslutad',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_TRIGGERS = ['ordinary', 'discharge', 'request'] as const;
export type PlanTrigger = (typeof PLAN_TRIGGERS)[number];
export const REQUESTERS = ['person', 'relative', 'other_actor'] as const;
export type Requester = (typeof REQUESTERS)[number];

export const CLOSING_REASONS = [
  'goals_reached',
  'consent_withdrawn',
  'moved',
  'deceased',
  'no_longer_needed',
  'request_refused',
  'other',
] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

/** What can happen to a plan. Each action moves it between states (or keeps it). */
export const PLAN_ACTIONS = [
  'record_consent',
  'start_preparation',
  'send_call',
  'record_meeting',
  'finalise',
  'start_follow_up',
  'close',
  'refuse_request',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

const OPEN: PlanState[] = ['initierad', 'samtycke', 'forberedelse', 'kallad', 'mote_hallet', 'faststalld', 'uppfoljning'];

/**
 * The transition table: from which states an action may start, and where it leads
 * ('same' keeps the state).
 */
export const PLAN_TRANSITIONS: Record<PlanAction, { from: readonly PlanState[]; to: PlanState | 'same' }> = {
  // Consent recorded later (renewed, widened) is an update, not a transition.
  record_consent: { from: ['initierad'], to: 'samtycke' },
  start_preparation: { from: ['samtycke'], to: 'forberedelse' },
  send_call: { from: ['forberedelse', 'kallad', 'faststalld', 'uppfoljning'], to: 'kallad' },
  record_meeting: { from: ['kallad'], to: 'mote_hallet' },
  // Also checks the plan's content (PlanActionInput.content, from the projected rows).
  finalise: { from: ['mote_hallet', 'uppfoljning'], to: 'faststalld' },
  start_follow_up: { from: ['faststalld'], to: 'uppfoljning' },
  close: { from: OPEN, to: 'avslutad' },
  refuse_request: { from: ['initierad'], to: 'avslutad' },
};

/** Why an action cannot happen now. Each has a message in both languages. */
export const GUARD_FAILURES = [
  'wrong_state',
  'plan_closed',
  'consent_missing',
  'consent_incomplete_guardians',
  'no_called_principal',
  'meeting_time_missing',
  'meeting_not_planned',
  'reason_required',
  'note_required',
  'not_a_request',
  'needs_missing',
  'principal_efforts_missing',
  'others_measures_missing',
  'lead_principal_missing',
  'coordinator_missing',
  'follow_up_date_missing',
  'review_incomplete',
  'plan_delivery_missing',
] as const;
export type GuardFailure = (typeof GUARD_FAILURES)[number];

/** Facts about a plan that the guards read; the server computes them from the database. */
export interface PlanGuardFacts {
  state: PlanState;
  trigger: PlanTrigger;
  consentActive: boolean;
}

/** Per-action extra input the guards look at. */
export interface PlanActionInput {
  reason?: string | null;
  /** Free text; closing for reason "other" needs it. */
  note?: string | null;
  calledPrincipals?: number;
  meetingTimeSet?: boolean;
  meetingPlanned?: boolean;
  /** For finalise: what the plan's projected content holds. */
  content?: PlanContentFacts;
}

/** The statutory items and good practice that finalising checks (from projected rows). */
export interface PlanContentFacts {
  needs: number;
  /** Principals (kommun/region) taking part that have no action of their own yet. */
  principalsWithoutActions: string[];
  othersMeasures: number;
  leadPrincipal: boolean;
  coordinator: boolean;
  followUpDate: boolean;
}

/**
 * Every reason the action cannot happen now (empty: it may). Pure: the server runs it
 * before every transition, the client to explain a disabled button.
 */
export function guardFailures(action: PlanAction, facts: PlanGuardFacts, input: PlanActionInput = {}): GuardFailure[] {
  const failures: GuardFailure[] = [];
  const rule = PLAN_TRANSITIONS[action];
  if (facts.state === 'avslutad') return ['plan_closed'];
  if (!rule.from.includes(facts.state)) failures.push('wrong_state');
  const needsConsent: PlanAction[] = ['record_consent', 'start_preparation', 'send_call', 'record_meeting', 'finalise', 'start_follow_up'];
  if (needsConsent.includes(action) && !facts.consentActive) failures.push('consent_missing');
  if (action === 'send_call') {
    if (!input.calledPrincipals) failures.push('no_called_principal');
    if (!input.meetingTimeSet) failures.push('meeting_time_missing');
  }
  if (action === 'record_meeting' && input.meetingPlanned === false) failures.push('meeting_not_planned');
  if ((action === 'close' || action === 'refuse_request') && !input.reason?.trim()) failures.push('reason_required');
  if (action === 'close' && input.reason === 'other' && !input.note?.trim()) failures.push('note_required');
  if (action === 'refuse_request' && facts.trigger !== 'request') failures.push('not_a_request');
  if (action === 'finalise') {
    const c = input.content;
    if (!c || c.needs === 0) failures.push('needs_missing');
    if (!c || c.principalsWithoutActions.length > 0) failures.push('principal_efforts_missing');
    if (!c || c.othersMeasures === 0) failures.push('others_measures_missing');
    if (!c?.leadPrincipal) failures.push('lead_principal_missing');
    if (!c?.coordinator) failures.push('coordinator_missing');
    if (!c?.followUpDate) failures.push('follow_up_date_missing');
  }
  return failures;
}

/**
 * The reasons to tell a person why an action is not open to them now: every guard failure,
 * except that a plan without consent is "at the wrong stage" only *because* consent is
 * missing — recording it is what moves the plan on — so then the consent is the reason given.
 */
export function blockingReasons(action: PlanAction, facts: PlanGuardFacts, input: PlanActionInput = {}): GuardFailure[] {
  const failures = guardFailures(action, facts, input);
  return failures.includes('consent_missing') && facts.state === 'initierad' ? failures.filter((f) => f !== 'wrong_state') : failures;
}

export function nextState(action: PlanAction, current: PlanState): PlanState {
  const to = PLAN_TRANSITIONS[action].to;
  return to === 'same' ? current : to;
}

/** The step a plan waits for, for worklists ("Nästa steg"). */
export const NEXT_STEP: Record<PlanState, string> = {
  initierad: 'record_consent',
  samtycke: 'start_preparation',
  forberedelse: 'send_call',
  kallad: 'record_meeting',
  mote_hallet: 'finalise',
  faststalld: 'start_follow_up',
  uppfoljning: 'send_call',
  avslutad: 'none',
};
