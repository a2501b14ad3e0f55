import type { SystemRole } from '../domain/directory';
import type { PlanState } from '../plans/plan-lifecycle';

/**
 * Who may reach a plan and what they may do in it. Pure and table-driven: the server
 * computes the facts from the database and enforces the answer on every request; the
 * client reads the same answer only to hide what the user cannot do.
 */

export const CONSENT_STATES = ['none', 'active', 'withdrawn', 'expired'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The capacity in which someone sees a plan. */
export const PLAN_VIEWERS = [
  'person',
  'guardian',
  'representative',
  'relative',
  'staff_participant',
  'staff_initiating_unit',
  'staff_called_unit',
  'staff_own_records',
] as const;
export type PlanViewer = (typeof PLAN_VIEWERS)[number];

export const PLAN_SECTIONS = [
  'overview',
  'participants',
  'consent',
  'meetings',
  'calls',
  'history',
  'access_log',
  'child_view',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const PLAN_CAPABILITIES = [
  'manage_lifecycle',
  'close_plan',
  'record_consent',
  'withdraw_consent',
  'manage_participants',
  'manage_relatives',
  'prepare',
  'send_calls',
  'acknowledge_call',
  'record_meeting',
  'record_child_view',
] as const;
export type PlanCapability = (typeof PLAN_CAPABILITIES)[number];

export interface PlanAccessFacts {
  actorKind: 'staff' | 'citizen';
  systemRoles: readonly SystemRole[];
  /** Citizen relations to the plan's person. */
  isPerson: boolean;
  /** A guardian with custody, and the person is a child. */
  isCustodialGuardian: boolean;
  /** God man / legal representative recorded for the person. */
  isRepresentative: boolean;
  /** A relative the person has allowed into this plan (not removed). */
  isAllowedRelative: boolean;
  /** Staff relations to the plan. */
  isStaffParticipant: boolean;
  inInitiatingUnit: boolean;
  inInitiatingOrganisation: boolean;
  /**
   * A unit of the actor received a call (kallelse) that nobody has confirmed yet. Whoever
   * confirms becomes a participant; the rest of the unit then has no need to know.
   */
  inCalledUnit: boolean;
  /** The active consent names the actor's organisation. */
  organisationCoveredByConsent: boolean;
  consent: ConsentState;
  planState: PlanState;
  /** Staff recorded that the child's own view is secret from the guardians. */
  childSecrecy: boolean;
  /** The actor chairs the plan's meetings or is its samordningsansvarig. */
  isChairOrCoordinator: boolean;
  /** The actor's organisation is the huvudansvarig principal. */
  inLeadOrganisation: boolean;
}

const ALL_SECTIONS = PLAN_SECTIONS.filter((s) => s !== 'access_log');
const CITIZEN_SECTIONS: PlanSection[] = ['overview', 'participants', 'consent', 'meetings', 'calls', 'history', 'access_log', 'child_view'];

/** What each viewer may read and do in an open plan. */
export const VIEWER_RULES: Record<PlanViewer, { read: readonly PlanSection[]; can: readonly PlanCapability[] }> = {
  person: { read: CITIZEN_SECTIONS, can: ['withdraw_consent', 'manage_relatives'] },
  guardian: { read: CITIZEN_SECTIONS, can: ['withdraw_consent', 'manage_relatives'] },
  representative: { read: CITIZEN_SECTIONS, can: ['withdraw_consent', 'manage_relatives'] },
  relative: { read: ['overview', 'participants', 'meetings'], can: [] },
  staff_participant: {
    read: ALL_SECTIONS,
    can: ['manage_lifecycle', 'close_plan', 'record_consent', 'withdraw_consent', 'manage_participants', 'prepare', 'send_calls', 'acknowledge_call', 'record_meeting', 'record_child_view'],
  },
  staff_initiating_unit: {
    read: ALL_SECTIONS,
    can: ['manage_lifecycle', 'close_plan', 'record_consent', 'manage_participants', 'prepare'],
  },
  // Before confirming, a called unit reads what the kallelse carries — who takes part, the
  // meetings and the calls — and none of the plan's content.
  staff_called_unit: { read: ['overview', 'participants', 'meetings', 'calls'], can: ['acknowledge_call'] },
  // No consent in force any more (withdrawn or ended): nothing crosses the secrecy boundary.
  // Each principal's staff keep reading what their own principal wrote — its consents, calls,
  // meetings and actions section (the services filter to those); the initiating organisation
  // may record a new consent or close the plan.
  staff_own_records: { read: ['overview', 'consent', 'meetings', 'calls'], can: ['record_consent', 'manage_lifecycle', 'close_plan'] },
};

/** Capabilities of staff_own_records that only the initiating organisation has. */
const INITIATOR_ONLY: readonly PlanCapability[] = ['record_consent', 'manage_lifecycle', 'close_plan'];

/**
 * Who may close a plan (the decision, written down in docs/architecture.md): closing ends
 * everyone's work in it, so among the staff taking part only those who answer for the plan
 * as a whole do — the initiating organisation, the chair or samordningsansvarig, and the
 * huvudansvarig principal. A called unit's staff member, taking part for their own actions,
 * does not. (The person ends a SIP by withdrawing consent.)
 */
function mayClose(f: PlanAccessFacts): boolean {
  return f.inInitiatingOrganisation || f.isChairOrCoordinator || f.inLeadOrganisation;
}

/** In which capacity, if any, the actor reaches the plan. */
export function resolveViewer(f: PlanAccessFacts): PlanViewer | null {
  if (f.actorKind === 'citizen') {
    if (f.isPerson) return 'person';
    if (f.isCustodialGuardian) return 'guardian';
    if (f.isRepresentative) return 'representative';
    if (f.isAllowedRelative && f.consent === 'active') return 'relative';
    return null;
  }
  // Managers and admins never reach plan content; only practitioners work in plans.
  if (!f.systemRoles.includes('practitioner')) return null;
  if (f.consent === 'active') {
    if (!f.organisationCoveredByConsent) return null;
    if (f.isStaffParticipant) return 'staff_participant';
    if (f.inCalledUnit) return 'staff_called_unit';
    return null;
  }
  if (f.consent === 'none') {
    // Before any consent nothing crosses the secrecy boundary: only the initiating
    // organisation's own people reach the plan (to record consent, or to close it).
    if (!f.inInitiatingOrganisation) return null;
    if (f.isStaffParticipant) return 'staff_participant';
    if (f.inInitiatingUnit) return 'staff_initiating_unit';
    return null;
  }
  // Consent withdrawn or ended: each principal's participants keep their own records.
  return f.isStaffParticipant ? 'staff_own_records' : null;
}

export interface PlanPermissions {
  reach: boolean;
  as: PlanViewer | null;
  read: Record<PlanSection, boolean>;
  can: Record<PlanCapability, boolean>;
}

export function planPermissions(f: PlanAccessFacts): PlanPermissions {
  const as = resolveViewer(f);
  const rule = as ? VIEWER_RULES[as] : { read: [], can: [] };
  const closed = f.planState === 'avslutad';
  const read = Object.fromEntries(
    PLAN_SECTIONS.map((s) => {
      let allowed = rule.read.includes(s);
      // A mature child's own view stays hidden from the guardians when staff have said so.
      if (s === 'child_view' && as === 'guardian' && f.childSecrecy) allowed = false;
      return [s, allowed];
    }),
  ) as Record<PlanSection, boolean>;
  const can = Object.fromEntries(
    PLAN_CAPABILITIES.map((c) => [
      c,
      !closed &&
        rule.can.includes(c) &&
        !(c === 'withdraw_consent' && f.consent !== 'active') &&
        !(as === 'staff_own_records' && INITIATOR_ONLY.includes(c) && !f.inInitiatingOrganisation) &&
        !(c === 'close_plan' && as === 'staff_participant' && !mayClose(f)),
    ]),
  ) as Record<PlanCapability, boolean>;
  return { reach: as !== null, as, read, can };
}
