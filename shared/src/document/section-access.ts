import type { PlanState } from '../plans/plan-lifecycle';
import type { PlanPermissions } from '../policy/plan-policy';
import { type SectionName, actionsOrganisationId } from './sections';

/**
 * Who reads and who writes each section, from the plan permissions (which already fold in
 * consent, participation and the plan's state) and the actor's place in the plan.
 */
export interface SectionActor {
  permissions: PlanPermissions;
  /** Organisations the actor takes part for (staff). */
  organisationIds: readonly string[];
  /** The actor chairs the meeting or coordinates the plan (ordförande / samordningsansvarig). */
  isChairOrCoordinator: boolean;
}

export interface SectionAccess {
  read: boolean;
  write: boolean;
}

const PERSON_SIDE = ['person', 'guardian', 'representative'] as const;

export function sectionAccess(actor: SectionActor, section: SectionName): SectionAccess {
  const { permissions } = actor;
  const as = permissions.as;
  if (!as) return { read: false, write: false };
  const closed = !Object.values(permissions.can).some(Boolean) && as !== 'relative';
  const personSide = (PERSON_SIDE as readonly string[]).includes(as);
  const staff = as === 'staff_participant' || as === 'staff_initiating_unit';
  const calledOnly = as === 'staff_called_unit';
  let read = false;
  let write = false;
  switch (section) {
    case 'person':
      read = true;
      write = personSide || (staff && actor.isChairOrCoordinator);
      break;
    case 'child':
      // The child's own view: the child and staff, never guardians or relatives.
      read = as === 'person' || staff || (as === 'guardian' && permissions.read.child_view);
      write = as === 'person' || staff;
      break;
    case 'shared':
    case 'others':
      // The person writes their own part; the shared text is written by staff (the person's
      // words reach it through the meeting and their own part).
      read = true;
      write = staff;
      break;
    default: {
      const organisationId = actionsOrganisationId(section);
      read = true;
      write = staff && (actor.isChairOrCoordinator || (organisationId !== null && actor.organisationIds.includes(organisationId)));
    }
  }
  if (calledOnly) write = false;
  // Relatives read (and later comment), never edit; a closed plan is read-only for all.
  if (as === 'relative' || closed) write = false;
  return { read, write: read && write };
}

/**
 * Everyone who reads a section may comment on it — relatives too, who never edit — until
 * the plan is closed.
 */
export const mayComment = (access: SectionAccess, planState: PlanState): boolean => access.read && planState !== 'avslutad';
