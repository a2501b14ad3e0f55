import type { ConsentState, PlanPermissions, PlanViewer } from '../policy/plan-policy';
import type { SectionActor } from '../document/section-access';
import { sectionAccess } from '../document/section-registry';
import type { PlanState } from '../plans/plan-lifecycle';

/**
 * What someone who reaches a plan may do with a meeting's preparation and live meeting,
 * derived from the plan policy (the server enforces it, the client reads it to show what
 * can be done):
 *
 * - **follow**: open the meeting's pages and the live state (part, timer, ticks — never
 *   words) — everyone who reads the plan's meetings.
 * - **prepare**: write one's own private answers — while the plan is open and consent is
 *   in force; a called unit may prepare before confirming. Staff keeping only their own
 *   records (consent ended) do not.
 * - **readAgenda**: the answers others chose to share, the frågeställningar, the note-taker's
 *   notes and the read-back of the actions — those who take part in the meeting: the
 *   person's side, allowed relatives and staff participants. Not a called unit before it has
 *   confirmed (it reads what the kallelse carries, no content), and nothing crosses once
 *   consent has ended.
 * - **seeWhoPrepared**: staff participants see who has prepared — never what.
 * - **start**: staff who may record meetings, or the person (who may chair their own
 *   meeting).
 * - **evaluate**: each participant answers the three questions after the meeting.
 */
export interface MeetingRights {
  follow: boolean;
  prepare: boolean;
  readAgenda: boolean;
  seeWhoPrepared: boolean;
  start: boolean;
  evaluate: boolean;
}

const AGENDA_READERS: readonly PlanViewer[] = ['person', 'guardian', 'representative', 'relative', 'staff_participant'];
const PREPARERS: readonly PlanViewer[] = [...AGENDA_READERS, 'staff_called_unit'];

export function meetingRights(permissions: PlanPermissions, consent: ConsentState, planState: PlanState): MeetingRights {
  const as = permissions.as;
  const follow = permissions.reach && permissions.read.meetings;
  const open = planState !== 'avslutad' && consent === 'active';
  const inAgenda = follow && as !== null && AGENDA_READERS.includes(as);
  return {
    follow,
    prepare: follow && open && as !== null && PREPARERS.includes(as),
    readAgenda: inAgenda && consent === 'active',
    seeWhoPrepared: follow && as === 'staff_participant',
    start: follow && open && (permissions.can.record_meeting || as === 'person'),
    evaluate: inAgenda,
  };
}

/**
 * A child's shared answers follow the child's own view, by the same rule (the section
 * registry's): whoever may not read the child's section — relatives, a representative, the
 * guardians when staff have recorded the child's secrecy — does not get them either.
 */
export function personAnswersHidden(actor: SectionActor): boolean {
  return actor.plan.isChild && !sectionAccess(actor, 'child').read;
}
