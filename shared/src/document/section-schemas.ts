import { z } from 'zod';
import { type SectionKindId, type SectionName, sectionKindOf } from './section-names';

/**
 * The JSON form of each section, checked after every accepted update. The limits are
 * exported so that the editors can show them while the user types (a text the server would
 * refuse must never look saved).
 */
export const TEXT_LIMITS = {
  /** A rich-text field (plain text length, one line per paragraph). */
  richText: 20_000,
  /** A need, goal or action's "what". */
  item: 2000,
  /** Short fields: when, how often, responsible person, actor. */
  short: 200,
  /** Follow-up notes on an action. */
  notes: 5000,
  /** Why an action was not done. */
  reason: 2000,
} as const;

export const LIST_LIMITS = { needs: 200, goals: 200, actions: 300, measures: 200 } as const;

/**
 * The text limit of each text property of a list item, by its name — what the schemas below
 * check and what the editors count against, so the two cannot drift apart.
 */
export const ITEM_TEXT_LIMITS = {
  text: TEXT_LIMITS.item,
  what: TEXT_LIMITS.item,
  actor: TEXT_LIMITS.short,
  when: TEXT_LIMITS.short,
  frequency: TEXT_LIMITS.short,
  responsible: TEXT_LIMITS.short,
  responsiblePerson: TEXT_LIMITS.short,
  notDoneReason: TEXT_LIMITS.reason,
  followUpNotes: TEXT_LIMITS.notes,
} as const;
export type ItemTextProperty = keyof typeof ITEM_TEXT_LIMITS;
const L = ITEM_TEXT_LIMITS;

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(64);
const isoDate = z.union([z.literal(''), z.iso.date()]);

export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'not_done'] as const;
/** Who performs an action: a unit of the responsible principal, the person, a relative, someone else. */
export const ACTION_PERFORMERS = ['unit', 'person', 'relative', 'other'] as const;
export type ActionPerformer = (typeof ACTION_PERFORMERS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const personSectionSchema = z
  .object({
    importantToMe: text(TEXT_LIMITS.richText),
    worksWell: text(TEXT_LIMITS.richText),
    worksBadly: text(TEXT_LIMITS.richText),
    longTermGoal: text(TEXT_LIMITS.richText),
    shortTermGoals: text(TEXT_LIMITS.richText),
    canDoMyself: text(TEXT_LIMITS.richText),
  })
  .partial()
  .strict();

export const childSectionSchema = z.object({ childView: text(TEXT_LIMITS.richText) }).partial().strict();

const listItem = z.object({ id, text: text(L.text) }).strict();

export const sharedSectionSchema = z
  .object({
    currentSituation: text(TEXT_LIMITS.richText),
    needs: z.array(listItem).max(LIST_LIMITS.needs),
    goals: z.array(listItem.extend({ term: z.enum(['long', 'short']) }).strict()).max(LIST_LIMITS.goals),
    disagreements: text(TEXT_LIMITS.richText),
  })
  .partial()
  .strict();

export const actionSchema = z
  .object({
    id,
    what: text(L.what),
    needId: z.string().max(64).optional(),
    goalId: z.string().max(64).optional(),
    performer: z.enum(ACTION_PERFORMERS).optional(),
    performingUnitId: z.string().max(64).optional(),
    responsiblePerson: text(L.responsiblePerson).optional(),
    when: text(L.when).optional(),
    frequency: text(L.frequency).optional(),
    startDate: isoDate.optional(),
    dueDate: isoDate.optional(),
    status: z.enum(ACTION_STATUSES),
    notDoneReason: text(L.notDoneReason).optional(),
    followUpNotes: text(L.followUpNotes).optional(),
  })
  .strict()
  .refine((a) => a.status !== 'not_done' || (a.notDoneReason ?? '').trim().length > 0, {
    path: ['notDoneReason'],
    message: 'An action not done needs a reason',
  })
  .refine((a) => !a.startDate || !a.dueDate || a.dueDate >= a.startDate, {
    path: ['dueDate'],
    message: 'An action cannot end before it starts',
  });

export const actionsSectionSchema = z.object({ actions: z.array(actionSchema).max(LIST_LIMITS.actions) }).partial().strict();

export const othersSectionSchema = z
  .object({
    measures: z
      .array(
        z
          .object({
            id,
            actor: text(L.actor),
            what: text(L.what),
            when: text(L.when).optional(),
            responsible: text(L.responsible).optional(),
          })
          .strict(),
      )
      .max(LIST_LIMITS.measures),
  })
  .partial()
  .strict();

/** Each kind of section's schema (the kinds themselves: SECTION_KINDS, section-registry.ts). */
export const SECTION_SCHEMAS: Record<SectionKindId, z.ZodType> = {
  person: personSectionSchema,
  child: childSectionSchema,
  shared: sharedSectionSchema,
  actions: actionsSectionSchema,
  others: othersSectionSchema,
};

export const sectionSchema = (section: SectionName): z.ZodType => SECTION_SCHEMAS[sectionKindOf(section)];

/** Largest single update the server accepts, and largest document it keeps. */
export const MAX_UPDATE_BYTES = 256 * 1024;
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
