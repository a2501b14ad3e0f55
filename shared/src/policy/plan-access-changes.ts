/**
 * Every kind of write that can change who reaches a plan or what they may read or write in
 * it. Declared in one place: each such write goes through the server's plan command helper,
 * which emits a `PlanAccessChanged` event after its transaction commits, and the
 * co-editing server re-checks every open socket of the plan on every instance. (The helper
 * also notices an undeclared change of the plan's access facts and emits `plan_changed`.)
 */
export const PLAN_ACCESS_CHANGES = {
  participant_added: 'A staff member or contact was added to the plan',
  participant_removed: 'A staff member or contact was removed from the plan',
  relative_allowed: 'The person let a relative into the plan',
  relative_removed: 'The person removed a relative from the plan',
  consent_recorded: 'A consent was recorded',
  consent_withdrawn: 'A consent was withdrawn',
  consent_ended: 'A consent reached the end of its period',
  call_sent: 'A kallelse or inbjudan was sent',
  call_confirmed: 'A called unit confirmed the call (the rest of the unit no longer needs access)',
  state_changed: 'The plan moved to another state (a closed plan is read-only)',
  child_secrecy_changed: 'Staff recorded or lifted the child’s secrecy towards the guardians',
  account_changed: 'An account was disabled, or its units or roles changed',
  plan_changed: 'Something else changed who reaches the plan',
} as const;
export type PlanAccessChangeReason = keyof typeof PLAN_ACCESS_CHANGES;
export const PLAN_ACCESS_CHANGE_REASONS = Object.keys(PLAN_ACCESS_CHANGES) as PlanAccessChangeReason[];

/** Emitted after commit by every write that can change access to a plan. */
export interface PlanAccessChanged {
  planId: string;
  reason: PlanAccessChangeReason;
}

/** Emitted when an account's own rights change (all the plans it reaches at once). */
export interface AccountAccessChanged {
  accountId: string;
  reason: 'account_changed';
}
