import type { PlanState } from '../plans/plan-lifecycle';
import type { PlanPermissions, PlanViewer } from '../policy/plan-policy';

/** What decides which sections a plan has. */
export interface SectionPlanFacts {
  /** The person is under 18: the plan has a section for the child's own view. */
  isChild: boolean;
  /**
   * Organisations that have an actions section: the initiating organisation, every
   * organisation that has taken part (a removed participant's actions stay readable) and
   * every organisation called.
   */
  principalOrganisationIds: readonly string[];
  closed: boolean;
}

/**
 * Who reads and who writes a section, from the plan permissions (which already fold in
 * consent, participation and the plan's state), the actor's place in the plan and the plan.
 */
export interface SectionActor {
  permissions: PlanPermissions;
  /** Organisations the actor takes part for (staff). */
  organisationIds: readonly string[];
  /** The actor chairs the meeting or coordinates the plan (ordförande / samordningsansvarig). */
  isChairOrCoordinator: boolean;
  plan: SectionPlanFacts;
}

export interface SectionAccess {
  /** The section exists for this plan (an adult's plan has no child section). */
  exists: boolean;
  read: boolean;
  write: boolean;
}

export const NO_ACCESS: SectionAccess = { exists: false, read: false, write: false };

/** The groups the section rules speak of. */
export interface SectionAudience {
  as: PlanViewer;
  /** The person, or a guardian or representative acting for them. */
  personSide: boolean;
  /** Staff working in the plan (participants; the initiating unit before consent). */
  staff: boolean;
  relative: boolean;
}

export function audienceOf(as: PlanViewer): SectionAudience {
  return {
    as,
    personSide: as === 'person' || as === 'guardian' || as === 'representative',
    staff: as === 'staff_participant' || as === 'staff_initiating_unit',
    relative: as === 'relative',
  };
}

/**
 * Everyone who reads a section may comment on it — relatives too, who never edit — until
 * the plan is closed.
 */
export const mayComment = (access: SectionAccess, planState: PlanState): boolean => access.read && planState !== 'avslutad';
