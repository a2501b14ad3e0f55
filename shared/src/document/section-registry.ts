import {
  type SectionAccess,
  type SectionActor,
  type SectionAudience,
  type SectionPlanFacts,
  NO_ACCESS,
  audienceOf,
} from './section-access';
import { type SectionKindId, type SectionName, actionsOrganisationId, sectionKindOf } from './section-names';

export type FieldKind = 'rich' | 'list';
/**
 * Which rows the projection writes from a section (server/src/collaboration/projection).
 * `person_goals` and `child_view` record that something was written, and when
 * (plan_content_fact, read by statistics), and keep the long-term goal's and the child's
 * view's plain text on the plan, where the preparation, the kallelse and the plan page show it.
 */
export type ProjectionKind = 'needs_and_goals' | 'actions' | 'other_measures' | 'person_goals' | 'child_view';

/**
 * One record per kind of section: everything the server, the projection and the client need
 * to know about it. Adding a kind of section is adding a record here and its schema in
 * SECTION_SCHEMAS (section-schemas.ts), and their tests; there is no default — every lookup
 * is by the kind, and the type checker insists each kind has every part.
 *
 * The zod schemas are kept out of this record so that the client's pages, which read the
 * layout (fields, titles, order), do not build every section schema at start-up; only the
 * co-editing code, loaded with the workspace, checks content.
 */
export interface SectionKind {
  id: SectionKindId;
  /** Each field is a named root type of the document; anything else is refused. */
  fields: Record<string, FieldKind>;
  /**
   * Fields this kind once had and no longer writes: kept in stored documents, left out of
   * the content read from them (versions, projection), and refused when an update touches them.
   */
  retired?: readonly string[];
  /** Whether this section exists for the plan. */
  existsFor(section: SectionName, plan: SectionPlanFacts): boolean;
  /** Read and write audience, for an actor who reaches the plan. */
  access(audience: SectionAudience, actor: SectionActor, section: SectionName): { read: boolean; write: boolean };
  projection: ProjectionKind | null;
  /** Where the client shows it, in reading order, and how. */
  ui: { order: number; titleKey: string; layout: 'fields' | 'actions_table' };
}

const readByEveryoneInPlan = (a: SectionAudience) => a.personSide || a.staff || a.relative;

export const SECTION_KINDS: Record<SectionKindId, SectionKind> = {
  person: {
    id: 'person',
    fields: { importantToMe: 'rich', worksWell: 'rich', worksBadly: 'rich', longTermGoal: 'rich', shortTermGoals: 'rich', canDoMyself: 'rich' },
    existsFor: () => true,
    // The person's own part: they (or their guardians) write it; the chair or coordinator may
    // write down what the person says in the meeting.
    access: (a, actor) => ({ read: readByEveryoneInPlan(a), write: a.personSide || (a.staff && actor.isChairOrCoordinator) }),
    projection: 'person_goals',
    ui: { order: 10, titleKey: 'person', layout: 'fields' },
  },
  child: {
    id: 'child',
    fields: { childView: 'rich' },
    existsFor: (_section, plan) => plan.isChild,
    // The child's own view: the child and staff, never relatives, and guardians only
    // without recorded secrecy.
    access: (a, actor) => ({
      read: a.as === 'person' || a.staff || (a.as === 'guardian' && actor.permissions.read.child_view),
      write: a.as === 'person' || a.staff,
    }),
    projection: 'child_view',
    ui: { order: 20, titleKey: 'child', layout: 'fields' },
  },
  shared: {
    id: 'shared',
    fields: { currentSituation: 'rich', needs: 'list', goals: 'list', disagreements: 'rich' },
    // Frågeställningar are written once, in the preparation (they go into the kallelse and the
    // meeting's agenda), and shown here from there.
    retired: ['questions'],
    existsFor: () => true,
    // Staff write the shared text; the person's words reach it through the meeting and
    // their own part.
    access: (a) => ({ read: readByEveryoneInPlan(a), write: a.staff }),
    projection: 'needs_and_goals',
    ui: { order: 30, titleKey: 'shared', layout: 'fields' },
  },
  actions: {
    id: 'actions',
    fields: { actions: 'list' },
    existsFor: (section, plan) => plan.principalOrganisationIds.includes(actionsOrganisationId(section)!),
    // A principal's actions: written by its own staff (and the chair or coordinator). When
    // no consent is in force, each principal's staff keep reading only their own.
    access: (a, actor, section) => {
      const own = actor.organisationIds.includes(actionsOrganisationId(section)!);
      return {
        read: readByEveryoneInPlan(a) || (a.as === 'staff_own_records' && own),
        write: a.staff && (actor.isChairOrCoordinator || own),
      };
    },
    projection: 'actions',
    ui: { order: 40, titleKey: 'actions', layout: 'actions_table' },
  },
  others: {
    id: 'others',
    fields: { measures: 'list' },
    existsFor: () => true,
    access: (a) => ({ read: readByEveryoneInPlan(a), write: a.staff }),
    projection: 'other_measures',
    ui: { order: 50, titleKey: 'others', layout: 'fields' },
  },
};

export const sectionKind = (section: SectionName): SectionKind => SECTION_KINDS[sectionKindOf(section)];
export const sectionFields = (section: SectionName): Record<string, FieldKind> => sectionKind(section).fields;

export function sectionExists(section: SectionName, plan: SectionPlanFacts): boolean {
  return sectionKind(section).existsFor(section, plan);
}

/** Read and write access to one section; nothing for a section the plan does not have. */
export function sectionAccess(actor: SectionActor, section: SectionName): SectionAccess {
  if (!sectionExists(section, actor.plan)) return NO_ACCESS;
  const as = actor.permissions.as;
  if (!as) return { exists: true, read: false, write: false };
  const audience = audienceOf(as);
  const { read, write } = sectionKind(section).access(audience, actor, section);
  // Relatives read (and comment), never edit; a closed plan is read-only for everyone.
  const mayWrite = read && write && !audience.relative && !actor.plan.closed;
  return { exists: true, read, write: mayWrite };
}

/** Every section the plan has, in reading order. */
export function sectionsOfPlan(plan: SectionPlanFacts): SectionName[] {
  const names: SectionName[] = [];
  for (const kind of Object.values(SECTION_KINDS).sort((a, b) => a.ui.order - b.ui.order)) {
    if (kind.id === 'actions') {
      for (const id of plan.principalOrganisationIds) names.push(`actions:${id}`);
    } else if (kind.existsFor(kind.id, plan)) {
      names.push(kind.id);
    }
  }
  return names;
}
