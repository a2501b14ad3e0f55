import { z } from 'zod';

/**
 * A plan's written content is several Yjs documents, one per section, named
 * `plan:<planId>:<section>`. The section is the permission boundary: each has its own
 * read and write audience (see section-access.ts).
 *
 * Each field is a named root type of the document (`doc.getXmlFragment('currentSituation')`,
 * `doc.getArray('needs')`). Root types merge by name, so two people who start the same
 * field at once both keep their work; nesting fields under one map would let one
 * concurrently created field replace the other. Free text is rich text, a Y.XmlFragment
 * written by the editor (see rich-text.ts); lists are Y.Arrays of Y.Maps whose values are
 * edited through form controls.
 */
export const FIXED_SECTIONS = ['person', 'child', 'shared', 'others'] as const;
export type FixedSection = (typeof FIXED_SECTIONS)[number];
/** One actions section per responsible principal: `actions:<organisationId>`. */
export type ActionsSection = `actions:${string}`;
export type SectionName = FixedSection | ActionsSection;

export type FieldKind = 'rich' | 'list';

/** The fields of each section and their kind; anything else in a document is refused. */
export const SECTION_FIELDS = {
  person: { importantToMe: 'rich', worksWell: 'rich', worksBadly: 'rich', longTermGoal: 'rich', shortTermGoals: 'rich', canDoMyself: 'rich' },
  child: { childView: 'rich' },
  shared: { currentSituation: 'rich', needs: 'list', goals: 'list', questions: 'list', disagreements: 'rich' },
  others: { measures: 'list' },
  actions: { actions: 'list' },
} as const satisfies Record<string, Record<string, FieldKind>>;

export function sectionFields(section: SectionName): Record<string, FieldKind> {
  return section.startsWith('actions:') ? SECTION_FIELDS.actions : SECTION_FIELDS[section as FixedSection];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSectionName(value: string): SectionName | null {
  if ((FIXED_SECTIONS as readonly string[]).includes(value)) return value as FixedSection;
  const m = /^actions:(.+)$/.exec(value);
  return m && UUID.test(m[1]!) ? (value as ActionsSection) : null;
}

export const actionsOrganisationId = (section: SectionName): string | null =>
  section.startsWith('actions:') ? section.slice('actions:'.length) : null;

export function documentName(planId: string, section: SectionName): string {
  return `plan:${planId}:${section}`;
}

export function parseDocumentName(name: string): { planId: string; section: SectionName } | null {
  const m = /^plan:([0-9a-f-]{36}):(.+)$/i.exec(name);
  if (!m || !UUID.test(m[1]!)) return null;
  const section = parseSectionName(m[2]!);
  return section ? { planId: m[1]!.toLowerCase(), section } : null;
}

// ---- The JSON form of each section, checked after every accepted update -------------

const text = (max = 20_000) => z.string().max(max);
const id = z.string().min(1).max(64);
const isoDate = z.union([z.literal(''), z.iso.date()]);

export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'not_done'] as const;

export const personSectionSchema = z
  .object({
    importantToMe: text(),
    worksWell: text(),
    worksBadly: text(),
    longTermGoal: text(),
    shortTermGoals: text(),
    canDoMyself: text(),
  })
  .partial()
  .strict();

export const childSectionSchema = z.object({ childView: text() }).partial().strict();

const listItem = z.object({ id, text: text(2000) }).strict();

export const sharedSectionSchema = z
  .object({
    currentSituation: text(),
    needs: z.array(listItem).max(200),
    goals: z.array(listItem.extend({ term: z.enum(['long', 'short']) }).strict()).max(200),
    questions: z.array(listItem).max(100),
    disagreements: text(),
  })
  .partial()
  .strict();

export const actionSchema = z
  .object({
    id,
    what: text(2000),
    needId: z.string().max(64).optional(),
    goalId: z.string().max(64).optional(),
    performingUnitId: z.string().max(64).optional(),
    responsiblePerson: text(200).optional(),
    when: text(200).optional(),
    frequency: text(200).optional(),
    startDate: isoDate.optional(),
    dueDate: isoDate.optional(),
    status: z.enum(ACTION_STATUSES),
    notDoneReason: text(2000).optional(),
    followUpNotes: text(5000).optional(),
  })
  .strict()
  .refine((a) => a.status !== 'not_done' || (a.notDoneReason ?? '').trim().length > 0, {
    path: ['notDoneReason'],
    message: 'An action not done needs a reason',
  });

export const actionsSectionSchema = z.object({ actions: z.array(actionSchema).max(300) }).partial().strict();

export const othersSectionSchema = z
  .object({
    measures: z
      .array(
        z
          .object({ id, actor: text(200), what: text(2000), when: text(200).optional(), responsible: text(200).optional() })
          .strict(),
      )
      .max(200),
  })
  .partial()
  .strict();

export function sectionSchema(section: SectionName): z.ZodType {
  switch (section) {
    case 'person':
      return personSectionSchema;
    case 'child':
      return childSectionSchema;
    case 'shared':
      return sharedSectionSchema;
    case 'others':
      return othersSectionSchema;
    default:
      return actionsSectionSchema;
  }
}

/** Largest single update the server accepts, and largest document it keeps. */
export const MAX_UPDATE_BYTES = 256 * 1024;
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
