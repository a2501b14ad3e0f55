import { z } from 'zod';
import { ACTION_STATUSES } from '../document/section-schemas';
import { REMINDER_RULE_IDS } from '../follow-up/reminder-rules';
import { isoDateSchema } from './common';

// ---- "Att göra": what needs the staff member, across every plan they reach --------------

export const TODO_KINDS = [
  'call_to_answer',
  'call_to_send',
  'action_overdue',
  'action_due_soon',
  'follow_up_overdue',
  'follow_up_due',
  'follow_up_date_missing',
  'consent_ending',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const todoQuerySchema = z
  .object({
    kind: z.enum(TODO_KINDS).optional(),
    unitId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TodoQuery = z.infer<typeof todoQuerySchema>;

export const todoItemSchema = z.object({
  kind: z.enum(TODO_KINDS),
  planId: z.uuid(),
  personName: z.string(),
  /** When it is due (a date, or a time for calls and discharge deadlines); null: as soon as possible. */
  dueAt: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  /** What it is about: the action's "what", the called unit… */
  label: z.string().nullable(),
  /** Where to act: a path in the app. */
  link: z.string(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;
export const todoListSchema = z.object({ items: z.array(todoItemSchema), total: z.number().int() });
export type TodoList = z.infer<typeof todoListSchema>;

// ---- Notifications: no name, no personnummer, no plan text — only that there is something

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(REMINDER_RULE_IDS),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const EMAIL_MODES = ['off', 'immediate', 'daily'] as const;
export const notificationPreferenceSchema = z
  .object({
    emailAddress: z.email().max(200).nullable(),
    emailMode: z.enum(EMAIL_MODES),
  })
  .strict();
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** Server → client on /notify whenever the count of unread notifications changes. */
export interface NotifyUnread {
  unread: number;
}

// ---- The follow-up meeting's review ------------------------------------------------------

export const REVIEW_DECISIONS = ['continue', 'change', 'end'] as const;
export const reviewItemSchema = z
  .object({
    itemKind: z.enum(['action', 'need', 'goal']),
    /** Actions: `<organisationId>:<actionId>`; needs and goals: their id. */
    itemKey: z.string().min(1).max(200),
    status: z.enum(ACTION_STATUSES).optional(),
    /** What came of it, against its goal. */
    outcome: z.string().trim().max(2000).optional(),
    decision: z.enum(REVIEW_DECISIONS),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export const followUpReviewSchema = z
  .object({
    items: z.array(reviewItemSchema).max(700),
    /** The next follow-up: set before the review can be recorded as held. */
    nextFollowUpDate: isoDateSchema,
  })
  .strict();
export type FollowUpReview = z.infer<typeof followUpReviewSchema>;

/**
 * What a follow-up meeting reviews: every current action (all of them must be reviewed
 * before the meeting is held), and the needs and goals (reviewed as the meeting chooses).
 * Read from the projected rows, the same rows the server checks the review against.
 */
export const reviewItemsSchema = z.object({
  actions: z.array(
    z.object({
      /** `<organisationId>:<actionId>`, the review item's key. */
      key: z.string(),
      organisationId: z.uuid(),
      organisationName: z.string(),
      what: z.string(),
      status: z.enum(ACTION_STATUSES),
      dueDate: z.string().nullable(),
      need: z.string().nullable(),
      goal: z.string().nullable(),
    }),
  ),
  needs: z.array(z.object({ id: z.string(), text: z.string() })),
  goals: z.array(z.object({ id: z.string(), text: z.string(), term: z.enum(['long', 'short']) })),
});
export type ReviewItems = z.infer<typeof reviewItemsSchema>;

/** What the person sees first: what happens now, who does it, whom to contact. */
export const happeningNowSchema = z.object({
  actions: z.array(
    z.object({
      organisationId: z.uuid(),
      actionId: z.string(),
      what: z.string(),
      performer: z.string().nullable(),
      when: z.string().nullable(),
      dueDate: z.string().nullable(),
      status: z.enum(ACTION_STATUSES),
      /** The person performs it themselves, and may mark it done. */
      mine: z.boolean(),
    }),
  ),
  nextFollowUp: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string().nullable(), contact: z.string().nullable() })),
});
export type HappeningNow = z.infer<typeof happeningNowSchema>;
