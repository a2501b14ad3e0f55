import { z } from 'zod';
import {
  CHAIR_CHECKLIST,
  EVALUATION_COMMENT_MAX_LENGTH,
  EVALUATION_QUESTIONS,
  EVALUATION_SCALE,
  MEETING_NOTES_MAX_LENGTH,
  PLAN_DELIVERIES,
} from '../motescirkeln/meeting-mode';
import { MEETING_PARTS, type PartShares, sharesProblem } from '../motescirkeln/parts';
import { COUNTY_CODE_LIST } from '../domain/directory';
import { GUARD_FAILURES } from '../plans/plan-lifecycle';
import { isoDateSchema } from './common';
import { followUpReviewSchema } from './follow-up';
import { LIVE_STATUSES, limitedText, meetingPartIdSchema, plannedPartSchema } from './meeting-preparation';
import { ATTENDANCE_MODES, MEETING_KINDS } from '../plans/plan-vocabulary';

/**
 * Meeting mode: the live state every follower receives (on the /meeting socket and over
 * REST) and the chair's commands. The state carries no words — parts, times, ticks (as
 * keys), attendance, what is missing — so whoever may follow the meeting may receive it;
 * words (shared answers, notes, actions) are read over REST, each reader under the policy.
 */

export const meetingLiveStateSchema = z.object({
  meetingId: z.uuid(),
  planId: z.uuid(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(LIVE_STATUSES),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  parts: z.array(plannedPartSchema),
  currentPart: z.enum(MEETING_PARTS).nullable(),
  partStartedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Each part as it ran: when it started and ended (the current one has no end yet). */
  partLog: z.array(z.object({ part: z.enum(MEETING_PARTS), startedAt: z.string(), endedAt: z.string().nullable() })),
  chairParticipantId: z.uuid().nullable(),
  noteTakerParticipantId: z.uuid().nullable(),
  checklist: z.record(z.enum(CHAIR_CHECKLIST), z.boolean()),
  /** agendaKey() of each frågeställning answered. */
  agendaDone: z.array(z.string()),
  attendance: z.array(z.object({ participantId: z.uuid(), mode: z.enum(ATTENDANCE_MODES), withMandate: z.boolean().nullable() })),
  /** What part 5 still needs before the meeting may end (guard failure codes). */
  endMissing: z.array(z.enum(GUARD_FAILURES)),
  /** Grows with every change: a follower keeps the newest. */
  revision: z.number().int(),
  /** The server's clock when the state was sent: clients time the parts against it. */
  serverNow: z.string(),
});
export type MeetingLiveState = z.infer<typeof meetingLiveStateSchema>;

/** GET …/live: the state and this reader's place in the meeting. */
export const meetingLiveViewSchema = z.object({
  state: meetingLiveStateSchema,
  me: z.object({
    participantIds: z.array(z.uuid()),
    isChair: z.boolean(),
    isNoteTaker: z.boolean(),
  }),
});
export type MeetingLiveView = z.infer<typeof meetingLiveViewSchema>;

export const startMeetingSchema = z
  .object({
    /** Defaults to the chair named when the meeting was set up. */
    chairParticipantId: z.uuid().optional(),
    noteTakerParticipantId: z.uuid().nullable().optional(),
  })
  .strict();
export type StartMeeting = z.infer<typeof startMeetingSchema>;

export const movePartSchema = z.object({ part: meetingPartIdSchema }).strict();

export const liveUpdateSchema = z
  .object({
    checklist: z.record(z.string(), z.boolean()).optional(),
    agendaItem: z.object({ key: z.string().min(1).max(16), done: z.boolean() }).strict().optional(),
    /** The person's preference on who coordinates and leads, in their words. */
    personPreference: limitedText(500, 'text_too_long').nullable().optional(),
    notes: limitedText(MEETING_NOTES_MAX_LENGTH, 'notes_too_long').optional(),
    noteTakerParticipantId: z.uuid().nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const item of Object.keys(v.checklist ?? {})) {
      if (!(CHAIR_CHECKLIST as readonly string[]).includes(item)) {
        ctx.addIssue({ code: 'custom', path: ['checklist', item], message: 'No such checklist item', params: { reason: 'unknown_checklist_item' } });
      }
    }
    if (Object.keys(v).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'Nothing to change' });
  });
export type LiveUpdate = z.infer<typeof liveUpdateSchema>;

export const attendanceSchema = z
  .object({
    participantId: z.uuid(),
    mode: z.enum(ATTENDANCE_MODES),
    /** For someone taking part for a called principal: attended with the mandate to decide. */
    withMandate: z.boolean().nullable().optional(),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceSchema>;

/** Part 4 and 5 decisions, written into the plan. */
export const meetingDecisionsSchema = z
  .object({
    leadOrganisationId: z.uuid().optional(),
    coordinatorParticipantId: z.uuid().optional(),
    followUpDate: isoDateSchema.optional(),
    planDelivery: z.object({ kind: z.enum(PLAN_DELIVERIES), how: limitedText(300, 'text_too_long').optional() }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Object.keys(v).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'Nothing to decide' });
    if (v.planDelivery?.kind === 'copy' && !v.planDelivery.how?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['planDelivery', 'how'], message: 'Say how the copy is sent', params: { reason: 'how_required' } });
    }
  });
export type MeetingDecisions = z.infer<typeof meetingDecisionsSchema>;

export const endMeetingSchema = z.object({ review: followUpReviewSchema.optional() }).strict();
export type EndMeeting = z.infer<typeof endMeetingSchema>;

// ---- After the meeting ---------------------------------------------------------------

const scale = z.enum(EVALUATION_SCALE);
export const meetingEvaluationSchema = z
  .object({
    satisfied: scale,
    understood: scale,
    knows_contact: scale,
    comment: limitedText(EVALUATION_COMMENT_MAX_LENGTH, 'comment_too_long').optional(),
  })
  .strict();
export type MeetingEvaluation = z.infer<typeof meetingEvaluationSchema>;

export const myEvaluationSchema = z.object({ answered: z.boolean(), may: z.boolean() });

export const EVALUATION_GROUPS = ['person_side', 'staff'] as const;
const counts = z.record(z.enum(EVALUATION_QUESTIONS), z.record(scale, z.number().int()));

/**
 * Counts over many meetings, of answers given up to and including `through` (the last day of
 * the last whole month); a group with fewer than EVALUATION_MIN_ANSWERS answers shows none.
 */
export const evaluationSummarySchema = z.object({
  through: z.iso.date(),
  meetings: z.number().int(),
  answers: z.number().int(),
  groups: z.array(z.object({ group: z.enum(EVALUATION_GROUPS), answers: z.number().int(), suppressed: z.boolean(), counts: counts.nullable() })),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

// ---- The /meeting socket ---------------------------------------------------------------

/** Client → server events on /meeting, with what each needs (the route snapshot lists them). */
export const MEETING_CLIENT_EVENTS = {
  join: 'follow the meeting (plan policy: read meetings; the meeting in the plan)',
  leave: 'joined to the meeting',
} as const;
export const meetingJoinSchema = z.object({ planId: z.uuid(), meetingId: z.uuid() }).strict();
export const MEETING_SOCKET_ERRORS = ['invalid_message', 'unknown_event', 'not_found', 'access_revoked', 'session_expired', 'rate_limited', 'server_error'] as const;
export interface MeetingSocketError {
  code: (typeof MEETING_SOCKET_ERRORS)[number];
  meetingId?: string;
  reason: string;
  cause?: string;
}
/** Server → client: something in the agenda changed; read it again (each under the policy). */
export interface MeetingAgendaChanged {
  meetingId: string;
}
